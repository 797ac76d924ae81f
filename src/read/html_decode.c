#define _GNU_SOURCE	/* memmem */
#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html_decode.h"
#include "util.h"

/* WHATWG encoding labels to the names glibc's iconv knows. A label not
 * here is tried with iconv as written. */
static const struct {
	const char *label, *name;
} labels[] = {
	{"utf-8", "UTF-8"}, {"utf8", "UTF-8"}, {"unicode-1-1-utf-8", "UTF-8"},
	/* a page that says UTF-16 in its own bytes cannot be UTF-16 */
	{"utf-16", "UTF-8"}, {"utf-16le", "UTF-8"}, {"utf-16be", "UTF-8"},
	{"iso-8859-1", "WINDOWS-1252"}, {"iso8859-1", "WINDOWS-1252"}, {"latin1", "WINDOWS-1252"},
	{"l1", "WINDOWS-1252"}, {"iso_8859-1", "WINDOWS-1252"}, {"us-ascii", "WINDOWS-1252"},
	{"ascii", "WINDOWS-1252"}, {"cp1252", "WINDOWS-1252"}, {"windows-1252", "WINDOWS-1252"},
	{"x-cp1252", "WINDOWS-1252"}, {"cp819", "WINDOWS-1252"},
	{"iso-8859-9", "WINDOWS-1254"}, {"latin5", "WINDOWS-1254"},
	{"gb2312", "GB18030"}, {"gbk", "GB18030"}, {"x-gbk", "GB18030"}, {"gb18030", "GB18030"},
	{"chinese", "GB18030"}, {"csgb2312", "GB18030"},
	{"big5", "BIG5-HKSCS"}, {"big5-hkscs", "BIG5-HKSCS"}, {"x-x-big5", "BIG5-HKSCS"},
	{"shift_jis", "CP932"}, {"shift-jis", "CP932"}, {"sjis", "CP932"}, {"ms_kanji", "CP932"},
	{"x-sjis", "CP932"}, {"windows-31j", "CP932"},
	{"euc-kr", "CP949"}, {"ks_c_5601-1987", "CP949"}, {"korean", "CP949"},
	{"tis-620", "WINDOWS-874"}, {"iso-8859-11", "WINDOWS-874"},
};

/* Copy the encoding label S (N bytes) to OUT as an iconv name; return 0,
 * or -1 when iconv knows no such encoding. */
static int
label_name(const char *s, size_t n, char out[HTML_ENC_MAX])
{
	char lab[HTML_ENC_MAX];
	size_t i;
	iconv_t cd;

	while (n && isspace((unsigned char)*s))
		s++, n--;
	while (n && (isspace((unsigned char)s[n - 1]) || s[n - 1] == '"' || s[n - 1] == '\''))
		n--;
	if (n == 0 || n >= sizeof(lab))
		return -1;
	for (i = 0; i < n; i++)
		lab[i] = (char)tolower((unsigned char)s[i]);
	lab[n] = 0;
	for (i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (strcmp(lab, labels[i].label) == 0) {
			strcpy(out, labels[i].name);
			return 0;
		}
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)lab[i]) && !strchr("-_.:", lab[i]))
			return -1;
	if ((cd = iconv_open("UTF-8", lab)) == (iconv_t)-1)
		return -1;
	iconv_close(cd);
	for (i = 0; i <= n; i++)
		out[i] = (char)toupper((unsigned char)lab[i]);
	return 0;
}

/* Find "charset=" in a Content-Type value V (N bytes); return 0 with the
 * name in OUT, or -1. */
static int
content_charset(const char *v, size_t n, char out[HTML_ENC_MAX])
{
	size_t i, k;

	for (i = 0; i + 8 <= n; i++)
		if (strncasecmp(v + i, "charset", 7) == 0) {
			i += 7;
			while (i < n && isspace((unsigned char)v[i]))
				i++;
			if (i >= n || v[i] != '=')
				continue;
			i++;
			while (i < n && (isspace((unsigned char)v[i]) || v[i] == '"' || v[i] == '\''))
				i++;
			for (k = i; k < n && !isspace((unsigned char)v[k]) && !strchr(";\"'", v[k]); k++)
				;
			return label_name(v + i, k - i, out);
		}
	return -1;
}

/* Read one attribute at *P (before END) into name/value spans; return 0,
 * or -1 at the tag's end. */
