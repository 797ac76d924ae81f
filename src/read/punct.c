/*
 * Typographic punctuation (SmartyPants' rules, per language).
 *
 * A straight double quote opens after the start of a text, a space, an
 * opening bracket, a dash, a slash or another opening mark, and closes
 * elsewhere; a straight single quote is an apostrophe between letters or
 * before a digit ('90s), and otherwise opens or closes the same way. The
 * marks are the language's: “English” ‘inner’, „German“ ‚inner‘, « French »
 * with narrow no-break spaces inside (a space typed there is replaced) and
 * “inner”; other Latin-script languages take the English marks. "---" is an
 * em dash, "--" an en dash unless it begins a word ("--epub", an option),
 * and three dots an ellipsis; the space before a spaced dash is a no-break
 * one, so that no line begins with the dash.
 *
 * The inlines of a block are one text: the mark after an emphasis or a
 * link is decided by the character before it, wherever that stands. A
 * tag typed inside text ("<a href="x">") is copied whole.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "util.h"
#include "punct.h"

struct marks {
	uint32_t	 ldq, rdq, lsq, rsq;
	int		 french;	/* narrow no-break spaces inside « » */
};

static const struct marks english = {0x201c, 0x201d, 0x2018, 0x2019, 0};
static const struct marks german = {0x201e, 0x201c, 0x201a, 0x2018, 0};
static const struct marks french = {0x00ab, 0x00bb, 0x201c, 0x201d, 1};

#define APOSTROPHE	0x2019
#define NNBSP		0x202f

/* The context of a walk over one text: its marks and the last character
 * written (0 at the start). */
struct walk {
	const struct marks *m;
	uint32_t	 prev;
	int		 singles;	/* single quotes opened and not yet closed */
	int		 doubles;	/* double quotes opened and not yet closed */
};

/* Return the marks for LANG, or NULL for a language whose script has its
 * own conventions (left alone). */
static const struct marks *
marks_for(const char *lang)
{
	static const char *const own[] = {"ar", "fa", "ur", "ps", "he", "yi", "zh", "ja", "ko",
	    "th", "hi", "bn", "ta", "el", "ru", "uk", "bg", "sr", "mk", "be", "ka", "hy", "am"};
	char p[4] = {0};
	size_t i;

	if (lang == NULL)
		return &english;
	for (i = 0; i < 3 && lang[i] && lang[i] != '-' && lang[i] != '_'; i++)
		p[i] = (char)(lang[i] | 0x20);
	if (strcmp(p, "de") == 0)
		return &german;
	if (strcmp(p, "fr") == 0)
		return &french;
	for (i = 0; i < sizeof(own) / sizeof(own[0]); i++)
		if (strcmp(p, own[i]) == 0)
			return NULL;
	return &english;
}

/* Whether CP is a space (or nothing: the start of a text). */
static int
is_space(uint32_t cp)
{
	return cp == 0 || cp == ' ' || cp == '\t' || cp == '\n' || cp == 0xa0 ||
	    (cp >= 0x2000 && cp <= 0x200b) || cp == NNBSP || cp == 0x3000;
}

/* Whether CP is a letter or digit (anything above Latin-1's symbols that
 * is not punctuation counts). */
static int
is_word(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
	if (cp < 0xc0 || cp == 0xd7 || cp == 0xf7)
		return 0;
	return !(cp >= 0x2000 && cp <= 0x2bff) && !(cp >= 0x3000 && cp <= 0x303f);
}

/* Whether a quote after CP opens: after a space, an opening bracket, a
 * dash, a slash or an opening mark. */
static int
opens_after(uint32_t cp)
{
	return is_space(cp) || cp == '(' || cp == '[' || cp == '{' || cp == '<' || cp == '-' ||
	    cp == '/' || cp == 0x2013 || cp == 0x2014 || cp == 0x201c || cp == 0x2018 ||
	    cp == 0x201e || cp == 0x201a || cp == 0xab || cp == 0x2039 || cp == 0xbf || cp == 0xa1 ||
	    cp == NNBSP;
}

/* Whether the letters at P, after an opening single quote, are a word
 * with its beginning left out ('tis, 'em, rock 'n' roll): the quote is
 * then an apostrophe. */
static int
elision(const char *p)
{
	static const char *const words[] = {"tis", "twas", "twere", "twill", "em", "n", "cause",
	    "til", "bout"};
	size_t i, n;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		n = strlen(words[i]);
		if (strncasecmp(p, words[i], n) == 0 && !is_word((unsigned char)p[n]) &&
		    ((unsigned char)p[n] < 0x80 || p[n] == '\0'))
			return 1;
	}
	return 0;
}

