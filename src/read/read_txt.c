/*
 * The plain-text reader: the layout of the articles in ../shared/seeds/.
 *
 *   top of page                      (dropped)
 *   Headline
 *   Exclusive: the standfirst        (optional; the label is the kicker)
 *   By A, B and C - Role             (optional)
 *   February 8, 2023                 (optional; any form date_parse knows)
 *   A caption. Photograph: X/AP      (optional; only when it ends in a credit)
 *   body: paragraphs, subheadings, "- " / "1. " lists, "a | b" tables
 *   bottom of page                   (dropped)
 *
 * Blocks are separated by blank lines. The header is recognised by content,
 * not position: a block is a standfirst only when a byline or date follows
 * it (or it carries a kicker), so an article that goes straight from its
 * headline to its text keeps its first paragraph. Every word of the input
 * lands somewhere in the model; only the page markers, "By", the list
 * markers (kept as the list's numbering) and the kicker's colon are
 * structure rather than text.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "model/date.h"
#include "reader.h"

/* A subheading is short: fewer words and code points than these. */
#define HEAD_MAX_WORDS	12
#define HEAD_MAX_CHARS	100
/* A kicker label: at most this many words and bytes. */
#define KICK_MAX_WORDS	3
#define KICK_MAX_BYTES	32
/* A credit is a short tail of the caption. */
#define CREDIT_MAX_WORDS 16
#define AGENCY_MAX_WORDS 8
/* Header lines run together are looked for in the first blocks only. */
#define HEADER_BLOCKS	4

struct line {
	char	*s;		/* trimmed, NUL-terminated, owned */
	int	 no;		/* 1-based line number */
};

struct tblock {
	struct line	*lines;
	size_t		 n;
};

/* ---- small string helpers ---------------------------------------------- */

/* Return the code point at S without advancing. */
static uint32_t
cp_at(const char *s)
{
	return utf8_next(&s);
}

/* Return 1 for white space as a reader sees it: ASCII, no-break spaces,
 * the ideographic space. Set *LEN to its byte length. */
static int
is_space_at(const char *s, size_t *len)
{
	uint32_t c;
	const char *p = s;

	if (*s == ' ' || *s == '\t') {
		*len = 1;
		return 1;
	}
	if ((unsigned char)*s < 0x80)
		return 0;
	c = utf8_next(&p);
	*len = (size_t)(p - s);
	return c == 0xa0 || c == 0x202f || c == 0x2009 || c == 0x3000;
}

/* Return 1 when code point C is an upper-case letter in a script that has
 * case (Latin, Greek, Cyrillic); 0 for lower case and caseless scripts. */
static int
is_upper(uint32_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z';
	if (c >= 0xc0 && c <= 0xde)
		return c != 0xd7;
	if (c >= 0x100 && c <= 0x17f) {
		/* Latin Extended-A pairs upper/lower; the parity flips twice */
		if (c == 0x178)
			return 1;
		if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17e))
			return c & 1;
		return c != 0x138 && c != 0x149 && c != 0x17f && !(c & 1);
	}
	if (c >= 0x391 && c <= 0x3ab)
		return 1;
	if (c >= 0x400 && c <= 0x42f)
		return 1;
	return 0;
}

/* Return 1 when C is a lower-case letter (Latin, Greek, Cyrillic). */
static int
is_lower(uint32_t c)
{
	if (c < 0x80)
		return c >= 'a' && c <= 'z';
	if (c >= 0xdf && c <= 0xff)
		return c != 0xf7;
	if (c >= 0x100 && c <= 0x17f)
		return !is_upper(c);
	if (c >= 0x3ac && c <= 0x3ce)
		return 1;
	if (c >= 0x430 && c <= 0x45f)
		return 1;
	return 0;
}

/* Return 1 when C is a letter we know of: ASCII, or any non-ASCII code
 * point that is not punctuation, a symbol or space (good enough for names
 * and labels, where the alternatives are digits and punctuation). */
static int
is_letter(uint32_t c)
{
	if (c < 0x80)
		return isalpha((int)c);
	if (c < 0xc0 || c == 0xd7 || c == 0xf7)
		return 0;
	if (c >= 0x2000 && c <= 0x2bff)	/* punctuation, symbols, arrows, math */
		return 0;
	if (c >= 0x3000 && c <= 0x303f)	/* CJK punctuation */
		return 0;
	if (c >= 0xff00 && c <= 0xff0f)
		return 0;
	return 1;
}

/* Count the words of S: white-space separated tokens that hold a letter
 * or a digit (a lone "«" or "–" is punctuation, not a word). */
