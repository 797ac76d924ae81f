/*
 * The paragraph setter: a shaped paragraph in, lines out.
 *
 * Boxes, glue and penalties are built from the widths of the glyphs already
 * shaped: a box per unbreakable stretch, which in a justified paragraph
 * may stretch and shrink by 2% (its glyph advances widened or narrowed
 * when drawn: ligatures stay, as glyphs are not reshaped; not for joined
 * right-to-left scripts, ideographs or monospaced text); glue for each
 * space (stretching and shrinking by a third of its width; a no-break
 * space is a forbidden break before such glue; display sizes take 80% of
 * the natural space); a flagged penalty after an explicit hyphen and at
 * each hyphenation point hy_points() finds (its width is the hyphen's,
 * shaped in the run's font, so a hyphenated line still fits the measure);
 * a small glue between any two Chinese or Japanese characters, breakable
 * only where Pango's line-break attributes and the kinsoku rules allow, so
 * that lines are justified by spacing the characters evenly. lb_break()
 * (linebreak.c, total fit) chooses the breaks; headings set ragged are
 * broken again at the narrowest measure that keeps their number of lines
 * (balanced).
 *
 * A line is drawn by cutting the paragraph's glyph strings at the line's
 * ends: runs are put in visual order by their bidi levels, the spaces (or
 * the gaps between ideographs) and the glyph advances adjusted by the
 * line's ratio, and the hyphen glyph appended when the line ends at a
 * hyphenation point.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "model/script.h"
#include "typo/hyph.h"
#include "typo/linebreak.h"
#include "pdf_int.h"

/* Penalties, Knuth's values. */
#define HYPHEN_PENALTY	50
#define EXPLICIT_PENALTY 50
#define EMERGENCY_PENALTY 5000	/* inside an overlong word */
#define ADDRESS_PENALTY	100	/* inside a URL, an e-mail address or a path */
#define DISPLAY_HYPHEN_PENALTY 500	/* in a heading, for a word wider than the measure */
/* Inside a part of a hyphenated compound ("non-permis-sive"): the Chicago
 * Manual breaks such a word at its own hyphen if at all possible, so this
 * is a last resort against a line whose spaces would gape (about 1.5x). */
#define COMPOUND_PENALTY 1500
/* Glyph expansion: a word's glyph advances may widen or narrow by at most
 * this share (pdfTeX's font expansion, issue 5's +-2%); the box stretches
 * and shrinks by it, so the breaker sees it and the line's ratio sets it. */
#define EXPAND		0.02
/* Capitals are tracked instead: letter-spacing of at most this share of
 * the word's width, shared evenly among its letter gaps (ligatures, one
 * cluster each, stay whole). */
#define TRACK		0.03
/* The word's expansion goes between its letters (after every cluster but
 * the last, so the word space stays as the glue sets it): no cluster's
 * advance changes by more than this share of it. */
#define GLYPH_MAX	0.03
/* A justified word space stretches by this share of its width (a third,
 * not TeX's half: the glyphs carry part of a loose line's stretch) and
 * shrinks by a third. */
#define SPACE_STRETCH	0.2
#define SPACE_SHRINK	0.4
/* No justified word space opens past this many times its width. */
#define MAX_SPACE	2.0
/* Display type (at or above this size) takes word spaces of this share of
 * the font's natural space: large type needs relatively less. */
#define DISPLAY_SIZE	18.0
#define DISPLAY_SPACE	0.75
/* Headings at or above this size are set in balanced lines. */
#define BALANCE_SIZE	12.0
/* Stretch of the gap between two Chinese or Japanese characters, in ems. */
#define CJK_STRETCH	0.1
/* Glue stretch of the last line: effectively infinite. */
#define FILL_STRETCH	1e6

struct builder {
	struct lb_item	*items;
	int		*ipos;
	size_t		 n, cap;
	int		 display;	/* a balanced heading: hyphens as a last resort */
	/* the space-delimited token last looked at: chars [ts, te), and
	 * whether it is an address or a hyphenated compound */
	int		 ts, te, addr, comp;
};

/* Append an item of KIND at char POS; return it (valid until the next push). */
static struct lb_item *
push(struct builder *b, enum lb_kind kind, int pos)
{
	struct lb_item *it;

	if (b->n >= b->cap) {
		b->cap = b->cap ? b->cap * 2 : 64;
		b->items = xrealloc(b->items, b->cap * sizeof(*b->items));
		b->ipos = xrealloc(b->ipos, b->cap * sizeof(*b->ipos));
	}
	it = &b->items[b->n];
	memset(it, 0, sizeof(*it));
	it->kind = kind;
	b->ipos[b->n++] = pos;
	return it;
}

/* Return 1 for the characters that Chinese and Japanese set solid and break
 * between: ideographs, kana, CJK punctuation and full-width forms, by the
 * table of scripts (model/script.h). */
static int
is_cjk(gunichar c)
{
	return script_solid(c);
}

/* Return 1 for a space that may stretch and break (not a no-break space). */
static int
is_space(gunichar c)
{
	return c == ' ' || c == '\t' || (c >= 0x2000 && c <= 0x200a && c != 0x2007) ||
	    c == 0x205f;
}

/* Return 1 for a no-break space that still stretches with the others. */
static int
is_nbsp(gunichar c)
{
	return c == 0xa0 || c == 0x202f;
}

/* Return 1 for what may not start a line in Chinese or Japanese (kinsoku):
 * closing brackets, stops and commas, small kana, the prolonged sound mark. */
static int
kinsoku_nostart(gunichar c)
{
	static const char *set = "、。，．：；！？）」』】〕〉》｝］〗〙〛・ー々"
	    "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ｡｣､’”‰℃";

	return g_utf8_strchr(set, -1, c) != NULL;
}

/* Return 1 for what may not end a line in Chinese or Japanese: opening
 * brackets and quotes. */
static int
kinsoku_noend(gunichar c)
{
	static const char *set = "（「『【〔〈《｛［〖〘〚｢‘“";

	return g_utf8_strchr(set, -1, c) != NULL;
}

/* The code point of char C of SP. */
static gunichar
char_at(const struct pdf_shaped *sp, int c)
{
	return sp->cp[c];
}