static int
next_attr(const char **p, const char *end, const char **name, size_t *nlen,
    const char **val, size_t *vlen)
{
	const char *s = *p;

	while (s < end && (isspace((unsigned char)*s) || *s == '/'))
		s++;
	if (s >= end || *s == '>')
		return -1;
	*name = s;
	while (s < end && !isspace((unsigned char)*s) && *s != '=' && *s != '>' && *s != '/')
		s++;
	*nlen = (size_t)(s - *name);
	*val = s;
	*vlen = 0;
	while (s < end && isspace((unsigned char)*s))
		s++;
	if (s < end && *s == '=') {
		s++;
		while (s < end && isspace((unsigned char)*s))
			s++;
		if (s < end && (*s == '"' || *s == '\'')) {
			char q = *s++;

			*val = s;
			while (s < end && *s != q)
				s++;
			*vlen = (size_t)(s - *val);
			if (s < end)
				s++;
		} else {
			*val = s;
			while (s < end && !isspace((unsigned char)*s) && *s != '>')
				s++;
			*vlen = (size_t)(s - *val);
		}
	}
	*p = s;
	return 0;
}

/* The prescan of a <meta> tag starting at P: return 0 with its charset. */
static int
meta_charset(const char *p, const char *end, char out[HTML_ENC_MAX])
{
	const char *name, *val, *content = NULL;
	size_t nlen, vlen, clen = 0;
	int equiv = 0;

	while (next_attr(&p, end, &name, &nlen, &val, &vlen) == 0) {
		if (nlen == 7 && strncasecmp(name, "charset", 7) == 0)
			return label_name(val, vlen, out);
		if (nlen == 10 && strncasecmp(name, "http-equiv", 10) == 0)
			equiv = vlen == 12 && strncasecmp(val, "content-type", 12) == 0;
		if (nlen == 7 && strncasecmp(name, "content", 7) == 0) {
			content = val;
			clen = vlen;
		}
	}
	if (equiv && content)
		return content_charset(content, clen, out);
	return -1;
}

/* Return 1 when B[0..N) is valid UTF-8 (no overlong forms, surrogates or
 * code points past U+10FFFF). */
static int
valid_utf8(const unsigned char *b, size_t n)
{
	size_t i = 0, k, need;

	while (i < n) {
		unsigned c = b[i];

		if (c < 0x80) {
			i++;
			continue;
		}
		need = c >= 0xC2 && c < 0xE0 ? 1 : c >= 0xE0 && c < 0xF0 ? 2 :
		    c >= 0xF0 && c < 0xF5 ? 3 : 0;
		if (need == 0 || i + need >= n)
			return 0;
		for (k = 1; k <= need; k++)
			if ((b[i + k] & 0xC0) != 0x80)
				return 0;
		if ((c == 0xE0 && b[i + 1] < 0xA0) || (c == 0xED && b[i + 1] >= 0xA0) ||
		    (c == 0xF0 && b[i + 1] < 0x90) || (c == 0xF4 && b[i + 1] >= 0x90))
			return 0;
		i += need + 1;
	}
	return 1;
}

void
html_sniff(const char *bytes, size_t len, const char *hint, char out[HTML_ENC_MAX])
{
	const unsigned char *u = (const unsigned char *)bytes;
	size_t i, n = len < 1024 ? len : 1024;

	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		strcpy(out, "UTF-8");
		return;
	}
	if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
		strcpy(out, "UTF-16LE");
		return;
	}
	if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
		strcpy(out, "UTF-16BE");
		return;
	}
	if (hint && label_name(hint, strlen(hint), out) == 0)
		return;
	for (i = 0; i + 5 < n; i++) {
		if (bytes[i] != '<')
			continue;
		if (strncmp(bytes + i, "<!--", 4) == 0) {
			const char *e = memmem(bytes + i + 4, n - i - 4, "-->", 3);

			if (e == NULL)
				break;
			i = (size_t)(e - bytes) + 2;
		} else if (strncasecmp(bytes + i, "<meta", 5) == 0 &&
		    (isspace(u[i + 5]) || u[i + 5] == '/') &&
		    meta_charset(bytes + i + 5, bytes + n, out) == 0)
			return;
	}
	strcpy(out, valid_utf8(u, len) ? "UTF-8" : "WINDOWS-1252");
}

/* Note one replaced byte at OFF of the input (counting lines up to it). */
struct bad {
	size_t	 n;
	int	 line;
};

static void
bad_at(struct bad *bad, const char *text, size_t off)
{
	if (bad->n++ == 0) {
		bad->line = 1;
		for (size_t i = 0; i < off; i++)
			bad->line += text[i] == '\n';
	}
}

/* UTF-8 in, UTF-8 out: invalid sequences and NUL become U+FFFD. */
static void
decode_utf8(struct buf *out, const char *s, size_t len, struct bad *bad)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, run = 0;

	while (i < len) {
		size_t k = i;

		while (k < len && u[k] >= 0x01 && u[k] < 0x80)
			k++;
		buf_put(out, s + i, k - i);
		i = k;
		if (i >= len)
			break;
		run = u[i] == 0 ? 0 : u[i] < 0xE0 ? 2 : u[i] < 0xF0 ? 3 : 4;
		if (run && i + run <= len && valid_utf8(u + i, run)) {
			buf_put(out, s + i, run);
			i += run;
		} else {
			bad_at(bad, s, i);
			buf_puts(out, "\xEF\xBF\xBD");
			i++;
		}
	}
}

