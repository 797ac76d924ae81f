/* The EPUB writer's fonts: which font shows which characters, each font
 * subset to what it shows, the @font-face rules that name them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <fontconfig/fontconfig.h>

#include "model/date.h"
#include "epub_int.h"
#include "model/lang.h"
#include "model/theme.h"
#include "util.h"

/* Style bits while walking the text. */
enum { S_BOLD = 1, S_ITALIC = 2, S_MONO = 4 };

/* A language whose script the body font lacks, with its own font. */
struct langfont {
	char		 tag[12];	/* "zh", "ja", "ar" */
	enum script	 script;	/* what it is for: lang_script(tag) */
	char		*file[2];	/* regular, bold (NULL: none found) */
	int		 index[2];
	uint8_t		*cps[2];	/* regular: all its text; bold: bold text */
};

/* A font that shows characters no other embedded font has. */
struct symfont {
	char		*file;
	int		 index;
	FcCharSet	*cs;
	uint8_t		*cps;
};

/* At most this many symbol fonts; characters beyond them are warned of. */
#define MAX_SYMFONTS 8

struct fonts {
	struct epub	*e;
	char		*body[STYLE_N];
	int		 body_index[STYLE_N];
	char		*head[2];		/* the theme's heading family, when not the body's */
	int		 head_index[2];
	char		*mono;
	int		 mono_index;
	uint8_t		*cps_body;	/* every character, for every body style */
	uint8_t		*cps_mono;
	struct langfont	*lf;
	size_t		 nlf;
	struct langfont	*cur;		/* the language of the text being walked */
	struct symfont	 sym[MAX_SYMFONTS];
	size_t		 nsym;
};

#define SET(bits, cp) ((bits)[(cp) >> 3] |= (uint8_t)(1u << ((cp) & 7)))

/* 1 when CP is in the script language font LF is for, by the table of
 * scripts (model/script.h): Han, kana, Hangul and the CJK forms for
 * Chinese, Japanese and Korean; Arabic for Arabic, Persian, Urdu; … */
static int
script_for(uint32_t cp, const struct langfont *lf)
{
	if (lf->script == SC_NONE)
		return 0;
	if (lf->script == SC_HAN)
		return script_cjk(cp);
	return script_of(cp) == lf->script;
}

/* Mark the characters of S, shown in STYLE, in the fonts that show them. */
static void
add_text(struct fonts *f, const char *s, int style)
{
	if (s == NULL)
		return;
	while (*s) {
		uint32_t cp = (unsigned char)*s < 0x80 ? (unsigned char)*s++ : utf8_next(&s);

		if (cp >= FONTSUB_NCP)
			continue;
		SET(style & S_MONO ? f->cps_mono : f->cps_body, cp);
		if (f->cur) {
			SET(f->cur->cps[0], cp);
			if (style & S_BOLD)
				SET(f->cur->cps[1], cp);
		} else if (f->nlf && cp >= 0x80 && script_of(cp) != SC_LATIN) {
			/* Latin has no language font of its own */
			for (size_t i = 0; i < f->nlf; i++)
				if (script_for(cp, &f->lf[i])) {
					SET(f->lf[i].cps[0], cp);
					if (style & S_BOLD)
						SET(f->lf[i].cps[1], cp);
					break;
				}
		}
	}
}

/* Mark the characters of inlines IN[0..N), styles as the XHTML sets them. */
static void
add_inl(struct fonts *f, const struct inl *in, size_t n, int style)
{
	for (size_t i = 0; i < n; i++) {
		const struct inl *x = &in[i];

		switch (x->type) {
		case INL_TEXT: add_text(f, x->text, style); break;
		case INL_CODE: add_text(f, x->text, style | S_MONO); break;
		case INL_NOTEREF: add_text(f, x->text ? x->text : "*", style); break;
		case INL_EMPH: add_inl(f, x->kids, x->nkids, style | S_ITALIC); break;
		case INL_STRONG: add_inl(f, x->kids, x->nkids, style | S_BOLD); break;
		case INL_KBD: add_inl(f, x->kids, x->nkids, style | S_MONO); break;
		case INL_LINK:
			if (x->nkids)
				add_inl(f, x->kids, x->nkids, style);
			else
				add_text(f, x->href, style);
			break;
		default: add_inl(f, x->kids, x->nkids, style); break;
		}
	}
}