/* The width of the hyphen in the font of the run holding char C. */
static double
hyphen_width(struct pdf_fonts *f, const struct pdf_shaped *sp, int c)
{
	const PangoGlyphString *gs = pdf_fonts_hyphen(f, &sp->runs[sp->crun[c]].item->analysis);
	double w = 0;
	int g;

	for (g = 0; g < gs->num_glyphs; g++)
		w += gs->glyphs[g].geometry.width / (double)PANGO_SCALE;
	return w;
}

static void token_at(struct builder *b, const struct pdf_shaped *sp, int c);

/* Return 1 when chars [C, E) hold two letters or more and none in lower
 * case: capitals, tracked rather than expanded. */
static int
caps_word(const struct pdf_shaped *sp, int c, int e)
{
	int upper = 0;

	for (; c < e; c++) {
		gunichar ch = sp->cp[c];

		if (g_unichar_islower(ch))
			return 0;
		upper += g_unichar_isupper(ch) != 0;
	}
	return upper >= 2;
}

double
pdf_para_protrusion(gunichar c, int left)
{
	switch (c) {
	case '-': case 0x2010: case 0x2011:	/* hyphens */
		return left ? 0 : 0.5;
	case '.': case 0x2026:
		return left ? 0 : c == '.' ? 0.7 : 0.3;
	case ',': case ':': case 0x3001: case 0x3002:
		return left ? 0 : 0.5;
	case ';': case '!': case '?':
		return left ? 0 : c == ';' ? 0.3 : 0.15;
	case 0x2013:	/* en dash */
		return 0.2;
	case 0x2014:	/* em dash */
		return 0.15;
	case '"': case '\'': case 0x2018: case 0x2019: case 0x201a: case 0x201c:
	case 0x201d: case 0x201e: case 0xab: case 0xbb: case 0x2039: case 0x203a:
		return 0.4;
	default:
		return 0;
	}
}

/* Return 1 when char C of SP may hang into a margin: the paragraph is
 * justified with margin kerning, and C is set left to right. */
static int
protrudes(const struct pdf_shaped *sp, const struct pdf_parfmt *fmt, int c)
{
	return fmt->protrude && fmt->align == PA_JUSTIFY && !sp->rtl && c >= 0 &&
	    c < sp->nchars && !(sp->runs[sp->crun[c]].item->analysis.level & 1);
}

/* The hang of char C of SP at a line's start (LEFT) or end: its share of
 * its cluster's width, when it protrudes(); else 0. */
static double
hang_at(const struct pdf_shaped *sp, const struct pdf_parfmt *fmt, int c, int left)
{
	int k = c;
	double f;

	if (!protrudes(sp, fmt, c))
		return 0;
	if ((f = pdf_para_protrusion(sp->cp[c], left)) == 0)
		return 0;
	while (k > 0 && !sp->cstart[k])
		k--;
	return k == c ? f * sp->cw[c] : 0;	/* a mark on it: leave it be */
}

/* Push a box of width W for the chars from POS on; in a justified
 * paragraph its glyphs may widen or narrow by EXPAND, unless they are
 * joined (right-to-left runs), ideographs or monospaced. */
static void
push_word(struct builder *b, const struct pdf_shaped *sp, const struct pdf_parfmt *fmt,
    int pos, double w)
{
	struct lb_item *it = push(b, LB_BOX, pos);
	const struct pdf_span *span;

	it->width = w;
	it->hang = hang_at(sp, fmt, pos, 1);
	if (fmt->align != PA_JUSTIFY || pos >= sp->nchars ||
	    (sp->runs[sp->crun[pos]].item->analysis.level & 1) || is_cjk(char_at(sp, pos)))
		return;
	span = pdf_shaped_span(sp, sp->coff[pos]);
	if (span && span->st.role == FONT_MONO)
		return;
	token_at(b, sp, pos);
	it->stretch = it->shrink = w * (caps_word(sp, b->ts, b->te) ? TRACK : EXPAND);
}

/* Emit the box of chars [BS, BE) with no break inside, unless it is near
 * the measure or longer (a 2,000-letter string; in a heading, longer only):
 * then it may break between any two clusters, at a price. */
static void
emit_plain(struct pdf_shaped *sp, const struct pdf_parfmt *fmt, struct builder *b, int bs,
    int be)
{
	double w = 0;
	int c, start = bs;

	for (c = bs; c < be; c++)
		w += sp->cw[c];
	if (w <= fmt->width * (b->display ? 1.0 : 0.8)) {	/* a heading's words stand whole */
		push_word(b, sp, fmt, bs, w);
		return;
	}
	w = 0;
	for (c = bs; c < be; c++) {
		if (c > start && sp->cstart[c] && sp->crun[c] == sp->crun[c - 1]) {
			push_word(b, sp, fmt, start, w);
			push(b, LB_PENALTY, c)->penalty = EMERGENCY_PENALTY;
			w = 0;
			start = c;
		}
		w += sp->cw[c];
	}
	push_word(b, sp, fmt, start, w);
}

/* Whether chars [TS, TE), less the punctuation after them, are a domain
 * name ("huffingtonpost.com"): lowercase letters, digits and hyphens in
 * labels, the last a common top-level domain. */
static int
domain(const struct pdf_shaped *sp, int ts, int te)
{
	static const char *const tld[] = {"com", "org", "net", "edu", "gov", "int", "info", "io",
	    "co", "uk", "us", "eu", "de", "fr", "es", "it", "nl", "be", "ch", "at", "se", "no", "dk",
	    "fi", "ca", "au", "nz", "jp", "cn", "in", "br", "ru"};
	char last[8];
	int c, dot = -1, n;
	size_t i;

	for (;;) {
		int k = te - 1;

		/* note references after it ("mozilla.org.[4]") */
		if (k > ts && char_at(sp, k) == ']') {
			for (k--; k > ts && g_unichar_isdigit(char_at(sp, k)); k--)
				;
			if (k < te - 2 && char_at(sp, k) == '[') {
				te = k;
				continue;
			}
		}
		if (te > ts && char_at(sp, te - 1) < 0x80 && strchr(".,;:)]}\"'", (int)char_at(sp, te - 1)))
			te--;
		else
			break;
	}
	for (c = ts; c < te; c++) {
		gunichar ch = char_at(sp, c);

		if (ch == '.')
			dot = c;
		else if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-'))
			return 0;
	}
	n = te - dot - 1;
	if (dot < ts + 2 || n < 2 || n >= (int)sizeof(last))
		return 0;
	for (c = 0; c < n; c++)
		last[c] = (char)char_at(sp, dot + 1 + c);
	last[n] = '\0';
	for (i = 0; i < sizeof(tld) / sizeof(tld[0]); i++)
		if (strcmp(last, tld[i]) == 0)
			return 1;
	return 0;
}

