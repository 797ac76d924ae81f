/* The PDF paragraph setter with the real fonts: shaped paragraph in, lines
 * out. Justified lines fill the measure exactly, no line runs past it (a
 * hyphenated line included, hyphen and all), the words come back in order,
 * right-to-left lines end at the right edge, Japanese breaks between
 * characters without a line starting with closing punctuation, an empty
 * paragraph gives no line and an overlong word is still set inside the
 * measure. Run from the repository's top (the theme is templates/default). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../tap.h"
#include "util.h"
#include "options.h"
#include "model/theme.h"
#include "typo/linebreak.h"
#include "pdf/pdf_int.h"

#define MEASURE 300.0
#define EPS 0.05

struct result {
	size_t	 nlines;
	double	 minx[512], maxx[512];
	int	 hyphen[512];
	char	*first[512];	/* first character(s) of each line */
	char	*last[512];	/* the line's last character */
	struct buf text;	/* the lines' texts, joined by "|" */
	/* each line's glyph runs, left to right on the page */
	size_t	 nops[512];
	double	 opx[512][32];
	char	*optext[512][32];
	/* glyph expansion: the largest |advance / natural - 1| of a glyph
	 * that is not a space, and the glyphs drawn against the letters */
	double	 maxexp;
	size_t	 nglyphs, nletters;
	/* the least and most space added after a glyph of each line (CJK
	 * evenness) */
	double	 advmin[512], advmax[512];
	/* per line: the advances of its glyphs (not spaces) against their
	 * natural sum (tracking and expansion) */
	double	 adv[512], nat[512];
	double	 ratio[512];
	struct pdf_para pa;	/* kept for item checks (pa.items) */
	int	*cp;		/* code points of the paragraph */
	int	 nchars;
};

/* The lines of R that end at a hyphenation point inside a word holding
 * a hyphen of its own (a part of a compound broken). */
static size_t
inside_compound(const struct result *r)
{
	size_t l, n = 0;

	for (l = 0; l + 1 < r->nlines; l++) {
		int c = r->pa.lines[l + 1].c0, k, dash = 0;

		if (!r->hyphen[l] || r->cp[c - 1] == '-')
			continue;	/* no hyphen, or the word's own */
		for (k = c - 1; k >= 0 && r->cp[k] != ' '; k--)
			dash |= r->cp[k] == '-';
		for (k = c; k < r->nchars && r->cp[k] != ' '; k++)
			dash |= r->cp[k] == '-';
		n += dash;
	}
	return n;
}

/* Width of a glyph op. */
static double
opw(const struct pdf_op *op)
{
	double w = 0;
	int g;

	for (g = 0; g < op->gi.glyphs->num_glyphs; g++)
		w += op->gi.glyphs->glyphs[g].geometry.width / (double)PANGO_SCALE;
	return w;
}

/* The natural advance of glyph G in the paragraph's runs, or 0. */
static double
natural(const struct pdf_shaped *sp, PangoGlyph g)
{
	size_t r;
	int i;

	for (r = 0; r < sp->nruns; r++)
		for (i = 0; i < sp->runs[r].gs->num_glyphs; i++)
			if (sp->runs[r].gs->glyphs[i].glyph == g)
				return sp->runs[r].gs->glyphs[i].geometry.width / (double)PANGO_SCALE;
	return 0;
}

static int protrude;	/* set(): margin kerning on */

