/*
 * The HTML-to-model converter (see html_conv.h): gumbo's tree → blocks and
 * inlines. Block containers are read as runs of inline content (one
 * paragraph each) between block elements; a picture standing alone in a
 * run becomes a figure. White space collapses as a browser collapses it.
 * Recursion is bounded: past HTML_MAX_NEST elements a subtree gives its
 * text (collected without recursion), and the model's nesting never passes
 * MODEL_MAX_DEPTH (deeper quotes and lists are flattened into their parent).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html_conv.h"
#include "reader.h"
#include "util.h"
#include "model/lang.h"

/* Elements deeper than this below the converted node give only their text. */
#define HTML_MAX_NEST	512
/* Nested quotes, lists and inline kinds past this many model levels are
 * flattened into their parent. */
#define HTML_MAX_MODEL	(MODEL_MAX_DEPTH - 8)
/* How many left-out things of each kind are named one by one. */
#define HTML_WARN_EACH	3
/* A descendant search (is there a block, a picture, text?) looks this deep. */
#define HTML_PEEK_DEPTH	24

struct html_id {
	const char	*id;
	const GumboNode	*node;
};

struct html_notes {
	struct html_id	*ids;		/* every id in the prepared tree, sorted */
	size_t		 nids, cids;
	const GumboNode	**note;		/* the element of note k (article note base + k) */
	char		**label;
	size_t		 nnote, cnote;
	size_t		 base;		/* a->nnotes before */
	const GumboNode	**skip;		/* note lists and notes: not body text; sorted */
	size_t		 nskip, cskip;
	char		**refid;	/* ids on and around note references; sorted */
	size_t		 nrefid, crefid;
};

/* ---- small helpers ---- */

const char *
html_attr(const GumboNode *n, const char *name)
{
	const GumboAttribute *at;

	if (n == NULL || n->type != GUMBO_NODE_ELEMENT)
		return NULL;
	at = gumbo_get_attribute(&n->v.element.attributes, name);
	return at ? at->value : NULL;
}

/* 1 when the white-space separated list S holds a token containing WORD
 * (ASCII case aside); EXACT: a token equal to WORD. */
static int
token_has(const char *s, const char *word, int exact)
{
	size_t w = strlen(word);

	while (s && *s) {
		size_t len, i;

		while (*s && isspace((unsigned char)*s))
			s++;
		for (len = 0; s[len] && !isspace((unsigned char)s[len]); len++)
			;
		for (i = 0; len >= w && i + w <= len; i++) {
			if (strncasecmp(s + i, word, w) == 0 && (!exact || len == w))
				return 1;
			if (exact)
				break;
		}
		s += len;
	}
	return 0;
}

int
html_class_has(const GumboNode *n, const char *word)
{
	return token_has(html_attr(n, "class"), word, 0);
}

static GumboTag
tag_of(const GumboNode *n)
{
	return n && n->type == GUMBO_NODE_ELEMENT ? n->v.element.tag : GUMBO_TAG_UNKNOWN;
}

static int
is_elem(const GumboNode *n)
{
	return n && n->type == GUMBO_NODE_ELEMENT;
}

/* 1 when N is an element gumbo does not know by the name NAME (lower case). */
static int
is_named(const GumboNode *n, const char *name)
{
	GumboStringPiece s;

	if (!is_elem(n) || n->v.element.tag != GUMBO_TAG_UNKNOWN)
		return 0;
	s = n->v.element.original_tag;
	gumbo_tag_from_original_text(&s);
	return s.length == strlen(name) && strncasecmp(s.data, name, s.length) == 0;
}

/* gumbo 0.10 predates <picture>: it is an unknown element by that name. */
static int
is_picture(const GumboNode *n)
{
	return is_named(n, "picture");
}

static int
line_of(const struct html_conv *c, const GumboNode *n)
{
	unsigned line = 0;

	if (n == NULL)
		return 0;
	if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE)
		line = n->v.element.start_pos.line;
	else if (n->type != GUMBO_NODE_DOCUMENT)
		line = n->v.text.start_pos.line;
	return line ? (int)line + c->lineoff : 0;
}

/* The element's name as written ("iframe", "my-widget"): fresh. */
static char *
tag_name(const GumboNode *n)
{
	GumboStringPiece s;

	if (!is_elem(n))
		return xstrdup("?");
	if (n->v.element.tag != GUMBO_TAG_UNKNOWN)
		return xstrdup(gumbo_normalized_tagname(n->v.element.tag));
	s = n->v.element.original_tag;
	gumbo_tag_from_original_text(&s);
	return s.length ? xstrndup(s.data, s.length) : xstrdup("?");
}

/* Record one thing left out. */
static void
drop(struct html_conv *c, enum html_drop kind, const GumboNode *n, const char *what)
{
	static const char *kinds[HTML_DROP_N] = {
		"script", "style", "frame or embedded object", "media element", "form control",
		"link with an unsafe target (its text kept)", "remote image (its words kept)",
		"element nested too deep (its text kept)", "element",
	};
	int line = line_of(c, n);

	if (c->ndrop[kind]++ < HTML_WARN_EACH) {
		warn_at(c->path, line, "%s left out: %s", kinds[kind], what);
		return;
	}
	if (c->dropline[kind] == 0)
		c->dropline[kind] = line ? line : -1;
}

static void
drop_elem(struct html_conv *c, enum html_drop kind, const GumboNode *n)
{
	char *name = tag_name(n), *what = xprintf("<%s>", name);

	drop(c, kind, n, what);
	free(what);
	free(name);
}

/* ---- URLs ---- */

/* Length of REF's scheme ("https"), or 0 when it has none. */
static size_t
scheme_len(const char *ref)
{
	size_t i;

	if (!isalpha((unsigned char)ref[0]))
		return 0;
	for (i = 1; isalnum((unsigned char)ref[i]) || ref[i] == '+' || ref[i] == '-' || ref[i] == '.'; i++)
		;
	return ref[i] == ':' ? i : 0;
}

/* A fresh copy of URL S without leading/trailing white space and without
 * tabs and newlines inside (as browsers strip them). */
static char *
url_clean(const char *s)
{
	struct buf b = {0};
	size_t n;

	while (*s && (unsigned char)*s <= ' ')
		s++;
	for (; *s; s++)
		if (*s != '\t' && *s != '\n' && *s != '\r')
			buf_putc(&b, *s);
	n = b.len;
	while (n && (unsigned char)b.data[n - 1] <= ' ')
		n--;
	b.len = n;
	if (b.data)
		b.data[n] = '\0';
	return buf_detach(&b);
}

/* Remove "." and ".." segments from the path in B from offset START on. */
static void
dot_segments(struct buf *b, size_t start)
{
	char *p = b->data + start, *end, *q;
	struct buf out = {0};
	size_t tail;

	/* the path ends at "?" or "#" */
	for (end = p; *end && *end != '?' && *end != '#'; end++)
		;
	tail = (size_t)(end - p);
	q = p;
	while (q < p + tail) {
		char *seg = q + 1, *next;

		for (next = seg; next < p + tail && *next != '/'; next++)
			;
		if ((size_t)(next - seg) == 1 && seg[0] == '.') {
			if (next == p + tail)
				buf_putc(&out, '/');
		} else if ((size_t)(next - seg) == 2 && seg[0] == '.' && seg[1] == '.') {
			while (out.len && out.data[out.len - 1] != '/')
				out.len--;
			if (out.len)
				out.len--;
			if (next == p + tail)
				buf_putc(&out, '/');
		} else
			buf_put(&out, q, (size_t)(next - q));
		q = next;
	}
	buf_puts(&out, end);
	b->len = start;
	buf_put(b, buf_str(&out), out.len);
	buf_free(&out);
}

char *
html_url_resolve(const char *base, const char *ref)
{
	char *r = url_clean(ref ? ref : ""), *out = NULL;
	size_t sl = scheme_len(r), auth;
	struct buf b = {0};
	const char *p;

	if (sl) {
		if ((sl == 4 && strncasecmp(r, "http", 4) == 0) ||
		    (sl == 5 && strncasecmp(r, "https", 5) == 0) ||
		    (sl == 6 && strncasecmp(r, "mailto", 6) == 0)) {
			if (sl != 6 && strncmp(r + sl, "://", 3) != 0)
				goto done;	/* "http:foo" */
			out = r;
			r = NULL;
		}
		goto done;
	}
	if (base == NULL || *r == '\0' || (!str_startswith(base, "http://") &&
	    !str_startswith(base, "https://")))
		goto done;
	sl = scheme_len(base);
	auth = sl + 3;
	for (p = base + auth; *p && *p != '/' && *p != '?' && *p != '#'; p++)
		;
	if (r[0] == '/' && r[1] == '/') {		/* "//host/path" */
		buf_put(&b, base, sl + 1);
		buf_puts(&b, r);
		dot_segments(&b, b.len - strlen(r) + 2 + strcspn(r + 2, "/?#"));
	} else if (r[0] == '/') {			/* "/path" */
		buf_put(&b, base, (size_t)(p - base));
		buf_puts(&b, r);
		dot_segments(&b, (size_t)(p - base));
	} else if (r[0] == '?' || r[0] == '#') {
		size_t n = strcspn(base, r[0] == '?' ? "?#" : "#");

		buf_put(&b, base, n);
		buf_puts(&b, r);
	} else {
		const char *q = p, *last = p;
		size_t dir;

		for (; *q && *q != '?' && *q != '#'; q++)
			if (*q == '/')
				last = q;
		dir = (size_t)(last - base);
		buf_put(&b, base, dir);
		buf_putc(&b, '/');
		buf_puts(&b, r);
		dot_segments(&b, (size_t)(p - base));
	}
	out = buf_detach(&b);
done:
	free(r);
	return out;
}

/* 0 for a URL mkbook cannot use (javascript:, file: …), 1 for a local file
 * (relative, a data: image, or a cid: part of an MHTML file), 2 for a
 * remote one (http, https, //). */