/* Mark the characters of a figure's caption and credit. */
static void
add_image(struct fonts *f, const struct image *im)
{
	if (im == NULL)
		return;
	add_text(f, im->caption, 0);
	add_text(f, im->credit, S_ITALIC);
	if (im->path == NULL)
		add_text(f, im->alt, 0);
}

/* Mark the characters of blocks B[0..N). */
static void
add_blocks(struct fonts *f, const struct block *b, size_t n, int style)
{
	for (size_t i = 0; i < n; i++) {
		const struct block *x = &b[i];
		int st = style;

		if (x->type == BLK_HEADING || (x->type == BLK_CELL && x->header))
			st |= S_BOLD;
		if (x->type == BLK_CODE)
			add_text(f, x->text, S_MONO);
		if (x->type == BLK_FIGURE)
			add_image(f, x->image);
		add_inl(f, x->inl, x->ninl, st);
		add_blocks(f, x->kids, x->nkids, st);
	}
}

/* Walk everything the book shows. */
static void
collect(struct fonts *f)
{
	const struct book *bk = f->e->book;
	const struct words *w = f->e->words;
	const char *ui[] = { w->contents, w->cover, w->titlepage, w->notes, w->start,
	    w->by, w->and_, w->back, w->sep, ", —*0123456789" };
	size_t i, j;

	f->cur = NULL;
	for (i = 0; i < sizeof(ui) / sizeof(ui[0]); i++) {
		add_text(f, ui[i], 0);
		add_text(f, ui[i], S_BOLD);
	}
	add_text(f, bk->title, S_BOLD);
	add_text(f, bk->subtitle, S_ITALIC);
	for (i = 0; i < bk->nauthors; i++)
		add_text(f, bk->authors[i], 0);
	add_text(f, bk->description, 0);
	add_text(f, bk->publisher, 0);
	add_text(f, bk->date, 0);
	for (i = 0; i < bk->narticles; i++) {
		const struct article *a = bk->articles[i];
		char when[64];

		f->cur = NULL;
		for (j = 0; j < f->nlf; j++)
			if (lang_has_prefix(a->lang, f->lf[j].tag))
				f->cur = &f->lf[j];
		{
			const struct words *aw = words_for(a->lang);	/* the byline's words */

			add_text(f, aw->by, 0);
			add_text(f, aw->and_, 0);
			add_text(f, aw->sep, 0);
		}
		add_text(f, a->kicker, 0);
		add_text(f, a->headline, S_BOLD);
		add_text(f, a->headline, 0);	/* the table of contents */
		add_text(f, a->standfirst, 0);
		for (j = 0; j < a->nauthors; j++)
			add_text(f, a->authors[j], S_BOLD);	/* the byline sets them bold */
		add_text(f, a->role, S_ITALIC);
		for (j = 0; a->author_roles && j < a->nauthors; j++)
			add_text(f, a->author_roles[j], S_ITALIC);
		add_text(f, a->dateline, 0);
		add_text(f, a->dateline, S_ITALIC);
		add_text(f, " ()", S_ITALIC);
		add_text(f, date_shown(a->date, a->date_text, a->lang, when, sizeof(when)), 0);
		add_text(f, a->url, 0);
		if (a->url || a->site) {
			add_text(f, a->site, 0);
			add_text(f, words_for(a->lang)->source, 0);
			add_text(f, ": \xe2\x80\x94", 0);
		}
		add_image(f, a->image);
		add_blocks(f, a->blocks, a->nblocks, 0);
		for (j = 0; j < a->nnotes; j++) {
			add_text(f, a->notes[j].label, S_BOLD);
			add_blocks(f, a->notes[j].blocks, a->notes[j].nblocks, 0);
		}
		f->cur = NULL;
	}
}