/* Set TEXT at MEASURE and collect each line's extent and text. */
static void
set(struct pdf_fonts *f, const struct theme *t, const char *text, const char *lang, int rtl,
    int hyphenate, struct result *r)
{
	struct pdf_shaped sp;
	struct pdf_para pa;
	struct pdf_style st;
	struct pdf_parfmt fmt = {.width = MEASURE, .align = PA_JUSTIFY, .hyphenate = hyphenate,
	    .protrude = protrude};
	size_t l, i;

	memset(r, 0, sizeof(*r));
	memset(&st, 0, sizeof(st));
	st.size = t->size;
	st.rgb = t->text_color;
	st.note = -1;
	pdf_fonts_lang(f, lang);
	pdf_shaped_init(&sp, lang, rtl);
	pdf_shaped_add(&sp, text, strlen(text), &st);
	pdf_shape(f, &sp);
	pdf_para_set(f, &sp, &fmt, &pa);
	r->nlines = pa.nlines < 512 ? pa.nlines : 512;
	for (l = 0; l < r->nlines; l++) {
		struct pdf_dl dl = {0};

		pdf_para_draw_line(f, &sp, &fmt, &pa, l, &dl, 0, 10);
		r->minx[l] = 1e9;
		r->maxx[l] = -1e9;
		r->hyphen[l] = pa.lines[l].hyphen;
		for (i = 0; i < dl.n; i++) {
			if (dl.ops[i].kind != OP_GLYPHS)
				continue;
			if (dl.ops[i].x < r->minx[l])
				r->minx[l] = dl.ops[i].x;
			if (dl.ops[i].x + opw(&dl.ops[i]) > r->maxx[l])
				r->maxx[l] = dl.ops[i].x + opw(&dl.ops[i]);
		}
		r->first[l] = xstrndup(buf_str(&sp.text) + sp.coff[pa.lines[l].c0], 3);
		if (l)
			buf_putc(&r->text, '|');
		buf_put(&r->text, buf_str(&sp.text) + sp.coff[pa.lines[l].c0],
		    sp.coff[pa.lines[l].c1] - sp.coff[pa.lines[l].c0]);
		r->ratio[l] = pa.lines[l].ratio;
		r->advmin[l] = 1e9;
		r->advmax[l] = -1e9;
		for (i = 0; i < dl.n; i++) {
			const struct pdf_op *op = &dl.ops[i];
			int g;

			if (op->kind != OP_GLYPHS)
				continue;
			if (r->nops[l] < 32) {
				r->opx[l][r->nops[l]] = op->x;
				r->optext[l][r->nops[l]++] = xstrdup(op->text);
			}
			for (g = 0; g < op->gi.glyphs->num_glyphs; g++) {
				const PangoGlyphInfo *gl = &op->gi.glyphs->glyphs[g];
				char ch = op->text[op->gi.glyphs->log_clusters[g]];
				double nat = natural(&sp, gl->glyph), w;

				w = gl->geometry.width / (double)PANGO_SCALE;
				if (ch != ' ' && nat > 0) {
					r->adv[l] += w;
					r->nat[l] += nat;
				}
				if (ch == ' ' || nat <= 0 || op->gi.glyphs->num_glyphs == 1)
					continue;
				/* the line's last glyph has no gap after it */
				if (g + 1 == op->gi.glyphs->num_glyphs &&
				    op->x + opw(op) >= r->maxx[l] - 1e-6)
					continue;
				r->nglyphs++;
				if (w - nat < r->advmin[l])
					r->advmin[l] = w - nat;
				if (w - nat > r->advmax[l])
					r->advmax[l] = w - nat;
				if (fabs(w / nat - 1) > r->maxexp && g + 1 < op->gi.glyphs->num_glyphs &&
				    op->text[op->gi.glyphs->log_clusters[g + 1]] != ' ')
					r->maxexp = fabs(w / nat - 1);
			}
		}
		{
			const char *lt = buf_str(&sp.text), *e = lt + sp.coff[pa.lines[l].c1];

			while (e > lt + sp.coff[pa.lines[l].c0] && e[-1] == ' ')
				e--;
			r->last[l] = xstrdup(e > lt ? g_utf8_find_prev_char(lt, e) : "");
			r->last[l][e > lt ? (size_t)(e - g_utf8_find_prev_char(lt, e)) : 0] = '\0';
		}
		pdf_dl_free(&dl);
	}
	for (i = 0; i < (size_t)sp.nchars; i++)
		if (!g_unichar_isspace(sp.cp[i]) && sp.cp[i] != 0xa0 && sp.cp[i] != 0x202f)
			r->nletters++;
	r->nchars = sp.nchars;
	r->cp = xcalloc((size_t)sp.nchars + 1, sizeof(*r->cp));
	for (i = 0; i < (size_t)sp.nchars; i++)
		r->cp[i] = (int)sp.cp[i];
	r->pa = pa;
	pdf_shaped_free(&sp);
}

static void
result_free(struct result *r)
{
	size_t l;

	size_t i;

	for (l = 0; l < r->nlines; l++) {
		free(r->first[l]);
		free(r->last[l]);
		for (i = 0; i < r->nops[l]; i++)
			free(r->optext[l][i]);
	}
	buf_free(&r->text);
	free(r->cp);
	pdf_para_free(&r->pa);
}

/* Squeeze "|" and spaces out of S, and hyphens too when NOHY. */
static char *
squeeze(const char *s, int nohy)
{
	char *o = xmalloc(strlen(s) + 1), *p = o;

	for (; *s; s++)
		if (*s != '|' && *s != ' ' && !(nohy && *s == '-'))
			*p++ = *s;
	*p = '\0';
	return o;
}

