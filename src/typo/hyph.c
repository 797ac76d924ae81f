/* Hyphenation points from libhyphen and Debian's TeX-derived patterns
 * (/usr/share/hyphen/hyph_LL_RR.dic). The dictionaries are loaded on first
 * use and kept until hy_cleanup(). Unicode classes and case come from GLib
 * (already linked through Pango). */
#include <pthread.h>
#include <ctype.h>
#include <dirent.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <hyphen.h>

#include "util.h"
#include "hyph.h"

#define HY_DIR		 "/usr/share/hyphen"
#define HY_MAXCHARS	 100	/* longer words are left to emergency breaks */
#define HY_MAXDICTS	 16
#define HY_MAXTAGS	 32
#define LHMIN		 2	/* letters before a break */
#define RHMIN		 3	/* letters after a break */
#define MINLETTERS	 5	/* shorter words never break */
#define CAPSLETTERS	 7	/* all-capital words shorter than this never break */

/* A loaded pattern file. */
struct dict {
	char		*path;
	HyphenDict	*hd;
	iconv_t		 cd;	/* UTF-8 to the dictionary's charset, or -1 */
};

/* What a language tag resolved to. */
struct tag {
	char		 name[32];
	int		 dict;	/* index in dicts, -1: no patterns */
};

static struct dict dicts[HY_MAXDICTS];
static int ndicts;
static struct tag tags[HY_MAXTAGS];
static int ntags, lasttag = -1;

/* One character of the word being hyphenated. */
struct ch {
	gunichar	 cp;
	size_t		 off;	/* first byte in the word */
	size_t		 end;	/* one past its last byte */
};

/* Return 1 if PATH names a readable file. */
static int
readable(const char *path)
{
	FILE	*f = fopen(path, "r");

	if (f == NULL)
		return 0;
	fclose(f);
	return 1;
}

/*
 * Loading the patterns. libhyphen's own loader (hnj_hyphen_load) keys its
 * states in a fixed table of 31,627 chains: the German file's 279,000
 * states take it 10 seconds, and it leaks the earlier of two equal
 * patterns. The loader below builds the same HyphenDict (the structure is
 * public in hyphen.h, freed by hnj_hyphen_free) line for line as
 * hnj_hyphen_load_file and hnj_hyphen_load_line do (hyphen 2.8.8), state
 * for state, but finds states by walking the trie and computes the
 * fallbacks breadth first.
 */
#define HNJ_MAX_CHARS	 100	/* libhyphen's line buffer */

/* Return a new state of D. */
static int
ld_state(HyphenDict *d)
{
	HyphenState *st;

	if (!(d->num_states & (d->num_states - 1)))
		d->states = xrealloc(d->states, 2 * (size_t)d->num_states *
		    sizeof(*d->states));
	st = &d->states[d->num_states];
	memset(st, 0, sizeof(*st));
	st->fallback_state = -1;
	return d->num_states++;
}

/* Return the state D goes to from state S on byte CH, or -1. */
static int
ld_next(const HyphenDict *d, int s, char ch)
{
	const HyphenState *st = &d->states[s];
	int	 k;

	for (k = 0; k < st->num_trans; k++)
		if (st->trans[k].ch == ch)
			return st->trans[k].new_state;
	return -1;
}

/* Add to D a transition from state S1 to S2 on byte CH. */
static void
ld_trans(HyphenDict *d, int s1, int s2, char ch)
{
	HyphenState *st = &d->states[s1];
	int	 n = st->num_trans;

	if (n == 0)
		st->trans = xmalloc(sizeof(*st->trans));
	else if (!(n & (n - 1)))
		st->trans = xrealloc(st->trans, 2 * (size_t)n * sizeof(*st->trans));
	st->trans[n].ch = ch;
	st->trans[n].new_state = s2;
	st->num_trans++;
}

/* Return 1 if S starts with KEYWORD. */
static int
ld_is(const char *s, const char *keyword)
{
	return strncmp(s, keyword, strlen(keyword)) == 0;
}

/* A dictionary's header line BUF (LEFTHYPHENMIN, RIGHTHYPHENMIN, the
 * compound minima, NOHYPHEN) into D. Return 1 when BUF was one, else 0. */