static size_t
count_words(const char *s)
{
	size_t n = 0, len;
	int in = 0, counted = 0;
	uint32_t c;

	while (*s) {
		if (is_space_at(s, &len)) {
			in = 0;
			s += len;
			continue;
		}
		if (!in)
			counted = 0;
		in = 1;
		c = utf8_next(&s);
		if (!counted && (is_letter(c) || (c >= '0' && c <= '9'))) {
			n++;
			counted = 1;
		}
	}
	return n;
}

/* Count the code points of S. */
static size_t
count_cps(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

/* A fresh copy of S[0..N) without white space (ASCII or no-break) at
 * either end; NULL when nothing is left. */
static char *
trim_n(const char *s, size_t n)
{
	size_t len;

	while (n && is_space_at(s, &len) && len <= n) {
		s += len;
		n -= len;
	}
	for (;;) {
		if (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
		else if (n >= 2 && (unsigned char)s[n - 2] == 0xc2 && (unsigned char)s[n - 1] == 0xa0)
			n -= 2;
		else
			break;
	}
	return n ? xstrndup(s, n) : NULL;
}

/* Return the last code point of S[0..N) and set *START to where it begins;
 * 0 when N is 0. */
static uint32_t
last_cp(const char *s, size_t n, size_t *start)
{
	size_t i = n;

	if (n == 0)
		return 0;
	while (i > 0 && ((unsigned char)s[i - 1] & 0xc0) == 0x80)
		i--;
	if (i > 0)
		i--;
	*start = i;
	return cp_at(s + i);
}

/* Closing quotes and brackets that may follow a sentence's full stop. */
static int
is_closer(uint32_t c)
{
	return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x2019 ||
	    c == 0x201d || c == 0xbb || c == 0x203a || c == 0xff09 ||
	    c == 0x300d || c == 0x300f || c == 0x3011;
}

/* Return the last code point of S[0..N) that is not a closing quote or
 * bracket. */
static uint32_t
last_sig(const char *s, size_t n)
{
	uint32_t c;
	size_t at;

	while ((c = last_cp(s, n, &at)) != 0 && is_closer(c))
		n = at;
	return c;
}

/* Sentence-final (or clause-final) punctuation: a line ending in one of
 * these is prose, not a heading. */
static int
is_terminal(uint32_t c)
{
	return c == '.' || c == '!' || c == ':' || c == ';' || c == ',' ||
	    c == 0x2026 || c == 0x3002 || c == 0xff0e || c == 0xff01 ||
	    c == 0xff1a || c == 0xff1b || c == 0xff0c || c == 0x3001 ||
	    c == 0x61b || c == 0x60c || c == 0x6d4;
}

/* ---- header pieces ------------------------------------------------------- */

char *
txt_kicker(const char *s, const char **rest)
{
	const char *p = s, *colon = NULL, *r;
	size_t words = 1, len;
	uint32_t c;

	if (s == NULL || !is_upper(cp_at(s)))
		return NULL;
	/* the label: letters, single spaces, hyphens, apostrophes, "&" */
	while (*p) {
		if (*p == ':') {
			colon = p;
			break;
		}
		if (*p == ' ') {
			if (p[1] == ':') {	/* French "Exclusif : …" */
				colon = p + 1;
				break;
			}
			if (p[1] == ' ' || ++words > KICK_MAX_WORDS)
				return NULL;
			p++;
			continue;
		}
		if ((unsigned char)p[0] == 0xc2 && (unsigned char)p[1] == 0xa0 && p[2] == ':') {
			colon = p + 2;
			break;
		}
		c = cp_at(p);
		if (!is_letter(c) && c != '-' && c != '\'' && c != 0x2019 && c != '&')
			return NULL;
		utf8_next(&p);
	}
	if (colon == NULL || (size_t)(p - s) > KICK_MAX_BYTES || p == s)
		return NULL;
	/* a space after the colon, then text that opens like a sentence */
	r = colon + 1;
	if (!is_space_at(r, &len))
		return NULL;
	while (is_space_at(r, &len))
		r += len;
	if (*r == '\0' || is_lower(cp_at(r)))
		return NULL;
	*rest = r;
	return xstrndup(s, (size_t)(p - s));
}

/* Words that may stand lower-case inside a name. */
static int
name_particle(const char *w, size_t n)
{
	static const char *particles[] = {
		"de", "van", "von", "der", "den", "la", "le", "da", "di", "du",
		"del", "della", "dos", "das", "do", "bin", "al", "el", "ibn", "y",
		"ter", "ten", "zu", "af", "av", "st", NULL
	};
	size_t i;

	for (i = 0; particles[i]; i++)
		if (strlen(particles[i]) == n && strncmp(w, particles[i], n) == 0)
			return 1;
	return 0;
}

/* Return 1 when S[0..N) looks like a person's (or an agency's) name:
 * 1..6 words, each capitalised or a particle, no digits, no sentence
 * punctuation. */
static int
looks_like_name(const char *s, size_t n)
{
	size_t i = 0, words = 0;

	while (i < n) {
		size_t start, wlen;
		uint32_t c;
		const char *p;

		while (i < n && s[i] == ' ')
			i++;
		if (i >= n)
			break;
		start = i;
		while (i < n && s[i] != ' ')
			i++;
		wlen = i - start;
		if (++words > 6)
			return 0;
		c = cp_at(s + start);
		if (!is_upper(c) && !name_particle(s + start, wlen) &&
		    !(c >= 0x80 && !is_lower(c) && is_letter(c)))
			return 0;
		for (p = s + start; p < s + i;) {
			c = utf8_next(&p);
			if (c < 0x80 && !isalpha((int)c) && c != '-' && c != '\'' && c != '.')
				return 0;
			if (c >= 0x80 && !is_letter(c) && c != 0x2019 && c != 0x2010)
				return 0;
		}
		/* an abbreviation's full stop ("J.", "Jr.") but not a sentence's */
		if (s[i - 1] == '.' && wlen > 3)
			return 0;
	}
	return words > 0;
}

/* The separators between names in a byline, longest first. */
static const char *name_seps[] = {
	", and ", ", und ", ", et ", ", ", " and ", " & ", " und ", " et ",
	" y ", " e ", " en ", NULL
};

/* Return the length of the name separator at S, or 0. */
static size_t
name_sep(const char *s)
{
	size_t i, n;

	for (i = 0; name_seps[i]; i++) {
		n = strlen(name_seps[i]);
		if (strncmp(s, name_seps[i], n) == 0)
			return n;
	}
	return 0;
}

/* Return the length of a role dash (" - ", " – ", " — ") at S, or 0. */
static size_t
role_dash(const char *s)
{
	if (strncmp(s, " - ", 3) == 0)
		return 3;
	if (strncmp(s, " \xe2\x80\x93 ", 5) == 0 || strncmp(s, " \xe2\x80\x94 ", 5) == 0)
		return 5;
	return 0;
}

struct seg {
	const char	*s;
	size_t		 n;
};

/* The byline: see reader.h. Authors are pushed onto *AUTHORS (copies);
 * *ROLE is fresh or NULL. Nothing is allocated when S is not a byline. */
int
txt_byline(const char *s, char ***authors, size_t *nauthors, char **role)
{
	static const char *openers[] = {
		"By ", "by ", "BY ", "Von ", "von ", "Par ", "par ", "Por ", "por ",
		"Door ", "door ", NULL
	};
	struct seg segs[16], notes[16];
	struct buf r = {0};
	const char *p, *names, *dash = NULL;
	size_t nseg = 0, nnotes = 0, i, k, dlen = 0;
	int depth = 0, ret = -1;

	if (s == NULL)
		return -1;
	for (i = 0; openers[i]; i++)
		if (str_startswith(s, openers[i]))
			break;
	if (openers[i] == NULL)
		return -1;
	names = s + strlen(openers[i]);
	while (*names == ' ')
		names++;
	/* split the names at depth 0; a dash ends them and starts the role */
	segs[0].s = names;
	for (p = names; *p; p++) {
		if (*p == '(')
			depth++;
		else if (*p == ')' && depth > 0)
			depth--;
		if (depth > 0)
			continue;
		if ((dlen = role_dash(p)) != 0) {
			dash = p;
			break;
		}
		if ((k = name_sep(p)) != 0) {
			if (nseg + 1 >= sizeof(segs) / sizeof(segs[0]))
				goto out;
			segs[nseg].n = (size_t)(p - segs[nseg].s);
			segs[++nseg].s = p + k;
			p += k - 1;
		}
	}
	if (depth != 0)
		goto out;
	segs[nseg].n = (size_t)(p - segs[nseg].s);
	nseg++;
	/* each segment: a name and perhaps a trailing "(note)" */
	for (i = 0; i < nseg; i++) {
		const char *open;

		while (segs[i].n && segs[i].s[segs[i].n - 1] == ' ')
			segs[i].n--;
		if (segs[i].n && segs[i].s[segs[i].n - 1] == ')' &&
		    (open = memchr(segs[i].s, '(', segs[i].n)) != NULL) {
			notes[nnotes].s = open + 1;
			notes[nnotes].n = (size_t)(segs[i].s + segs[i].n - 1 - (open + 1));
			if (notes[nnotes].n == 0)
				goto out;
			nnotes++;
			segs[i].n = (size_t)(open - segs[i].s);
			while (segs[i].n && segs[i].s[segs[i].n - 1] == ' ')
				segs[i].n--;
		}
		if (!looks_like_name(segs[i].s, segs[i].n))
			goto out;
	}
	if (dash && dash[dlen] == '\0')
		goto out;
	/* the role: the dash's text, then the notes joined as the names are */
	if (dash)
		buf_puts(&r, dash + dlen);
	if (nnotes) {
		if (dash)
			BUF_PUTSL(&r, " (");
		for (i = 0; i < nnotes; i++) {
			if (i)
				buf_puts(&r, i + 1 == nnotes ? " and " : ", ");
			buf_put(&r, notes[i].s, notes[i].n);
		}
		if (dash)
			buf_putc(&r, ')');
	}
	for (i = 0; i < nseg; i++) {
		char *name = xstrndup(segs[i].s, segs[i].n);

		strv_push(authors, nauthors, name);
		free(name);
	}
	*role = r.len ? buf_detach(&r) : NULL;
	ret = 0;
out:
	buf_free(&r);
	return ret;
}

/* Credit labels, as "Label:" at the start of the credit. */
static const char *credit_labels[] = {
	"Photograph", "Photographs", "Photo", "Photos", "Photography",
	"Illustration", "Illustrations", "Composite", "Picture", "Pictures",
	"Image", "Images", "Graphic", "Credit", "Video", "Foto", "Fotos",
	"Bild", "Cr\xc3\xa9\x64it", NULL
};

/* Return 1 when a credit label followed by a colon starts at P. */
static int
credit_label_at(const char *p)
{
	size_t i, n;

	if (strchr("PICGVFB", *p) == NULL || *p == '\0')
		return 0;	/* no label starts so: most words end here */
	for (i = 0; credit_labels[i]; i++) {
		n = strlen(credit_labels[i]);
		if (strncmp(p, credit_labels[i], n) != 0)
			continue;
		if (p[n] == ':')
			return 1;
		if (p[n] == ' ' && p[n + 1] == ':')
			return 1;
		if ((unsigned char)p[n] == 0xc2 && (unsigned char)p[n + 1] == 0xa0 && p[n + 2] == ':')
			return 1;
	}
	return 0;
}

/* Return 1 when T (an agency tail such as "Olena Shmahalo/Quanta Magazine")
 * is a credit: a slash, a few capitalised words, no sentence end. */
static int
agency_tail(const char *t)
{
	size_t n = strlen(t), at, i, start;
	uint32_t c;

	if (strchr(t, '/') == NULL || count_words(t) > AGENCY_MAX_WORDS)
		return 0;
	c = last_cp(t, n, &at);
	if (is_terminal(c) || c == '?')
		return 0;
	/* every word and every part between slashes opens with a capital
	 * (or is a joining word: "for", "via", "of") */
	for (i = 0; i < n;) {
		while (i < n && (t[i] == ' ' || t[i] == '/'))
			i++;
		if (i >= n)
			break;
		start = i;
		while (i < n && t[i] != ' ' && t[i] != '/')
			i++;
		c = cp_at(t + start);
		if (is_upper(c) || (c >= '0' && c <= '9'))
			continue;
		if ((i - start == 3 && strncmp(t + start, "for", 3) == 0) ||
		    (i - start == 3 && strncmp(t + start, "via", 3) == 0) ||
		    (i - start == 2 && strncmp(t + start, "of", 2) == 0) ||
		    (i - start == 3 && strncmp(t + start, "the", 3) == 0) ||
		    (i - start == 3 && strncmp(t + start, "and", 3) == 0))
			continue;
		return 0;
	}
	return 1;
}

/* Split a credit off S as txt_credit does; AGENCY allows the unlabelled
 * "Name/Agency" form as well. Returns a fresh string or NULL. */
static char *
credit_split(const char *s, size_t *caplen, int agency)
{
	const char *p, *tail = NULL;
	size_t n, len;

	if (s == NULL)
		return NULL;
	n = strlen(s);
	/* "… Photograph: Mark Schiefelbein/AP": the first label whose tail is
	 * short enough to be a credit */
	for (p = s; *p; p++) {
		if (p != s && p[-1] != ' ' && !((unsigned char)p[-1] == 0xa0 && p - s >= 2 &&
		    (unsigned char)p[-2] == 0xc2))
			continue;
		if (credit_label_at(p) && count_words(p) <= CREDIT_MAX_WORDS) {
			tail = p;
			break;
		}
	}
	/* "… of chaos theory. Olena Shmahalo/Quanta Magazine": the text after
	 * the last sentence end, when it reads as an agency credit */
	if (tail == NULL && agency) {
		const char *last = NULL;

		for (p = s; *p; p++) {
			size_t at;
			uint32_t c;

			if (!is_space_at(p, &len) || p == s)
				continue;
			c = last_cp(s, (size_t)(p - s), &at);
			while (is_closer(c) && at > 0)
				c = last_cp(s, at, &at);
			if (c == '.' || c == '!' || c == '?' || c == 0x3002)
				last = p + len;
			p += len - 1;
		}
		if (last && *last && agency_tail(last))
			tail = last;
	}
	if (tail == NULL)
		return NULL;
	len = (size_t)(tail - s);
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len >= 2 && (unsigned char)s[len - 2] == 0xc2 && (unsigned char)s[len - 1] == 0xa0)
		len -= 2;
	*caplen = len;
	return trim_n(tail, n - (size_t)(tail - s));
}

/* The credit: see reader.h. Returns a fresh string the caller frees. */
char *
txt_credit(const char *s, size_t *caplen)
{
	return credit_split(s, caplen, 1);
}

/* ---- lines and blocks ---------------------------------------------------- */

/* A fresh copy of S[0..N) without ASCII white space at either end (an
 * ideographic space that indents a paragraph stays); NULL when blank. */
static char *
trim_ascii(const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t' || *s == '\f' || *s == '\v')) {
		s++;
		n--;
	}
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\f' || s[n - 1] == '\v'))
		n--;
	return n ? xstrndup(s, n) : NULL;
}