/* The file of the font fontconfig matches for PATTERN, if its family is
 * FAMILY (or any family when FAMILY is NULL) and it supports LANG (when
 * given): fresh string, *INDEX set. */
static char *
fc_find(const char *family, int weight, int slant, const char *lang, int *index)
{
	FcPattern *p, *m = NULL;
	FcResult r;
	FcChar8 *file = NULL, *fam = NULL;
	FcLangSet *ls = NULL;
	char *ret = NULL;

	p = FcPatternCreate();
	if (family)
		FcPatternAddString(p, FC_FAMILY, (const FcChar8 *)family);
	if (lang)
		FcPatternAddString(p, FC_LANG, (const FcChar8 *)lang);
	FcPatternAddInteger(p, FC_WEIGHT, weight);
	FcPatternAddInteger(p, FC_SLANT, slant);
	FcConfigSubstitute(NULL, p, FcMatchPattern);
	FcDefaultSubstitute(p);
	if ((m = FcFontMatch(NULL, p, &r)) == NULL)
		goto out;
	if (FcPatternGetString(m, FC_FILE, 0, &file) != FcResultMatch)
		goto out;
	if (family && (FcPatternGetString(m, FC_FAMILY, 0, &fam) != FcResultMatch ||
	    strcasecmp((const char *)fam, family) != 0))
		goto out;
	if (lang && (FcPatternGetLangSet(m, FC_LANG, 0, &ls) != FcResultMatch ||
	    FcLangSetHasLang(ls, (const FcChar8 *)lang) == FcLangDifferentLang))
		goto out;
	if (FcPatternGetInteger(m, FC_INDEX, 0, index) != FcResultMatch)
		*index = 0;
	ret = xstrdup((const char *)file);
out:
	if (m)
		FcPatternDestroy(m);
	FcPatternDestroy(p);
	return ret;
}

/* The languages the font FILE (face INDEX) covers, per fontconfig: a copy
 * the caller destroys, or NULL. */
static FcLangSet *
langs_of(const char *file, int index)
{
	FcPattern *p;
	FcLangSet *ls, *ret = NULL;
	int n;

	if (file == NULL)
		return NULL;
	if ((p = FcFreeTypeQuery((const FcChar8 *)file, (unsigned int)index, NULL, &n)) == NULL)
		return NULL;
	if (FcPatternGetLangSet(p, FC_LANG, 0, &ls) == FcResultMatch)
		ret = FcLangSetCopy(ls);
	FcPatternDestroy(p);
	return ret;
}

/* The fontconfig language and preferred family for language TAG. */
static const char *
lang_family(const char *lang, char *tag, size_t tagsz, const char **fclang)
{
	static const struct { const char *pre, *tag, *fclang, *family; } tab[] = {
		{ "zh-Hant", "zh-Hant", "zh-tw", "Noto Serif CJK TC" },
		{ "zh-TW", "zh-Hant", "zh-tw", "Noto Serif CJK TC" },
		{ "zh-HK", "zh-Hant", "zh-hk", "Noto Serif CJK HK" },
		{ "zh", "zh", "zh-cn", "Noto Serif CJK SC" },
		{ "ja", "ja", "ja", "Noto Serif CJK JP" },
		{ "ko", "ko", "ko", "Noto Serif CJK KR" },
		{ "ar", "ar", "ar", "Noto Naskh Arabic" },
		{ "fa", "fa", "fa", "Noto Naskh Arabic" },
		{ "ur", "ur", "ur", "Noto Nastaliq Urdu" },
		{ "he", "he", "he", "Noto Serif Hebrew" },
	};
	size_t i, n;

	for (i = 0; i < sizeof(tab) / sizeof(tab[0]); i++) {
		if (lang_has_prefix(lang, tab[i].pre)) {
			snprintf(tag, tagsz, "%s", tab[i].tag);
			*fclang = tab[i].fclang;
			return tab[i].family;
		}
	}
	n = strcspn(lang, "-");
	snprintf(tag, tagsz, "%.*s", (int)(n < tagsz - 1 ? n : tagsz - 1), lang);
	*fclang = tag;
	return NULL;
}