static int
ld_header(HyphenDict *d, char *buf)
{
	if (ld_is(buf, "LEFTHYPHENMIN")) {
		d->lhmin = (char)atoi(buf + 13);
		return 1;
	} else if (ld_is(buf, "RIGHTHYPHENMIN")) {
		d->rhmin = (char)atoi(buf + 14);
		return 1;
	} else if (ld_is(buf, "COMPOUNDLEFTHYPHENMIN")) {
		d->clhmin = (char)atoi(buf + 21);
		return 1;
	} else if (ld_is(buf, "COMPOUNDRIGHTHYPHENMIN")) {
		d->crhmin = (char)atoi(buf + 22);
		return 1;
	} else if (ld_is(buf, "NOHYPHEN")) {
		char	*sp = buf + 8, *e;

		while (*sp == ' ' || *sp == '\t')
			sp++;
		free(d->nohyphen);
		d->nohyphen = NULL;
		d->nohyphenl = 0;
		if (*sp != '\0') {
			d->nohyphen = xstrdup(sp);
			e = d->nohyphen + strlen(d->nohyphen) - 1;
			*e = '\0';
			for (e--; e > d->nohyphen; e--)
				if (*e == ',') {
					d->nohyphenl++;
					*e = '\0';
				}
		}
		return 1;
	}
	return 0;
}

/* Read one line of a pattern file (BUF, NUL-terminated, ending in its
 * newline if it had one) into D. The states form a trie of the patterns'
 * letters, numbered in the order libhyphen gives them. */
static void
ld_line(HyphenDict *d, char *buf)
{
	char	 word[HNJ_MAX_CHARS], pattern[HNJ_MAX_CHARS], *repl;
	signed char replindex = 0, replcut = 0;
	int	 i, j = 0, m, state, path[HNJ_MAX_CHARS];
	size_t	 k;

	if (ld_header(d, buf))
		return;
	pattern[0] = '0';
	if ((repl = strchr(buf, '/')) != NULL) {
		char	*index = strchr(repl + 1, ',');

		*repl = '\0';
		if (index) {
			char	*index2 = strchr(index + 1, ',');

			*index = '\0';
			if (index2) {
				*index2 = '\0';
				replindex = (signed char)(atoi(index + 1) - 1);
				replcut = (signed char)atoi(index2 + 1);
			}
		} else {
			k = strlen(repl + 1);	/* hnj_strchomp */
			if (k > 0 && (repl[k] == '\r' || repl[k] == '\n'))
				repl[k--] = '\0';
			if (k > 1 && repl[k] == '\r')
				repl[k] = '\0';
			replcut = (signed char)strlen(buf);
		}
		repl = xstrdup(repl + 1);
	}
	for (i = 0; (unsigned char)buf[i] > ' ' && j < HNJ_MAX_CHARS - 2; i++) {
		if (buf[i] >= '0' && buf[i] <= '9')
			pattern[j] = buf[i];
		else {
			word[j] = buf[i];
			pattern[++j] = '0';
		}
	}
	word[j] = '\0';
	pattern[j + 1] = '\0';

	i = 0;
	if (!repl) {
		while (pattern[i] == '0')
			i++;
	} else {
		if (*word == '.')
			i++;
		if (d->utf8) {	/* character positions to bytes */
			int	 pu = -1, ps = -1;
			size_t	 pc = *word == '.' ? 1 : 0;

			for (; pc < strlen(word) + 1; pc++) {
				if (((unsigned char)word[pc] >> 6) != 2)
					pu++;
				if (ps < 0 && replindex == pu) {
					ps = replindex;
					replindex = (signed char)pc;
				}
				if (ps >= 0 && pu - ps == replcut) {
					replcut = (signed char)(pc - (size_t)replindex);
					break;
				}
			}
			if (*word == '.')
				replindex--;
		}
	}

	/* the longest prefix of the word already there, then the word's
	 * state and its missing prefixes, longest first (as libhyphen) */
	path[0] = 0;
	for (m = 0; m < j && (path[m + 1] = ld_next(d, path[m], word[m])) >= 0; m++)
		;
	state = m == j ? path[j] : ld_state(d);
	free(d->states[state].match);	/* libhyphen leaks it */
	free(d->states[state].repl);
	d->states[state].match = xstrdup(pattern + i);
	d->states[state].repl = repl;
	d->states[state].replindex = replindex;
	d->states[state].replcut = replcut ? replcut : (signed char)strlen(word);
	for (; j > m; j--) {
		int	 last = state;

		state = j - 1 > m ? ld_state(d) : path[m];
		ld_trans(d, state, last, word[j - 1]);
	}
}