/* Return 1 for the page markers the layout wraps an article in. */
static int
is_marker(const char *s)
{
	return strcasecmp(s, "top of page") == 0 || strcasecmp(s, "bottom of page") == 0;
}

/* Split TEXT into blocks of non-blank lines (page markers dropped).
 * Return the number of blocks; *OUT is owned by the caller. */
static size_t
split_blocks(const char *text, size_t len, struct tblock **out)
{
	struct tblock *v = NULL, *cur = NULL;
	size_t n = 0, cap = 0, lcap = 0;
	const char *p = text, *end = text + len;
	int no = 0;

	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	while (p < end) {
		const char *eol = p;
		char *line;

		while (eol < end && *eol != '\n' && *eol != '\r')
			eol++;
		no++;
		line = trim_ascii(p, (size_t)(eol - p));
		if (eol < end && *eol == '\r' && eol + 1 < end && eol[1] == '\n')
			eol++;
		p = eol < end ? eol + 1 : end;
		if (line == NULL || is_marker(line)) {
			if (line == NULL)
				cur = NULL;	/* a blank line ends the block */
			free(line);
			continue;
		}
		if (cur == NULL) {
			ARRAY_GROW(v, n, cap);
			cur = &v[n++];
			memset(cur, 0, sizeof(*cur));
			lcap = 0;
		}
		ARRAY_GROW(cur->lines, cur->n, lcap);
		cur->lines[cur->n].s = line;
		cur->lines[cur->n].no = no;
		cur->n++;
	}
	*out = v;
	return n;
}

