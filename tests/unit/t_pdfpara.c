/* The PDF paragraph setter with the real fonts: shaped paragraph in, lines
 * out. Justified lines fill the measure exactly, no line runs past it (a
 * hyphenated line included, hyphen and all), the words come back in order,
 * right-to-left lines end at the right edge, Japanese breaks between
 * characters without a line starting with closing punctuation, an empty
 * paragraph gives no line and an overlong word is still set inside the
 * measure. Run from the repository's top (the theme is templates/default). */
#include <stdlib.h>
#include <string.h>

#include "../tap.h"
#include "util.h"
#include "options.h"
#include "theme.h"
#include "pdf_int.h"

#define MEASURE 300.0
#define EPS 0.05

struct result {
	size_t	 nlines;
	double	 minx[512], maxx[512];
	int	 hyphen[512];
	char	*first[512];	/* first character(s) of each line */
	struct buf text;	/* the lines' texts, joined by "|" */
};

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

/* Set TEXT at MEASURE and collect each line's extent and text. */
static void
set(struct pdf_fonts *f, const struct theme *t, const char *text, const char *lang, int rtl,
    int hyphenate, struct result *r)
{
	struct pdf_shaped sp;
	struct pdf_para pa;
	struct pdf_style st;
	struct pdf_parfmt fmt = {.width = MEASURE, .align = PA_JUSTIFY, .hyphenate = hyphenate};
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
		pdf_dl_free(&dl);
	}
	pdf_para_free(&pa);
	pdf_shaped_free(&sp);
}

static void
result_free(struct result *r)
{
	size_t l;

	for (l = 0; l < r->nlines; l++)
		free(r->first[l]);
	buf_free(&r->text);
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
	struct options opt;
	struct theme *t;
	struct pdf_fonts f;
	struct result r;
	size_t l, bad, hy;
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