/* Return 1 if the token of chars [TS, TE) is an address or a path: it
 * holds "://", an '@' or begins "www.", it is a domain name, or it is set
 * in the monospaced font and holds a '/'. */
static int
address(const struct pdf_shaped *sp, int ts, int te)
{
	const struct pdf_span *span = pdf_shaped_span(sp, sp->coff[ts]);
	int c, mono = span && span->st.role == FONT_MONO, slash = 0;

	if (te - ts < 6)
		return 0;
	for (c = ts; c < te; c++) {
		gunichar ch = char_at(sp, c);

		if (ch == '@')
			return 1;
		if (ch == ':' && c + 2 < te && char_at(sp, c + 1) == '/' && char_at(sp, c + 2) == '/')
			return 1;
		slash |= ch == '/';
	}
	if (mono && slash)
		return 1;
	if (char_at(sp, ts) == 'w' && char_at(sp, ts + 1) == 'w' && char_at(sp, ts + 2) == 'w' &&
	    char_at(sp, ts + 3) == '.')
		return 1;
	return domain(sp, ts, te);
}

/* Whether an address (chars [TS, TE)) may break before char C, with no
 * hyphen: the Chicago Manual's rules, after a colon or a double slash,
 * before a single slash, a full stop, a hyphen, an underscore, a tilde and
 * the query characters, before or after '=' and '&'; never inside "//",
 * and never with fewer than three characters on a side or before the
 * punctuation that ends the sentence. */
static int
address_break(const struct pdf_shaped *sp, int c, int ts, int te)
{
	gunichar ch, prev;
	int k, alnum = 0;

	if (c - ts < 3 || te - c < 3 || !sp->cstart[c])
		return 0;
	for (k = c; k < te && !alnum; k++)
		alnum = g_unichar_isalnum(char_at(sp, k));
	if (!alnum)
		return 0;
	ch = char_at(sp, c);
	prev = char_at(sp, c - 1);
	if (prev == '/' && char_at(sp, c - 2) == '/')
		return ch != '/';
	if (ch == '/')
		return prev != '/' && prev != ':' && char_at(sp, c + 1) != '/';
	if (prev == ':' || prev == '=' || prev == '&')
		return ch != '/';
	return ch == '.' || ch == '-' || ch == '_' || ch == '~' || ch == '?' || ch == '#' ||
	    ch == '%' || ch == '=' || ch == '&';
}

/* Whether the token of chars [TS, TE) holds a hyphen between letters
 * ("SPIEGEL-Gespräch"): such a word breaks only there. */
static int
compound(const struct pdf_shaped *sp, int ts, int te)
{
	int c;

	for (c = ts + 1; c + 1 < te; c++) {
		gunichar ch = char_at(sp, c);

		if ((ch == '-' || ch == 0x2010) && g_unichar_isalpha(char_at(sp, c - 1)) &&
		    g_unichar_isalpha(char_at(sp, c + 1)))
			return 1;
	}
	return 0;
}

static void token_at(struct builder *b, const struct pdf_shaped *sp, int c);

/* Whether a word may break before char C after a slash between letters or
 * digits ("region/" "locale", "and/" "or"; the Chicago Manual's rule),
 * without a hyphen, two characters at least on each side; an address
 * keeps its own rules. */
static int
slash_break(struct builder *b, const struct pdf_shaped *sp, int c)
{
	if (c < 3 || char_at(sp, c - 1) != '/' || !sp->cstart[c] ||
	    !g_unichar_isalnum(char_at(sp, c - 2)) || !g_unichar_isalnum(char_at(sp, c)))
		return 0;
	token_at(b, sp, c - 1);
	return !b->addr && c - 1 - b->ts >= 2 && b->te - c >= 2;
}

/* Look at the space-delimited token holding char C (once a token: a
 * 100,000-letter one is scanned once, not at each of its break points). */
static void
token_at(struct builder *b, const struct pdf_shaped *sp, int c)
{
	if (c >= b->ts && c < b->te)
		return;
	for (b->ts = c; b->ts > 0 && !is_space(char_at(sp, b->ts - 1)); b->ts--)
		;
	for (b->te = c + 1; b->te < sp->nchars && !is_space(char_at(sp, b->te)); b->te++)
		;
	b->addr = address(sp, b->ts, b->te);
	b->comp = compound(sp, b->ts, b->te);
}

/* Emit the box of chars [BS, BE), split at its hyphenation points, or at
 * the break points of an address. */
static void
emit_box(struct pdf_fonts *f, struct pdf_shaped *sp, const struct pdf_parfmt *fmt,
    struct builder *b, int bs, int be)
{
	const char *text = buf_str(&sp->text);
	unsigned char pts[256];
	double w = 0;
	int c, ws, we, start = bs, hyph = fmt->hyphenate;