static int
src_kind(const char *s)
{
	size_t sl;

	if (s == NULL || *s == '\0')
		return 0;
	if (s[0] == '/' && s[1] == '/')
		return 2;
	sl = scheme_len(s);
	if (sl == 0)
		return s[0] == '#' ? 0 : 1;
	if ((sl == 4 && strncasecmp(s, "http", 4) == 0) || (sl == 5 && strncasecmp(s, "https", 5) == 0))
		return 2;
	if (sl == 4 && strncasecmp(s, "data", 4) == 0)
		return strncasecmp(s, "data:image/", 11) == 0 ? 1 : 0;
	if (sl == 3 && strncasecmp(s, "cid", 3) == 0)
		return 1;
	return 0;
}

/* 1 for a lazy-loading placeholder: a tiny data: GIF or SVG, a blank. */
static int
placeholder(const char *s)
{
	if (s == NULL)
		return 1;
	if (strncasecmp(s, "data:", 5) == 0)
		return strlen(s) < 400 && (strncasecmp(s, "data:image/gif", 14) == 0 ||
		    strncasecmp(s, "data:image/svg", 14) == 0);
	return token_has(s, "blank.gif", 0) || token_has(s, "spacer.gif", 0) ||
	    token_has(s, "pixel.gif", 0) || token_has(s, "placeholder", 0) ||
	    token_has(s, "lazy-load", 0) || token_has(s, "lazyload", 0);
}

struct cand {
	char		*url;		/* fresh, or NULL */
	double		 w;		/* width descriptor, or density × 1e6 */
	int		 prio;		/* 2 lazy srcset, 1 lazy src / srcset, 0 src */
};

/* Keep URL[0..LEN) at weight W in BEST when it beats what BEST holds:
 * a local file beats a remote one, then the widest, then the lazy one. */
static void
consider(struct cand *best, const char *url, size_t len, double w, int prio)
{
	char *u = xstrndup(url, len), *t = url_clean(u);
	int kind = src_kind(t);
	int score = kind == 1 ? 2 : kind == 2 ? 1 : 0;
	int bscore = best->url ? (src_kind(best->url) == 1 ? 2 : 1) : -1;

	free(u);
	if (!placeholder(t) && score > 0 && (score > bscore || (score == bscore &&
	    (w > best->w || (w == best->w && prio > best->prio))))) {
		free(best->url);
		best->url = t;
		best->w = w;
		best->prio = prio;
		return;
	}
	free(t);
}

/* Consider every candidate of srcset S ("a.jpg 800w, b.jpg 2x"). */
static void
srcset(struct cand *best, const char *s, int prio)
{
	const char *p = s;

	while (*p) {
		const char *u, *d;
		size_t ul;
		double w = 1e6;

		while (*p && (isspace((unsigned char)*p) || *p == ','))
			p++;
		u = p;
		while (*p && !isspace((unsigned char)*p))
			p++;
		ul = (size_t)(p - u);
		if (ul && u[ul - 1] == ',')
			ul--;
		else {
			/* descriptors up to the next comma */
			for (d = p; *d && *d != ','; d++)
				;
			while (p < d && isspace((unsigned char)*p))
				p++;
			if (p < d) {
				char *end;
				double v = strtod(p, &end);

				if (end < d && (*end == 'w' || *end == 'W'))
					w = v;
				else if (end < d && (*end == 'x' || *end == 'X'))
					w = v * 1e6;
			}
			p = d;
		}
		if (ul)
			consider(best, u, ul, w, prio);
	}
}

/* Consider the source attributes of element N (an img or a source). */
static void
img_cands(const GumboNode *n, struct cand *best)
{
	static const char *lazy_sets[] = {"data-srcset", "data-lazy-srcset"};
	static const char *lazy_srcs[] = {"data-src", "data-lazy-src", "data-original",
	    "data-lazy", "data-hi-res-src", "data-full-src"};
	const char *v;
	size_t i;

	for (i = 0; i < sizeof(lazy_sets) / sizeof(lazy_sets[0]); i++)
		if ((v = html_attr(n, lazy_sets[i])) != NULL)
			srcset(best, v, 2);
	if ((v = html_attr(n, "srcset")) != NULL)
		srcset(best, v, 1);
	/* a plain src has no width to show: any srcset candidate beats it */
	for (i = 0; i < sizeof(lazy_srcs) / sizeof(lazy_srcs[0]); i++)
		if ((v = html_attr(n, lazy_srcs[i])) != NULL)
			consider(best, v, strlen(v), 0, 1);
	if ((v = html_attr(n, "src")) != NULL)
		consider(best, v, strlen(v), 0, 0);
}

/* 1 when a <source> of TYPE may hold a picture mkbook reads. */
static int
type_ok(const char *type)
{
	return type == NULL || *type == '\0' || strncasecmp(type, "image/jpeg", 10) == 0 ||
	    strncasecmp(type, "image/png", 9) == 0 || strncasecmp(type, "image/jpg", 9) == 0;
}

char *
html_img_src(const GumboNode *img)
{
	struct cand best = {0};
	size_t i;

	if (!is_elem(img))
		return NULL;
	if (is_picture(img) || (tag_of(img) == GUMBO_TAG_IMG &&
	    is_picture(img->parent))) {
		const GumboNode *pic = is_picture(img) ? img : img->parent;
		const GumboVector *kids = &pic->v.element.children;

		for (i = 0; i < kids->length; i++) {
			const GumboNode *k = kids->data[i];

			if ((tag_of(k) == GUMBO_TAG_SOURCE && type_ok(html_attr(k, "type"))) ||
			    tag_of(k) == GUMBO_TAG_IMG)
				img_cands(k, &best);
		}
	} else
		img_cands(img, &best);
	return best.url;
}

/* ---- the tree ---- */

/* Elements whose content is never shown in a book, and the kind each is. */
static int
dropped_kind(GumboTag t)
{
	switch (t) {
	case GUMBO_TAG_SCRIPT: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_NOEMBED:
	case GUMBO_TAG_NOFRAMES:
		return HTML_DROP_SCRIPT;
	case GUMBO_TAG_STYLE: case GUMBO_TAG_LINK: case GUMBO_TAG_META: case GUMBO_TAG_BASE:
	case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE:
		return HTML_DROP_STYLE;
	case GUMBO_TAG_IFRAME: case GUMBO_TAG_FRAME: case GUMBO_TAG_FRAMESET:
	case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_APPLET: case GUMBO_TAG_PARAM:
		return HTML_DROP_FRAME;
	case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO: case GUMBO_TAG_CANVAS: case GUMBO_TAG_SVG:
	case GUMBO_TAG_MAP: case GUMBO_TAG_AREA: case GUMBO_TAG_TRACK: case GUMBO_TAG_BGSOUND:
		return HTML_DROP_MEDIA;
	case GUMBO_TAG_INPUT: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA:
	case GUMBO_TAG_OPTION: case GUMBO_TAG_OPTGROUP: case GUMBO_TAG_DATALIST:
	case GUMBO_TAG_KEYGEN: case GUMBO_TAG_OUTPUT: case GUMBO_TAG_PROGRESS: case GUMBO_TAG_METER:
	case GUMBO_TAG_MENUITEM:
		return HTML_DROP_FORM;
	default:
		return -1;
	}
}

/* Elements that are not shown at all (and so are left out quietly): the
 * hidden attribute, aria-hidden, display:none / visibility:hidden. */
static int
hidden(const GumboNode *n)
{
	const char *v;

	if (html_attr(n, "hidden"))
		return 1;
	if ((v = html_attr(n, "aria-hidden")) != NULL && strcasecmp(v, "true") == 0)
		return tag_of(n) != GUMBO_TAG_IMG && !is_picture(n);
	if ((v = html_attr(n, "style")) != NULL) {
		struct buf b = {0};
		const char *p;
		int h;

		for (p = v; *p; p++)
			if (!isspace((unsigned char)*p))
				buf_putc(&b, tolower((unsigned char)*p));
		h = strstr(buf_str(&b), "display:none") != NULL ||
		    strstr(buf_str(&b), "visibility:hidden") != NULL;
		buf_free(&b);
		return h;
	}
	return 0;
}

static int
ptr_cmp(const void *a, const void *b)
{
	const void *x = *(const void *const *)a, *y = *(const void *const *)b;

	return x < y ? -1 : x > y;
}

static int
str_pcmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* 1 when N is a note or a note list the prepass took out of the body. */
static int
is_note_node(const struct html_conv *c, const GumboNode *n)
{
	return c->notes && c->notes->nskip &&
	    bsearch(&n, c->notes->skip, c->notes->nskip, sizeof(*c->notes->skip), ptr_cmp) != NULL;
}

/* 1 when N is left out without a word: the extractor's boilerplate,
 * hidden elements, comments, the page's notes (they are read as notes). */
static int
quiet_skip(struct html_conv *c, const GumboNode *n)
{
	if (n->type == GUMBO_NODE_COMMENT)
		return 1;
	if (n->type != GUMBO_NODE_ELEMENT)
		return 0;
	if (c->skip && c->skip(n, c->user))
		return 1;
	if (hidden(n) || is_note_node(c, n))
		return 1;
	/* the notes' own way back to their references */
	if (c->in_note && (html_class_has(n, "cite-backlink") || html_class_has(n, "backref") ||
	    html_class_has(n, "footnote-back") || html_class_has(n, "reversefootnote") ||
	    token_has(html_attr(n, "role"), "doc-backlink", 1)))
		return 1;
	return 0;
}

/* 1 when N is left out (with a warning, counted): active or embedded. */
static int
loud_skip(struct html_conv *c, const GumboNode *n)
{
	int k;

	if (n->type != GUMBO_NODE_ELEMENT || (k = dropped_kind(n->v.element.tag)) < 0)
		return 0;
	/* a <video> or an <audio> says which file it would play */
	if (k == HTML_DROP_MEDIA && (tag_of(n) == GUMBO_TAG_VIDEO || tag_of(n) == GUMBO_TAG_AUDIO)) {
		const char *src = html_attr(n, "src");
		char *w = xprintf("<%s%s%s>", tag_of(n) == GUMBO_TAG_VIDEO ? "video" : "audio",
		    src ? " " : "", src ? src : "");

		drop(c, (enum html_drop)k, n, w);
		free(w);
		return 1;
	}
	drop_elem(c, (enum html_drop)k, n);
	return 1;
}

