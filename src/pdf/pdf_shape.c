/*
 * Shaping: a paragraph's text and style spans, itemized and shaped once
 * (pango_itemize + pango_shape_with_flags, no position rounding). Widths
 * for the line breaker come from these glyphs and the lines are drawn from
 * the same glyphs, so what is measured is what is printed.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "model/script.h"
#include "pdf_int.h"

void
pdf_shaped_init(struct pdf_shaped *sp, const char *lang, int rtl)
{
	memset(sp, 0, sizeof(*sp));
	sp->lang = lang;
	sp->rtl = rtl;
}

/* Return 1 when styles A and B look and link the same. */
static int
same_style(const struct pdf_style *a, const struct pdf_style *b)
{
	return a->role == b->role && a->style == b->style && a->size == b->size &&
	    a->rise == b->rise && a->rgb == b->rgb && a->href == b->href &&
	    a->dest == b->dest && a->note == b->note && a->nohyph == b->nohyph &&
	    a->strike == b->strike && a->mark == b->mark && a->img == NULL && b->img == NULL &&
	    a->lang == b->lang;
}

void
pdf_shaped_add(struct pdf_shaped *sp, const char *s, size_t n, const struct pdf_style *st)
{
	struct pdf_span *last = sp->nspans ? &sp->spans[sp->nspans - 1] : NULL;

	if (n == 0)
		return;
	if (last && last->end == sp->text.len && same_style(&last->st, st)) {
		buf_put(&sp->text, s, n);
		last->end = sp->text.len;
		return;
	}
	ARRAY_GROW(sp->spans, sp->nspans, sp->capspans);
	sp->spans[sp->nspans].start = sp->text.len;
	buf_put(&sp->text, s, n);
	sp->spans[sp->nspans].end = sp->text.len;
	sp->spans[sp->nspans].st = *st;
	sp->nspans++;
}

const struct pdf_span *
pdf_shaped_span(const struct pdf_shaped *sp, size_t b)
{
	size_t lo = 0, hi = sp->nspans;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (sp->spans[mid].end <= b)
			lo = mid + 1;
		else if (sp->spans[mid].start > b)
			hi = mid;
		else
			return &sp->spans[mid];
	}
	return sp->nspans ? &sp->spans[sp->nspans - 1] : NULL;
}

/* Warn once per character that no font has a glyph for C. */
static void
missing(struct pdf_fonts *f, gunichar c)
{
	static gunichar seen[64];
	static size_t nseen;
	static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;	/* -j: workers */
	size_t i;

	if (c == 0x2028 || c == '\n' || c == '\t' || g_unichar_iszerowidth(c))
		return;
	pthread_mutex_lock(&mu);
	for (i = 0; i < nseen && seen[i] != c; i++)
		;
	if (i < nseen || nseen == sizeof(seen) / sizeof(seen[0])) {
		pthread_mutex_unlock(&mu);
		return;
	}
	seen[nseen++] = c;
	warn_at(NULL, 0, "PDF: no font has a glyph for U+%04X (%s); install a font that covers it",
	    (unsigned)c, f->lang ? f->lang : "und");
	pthread_mutex_unlock(&mu);
}

/* Return 1 when TEXT needs no more than spaces and hyphens to find its
 * line breaks: scripts before Hebrew (Latin, Greek, Cyrillic …) and
 * general punctuation; no CJK, no Thai, no complex scripts. */
static int
simple_breaks(const char *text)
{
	const unsigned char *p = (const unsigned char *)text;

	for (; *p; p++)
		if (*p >= 0xd6) {	/* a lead byte of U+0590 and up */
			gunichar c = g_utf8_get_char((const char *)p);

			if (!(c >= 0x1e00 && c < 0x2e80) || c == 0x2028)
				return 0;
		}
	return 1;
}

/* Line-break opportunities for simple text (see simple_breaks): after a
 * hyphen or a dash between letters; spaces are the setter's business. */
static void
fast_breaks(struct pdf_shaped *sp)
{
	gunichar prev2 = 0, prev = 0;
	int c;

	memset(sp->attrs, 0, (size_t)(sp->nchars + 1) * sizeof(*sp->attrs));
	for (c = 0; c <= sp->nchars; c++) {
		gunichar ch = sp->cp[c];

		if (c > 1 && (prev == '-' || prev == 0x2010 || prev == 0x2013 || prev == 0x2014) &&
		    g_unichar_isalnum(prev2) && g_unichar_isalpha(ch))
			sp->attrs[c].is_line_break = 1;
		prev2 = prev;
		prev = ch;
	}
	sp->attrs[sp->nchars].is_line_break = 1;
}

/* In the italic span TEXT[START, END), set the runs of scripts without an
 * italic (and the spaces and punctuation between their letters) upright:
 * the emphasis of such text is left to the words, as the EPUB's readers
 * do with a real face. Adds style attributes to AL. */
static void
upright(PangoAttrList *al, const char *text, size_t start, size_t end)
{
	const char *p = text + start, *e = text + end, *from = NULL, *last = NULL;

	while (p < e) {
		const char *q = g_utf8_next_char(p);
		/* the table of scripts says which have no italic */
		enum script sc = script_of(g_utf8_get_char(p));

		if (script_no_italic(sc)) {
			if (from == NULL)
				from = p;
			last = q;
		} else if (sc != SC_NONE && from != NULL) {
			PangoAttribute *a = pango_attr_style_new(PANGO_STYLE_NORMAL);

			a->start_index = (guint)(from - text);
			a->end_index = (guint)(last - text);
			pango_attr_list_insert(al, a);
			from = NULL;
		}
		p = q;
	}
	if (from != NULL) {
		PangoAttribute *a = pango_attr_style_new(PANGO_STYLE_NORMAL);

		a->start_index = (guint)(from - text);
		a->end_index = (guint)(last - text);
		pango_attr_list_insert(al, a);
	}
}