	if (be <= bs)
		return;
	token_at(b, sp, bs);
	if (b->addr) {
		for (c = bs + 1; c < be; c++)
			if (address_break(sp, c, b->ts, b->te)) {
				struct lb_item *p;

				emit_plain(sp, fmt, b, start, c);
				p = push(b, LB_PENALTY, c);
				p->penalty = ADDRESS_PENALTY;
				p->hang = hang_at(sp, fmt, c - 1, 0);
				start = c;
			}
		emit_plain(sp, fmt, b, start, be);
		return;
	}
	if (b->display && be - bs >= 5) {
		/* a heading hyphenates only a word too wide for the measure
		 * (a long German compound on a narrow page), rather than cut
		 * it anywhere */
		for (c = bs; c < be; c++)
			w += sp->cw[c];
		hyph = w > fmt->width;
		w = 0;
	}
	if (hyph && be - bs >= 5) {
		const struct pdf_span *span = pdf_shaped_span(sp, sp->coff[bs]);

		/* the word's letters, without punctuation around them */
		for (ws = bs; ws < be && !g_unichar_isalpha(char_at(sp, ws)); ws++)
			;
		for (we = be; we > ws && !g_unichar_isalpha(char_at(sp, we - 1)); we--)
			;
		if (span && !span->st.nohyph && we - ws >= 5 &&
		    sp->coff[we] - sp->coff[ws] < sizeof(pts) &&
		    hy_cached_points(&f->words, span->st.lang ? span->st.lang : sp->lang ? sp->lang : "en",
		    text + sp->coff[ws],
		    sp->coff[we] - sp->coff[ws], pts) > 0) {
			for (c = bs; c < be; c++) {
				size_t off;

				w += sp->cw[c];
				if (c + 1 <= ws || c + 1 >= we)
					continue;
				off = sp->coff[c + 1] - sp->coff[ws];
				/* a hyphen may follow byte off-1: break before char c+1,
				 * only where a glyph cluster starts and the font does not
				 * change */
				if (!pts[off - 1] || !sp->cstart[c + 1] || sp->crun[c + 1] != sp->crun[c])
					continue;
				push_word(b, sp, fmt, start, w);
				{
					struct lb_item *p = push(b, LB_PENALTY, c + 1);

					p->width = hyphen_width(f, sp, c);
					if (protrudes(sp, fmt, c))
						p->hang = p->width * pdf_para_protrusion('-', 0);
					p->penalty = b->display ? DISPLAY_HYPHEN_PENALTY :
					    b->comp ? COMPOUND_PENALTY : HYPHEN_PENALTY;
					p->flagged = 1;
				}
				w = 0;
				start = c + 1;
			}
			push_word(b, sp, fmt, start, w);
			return;
		}
	}
	emit_plain(sp, fmt, b, bs, be);
}

/* Return 1 for a paragraph whose lines are balanced: a heading (every
 * span in the heading font, at BALANCE_SIZE or more) set ragged or
 * centred, or (unless HEADING) any centred paragraph. */
static int
balanced(const struct pdf_shaped *sp, const struct pdf_parfmt *fmt, int heading)
{
	size_t i;

	if (fmt->align == PA_JUSTIFY || sp->nspans == 0)
		return 0;
	if (fmt->align == PA_CENTER && !heading)
		return 1;	/* centred lines read as a shape: a title page's */
	for (i = 0; i < sp->nspans; i++)
		if (sp->spans[i].st.role != FONT_HEADING || sp->spans[i].st.size < BALANCE_SIZE)
			return 0;
	return 1;
}

/* Shape tolerance of a balanced heading: its last line may be this much
 * longer than the longest above it and still count as even. */
#define BALANCE_SLACK	2.0

/* Return how many of lines L[0..N) end inside a word with no hyphen (an
 * emergency break). */
static size_t
emergencies(const struct builder *b, const struct lb_line *l, size_t n)
{
	size_t k, e = 0;

	for (k = 0; k + 1 < n; k++)
		e += l[k].end < b->n && b->items[l[k].end].kind == LB_PENALTY &&
		    b->items[l[k].end].penalty == EMERGENCY_PENALTY;
	return e;
}

/* Break B's items at measure W into *T; return the number of lines if it
 * is NL, cut inside words no more than CUTS times, and has a heading's shape
 * (within BALANCE_SLACK) (none overfull, the last no longer than
 * the longest above it: even, or narrowing downwards), else 0. */
static size_t
shaped(struct builder *b, double w, const struct lb_params *par, size_t nl,
    size_t cuts, struct lb_line **t)
{
	double top = 0;
	size_t n, k;

	n = lb_break(b->items, b->n, &w, 1, par, t);
	if (n != nl || emergencies(b, *t, n) > cuts)
		return 0;
	for (k = 0; k < n; k++) {
		if ((*t)[k].overfull || (*t)[k].natural > w + 1e-6)
			return 0;
		if (k + 1 < n && (*t)[k].natural > top)
			top = (*t)[k].natural;
	}
	return (*t)[n - 1].natural <= top + BALANCE_SLACK ? n : 0;
}

/* Break B's items again at the narrowest measure (down to half of WIDTH)
 * that gives NL lines in a heading's shape, so that the lines of a heading
 * come out of about equal length; when no measure gives NL lines in that
 * shape (a short word left over, a last line longer than the first), NL + 1
 * lines are tried. Measures are tried from WIDTH down in steps, then the
 * narrowest good one is refined against the next step. Return the number
 * of lines; *LL is replaced when a better measure is found. */
static size_t
balance(struct builder *b, double width, const struct lb_params *par, size_t nl,
    struct lb_line **ll)
{
	const int steps = 24;
	struct lb_line *t = NULL;
	size_t want, n, cuts = emergencies(b, *ll, nl);
	int i, it;

	for (want = nl; want <= nl + 1; want++) {
		double good = 0, bad, mid;

		for (i = 0; i <= steps; i++) {
			double w = width * (1 - 0.5 * i / steps);

			n = shaped(b, w, par, want, cuts, &t);
			free(t);
			t = NULL;
			if (n)
				good = w;
			else if (good > 0)
				break;
		}
		if (good == 0)
			continue;
		bad = good - width * 0.5 / steps;
		for (it = 0; it < 5 && good - bad > 1; it++) {
			mid = (good + bad) / 2;
			n = shaped(b, mid, par, want, cuts, &t);
			free(t);
			t = NULL;
			if (n)
				good = mid;
			else
				bad = mid;
		}
		if (want == nl && good >= width)
			return nl;
		n = shaped(b, good, par, want, cuts, &t);
		if (n == 0) {
			free(t);
			continue;
		}
		free(*ll);
		*ll = t;
		return n;
	}
	return nl;
}

/* The stretch of items [S, E) of ITEMS: of the boxes (glyph expansion)
 * into *SB, of the word spaces (not a last line's fill) into *SG. A loose
 * line's ratio is shared out from these: the boxes to their full stretch,
 * the spaces the rest. */