/* Block-level elements: they end the paragraph around them. */
static int
block_tag(GumboTag t)
{
	switch (t) {
	case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
	case GUMBO_TAG_MAIN: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_NAV:
	case GUMBO_TAG_ASIDE: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_CENTER: case GUMBO_TAG_HGROUP:
	case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_FORM: case GUMBO_TAG_FIELDSET:
	case GUMBO_TAG_LEGEND: case GUMBO_TAG_BODY: case GUMBO_TAG_HTML:
	case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
	case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_UL:
	case GUMBO_TAG_OL: case GUMBO_TAG_MENU: case GUMBO_TAG_DIR: case GUMBO_TAG_LI:
	case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_TABLE:
	case GUMBO_TAG_CAPTION: case GUMBO_TAG_THEAD: case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT:
	case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_PRE:
	case GUMBO_TAG_LISTING: case GUMBO_TAG_XMP: case GUMBO_TAG_PLAINTEXT:
	case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_HR: case GUMBO_TAG_NOSCRIPT:
		return 1;
	default:
		return 0;
	}
}

/* 1 when element N or something in it (looking HTML_PEEK_DEPTH deep) is a
 * block element. */
static int
has_block(const GumboNode *n, int depth)
{
	const GumboVector *kids;
	size_t i;

	if (!is_elem(n) || depth > HTML_PEEK_DEPTH)
		return 0;
	if (block_tag(n->v.element.tag))
		return 1;
	kids = &n->v.element.children;
	for (i = 0; i < kids->length; i++)
		if (has_block(kids->data[i], depth + 1))
			return 1;
	return 0;
}

/* 1 when N holds shown text (not only white space); looks HTML_PEEK_DEPTH
 * deep (deeper counts as text). */
static int
has_text(struct html_conv *c, const GumboNode *n, int depth)
{
	const GumboVector *kids;
	size_t i;

	if (depth > HTML_PEEK_DEPTH)
		return 1;
	if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA)
		return 1;
	if (n->type != GUMBO_NODE_ELEMENT || quiet_skip(c, n) ||
	    dropped_kind(n->v.element.tag) >= 0)
		return 0;
	kids = &n->v.element.children;
	for (i = 0; i < kids->length; i++)
		if (has_text(c, kids->data[i], depth + 1))
			return 1;
	return 0;
}

/* 1 for an img that is an icon or a formula set in the text. */
static int
icon(const GumboNode *n)
{
	const char *w = html_attr(n, "width"), *h = html_attr(n, "height");

	if ((w && atoi(w) > 0 && atoi(w) <= 48) || (h && atoi(h) > 0 && atoi(h) <= 48))
		return 1;
	return html_class_has(n, "emoji") || html_class_has(n, "icon") ||
	    html_class_has(n, "math") || html_class_has(n, "latex") || html_class_has(n, "smiley");
}

/* 1 when N is a picture standing alone: an img or picture (not an icon),
 * or an inline element (a link, a span) holding pictures and no text. */
static int
lone_picture(struct html_conv *c, const GumboNode *n, int depth)
{
	const GumboVector *kids;
	size_t i;
	int any = 0;

	if (!is_elem(n) || depth > HTML_PEEK_DEPTH || quiet_skip(c, n))
		return 0;
	if (tag_of(n) == GUMBO_TAG_IMG)
		return !icon(n);
	if (is_picture(n))
		return 1;
	if (block_tag(n->v.element.tag) || dropped_kind(n->v.element.tag) >= 0)
		return 0;
	kids = &n->v.element.children;
	for (i = 0; i < kids->length; i++) {
		const GumboNode *k = kids->data[i];

		if (k->type == GUMBO_NODE_WHITESPACE || k->type == GUMBO_NODE_COMMENT)
			continue;
		if (k->type != GUMBO_NODE_ELEMENT)
			return 0;
		if (lone_picture(c, k, depth + 1))
			any = 1;
		else if (tag_of(k) != GUMBO_TAG_BR && !quiet_skip(c, k) && has_text(c, k, depth + 1))
			return 0;
	}
	return any;
}

/* ---- text ---- */

/* Append text S with runs of HTML white space as one space. */
static void
put_collapsed(struct buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f') {
			if (b->len == 0 || b->data[b->len - 1] != ' ')
				buf_putc(b, ' ');
			continue;
		}
		buf_putc(b, *s);
	}
}

/* The text under N, without recursion (for subtrees nested too deep):
 * text nodes in order, a space between elements. */
static void
flat_text(struct html_conv *c, const GumboNode *n, struct buf *out)
{
	const GumboNode **stack = NULL;
	size_t *idx = NULL, depth = 0, cap = 0, icap = 0;

	ARRAY_GROW(stack, depth, cap);
	ARRAY_GROW(idx, depth, icap);
	stack[0] = n;
	idx[0] = 0;
	depth = 1;
	while (depth) {
		const GumboNode *cur = stack[depth - 1];
		const GumboVector *kids;

		if (cur->type == GUMBO_NODE_TEXT || cur->type == GUMBO_NODE_CDATA ||
		    cur->type == GUMBO_NODE_WHITESPACE) {
			put_collapsed(out, cur->v.text.text);
			depth--;
			continue;
		}
		if (cur->type != GUMBO_NODE_ELEMENT || quiet_skip(c, cur) ||
		    dropped_kind(cur->v.element.tag) >= 0) {
			depth--;
			continue;
		}
		kids = &cur->v.element.children;
		if (idx[depth - 1] >= kids->length) {
			if (block_tag(cur->v.element.tag) || tag_of(cur) == GUMBO_TAG_BR)
				put_collapsed(out, " ");
			depth--;
			continue;
		}
		ARRAY_GROW(stack, depth, cap);
		ARRAY_GROW(idx, depth, icap);
		stack[depth] = kids->data[idx[depth - 1]++];
		idx[depth] = 0;
		depth++;
	}
	free(stack);
	free(idx);
}

/* A fresh squashed copy of the text under N, or NULL when there is none. */
static char *
text_of(struct html_conv *c, const GumboNode *n)
{
	struct buf b = {0};

	flat_text(c, n, &b);
	return buf_squash_take(&b);
}

/* ---- notes ---- */

static int
id_cmp(const void *a, const void *b)
{
	return strcmp(((const struct html_id *)a)->id, ((const struct html_id *)b)->id);
}

/* The element whose id is ID ("#x" without the "#"), or NULL. */
static const GumboNode *
by_id(const struct html_conv *c, const char *id)
{
	struct html_id key = {id, NULL}, *hit;

	if (c->notes == NULL || c->notes->nids == 0)
		return NULL;
	hit = bsearch(&key, c->notes->ids, c->notes->nids, sizeof(key), id_cmp);
	return hit ? hit->node : NULL;
}

/* The note index of element N, or -1. */
static long
note_index(const struct html_conv *c, const GumboNode *n)
{
	size_t i;

	if (c->notes == NULL || n == NULL)
		return -1;
	for (i = 0; i < c->notes->nnote; i++)
		if (c->notes->note[i] == n)
			return (long)(c->notes->base + i);
	return -1;
}

/* The note a link to HREF ("#cite_note-1") points to, or -1. */
static long
note_of_href(const struct html_conv *c, const char *href)
{
	const GumboNode *t;

	if (href == NULL || href[0] != '#' || href[1] == '\0')
		return -1;
	if ((t = by_id(c, href + 1)) == NULL)
		return -1;
	return note_index(c, t);
}

/* 1 when element N is a list of notes. */
static int
note_list(const GumboNode *n)
{
	const char *role = html_attr(n, "role"), *et = html_attr(n, "epub:type");

	return html_class_has(n, "references") || html_class_has(n, "footnotes") ||
	    html_class_has(n, "endnotes") || token_has(role, "doc-endnotes", 1) ||
	    token_has(role, "doc-footnotes", 1) || token_has(et, "footnotes", 1) ||
	    token_has(et, "endnotes", 1) || token_has(et, "rearnotes", 1);
}

/* 1 when element N is a single note (an aside or a list item by role). */
static int
note_single(const GumboNode *n)
{
	const char *role = html_attr(n, "role"), *et = html_attr(n, "epub:type");

	return html_attr(n, "id") && (token_has(role, "doc-footnote", 1) ||
	    token_has(role, "doc-endnote", 1) || token_has(et, "footnote", 1) ||
	    token_has(et, "endnote", 1) || token_has(et, "rearnote", 1));
}

static void
add_skip(struct html_notes *h, const GumboNode *n)
{
	ARRAY_GROW(h->skip, h->nskip, h->cskip);
	h->skip[h->nskip++] = n;
}

static void
add_note(struct html_notes *h, const GumboNode *n, char *label)
{
	size_t i;

	for (i = 0; i < h->nnote; i++)
		if (h->note[i] == n) {
			free(label);
			return;
		}
	if (h->nnote >= h->cnote) {
		h->cnote = h->cnote ? h->cnote * 2 : 8;
		h->note = xrealloc(h->note, h->cnote * sizeof(*h->note));
		h->label = xrealloc(h->label, h->cnote * sizeof(*h->label));
	}
	h->note[h->nnote] = n;
	h->label[h->nnote++] = label;
}

/* Collect the notes of list LIST: its items with an id (in ol/ul inside
 * it, looking a few levels deep). */
static int
list_notes(struct html_notes *h, const GumboNode *list, int depth)
{
	const GumboVector *kids = &list->v.element.children;
	size_t i;
	int found = 0, num = 1;
	const char *st;

	if (depth > 6)
		return 0;
	if (tag_of(list) == GUMBO_TAG_OL && (st = html_attr(list, "start")) != NULL)
		num = atoi(st);
	for (i = 0; i < kids->length; i++) {
		const GumboNode *k = kids->data[i];

		if (!is_elem(k))
			continue;
		if (tag_of(k) == GUMBO_TAG_LI && (tag_of(list) == GUMBO_TAG_OL ||
		    tag_of(list) == GUMBO_TAG_UL)) {
			if (html_attr(k, "id")) {
				add_note(h, k, xprintf("%d", num));
				found = 1;
			}
			num++;
		} else if (tag_of(k) != GUMBO_TAG_LI)
			found |= list_notes(h, k, depth + 1);
	}
	return found;
}