/* Return a fresh, empty HyphenDict. */
static HyphenDict *
ld_dict(void)
{
	HyphenDict *d = xcalloc(1, sizeof(*d));

	d->num_states = 1;
	d->states = xcalloc(1, sizeof(*d->states));
	d->states[0].fallback_state = -1;
	return d;
}

/* Point every state of D at the state of its longest proper suffix (the
 * trie's Aho-Corasick failure links, breadth first). */
static void
ld_fallbacks(HyphenDict *d)
{
	int	*q = xmalloc((size_t)d->num_states * sizeof(*q));
	int	 head = 0, tail = 0, k;

	q[tail++] = 0;
	while (head < tail) {
		const HyphenState *p = &d->states[q[head]];
		int	 pf = q[head++] == 0 ? -1 : p->fallback_state;

		for (k = 0; k < p->num_trans; k++) {
			int	 s = p->trans[k].new_state, f = pf, g = -1;

			while (f >= 0 && (g = ld_next(d, f, p->trans[k].ch)) < 0)
				f = d->states[f].fallback_state;
			d->states[s].fallback_state = g >= 0 ? g : 0;
			q[tail++] = s;
		}
	}
	free(q);
}

/* Return the pattern file at PATH as libhyphen's dictionary, or NULL. */
static HyphenDict *
ld_load(const char *path)
{
	HyphenDict *d[2] = { NULL, NULL };
	struct buf in = {0};
	char	 chunk[65536], line[HNJ_MAX_CHARS];
	size_t	 n, pos = 0, eol;
	FILE	*f;
	int	 k, nextlevel = 0;

	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_put(&in, chunk, n);
	fclose(f);
	if (in.len == 0)
		goto out;

	for (k = 0; k < 2; k++) {
		d[k] = ld_dict();
		if (k == 0) {	/* the charset, the first line */
			for (eol = 0; eol < in.len && in.data[eol] != '\n'; eol++)
				;
			n = eol < sizeof(d[0]->cset) - 1 ? eol : sizeof(d[0]->cset) - 1;
			memcpy(d[0]->cset, in.data, n);
			d[0]->cset[n] = '\0';
			d[0]->cset[strcspn(d[0]->cset, "\r")] = '\0';
			pos = eol + 1;
		} else
			memcpy(d[1]->cset, d[0]->cset, sizeof(d[1]->cset));
		d[k]->utf8 = strcmp(d[0]->cset, "UTF-8") == 0;

		if (k == 0 || nextlevel) {
			for (; pos < in.len; pos = eol + 1) {
				for (eol = pos; eol < in.len && in.data[eol] != '\n'; eol++)
					;
				/* lines that do not fit libhyphen's buffer */
				if (eol - pos >= HNJ_MAX_CHARS - 1)
					continue;
				n = eol - pos + (eol < in.len);
				memcpy(line, in.data + pos, n);
				line[n] = '\0';
				if (ld_is(line, "NEXTLEVEL")) {
					nextlevel = 1;
					pos = eol + 1;
					break;
				}
				if (line[0] != '%')
					ld_line(d[k], line);
			}
		} else {	/* libhyphen's default first level */
			char	 l1[] = "1-1\n", l2[] = "1'1\n";
			char	 l3[] = "1\xe2\x80\x93" "1\n", l4[] = "1\xe2\x80\x99" "1\n";
			char	 nh8[] = "NOHYPHEN ',-\n";
			char	 nhu[] = "NOHYPHEN ',\xe2\x80\x93,\xe2\x80\x99,-\n";

			ld_line(d[1], d[0]->utf8 ? nhu : nh8);
			ld_line(d[1], l1);
			ld_line(d[1], l2);
			if (d[0]->utf8) {
				ld_line(d[1], l3);
				ld_line(d[1], l4);
			}
		}
		ld_fallbacks(d[k]);
	}
	if (nextlevel)
		d[0]->nextlevel = d[1];
	else {
		d[1]->nextlevel = d[0];
		d[1]->lhmin = d[0]->lhmin;
		d[1]->rhmin = d[0]->rhmin;
		d[1]->clhmin = d[0]->clhmin ? d[0]->clhmin : d[0]->lhmin ? d[0]->lhmin : 3;
		d[1]->crhmin = d[0]->crhmin ? d[0]->crhmin : d[0]->rhmin ? d[0]->rhmin : 3;
		d[0] = d[1];
	}
out:
	buf_free(&in);
	return d[0];
}