static void
stretches(const struct lb_item *items, size_t s, size_t e, double *sb, double *sg)
{
	size_t i;

	*sb = *sg = 0;
	for (i = s; i < e; i++)
		if (items[i].kind == LB_BOX)
			*sb += items[i].stretch;
		else if (items[i].kind == LB_GLUE && items[i].stretch < FILL_STRETCH)
			*sg += items[i].stretch;
}

/* The ratio of a justified line of items [S, E) of B whose ratio is R
 * (over 1: its glyphs fully expanded, its spaces stretching further):
 * R, or less when its word spaces would open past MAX_SPACE times their
 * width. Such a line (before an address too long to share it) is set at
 * that spacing, flush to its start, rather than with holes in it. */
static double
widest(const struct builder *b, size_t s, size_t e, double r)
{
	double sb, sg, rg;

	stretches(b->items, s, e, &sb, &sg);
	if (sg <= 0)
		return r;
	rg = (r * (sb + sg) - sb) / sg;	/* as pdf_para_draw_line shares it */
	if (rg * SPACE_STRETCH <= MAX_SPACE - 1)
		return r;
	return ((MAX_SPACE - 1) / SPACE_STRETCH * sg + sb) / (sb + sg);
}

/* Line L of the breaker's lines LL as OUT's next line: its items and
 * characters, its natural width (a hyphen at its break included), whether
 * it ends at a hyphen, and, justified, its adjustment ratio (never below
 * -1; above 1 only as far as widest allows). */
static void
set_line(struct pdf_para *out, const struct builder *b, const struct lb_line *ll, size_t l,
    const struct pdf_shaped *sp, const struct pdf_parfmt *fmt)
{
	struct pdf_line *ln = &out->lines[out->nlines];
	double nat = 0, st = 0, sh = 0;
	size_t s = ll[l].start, e = ll[l].end, i;

	/* skip glue and penalties at the line's start */
	while (s < e && b->items[s].kind != LB_BOX)
		s++;
	for (i = s; i < e; i++) {
		if (b->items[i].kind == LB_PENALTY)
			continue;
		nat += b->items[i].width;
		st += b->items[i].stretch;
		sh += b->items[i].shrink;
	}
	if (e < b->n && b->items[e].kind == LB_PENALTY)
		nat += b->items[e].width;
	ln->i0 = s;
	ln->i1 = e;
	ln->c0 = b->ipos[s];
	ln->c1 = e < b->n ? b->ipos[e] : sp->nchars;
	ln->hyphen = e < b->n && b->items[e].kind == LB_PENALTY && b->items[e].flagged;
	ln->natural = nat;
	ln->ratio = 0;
	ln->lhang = s < e ? b->items[s].hang : 0;
	ln->rhang = e < b->n ? b->items[e].hang : 0;
	if (fmt->align == PA_JUSTIFY) {
		double lw = fmt->width + ln->lhang + ln->rhang;

		if (nat < lw && st > 0)
			ln->ratio = (lw - nat) / st;
		else if (nat > lw && sh > 0)
			ln->ratio = (lw - nat) / sh;
		if (ln->ratio < -1)
			ln->ratio = -1;
		if (ln->ratio > 1)
			ln->ratio = widest(b, s, e, ln->ratio);
	}
	if (ln->c1 < ln->c0)
		ln->c1 = ln->c0;
	out->nlines++;
}

void
pdf_para_set(struct pdf_fonts *f, struct pdf_shaped *sp, const struct pdf_parfmt *fmt,
    struct pdf_para *out)
{
	struct builder b = {0};
	struct lb_params par;
	struct lb_line *ll = NULL;
	size_t nl, l;
	int c, bs = 0;
	double em = sp->nspans ? sp->spans[0].st.size : 10, widths[2];

	memset(out, 0, sizeof(*out));
	b.display = balanced(sp, fmt, 1);
	b.ts = b.te = -1;
	if (fmt->indent > 0)
		push(&b, LB_BOX, 0)->width = fmt->indent;
	for (c = 0; c < sp->nchars; c++) {
		gunichar ch = char_at(sp, c);
		struct lb_item *it;

		if (ch == 0x2028 || ch == '\n') {
			emit_box(f, sp, fmt, &b, bs, c);
			it = push(&b, LB_GLUE, c);
			it->stretch = FILL_STRETCH;
			push(&b, LB_PENALTY, c)->penalty = -LB_INF;
			bs = c + 1;
			continue;
		}
		if (is_space(ch) || is_nbsp(ch)) {
			const struct pdf_span *span = pdf_shaped_span(sp, sp->coff[c]);
			double w = sp->cw[c];

			if (span && span->st.size >= DISPLAY_SIZE)
				w *= DISPLAY_SPACE;
			emit_box(f, sp, fmt, &b, bs, c);
			/* a no-break space: no break here, but it stretches */
			if (is_nbsp(ch))
				push(&b, LB_PENALTY, c)->penalty = LB_INF;
			it = push(&b, LB_GLUE, c);
			it->width = w;
			it->hang = hang_at(sp, fmt, c - 1, 0);
			if (fmt->align == PA_JUSTIFY) {
				it->stretch = w * SPACE_STRETCH;
				it->shrink = w * SPACE_SHRINK;
			} else if (!is_nbsp(ch))
				it->stretch = 3 * em;
			bs = c + 1;
			continue;
		}
		if (c > bs && sp->cstart[c] && (is_cjk(char_at(sp, c - 1)) || is_cjk(ch))) {
			gunichar prev = char_at(sp, c - 1);

			/* between Chinese or Japanese characters: a gap that
			 * stretches, a break only where Pango's rules and kinsoku
			 * allow it */
			int nobreak = !sp->attrs[c].is_line_break || kinsoku_nostart(ch) ||
			    kinsoku_noend(prev);

			emit_box(f, sp, fmt, &b, bs, c);
			if (nobreak)
				push(&b, LB_PENALTY, c)->penalty = LB_INF;
			it = push(&b, LB_GLUE, c);
			it->stretch = fmt->align == PA_JUSTIFY ? em * CJK_STRETCH : nobreak ? 0 : 3 * em;
			bs = c;
			continue;
		}
		if (c > bs && ((sp->attrs[c].is_line_break && sp->cstart[c] &&
		    (token_at(&b, sp, c - 1), !b.addr)) ||	/* an address breaks by its own rules */
		    slash_break(&b, sp, c))) {
			gunichar prev = char_at(sp, c - 1);

			emit_box(f, sp, fmt, &b, bs, c);
			it = push(&b, LB_PENALTY, c);
			it->penalty = EXPLICIT_PENALTY;
			it->flagged = prev == '-' || prev == 0x2010;
			it->hang = hang_at(sp, fmt, c - 1, 0);
			bs = c;
		}
	}
	emit_box(f, sp, fmt, &b, bs, sp->nchars);
	if (b.n == 0)
		push(&b, LB_BOX, 0);
	push(&b, LB_GLUE, sp->nchars)->stretch = FILL_STRETCH;
	push(&b, LB_PENALTY, sp->nchars)->penalty = -LB_INF;