/* Walk ROOT without recursion: every id, every note list and note. */
static void
collect(struct html_conv *c, const GumboNode *root)
{
	struct html_notes *h = c->notes;
	const GumboNode **stack = NULL;
	size_t n = 0, cap = 0;

	ARRAY_GROW(stack, n, cap);
	stack[n++] = root;
	while (n) {
		const GumboNode *cur = stack[--n];
		const GumboVector *kids;
		const char *id;
		size_t i;

		if (!is_elem(cur) || (c->skip && c->skip(cur, c->user)))
			continue;
		if ((id = html_attr(cur, "id")) != NULL && *id) {
			ARRAY_GROW(h->ids, h->nids, h->cids);
			h->ids[h->nids].id = id;
			h->ids[h->nids++].node = cur;
		}
		if (tag_of(cur) == GUMBO_TAG_H1)
			c->hshift = 1;
		if (note_single(cur)) {
			add_note(h, cur, NULL);
			add_skip(h, cur);
		} else if (note_list(cur) && list_notes(h, cur, 0))
			add_skip(h, cur);
		kids = &cur->v.element.children;
		/* children pushed in reverse: popped in document order */
		for (i = kids->length; i-- > 0;) {
			ARRAY_GROW(stack, n, cap);
			stack[n++] = kids->data[i];
		}
	}
	free(stack);
}

/* The label a reference shows: "[1]" → "1". Fresh, or NULL. */
static char *
ref_label(struct html_conv *c, const GumboNode *a)
{
	char *s = text_of(c, a), *t;
	size_t n;

	if (s == NULL)
		return NULL;
	n = strlen(s);
	if (n >= 2 && s[0] == '[' && s[n - 1] == ']') {
		char *in = xstrndup(s + 1, n - 2);

		t = str_trim(in);
		free(in);
		free(s);
		s = t;
	}
	if (*s == '\0') {
		free(s);
		return NULL;
	}
	return s;
}

/* ---- inlines ---- */

static void inl_kids(struct html_conv *, const GumboNode *, struct inl **, size_t *,
    struct buf *, int);
static void inl_node(struct html_conv *, const GumboNode *, struct inl **, size_t *,
    struct buf *, int);

/* Move pending text in P into one INL_TEXT at the end of *ARR. */
static void
flush_text(struct buf *p, struct inl **arr, size_t *n)
{
	if (p->len == 0)
		return;
	inl_push(arr, n, INL_TEXT)->text = xstrndup(p->data, p->len);
	buf_reset(p);
}

/* The inline kind element tag T makes, or -1 for none. */
static int
inl_kind(GumboTag t)
{
	switch (t) {
	case GUMBO_TAG_EM: case GUMBO_TAG_I: case GUMBO_TAG_CITE: case GUMBO_TAG_DFN:
	case GUMBO_TAG_VAR:
		return INL_EMPH;
	case GUMBO_TAG_STRONG: case GUMBO_TAG_B:
		return INL_STRONG;
	case GUMBO_TAG_S: case GUMBO_TAG_DEL: case GUMBO_TAG_STRIKE:
		return INL_STRIKE;
	case GUMBO_TAG_SUP: return INL_SUP;
	case GUMBO_TAG_SUB: return INL_SUB;
	case GUMBO_TAG_MARK: return INL_MARK;
	case GUMBO_TAG_SMALL: return INL_SMALL;
	case GUMBO_TAG_Q: return INL_Q;
	case GUMBO_TAG_ABBR: case GUMBO_TAG_ACRONYM: return INL_ABBR;
	case GUMBO_TAG_KBD: return INL_KBD;
	default: return -1;
	}
}

/* Push a note reference to note K showing LABEL (or the note's own). */
static void
push_noteref(struct html_conv *c, long k, const char *label, struct inl **arr, size_t *n,
    struct buf *pend)
{
	struct inl *in;
	struct footnote *fn = &c->a->notes[k];

	flush_text(pend, arr, n);
	in = inl_push(arr, n, INL_NOTEREF);
	in->note = (size_t)k;
	in->text = xstrdup(label ? label : fn->label ? fn->label : "*");
	fn->referenced = 1;
}

/* A link: a note reference, a link to a safe target, or its text. */
static void
inl_link(struct html_conv *c, const GumboNode *a, struct inl **arr, size_t *n,
    struct buf *pend, int md)
{
	const char *href = html_attr(a, "href");
	char *url;
	long k = -1;

	if (href && c->md_notes && str_startswith(href, "mkbook-note:")) {
		/* Markdown's notes are read after the text: only the index */
		k = strtol(href + 12, NULL, 10);
		if (k >= 0 && k < c->md_notes) {
			struct inl *in;

			flush_text(pend, arr, n);
			in = inl_push(arr, n, INL_NOTEREF);
			in->note = (size_t)k;
			in->text = text_of(c, a);
			if (in->text == NULL)
				in->text = xprintf("%ld", k + 1);
			return;
		}
	}
	if (href && href[0] == '#') {
		if ((k = note_of_href(c, href)) >= 0) {
			push_noteref(c, k, NULL, arr, n, pend);
			return;
		}
		if (c->in_note && c->notes && c->notes->nrefid) {
			const char *id = href + 1;

			if (bsearch(&id, c->notes->refid, c->notes->nrefid, sizeof(char *),
			    str_pcmp) != NULL)
				return;	/* the way back to the reference */
		}
	}
	url = href ? html_url_resolve(c->base, href) : NULL;
	if (url == NULL || md >= HTML_MAX_MODEL) {
		size_t sl = href ? scheme_len(href) : 0;

		if (href && sl && src_kind(href) == 0 && strncasecmp(href, "mailto", 6) != 0) {
			char *w = xprintf("<a href=\"%.*s:…\">", (int)sl, href);

			drop(c, HTML_DROP_LINK, a, w);
			free(w);
		}
		free(url);
		inl_kids(c, a, arr, n, pend, md);
		return;
	}
	{
		struct inl *in;

		flush_text(pend, arr, n);
		in = inl_push(arr, n, INL_LINK);
		in->href = url;
		{
			struct buf sub = {0};

			inl_kids(c, a, &in->kids, &in->nkids, &sub, md + 1);
			flush_text(&sub, &in->kids, &in->nkids);
			buf_free(&sub);
		}
		if (in->nkids == 0) {
			(*n)--;
			inl_free(&(*arr)[*n]);
		}
	}
}

/* The text under N as one code span. */
static void
inl_code(struct html_conv *c, const GumboNode *n, struct inl **arr, size_t *na, struct buf *pend)
{
	struct buf b = {0};

	flat_text(c, n, &b);
	if (b.len == 0) {
		buf_free(&b);
		return;
	}
	flush_text(pend, arr, na);
	inl_push(arr, na, INL_CODE)->text = buf_detach(&b);
}

/* A formatting element of kind K: its kids inside one inline. */
static void
inl_wrap(struct html_conv *c, const GumboNode *e, int k, struct inl **arr, size_t *n,
    struct buf *pend, int md)
{
	struct buf sub = {0};
	struct inl *in;

	flush_text(pend, arr, n);
	in = inl_push(arr, n, (enum inline_type)k);
	if (k == INL_ABBR && html_attr(e, "title") && *html_attr(e, "title"))
		in->title = str_squash(html_attr(e, "title"));
	inl_kids(c, e, &in->kids, &in->nkids, &sub, md + 1);
	flush_text(&sub, &in->kids, &in->nkids);
	buf_free(&sub);
	if (in->nkids == 0) {
		(*n)--;
		inl_free(&(*arr)[*n]);
		return;
	}
	/* <sup><a href="#cite_note-1">[1]</a></sup>: the reference alone */
	if (k == INL_SUP || k == INL_SUB || k == INL_SMALL) {
		size_t i, refs = 0, other = 0;

		for (i = 0; i < in->nkids; i++) {
			if (in->kids[i].type == INL_NOTEREF)
				refs++;
			else if (in->kids[i].type != INL_TEXT ||
			    strspn(in->kids[i].text, " ") != strlen(in->kids[i].text))
				other++;
		}
		if (refs && !other) {
			struct inl *kids = in->kids;
			size_t nk = in->nkids;

			in->kids = NULL;
			in->nkids = 0;
			(*n)--;
			inl_free(&(*arr)[*n]);
			for (i = 0; i < nk; i++) {
				if (kids[i].type == INL_NOTEREF)
					*inl_push(arr, n, INL_NOTEREF) = kids[i];
				else
					inl_free(&kids[i]);
			}
			free(kids);
		}
	}
}

static struct image *image_of(struct html_conv *c, const GumboNode *img);

/* An img inside running text: a picture in the line (INL_IMAGE, which the
 * builder checks as it checks every picture), or its alt text when it has
 * no usable source. */
static void
inl_image(struct html_conv *c, const GumboNode *n, struct inl **arr, size_t *na,
    struct buf *pend)
{
	struct image *im = image_of(c, n);

	if (im == NULL)
		return;
	if (im->src == NULL) {
		put_collapsed(pend, im->alt);
		image_free(im);
		return;
	}
	flush_text(pend, arr, na);
	inl_push(arr, na, INL_IMAGE)->image = im;
}

/* The language element E says its words are in (lang, else xml:lang)
 * when it is a well-formed tag other than the one its words are already
 * in (C->inl_lang), else NULL. Borrowed from the page. */
static const char *
span_lang(const struct html_conv *c, const GumboNode *e)
{
	const char *l, *cur;

	if (e->type != GUMBO_NODE_ELEMENT)
		return NULL;
	if ((l = html_attr(e, "lang")) == NULL)
		l = html_attr(e, "xml:lang");
	cur = c->inl_lang ? c->inl_lang : c->a ? c->a->lang : NULL;
	if (l == NULL || !*l || !lang_valid(l) || (cur && strcasecmp(l, cur) == 0))
		return NULL;
	return l;
}

/* Inlines in another language LANG: E's own (E itself when SELF, else its
 * children) inside one INL_SPAN. */