/* The length of the address (a URL, "www.…" or an e-mail address) that
 * begins at S and runs to the next space, less the punctuation that may
 * close a sentence after it; 0 when S begins none. */
static size_t
address_len(const char *s)
{
	size_t n = strcspn(s, " \t\n\xc2\xe2"), k;	/* to a space (NBSP, U+2000… too) */
	const char *at;

	if (n < 5)
		return 0;
	at = memchr(s, '@', n);
	for (k = 0; k + 3 <= n && strncmp(s + k, "://", 3) != 0; k++)
		;
	if (!(strncasecmp(s, "www.", 4) == 0 || (k > 0 && k + 3 <= n) ||
	    (at && at > s && memchr(at, '.', n - (size_t)(at - s)))))
		return 0;
	for (k = n; k > 0 && strchr(".,;:!?)]}\"'", s[k - 1]); k--)
		;
	return k;
}

static int spaced_dash(const char *p);

/* Append CP to OUT and remember it. */
static void
put(struct walk *w, struct buf *out, uint32_t cp)
{
	utf8_put(out, cp);
	w->prev = cp;
}

/* Append a French closing guillemet: a space typed before it becomes the
 * narrow no-break space. */
static void
close_guillemet(struct walk *w, struct buf *out, uint32_t mark)
{
	for (;;) {	/* a typed space, no-break or thin space goes */
		if (out->len > 0 && out->data[out->len - 1] == ' ')
			out->len -= 1;
		else if (out->len >= 2 && memcmp(out->data + out->len - 2, "\xc2\xa0", 2) == 0)
			out->len -= 2;
		else if (out->len >= 3 && (memcmp(out->data + out->len - 3, "\xe2\x80\xaf", 3) == 0 ||
		    memcmp(out->data + out->len - 3, "\xe2\x80\x89", 3) == 0))
			out->len -= 3;
		else
			break;
		out->data[out->len] = '\0';
	}
	utf8_put(out, NNBSP);
	put(w, out, mark);
}

/* Past the spaces at P (ASCII, no-break, narrow no-break, thin). */
static const char *
skip_spaces(const char *p)
{
	for (;;)
		if (*p == ' ')
			p++;
		else if (strncmp(p, "\xc2\xa0", 2) == 0)
			p += 2;
		else if (strncmp(p, "\xe2\x80\xaf", 3) == 0 || strncmp(p, "\xe2\x80\x89", 3) == 0)
			p += 3;
		else
			return p;
}

/* Append S's text to OUT with its punctuation set; W carries the context
 * from the text before. */
static void
walk_text(struct walk *w, const char *s, struct buf *out)
{
	const char *p = s;

	while (*p) {
		const char *at = p;
		uint32_t cp = utf8_next(&p), next;
		const char *q = p;

		next = *q ? utf8_next(&q) : 0;
		if (cp != '"' && cp != '\'' && opens_after(w->prev) && address_len(at) > 0) {
			size_t n = address_len(at);	/* a URL or an e-mail address: as typed */

			buf_put(out, at, n);
			p = at + n;
			w->prev = 'x';
			continue;
		}
		if (cp == '<' && (((next | 0x20) >= 'a' && (next | 0x20) <= 'z') || next == '/' ||
		    next == '!')) {
			/* a tag (inline HTML, kept as text): as typed; a name
			 * must end in a space, '/' or '>' ("x<y, z" is none) */
			size_t k = *p == '/' || *p == '!' ? 1 : 0, n;

			while (((p[k] | 0x20) >= 'a' && (p[k] | 0x20) <= 'z') || (p[k] >= '0' && p[k] <= '9') ||
			    p[k] == '-')
				k++;
			n = strcspn(p, ">\n");
			if (k > 0 && (p[k] == ' ' || p[k] == '/' || p[k] == '>') && p[n] == '>') {
				buf_put(out, at, (size_t)(p + n + 1 - at));
				p += n + 1;
				continue;	/* the mark after it is decided by what came before */
			}
		}
		if (cp == '"' || cp == '\'') {
			int dbl = cp == '"', open = opens_after(w->prev);

			/* a quote between spaces closes one that is open: " oui " */
			if (dbl && open && w->doubles > 0 && is_space(w->prev) &&
			    (is_space(next) || (!is_word(next) && next != '(' && next != '[')))
				open = 0;

			if (!dbl && is_word(w->prev)) {
				/* it's; a closing quote only when one is open
				 * (Relotius' Inbox is a German apostrophe) */
				if (!is_word(next) && w->singles > 0) {
					w->singles--;
					put(w, out, w->m->rsq);
				} else
					put(w, out, APOSTROPHE);
				continue;
			}
			if (!dbl && (p[0] == 'n' || p[0] == 'N') && p[1] == '\'' && !is_word((unsigned char)p[2])) {
				put(w, out, APOSTROPHE);	/* rock 'n' roll: both apostrophes */
				put(w, out, (unsigned char)p[0]);
				put(w, out, APOSTROPHE);
				p += 2;
				continue;
			}
			if (!dbl && open && ((next >= '0' && next <= '9') || elision(p))) {
				put(w, out, APOSTROPHE);	/* '90s, 'tis */
				continue;
			}
			if (open) {
				w->singles += !dbl;
				w->doubles += dbl;
				put(w, out, dbl ? w->m->ldq : w->m->lsq);
				if (dbl && w->m->french) {
					p = skip_spaces(p);
					put(w, out, NNBSP);
				}
			} else if (dbl) {
				w->doubles -= w->doubles > 0;
				if (w->m->french)
					close_guillemet(w, out, w->m->rdq);
				else
					put(w, out, w->m->rdq);
			}
			else {
				w->singles -= w->singles > 0;
				put(w, out, w->m->rsq);
			}
			continue;
		}
		if (cp == '-' && next == '-') {
			if (p[1] == '-') {
				put(w, out, 0x2014);
				p += 2;
				continue;
			}
			/* "--epub", "(--pdf)": an option, not a dash */
			if (!(opens_after(w->prev) && is_word((unsigned char)p[1]))) {
				put(w, out, 0x2013);
				p += 1;
				continue;
			}
		}
		if (cp == '.' && strncmp(p, "..", 2) == 0 && p[2] != '.' && w->prev != '.') {
			put(w, out, 0x2026);
			p += 2;
			continue;
		}
		if (cp == ' ' && spaced_dash(p)) {
			put(w, out, 0xa0);	/* a spaced dash never begins a line */
			continue;
		}
		buf_put(out, at, (size_t)(p - at));
		w->prev = cp;
	}
}