/* Any encoding through iconv; a byte it cannot convert becomes U+FFFD. */
static int
decode_iconv(struct buf *out, const char *path, const char *s, size_t len, const char *enc,
    struct bad *bad)
{
	iconv_t cd = iconv_open("UTF-8", enc);
	char *in = (char *)s;
	size_t left = len;

	if (cd == (iconv_t)-1)
		return err_set(path, 0, "cannot decode the encoding %s: %s", enc, strerror(errno));
	while (left > 0) {
		char *o;
		size_t room, r;

		buf_grow(out, left * 2 + 16);
		o = out->data + out->len;
		room = out->cap - out->len - 1;
		r = iconv(cd, &in, &left, &o, &room);
		out->len = (size_t)(o - out->data);
		out->data[out->len] = 0;
		if (r != (size_t)-1 || errno == E2BIG)
			continue;
		bad_at(bad, s, (size_t)(in - s));
		buf_puts(out, "\xEF\xBF\xBD");
		in++;
		left--;
		iconv(cd, NULL, NULL, NULL, NULL);
	}
	iconv_close(cd);
	return 0;
}

char *
html_decode(const char *path, const char *bytes, size_t len, const char *encoding, size_t *outlen)
{
	struct buf out = {0}, clean = {0};
	struct bad bad = {0};
	const unsigned char *u = (const unsigned char *)bytes;

	if (strcmp(encoding, "UTF-8") == 0) {
		if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
			bytes += 3, len -= 3;
		decode_utf8(&out, bytes, len, &bad);
	} else {
		if (strncmp(encoding, "UTF-16", 6) == 0 && len >= 2)
			bytes += 2, len -= 2;
		if (decode_iconv(&out, path, bytes, len, encoding, &bad) != 0) {
			buf_free(&out);
			return NULL;
		}
		/* iconv passes NUL through */
		decode_utf8(&clean, buf_str(&out), out.len, &(struct bad){0});
		buf_free(&out);
		out = clean;
	}
	if (bad.n)
		warn_at(path, bad.line, "%zu byte%s that %s not %s replaced by U+FFFD", bad.n,
		    bad.n == 1 ? "" : "s", bad.n == 1 ? "is" : "are", encoding);
	*outlen = out.len;
	if (out.data == NULL)
		return xstrdup("");
	return buf_detach(&out);
}

int
html_looks_like(const char *text, size_t len)
{
	const unsigned char *u = (const unsigned char *)text;
	size_t i, n = len < 4096 ? len : 4096, ctl = 0, chars = 0;
	int tag = 0;

	for (i = 0; i < n; i++) {
		if ((u[i] < 0x20 && u[i] != '\t' && u[i] != '\n' && u[i] != '\r' && u[i] != '\f') ||
		    u[i] == 0x7F || (u[i] == 0xEF && i + 2 < n && u[i + 1] == 0xBF && u[i + 2] == 0xBD))
			ctl++;
		chars += (u[i] & 0xC0) != 0x80;
		if (u[i] == '<' && i + 1 < n && (isalpha(u[i + 1]) || u[i + 1] == '!' || u[i + 1] == '?'))
			tag = 1;
	}
	return tag && ctl * 50 <= chars;
}

/* Elements that hold no content, and those that close an open one of
 * their kind (so they do not nest in practice). */
static int
in_list(const char *name, size_t n, const char *const *list)
{
	for (; *list; list++)
		if (strlen(*list) == n && strncasecmp(name, *list, n) == 0)
			return 1;
	return 0;
}

static const char *const void_tags[] = {"area", "base", "br", "col", "embed", "hr", "img",
	"input", "link", "meta", "source", "track", "wbr", "param", "keygen", "basefont",
	"bgsound", "frame", "image", "menuitem", NULL};
static const char *const sibling_tags[] = {"p", "li", "dt", "dd", "option", "optgroup", "tr",
	"td", "th", "tbody", "thead", "tfoot", "rb", "rt", "rp", "rtc", "colgroup", "caption", NULL};
static const char *const raw_tags[] = {"script", "style", "textarea", "title", "xmp",
	"iframe", "noembed", "noframes", NULL};

/* The open elements as the flattener estimates them. */
struct nest {
	const char	*name[HTML_MAX_NEST];
	size_t		 len[HTML_MAX_NEST];
	int		 depth;
	size_t		 dropped;	/* start tags left out */
	size_t		 pending;	/* their end tags still to come */
};