static void
inl_span(struct html_conv *c, const GumboNode *e, const char *lang, int self, struct inl **arr,
    size_t *n, struct buf *pend, int md)
{
	const char *outer = c->inl_lang;
	struct buf sub = {0};
	struct inl *in;

	flush_text(pend, arr, n);
	in = inl_push(arr, n, INL_SPAN);
	in->lang = xstrdup(lang);
	lang_canon(in->lang);
	c->inl_lang = lang;
	if (self)
		inl_node(c, e, &in->kids, &in->nkids, &sub, md + 1);
	else
		inl_kids(c, e, &in->kids, &in->nkids, &sub, md + 1);
	flush_text(&sub, &in->kids, &in->nkids);
	buf_free(&sub);
	c->inl_lang = outer;
	if (in->nkids == 0) {
		(*n)--;
		inl_free(&(*arr)[*n]);
	}
}

/* Append node N as inlines; MD is the model's inline nesting. */
static void
inl_node(struct html_conv *c, const GumboNode *n, struct inl **arr, size_t *na,
    struct buf *pend, int md)
{
	GumboTag t;
	const char *lang;
	int k;

	if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
	    n->type == GUMBO_NODE_CDATA) {
		put_collapsed(pend, n->v.text.text);
		return;
	}
	if (n->type != GUMBO_NODE_ELEMENT || quiet_skip(c, n) || loud_skip(c, n))
		return;
	t = n->v.element.tag;
	if (c->depth >= HTML_MAX_NEST) {
		drop_elem(c, HTML_DROP_DEEP, n);
		flat_text(c, n, pend);
		return;
	}
	c->depth++;
	k = inl_kind(t);
	if (md < HTML_MAX_MODEL && !block_tag(t) && t != GUMBO_TAG_BR && t != GUMBO_TAG_IMG &&
	    (lang = span_lang(c, n)) != NULL) {
		inl_span(c, n, lang, 1, arr, na, pend, md);	/* <i lang="la">: a span around it */
	} else if (t == GUMBO_TAG_BR) {
		flush_text(pend, arr, na);
		inl_push(arr, na, INL_BREAK);
	} else if (t == GUMBO_TAG_WBR || t == GUMBO_TAG_NOSCRIPT) {
		/* nothing shown (a noscript's pictures are read as blocks) */
	} else if (t == GUMBO_TAG_IMG) {
		inl_image(c, n, arr, na, pend);
	} else if (t == GUMBO_TAG_A) {
		inl_link(c, n, arr, na, pend, md);
	} else if (t == GUMBO_TAG_CODE || t == GUMBO_TAG_TT || t == GUMBO_TAG_SAMP) {
		inl_code(c, n, arr, na, pend);
	} else if (k >= 0 && md < HTML_MAX_MODEL) {
		inl_wrap(c, n, k, arr, na, pend, md);
	} else if (block_tag(t)) {
		/* a block inside inline content: its lines apart */
		flush_text(pend, arr, na);
		if (*na && (*arr)[*na - 1].type != INL_BREAK)
			inl_push(arr, na, INL_BREAK);
		inl_kids(c, n, arr, na, pend, md);
		flush_text(pend, arr, na);
		if (*na && (*arr)[*na - 1].type != INL_BREAK)
			inl_push(arr, na, INL_BREAK);
	} else
		inl_kids(c, n, arr, na, pend, md);	/* an element mkbook does not know: its text */
	c->depth--;
}

static void
inl_kids(struct html_conv *c, const GumboNode *parent, struct inl **arr, size_t *n,
    struct buf *pend, int md)
{
	const GumboVector *kids;
	size_t i;

	if (parent->type != GUMBO_NODE_ELEMENT && parent->type != GUMBO_NODE_DOCUMENT &&
	    parent->type != GUMBO_NODE_TEMPLATE)
		return;
	kids = parent->type == GUMBO_NODE_DOCUMENT ? &parent->v.document.children :
	    &parent->v.element.children;
	for (i = 0; i < kids->length; i++)
		inl_node(c, kids->data[i], arr, n, pend, md);
}

/* White space as a browser shows it: one space between words across
 * inline boundaries, none at the ends or around a line break. *PREV: the
 * last text shown ended in a space (or nothing was shown yet); *LAST: the
 * last text inline, whose trailing space a break removes. */
static void
ws_fix(struct inl *in, size_t n, int *prev, struct inl **last)
{
	size_t i;

	for (i = 0; i < n; i++) {
		struct inl *x = &in[i];
		size_t len;

		switch (x->type) {
		case INL_TEXT:
			if (*prev && x->text[0] == ' ')
				memmove(x->text, x->text + 1, strlen(x->text));
			len = strlen(x->text);
			if (len) {
				*prev = x->text[len - 1] == ' ';
				*last = x;
			}
			break;
		case INL_BREAK:
			if (*last && (len = strlen((*last)->text)) && (*last)->text[len - 1] == ' ')
				(*last)->text[len - 1] = '\0';
			*prev = 1;
			*last = NULL;
			break;
		case INL_CODE:
		case INL_NOTEREF:
		case INL_IMAGE:
			*prev = 0;
			*last = NULL;
			break;
		default:
			ws_fix(x->kids, x->nkids, prev, last);
			break;
		}
	}
}

/* Remove empty texts, empty wrappers and breaks at the ends. */
static void
prune(struct inl **arr, size_t *n, int top)
{
	size_t i, j = 0;

	for (i = 0; i < *n; i++) {
		struct inl *x = &(*arr)[i];
		int empty = 0;

		if (x->type == INL_TEXT)
			empty = x->text == NULL || x->text[0] == '\0';
		else if (x->type != INL_BREAK && x->type != INL_CODE && x->type != INL_NOTEREF &&
		    x->type != INL_IMAGE) {
			prune(&x->kids, &x->nkids, 0);
			empty = x->nkids == 0;
		}
		if (empty) {
			inl_free(x);
			continue;
		}
		(*arr)[j++] = *x;
	}
	*n = j;
	if (top) {
		while (*n && (*arr)[*n - 1].type == INL_BREAK)
			(*n)--;
		for (i = 0; i < *n && (*arr)[i].type == INL_BREAK; i++)
			;
		if (i) {
			memmove(*arr, *arr + i, (*n - i) * sizeof(**arr));
			*n -= i;
		}
	}
	if (*n == 0) {
		free(*arr);
		*arr = NULL;
	}
}

/* Finish a run of inlines: white space, empties. */
static void
inl_finish(struct inl **arr, size_t *n)
{
	int prev = 1;
	struct inl *last = NULL;

	ws_fix(*arr, *n, &prev, &last);
	if (last) {
		size_t len = strlen(last->text);

		if (len && last->text[len - 1] == ' ')
			last->text[len - 1] = '\0';
	}
	prune(arr, n, 1);
}

void
html_conv_inlines(struct html_conv *c, const GumboNode *parent, struct inl **arr, size_t *n)
{
	struct buf pend = {0};
	struct inl *v = NULL;
	size_t nv = 0, i;
	const char *lang = span_lang(c, parent);

	if (lang == NULL)
		lang = c->inl_lang;
	if (lang)	/* <h2 lang="fr">, or inside a <div lang="fr">: one span */
		inl_span(c, parent, lang, 0, &v, &nv, &pend, 0);
	else
		inl_kids(c, parent, &v, &nv, &pend, 0);
	flush_text(&pend, &v, &nv);
	buf_free(&pend);
	inl_finish(&v, &nv);
	for (i = 0; i < nv; i++)
		*inl_push(arr, n, v[i].type) = v[i];
	free(v);
}

/* ---- blocks ---- */

static void blk_kids(struct html_conv *, const GumboNode *, struct block **, size_t *, int);
static void blk_node(struct html_conv *, const GumboNode *, struct block **, size_t *, int);

static struct block *
push_block(struct html_conv *c, struct block **arr, size_t *n, enum block_type t, const GumboNode *at)
{
	struct block *b = block_push(arr, n, t);

	b->src.file = c->a->source;
	b->src.line = line_of(c, at);
	return b;
}

/* Take the last block off *ARR when it came out empty. */
static void
pop_if_empty(struct block **arr, size_t *n)
{
	struct block *b = &(*arr)[*n - 1];

	if (b->nkids == 0 && b->ninl == 0 && b->text == NULL && b->image == NULL &&
	    b->type != BLK_RULE) {
		block_free(b);
		(*n)--;
	}
}

/* S as an MHTML part's name: "cid:…" as it is, else resolved against
 * C's base (or as written, without one). Fresh, or NULL. */
static char *
part_url(const struct html_conv *c, const char *s, size_t len)
{
	char *raw = xstrndup(s, len), *u = url_clean(raw), *r;

	free(raw);
	if (strncasecmp(u, "cid:", 4) == 0 || (r = html_url_resolve(c->base, u)) == NULL)
		return u;
	free(u);
	return r;
}

/* Whether C's parts hold a candidate of srcset S; if so *OUT is its name. */
static int
part_of_set(const struct html_conv *c, const char *s, char **out)
{
	while (*s) {
		size_t n;
		char *u;

		s += strspn(s, " \t\n\r\f,");
		n = strcspn(s, " \t\n\r\f");
		if (n && s[n - 1] == ',')
			n--;
		if (n == 0)
			break;
		u = part_url(c, s, n);
		if (c->parts->find(c->parts->ctx, u, &(size_t){0})) {
			*out = u;
			return 1;
		}
		free(u);
		s += n;
		s += strcspn(s, ",");
	}
	return 0;
}

/* The source of picture element EL in an MHTML page: BEST (the chosen
 * candidate, taken) when a part holds it, else the first of EL's other
 * sources that one holds, else BEST as a part's name. Fresh. */
static char *
part_src(const struct html_conv *c, const GumboNode *el, char *best)
{
	static const char *const attrs[] = {"src", "data-src", "data-lazy-src", "data-original",
	    "srcset", "data-srcset"};
	char *u = part_url(c, best, strlen(best)), *alt = NULL;

	free(best);
	if (c->parts->find(c->parts->ctx, u, &(size_t){0}))
		return u;
	for (size_t i = 0; i < sizeof(attrs) / sizeof(attrs[0]); i++) {
		const char *v = html_attr(el, attrs[i]);

		if (v == NULL)
			continue;
		if (strstr(attrs[i], "srcset")) {
			if (part_of_set(c, v, &alt))
				break;
			continue;
		}
		alt = part_url(c, v, strlen(v));
		if (c->parts->find(c->parts->ctx, alt, &(size_t){0}))
			break;
		free(alt);
		alt = NULL;
	}
	if (alt) {
		free(u);
		return alt;
	}
	return u;
}