/* Return the index of the loaded dictionary at PATH (loading it), or -1. */
static int
dict_load(const char *path)
{
	HyphenDict *hd;
	struct dict *d;
	char	*real;
	int	 i;

	/* hyph_de_CH.dic and hyph_de.dic are links to hyph_de_DE.dic */
	if (!readable(path) || (real = realpath(path, NULL)) == NULL)
		return -1;
	for (i = 0; i < ndicts; i++)
		if (strcmp(dicts[i].path, real) == 0) {
			free(real);
			return i;
		}
	if (ndicts == HY_MAXDICTS || (hd = ld_load(real)) == NULL) {
		free(real);
		return -1;
	}
	d = &dicts[ndicts];
	d->path = real;
	d->hd = hd;
	d->cd = (iconv_t)-1;
	if (!hd->utf8 && (d->cd = iconv_open(hd->cset, "UTF-8")) == (iconv_t)-1) {
		hnj_hyphen_free(hd);
		free(real);
		return -1;
	}
	return ndicts++;
}

/* Return the dictionary for language LL and region RR ("" for none): the
 * exact file, the language's usual region, the bare language, then any
 * hyph_LL_*.dic (the first in name order). -1 when there is none. */
static int
dict_find(const char *ll, const char *rr)
{
	static const struct { const char *ll, *rr; } usual[] = {
		{ "en", "US" }, { "pt", "PT" }, { "sv", "SE" }, { "da", "DK" },
		{ "nb", "NO" }, { "nn", "NO" }, { "el", "GR" }, { "cs", "CZ" },
		{ "uk", "UA" }, { "sl", "SI" }, { "et", "EE" }, { "ca", "ES" },
		{ "gl", "ES" }, { "eu", "ES" }, { "hy", "AM" }, { "ka", "GE" },
	};
	char	 path[256], best[256] = "";
	const char *u = NULL;
	struct dirent *de;
	DIR	*dir;
	size_t	 i;
	int	 d;

	if (*rr) {
		snprintf(path, sizeof(path), HY_DIR "/hyph_%s_%s.dic", ll, rr);
		if ((d = dict_load(path)) >= 0)
			return d;
	}
	for (i = 0; i < sizeof(usual) / sizeof(usual[0]); i++)
		if (strcmp(usual[i].ll, ll) == 0)
			u = usual[i].rr;
	if (u == NULL) {
		/* de_DE, fr_FR, it_IT, nl_NL, … */
		snprintf(path, sizeof(path), HY_DIR "/hyph_%s_%c%c.dic", ll,
		    toupper((unsigned char)ll[0]), toupper((unsigned char)ll[1]));
		if (strlen(ll) == 2 && (d = dict_load(path)) >= 0)
			return d;
	} else {
		snprintf(path, sizeof(path), HY_DIR "/hyph_%s_%s.dic", ll, u);
		if ((d = dict_load(path)) >= 0)
			return d;
	}
	snprintf(path, sizeof(path), HY_DIR "/hyph_%s.dic", ll);
	if ((d = dict_load(path)) >= 0)
		return d;
	if ((dir = opendir(HY_DIR)) == NULL)
		return -1;
	snprintf(path, sizeof(path), "hyph_%s_", ll);
	while ((de = readdir(dir)) != NULL)
		if (strncmp(de->d_name, path, strlen(path)) == 0 &&
		    str_endswith(de->d_name, ".dic") &&
		    (*best == '\0' || strcmp(de->d_name, best) < 0))
			snprintf(best, sizeof(best), "%s", de->d_name);
	closedir(dir);
	if (*best == '\0')
		return -1;
	snprintf(path, sizeof(path), HY_DIR "/%s", best);
	return dict_load(path);
}

/* Return the dictionary for BCP 47 tag LANG ("en", "de-CH", "sr-Latn-RS"),
 * remembering the answer; -1 when the language has no patterns. */