/* Whether P begins a spaced dash: an en or em dash (or the "--" or "---"
 * that become one) and a space. */
static int
spaced_dash(const char *p)
{
	if (strncmp(p, "\xe2\x80\x93", 3) == 0 || strncmp(p, "\xe2\x80\x94", 3) == 0)
		p += 3;
	else if (strncmp(p, "---", 3) == 0)
		p += 3;
	else if (strncmp(p, "--", 2) == 0)
		p += 2;
	else
		return 0;
	return skip_spaces(p) != p;	/* a space, no-break or thin space after it */
}

/* Whether S holds anything walk_text would change. */
static int
needs(const char *s)
{
	return s && (strpbrk(s, "\"'") || strstr(s, "--") || strstr(s, "...") ||
	    strstr(s, " \xe2\x80\x93") || strstr(s, " \xe2\x80\x94"));
}

/* Set the punctuation of *S in place, continuing W's context. */
static void
walk_field(struct walk *w, char **s)
{
	struct buf out = {0};

	if (*s == NULL)
		return;
	if (!needs(*s)) {
		const char *p = *s;
		uint32_t cp = 0;

		while (*p)
			cp = utf8_next(&p);
		w->prev = cp;
		return;
	}
	walk_text(w, *s, &out);
	free(*s);
	*s = buf_detach(&out);
}

/* Set the punctuation of the string *S as a text of its own. */
static void
field(const struct marks *m, char **s)
{
	struct walk w = {m, 0, 0, 0};

	walk_field(&w, s);
}

static void walk_blocks(const struct marks *m, struct block *b, size_t n);

/* Walk inlines IN[0..N) as one text. */
static void
walk_inlines(struct walk *w, struct inl *in, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		switch (in[i].type) {
		case INL_TEXT:
			walk_field(w, &in[i].text);
			break;
		case INL_CODE:
		case INL_NOTEREF:
			w->prev = 'x';	/* a word-like thing: a quote after it closes */
			break;
		case INL_BREAK:
			w->prev = ' ';
			break;
		default:
			walk_inlines(w, in[i].kids, in[i].nkids);
			break;
		}
}

/* Set the punctuation of an image's words. */
static void
walk_image(const struct marks *m, struct image *im)
{
	if (im == NULL)
		return;
	field(m, &im->alt);
	field(m, &im->caption);
	field(m, &im->credit);
}

/* Set the punctuation of blocks B[0..N) and what they hold, each block's
 * inlines as one text; code blocks are left alone. */
static void
walk_blocks(const struct marks *m, struct block *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		struct walk w = {m, 0, 0, 0};

		if (b[i].type == BLK_CODE)
			continue;
		walk_inlines(&w, b[i].inl, b[i].ninl);
		walk_image(m, b[i].image);
		walk_blocks(m, b[i].kids, b[i].nkids);
	}
}