/* The image of element IMG (img or picture), or NULL when it has neither
 * a usable source nor words. A remote picture keeps its words. */
static struct image *
image_of(struct html_conv *c, const GumboNode *img)
{
	const GumboNode *el = img;
	struct image *im;
	char *src = html_img_src(img), *alt;
	size_t i;

	if (is_picture(img))
		for (i = 0; i < img->v.element.children.length; i++)
			if (tag_of(img->v.element.children.data[i]) == GUMBO_TAG_IMG)
				el = img->v.element.children.data[i];
	alt = html_attr(el, "alt") ? str_squash(html_attr(el, "alt")) : NULL;
	if (alt && *alt == '\0') {
		free(alt);
		alt = NULL;
	}
	if (src && c->parts && strncasecmp(src, "data:", 5) != 0)
		src = part_src(c, el, src);
	else if (src && c->remote_images && (src_kind(src) == 2 || (src_kind(src) == 1 &&
	    strncasecmp(src, "data:", 5) != 0 && c->base))) {
		char *abs = src[0] == '/' && src[1] == '/' && c->base == NULL ?
		    xprintf("https:%s", src) : html_url_resolve(c->base, src);

		free(src);
		src = abs && str_startswith(abs, "mailto:") ? NULL : abs;
		if (src == NULL)
			free(abs);
	} else if (src && src_kind(src) == 2) {
		drop(c, HTML_DROP_REMOTE, img, src);
		free(src);
		src = NULL;
	}
	if (src == NULL && alt == NULL)
		return NULL;
	im = xcalloc(1, sizeof(*im));
	im->src = src;
	im->alt = alt;
	im->line = line_of(c, img);
	return im;
}

/* Collect into *V the pictures under N, in order (not in figcaptions). */
static void
find_pictures(struct html_conv *c, const GumboNode *n, const GumboNode ***v, size_t *nv,
    size_t *cap, int depth)
{
	const GumboVector *kids;
	size_t i;

	if (!is_elem(n) || depth > HTML_PEEK_DEPTH || quiet_skip(c, n) ||
	    tag_of(n) == GUMBO_TAG_FIGCAPTION)
		return;
	if (tag_of(n) == GUMBO_TAG_IMG || is_picture(n)) {
		ARRAY_GROW(*v, *nv, *cap);
		(*v)[(*nv)++] = n;
		return;
	}
	if (tag_of(n) == GUMBO_TAG_NOSCRIPT && *nv) {
		/* the fallback of the picture just found: wanted only when
		 * that one is a lazy placeholder with no source of its own */
		char *s = html_img_src((*v)[*nv - 1]);

		if (s) {
			free(s);
			return;
		}
		(*nv)--;
	}
	kids = &n->v.element.children;
	for (i = 0; i < kids->length; i++)
		find_pictures(c, kids->data[i], v, nv, cap, depth + 1);
}

/* Split a caption's trailing credit into IM (as the plain-text reader
 * does). Takes CAPTION. */
static void
set_caption(struct image *im, char *caption, char *credit)
{
	size_t caplen;

	im->caption = caption;
	im->credit = credit;
	if (caption && credit == NULL && (credit = txt_credit(caption, &caplen)) != NULL) {
		im->credit = credit;
		caption[caplen] = '\0';
		im->caption = str_trim(caption);
		free(caption);
	}
	if (im->caption && *im->caption == '\0') {
		free(im->caption);
		im->caption = NULL;
	}
}

/* A figcaption's credit element ("<span class=credit>", a trailing
 * <small> or <cite>), or NULL. */
static const GumboNode *
credit_elem(const GumboNode *cap)
{
	const GumboVector *kids = &cap->v.element.children;
	const GumboNode *last = NULL;
	size_t i;

	for (i = 0; i < kids->length; i++) {
		const GumboNode *k = kids->data[i];

		if (!is_elem(k)) {
			if (k->type == GUMBO_NODE_TEXT)
				last = NULL;
			continue;
		}
		if (html_class_has(k, "credit") || html_class_has(k, "copyright") ||
		    html_class_has(k, "photographer") || html_class_has(k, "attribution"))
			return k;
		last = k;
	}
	if (last && (tag_of(last) == GUMBO_TAG_SMALL || tag_of(last) == GUMBO_TAG_CITE))
		return last;
	return NULL;
}

/* A figure: one BLK_FIGURE a picture (the caption on the last), or, with
 * no picture, its content as blocks and the caption as a figure's words. */
static void
blk_figure(struct html_conv *c, const GumboNode *fig, struct block **arr, size_t *n, int md)
{
	const GumboNode **pics = NULL, *cap = NULL, *cred = NULL;
	size_t npics = 0, cpics = 0, i;
	const GumboVector *kids = &fig->v.element.children;
	char *caption = NULL, *credit = NULL;
	struct block *b;

	for (i = 0; i < kids->length; i++)
		if (tag_of(kids->data[i]) == GUMBO_TAG_FIGCAPTION && !quiet_skip(c, kids->data[i]))
			cap = kids->data[i];
	if (tag_of(fig) == GUMBO_TAG_FIGURE)
		find_pictures(c, fig, &pics, &npics, &cpics, 0);
	else {
		ARRAY_GROW(pics, npics, cpics);
		pics[npics++] = fig;
	}
	if (cap) {
		struct buf t = {0};

		if ((cred = credit_elem(cap)) != NULL)
			credit = text_of(c, cred);
		for (i = 0; i < cap->v.element.children.length; i++)
			if (cap->v.element.children.data[i] != cred)
				flat_text(c, cap->v.element.children.data[i], &t);
		caption = str_squash(buf_str(&t));
		buf_free(&t);
	}
	if (npics == 0 && tag_of(fig) == GUMBO_TAG_FIGURE) {
		/* a figure of a quote, a table, code … */
		for (i = 0; i < kids->length; i++)
			if (kids->data[i] != cap)
				blk_node(c, kids->data[i], arr, n, md);
	}
	for (i = 0; i < npics; i++) {
		struct image *im = image_of(c, pics[i]);

		if (im == NULL && (i + 1 < npics || (!caption && !credit)))
			continue;
		b = push_block(c, arr, n, BLK_FIGURE, pics[i]);
		b->image = im ? im : xcalloc(1, sizeof(*im));
		if (i + 1 == npics) {
			set_caption(b->image, caption, credit);
			caption = credit = NULL;
		}
	}
	if (caption || credit) {
		b = push_block(c, arr, n, BLK_FIGURE, cap);
		b->image = xcalloc(1, sizeof(*b->image));
		set_caption(b->image, caption, credit);
		if (b->image->caption == NULL && b->image->credit == NULL)
			pop_if_empty(arr, n);
		else
			b->image->line = line_of(c, cap);
	} else if (*n && (*arr)[*n - 1].type == BLK_FIGURE && (*arr)[*n - 1].image &&
	    !(*arr)[*n - 1].image->src && !(*arr)[*n - 1].image->alt && !(*arr)[*n - 1].image->caption &&
	    !(*arr)[*n - 1].image->credit) {
		block_free(&(*arr)[*n - 1]);
		(*n)--;
	}
	free(pics);
}

/* A <noscript> among blocks: the pictures a browser without scripts
 * shows, which a lazy-loading page shows too once its script ran. The
 * figure just before it (a lazy placeholder, or the same picture) yields. */
static void
blk_noscript(struct html_conv *c, const GumboNode *ns, struct block **arr, size_t *n)
{
	const GumboNode **pics = NULL;
	size_t npics = 0, cpics = 0, i;

	find_pictures(c, ns, &pics, &npics, &cpics, 0);
	for (i = 0; i < npics; i++) {
		struct image *im = image_of(c, pics[i]);
		struct block *prev = *n ? &(*arr)[*n - 1] : NULL;

		if (im == NULL)
			continue;
		if (prev && prev->type == BLK_FIGURE && prev->image && (prev->image->src == NULL ||
		    (im->src && strcmp(prev->image->src, im->src) == 0))) {
			/* keep the placeholder's caption and alt when it has them */
			free(prev->image->src);
			prev->image->src = im->src;
			im->src = NULL;
			if (prev->image->alt == NULL) {
				prev->image->alt = im->alt;
				im->alt = NULL;
			}
			image_free(im);
			continue;
		}
		push_block(c, arr, n, BLK_FIGURE, pics[i])->image = im;
	}
	free(pics);
}

/* A number attribute of N within [LO, HI], or DEF. */
static int
int_attr(const GumboNode *n, const char *name, int lo, int hi, int def)
{
	const char *v = html_attr(n, name);
	long x;
	char *end;

	if (v == NULL)
		return def;
	x = strtol(v, &end, 10);
	if (end == v)
		return def;
	return x < lo ? lo : x > hi ? hi : (int)x;
}

/* One table row R into TABLE; HEAD: in a thead. */
static void
table_row(struct html_conv *c, const GumboNode *r, struct block *table, int head)
{
	const GumboVector *kids = &r->v.element.children;
	struct block *row = push_block(c, &table->kids, &table->nkids, BLK_ROW, r);
	size_t i, nth = 0;

	for (i = 0; i < kids->length; i++) {
		const GumboNode *k = kids->data[i];
		struct block *cell;
		const char *al;

		if ((tag_of(k) != GUMBO_TAG_TD && tag_of(k) != GUMBO_TAG_TH) || quiet_skip(c, k))
			continue;
		cell = push_block(c, &row->kids, &row->nkids, BLK_CELL, k);
		cell->header = head || tag_of(k) == GUMBO_TAG_TH;
		nth += cell->header;
		cell->colspan = int_attr(k, "colspan", 1, 1000, 1);
		cell->rowspan = int_attr(k, "rowspan", 0, 65534, 1);
		if (cell->colspan == 1)
			cell->colspan = 0;
		if (cell->rowspan == 1)
			cell->rowspan = 0;
		if ((al = html_attr(k, "align")) != NULL)
			cell->align = strcasecmp(al, "left") == 0 ? ALIGN_LEFT :
			    strcasecmp(al, "center") == 0 ? ALIGN_CENTER :
			    strcasecmp(al, "right") == 0 ? ALIGN_RIGHT : ALIGN_NONE;
		html_conv_inlines(c, k, &cell->inl, &cell->ninl);
	}
	if (row->nkids == 0) {
		block_free(row);
		table->nkids--;
		return;
	}
	row->header = head || nth == row->nkids;
}