/* Set TEXT as a headline (heading font at SIZE, ragged, MEASURE wide);
 * put each line's natural width into W (up to 16) and return the count. */
static size_t cuts;	/* heading(): lines ended inside a word with no hyphen */

static size_t
heading(struct pdf_fonts *f, const char *text, double size, double *w)
{
	struct pdf_shaped sp;
	struct pdf_para pa;
	struct pdf_style st;
	struct pdf_parfmt fmt = {.width = MEASURE, .align = PA_LEFT};
	size_t l, n;

	memset(&st, 0, sizeof(st));
	st.size = size;
	st.role = FONT_HEADING;
	st.note = -1;
	pdf_fonts_lang(f, "en");
	pdf_shaped_init(&sp, "en", 0);
	pdf_shaped_add(&sp, text, strlen(text), &st);
	pdf_shape(f, &sp);
	pdf_para_set(f, &sp, &fmt, &pa);
	n = pa.nlines < 16 ? pa.nlines : 16;
	for (l = 0; l < n; l++) {
		int c;

		w[l] = 0;
		for (c = pa.lines[l].c0; c < pa.lines[l].c1; c++)
			w[l] += sp.cw[c];
		for (c = pa.lines[l].c1 - 1; c >= pa.lines[l].c0 && sp.cp[c] == ' '; c--)
			w[l] -= sp.cw[c];
		c = pa.lines[l].c1;
		if (l + 1 < n && !pa.lines[l].hyphen && c > 0 && c < sp.nchars && sp.cp[c] != ' ' &&
		    sp.cp[c - 1] != ' ' && sp.cp[c - 1] != '-') {
			cuts++;
			printf("# cut inside a word at %.1f pt: %.20s|%.20s\n", size,
			    buf_str(&sp.text) + sp.coff[pa.lines[l].c0], buf_str(&sp.text) + sp.coff[c]);
		}
	}
	pdf_para_free(&pa);
	pdf_shaped_free(&sp);
	return n;
}