	lb_defaults(&par);
	/* the glyphs expand fully at ratio 1, the spaces alone beyond it
	 * (pdf_para_draw_line): the breaker judges a loose line by its spaces */
	par.box_full = 1.0;
	/* a last line at least twice the indent long (or of a common
	 * indent's, 1.2 em, where there is none) */
	if (fmt->align == PA_JUSTIFY)
		par.last_min = 2 * (fmt->indent > 0 ? fmt->indent : 1.2 * em);
	/* a hanging first line (a negative indent: wrapped code) is wider */
	widths[0] = fmt->width - (fmt->indent < 0 ? fmt->indent : 0);
	widths[1] = fmt->width;
	nl = lb_break(b.items, b.n, widths, fmt->indent < 0 ? 2 : 1, &par, &ll);
	if (nl >= 2 && balanced(sp, fmt, 0))
		nl = balance(&b, fmt->width, &par, nl, &ll);

	out->items = b.items;
	out->ipos = b.ipos;
	out->nitems = b.n;
	out->lines = xcalloc(nl ? nl : 1, sizeof(*out->lines));
	for (l = 0; l < nl; l++)
		set_line(out, &b, ll, l, sp, fmt);
	free(ll);
}

/* In the glyphs [LO, NG) of a run whose clusters LC (byte offsets from
 * OFF) rise, or fall when RTL: the first glyph whose cluster is at or
 * past BOUND (rising) or before it (falling), by bisection. */