/* Find the fonts: the theme's, else Charis SIL, else nothing embedded. */
static void
find_fonts(struct fonts *f)
{
	const struct theme *th = f->e->theme;
	const struct book *bk = f->e->book;
	static const int weight[STYLE_N] = { FC_WEIGHT_REGULAR, FC_WEIGHT_BOLD,
	    FC_WEIGHT_REGULAR, FC_WEIGHT_BOLD };
	static const int slant[STYLE_N] = { FC_SLANT_ROMAN, FC_SLANT_ROMAN,
	    FC_SLANT_ITALIC, FC_SLANT_ITALIC };
	FcLangSet *body_langs;
	size_t i, j;

	for (int s = 0; s < STYLE_N; s++) {
		if (th && th->file[FONT_BODY][s]) {
			f->body[s] = xstrdup(th->file[FONT_BODY][s]);
			f->body_index[s] = th->index[FONT_BODY][s];
		} else
			f->body[s] = fc_find(th && th->family[FONT_BODY] ? th->family[FONT_BODY] :
			    "Charis SIL", weight[s], slant[s], NULL, &f->body_index[s]);
	}
	if (th && th->family[FONT_HEADING] && th->family[FONT_BODY] &&
	    strcasecmp(th->family[FONT_HEADING], th->family[FONT_BODY]) != 0)
		for (int s = 0; s < 2; s++)
			if (th->file[FONT_HEADING][s]) {
				f->head[s] = xstrdup(th->file[FONT_HEADING][s]);
				f->head_index[s] = th->index[FONT_HEADING][s];
			}
	if (f->e->has_code) {
		if (th && th->file[FONT_MONO][STYLE_REGULAR]) {
			f->mono = xstrdup(th->file[FONT_MONO][STYLE_REGULAR]);
			f->mono_index = th->index[FONT_MONO][STYLE_REGULAR];
		} else if ((f->mono = fc_find("Noto Sans Mono", FC_WEIGHT_REGULAR, FC_SLANT_ROMAN,
		    NULL, &f->mono_index)) == NULL)
			f->mono = fc_find("DejaVu Sans Mono", FC_WEIGHT_REGULAR, FC_SLANT_ROMAN,
			    NULL, &f->mono_index);
	}
	/* A font for each language the body font cannot show. */
	body_langs = langs_of(f->body[0], f->body_index[0]);
	for (i = 0; i < bk->narticles; i++) {
		const char *lang = bk->articles[i]->lang, *fclang, *family;
		char tag[12];
		struct langfont *lf;

		if (lang == NULL)
			continue;
		family = lang_family(lang, tag, sizeof(tag), &fclang);
		for (j = 0; j < f->nlf; j++)
			if (strcmp(f->lf[j].tag, tag) == 0)
				break;
		if (j < f->nlf || (body_langs &&
		    FcLangSetHasLang(body_langs, (const FcChar8 *)fclang) != FcLangDifferentLang))
			continue;
		f->lf = xrealloc(f->lf, (f->nlf + 1) * sizeof(*f->lf));
		lf = &f->lf[f->nlf++];
		memset(lf, 0, sizeof(*lf));
		snprintf(lf->tag, sizeof(lf->tag), "%s", tag);
		lf->script = lang_script(lang);
		for (int b = 0; b < 2; b++) {
			int w = b ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR;

			if (th)
				lf->file[b] = theme_font_for_lang(th, lang, b, &lf->index[b]);
			if (lf->file[b] == NULL && family)
				lf->file[b] = fc_find(family, w, FC_SLANT_ROMAN, NULL, &lf->index[b]);
			if (lf->file[b] == NULL)
				lf->file[b] = fc_find(NULL, w, FC_SLANT_ROMAN, fclang, &lf->index[b]);
			lf->cps[b] = xcalloc(FONTSUB_NCP / 8, 1);
		}
		/* A bold face that is the regular one again adds nothing. */
		if (lf->file[1] && lf->file[0] && strcmp(lf->file[0], lf->file[1]) == 0 &&
		    lf->index[0] == lf->index[1]) {
			free(lf->file[1]);
			lf->file[1] = NULL;
		}
	}
	if (body_langs)
		FcLangSetDestroy(body_langs);
}