/* Pop the open elements down to (and with) the innermost NAME, when open;
 * return 1 when it was. LIMIT: look no further down than this many. */
static int
nest_close(struct nest *st, const char *name, size_t n, int limit)
{
	int d;

	for (d = st->depth - 1; d >= 0 && d >= st->depth - limit; d--)
		if (st->len[d] == n && strncasecmp(st->name[d], name, n) == 0) {
			st->depth = d;
			return 1;
		}
	return 0;
}

/* Elements that an li, td, tr … start closes on its way to an open one of
 * its own kind; any other (a blockquote, a div, a list) keeps it open. */
static const char *const closable[] = {"p", "a", "b", "i", "em", "strong", "span", "font",
	"small", "u", "s", "code", "sup", "sub", "td", "th", "tr", "tbody", "thead", "tfoot",
	"li", "dt", "dd", "option", "optgroup", "rb", "rt", "rp", "rtc", "caption", "colgroup", NULL};

/* A start tag NAME that closes an open element of its kind when only
 * closable elements stand between (the estimate errs towards depth). */
static void
sibling_close(struct nest *st, const char *name, size_t n)
{
	for (int d = st->depth - 1; d >= 0 && d >= st->depth - 4; d--) {
		if (st->len[d] == n && strncasecmp(st->name[d], name, n) == 0) {
			st->depth = d;
			return;
		}
		if (!in_list(st->name[d], st->len[d], closable))
			return;
	}
}

/* The end of the tag that starts at S (a '<'), quotes respected. */
static const char *
tag_end(const char *s, const char *end)
{
	char q = 0;

	for (s++; s < end; s++) {
		if (q) {
			if (*s == q)
				q = 0;
		} else if (*s == '"' || *s == '\'')
			q = *s;
		else if (*s == '>')
			return s + 1;
	}
	return end;
}

/* Handle the tag at S (a '<' followed by a name or '/'): return where it
 * ends, and 1 in *DROP when it is to be left out. */
static const char *
flatten_tag(struct nest *st, const char *s, const char *end, int *drop)
{
	const char *name = s + 1, *e;
	size_t n = 0;
	int close = 0;

	*drop = 0;
	if (*name == '/')
		close = 1, name++;
	while (name + n < end && (isalnum((unsigned char)name[n]) || name[n] == '-' || name[n] == ':'))
		n++;
	e = tag_end(s, end);
	if (close) {
		if (!nest_close(st, name, n, HTML_MAX_NEST) && st->pending) {
			st->pending--;
			*drop = 1;
		}
		return e;
	}
	if (in_list(name, n, void_tags) || (e - s >= 2 && e[-2] == '/'))
		return e;
	if (in_list(name, n, sibling_tags))
		sibling_close(st, name, n);
	if (in_list(name, n, raw_tags)) {
		/* skip to the matching end tag; nothing inside is a tag */
		const char *p = e;

		while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
			if (p + 2 + n <= end && p[1] == '/' && strncasecmp(p + 2, name, n) == 0)
				return p;
			p++;
		}
		return end;
	}
	if (st->depth == HTML_MAX_NEST) {
		st->dropped++;
		st->pending++;
		*drop = 1;
		return e;
	}
	st->name[st->depth] = name;
	st->len[st->depth] = n;
	st->depth++;
	return e;
}

char *
html_flatten(const char *text, size_t len, size_t *outlen, size_t *dropped, int *line)
{
	struct nest *st = xcalloc(1, sizeof(*st));
	struct buf out = {0};
	const char *s = text, *end = text + len, *copied = text;
	char *ret = NULL;

	*dropped = 0;
	*line = 0;
	while ((s = memchr(s, '<', (size_t)(end - s))) != NULL) {
		const char *e;
		int drop;

		if (end - s >= 4 && strncmp(s, "<!--", 4) == 0) {
			e = memmem(s + 4, (size_t)(end - s - 4), "-->", 3);
			s = e ? e + 3 : end;
			continue;
		}
		if (s + 1 >= end || !(isalpha((unsigned char)s[1]) || s[1] == '/')) {
			s++;
			continue;
		}
		e = flatten_tag(st, s, end, &drop);
		if (drop) {
			if (*line == 0) {
				*line = 1;
				for (const char *p = text; p < s; p++)
					*line += *p == '\n';
			}
			buf_put(&out, copied, (size_t)(s - copied));
			copied = e;
		}
		s = e;
	}
	if (st->dropped) {
		buf_put(&out, copied, (size_t)(end - copied));
		*outlen = out.len;
		ret = buf_detach(&out);
		*dropped = st->dropped;
	}
	buf_free(&out);
	free(st);
	return ret;
}