/* Free the blocks and lines split_blocks made. */
static void
blocks_free_lines(struct tblock *v, size_t n)
{
	size_t i, k;

	for (i = 0; i < n; i++) {
		for (k = 0; k < v[i].n; k++)
			free(v[i].lines[k].s);
		free(v[i].lines);
	}
	free(v);
}

/* Return the lines of B joined with SEP, as a fresh string. */
static char *
join_lines(const struct tblock *b, const char *sep)
{
	struct buf out = {0};
	size_t i;

	for (i = 0; i < b->n; i++) {
		if (i)
			buf_puts(&out, sep);
		buf_puts(&out, b->lines[i].s);
	}
	return buf_detach(&out);
}

/* Return 1 when S is a byline (nothing is kept). */
static int
is_byline(const char *s)
{
	char **v = NULL, *role = NULL;
	size_t n = 0, i;
	int r = txt_byline(s, &v, &n, &role) == 0;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
	free(role);
	return r;
}

/* Return 1 when S is a whole date line. */
static int
is_date(const char *s)
{
	char iso[11];

	return date_parse(s, iso) == 0;
}

/* A list item's marker. Return 1 and fill *ORDERED, *NUM and *TEXT (where
 * the item's words start) when S opens with "- ", "* ", "• " or "12. ". */