static int
glyph_bound(const int *lc, int off, int lo, int ng, int bound, int rtl)
{
	int hi = ng;

	while (lo < hi) {
		int mid = (lo + hi) / 2;

		if (rtl ? off + lc[mid] >= bound : off + lc[mid] < bound)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Copy the glyphs of run R whose clusters lie in bytes [B0, B1) into a new
 * glyph item with its own text (offset 0), widening the glyphs of chars
 * with an adjustment ADJ[c - C0]. Return the width. */
static double
cut_run(const struct pdf_shaped *sp, size_t r, int c0s, int c1s, int lc0,
    const double *adj, PangoGlyphItem *gi, char **textp)
{
	const struct pdf_run *run = &sp->runs[r];
	const char *text = buf_str((struct buf *)&sp->text);
	int b0 = (int)sp->coff[c0s], b1 = (int)sp->coff[c1s];
	int off = run->item->offset, g, n = 0;
	PangoGlyphString *gs = pango_glyph_string_new();
	double w = 0;

	/* the run's clusters rise (left to right) or fall (right to left)
	 * monotonically: find the line's glyphs by bisection, not by a scan
	 * of the whole run (a paragraph may be millions of glyphs) */
	{
		const int *lc = run->gs->log_clusters;
		int ng = run->gs->num_glyphs, rtl = run->item->analysis.level & 1;
		/* LTR: [first glyph with cluster >= b0, first >= b1);
		 * RTL: [first glyph with cluster < b1, first < b0) */
		int g0 = glyph_bound(lc, off, 0, ng, rtl ? b1 : b0, rtl);
		int g1 = glyph_bound(lc, off, g0, ng, rtl ? b0 : b1, rtl);

		pango_glyph_string_set_size(gs, g1 - g0);
		for (g = g0; g < g1; g++) {
			gs->glyphs[n] = run->gs->glyphs[g];
			gs->log_clusters[n] = off + lc[g] - b0;
			n++;
		}
	}
	/* the adjustment of a cluster goes after its last glyph, so that marks
	 * stay on their base */
	for (g = 0; g < n; g++) {
		int cb = b0 + gs->log_clusters[g];

		if (adj && (g + 1 == n || gs->log_clusters[g + 1] != gs->log_clusters[g])) {
			/* the char index of this cluster */
			int lo = c0s, hi = c1s - 1;

			while (lo < hi) {
				int mid = (lo + hi + 1) / 2;

				if ((int)sp->coff[mid] <= cb)
					lo = mid;
				else
					hi = mid - 1;
			}
			gs->glyphs[g].geometry.width += (int)(adj[lo - lc0] * PANGO_SCALE);
		}
		w += gs->glyphs[g].geometry.width / (double)PANGO_SCALE;
	}
	gs->num_glyphs = n;
	gi->item = pango_item_copy(run->item);
	gi->item->offset = 0;
	gi->item->length = b1 - b0;
	gi->item->num_chars = c1s - c0s;
	gi->glyphs = gs;
	*textp = xstrndup(text + b0, (size_t)(b1 - b0));
	return w;
}

/* Share EXTRA points of a box's stretch or shrink (chars [C, E)) among
 * its letters into ADJ (indexed from char C0; only chars in [C0, C1)): an
 * adjustment goes after a cluster, so the box's last cluster takes none and
 * the word space after it stays as set. Capitals (tracked) take an even
 * share per letter gap, other words one in proportion to each cluster's
 * width (glyph expansion), no cluster more than GLYPH_MAX of its width
 * (what is left over goes to the last, as a box of one cluster takes it
 * all). */
static void
box_adjust(const struct pdf_shaped *sp, int c, int e, int c0, int c1, double extra,
    double *adj)
{
	int k, last = e - 1, ngap = 0, caps = caps_word(sp, c, e);
	double inner = 0, rest = extra;

	while (last > c && !sp->cstart[last])
		last--;
	for (k = c; k < last; k++) {
		inner += sp->cw[k];
		ngap += sp->cstart[k];
	}
	if (inner <= 0 || ngap == 0) {
		if (last >= c0 && last < c1)
			adj[last - c0] += extra;
		return;
	}
	for (k = c; k < last; k++) {
		double a, cap;

		if (!sp->cstart[k])
			continue;
		a = caps ? extra / ngap : extra * sp->cw[k] / inner;
		cap = GLYPH_MAX * sp->cw[k];
		if (!caps && fabs(a) > cap)
			a = a > 0 ? cap : -cap;
		rest -= a;
		if (k >= c0 && k < c1)
			adj[k - c0] += a;
	}
	if (fabs(rest) > 1e-9 && last >= c0 && last < c1)
		adj[last - c0] += rest;
}

struct seg {
	struct pdf_op	 op;
	int		 level;
	double		 w;
	const struct pdf_span *span;
};

/* Escape S for a cairo tag attribute string in single quotes. */
static void
attr_str(struct buf *b, const char *s)
{
	buf_putc(b, '\'');
	for (; *s; s++) {
		if (*s == '\'' || *s == '\\')
			buf_putc(b, '\\');
		buf_putc(b, *s);
	}
	buf_putc(b, '\'');
}

/* The hyphen drawn at a line's break into SG, after the line's last
 * segment LAST, shaped in LAST's font. */
static void
hyphen_seg(struct pdf_fonts *f, const struct seg *last, struct seg *sg)
{
	const PangoGlyphString *hg = pdf_fonts_hyphen(f, &last->op.gi.item->analysis);
	size_t j;

	memset(sg, 0, sizeof(*sg));
	sg->op.kind = OP_GLYPHS;
	sg->op.gi.item = pango_item_copy(last->op.gi.item);
	sg->op.gi.item->offset = 0;
	sg->op.gi.item->length = 1;
	sg->op.gi.item->num_chars = 1;
	sg->op.gi.glyphs = pango_glyph_string_copy((PangoGlyphString *)hg);
	sg->op.text = xstrdup("-");
	for (j = 0; j < (size_t)hg->num_glyphs; j++)
		sg->w += hg->glyphs[j].geometry.width / (double)PANGO_SCALE;
	sg->level = last->level;
	sg->span = last->span;
}

/* Bidi: reverse runs of the segments SEGS[0..NSEG) from the highest level
 * down to the lowest odd level (UAX #9, L2). */
static void
bidi_reorder(struct seg *segs, size_t nseg)
{
	int maxlev = 0, minodd = 99, lev;
	size_t i, j;

	for (i = 0; i < nseg; i++) {
		if (segs[i].level > maxlev)
			maxlev = segs[i].level;
		if ((segs[i].level & 1) && segs[i].level < minodd)
			minodd = segs[i].level;
	}
	for (lev = maxlev; lev >= minodd && lev > 0; lev--)
		for (i = 0; i < nseg; i = j + 1) {
			for (; i < nseg && segs[i].level < lev; i++)
				;
			for (j = i; j < nseg && segs[j].level >= lev; j++)
				;
			if (j > i + 1) {
				size_t a = i, z = j - 1;

				for (; a < z; a++, z--) {
					struct seg t = segs[a];

					segs[a] = segs[z];
					segs[z] = t;
				}
			}
			if (j >= nseg)
				break;
		}
}

/* Append segment SG's glyphs to DL at X on baseline Y (its glyphs taken
 * over), struck through when its style says so, wrapped in a link tag
 * when it links. */
static void
draw_seg(struct pdf_dl *dl, const struct seg *sg, double x, double y)
{
	const struct pdf_style *st = &sg->span->st;
	struct buf at = {0};
	struct pdf_op *op;

	if (st->href || st->dest) {
		buf_puts(&at, st->href ? "uri=" : "dest=");
		attr_str(&at, st->href ? st->href : st->dest);
		pdf_dl_tag(dl, 1, CAIRO_TAG_LINK, buf_str(&at));
		buf_free(&at);
	}
	if (st->mark) {
		/* a highlighter's band behind the glyphs */
		static const double band[3] = {1.0, 0.93, 0.55};
		struct pdf_op *r = pdf_dl_push(dl, OP_RECT);

		r->x = x;
		r->y = y - st->rise - st->size * 0.78;
		r->w = sg->w;
		r->h = st->size * 1.02;
		memcpy(r->rgb, band, sizeof(r->rgb));
	}
	op = pdf_dl_push(dl, OP_GLYPHS);
	*op = sg->op;
	op->x = x;
	op->y = y - st->rise;
	if (st->rgb)
		memcpy(op->rgb, st->rgb, sizeof(op->rgb));
	if (st->strike) {
		struct pdf_op *r = pdf_dl_push(dl, OP_RECT);

		r->x = x;
		r->y = y - st->rise - st->size * 0.3;
		r->w = sg->w;
		r->h = st->size * 0.06;
		if (st->rgb)
			memcpy(r->rgb, st->rgb, sizeof(r->rgb));
	}
	if (st->img) {	/* a picture in the line: its bottom a little below the baseline */
		pdf_dl_tag(dl, 1, "Figure", NULL);
		dl->ops[dl->n - 1].img = st->img;
		op = pdf_dl_push(dl, OP_IMAGE);
		op->img = st->img;
		op->x = x;
		op->w = sg->w;
		op->h = st->size;
		op->y = y - st->size * 0.88;
		pdf_dl_tag(dl, 0, "Figure", NULL);
	}
	if (st->href || st->dest)
		pdf_dl_tag(dl, 0, CAIRO_TAG_LINK, NULL);
}

/* Where a line of width TOTAL starts, the paragraph's left edge at X and
 * the line indented by INDENT, as FMT aligns it (justified, LN hanging
 * into the left margin by its lhang). */
static double
line_start(const struct pdf_shaped *sp, const struct pdf_parfmt *fmt, const struct pdf_line *ln,
    double x, double indent, double total)
{
	switch (fmt->align) {
	case PA_JUSTIFY:
		return sp->rtl ? x + fmt->width - indent - total : x + indent - ln->lhang;
	case PA_LEFT:
		return sp->rtl ? x + fmt->width - indent - total : x + indent;
	case PA_RIGHT:
		return x + fmt->width - total;
	default:
		return x + (fmt->width - total) / 2;
	}
}

void
pdf_para_draw_line(struct pdf_fonts *f, struct pdf_shaped *sp, const struct pdf_parfmt *fmt,
    const struct pdf_para *p, size_t l, struct pdf_dl *dl, double x, double y)
{
	const struct pdf_line *ln = &p->lines[l];
	struct seg *segs = NULL;
	size_t nseg = 0, cap = 0, i;
	double *adj = NULL, total = 0, cur, indent = l == 0 ? fmt->indent : 0;
	double rb = ln->ratio > 1 ? 1 : ln->ratio, rg = ln->ratio;	/* boxes, glue */
	int c, s;
	/* a hyphen to draw: the break's penalty has its width (an explicit
	 * hyphen is in the text already) */
	int hy = ln->hyphen && ln->i1 < p->nitems && p->items[ln->i1].kind == LB_PENALTY &&
	    p->items[ln->i1].width > 0;

	if (ln->c1 <= ln->c0 && !hy)
		return;
	/* the glyphs widen or narrow by EXPAND at most (a ratio within +-1);
	 * the glue takes what a looser line needs beyond that */
	if (ln->ratio > 1) {
		double sb, sg;

		stretches(p->items, ln->i0, ln->i1, &sb, &sg);
		if (sg > 0)
			rg = (ln->ratio * (sb + sg) - sb) / sg;
		else
			rb = ln->ratio;
	}
	/* justification: what each glue and box adds (and what a display
	 * space takes away), on the char it belongs to */
	for (i = ln->i0; i < ln->i1 && ln->c1 > ln->c0; i++) {
		const struct lb_item *it = &p->items[i];
		double extra;
		int e;

		if (it->kind == LB_PENALTY || (it->kind == LB_GLUE && it->stretch >= FILL_STRETCH))
			continue;
		c = p->ipos[i];
		if (it->kind == LB_BOX) {
			/* glyph expansion: each cluster's advance by the ratio */
			if (rb == 0 || it->stretch <= 0 || it->width <= 0)
				continue;
			extra = rb > 0 ? rb * it->stretch : rb * it->shrink;
			e = i + 1 < p->nitems ? p->ipos[i + 1] : sp->nchars;
			if (adj == NULL)
				adj = xcalloc((size_t)(ln->c1 - ln->c0), sizeof(*adj));
			box_adjust(sp, c, e, ln->c0, ln->c1, extra, adj);
			continue;
		}
		extra = rg > 0 ? rg * it->stretch : rg * it->shrink;
		if (it->width == 0) {	/* between ideographs: widen the char before */
			for (c--; c > ln->c0 && !sp->cstart[c]; c--)
				;
		} else if (c < sp->nchars)
			extra += it->width - sp->cw[c];	/* a display space */
		if (extra == 0 || c < ln->c0 || c >= ln->c1)
			continue;
		if (adj == NULL)
			adj = xcalloc((size_t)(ln->c1 - ln->c0), sizeof(*adj));
		adj[c - ln->c0] += extra;
	}
	/* segments: maximal stretches of one run and one span */
	for (c = ln->c0; c < ln->c1; c = s) {
		const struct pdf_span *span = pdf_shaped_span(sp, sp->coff[c]);
		size_t r = (size_t)sp->crun[c];
		struct seg *sg;

		for (s = c + 1; s < ln->c1 && (size_t)sp->crun[s] == r && sp->coff[s] < span->end; s++)
			;
		ARRAY_GROW(segs, nseg, cap);
		sg = &segs[nseg++];
		memset(sg, 0, sizeof(*sg));
		sg->op.kind = OP_GLYPHS;
		sg->w = cut_run(sp, r, c, s, ln->c0, adj, &sg->op.gi, &sg->op.text);
		sg->level = sp->runs[r].item->analysis.level;
		sg->span = span;
	}
	if (hy && nseg > 0) {
		ARRAY_GROW(segs, nseg, cap);
		hyphen_seg(f, &segs[nseg - 1], &segs[nseg]);
		nseg++;
	}
	for (i = 0; i < nseg; i++)
		total += segs[i].w;
	bidi_reorder(segs, nseg);
	cur = line_start(sp, fmt, ln, x, indent, total);
	for (i = 0; i < nseg; i++) {
		const char *lang = segs[i].span->st.lang;

		/* words in another language: one Span, its /Lang the text */
		if (i > 0 && segs[i - 1].span->st.lang && segs[i - 1].span->st.lang != lang)
			pdf_dl_tag(dl, 0, "Span", NULL);
		if (lang && (i == 0 || segs[i - 1].span->st.lang != lang))
			pdf_dl_tag(dl, 1, "Span", lang);
		draw_seg(dl, &segs[i], cur, y);
		cur += segs[i].w;
	}
	if (nseg > 0 && segs[nseg - 1].span->st.lang)
		pdf_dl_tag(dl, 0, "Span", NULL);
	free(segs);
	free(adj);
}

double
pdf_para_space(const struct pdf_para *p, size_t l)
{
	const struct pdf_line *ln = &p->lines[l];
	double sb, sg, r = ln->ratio;

	if (r < 0)
		return 1 + r * SPACE_SHRINK;
	if (r > 1) {
		stretches(p->items, ln->i0, ln->i1, &sb, &sg);
		if (sg > 0)
			r = (r * (sb + sg) - sb) / sg;
	}
	return 1 + r * SPACE_STRETCH;
}

double
pdf_para_worst(const struct pdf_para *p, size_t *line)
{
	double worst = 1, w;
	size_t l;

	if (line)
		*line = 0;
	for (l = 0; l + 1 < p->nlines; l++)
		if ((w = pdf_para_space(p, l)) > worst) {
			worst = w;
			if (line)
				*line = l;
		}
	return worst;
}