/* Subset FILE to CPS and add it as fonts/NAME; append its @font-face. */
static int
embed(struct fonts *f, struct buf *css, const char *file, int index, const uint8_t *cps,
    const char *family, const char *name, int bold, int italic)
{
	char *data, *item, *id;
	size_t len, i;
	int cff;

	for (i = 0; i < FONTSUB_NCP / 8 && cps[i] == 0; i++)
		;
	if (file == NULL || i == FONTSUB_NCP / 8)
		return 0;
	if (fontsub_subset(file, index, cps, &data, &len, &cff) < 0)
		return -1;
	item = xprintf("fonts/%s.%s", name, cff ? "otf" : "ttf");
	id = xprintf("font-%s", name);
	epub_add(f->e, item, id, cff ? "font/otf" : "font/ttf", data, len, 0);
	buf_printf(css, "@font-face {\n  font-family: \"%s\";\n  font-weight: %s;\n"
	    "  font-style: %s;\n  src: url(\"../%s\");\n}\n", family,
	    bold ? "bold" : "normal", italic ? "italic" : "normal", item);
	free(item);
	free(id);
	return 0;
}

/* The characters FILE's face INDEX has, or NULL: fresh. */
static FcCharSet *
charset_of(const char *file, int index)
{
	FcPattern *p;
	FcCharSet *cs, *ret = NULL;
	int n;

	if (file == NULL)
		return NULL;
	if ((p = FcFreeTypeQuery((const FcChar8 *)file, (unsigned int)index, NULL, &n)) == NULL)
		return NULL;
	if (FcPatternGetCharSet(p, FC_CHARSET, 0, &cs) == FcResultMatch)
		ret = FcCharSetCopy(cs);
	FcPatternDestroy(p);
	return ret;
}

/* 1 when CP needs no glyph: controls, spaces a reader lays out itself,
 * joiners and marks of direction. */
static int
needs_no_glyph(uint32_t cp)
{
	return cp < 0x21 || (cp >= 0x7f && cp <= 0xa0) || cp == 0xad ||
	    (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x2028 && cp <= 0x202e) ||
	    (cp >= 0x2060 && cp <= 0x206f) || cp == 0xfeff || (cp >= 0xfe00 && cp <= 0xfe0f);
}

/* The symbol font that shows CP, found once through fontconfig and kept in
 * F (up to MAX_SYMFONTS of them), or NULL when no installed font has it. */
static struct symfont *
symfont_for(struct fonts *f, uint32_t cp)
{
	FcPattern *pat, *m;
	FcCharSet *want;
	FcResult res;
	FcChar8 *file = NULL;
	struct symfont *sf = NULL;
	size_t i;
	int idx = 0;

	for (i = 0; i < f->nsym; i++)
		if (FcCharSetHasChar(f->sym[i].cs, cp))
			return &f->sym[i];
	if (f->nsym == MAX_SYMFONTS)
		return NULL;
	pat = FcPatternCreate();
	want = FcCharSetCreate();
	FcCharSetAddChar(want, cp);
	FcPatternAddCharSet(pat, FC_CHARSET, want);
	FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)"serif");
	FcConfigSubstitute(NULL, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	m = FcFontMatch(NULL, pat, &res);
	if (m && FcPatternGetString(m, FC_FILE, 0, &file) == FcResultMatch) {
		FcCharSet *cs;

		if (FcPatternGetInteger(m, FC_INDEX, 0, &idx) != FcResultMatch)
			idx = 0;
		cs = charset_of((const char *)file, idx);
		if (cs && FcCharSetHasChar(cs, cp)) {
			sf = &f->sym[f->nsym++];
			sf->file = xstrdup((const char *)file);
			sf->index = idx;
			sf->cs = cs;
			sf->cps = xcalloc(FONTSUB_NCP / 8, 1);
		} else if (cs)
			FcCharSetDestroy(cs);
	}
	if (m)
		FcPatternDestroy(m);
	FcCharSetDestroy(want);
	FcPatternDestroy(pat);
	return sf;
}