static int
list_marker(const char *s, int *ordered, int *num, const char **text)
{
	static const char *bullets[] = {"- ", "* ", "\xe2\x80\xa2 ", "\xe2\x97\xa6 ", "\xe2\x80\xa3 ", NULL};
	const char *p = s;
	size_t i;
	int v = 0;

	for (i = 0; bullets[i]; i++)
		if (str_startswith(s, bullets[i])) {
			p = s + strlen(bullets[i]);
			while (*p == ' ')
				p++;
			if (*p == '\0')
				return 0;
			*ordered = 0;
			*num = 0;
			*text = p;
			return 1;
		}
	for (i = 0; i < 3 && isdigit((unsigned char)*p); i++)
		v = v * 10 + (*p++ - '0');
	if (i == 0 || isdigit((unsigned char)*p) || p[0] != '.' || p[1] != ' ')
		return 0;
	p += 2;
	while (*p == ' ')
		p++;
	if (*p == '\0')
		return 0;
	*ordered = 1;
	*num = v;
	*text = p;
	return 1;
}

/* Return 1 when S is a table row "a | b" (and not a list item). */
static int
is_row(const char *s)
{
	int o, n;
	const char *t;

	return strstr(s, " | ") != NULL && !list_marker(s, &o, &n, &t);
}