static int
dict_for(const char *lang)
{
	char	 ll[9] = "", rr[4] = "";
	const char *s = lang;
	size_t	 k;
	int	 i, d;

	if (lasttag >= 0 && strcmp(tags[lasttag].name, lang) == 0)
		return tags[lasttag].dict;
	for (i = 0; i < ntags; i++)
		if (strcmp(tags[i].name, lang) == 0)
			return tags[lasttag = i].dict;

	for (k = 0; isalpha((unsigned char)s[k]) && k < sizeof(ll) - 1; k++)
		ll[k] = (char)tolower((unsigned char)s[k]);
	ll[k] = '\0';
	s += k;
	while (*s == '-' || *s == '_') {
		const char *sub = s + 1;

		for (k = 0; isalnum((unsigned char)sub[k]); k++)
			;
		if (k == 2 && isalpha((unsigned char)sub[0])) {
			rr[0] = (char)toupper((unsigned char)sub[0]);
			rr[1] = (char)toupper((unsigned char)sub[1]);
			rr[2] = '\0';
			break;
		}
		if (k != 4)	/* a script subtag is skipped, anything else ends */
			break;
		s = sub + k;
	}
	d = (k = strlen(ll)) >= 2 && k <= 3 ? dict_find(ll, rr) : -1;
	if (ntags < HY_MAXTAGS && strlen(lang) < sizeof(tags[0].name)) {
		snprintf(tags[ntags].name, sizeof(tags[0].name), "%s", lang);
		tags[ntags].dict = d;
		lasttag = ntags++;
	}
	return d;
}

/* Return 1 if CP is a letter (or a combining mark, part of one). */
static int
is_letter(gunichar cp)
{
	return g_unichar_isalpha(cp) || g_unichar_ismark(cp);
}

/* Return 1 if CP is an apostrophe (which may sit inside a word). */
static int
is_apos(gunichar cp)
{
	return cp == '\'' || cp == 0x2019;
}

/* Return 1 if CP is a hyphen or dash after which a word may break. */
static int
is_hyphen(gunichar cp)
{
	return cp == '-' || cp == 0x2010 || cp == 0x2013 || cp == 0x2014;
}

/* Return 1 if the word's bytes W[0..N) hold a URL or an e-mail address. */
static int
is_address(const char *w, size_t n, const char *core)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (w[i] == '@')
			return 1;
		if (i + 3 <= n && memcmp(w + i, "://", 3) == 0)
			return 1;
	}
	return g_ascii_strncasecmp(core, "www.", 4) == 0;
}

/* Return 1 when the all-capital characters C[0..N) read as a word, not
 * an acronym: CAPSLETTERS letters or more, a vowel (y included) among
 * every four letters, no five consonants in a row ("WARRANTIES",
 * "MERCHANTABILITY"; not "NASA", "UNESCO", "HTTPSRV"). Patterns then
 * work on it lowercased, as on any word. */
static int
caps_word(const struct ch *c, size_t n)
{
	static const char *vowels = "aeiouyàáâãäåæèéêëìíîïòóôõöøœùúûüýÿ";
	size_t	 i, letters = 0, nv = 0, run = 0;

	for (i = 0; i < n; i++) {
		gunichar lc = g_unichar_tolower(c[i].cp);

		if (!g_unichar_isalpha(c[i].cp)) {
			run = 0;
			continue;
		}
		letters++;
		if (g_utf8_strchr(vowels, -1, lc)) {
			nv++;
			run = 0;
		} else if (++run >= 5)
			return 0;
	}
	return letters >= CAPSLETTERS && nv * 4 >= letters;
}

/* Put the dictionary's spelling of the lowercased characters C[0..N) into
 * OUT (HY_MAXCHARS * 4 + 1 bytes), and for a byte-indexed (not UTF-8)
 * dictionary the character each byte belongs to in OWNER. Return the
 * length in bytes, or -1 when a character has no spelling there. */
static int
spell(const struct dict *d, const struct ch *c, size_t n, char *out,
    int *owner)
{
	size_t	 i, o = 0;

	for (i = 0; i < n; i++) {
		gunichar lc = g_unichar_tolower(c[i].cp);
		char	 u[8], *in = u, *op = out + o;
		size_t	 ul = (size_t)g_unichar_to_utf8(lc, u), il, ol, before;

		if (d->hd->utf8) {
			memcpy(out + o, u, ul);
			o += ul;
			continue;
		}
		if (lc == 0x2019) {	/* Latin-1 and kin know only ' */
			ul = 1;
			u[0] = '\'';
		}
		il = ul;
		ol = before = 4;
		iconv(d->cd, NULL, NULL, NULL, NULL);
		if (iconv(d->cd, &in, &il, &op, &ol) == (size_t)-1 || il != 0)
			return -1;
		for (; before > ol; before--)
			owner[o++] = (int)i;
	}
	out[o] = '\0';
	return (int)o;
}

