/*
 * Fonts for the typesetter: one Pango font map and one context for the whole
 * run (a font map per paragraph is ~7x slower), 72 dpi so that one Pango
 * point is one PDF point, no hinting and no rounding of glyph positions.
 * Families come from the theme; the theme's fallback families are listed
 * after the body family, those that cover the article's language first, so
 * Arabic and CJK text never falls to a missing-glyph box.
 */
#include <stdlib.h>
#include <string.h>

#include <fontconfig/fontconfig.h>

#include "model/lang.h"
#include "typo/hyph.h"
#include "util.h"
#include "pdf_int.h"

struct pdf_hycache {
	PangoFont	*font;
	PangoGlyphString *gs;
};

/* Return 1 when some face of FAMILY covers language LANG. */
static int
family_covers(const char *family, const char *lang)
{
	FcPattern *pat = FcPatternCreate();
	FcLangSet *ls = FcLangSetCreate();
	FcObjectSet *os = FcObjectSetBuild(FC_FAMILY, NULL);
	FcFontSet *fs;
	int ok;

	FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
	FcLangSetAdd(ls, (const FcChar8 *)lang);
	FcPatternAddLangSet(pat, FC_LANG, ls);
	fs = FcFontList(NULL, pat, os);
	ok = fs && fs->nfont > 0;
	if (fs)
		FcFontSetDestroy(fs);
	FcObjectSetDestroy(os);
	FcLangSetDestroy(ls);
	FcPatternDestroy(pat);
	return ok;
}

/* Rebuild the family lists and descriptions for the current language. */
static void
build_descs(struct pdf_fonts *f)
{
	const struct theme *t = f->theme;
	struct buf b = {0};
	int r, s;
	size_t i, pass;

	for (r = 0; r < FONT_NROLES; r++) {
		/* Chinese, Japanese and Korean text takes its punctuation (full
		 * width “quotes”) and Latin letters from the CJK face, as the
		 * EPUB's style sheet does: the covering fallbacks come first */
		int cjk = r != FONT_MONO && f->lang && (lang_has_prefix(f->lang, "zh") ||
		    lang_has_prefix(f->lang, "ja") || lang_has_prefix(f->lang, "ko"));

		buf_reset(&b);
		if (!cjk)
			buf_puts(&b, t->family[r]);
		/* fallbacks covering the language first (the one made for its
		 * region before the others: JP for Japanese), then the rest */
		for (pass = 0; pass < 3; pass++) {
			for (i = 0; i < t->nfallback; i++) {
				int cov = f->lang && family_covers(t->fallback[i], f->lang);
				int rank = !cov ? 2 : theme_family_regional(t->fallback[i], f->lang) ? 0 : 1;

				if (rank != (int)pass)
					continue;
				if (b.len)
					buf_putc(&b, ',');
				buf_puts(&b, t->fallback[i]);
			}
			if (pass == 1 && cjk) {
				if (b.len)
					buf_putc(&b, ',');
				buf_puts(&b, t->family[r]);
			}
		}
		free(f->families[r]);
		f->families[r] = xstrdup(buf_str(&b));
		for (s = 0; s < STYLE_N; s++) {
			PangoFontDescription *d = pango_font_description_new();

			pango_font_description_set_family(d, f->families[r]);
			pango_font_description_set_weight(d,
			    s == STYLE_BOLD || s == STYLE_BOLDITALIC ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
			pango_font_description_set_style(d,
			    s == STYLE_ITALIC || s == STYLE_BOLDITALIC ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
			pango_font_description_set_size(d, (int)(t->size * PANGO_SCALE));
			if (f->desc[r][s])
				pango_font_description_free(f->desc[r][s]);
			f->desc[r][s] = d;
		}
	}
	buf_free(&b);
}

int
pdf_fonts_init(struct pdf_fonts *f, const struct theme *t)
{
	cairo_font_options_t *fo;

	memset(f, 0, sizeof(*f));
	f->theme = t;
	f->map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
	if (f->map == NULL)
		return err_set(NULL, 0, "pango: no FreeType font map");
	f->ctx = pango_font_map_create_context(f->map);
	pango_cairo_context_set_resolution(f->ctx, 72);
	pango_context_set_round_glyph_positions(f->ctx, FALSE);
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	pango_cairo_context_set_font_options(f->ctx, fo);
	cairo_font_options_destroy(fo);
	build_descs(f);
	return 0;
}

void
pdf_fonts_lang(struct pdf_fonts *f, const char *lang)
{
	if ((f->lang == NULL && lang == NULL) || (f->lang && lang && strcmp(f->lang, lang) == 0))
		return;
	free(f->lang);
	f->lang = xstrdup(lang);
	f->plang = pango_language_from_string(lang ? lang : "en");
	build_descs(f);
}

const PangoGlyphString *
pdf_fonts_hyphen(struct pdf_fonts *f, const PangoAnalysis *a)
{
	PangoAnalysis an = *a;
	size_t i;

	for (i = 0; i < f->nhy; i++)
		if (f->hy[i].font == a->font)
			return f->hy[i].gs;
	ARRAY_GROW(f->hy, f->nhy, f->caphy);
	f->hy[f->nhy].font = g_object_ref(a->font);
	f->hy[f->nhy].gs = pango_glyph_string_new();
	an.level = 0;
	an.gravity = PANGO_GRAVITY_SOUTH;
	an.flags = 0;
	an.extra_attrs = NULL;
	pango_shape_with_flags("-", 1, "-", 1, &an, f->hy[f->nhy].gs, PANGO_SHAPE_NONE);
	return f->hy[f->nhy++].gs;
}

void
pdf_fonts_free(struct pdf_fonts *f)
{
	size_t i;
	int r, s;

	hy_cache_free(f->words);
	f->words = NULL;
	for (i = 0; i < f->nhy; i++) {
		g_object_unref(f->hy[i].font);
		pango_glyph_string_free(f->hy[i].gs);
	}
	free(f->hy);
	for (r = 0; r < FONT_NROLES; r++) {
		free(f->families[r]);
		for (s = 0; s < STYLE_N; s++)
			if (f->desc[r][s])
				pango_font_description_free(f->desc[r][s]);
	}
	free(f->lang);
	if (f->ctx)
		g_object_unref(f->ctx);
	if (f->map)
		g_object_unref(f->map);
	memset(f, 0, sizeof(*f));
}