/* Return 1 when S reads as a subheading: short, not a sentence (no
 * full stop, colon or comma at the end), opening with a capital (or a
 * caseless script), and no formula, address or number alone. */
static int
is_heading(const char *s)
{
	const char *p = s;
	uint32_t c, first = 0;

	if (count_words(s) >= HEAD_MAX_WORDS || count_cps(s) > HEAD_MAX_CHARS)
		return 0;
	/* a run-in label ("Proof: By definition …") opens a paragraph */
	while (*p && *p != ' ' && *p != ':')
		p++;
	if (p[0] == ':' && p[1] == ' ')
		return 0;
	p = s;
	if (is_terminal(last_sig(s, strlen(s))))
		return 0;
	while (*p) {
		c = utf8_next(&p);
		if (c < 0x80 && strchr("=+<>|{}[]^~\\@#*_", (int)c))
			return 0;
		if ((c >= 0x2190 && c <= 0x22ff) || (c >= 0x27c0 && c <= 0x27ff) ||
		    (c >= 0x2a00 && c <= 0x2aff))
			return 0;
		if (first == 0 && is_letter(c))
			first = c;
	}
	return first != 0 && !is_lower(first);
}

/* Give block B its position: line NO of the article's file. */
static void
at(struct block *b, const struct article *a, int no)
{
	b->src.file = a->source;
	b->src.line = no;
}

/* Append a text inline holding a copy of S. */
static void
push_text(struct inl **v, size_t *n, const char *s)
{
	inl_push(v, n, INL_TEXT)->text = xstrdup(s);
}

/* Append the lines L[0..N) of one list to BLOCKS. Return how many lines
 * the list took: items and the lines that continue them. */
static size_t
body_list(struct article *a, struct block **blocks, size_t *nblocks,
    const struct line *l, size_t n)
{
	struct block *list, *item, *para = NULL;
	const char *text;
	int ordered, num, o, k;
	size_t i;

	list_marker(l[0].s, &ordered, &num, &text);
	list = block_push(blocks, nblocks, BLK_LIST);
	at(list, a, l[0].no);
	list->ordered = ordered;
	list->start = ordered ? num : 0;
	for (i = 0; i < n; i++) {
		if (list_marker(l[i].s, &o, &k, &text)) {
			/* another kind of list, or a gap in the numbering, starts
			 * a new list so that every number stays as written */
			if (i > 0 && (o != ordered || (ordered && k != num + 1)))
				break;
			num = k;
			item = block_push(&list->kids, &list->nkids, BLK_ITEM);
			at(item, a, l[i].no);
			para = block_push(&item->kids, &item->nkids, BLK_PARAGRAPH);
			at(para, a, l[i].no);
			push_text(&para->inl, &para->ninl, text);
		} else {
			/* a line under an item continues it ("term" + description) */
			inl_push(&para->inl, &para->ninl, INL_BREAK);
			push_text(&para->inl, &para->ninl, l[i].s);
		}
	}
	return i;
}

/* Split a table row "a | b | c" into cells of ROW. */
static void
body_row(struct article *a, struct block *row, const struct line *l)
{
	const char *p = l->s, *bar;
	size_t n;

	/* only " | " separates: a framing "| a | b |" keeps its outer bars
	 * in the edge cells rather than losing them */
	for (;;) {
		struct block *cell;
		char *t;

		bar = strstr(p, " | ");
		n = bar ? (size_t)(bar - p) : strlen(p);
		cell = block_push(&row->kids, &row->nkids, BLK_CELL);
		at(cell, a, l->no);
		if ((t = trim_ascii(p, n)) != NULL)
			inl_push(&cell->inl, &cell->ninl, INL_TEXT)->text = t;
		if (bar == NULL)
			break;
		p = bar + 3;
	}
}

/* Return 1 when the inlines V[0..N) hold a digit. */
static int
has_digit(const struct inl *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].text && strpbrk(v[i].text, "0123456789"))
			return 1;
	return 0;
}

/* Append the table rows L[0..N) to BLOCKS. A two-column table whose left
 * column holds short labels (an infobox: "Founded | 1998") gets row
 * headers, unless its first row reads as column heads: no figures in it,
 * and figures in the last cell of at least half the rows below ("Item |
 * Cost" over "Steelwork | 21 million"). Any other table takes its first
 * row as the header row. */