/* The dictionaries are loaded on first use and iconv descriptors keep
 * state: the PDF's worker threads (-j) take turns. */
static pthread_mutex_t hy_mu = PTHREAD_MUTEX_INITIALIZER;

static size_t points_locked(const char *lang, const char *word, size_t len,
    unsigned char *points);

size_t
hy_points(const char *lang, const char *word, size_t len, unsigned char *points)
{
	size_t n;

	pthread_mutex_lock(&hy_mu);
	n = points_locked(lang, word, len, points);
	pthread_mutex_unlock(&hy_mu);
	return n;
}

/* hy_points, with hy_mu held. */
static size_t
points_locked(const char *lang, const char *word, size_t len, unsigned char *points)
{
	struct ch c[HY_MAXCHARS];
	char	 lw[HY_MAXCHARS * 4 + 1], hy[HY_MAXCHARS * 4 + 5];
	int	 owner[HY_MAXCHARS * 4 + 1];
	char	**rep = NULL;
	int	*pos = NULL, *cut = NULL;
	size_t	 nc = 0, i, s, e, letters = 0, upper = 0, lower = 0, count = 0;
	size_t	 nhy = 0, nsoft = 0;
	const char *p = word;
	const struct dict *d;
	int	 di, lwlen;

	if (len == 0)
		return 0;
	memset(points, 0, len);
	if (lang == NULL || *lang == '\0')
		return 0;

	/* Characters, with their byte ranges. */
	while ((size_t)(p - word) < len) {
		gunichar cp = g_utf8_get_char_validated(p, (gssize)(len - (size_t)(p - word)));

		if (cp == (gunichar)-1 || cp == (gunichar)-2 || nc == HY_MAXCHARS)
			return 0;
		c[nc].cp = cp;
		c[nc].off = (size_t)(p - word);
		p = g_utf8_next_char(p);
		c[nc].end = (size_t)(p - word);
		nc++;
	}

	/* Strip the punctuation around the word: quotes, brackets, … */
	for (s = 0; s < nc && !is_letter(c[s].cp); s++)
		if (g_unichar_isdigit(c[s].cp))
			return 0;
	for (e = nc; e > s && !is_letter(c[e - 1].cp); e--)
		if (g_unichar_isdigit(c[e - 1].cp))
			return 0;
	if (e - s < MINLETTERS || is_address(word, len, word + c[s].off))
		return 0;
	for (i = s; i < e; i++) {
		gunichar cp = c[i].cp;

		if (g_unichar_isalpha(cp)) {
			letters++;
			if (g_unichar_isupper(cp) || g_unichar_istitle(cp))
				upper++;
			else if (g_unichar_islower(cp))
				lower++;
		} else if (is_hyphen(cp))
			nhy++;
		else if (cp == 0x00ad)
			nsoft++;
		else if (!g_unichar_ismark(cp) && !is_apos(cp))
			return 0;	/* digits, full stops, slashes inside */
	}
	if (letters < MINLETTERS || (lower == 0 && upper > 1 && !caps_word(c + s, e - s)))
		return 0;

	/* Hyphens and soft hyphens already there decide: break only after
	 * them, keeping 2 letters before and 3 after. */
	if (nhy || nsoft) {
		size_t	 before = 0;

		for (i = s; i < e; i++) {
			if (is_letter(c[i].cp))
				before++;
			if ((nhy ? is_hyphen(c[i].cp) : c[i].cp == 0x00ad) &&
			    before >= LHMIN && letters - before >= RHMIN) {
				points[c[i].end - 1] = 1;
				count++;
			}
		}
		return count;
	}

	if ((di = dict_for(lang)) < 0)
		return 0;
	d = &dicts[di];
	if ((lwlen = spell(d, c + s, e - s, lw, owner)) <= 0)
		return 0;
	memset(hy, 0, (size_t)lwlen + 5);
	if (hnj_hyphen_hyphenate3(d->hd, lw, lwlen, hy, NULL, &rep, &pos, &cut,
	    LHMIN, RHMIN, LHMIN, 2) != 0)
		goto out;

	/* UTF-8 dictionaries answer per character, others per byte. */
	for (i = 0; i < (d->hd->utf8 ? e - s : (size_t)lwlen); i++) {
		size_t	 k = d->hd->utf8 ? i : (size_t)owner[i];

		if (!(hy[i] & 1) || (rep && rep[i]))
			continue;
		if (k + 1 >= e - s)
			break;
		if (!d->hd->utf8 && i + 1 < (size_t)lwlen && owner[i + 1] == (int)k)
			continue;	/* not the character's last byte */
		if (k + 1 < LHMIN || (e - s) - (k + 1) < RHMIN)
			continue;
		if (is_apos(c[s + k].cp) || is_apos(c[s + k + 1].cp) ||
		    !is_letter(c[s + k].cp) || !is_letter(c[s + k + 1].cp))
			continue;
		/* a combining mark belongs with the letter before it */
		if (g_unichar_ismark(c[s + k + 1].cp))
			continue;
		points[c[s + k].end - 1] = 1;
		count++;
	}
out:
	if (rep) {
		for (i = 0; i < (size_t)lwlen; i++)
			free(rep[i]);
		free(rep);
		free(pos);
		free(cut);
	}
	return count;
}