void
pdf_shape(struct pdf_fonts *f, struct pdf_shaped *sp)
{
	const char *text = buf_str(&sp->text);
	int len = (int)sp->text.len, c, *b2c;
	PangoAttrList *al = pango_attr_list_new();
	PangoLanguage *pl = pango_language_from_string(sp->lang ? sp->lang : "en");
	GList *items, *it;
	const char *p;
	size_t i, r;

	/* style spans to attributes */
	for (i = 0; i < sp->nspans; i++) {
		const struct pdf_style *st = &sp->spans[i].st;
		PangoFontDescription *d = f->desc[st->role][st->style];
		PangoAttribute *a;
		int sz = (int)(st->size * PANGO_SCALE + 0.5);

		if (pango_font_description_get_size(d) != sz)
			pango_font_description_set_size(d, sz);
		a = pango_attr_font_desc_new(d);
		a->start_index = (guint)sp->spans[i].start;
		a->end_index = (guint)sp->spans[i].end;
		pango_attr_list_insert(al, a);
		if (st->style == STYLE_ITALIC || st->style == STYLE_BOLDITALIC)
			upright(al, text, sp->spans[i].start, sp->spans[i].end);
		if (st->lang) {	/* words in another language: its fonts' forms */
			a = pango_attr_language_new(pango_language_from_string(st->lang));
			a->start_index = (guint)sp->spans[i].start;
			a->end_index = (guint)sp->spans[i].end;
			pango_attr_list_insert(al, a);
		}
	}
	pango_context_set_language(f->ctx, pl);

	/* characters */
	sp->nchars = (int)g_utf8_strlen(text, len);
	sp->coff = xmalloc((size_t)(sp->nchars + 1) * sizeof(*sp->coff));
	sp->cw = xcalloc((size_t)sp->nchars + 1, sizeof(*sp->cw));
	sp->cstart = xcalloc((size_t)sp->nchars + 1, 1);
	sp->crun = xcalloc((size_t)sp->nchars + 1, sizeof(*sp->crun));
	sp->attrs = xmalloc((size_t)(sp->nchars + 1) * sizeof(*sp->attrs));
	b2c = xmalloc((size_t)(len + 1) * sizeof(*b2c));
	sp->cp = xmalloc((size_t)(sp->nchars + 1) * sizeof(*sp->cp));
	for (p = text, c = 0; *p; c++) {
		const char *q = g_utf8_next_char(p);

		sp->cp[c] = g_utf8_get_char(p);
		sp->coff[c] = (size_t)(p - text);
		while (p < q)
			b2c[p++ - text] = c;
	}
	sp->coff[c] = (size_t)len;
	sp->cp[c] = 0;
	b2c[len] = c;
	if (simple_breaks(text))
		fast_breaks(sp);
	else
		pango_get_log_attrs(text, len, sp->rtl ? 1 : 0, pl, sp->attrs, sp->nchars + 1);

	/* itemize and shape */
	items = pango_itemize_with_base_dir(f->ctx, sp->rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR,
	    text, 0, len, al, NULL);
	sp->nruns = g_list_length(items);
	sp->runs = xcalloc(sp->nruns ? sp->nruns : 1, sizeof(*sp->runs));
	for (it = items, r = 0; it; it = it->next, r++) {
		PangoItem *item = it->data;
		PangoGlyphString *gs = pango_glyph_string_new();
		int g;

		pango_shape_with_flags(text + item->offset, item->length, text, len,
		    &item->analysis, gs, PANGO_SHAPE_NONE);
		sp->runs[r].item = item;
		sp->runs[r].gs = gs;
		for (c = b2c[item->offset]; c < b2c[item->offset + item->length]; c++)
			sp->crun[c] = (int)r;
		for (g = 0; g < gs->num_glyphs; g++) {
			int cc = b2c[item->offset + gs->log_clusters[g]];
			PangoGlyph gl = gs->glyphs[g].glyph;
			const struct pdf_span *span = sp->cp[cc] == 0xfffc ?
			    pdf_shaped_span(sp, sp->coff[cc]) : NULL;

			if (span && span->st.img) {
				/* a picture: no glyph, its width at the text's height */
				const struct image *im = span->st.img;

				gs->glyphs[g].glyph = gl = PANGO_GLYPH_EMPTY;
				gs->glyphs[g].geometry.width = (int)(span->st.size * im->width /
				    im->height * PANGO_SCALE + 0.5);
				gs->glyphs[g].geometry.x_offset = 0;
			}

			if ((gl & PANGO_GLYPH_UNKNOWN_FLAG) && gl != PANGO_GLYPH_EMPTY)
				missing(f, sp->cp[cc]);

			sp->cw[cc] += gs->glyphs[g].geometry.width / (double)PANGO_SCALE;
			sp->cstart[cc] = 1;
		}
	}
	sp->cstart[sp->nchars] = 1;
	g_list_free(items);
	pango_attr_list_unref(al);
	free(b2c);
}

void
pdf_shaped_free(struct pdf_shaped *sp)
{
	size_t r;

	for (r = 0; r < sp->nruns; r++) {
		pango_item_free(sp->runs[r].item);
		pango_glyph_string_free(sp->runs[r].gs);
	}
	free(sp->runs);
	free(sp->attrs);
	free(sp->coff);
	free(sp->cw);
	free(sp->cstart);
	free(sp->crun);
	free(sp->cp);
	free(sp->spans);
	free(sp->anch);
	buf_free(&sp->text);
	memset(sp, 0, sizeof(*sp));
}