static void
body_table(struct article *a, struct block **blocks, size_t *nblocks,
    const struct line *l, size_t n)
{
	struct block *table = block_push(blocks, nblocks, BLK_TABLE);
	size_t i;
	int keyval = 1;

	at(table, a, l[0].no);
	for (i = 0; i < n; i++) {
		struct block *row = block_push(&table->kids, &table->nkids, BLK_ROW);
		struct block *c0;

		at(row, a, l[i].no);
		body_row(a, row, &l[i]);
		c0 = &row->kids[0];
		if (row->nkids != 2 || c0->ninl == 0 || count_words(c0->inl[0].text) > 3 ||
		    !is_letter(cp_at(c0->inl[0].text)))
			keyval = 0;
	}
	if (keyval && table->nkids >= 3) {
		struct block *r0 = &table->kids[0];
		size_t figures = 0;

		for (i = 1; i < table->nkids; i++) {
			struct block *last = &table->kids[i].kids[table->kids[i].nkids - 1];

			figures += has_digit(last->inl, last->ninl);
		}
		if (!has_digit(r0->kids[0].inl, r0->kids[0].ninl) &&
		    !has_digit(r0->kids[1].inl, r0->kids[1].ninl) &&
		    2 * figures >= table->nkids - 1)
			keyval = 0;
	}
	for (i = 0; i < table->nkids; i++) {
		struct block *row = &table->kids[i];
		size_t k;

		if (keyval) {
			row->kids[0].header = 1;
		} else if (i == 0) {
			row->header = 1;
			for (k = 0; k < row->nkids; k++)
				row->kids[k].header = 1;
		}
	}
}

/* Turn one body block (its lines) into model blocks appended to A. */
static void
body_block(struct article *a, const struct tblock *b)
{
	const struct line *l = b->lines;
	size_t n = b->n, i = 0, j, k, caplen;
	int o, num;
	const char *t;
	char *credit;

	while (i < n) {
		if (list_marker(l[i].s, &o, &num, &t)) {
			i += body_list(a, &a->blocks, &a->nblocks, l + i, n - i);
			continue;
		}
		if (is_row(l[i].s) && i + 1 < n && is_row(l[i + 1].s)) {
			for (j = i; j < n && is_row(l[j].s); j++)
				;
			body_table(a, &a->blocks, &a->nblocks, l + i, j - i);
			i = j;
			continue;
		}
		for (j = i + 1; j < n; j++)
			if (list_marker(l[j].s, &o, &num, &t) ||
			    (is_row(l[j].s) && j + 1 < n && is_row(l[j + 1].s)))
				break;
		credit = n == 1 ? credit_split(l[i].s, &caplen, 0) : NULL;
		if (credit && caplen == 0) {	/* a credit alone is no caption */
			free(credit);
			credit = NULL;
		}
		if (credit) {
			/* an in-body caption with its credit: a figure without a file */
			struct block *f = block_push(&a->blocks, &a->nblocks, BLK_FIGURE);

			at(f, a, l[i].no);
			f->image = xcalloc(1, sizeof(*f->image));
			f->image->caption = trim_n(l[i].s, caplen);
			f->image->credit = credit;
		} else if (j == i + 1 && is_heading(l[i].s)) {
			struct block *h = block_push(&a->blocks, &a->nblocks, BLK_HEADING);

			at(h, a, l[i].no);
			h->level = 2;
			push_text(&h->inl, &h->ninl, l[i].s);
		} else {
			struct block *p = block_push(&a->blocks, &a->nblocks, BLK_PARAGRAPH);

			at(p, a, l[i].no);
			for (k = i; k < j; k++) {
				if (k > i)
					inl_push(&p->inl, &p->ninl, INL_BREAK);
				push_text(&p->inl, &p->ninl, l[k].s);
			}
		}
		i = j;
	}
}

/* The header lines are meant to stand in blocks of their own, but a
 * headline, byline and date typed on consecutive lines are no less clear:
 * split any of the first HEADER_BLOCKS blocks that holds a byline or date
 * line into one block per line. Return the new block count. */