/* A table: its caption as a paragraph before it, then its rows. */
static void
blk_table(struct html_conv *c, const GumboNode *t, struct block **arr, size_t *n)
{
	const GumboVector *kids = &t->v.element.children;
	struct block *b;
	size_t i, j;

	for (i = 0; i < kids->length; i++)
		if (tag_of(kids->data[i]) == GUMBO_TAG_CAPTION && !quiet_skip(c, kids->data[i])) {
			b = push_block(c, arr, n, BLK_PARAGRAPH, kids->data[i]);
			html_conv_inlines(c, kids->data[i], &b->inl, &b->ninl);
			pop_if_empty(arr, n);
		}
	b = push_block(c, arr, n, BLK_TABLE, t);
	for (i = 0; i < kids->length; i++) {
		const GumboNode *k = kids->data[i];
		GumboTag tg = tag_of(k);

		if (quiet_skip(c, k))
			continue;
		if (tg == GUMBO_TAG_TR)
			table_row(c, k, b, 0);
		else if (tg == GUMBO_TAG_THEAD || tg == GUMBO_TAG_TBODY || tg == GUMBO_TAG_TFOOT)
			for (j = 0; j < k->v.element.children.length; j++)
				if (tag_of(k->v.element.children.data[j]) == GUMBO_TAG_TR &&
				    !quiet_skip(c, k->v.element.children.data[j]))
					table_row(c, k->v.element.children.data[j], b,
					    tg == GUMBO_TAG_THEAD);
	}
	pop_if_empty(arr, n);
}

/* A list: each li an item; anything else between items joins the item
 * before it (a nested list written as a sibling). */
static void
blk_list(struct html_conv *c, const GumboNode *l, struct block **arr, size_t *n, int md)
{
	const GumboVector *kids = &l->v.element.children;
	struct block *b = push_block(c, arr, n, BLK_LIST, l);
	size_t i;

	b->ordered = tag_of(l) == GUMBO_TAG_OL;
	if (b->ordered) {
		b->start = int_attr(l, "start", -1000000, 1000000, 1);
		if (html_attr(l, "reversed"))
			warn_at(c->path, line_of(c, l), "a reversed list is numbered upwards "
			    "from %d (books number lists upwards)", b->start);
	}
	for (i = 0; i < kids->length; i++) {
		const GumboNode *k = kids->data[i];
		struct block *item;

		if (k->type == GUMBO_NODE_WHITESPACE || k->type == GUMBO_NODE_COMMENT ||
		    quiet_skip(c, k))
			continue;
		if (tag_of(k) == GUMBO_TAG_LI || b->nkids == 0) {
			item = push_block(c, &b->kids, &b->nkids, BLK_ITEM, k);
			if (tag_of(k) == GUMBO_TAG_LI)
				blk_kids(c, k, &item->kids, &item->nkids, md + 2);
			else
				blk_node(c, k, &item->kids, &item->nkids, md + 2);
			if (item->nkids == 0 && tag_of(k) != GUMBO_TAG_LI)
				pop_if_empty(&b->kids, &b->nkids);
		} else {
			item = &b->kids[b->nkids - 1];
			blk_node(c, k, &item->kids, &item->nkids, md + 2);
		}
	}
	pop_if_empty(arr, n);
}

/* A definition list: each term a bold paragraph, each description its
 * blocks. */
static void
blk_dl(struct html_conv *c, const GumboNode *dl, struct block **arr, size_t *n, int md)
{
	const GumboVector *kids = &dl->v.element.children;
	size_t i;

	for (i = 0; i < kids->length; i++) {
		const GumboNode *k = kids->data[i];

		if (tag_of(k) == GUMBO_TAG_DT && !quiet_skip(c, k)) {
			struct block *b = push_block(c, arr, n, BLK_PARAGRAPH, k);
			struct inl *in = inl_push(&b->inl, &b->ninl, INL_STRONG);

			html_conv_inlines(c, k, &in->kids, &in->nkids);
			if (in->nkids == 0) {
				inl_free(in);
				b->ninl = 0;
			}
			pop_if_empty(arr, n);
		} else if (tag_of(k) == GUMBO_TAG_DIV && !quiet_skip(c, k))
			blk_dl(c, k, arr, n, md);	/* <dl><div><dt>…<dd>… */
		else
			blk_node(c, k, arr, n, md);
	}
}

/* The code's language from "language-c" / "lang-c" on N, fresh, or NULL. */
static char *
code_info(const GumboNode *n)
{
	const char *cl = html_attr(n, "class"), *p;
	size_t len;

	if (cl == NULL)
		return NULL;
	for (p = cl; *p; p++) {
		if (p != cl && !isspace((unsigned char)p[-1]))
			continue;
		if (strncmp(p, "language-", 9) == 0)
			p += 9;
		else if (strncmp(p, "lang-", 5) == 0)
			p += 5;
		else
			continue;
		for (len = 0; p[len] && !isspace((unsigned char)p[len]); len++)
			;
		return len ? xstrndup(p, len) : NULL;
	}
	return NULL;
}

/* The text under N exactly as written (a pre's), without recursion. */
static void
raw_text(struct html_conv *c, const GumboNode *n, struct buf *out)
{
	const GumboNode **stack = NULL;
	size_t depth = 0, cap = 0, i;

	ARRAY_GROW(stack, depth, cap);
	stack[depth++] = n;
	while (depth) {
		const GumboNode *cur = stack[--depth];
		const GumboVector *kids;

		if (cur->type == GUMBO_NODE_TEXT || cur->type == GUMBO_NODE_CDATA ||
		    cur->type == GUMBO_NODE_WHITESPACE) {
			buf_puts(out, cur->v.text.text);
			continue;
		}
		if (cur->type != GUMBO_NODE_ELEMENT || quiet_skip(c, cur) ||
		    dropped_kind(cur->v.element.tag) >= 0)
			continue;
		if (tag_of(cur) == GUMBO_TAG_BR) {
			buf_putc(out, '\n');
			continue;
		}
		kids = &cur->v.element.children;
		for (i = kids->length; i-- > 0;) {
			ARRAY_GROW(stack, depth, cap);
			stack[depth++] = kids->data[i];
		}
	}
	free(stack);
}

/* A pre: one code block, its text as written, its language from a class. */
static void
blk_pre(struct html_conv *c, const GumboNode *pre, struct block **arr, size_t *n)
{
	struct buf t = {0};
	struct block *b;
	size_t len;
	const GumboVector *kids = &pre->v.element.children;

	raw_text(c, pre, &t);
	len = t.len;
	while (len && (t.data[len - 1] == '\n' || t.data[len - 1] == '\r' || t.data[len - 1] == ' '))
		len--;
	if (len == 0) {
		buf_free(&t);
		return;
	}
	t.len = len;
	t.data[len] = '\0';
	b = push_block(c, arr, n, BLK_CODE, pre);
	b->text = buf_detach(&t);
	b->info = code_info(pre);
	if (b->info == NULL && kids->length == 1 && tag_of(kids->data[0]) == GUMBO_TAG_CODE)
		b->info = code_info(kids->data[0]);
}

/* A paragraph being gathered from a run of inline content. */
struct para {
	struct inl	*inl;
	size_t		 n;
	struct buf	 pend;
	const GumboNode	*first;
};

/* End paragraph P: append it to *ARR when it shows anything. */
static void
para_end(struct html_conv *c, struct para *p, struct block **arr, size_t *n)
{
	flush_text(&p->pend, &p->inl, &p->n);
	inl_finish(&p->inl, &p->n);
	if (p->n && c->inl_lang) {	/* inside a <p lang="fr">: its words in one span */
		struct inl *kids = p->inl, *in;
		size_t nk = p->n;

		p->inl = NULL;
		p->n = 0;
		in = inl_push(&p->inl, &p->n, INL_SPAN);
		in->lang = xstrdup(c->inl_lang);
		lang_canon(in->lang);
		in->kids = kids;
		in->nkids = nk;
	}
	if (p->n) {
		struct block *b = push_block(c, arr, n, BLK_PARAGRAPH, p->first);

		b->inl = p->inl;
		b->ninl = p->n;
	} else
		free(p->inl);
	p->inl = NULL;
	p->n = 0;
	p->first = NULL;
}

/* 1 when element N is read as blocks: a block element, or an inline one
 * that holds some (a link around a whole teaser). */
static int
reads_as_block(const GumboNode *n)
{
	if (!is_elem(n))
		return 0;
	if (block_tag(n->v.element.tag))
		return 1;
	if (n->v.element.tag == GUMBO_TAG_IMG || n->v.element.tag == GUMBO_TAG_BR)
		return 0;
	return has_block(n, 0);
}

/* Append the children of PARENT as blocks: runs of inline content between
 * block elements become paragraphs; a picture alone in a run, a figure. */
static void
blk_kids(struct html_conv *c, const GumboNode *parent, struct block **arr, size_t *n, int md)
{
	const GumboVector *kids;
	struct para p = {0};
	size_t i;
	const char *outer = c->inl_lang, *lang;

	if (parent->type == GUMBO_NODE_DOCUMENT)
		kids = &parent->v.document.children;
	else if (parent->type == GUMBO_NODE_ELEMENT || parent->type == GUMBO_NODE_TEMPLATE)
		kids = &parent->v.element.children;
	else
		return;
	if ((lang = span_lang(c, parent)) != NULL)
		c->inl_lang = lang;	/* <p lang="fr">, <div lang="fr">: in that language */
	for (i = 0; i < kids->length; i++) {
		const GumboNode *k = kids->data[i];

		if (quiet_skip(c, k))
			continue;
		if (reads_as_block(k) || (is_elem(k) && lone_picture(c, k, 0))) {
			para_end(c, &p, arr, n);
			if (lone_picture(c, k, 0)) {
				const GumboNode **pics = NULL;
				size_t np = 0, cp = 0, j;

				find_pictures(c, k, &pics, &np, &cp, 0);
				for (j = 0; j < np; j++)
					blk_figure(c, pics[j], arr, n, md);
				free(pics);
			} else
				blk_node(c, k, arr, n, md);
			continue;
		}
		if (p.first == NULL && k->type != GUMBO_NODE_WHITESPACE)
			p.first = k;
		inl_node(c, k, &p.inl, &p.n, &p.pend, 0);
	}
	para_end(c, &p, arr, n);
	buf_free(&p.pend);
	c->inl_lang = outer;
}