int
hy_available(const char *lang)
{
	int ok;

	if (lang == NULL || *lang == '\0')
		return 0;
	pthread_mutex_lock(&hy_mu);
	ok = dict_for(lang) >= 0;
	pthread_mutex_unlock(&hy_mu);
	return ok;
}

void
hy_cleanup(void)
{
	int	 i;

	for (i = 0; i < ndicts; i++) {
		hnj_hyphen_free(dicts[i].hd);
		if (dicts[i].cd != (iconv_t)-1)
			iconv_close(dicts[i].cd);
		free(dicts[i].path);
	}
	ndicts = 0;
	ntags = 0;
	lasttag = -1;
}

/* Hyphenation points of words already seen: libhyphen is costly and a
 * book repeats its words. An open-addressing table keyed by language and
 * word; full, it stops caching. (Kept by the typesetter's fonts, one per
 * run; it was in pdf_para.c, freed by pdf_font.c: a cycle.) */
#define WC_SLOTS	(1u << 17)

struct wc_entry {
	char		*key;		/* "lang\0word" */
	size_t		 klen;
	unsigned char	*pts;		/* NULL: no points */
	size_t		 npts;
};

struct hy_cache {
	struct wc_entry	*e;
	size_t		 used;
};

/* FNV-1a over N bytes of P. */
static uint32_t
wc_hash(const char *p, size_t n, uint32_t h)
{
	while (n--)
		h = (h ^ (unsigned char)*p++) * 16777619u;
	return h;
}

size_t
hy_cached_points(struct hy_cache **cache, const char *lang, const char *word, size_t len,
    unsigned char *pts)
{
	size_t ll = strlen(lang), n;
	uint32_t h = wc_hash(word, len, wc_hash(lang, ll + 1, 2166136261u));
	struct hy_cache *wc = *cache;
	struct wc_entry *e;

	if (wc == NULL) {
		wc = *cache = xcalloc(1, sizeof(*wc));
		wc->e = xcalloc(WC_SLOTS, sizeof(*wc->e));
	}
	for (;; h++) {
		e = &wc->e[h & (WC_SLOTS - 1)];
		if (e->key == NULL)
			break;
		if (e->klen == ll + 1 + len && memcmp(e->key, lang, ll + 1) == 0 &&
		    memcmp(e->key + ll + 1, word, len) == 0) {
			if (e->pts)
				memcpy(pts, e->pts, len);
			else
				memset(pts, 0, len);
			return e->npts;
		}
	}
	n = hy_points(lang, word, len, pts);
	if (wc->used < WC_SLOTS / 2) {
		e->klen = ll + 1 + len;
		e->key = xmalloc(e->klen);
		memcpy(e->key, lang, ll + 1);
		memcpy(e->key + ll + 1, word, len);
		e->npts = n;
		if (n) {
			e->pts = xmalloc(len);
			memcpy(e->pts, pts, len);
		}
		wc->used++;
	}
	return n;
}

void
hy_cache_free(struct hy_cache *wc)
{
	size_t i;

	if (wc == NULL)
		return;
	for (i = 0; i < WC_SLOTS; i++) {
		free(wc->e[i].key);
		free(wc->e[i].pts);
	}
	free(wc->e);
	free(wc);
}