/* Whether some language font of F was given CP. */
static int
in_langfont(const struct fonts *f, uint32_t cp)
{
	for (size_t i = 0; i < f->nlf; i++)
		if (f->lf[i].file[0] && (f->lf[i].cps[0][cp >> 3] & (1u << (cp & 7))))
			return 1;
	return 0;
}

/* Name in one warning per article the characters in MISSING (N of them)
 * that no installed font has and that the article shows. */
static void
warn_missing(const struct book *bk, const uint32_t *missing, size_t n)
{
	struct buf w = {0}, t = {0}, u = {0};
	size_t i, j, k, shown;

	for (i = 0; i < bk->narticles; i++) {
		const struct article *a = bk->articles[i];

		buf_reset(&t);
		buf_reset(&w);
		buf_printf(&t, "%s\n%s\n%s\n", a->kicker ? a->kicker : "",
		    a->headline ? a->headline : "", a->standfirst ? a->standfirst : "");
		for (j = 0; j < a->nblocks; j++)
			block_text(&t, &a->blocks[j]);
		for (j = 0; j < a->nnotes; j++)
			for (k = 0; k < a->notes[j].nblocks; k++)
				block_text(&t, &a->notes[j].blocks[k]);
		for (k = shown = 0; k < n; k++) {
			buf_reset(&u);
			utf8_put(&u, missing[k]);
			if (strstr(buf_str(&t), buf_str(&u)) == NULL)
				continue;
			if (shown++ < 12)
				buf_printf(&w, "%sU+%04X %s", shown > 1 ? ", " : "",
				    (unsigned)missing[k], buf_str(&u));
		}
		if (shown > 12)
			buf_printf(&w, " and %zu more", shown - 12);
		if (shown)
			warn_at(a->source, 0, "EPUB: no installed font has %s: they show as "
			    "boxes on a reader without such a font", buf_str(&w));
	}
	buf_free(&w);
	buf_free(&t);
	buf_free(&u);
}

/* Give what no embedded font shows (in CPS, shown by the font with
 * charset HAVE) to symbol fonts, and warn of what none has. */
static void
find_symbols(struct fonts *f, const uint8_t *cps, FcCharSet *have)
{
	uint32_t *missing = NULL;
	size_t nmissing = 0;

	for (uint32_t cp = 0; cp < FONTSUB_NCP; cp++) {
		struct symfont *sf;

		if (cps[cp >> 3] == 0) {
			cp |= 7;
			continue;
		}
		if (!(cps[cp >> 3] & (1u << (cp & 7))) || needs_no_glyph(cp) ||
		    (have && FcCharSetHasChar(have, cp)) || in_langfont(f, cp))
			continue;
		if ((sf = symfont_for(f, cp)) != NULL) {
			SET(sf->cps, cp);
		} else {
			missing = xrealloc(missing, (nmissing + 1) * sizeof(*missing));
			missing[nmissing++] = cp;
		}
	}
	if (nmissing)
		warn_missing(f->e->book, missing, nmissing);
	free(missing);
}

/* Embed the symbol fonts, each a family of its own, and set the CSS list
 * of their names in E->fallbacks. Return 0, or -1 with the error set. */
static int
embed_symbols(struct fonts *f, struct buf *css)
{
	struct buf names = {0};

	for (size_t i = 0; i < f->nsym; i++) {
		char *family = xprintf("mkbook-sym%zu", i + 1);
		char *name = xprintf("symbols-%zu", i + 1);
		int r = embed(f, css, f->sym[i].file, f->sym[i].index, f->sym[i].cps, family,
		    name, 0, 0);

		buf_printf(&names, "%s\"%s\"", i ? ", " : "", family);
		free(family);
		free(name);
		if (r < 0) {
			buf_free(&names);
			return -1;
		}
	}
	free(f->e->fallbacks);
	f->e->fallbacks = names.len ? buf_detach(&names) : NULL;
	buf_free(&names);
	return 0;
}