int
main(void)
{
	static const char *en =
	    "The Foreign Office has shocked cross-party opponents of the Chinese treatment "
	    "of Uyghur groups by revealing that it has asked the Xinjiang governor for talks. "
	    "MPs belonging to the inter-parliamentary alliance on China called it incomprehensible "
	    "that anybody within government would think it appropriate to meet with someone who "
	    "has played a central role in the persecution of Uyghurs, crimes our own parliament "
	    "has declared to be genocide. Parliament voted two years ago to declare the treatment "
	    "of the Uyghur Muslims as a genocide, but the Foreign Office has always resisted this "
	    "description, saying only an appropriate court could determine whether it amounted to "
	    "genocide. Notwithstanding extraordinarily incomprehensible internationalisation.";
	static const char *ar =
	    "أكدت جهات سورية معارضة أن فصائل مسلحة معارضة لنظام الرئيس بشار الأسد وعلى صلة "
	    "بالجيش الحر تمكنت من السيطرة على مستودعات للأسلحة بريف دمشق تضم كميات من الصواريخ "
	    "ومضادات الدروع، في الوقت الذي حض فيه الائتلاف الوطني السوري المعارض الفصائل الكردية.";
	static const char *ja =
	    "【6月18日 AFP】ナイジェリア北東部ボルノ州で16日夜、イスラム過激派組織「ボコ・ハラム"
	    "（Boko Haram）」によるものと思われる少女を使った自爆攻撃が起き、31人が死亡した。"
	    "地元当局者と民兵指導者が17日、AFPに明らかにした。攻撃はボルノ州の町ダンボアで、"
	    "イスラム教の断食月「ラマダン」明けの祭り「イード・アル・フィトル」の祝いから帰る途中の"
	    "人々を狙って起きたもので、ボコ・ハラムの犯行と思われる特徴があった。";
	static const char *fr =
	    "Le ministre a déclaré : « Nous avons versé 10 000 euros à chacune "
	    "des 250 familles », a-t-il dit. Pourquoi ? Parce que le renseignement "
	    "pénitentiaire pourra, dans des conditions qui seront précisées "
	    "par décret, recourir à des techniques spéciales ; le texte a "
	    "été adopté par 350 voix contre 120 ! M. Dupont et Mme Durand "
	    "ont voté contre, comme 45 % des députés présents.";
	static const char *armix =
	    "قال المتحدث باسم الوزارة John Smith إن الاتفاق وقع في عام 2019 بعد مفاوضات طويلة "
	    "استمرت أكثر من 14 شهرا بين الطرفين، وأضاف أن الحكومة ستنشر النص الكامل قريبا.";
	static const char *jaeven =
	    "地元当局者と民兵指導者が明らかにしたところによると攻撃はボルノ州の町ダンボアで"
	    "イスラム教の断食月明けの祭りの祝いから帰る途中の人々を狙って起きたもので"
	    "ボコハラムの犯行と思われる特徴があった地元当局者と民兵指導者が明らかにした";
	struct options opt;
	struct theme *t;
	struct pdf_fonts f;
	struct result r;
	size_t l, bad, hy, i;
	char *a, *b, *big;

	memset(&opt, 0, sizeof(opt));
	opt.datadir = ".";
	t = theme_load(&opt, NULL);
	ok(t != NULL, "the default theme loads");
	if (t == NULL)
		return done_testing();
	ok(pdf_fonts_init(&f, t) == 0, "one font map and context");

	/* English, justified and hyphenated */
	set(&f, t, en, "en", 0, 1, &r);
	ok(r.nlines >= 5, "English: %zu lines", r.nlines);
	for (l = 0, bad = 0; l + 1 < r.nlines; l++)
		if (r.minx[l] < -EPS || r.maxx[l] > MEASURE + EPS || r.maxx[l] < MEASURE - EPS)
			bad++;
	ok(bad == 0, "English: every line but the last fills the measure exactly");
	ok(r.maxx[r.nlines - 1] <= MEASURE + EPS, "English: the last line fits");
	for (l = 0, bad = 0, hy = 0; l < r.nlines; l++)
		if (r.hyphen[l]) {
			hy++;
			bad += r.maxx[l] > MEASURE + EPS;
		}
	ok(bad == 0, "English: %zu hyphenated lines, each inside the measure with its hyphen", hy);
	a = squeeze(en, 1);
	b = squeeze(buf_str(&r.text), 1);
	is_str(b, a, "English: the lines hold every character in order");
	free(a);
	free(b);
	/* a word's 2% goes between its letters (none after the last: the word
	 * space stays as set), so one advance may take up to 3% */
	ok(r.maxexp > 0.001 && r.maxexp <= 0.03 + 1e-4,
	    "English: glyph advances scaled by the line's ratio, at most 3%% each (%.4f)", r.maxexp);
	ok(r.nglyphs < r.nletters, "English: ligatures kept (%zu glyphs for %zu letters)",
	    r.nglyphs, r.nletters);
	for (l = 0, bad = 0; l < r.pa.nitems; l++)
		if (r.pa.items[l].kind == LB_BOX && r.pa.items[l].width > 0 &&
		    fabs(r.pa.items[l].stretch - 0.02 * r.pa.items[l].width) > 1e-9 && l > 0)
			bad++;
	ok(bad == 0, "English: every word box stretches and shrinks by 2%% of its width");
	result_free(&r);

	/* French no-break spaces: a forbidden break, then glue that stretches */
	set(&f, t, fr, "fr", 0, 1, &r);
	for (l = 0, bad = 0, hy = 0; l < r.pa.nitems; l++) {
		int c = r.pa.ipos[l];

		if (r.pa.items[l].kind != LB_GLUE || c >= r.nchars ||
		    (r.cp[c] != 0xa0 && r.cp[c] != 0x202f))
			continue;
		hy++;
		if (l == 0 || r.pa.items[l - 1].kind != LB_PENALTY ||
		    r.pa.items[l - 1].penalty < LB_INF || r.pa.items[l].stretch <= 0 ||
		    r.pa.items[l].shrink <= 0)
			bad++;
	}
	ok(hy >= 6 && bad == 0, "French: %zu no-break spaces, each a forbidden break before "
	    "stretchable glue (%zu wrong)", hy, bad);
	for (l = 0, bad = 0; l < r.nlines; l++) {
		const char *lt = r.first[l];

		bad += str_startswith(lt, "\xc2\xa0") || str_startswith(lt, "\xe2\x80\xaf") ||
		    str_startswith(lt, ":") || str_startswith(lt, "\xc2\xbb") ||
		    strcmp(r.last[l], "\xc2\xab") == 0;
	}
	ok(bad == 0, "French: no line breaks at a no-break space (%zu lines)", r.nlines);
	for (l = 0, bad = 0; l + 1 < r.nlines; l++)
		if (r.maxx[l] > MEASURE + EPS || r.maxx[l] < MEASURE - EPS)
			bad++;
	ok(bad == 0, "French: lines justified to the measure");
	result_free(&r);

	/* Arabic, right to left */
	set(&f, t, ar, "ar", 1, 1, &r);
	ok(r.nlines >= 2, "Arabic: %zu lines", r.nlines);
	for (l = 0, bad = 0; l < r.nlines; l++)
		if (r.maxx[l] > MEASURE + EPS || r.maxx[l] < MEASURE - EPS)
			bad++;
	ok(bad == 0, "Arabic: every line ends at the right edge");
	for (l = 0, bad = 0; l + 1 < r.nlines; l++)
		bad += r.minx[l] > EPS;
	ok(bad == 0, "Arabic: justified lines reach the left edge");
	result_free(&r);

	/* Japanese: between characters, kinsoku */
	set(&f, t, ja, "ja", 0, 1, &r);
	ok(r.nlines >= 3, "Japanese: %zu lines", r.nlines);
	for (l = 1, bad = 0; l < r.nlines; l++)
		if (str_startswith(r.first[l], "。") || str_startswith(r.first[l], "、") ||
		    str_startswith(r.first[l], "」") || str_startswith(r.first[l], "）"))
			bad++;
	ok(bad == 0, "Japanese: no line starts with closing punctuation");
	for (l = 0, bad = 0; l + 1 < r.nlines; l++)
		if (r.maxx[l] > MEASURE + EPS || r.maxx[l] < MEASURE - EPS)
			bad++;
	ok(bad == 0, "Japanese: lines justified to the measure");
	a = squeeze(ja, 0);
	b = squeeze(buf_str(&r.text), 0);
	is_str(b, a, "Japanese: every character in order");
	free(a);
	free(b);
	for (l = 0, bad = 0; l + 1 < r.nlines; l++)
		if (strcmp(r.last[l], "「") == 0 || strcmp(r.last[l], "（") == 0 ||
		    strcmp(r.last[l], "【") == 0 || strcmp(r.last[l], "『") == 0)
			bad++;
	ok(bad == 0, "Japanese: no line ends with an opening bracket");
	result_free(&r);

	/* kinsoku on a line that would otherwise break before a stop: the
	 * measure is cut so that 。 falls first on a line */
	{
		static const char *js = "東京都東京都東京都東京都東京都東京都東京都東京都東京都東京都東京都"
		    "東京都東京都東京都東京都東京都東京都東京都東京都。」東京都東京都東京都（「東京都"
		    "東京都東京都東京都東京都東京都東京都東京都東京都東京都東京都東京都東京都東京都";

		set(&f, t, js, "ja", 0, 1, &r);
		for (l = 1, bad = 0; l < r.nlines; l++)
			bad += str_startswith(r.first[l], "。") || str_startswith(r.first[l], "」");
		for (l = 0; l + 1 < r.nlines; l++)
			bad += strcmp(r.last[l], "（") == 0 || strcmp(r.last[l], "「") == 0;
		ok(r.nlines >= 3 && bad == 0, "Japanese: brackets and stops kept by kinsoku (%zu lines)",
		    r.nlines);
		result_free(&r);
	}

	/* Japanese justified by spacing the characters evenly */
	set(&f, t, jaeven, "ja", 0, 1, &r);
	for (l = 0, bad = 0; l + 1 < r.nlines; l++)
		if (r.advmax[l] - r.advmin[l] > 0.01 || r.maxx[l] < MEASURE - EPS ||
		    r.maxx[l] > MEASURE + EPS)
			bad++, printf("# line %zu: added %.3f to %.3f, right %.2f\n", l, r.advmin[l],
			    r.advmax[l], r.maxx[l]);
	ok(r.nlines >= 2 && bad == 0,
	    "Japanese: each justified line spaces its characters evenly (%zu lines)", r.nlines);
	result_free(&r);

	/* Arabic with a Latin name and digits: right to left, the Latin and
	 * the digits left to right inside it */
	set(&f, t, armix, "ar", 1, 1, &r);
	{
		double xj = -1, xa = -1, xb = -1, xd = -1, xc = -1;
		size_t lj = 999;

		for (l = 0; l < r.nlines; l++)
			for (i = 0; i < r.nops[l]; i++) {
				const char *tx = r.optext[l][i];

				if (strstr(tx, "John Smith"))
					xj = r.opx[l][i], lj = l;
				else if (l == lj || lj == 999) {
					if (strstr(tx, "الوزارة"))
						xa = r.opx[l][i];
					if (strstr(tx, "إن"))
						xb = r.opx[l][i];
				}
				if (strcmp(tx, "2019") == 0)
					xd = r.opx[l][i];
				if (strstr(tx, "عام"))
					xc = r.opx[l][i];
			}
		ok(xj >= 0 && xa > xj && xb >= 0 && xb < xj,
		    "Arabic: a Latin name sits between the words around it, right to left "
		    "(%.1f < %.1f < %.1f)", xb, xj, xa);
		ok(xd >= 0 && xc > xd, "Arabic: the digits 2019 set left to right, after (left of) "
		    "the word before them");
		for (l = 0, bad = 0; l + 1 < r.nlines; l++)
			bad += r.minx[l] > EPS || r.maxx[l] < MEASURE - EPS || r.maxx[l] > MEASURE + EPS;
		ok(r.nlines >= 2 && bad == 0, "Arabic: mixed lines justified edge to edge (%zu lines)",
		    r.nlines);
	}
	result_free(&r);

	/* addresses break without a hyphen where the Chicago Manual allows
	 * (after "//" or ':', before '/', '.', '-', '_', '?', '=', '&'), not
	 * inside "//" nor before the stop that ends the sentence, and the
	 * lines around them stay within their stretch */
	set(&f, t, "The paper is at https://doi.org/10.1002/spe.4380111102 and the slides, "
	    "which repeat it, are at https://www.example.org/talks/2019/line_breaking-in-tex?"
	    "format=pdf&lang=en while the code lives at git@example.org:typesetting/mkbook.git.",
	    "en", 0, 1, &r);
	{
		int inside = 0;

		for (l = 1, bad = 0; l < r.nlines; l++) {
			int c = r.pa.lines[l].c0, a = r.cp[c - 1], b = r.cp[c];

			if (a == ' ')
				continue;	/* a break at a space */
			inside++;
			if (!(strchr("/._-~?#%=&", b) || (a == '/' && r.cp[c - 2] == '/') || a == ':' ||
			    a == '=' || a == '&') || (a == '/' && b == '/') || c + 1 >= r.nchars) {
				bad++;
				printf("# a bad break in an address: %c|%c\n", a, b);
			}
		}
		for (l = 0; l < r.nlines; l++)
			bad += r.hyphen[l];
		for (l = 0; l + 1 < r.nlines; l++)	/* spaces at most 1.43x (a ratio of 1.3 at a third) */
			bad += pdf_para_space(&r.pa, l) > 1 + 1.3 / 3;
		for (l = 0; bad && l < r.nlines; l++)
			printf("# %.2f %d\n", r.ratio[l], r.hyphen[l]);
		if (bad)
			printf("# %s\n", buf_str(&r.text));
		ok(inside >= 1 && bad == 0, "addresses: %d breaks inside them, none hyphenated, "
		    "no line stretched past its limit", inside);
	}
	result_free(&r);

	/* a word that holds a hyphen breaks there first (the Chicago
	 * Manual: "only at the hyphen, if possible"): where that sets good
	 * lines, no hyphenation point inside its parts is taken ... */
	set(&f, t, "The well-known author of the long-term study said that the so-called "
	    "cost-benefit analysis of the state-owned railway was a one-sided affair, and that "
	    "the decision-makers had ignored the first-hand accounts of the long-distance "
	    "travellers who use the cross-border services every day of the year.", "en", 0, 1, &r);
	ok(inside_compound(&r) == 0, "compounds break only at their hyphens where the lines "
	    "allow it (%zu lines)", r.nlines);
	result_free(&r);
	/* ... but rather than gape (lines of German compounds on a narrow
	 * measure, each 2x loose or worse if set whole), a part breaks at one
	 * of its own points, at a price (COMPOUND_PENALTY) */
	set(&f, t, "Im SPIEGEL-Gespräch sagte die Datenschutz-Grundverordnungsbeauftragte, dass "
	    "die Verbraucherschutz-Organisationen und das Bundesverfassungsgericht-Urteil "
	    "die Informationsfreiheits-Beauftragten nicht überzeugten, weil Verbraucherschutzorganisationen "
	    "und Informationsfreiheitsbeauftragte ohnehin Bundesverfassungsgerichtsentscheidungen "
	    "abwarten, wie die SPIEGEL-Gesprächspartnerin im Interview-Gespräch betonte.", "de", 0, 1, &r);
	{
		double worst = 0;

		for (l = 0; l + 1 < r.nlines; l++)
			worst = fmax(worst, r.ratio[l]);
		ok(inside_compound(&r) >= 1 && worst <= 1.0, "compounds on a narrow measure break "
		    "inside a part rather than gape (%zu inside; worst ratio %.2f)",
		    inside_compound(&r), worst);
	}
	result_free(&r);

	/* headlines are balanced: lines of about equal length, the last never
	 * longer than the longest above it (one line more when the words
	 * allow no such shape in as many lines as the full measure takes) */
	{
		static const char *heads[] = {
			"'What is the sea telling us?': Māori tribes fearful over whale strandings",
			"The Open Journalism Project: Better Student Journalism",
			"Le projet de loi sur le renseignement massivement approuvé à l'Assemblée",
			"Cross-party MPs shocked by Foreign Office talks with Xinjiang governor",
		};
		double w[16], sizes[] = {18.4, 22, 26};
		size_t h, z, n, k, bal = 0, cases = 0;

		for (h = 0, bad = 0; h < sizeof(heads) / sizeof(heads[0]); h++)
			for (z = 0; z < 3; z++) {
				double top = 0, low = 1e9;

				n = heading(&f, heads[h], sizes[z], w);
				if (n < 2)
					continue;
				cases++;
				for (k = 0; k + 1 < n; k++) {
					top = w[k] > top ? w[k] : top;
					low = w[k] < low ? w[k] : low;
				}
				if (w[n - 1] > top + 2.0) {
					bad++;
					printf("# %s at %.1f: last line %.1f > %.1f\n", heads[h], sizes[z],
					    w[n - 1], top);
				}
				bal += top < MEASURE * 0.95;	/* narrower than the measure */
			}
		cuts = 0;
		for (z = 0; z < 3; z++)
			heading(&f, "Datenschutz-Grundverordnung: Verbraucherschutzorganisationen "
			    "kritisieren Informationsfreiheitsbeauftragte", sizes[z], w);
		ok(cuts == 0, "a headline of long German words is never cut inside a word "
		    "that fits the measure");
		ok(cases >= 8 && bad == 0 && bal >= cases / 2,
		    "headlines: %zu set in 2+ lines, none with a last line longer than those above, "
		    "%zu balanced narrower than the measure", cases, bal);
	}

	/* All capitals (issue 18): long words that read as words hyphenate,
	 * acronyms stay whole, and the words are tracked by at most 3% of
	 * their width (their boxes stretch and shrink by 3%, not 2%). */
	set(&f, t, "THERE IS NO WARRANTY FOR THE PROGRAM, TO THE EXTENT PERMITTED BY APPLICABLE "
	    "LAW. EXCEPT WHEN OTHERWISE STATED IN WRITING THE COPYRIGHT HOLDERS AND/OR OTHER "
	    "PARTIES PROVIDE THE PROGRAM “AS IS” WITHOUT WARRANTY OF ANY KIND, EITHER EXPRESSED "
	    "OR IMPLIED, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY "
	    "AND FITNESS FOR A PARTICULAR PURPOSE, AS NASA AND UNESCO AND THE NAACP SAY. THE "
	    "ENTIRE RISK AS TO THE QUALITY AND PERFORMANCE OF THE PROGRAM IS WITH YOU.", "en", 0, 1,
	    &r);
	{
		const char *txt = buf_str(&r.text);
		double worst = 0;

		for (l = 0, hy = 0; l < r.nlines; l++)
			hy += r.hyphen[l] && !strchr("-/", r.last[l][0]);
		ok(hy >= 1, "capitals: %zu lines end inside a hyphenated capital word", hy);
		ok(strstr(txt, "NASA") && strstr(txt, "UNESCO") && strstr(txt, "NAACP"),
		    "capitals: NASA, UNESCO and NAACP are never broken (%s)", txt);
		for (l = 0, bad = 0; l < r.pa.nitems; l++) {
			int c = r.pa.ipos[l];

			/* (a one-letter word is not tracked: "A") */
			if (r.pa.items[l].kind == LB_BOX && r.pa.items[l].width > 0 &&
			    c + 1 < r.nchars && r.cp[c + 1] != ' ' &&
			    fabs(r.pa.items[l].stretch - 0.03 * r.pa.items[l].width) > 1e-9)
				bad++;
		}
		ok(bad == 0, "capitals: every word box stretches and shrinks by 3%% (%zu do not)", bad);
		for (l = 0; l + 1 < r.nlines; l++)
			if (r.nat[l] > 0 && fabs(r.adv[l] / r.nat[l] - 1) > worst)
				worst = fabs(r.adv[l] / r.nat[l] - 1);
		ok(worst > 0.001 && worst <= 0.03 + 1e-4,
		    "capitals: each line's letters tracked by at most 3%% (%.4f)", worst);
	}
	result_free(&r);

	/* Margin kerning (issue 18): the share of a character's width that
	 * hangs, as microtype's default set */
	ok(pdf_para_protrusion('-', 0) == 0.5 && pdf_para_protrusion('.', 0) == 0.7 &&
	    pdf_para_protrusion(',', 0) == 0.5 && pdf_para_protrusion(0x201c, 1) == 0.4 &&
	    pdf_para_protrusion(0x2014, 1) == 0.15 && pdf_para_protrusion('-', 1) == 0 &&
	    pdf_para_protrusion('a', 0) == 0 && pdf_para_protrusion('a', 1) == 0,
	    "protrusion: hyphen 0.5, stop 0.7, comma 0.5, quote 0.4, em dash 0.15 of their widths; "
	    "none for letters or a hyphen at a line's start");
	/* on a paragraph: a line ending in a hyphen runs past the measure by
	 * half the hyphen's width, one ending in a stop or a comma by its
	 * share, one starting with a quotation mark begins left of the
	 * margin; the rest stay flush */
	protrude = 1;
	set(&f, t, "“The Foreign Office has shocked cross-party opponents of the Chinese treatment, "
	    "revealing that it has asked the Xinjiang governor for talks. MPs belonging to the "
	    "inter-parliamentary alliance on China called it incomprehensible that anybody within "
	    "government would think it appropriate to meet with someone who has played a central "
	    "role in the persecution of Uyghurs, crimes our own parliament has declared to be "
	    "genocide. “Parliament voted two years ago to declare the treatment of the Uyghur "
	    "Muslims as a genocide,” but the Foreign Office has always resisted this description, "
	    "saying only an appropriate court could determine whether it amounted to genocide.",
	    "en", 0, 1, &r);
	protrude = 0;
	{
		size_t hung = 0, hy_hung = 0;

		for (l = 0, bad = 0; l + 1 < r.nlines; l++) {
			const struct pdf_line *ln = &r.pa.lines[l];
			double want = MEASURE + ln->rhang;

			if (fabs(r.maxx[l] - want) > 0.1 || fabs(r.minx[l] + ln->lhang) > 0.1) {
				bad++;
				printf("# line %zu: %.2f..%.2f, hangs %.2f %.2f\n", l, r.minx[l],
				    r.maxx[l], ln->lhang, ln->rhang);
			}
			if (ln->hyphen && r.pa.items[ln->i1].width > 0) {
				hy_hung++;
				bad += fabs(ln->rhang - 0.5 * r.pa.items[ln->i1].width) > 1e-9;
			}
			hung += ln->rhang > 0 || ln->lhang > 0;
			if (ln->rhang == 0 && ln->lhang == 0 && r.last[l][0] != '\0' &&
			    strchr(".,-", r.last[l][0]))
				bad++;	/* punctuation that should have hung */
		}
		ok(bad == 0 && hung >= 2 && r.pa.lines[0].lhang > 0,
		    "protrusion: %zu of %zu lines hang into a margin (%zu at a hyphen, by half its "
		    "width), each by its amount", hung, r.nlines - 1, hy_hung);
	}
	result_free(&r);

	/* empty */
	set(&f, t, "", "en", 0, 1, &r);
	ok(r.nlines <= 1, "an empty paragraph sets without lines (%zu)", r.nlines);
	result_free(&r);

	/* a 2,000-letter word */
	big = xmalloc(2100);
	strcpy(big, "Before ");
	memset(big + 7, 'a', 2000);
	strcpy(big + 2007, " after.");
	set(&f, t, big, "en", 0, 1, &r);
	for (l = 0, bad = 0; l < r.nlines; l++)
		bad += r.maxx[l] > MEASURE + EPS;
	ok(r.nlines > 5 && bad == 0, "a 2,000-letter word is broken inside the measure (%zu lines)",
	    r.nlines);
	result_free(&r);
	free(big);

	pdf_fonts_free(&f);
	theme_free(t);
	return done_testing();
}