static size_t
split_header(struct tblock **bp, size_t n)
{
	struct tblock *b = *bp, *v;
	size_t i, k, m, cap;

	for (i = 0; i < n && i < HEADER_BLOCKS; i++) {
		if (b[i].n < 2)
			continue;
		for (k = 0; k < b[i].n; k++)
			if (is_byline(b[i].lines[k].s) || is_date(b[i].lines[k].s))
				break;
		if (k == b[i].n)
			continue;
		/* block i becomes b[i].n blocks of one line each */
		m = b[i].n;
		cap = n + m - 1;
		v = xcalloc(cap, sizeof(*v));
		memcpy(v, b, i * sizeof(*v));
		for (k = 0; k < m; k++) {
			v[i + k].lines = xmalloc(sizeof(struct line));
			v[i + k].lines[0] = b[i].lines[k];
			v[i + k].n = 1;
		}
		memcpy(v + i + m, b + i + 1, (n - i - 1) * sizeof(*v));
		free(b[i].lines);
		free(b);
		b = v;
		n = cap;
		i += m - 1;
	}
	*bp = b;
	return n;
}

/* Return 1 when S has the shape of a date line but names no real day:
 * "32 March 2024", "2024-02-30". The day is put back as 1 and the line
 * parsed again; a line that parses then was a date with an impossible day. */
static int
impossible_date(const char *s)
{
	struct buf t = {0};
	const char *p = s;
	char iso[11];
	int done = 0, r;

	if (strlen(s) > 40)
		return 0;
	if (strlen(s) == 10 && s[4] == '-' && s[7] == '-') {
		/* ISO: the day is the last number. */
		buf_put(&t, s, 8);
		BUF_PUTSL(&t, "01");
	} else {
		while (*p) {
			size_t k = strspn(p, "0123456789");

			if (!done && (k == 1 || k == 2) && (p == s || !isdigit((unsigned char)p[-1]))) {
				BUF_PUTSL(&t, "1");
				done = 1;
				p += k;
			} else if (k) {
				buf_put(&t, p, k);
				p += k;
			} else
				buf_putc(&t, *p++);
		}
		if (!done)
			buf_reset(&t);
	}
	r = t.len && date_parse(buf_str(&t), iso) == 0;
	buf_free(&t);
	return r;
}

/* Read the header fields after the headline from blocks B[*I..N), moving
 * *I past them. Return 0, or -1 with the error set for a date line that
 * names no real day. */
static int
header(struct article *a, const struct tblock *b, size_t n, size_t *i)
{
	char iso[11], *s, *kicker, *credit;
	const char *rest;
	size_t caplen;
	int seen = 0;

	/* a standfirst: when a byline or date follows, or it has a kicker */
	if (*i < n) {
		s = join_lines(&b[*i], " ");
		if (!is_byline(s) && !is_date(s)) {
			kicker = txt_kicker(s, &rest);
			if (kicker || (*i + 1 < n && b[*i + 1].n == 1 &&
			    (is_byline(b[*i + 1].lines[0].s) || is_date(b[*i + 1].lines[0].s)))) {
				a->kicker = kicker;
				a->standfirst = xstrdup(kicker ? rest : s);
				(*i)++;
			}
		}
		free(s);
	}
	/* byline and date, in either order */
	while (*i < n && b[*i].n == 1) {
		const char *line = b[*i].lines[0].s;

		if (a->nauthors == 0 && a->role == NULL &&
		    txt_byline(line, &a->authors, &a->nauthors, &a->role) == 0) {
			seen = 1;
			(*i)++;
		} else if (a->date == NULL && date_parse(line, iso) == 0) {
			a->date = xstrdup(iso);
			a->date_text = xstrdup(line);
			seen = 1;
			(*i)++;
		} else if (a->date == NULL && impossible_date(line)) {
			return err_set(a->source, b[*i].lines[0].no,
			    "'%s' looks like a date, but there is no such day", line);
		} else {
			break;
		}
	}
	/* the lead photo's caption: the next block, when it ends in a credit */
	if (seen && *i < n) {
		s = join_lines(&b[*i], " ");
		if ((credit = txt_credit(s, &caplen)) != NULL) {
			a->image = xcalloc(1, sizeof(*a->image));
			a->image->caption = caplen ? trim_n(s, caplen) : NULL;
			a->image->credit = credit;
			(*i)++;
		}
		free(s);
	}
	return 0;
}

/* The reader: see reader.h. Returns a fresh article (article_free) or NULL
 * with the error set. */
struct article *
txt_read(const char *path, const char *text, size_t len)
{
	struct article *a = NULL;
	struct tblock *b = NULL;
	size_t n = 0, i;

	if (utf8_check(path, text, len) != 0)
		goto out;
	n = split_blocks(text, len, &b);
	if (n == 0) {
		err_set(path, 0, "no text: the article is empty");
		goto out;
	}
	n = split_header(&b, n);
	a = article_new(path);
	a->headline = join_lines(&b[0], " ");
	a->line = b[0].lines[0].no;
	i = 1;
	if (header(a, b, n, &i) != 0) {
		article_free(a);
		a = NULL;
		goto out;
	}
	for (; i < n; i++)
		body_block(a, &b[i]);
out:
	blocks_free_lines(b, n);
	return a;
}
