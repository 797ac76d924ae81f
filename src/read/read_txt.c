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
#include "model/model.h"
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

/* The separators between names in a byline, longest first; COMMA marks
 * the ones after which a role may start instead of another name. */
static const struct {
	const char	*s;
	int		 comma;
} name_seps[] = {
	{", and ", 0}, {", und ", 0}, {", et ", 0}, {", y ", 0}, {", e ", 0}, {", ", 1},
	{" and ", 0}, {" & ", 0}, {" und ", 0}, {" et ", 0}, {" y ", 0}, {" e ", 0},
	{" en ", 0}, {" og ", 0}, {" och ", 0}, {" i ", 0}, {NULL, 0}
};

/* Return the length of the name separator at S (setting *COMMA), or 0.
 * DUTCH: " en " joins names ("Door A en B"); elsewhere it is Spanish
 * "en" before a place. */
static size_t
name_sep(const char *s, int dutch, int *comma)
{
	size_t i, n;

	for (i = 0; name_seps[i].s; i++) {
		n = strlen(name_seps[i].s);
		if (!dutch && strcmp(name_seps[i].s, " en ") == 0)
			continue;
		if (strncmp(s, name_seps[i].s, n) == 0) {
			*comma = name_seps[i].comma;
			return n;
		}
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

/* Return 1 when S[0..N) names a job rather than a person: one of its words
 * opens like a newsroom title in one of the languages read here. */
static int
is_role(const char *s, size_t n)
{
	static const char *stems[] = {
		"correspond", "editor", "reporter", "writer", "journalist", "columnist",
		"staff", "contribut", "producer", "photograph", "analyst", "critic",
		"chief", "senior", "deputy", "director", "professor", "fellow", "author",
		"redakt", "korrespond", "reporter", "autor", "journaliste", "r\xc3\xa9\x64\x61\x63",
		"envoy", "periodist", "corresponsal", "redactor", "cronista", "giornalist",
		"inviat", "corrispondent", "verslaggever", "redacteur", "reportr", "freelance",
		"intern", "researcher", "scientist", "lecturer", "president", "founder",
		"manager", "officer", "specialist", "expert", "in ", NULL
	};
	size_t i = 0, k;

	while (i < n) {
		while (i < n && s[i] == ' ')
			i++;
		for (k = 0; stems[k]; k++) {
			size_t l = strlen(stems[k]);

			if (l <= n - i && strncasecmp(s + i, stems[k], l) == 0)
				return 1;
		}
		while (i < n && s[i] != ' ')
			i++;
	}
	return 0;
}

struct seg {
	const char	*s;
	size_t		 n;
	int		 comma;		/* it followed a comma */
};

/* The byline openers: "By", localised, and how they are written. */
static const char *const openers[] = {
	"Written by ", "Words by ", "Reporting by ", "By: ", "By ", "by ", "BY ",
	"Von ", "von ", "VON ", "Text: ", "Par ", "par ", "PAR ", "Por ", "por ", "POR ",
	"Door ", "door ", "Di ", "di ", "Av ", "av ", "Af ", "af ", "Autor: ", "Auteur : ",
	NULL
};

/* Words that open co-authors in brackets: "(avec A et B)". */
static const char *const with_words[] = {
	"avec ", "with ", "mit ", "con ", "com ", "met ", "med ", "and ", "und ", "et ", "y ",
	"additional reporting by ", NULL
};

void
txt_byline_free(struct txt_byline *y)
{
	size_t i;

	for (i = 0; i < y->n; i++) {
		free(y->authors[i]);
		if (y->roles)
			free(y->roles[i]);
	}
	free(y->authors);
	free(y->roles);
	free(y->role);
	free(y->place);
	memset(y, 0, sizeof(*y));
}

/* Add the name S[0..N) (trimmed) with its ROLE[0..RN) (none when RN is
 * 0) to Y. */
static void
byline_add(struct txt_byline *y, const char *s, size_t n, const char *role, size_t rn)
{
	char *name = trim_n(s, n);

	strv_push(&y->authors, &y->n, name ? name : "");
	free(name);
	y->roles = xrealloc(y->roles, y->n * sizeof(*y->roles));
	y->roles[y->n - 1] = rn ? trim_n(role, rn) : NULL;
}

/* Split S[0..N) at depth-0 name separators into SEGS (at most MAX).
 * Set *DASH to a role dash at depth 0 (and stop there). Return the number
 * of segments, or 0 when the brackets do not balance or there are too
 * many. */
static size_t
split_names(const char *s, size_t n, int dutch, struct seg *segs, size_t max, const char **dash)
{
	size_t nseg = 0, k;
	const char *p, *end = s + n;
	int depth = 0, comma = 0;

	*dash = NULL;
	segs[0].s = s;
	segs[0].comma = 0;
	for (p = s; p < end; p++) {
		if (*p == '(')
			depth++;
		else if (*p == ')' && depth > 0)
			depth--;
		if (depth > 0)
			continue;
		if (role_dash(p) != 0) {
			*dash = p;
			break;
		}
		if ((k = name_sep(p, dutch, &comma)) != 0) {
			if (nseg + 1 >= max)
				return 0;
			segs[nseg].n = (size_t)(p - segs[nseg].s);
			segs[++nseg].s = p + k;
			segs[nseg].comma = comma;
			p += k - 1;
		}
	}
	if (depth != 0)
		return 0;
	segs[nseg].n = (size_t)(p - segs[nseg].s);
	return nseg + 1;
}

/* Split a trailing " in Vienna" (" à Paris", Spanish " en Madrid") off
 * the segment G, when both sides read as names. Return the place as a
 * fresh string and shorten G, or NULL. */
static char *
seg_place(struct seg *g, int spanish)
{
	static const char *const ins[] = {" in ", " \xc3\xa0 ", " aus ", " en ", NULL};
	size_t i, k;

	for (i = 0; ins[i]; i++) {
		size_t l = strlen(ins[i]);

		if (strcmp(ins[i], " en ") == 0 && !spanish)
			continue;
		for (k = g->n; k-- > 0;) {
			if (k + l <= g->n && strncmp(g->s + k, ins[i], l) == 0) {
				const char *pl = g->s + k + l;
				size_t pn = g->n - k - l;

				if (pn && count_words(pl) <= 3 && looks_like_name(pl, pn) &&
				    memchr(pl, '(', pn) == NULL) {
					g->n = k;
					return trim_n(pl, pn);
				}
				break;
			}
		}
	}
	return NULL;
}

/* Take a trailing "(note)" off segment G into *NOTE / *NN. */
static void
seg_note(struct seg *g, const char **note, size_t *nn)
{
	const char *open;

	*note = NULL;
	*nn = 0;
	while (g->n && g->s[g->n - 1] == ' ')
		g->n--;
	while (g->n && g->s[0] == ' ') {
		g->s++;
		g->n--;
	}
	if (g->n && g->s[g->n - 1] == ')' && (open = memchr(g->s, '(', g->n)) != NULL) {
		*note = open + 1;
		*nn = (size_t)(g->s + g->n - 1 - (open + 1));
		g->n = (size_t)(open - g->s);
		while (g->n && g->s[g->n - 1] == ' ')
			g->n--;
	}
}

/* Add the co-authors of a "(avec A et B)" note to Y. Return 1 when NOTE
 * was such a note. */
static int
co_authors(struct txt_byline *y, const char *note, size_t nn, int dutch)
{
	struct seg segs[16];
	const char *dash;
	size_t i, k, ns;

	for (i = 0; with_words[i]; i++)
		if (nn > strlen(with_words[i]) && strncasecmp(note, with_words[i], strlen(with_words[i])) == 0)
			break;
	if (with_words[i] == NULL)
		return 0;
	k = strlen(with_words[i]);
	ns = split_names(note + k, nn - k, dutch, segs, 16, &dash);
	if (ns == 0 || dash)
		return 0;
	for (i = 0; i < ns; i++)
		if (!looks_like_name(segs[i].s, segs[i].n))
			return 0;
	for (i = 0; i < ns; i++)
		byline_add(y, segs[i].s, segs[i].n, NULL, 0);
	return 1;
}

/* Return 1 when S[0..N) can be a name on a line of its own: two to four
 * words, none of them a job. */
static int
bare_name(const char *s, size_t n)
{
	char *t = xstrndup(s, n);
	size_t w = count_words(t);

	free(t);
	return w >= 2 && w <= 4 && !is_role(s, n);
}

/* The byline: see reader.h. */
int
txt_byline_parse(const char *s, int bare, struct txt_byline *y)
{
	struct seg segs[16];
	const char *names, *dash, *note;
	size_t nseg, i, nn, nnames = 0, len;
	int dutch = 0, spanish = 0, roles = 0;

	memset(y, 0, sizeof(*y));
	if (s == NULL || strlen(s) > 300)
		return -1;
	names = NULL;
	for (i = 0; openers[i]; i++)
		if (str_startswith(s, openers[i])) {
			names = s + strlen(openers[i]);
			dutch = strncasecmp(openers[i], "door", 4) == 0;
			spanish = strncasecmp(openers[i], "por", 3) == 0;
			break;
		}
	if (names == NULL) {
		if (!bare || count_words(s) > 10)
			return -1;
		names = s;
	}
	while (*names == ' ')
		names++;
	len = strlen(names);
	if ((nseg = split_names(names, len, dutch, segs, 16, &dash)) == 0)
		goto fail;
	if (dash && dash[role_dash(dash)] == '\0')
		goto fail;
	for (i = 0; i < nseg; i++) {
		struct seg g = segs[i];
		char *place;

		seg_note(&g, &note, &nn);
		if (note && nn == 0)
			goto fail;
		if (i > 0 && g.comma && note == NULL && g.n && y->place == NULL &&
		    (!looks_like_name(g.s, g.n) || is_role(g.s, g.n))) {
			/* the role: this segment and the rest, up to a place */
			const char *end = dash ? dash : names + len;
			struct seg r = {g.s, (size_t)(end - g.s), 0};

			if ((place = seg_place(&r, spanish)) != NULL)
				y->place = place;
			else if (r.n > 3 && strncmp(r.s, "in ", 3) == 0 && looks_like_name(r.s + 3, r.n - 3)) {
				y->place = trim_n(r.s + 3, r.n - 3);
				r.n = 0;
			}
			if (r.n)
				y->role = trim_n(r.s, r.n);
			break;
		}
		if (g.n > 3 && strncmp(g.s, "in ", 3) == 0 && i > 0 && looks_like_name(g.s + 3, g.n - 3)) {
			free(y->place);
			y->place = trim_n(g.s + 3, g.n - 3);
			continue;
		}
		if (i + 1 == nseg || dash) {
			if ((place = seg_place(&g, spanish)) != NULL) {
				free(y->place);
				y->place = place;
			}
		}
		if (!looks_like_name(g.s, g.n) || (bare && !bare_name(g.s, g.n)))
			goto fail;
		byline_add(y, g.s, g.n, NULL, 0);
		nnames++;
		if (note && !co_authors(y, note, nn, dutch)) {
			free(y->roles[y->n - 1]);
			y->roles[y->n - 1] = trim_n(note, nn);
			roles++;
		}
	}
	if (nnames == 0)
		goto fail;
	if (dash) {
		char *r = xstrdup(dash + role_dash(dash));

		if (y->role) {
			char *t = xprintf("%s, %s", y->role, r);

			free(r);
			r = t;
		}
		free(y->role);
		y->role = r;
	}
	/* one author's note is the role of the byline ("By A (Reporter)") */
	if (roles == 1 && y->n == 1 && y->role == NULL) {
		y->role = y->roles[0];
		y->roles[0] = NULL;
	} else if (roles == 1 && y->n == 1) {
		char *t = xprintf("%s (%s)", y->role, y->roles[0]);

		free(y->role);
		y->role = t;
		free(y->roles[0]);
		y->roles[0] = NULL;
	}
	if (roles == 0 || y->role == y->roles[0]) {
		for (i = 0; i < y->n; i++)
			free(y->roles[i]);
		free(y->roles);
		y->roles = NULL;
	}
	return 0;
fail:
	txt_byline_free(y);
	return -1;
}

/* The byline, authors and one role: see reader.h. */
int
txt_byline(const char *s, char ***authors, size_t *nauthors, char **role)
{
	struct txt_byline y;
	struct buf r = {0};
	size_t i;

	if (txt_byline_parse(s, 0, &y) != 0)
		return -1;
	for (i = 0; i < y.n; i++)
		strv_push(authors, nauthors, y.authors[i]);
	if (y.role)
		buf_puts(&r, y.role);
	for (i = 0; y.roles && i < y.n; i++)
		if (y.roles[i]) {
			if (r.len)
				BUF_PUTSL(&r, "; ");
			buf_puts(&r, y.roles[i]);
		}
	*role = r.len ? buf_detach(&r) : NULL;
	buf_free(&r);
	txt_byline_free(&y);
	return 0;
}

/* Credit labels, as "Label:" or "Label by" at the start of the credit. */
static const char *credit_labels[] = {
	"Photographs", "Photograph", "Photography", "Photos", "Photo", "Illustrations",
	"Illustration", "Composite", "Pictures", "Picture", "Images", "Image", "Graphic",
	"Credits", "Credit", "Video", "Fotos", "Foto", "Fotograf\xc3\xad" "a", "Fotografia", "Fotografie",
	"Bild", "Cr\xc3\xa9\x64its", "Cr\xc3\xa9\x64it", "Cr\xc3\xa9\x64ito", "Cr\xc3\xa9\x64itos",
	"Imagen", "Imagem", "Immagine", "Ilustraci\xc3\xb3n", "Illustrazione", "Quelle", "Source",
	"Lead image", "Top image", "Main image", "Header image", "Cover photo", "Photo illustration",
	NULL
};

/* The words after a label that name who made it: "Photo by X". */
static const char *credit_bys[] = {
	" by ", " von ", " de ", " di ", " par ", " por ", " door ", " av ", " courtesy of ",
	" via ", NULL
};

/* Return 1 when a credit label followed by a colon or "by" starts at P
 * ("Photograph: X", "Photo by X", "Foto: X", "Crédit : X"), or the same
 * in brackets ("(Photo by X)"). */
static int
credit_label_at(const char *p)
{
	size_t i, k, n;

	if (*p == '(')
		p++;
	if (*p == '\0' || !is_upper(cp_at(p)))
		return 0;
	for (i = 0; credit_labels[i]; i++) {
		n = strlen(credit_labels[i]);
		if (strncasecmp(p, credit_labels[i], n) != 0 || !is_upper(cp_at(p)))
			continue;
		if (p[n] == ':')
			return 1;
		if (p[n] == ' ' && p[n + 1] == ':')
			return 1;
		if ((unsigned char)p[n] == 0xc2 && (unsigned char)p[n + 1] == 0xa0 && p[n + 2] == ':')
			return 1;
		for (k = 0; credit_bys[k]; k++)
			if (strncmp(p + n, credit_bys[k], strlen(credit_bys[k])) == 0 &&
			    is_upper(cp_at(p + n + strlen(credit_bys[k]))))
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
	if (*tail == '(' && s[n - 1] == ')')	/* "(Photo by X)" */
		return trim_n(tail + 1, n - (size_t)(tail - s) - 2);
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

static int is_header_line(const char *s);

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
			if (is_header_line(b[i].lines[k].s))
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

/* ---- the header ---------------------------------------------------------- */

/* Header blocks are looked for among this many blocks after the headline. */
#define HEADER_SCAN	8
/* A block this long after a header line is the body's first paragraph. */
#define BODY_WORDS	40

/* Page furniture: lines a page prints around an article, not part of it,
 * in the languages read here (compared case aside, a final ':' or '.'
 * aside). "Additional reporting by …" is the article's and not here. */
static const char *const furniture[] = {
	"share", "share this", "share this article", "share this story", "share this page",
	"share on facebook", "share on twitter", "share on whatsapp", "share via email",
	"share article", "tweet", "copy link", "link copied", "advertisement", "advertisment",
	"sponsored", "skip to main content", "skip to content", "skip to navigation",
	"sign up to our newsletter", "sign up for our newsletter", "sign up to our daily newsletter",
	"subscribe to our newsletter", "listen to this article", "click to share", "open in app",
	"teilen", "artikel teilen", "anzeige", "werbung", "zum inhalt springen",
	"newsletter abonnieren", "artikel vorlesen lassen",
	"partager", "partager cet article", "publicit\xc3\xa9", "aller au contenu principal",
	"inscrivez-vous \xc3\xa0 notre newsletter", "\xc3\xa9\x63outer cet article",
	"compartir", "compartir este art\xc3\xad\x63ulo", "publicidad", "anuncio",
	"ir al contenido principal", "suscr\xc3\xad\x62\x65te a nuestro bolet\xc3\xadn",
	"condividi", "pubblicit\xc3\xa0", "vai al contenuto principale", "iscriviti alla newsletter",
	"compartilhar", "partilhar", "publicidade", "delen", "advertentie", "naar de inhoud",
	"dela", "annons", "annonce", "annonse", "reklame",
	NULL
};

/* Return 1 when S is a line of page furniture. */
static int
is_furniture(const char *s)
{
	size_t n = strlen(s), i;

	while (n && (s[n - 1] == ':' || s[n - 1] == '.' || s[n - 1] == ' '))
		n--;
	for (i = 0; furniture[i]; i++)
		if (strlen(furniture[i]) == n && strncasecmp(s, furniture[i], n) == 0)
			return 1;
	return 0;
}

/* Return 1 when every line of block B is furniture. */
static int
block_furniture(const struct tblock *b)
{
	for (size_t i = 0; i < b->n; i++)
		if (!is_furniture(b->lines[i].s))
			return 0;
	return b->n > 0;
}

enum hkind { H_OTHER, H_BYLINE, H_DATE, H_COMBO, H_NAME, H_FURN };

/* One block near the headline, read as a header line. */
struct hline {
	enum hkind		 kind;
	struct txt_byline	 y;	/* H_BYLINE, H_NAME, H_COMBO (y.n: it has one) */
	struct date_line	 d;	/* H_DATE, H_COMBO (d.iso[0]: it has one) */
	char			*site;	/* H_COMBO: a name part beside a byline */
	char			*place;	/* H_DATE: "発信地：カノ" after the date */
	int			 words;
};

static void
hline_free(struct hline *h)
{
	txt_byline_free(&h->y);
	date_line_free(&h->d);
	free(h->site);
	free(h->place);
}

/* Read S as a date line that may end in a place of dispatch (Japanese
 * "発信地：PLACE"). Return 1 and fill H->d (and H->place), or 0. */
static int
date_place(const char *s, struct hline *h)
{
	static const char *const marks[] = {
		"\xe7\x99\xba\xe4\xbf\xa1\xe5\x9c\xb0\xef\xbc\x9a",	/* 発信地： */
		"\xe7\x99\xba\xe4\xbf\xa1\xe5\x9c\xb0:", NULL
	};
	const char *m = NULL;
	char *d;
	size_t i;
	int r;

	for (i = 0; marks[i] && m == NULL; i++)
		if ((m = strstr(s, marks[i])) != NULL && m[strlen(marks[i])] != '\0') {
			d = trim_n(s, (size_t)(m - s));
			r = d && date_line(d, NULL, &h->d) == 0;
			free(d);
			if (r)
				h->place = trim_n(m + strlen(marks[i]), strlen(m + strlen(marks[i])));
			return r;
		}
	return date_line(s, NULL, &h->d) == 0;
}

/* Read S as a line of parts joined by " | " ("Le Monde | 04.05.2015 à
 * 13h36 • Mis à jour le 05.05.2015 | Par A"): a byline, a site's name and
 * a date line. Return 1 and fill H, or 0 (H untouched). */
static int
combo_line(const char *s, struct hline *h)
{
	struct buf dates = {0};
	char *parts[8], *name = NULL;
	size_t np = 0, i;
	const char *p = s, *bar;
	int ok = 1;

	if (strstr(s, " | ") == NULL)
		return 0;
	while (np < 8) {
		bar = strstr(p, " | ");
		parts[np++] = trim_n(p, bar ? (size_t)(bar - p) : strlen(p));
		if (bar == NULL)
			break;
		p = bar + 3;
	}
	if (bar != NULL)
		ok = 0;
	for (i = 0; ok && i < np; i++) {
		if (parts[i] == NULL)
			ok = 0;
		else if (h->y.n == 0 && txt_byline_parse(parts[i], 0, &h->y) == 0)
			continue;
		else if (name == NULL && dates.len == 0 && count_words(parts[i]) <= 4 &&
		    looks_like_name(parts[i], strlen(parts[i])))
			name = xstrdup(parts[i]);
		else {
			if (dates.len)
				BUF_PUTSL(&dates, " | ");
			buf_puts(&dates, parts[i]);
		}
	}
	if (ok && dates.len && date_line(buf_str(&dates), NULL, &h->d) != 0)
		ok = 0;
	if (ok && h->y.n == 0 && name && h->d.iso[0]) {
		/* "Jane Doe | 4 March 2023": the name is the byline */
		ok = txt_byline_parse(name, 1, &h->y) == 0;
		free(name);
		name = NULL;
	}
	if (!ok || (h->y.n == 0 && h->d.iso[0] == '\0')) {
		txt_byline_free(&h->y);
		date_line_free(&h->d);
		free(name);
		ok = 0;
	} else {
		h->kind = H_COMBO;
		h->site = name;
	}
	for (i = 0; i < np; i++)
		free(parts[i]);
	buf_free(&dates);
	return ok;
}

/* Classify block B into *H. */
static void
classify(const struct tblock *b, struct hline *h)
{
	char *s;

	memset(h, 0, sizeof(*h));
	if (block_furniture(b)) {
		h->kind = H_FURN;
		return;
	}
	s = join_lines(b, " ");
	h->words = (int)count_words(s);
	if (b->n == 1) {
		if (txt_byline_parse(s, 0, &h->y) == 0)
			h->kind = H_BYLINE;
		else if (date_place(s, h))
			h->kind = H_DATE;
		else if (combo_line(s, h))
			;
		else if (txt_byline_parse(s, 1, &h->y) == 0)
			h->kind = H_NAME;
	}
	free(s);
}

/* Return 1 when S is a byline, a date line or a line of both. */
static int
is_header_line(const char *s)
{
	struct tblock b;
	struct line l;
	struct hline h;
	int r;

	l.s = (char *)s;
	l.no = 0;
	b.lines = &l;
	b.n = 1;
	classify(&b, &h);
	r = h.kind == H_BYLINE || h.kind == H_DATE || h.kind == H_COMBO;
	hline_free(&h);
	return r;
}

/* Return 1 when block B could be a headline: not a sentence that stops and
 * starts again ("… gestürzt. Wie …"), not ending in a full stop. */
static int
headline_like(const struct tblock *b)
{
	char *s = join_lines(b, " ");
	const char *p;
	int r = count_words(s) <= 30 && last_sig(s, strlen(s)) != '.';

	for (p = s; r && *p; p++)
		if ((*p == '.' || *p == '?' || *p == '!') && p[1] == ' ' && is_upper(cp_at(p + 2)))
			r = 0;
	free(s);
	return r;
}

/* Section labels sites print above a headline. Any short line there reads
 * as one when header lines follow; these do so even without them. */
static const char *const labels[] = {
	"analysis", "opinion", "comment", "exclusive", "interview", "review", "explainer",
	"live", "breaking", "feature", "the long read", "world news", "news", "editorial",
	"kommentar", "analyse", "meinung", "exklusiv", "reportage", "tribune", "d\xc3\xa9\x63ryptage",
	"an\xc3\xa1lisis", "opini\xc3\xb3n", "entrevista", "editoriale", NULL
};

/* Return 1 when block B is a kicker label standing above the headline. */
static int
label_line(const struct tblock *b, int *known)
{
	const char *s = b->lines[0].s, *p;
	size_t i;

	*known = 0;
	if (b->n != 1 || count_words(s) > KICK_MAX_WORDS || strlen(s) > KICK_MAX_BYTES ||
	    is_terminal(last_sig(s, strlen(s))) || last_sig(s, strlen(s)) == '?')
		return 0;
	for (p = s; *p; p++)
		if (isdigit((unsigned char)*p))
			return 0;
	if (is_lower(cp_at(s)))
		return 0;
	for (i = 0; labels[i]; i++)
		if (strcasecmp(s, labels[i]) == 0)
			*known = 1;
	return 1;
}

/* Read the kicker label above the headline: when B[0] is a label, B[1] a
 * headline and header lines follow (or the label is a known one). Return
 * the index of the headline block. */
static size_t
kicker_line(struct article *a, const struct tblock *b, size_t n)
{
	size_t j;
	int known, near = 0;

	if (n < 3 || !label_line(&b[0], &known) || !headline_like(&b[1]) ||
	    (b[1].n == 1 && is_header_line(b[1].lines[0].s)) || is_header_line(b[0].lines[0].s))
		return 0;
	/* label, headline, standfirst, byline: a short line above a headline
	 * and its standfirst; a known label needs only the byline near */
	for (j = 2; j < n && j < 5; j++) {
		char *s = join_lines(&b[j], " ");
		size_t caplen;
		char *c = txt_credit(s, &caplen);
		int hl = b[j].n == 1 && is_header_line(s);

		if (j == 2 && hl && !known) {
			free(c);
			free(s);
			break;
		}
		if (hl || (c && known))
			near = 1;
		free(c);
		free(s);
	}
	if (!near && !known)
		return 0;
	a->kicker = xstrdup(b[0].lines[0].s);
	article_why(a, "kicker", "a short label line above the headline", b[0].lines[0].no);
	return 1;
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

/* Move the byline Y (its strings) into A, saying why (RULE, at LINE). */
static void
take_byline(struct article *a, struct txt_byline *y, const char *rule, int line)
{
	char *why;

	a->authors = y->authors;
	a->nauthors = y->n;
	a->author_roles = y->roles;
	a->role = y->role;
	a->dateline = y->place;
	memset(y, 0, sizeof(*y));
	why = xprintf("%s", rule);
	article_why(a, "authors", why, line);
	if (a->role)
		article_why(a, "role", "after the names: a comma, a dash or brackets", line);
	if (a->author_roles)
		article_why(a, "author_roles", "each name's bracketed note", line);
	if (a->dateline)
		article_why(a, "dateline", "'in PLACE' after the names", line);
	free(why);
}

/* Move the date line D (and the PLACE after it) into A, saying why (at
 * LINE). */
static void
take_date(struct article *a, struct date_line *d, char **place, int line)
{
	if (place && *place && a->dateline == NULL) {
		a->dateline = *place;
		*place = NULL;
		article_why(a, "dateline", "the place of dispatch after the date", line);
	}
	if (d->reading)
		article_why(a, "reading_time", "a reading time beside the date, left out", line);
	a->date = xstrdup(d->iso);
	a->date_text = d->text;
	d->text = NULL;
	article_why(a, "date", d->ambiguous ? "numeric date line (day first unless en-US)" :
	    "date line", line);
	if (d->mod[0]) {
		a->date_modified = xstrdup(d->mod);
		a->date_modified_text = d->mod_text;
		d->mod_text = NULL;
		article_why(a, "date_modified", "'Updated' part of the date line", line);
	}
}

/* Classify the blocks B[K0..N) after the headline into H (*M of them: up
 * to where the body plainly starts). Bare names count only beside a date. */
static void
header_scan(const struct tblock *b, size_t n, size_t k0, struct hline *h, size_t *m)
{
	size_t j, cnt = 0;
	int seen = 0;

	for (j = 0; k0 + j < n && j < HEADER_SCAN; j++) {
		classify(&b[k0 + j], &h[j]);
		cnt = j + 1;
		if (h[j].kind != H_OTHER && h[j].kind != H_FURN && h[j].kind != H_NAME)
			seen = 1;
		else if (h[j].kind == H_OTHER && seen && h[j].words > BODY_WORDS)
			break;
	}
	for (j = 0; j < cnt; j++) {
		int beside = 0;
		size_t k;

		if (h[j].kind != H_NAME)
			continue;
		for (k = j; k-- > 0 && h[k].kind == H_FURN;)
			;
		if (k < cnt && (h[k].kind == H_DATE || (h[k].kind == H_COMBO && h[k].d.iso[0])))
			beside = 1;
		for (k = j + 1; k < cnt && h[k].kind == H_FURN; k++)
			;
		if (k < cnt && (h[k].kind == H_DATE || (h[k].kind == H_COMBO && h[k].d.iso[0])))
			beside = 1;
		if (!beside) {
			txt_byline_free(&h[j].y);
			h[j].kind = H_OTHER;
		}
	}
	*m = cnt;
}

/* Apply the header lines H[0..M) (blocks B[K0..)) to A and mark in TAKEN
 * the blocks they used. */
static void
header_take(struct article *a, const struct tblock *b, size_t k0, struct hline *h, size_t m,
    char *taken)
{
	size_t j;

	for (j = 0; j < m; j++) {
		int line = b[k0 + j].lines[0].no;

		switch (h[j].kind) {
		case H_BYLINE:
		case H_NAME:
			if (a->nauthors || a->role)
				continue;
			take_byline(a, &h[j].y, h[j].kind == H_NAME ? "a line of names beside the date" :
			    "byline ('By' and names)", line);
			break;
		case H_DATE:
			if (a->date)
				continue;
			take_date(a, &h[j].d, &h[j].place, line);
			break;
		case H_COMBO:
			if ((h[j].y.n && a->nauthors) || (h[j].d.iso[0] && a->date))
				continue;
			if (h[j].y.n)
				take_byline(a, &h[j].y, "byline part of a '|' line", line);
			if (h[j].d.iso[0])
				take_date(a, &h[j].d, NULL, line);
			if (h[j].site) {
				a->site = h[j].site;
				h[j].site = NULL;
				article_why(a, "site", "a name part of a '|' line with a byline", line);
			}
			break;
		default:
			continue;
		}
		taken[k0 + j] = 1;
	}
}

/* The standfirst and the lead caption among the blocks H[0..M) after the
 * headline, around the header lines (FIRST: the first of them, LAST: the
 * last; M when there is none). */
static void
header_text(struct article *a, const struct tblock *b, size_t k0, struct hline *h, size_t m,
    size_t first, size_t last, char *taken)
{
	size_t j, caplen;
	char *s, *kicker, *credit;
	const char *rest;

	for (j = 0; j < m && j < first; j++) {
		if (h[j].kind == H_FURN)
			continue;
		if (h[j].kind != H_OTHER)
			break;
		s = join_lines(&b[k0 + j], " ");
		kicker = a->kicker ? NULL : txt_kicker(s, &rest);
		if (kicker || first < m) {
			credit = txt_credit(s, &caplen);
			if (credit == NULL || kicker) {
				a->kicker = kicker ? kicker : a->kicker;
				a->standfirst = xstrdup(kicker ? rest : s);
				taken[k0 + j] = 1;
				article_why(a, "standfirst", kicker ? "a 'Label:' paragraph after the headline" :
				    "the paragraph between the headline and the byline or date",
				    b[k0 + j].lines[0].no);
			}
			free(credit);
		}
		free(s);
		break;
	}
	if (first == m)
		return;
	for (j = 0; j < m && j <= last + 1; j++) {
		if (taken[k0 + j] || h[j].kind != H_OTHER)
			continue;
		s = join_lines(&b[k0 + j], " ");
		if ((credit = txt_credit(s, &caplen)) != NULL) {
			a->image = xcalloc(1, sizeof(*a->image));
			a->image->caption = caplen ? trim_n(s, caplen) : NULL;
			a->image->credit = credit;
			taken[k0 + j] = 1;
			article_why(a, "image", "a caption ending in a credit, beside the header",
			    b[k0 + j].lines[0].no);
			free(s);
			break;
		}
		free(s);
	}
}

/* Read the header fields after the headline (block K0 on) into A; TAKEN
 * marks the blocks used. Return 0, or -1 with the error set for a date line
 * that names no real day. */
static int
header(struct article *a, const struct tblock *b, size_t n, size_t k0, char *taken)
{
	struct hline h[HEADER_SCAN];
	size_t m, j, first, last;
	int ret = 0;

	header_scan(b, n, k0, h, &m);
	first = last = m;
	for (j = 0; j < m; j++)
		if (h[j].kind == H_BYLINE || h[j].kind == H_DATE || h[j].kind == H_COMBO ||
		    h[j].kind == H_NAME) {
			if (first == m)
				first = j;
			last = j;
		}
	for (j = 0; j < m && j <= (last == m ? 1 : last + 1); j++)
		if (h[j].kind == H_OTHER && b[k0 + j].n == 1 && impossible_date(b[k0 + j].lines[0].s)) {
			ret = err_set(a->source, b[k0 + j].lines[0].no,
			    "'%s' looks like a date, but there is no such day", b[k0 + j].lines[0].s);
			goto out;
		}
	header_text(a, b, k0, h, m, first, last, taken);
	header_take(a, b, k0, h, m, taken);
out:
	for (j = 0; j < m; j++)
		hline_free(&h[j]);
	return ret;
}

/* Drop the furniture blocks of B[0..N) (marking them in TAKEN), naming
 * them all in one warning. */
static void
drop_furniture(const char *path, const struct tblock *b, size_t n, char *taken)
{
	struct buf w = {0};
	size_t i, k, count = 0;
	int line = 0;

	for (i = 1; i < n; i++) {
		if (taken[i] || !block_furniture(&b[i]))
			continue;
		taken[i] = 1;
		for (k = 0; k < b[i].n; k++) {
			if (count++)
				BUF_PUTSL(&w, ", ");
			buf_printf(&w, "'%s' (line %d)", b[i].lines[k].s, b[i].lines[k].no);
			if (line == 0)
				line = b[i].lines[k].no;
		}
	}
	if (count)
		warn_at(path, line, "page furniture left out: %s", buf_str(&w));
	buf_free(&w);
}

/* The reader: see reader.h. Returns a fresh article (article_free) or NULL
 * with the error set. */
struct article *
txt_read(const char *path, const char *text, size_t len)
{
	struct article *a = NULL;
	struct tblock *b = NULL;
	char *taken = NULL;
	size_t n = 0, i, h0;

	if (utf8_check(path, text, len) != 0)
		goto out;
	n = split_blocks(text, len, &b);
	if (n == 0) {
		err_set(path, 0, "no text: the article is empty");
		goto out;
	}
	n = split_header(&b, n);
	a = article_new(path);
	taken = xcalloc(n + 1, 1);
	h0 = kicker_line(a, b, n);
	for (i = 0; i <= h0; i++)
		taken[i] = 1;
	a->headline = join_lines(&b[h0], " ");
	a->line = b[h0].lines[0].no;
	article_why(a, "headline", h0 ? "the block after the kicker label" : "the first block",
	    a->line);
	drop_furniture(path, b, n, taken);
	if (header(a, b, n, h0 + 1, taken) != 0) {
		article_free(a);
		a = NULL;
		goto out;
	}
	for (i = h0 + 1; i < n; i++)
		if (!taken[i])
			body_block(a, &b[i]);
out:
	free(taken);
	blocks_free_lines(b, n);
	return a;
}