/* A heading: h1 … h6 shifted by the body's use of h1, from 2 to 6. */
static void
blk_heading(struct html_conv *c, const GumboNode *h, struct block **arr, size_t *n)
{
	struct block *b = push_block(c, arr, n, BLK_HEADING, h);
	int level = (int)(h->v.element.tag - GUMBO_TAG_H1) + 1 + c->hshift;

	b->level = level < 2 ? 2 : level > 6 ? 6 : level;
	html_conv_inlines(c, h, &b->inl, &b->ninl);
	pop_if_empty(arr, n);
}

/* 1 for pull-quote markup: <aside class="pullquote">, <blockquote class="pull-quote">. */
static int
pull_quote(const GumboNode *n)
{
	return html_class_has(n, "pullquote") || html_class_has(n, "pull-quote") ||
	    html_class_has(n, "pull_quote");
}

static void
blk_node(struct html_conv *c, const GumboNode *k, struct block **arr, size_t *n, int md)
{
	GumboTag t;
	struct block *b;

	if (quiet_skip(c, k) || loud_skip(c, k))
		return;
	if (!is_elem(k)) {
		if (k->type == GUMBO_NODE_TEXT || k->type == GUMBO_NODE_CDATA) {
			struct para p = {0};

			p.first = k;
			inl_node(c, k, &p.inl, &p.n, &p.pend, 0);
			para_end(c, &p, arr, n);
			buf_free(&p.pend);
		}
		return;
	}
	t = k->v.element.tag;
	if (c->depth >= HTML_MAX_NEST) {
		struct para p = {0};

		drop_elem(c, HTML_DROP_DEEP, k);
		p.first = k;
		flat_text(c, k, &p.pend);
		para_end(c, &p, arr, n);
		buf_free(&p.pend);
		return;
	}
	c->depth++;
	if (t >= GUMBO_TAG_H1 && t <= GUMBO_TAG_H6)
		blk_heading(c, k, arr, n);
	else if ((t == GUMBO_TAG_BLOCKQUOTE || (pull_quote(k) && t != GUMBO_TAG_SPAN)) &&
	    md < HTML_MAX_MODEL) {
		b = push_block(c, arr, n, BLK_QUOTE, k);
		blk_kids(c, k, &b->kids, &b->nkids, md + 1);
		pop_if_empty(arr, n);
	} else if ((t == GUMBO_TAG_UL || t == GUMBO_TAG_OL || t == GUMBO_TAG_MENU || t == GUMBO_TAG_DIR) &&
	    md < HTML_MAX_MODEL)
		blk_list(c, k, arr, n, md);
	else if (t == GUMBO_TAG_DL)
		blk_dl(c, k, arr, n, md);
	else if (t == GUMBO_TAG_TABLE)
		blk_table(c, k, arr, n);
	else if (t == GUMBO_TAG_PRE || t == GUMBO_TAG_LISTING || t == GUMBO_TAG_XMP ||
	    t == GUMBO_TAG_PLAINTEXT)
		blk_pre(c, k, arr, n);
	else if (t == GUMBO_TAG_FIGURE || t == GUMBO_TAG_IMG || is_picture(k))
		blk_figure(c, k, arr, n, md);
	else if (t == GUMBO_TAG_NOSCRIPT)
		blk_noscript(c, k, arr, n);
	else if (t == GUMBO_TAG_HR)
		push_block(c, arr, n, BLK_RULE, k);
	else {
		if ((t == GUMBO_TAG_BLOCKQUOTE || t == GUMBO_TAG_UL || t == GUMBO_TAG_OL) &&
		    md >= HTML_MAX_MODEL)
			drop_elem(c, HTML_DROP_DEEP, k);
		/* a container, or an element mkbook does not know: its content */
		blk_kids(c, k, arr, n, md);
	}
	c->depth--;
}

/* ---- the interface ---- */

size_t
html_depth_estimate(const char *s, size_t n)
{
	static const char *const voids[] = {"area", "base", "br", "col", "embed", "hr", "img",
	    "input", "link", "meta", "param", "source", "track", "wbr", "keygen", NULL};
	size_t i, depth = 0, max = 0;

	for (i = 0; i + 1 < n; i++) {
		size_t k, len;
		int close;

		if (s[i] != '<')
			continue;
		close = s[i + 1] == '/';
		k = i + 1 + (size_t)close;
		if (k >= n || !isalpha((unsigned char)s[k]))
			continue;
		for (len = 0; k + len < n && isalnum((unsigned char)s[k + len]); len++)
			;
		if (close) {
			if (depth)
				depth--;
			continue;
		}
		{
			const char *const *v;
			int is_void = 0;

			for (v = voids; *v; v++)
				if (strlen(*v) == len && strncasecmp(*v, s + k, len) == 0)
					is_void = 1;
			if (!is_void && ++depth > max)
				max = depth;
		}
		i = k + len - 1;
	}
	return max;
}

void
html_conv_init(struct html_conv *c, const char *path, struct article *a)
{
	memset(c, 0, sizeof(*c));
	c->path = path;
	c->a = a;
}

void
html_conv_blocks(struct html_conv *c, const GumboNode *parent, struct block **arr, size_t *n)
{
	blk_kids(c, parent, arr, n, 0);
}

void
html_conv_node(struct html_conv *c, const GumboNode *node, struct block **arr, size_t *n)
{
	blk_node(c, node, arr, n, 0);
}

/* Remember the ids on and just around each reference to a note (the
 * targets of the notes' links back), and label notes by their first
 * reference ("[1]" → "1"). Walks ROOT without recursion. */
static void
collect_refs(struct html_conv *c, const GumboNode *root, char **labels)
{
	struct html_notes *h = c->notes;
	const GumboNode **stack = NULL;
	size_t n = 0, cap = 0;

	ARRAY_GROW(stack, n, cap);
	stack[n++] = root;
	while (n) {
		const GumboNode *cur = stack[--n], *up;
		const GumboVector *kids;
		size_t i;
		long k;
		int lv;

		if (!is_elem(cur))
			continue;
		if (tag_of(cur) == GUMBO_TAG_A && (k = note_of_href(c, html_attr(cur, "href"))) >= 0) {
			k -= (long)h->base;
			for (up = cur, lv = 0; up && lv < 3 && is_elem(up); up = up->parent, lv++)
				if (html_attr(up, "id")) {
					ARRAY_GROW(h->refid, h->nrefid, h->crefid);
					h->refid[h->nrefid++] = (char *)html_attr(up, "id");
				}
			if (labels[k] == NULL)
				labels[k] = ref_label(c, cur);
		}
		kids = &cur->v.element.children;
		for (i = kids->length; i-- > 0;) {
			ARRAY_GROW(stack, n, cap);
			stack[n++] = kids->data[i];
		}
	}
	free(stack);
	if (h->nrefid)
		qsort(h->refid, h->nrefid, sizeof(*h->refid), str_pcmp);
}

void
html_conv_prepare(struct html_conv *c, const GumboNode *root)
{
	struct html_notes *h;
	char **labels;
	size_t i;

	if (c->notes == NULL)
		c->notes = xcalloc(1, sizeof(*c->notes));
	h = c->notes;
	h->base = c->a->nnotes;
	collect(c, root);
	if (h->nids)
		qsort(h->ids, h->nids, sizeof(*h->ids), id_cmp);
	if (h->nskip)
		qsort(h->skip, h->nskip, sizeof(*h->skip), ptr_cmp);
	if (h->nnote == 0)
		return;
	labels = xcalloc(h->nnote, sizeof(*labels));
	collect_refs(c, root, labels);
	c->a->notes = xrealloc(c->a->notes, (c->a->nnotes + h->nnote) * sizeof(*c->a->notes));
	memset(c->a->notes + c->a->nnotes, 0, h->nnote * sizeof(*c->a->notes));
	for (i = 0; i < h->nnote; i++) {
		struct footnote *fn = &c->a->notes[c->a->nnotes + i];

		fn->label = labels[i] ? labels[i] : h->label[i] ? xstrdup(h->label[i]) :
		    xprintf("%zu", i + 1);
	}
	c->a->nnotes += h->nnote;
	free(labels);
	/* the notes' words: their links to other notes are references too */
	c->in_note = 1;
	for (i = 0; i < h->nnote; i++) {
		struct footnote *fn = &c->a->notes[h->base + i];

		blk_kids(c, h->note[i], &fn->blocks, &fn->nblocks, 1);
	}
	c->in_note = 0;
	/* referenced marks set while reading the notes count for notes only
	 * when the body references them: start again for the body */
	for (i = 0; i < h->nnote; i++)
		c->a->notes[h->base + i].referenced = 0;
}

void
html_conv_finish(struct html_conv *c)
{
	static const char *kinds[HTML_DROP_N] = {
		"scripts", "styles", "frames or embedded objects", "media elements", "form controls",
		"links with unsafe targets (their text kept)", "remote images (their words kept)",
		"elements nested too deep (their text kept)", "elements",
	};
	size_t i;

	for (i = 0; i < HTML_DROP_N; i++)
		if (c->ndrop[i] > HTML_WARN_EACH)
			warn_at(c->path, c->dropline[i] > 0 ? c->dropline[i] : 0,
			    "%zu more %s left out, the first here", c->ndrop[i] - HTML_WARN_EACH,
			    kinds[i]);
	if (c->notes) {
		struct html_notes *h = c->notes;

		for (i = 0; i < h->nnote; i++)
			free(h->label[i]);
		free(h->label);
		free(h->note);
		free(h->ids);
		free(h->skip);
		free(h->refid);
		free(h);
		c->notes = NULL;
	}
	for (i = 0; i < HTML_DROP_N; i++)
		free(c->dropname[i]);
}