char *
epub_fonts(struct epub *e)
{
	static const char *style_name[STYLE_N] = { "regular", "bold", "italic", "bolditalic" };
	struct fonts f = {0};
	struct buf css = {0}, lang = {0};
	char *ret = NULL;
	size_t i;

	FcInit();
	f.e = e;
	find_fonts(&f);
	f.cps_body = xcalloc(FONTSUB_NCP / 8, 1);
	f.cps_mono = xcalloc(FONTSUB_NCP / 8, 1);
	collect(&f);
	{
		FcCharSet *body = charset_of(f.body[0], f.body_index[0]);
		FcCharSet *mono = charset_of(f.mono, f.mono_index);

		find_symbols(&f, f.cps_body, body);
		if (f.mono)
			find_symbols(&f, f.cps_mono, mono);
		if (body)
			FcCharSetDestroy(body);
		if (mono)
			FcCharSetDestroy(mono);
	}

	BUF_PUTSL(&css, "/* Fonts embedded by mkbook, subset to the characters this book uses. */\n");
	for (int s = 0; s < STYLE_N; s++) {
		char *name = xprintf("body-%s", style_name[s]);
		int r = embed(&f, &css, f.body[s], f.body_index[s], f.cps_body, "mkbook-body",
		    name, s == STYLE_BOLD || s == STYLE_BOLDITALIC,
		    s == STYLE_ITALIC || s == STYLE_BOLDITALIC);

		free(name);
		if (r < 0)
			goto out;
	}
	for (int s = 0; s < 2; s++)
		if (f.head[s] && embed(&f, &css, f.head[s], f.head_index[s], f.cps_body,
		    "mkbook-heading", s ? "heading-bold" : "heading-regular", s, 0) < 0)
			goto out;
	if (f.mono && embed(&f, &css, f.mono, f.mono_index, f.cps_mono, "mkbook-mono",
	    "mono-regular", 0, 0) < 0)
		goto out;
	for (i = 0; i < f.nlf; i++) {
		struct langfont *lf = &f.lf[i];
		char *family = xprintf("mkbook-%s", lf->tag);
		int r = 0;

		for (int b = 0; b < 2 && r == 0; b++) {
			char *name = xprintf("%s-%s", lf->tag, b ? "bold" : "regular");

			r = embed(&f, &css, lf->file[b], lf->index[b], lf->cps[b], family, name, b, 0);
			free(name);
		}
		/* Text in this language: its font first, the body's for the rest. */
		if (lf->file[0])
			buf_printf(&lang, "*:lang(%s) {\n  font-family: \"%s\", \"mkbook-body\", serif;\n}\n"
			    "code:lang(%s), pre:lang(%s), kbd:lang(%s) {\n"
			    "  font-family: \"mkbook-mono\", \"%s\", monospace;\n}\n",
			    lf->tag, family, lf->tag, lf->tag, lf->tag, family);
		free(family);
		if (r < 0)
			goto out;
	}
	if (embed_symbols(&f, &css) < 0)
		goto out;
	if (lang.len) {
		BUF_PUTSL(&css, "/*@LANG@*/\n");
		buf_put(&css, lang.data, lang.len);
	}
	ret = buf_detach(&css);
out:
	buf_free(&css);
	buf_free(&lang);
	for (int s = 0; s < STYLE_N; s++)
		free(f.body[s]);
	free(f.head[0]);
	free(f.head[1]);
	free(f.mono);
	for (i = 0; i < f.nlf; i++)
		for (int b = 0; b < 2; b++) {
			free(f.lf[i].file[b]);
			free(f.lf[i].cps[b]);
		}
	free(f.lf);
	for (i = 0; i < f.nsym; i++) {
		free(f.sym[i].file);
		free(f.sym[i].cps);
		FcCharSetDestroy(f.sym[i].cs);
	}
	free(f.cps_body);
	free(f.cps_mono);
	return ret;
}