char *
punct_string(const char *s, const char *lang)
{
	const struct marks *m = marks_for(lang);
	char *t = xstrdup(s);

	if (m)
		field(m, &t);
	return t;
}

void
punct_article(struct article *a)
{
	const struct marks *m = marks_for(a->lang);
	size_t i;

	if (m == NULL)
		return;
	field(m, &a->kicker);
	field(m, &a->headline);
	field(m, &a->standfirst);
	field(m, &a->role);
	for (i = 0; i < a->nauthors; i++)
		field(m, &a->authors[i]);
	walk_image(m, a->image);
	walk_blocks(m, a->blocks, a->nblocks);
	for (i = 0; i < a->nnotes; i++)
		walk_blocks(m, a->notes[i].blocks, a->notes[i].nblocks);
}

/* The quotation marks of LANG at nesting DEPTH (0: outer), as UTF-8. */
static void
q_marks(const char *lang, int depth, const char **open, const char **close)
{
	static const struct {
		const char *lang, *o1, *c1, *o2, *c2;
	} tab[] = {
		{"de", "\xe2\x80\x9e", "\xe2\x80\x9c", "\xe2\x80\x9a", "\xe2\x80\x98"},
		{"fr", "\xc2\xab\xe2\x80\xaf", "\xe2\x80\xaf\xc2\xbb", "\xe2\x80\x9c", "\xe2\x80\x9d"},
		{"ru", "\xc2\xab", "\xc2\xbb", "\xe2\x80\x9e", "\xe2\x80\x9c"},
		{"uk", "\xc2\xab", "\xc2\xbb", "\xe2\x80\x9e", "\xe2\x80\x9c"},
		{"be", "\xc2\xab", "\xc2\xbb", "\xe2\x80\x9e", "\xe2\x80\x9c"},
		{"ja", "\xe3\x80\x8c", "\xe3\x80\x8d", "\xe3\x80\x8e", "\xe3\x80\x8f"},
		{"zh", "\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x98", "\xe2\x80\x99"},
	};
	const struct marks *m = marks_for(lang);
	size_t i;

	for (i = 0; i < sizeof(tab) / sizeof(tab[0]); i++)
		if (lang && strncasecmp(lang, tab[i].lang, 2) == 0 &&
		    (lang[2] == '\0' || lang[2] == '-')) {
			*open = depth % 2 ? tab[i].o2 : tab[i].o1;
			*close = depth % 2 ? tab[i].c2 : tab[i].c1;
			return;
		}
	/* the languages punct.c sets like German take German marks */
	if (m == &german) {
		*open = depth % 2 ? "\xe2\x80\x9a" : "\xe2\x80\x9e";
		*close = depth % 2 ? "\xe2\x80\x98" : "\xe2\x80\x9c";
		return;
	}
	*open = depth % 2 ? "\xe2\x80\x98" : "\xe2\x80\x9c";
	*close = depth % 2 ? "\xe2\x80\x99" : "\xe2\x80\x9d";
}

/* Give each INL_Q in IN[0..N) its marks, DEPTH quotations deep. */
static void
quote_inlines(const char *lang, struct inl *in, size_t n, int depth)
{
	size_t i;

	for (i = 0; i < n; i++) {
		struct inl *q = &in[i], *kids = NULL;
		size_t nk = 0, k;
		const char *o, *c;

		if (q->type == INL_TEXT || q->type == INL_CODE || q->type == INL_NOTEREF ||
		    q->type == INL_BREAK)
			continue;
		quote_inlines(lang, q->kids, q->nkids, depth + (q->type == INL_Q));
		if (q->type != INL_Q)
			continue;
		q_marks(lang, depth, &o, &c);
		inl_push(&kids, &nk, INL_TEXT)->text = xstrdup(o);
		for (k = 0; k < q->nkids; k++)
			*inl_push(&kids, &nk, INL_TEXT) = q->kids[k];
		inl_push(&kids, &nk, INL_TEXT)->text = xstrdup(c);
		free(q->kids);
		q->kids = kids;
		q->nkids = nk;
	}
}

static void
quote_blocks(const char *lang, struct block *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		quote_inlines(lang, b[i].inl, b[i].ninl, 0);
		quote_blocks(lang, b[i].kids, b[i].nkids);
	}
}

void
punct_quotes(struct article *a)
{
	size_t i;

	quote_blocks(a->lang, a->blocks, a->nblocks);
	for (i = 0; i < a->nnotes; i++)
		quote_blocks(a->lang, a->notes[i].blocks, a->notes[i].nblocks);
}
