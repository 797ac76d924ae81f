/*
 * The PDF typesetter's composer: the book model to vertical boxes, pages
 * and a Cairo PDF. See pdf_int.h for the layers. This file is the driver
 * and the page furniture (running heads, folios, the notes' rule); what
 * the pages hold is laid out by pdf_front.c (title page, colophon,
 * contents), pdf_opener.c, pdf_block.c, pdf_text.c, pdf_figure.c,
 * pdf_table.c and pdf_notes.c, over pdf_comp.h, the composer's state.
 *
 * The book: a title page and its verso (a colophon), the contents, then each
 * article from a new page: an opener (kicker, headline, standfirst, byline
 * and role, date, lead figure with caption and credit) and the body. Front
 * matter is numbered in roman, the body in arabic from 1 on a recto.
 *
 * The contents need the articles' page numbers, and Cairo writes pages in
 * the order they are drawn, so the contents are drawn last and moved to
 * their place by an incremental update of the page tree (pdf_update_fixup),
 * which also adds the page labels Cairo 1.16 has no API for (and mends
 * its dates). Each article is laid out, paginated and drawn in one pass;
 * full pages are drawn while the article is still being composed, and a
 * line's glyphs are cut from its shaped paragraph only when its page is
 * drawn, so memory stays bounded by a few pages of boxes and the
 * paragraphs they come from, however long the book or the article.
 */
#include <locale.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "model/lang.h"
#include "model/date.h"
#include "pdf.h"
#include "pdf_comp.h"

#include "model/words.h"

/* ---- pages ---- */

/* Prepare running head H (0 verso, 1 recto) from TEXT. */
static void
set_head(struct pdf *P, int h, const char *text, const char *lang, int rtl)
{
	struct pdf_style st = pdf_text_style(P, FONT_BODY, STYLE_ITALIC, P->size * 0.82, P->grey);

	if (P->heads_ok[h]) {
		pdf_para_free(&P->head_pa[h]);
		pdf_shaped_free(&P->head_sp[h]);
	}
	P->heads_ok[h] = 0;
	if (text == NULL)
		return;
	P->head_fmt.width = P->W;
	P->head_fmt.align = PA_CENTER;
	pdf_shaped_init(&P->head_sp[h], lang, rtl);
	pdf_add_text(&P->head_sp[h], text, &st);
	pdf_shape(&P->fonts, &P->head_sp[h]);
	pdf_para_set(&P->fonts, &P->head_sp[h], &P->head_fmt, &P->head_pa[h]);
	if (P->head_pa[h].nlines > 1) {
		/* too long for one line: cut at a word of the first and say so */
		const struct pdf_shaped *sp = &P->head_sp[h];
		size_t end = sp->coff[P->head_pa[h].lines[0].c1];
		struct buf t = {0};

		while (end > 0 && text[end - 1] != ' ')
			end--;
		while (end > 0 && text[end - 1] == ' ')
			end--;
		if (end == 0)
			end = sp->coff[P->head_pa[h].lines[0].c1];
		buf_put(&t, text, end);
		buf_puts(&t, "\xe2\x80\xa6");
		pdf_para_free(&P->head_pa[h]);
		pdf_shaped_free(&P->head_sp[h]);
		pdf_shaped_init(&P->head_sp[h], lang, rtl);
		pdf_add_text(&P->head_sp[h], buf_str(&t), &st);
		pdf_shape(&P->fonts, &P->head_sp[h]);
		pdf_para_set(&P->fonts, &P->head_sp[h], &P->head_fmt, &P->head_pa[h]);
		buf_free(&t);
	}
	P->heads_ok[h] = 1;
}

/* Move the short rule over PAGE's footnotes, which the pager draws at the
 * text block's left edge, to its right edge (a right-to-left article's). */
static void
mirror_note_rule(struct pdf *P, struct pdf_page *page)
{
	double y = page->note_top - P->pg.note_gap / 2;
	size_t i;

	for (i = 0; i < page->dl.n; i++) {
		struct pdf_op *op = &page->dl.ops[i];

		if (op->kind == OP_RECT && op->x == 0 && op->w < P->W / 2 &&
		    fabs(op->y - y) < 0.001) {
			op->x = P->W - op->w;
			return;
		}
	}
}

/* Draw PAGE with its running head and folio. Return 0 or -1. */
static int
emit_page(struct pdf_pager *pg, struct pdf_page *page, void *arg)
{
	struct pdf *P = arg;
	int folio = P->folio, recto = folio % 2 == 1, h = recto ? 1 : 0;
	double x = pdf_left_margin(P, recto), y = P->th->margin_top;
	struct pdf_dl fur = {0};
	int ret;

	if (P->page_open && pdf_draw_page_end(&P->dr) != 0)
		return -1;
	P->page_open = 1;
	if (page->opener && P->art)
		P->art_folio[P->ai] = folio;
	/* the EPUB's page list: where the page's first word is */
	if (P->art && P->opt && P->opt->pages && (page->opener || page->start)) {
		char label[16];

		snprintf(label, sizeof(label), "%d", folio);
		page_list_add(P->opt->pages, P->ai, page->opener ? NULL : page->start,
		    page->opener ? 0 : page->start_off, label);
	}
	if (page->note_top > 0 && pdf_art_rtl(P) && !P->placed)
		mirror_note_rule(P, page);
	if (!page->opener) {
		struct pdf_style st = pdf_text_style(P, FONT_BODY, STYLE_REGULAR, P->size * 0.82, P->grey);
		char num[16];

		if (P->heads_ok[h] && P->head_pa[h].nlines > 0)
			pdf_para_draw_line(&P->fonts, &P->head_sp[h], &P->head_fmt, &P->head_pa[h], 0,
			    &fur, x, y - P->lead * 1.4);
		snprintf(num, sizeof(num), "%d", folio);
		pdf_set_label(P, &fur, num, st, x + P->W / 2 + pdf_text_width(P, num, st) / 2,
		    P->th->margin_top + P->H + P->lead * 2);
	}
	ret = pdf_draw_dl(&P->dr, &fur, 0, 0);
	pdf_dl_free(&fur);
	if (ret != 0)
		return -1;
	if (P->placed)	/* a worker placed the page's ops (pdf_jobs.c) */
		x = y = 0;
	if (pdf_draw_dl(&P->dr, &page->dl, x, y) != 0)
		return -1;
	P->folio++;
	if (P->opt && P->opt->progress)
		fprintf(stderr, "\rmkbook: article %zu of %zu, %d pages", P->ai + 1,
		    P->book->narticles, P->dr.page + 1);
	(void)pg;
	return 0;
}

/* Write the layout's own figures as JSON to PATH (MKBOOK_LAYOUT_STATS, for
 * the tests): pages, page breaks inside paragraphs and how many of them
 * left a widow or an orphan, the lowest point reached on any page and the
 * pages with anything below the text block, headings left without two
 * lines after them, figures parted from their captions, footnotes begun,
 * begun late, continued, and continued past a page, table headers drawn
 * again, table breaks leaving fewer than two body rows on a side and
 * headings parted from the table after them. Return 0 or -1 with the error set. */
static int
write_stats(struct pdf *P, const char *path)
{
	FILE *f = fopen(path, "w");

	if (f == NULL)
		return err_set(path, 0, "cannot write layout statistics");
	fprintf(f, "{\"pages\": %d, \"body_pages\": %d, \"paragraph_breaks\": %d, \"widows_orphans\": %d,"
	    " \"body_h\": %.2f, \"max_bottom\": %.2f, \"overflows\": %d,"
	    " \"headings_stranded\": %d, \"figures_split\": %d,"
	    " \"notes\": %zu, \"notes_placed\": %d, \"notes_late\": %d, \"notes_split\": %d,"
	    " \"notes_gaps\": %d, \"table_heads_repeated\": %d,"
	    " \"table_rows_stranded\": %d, \"headings_stranded_tables\": %d, ",
	    P->dr.page, P->pg.pages, P->pg.breaks, P->pg.widows,
	    P->pg.body_h, P->pg.max_bottom, P->pg.overflows,
	    P->pg.heads_stranded, P->pg.figs_split,
	    P->notes_total, P->pg.notes_placed, P->pg.notes_late, P->pg.notes_split,
	    P->pg.notes_gaps, P->pg.theads, P->pg.rows_stranded, P->pg.heads_tables);
	/* per paragraph of two lines or more: its widest word spaces (as a
	 * multiple of natural) and on which line, its setting, its start */
	fprintf(f, "\"paragraphs\": [%s]}\n", P->pstats.len ? buf_str(&P->pstats) : "");
	if (fclose(f) != 0)
		return err_set(path, 0, "cannot write layout statistics");
	return 0;
}

/* Give the finished PDF at PATH its print boxes, crop marks, XMP and
 * output intent (pdf_update_print). Return 0, or -1 with the error set. */
static int
print_update(const struct pdf *P, const char *path)
{
	struct pdf_print pr = {P->th->page_w, P->th->page_h, pdf_bleed(P), 0, 0, PDF_SRGB_ICC};

	if (P->opt && P->opt->crop_marks) {	/* marks need a slug */
		pr.marks = 1;
		pr.slug = 5 / 25.4 * 72;
	}
	return pdf_update_print(path, P->book, &pr);
}

/* Close P's PDF at PATH (its NTOC pages of contents drawn last, to go to
 * BODY_FIRST, after NCOVER cover pages) and post-process it: page order
 * and labels, print boxes; then the wrap cover when asked for. Return 0,
 * or -1 with the error set. */
static int
finish(struct pdf *P, const char *path, int ntoc, int body_first, int ncover)
{
	int total = P->dr.page;

	if (pdf_draw_close(&P->dr, path) != 0 ||
	    pdf_update_fixup(path, total - ntoc, ntoc, body_first, body_first + ntoc,
	    P->book->lang, ncover, words_for(P->book->lang)->cover) != 0 ||
	    print_update(P, path) != 0)
		return -1;
	/* the wrap cover around the book block (not the cover's pages) */
	if (P->opt && P->opt->cover_tmp && pdf_cover_wrap(P, total - ncover, P->opt->cover_tmp) != 0)
		return -1;
	return 0;
}

/* The typesetter frees and allocates a few pages' worth of boxes and
 * glyphs over and over: with glibc's default trim threshold each free at
 * the heap's top gave the memory back to the kernel (brk, a TLB flush) and
 * the next page faulted it in again, a tenth of the CPU time. Keep up to
 * 32 MB of free heap (peak RSS is what counts). */
static void
keep_heap(void)
{
#ifdef __GLIBC__
	mallopt(M_TRIM_THRESHOLD, 32 << 20);
	mallopt(M_TOP_PAD, 4 << 20);
#endif
}

/* Lay out, paginate and draw the book's articles one after the other,
 * in this thread (-j 1), with VL for the boxes. Return 0, or -1 with the
 * error set. */
static int
body_serial(struct pdf *P, struct pdf_vlist *vl)
{
	const struct book *book = P->book;
	size_t i;

	for (i = 0; i < book->narticles; i++) {
		const struct article *a = book->articles[i];

		P->ai = i;
		P->art = a;
		P->in_refs = 0;
		pdf_fonts_lang(&P->fonts, a->lang);
		set_head(P, 1, a->headline, a->lang, a->dir == DIR_RTL);
		pdf_set_notes(P, a);
		P->notes_total += P->nnotes;
		pdf_pager_start(&P->pg, P->nnotes, 1);
		P->main = vl;
		pdf_set_opener(P, vl, a);
		P->main = NULL;
		if (P->failed || pdf_paginate(&P->pg, vl, P->notes, P->nnotes, 1) != 0)
			return -1;
		cairo_tag_end(P->dr.cr, "Art");	/* on its last page, still open */
		pdf_vlist_free(vl);
		pdf_free_notes(P);
	}
	return 0;
}

/* The drawer's part that is pdf.c's, for pdf_jobs.c. */
static const struct pdf_jobs_hooks hooks = {emit_page, mirror_note_rule, set_head};

int
pdf_write(const struct book *book, const struct theme *th, const struct options *opt,
    const char *path)
{
	struct pdf P;
	struct pdf_vlist vl = {0};
	char *oldloc = NULL;
	int ret = -1, r, body_first, ntoc, ncover, jobs = pdf_jobs_count(opt);
	size_t i;

	memset(&P, 0, sizeof(P));
	keep_heap();
	P.book = book;
	P.opt = opt;
	oldloc = xstrdup(setlocale(LC_NUMERIC, NULL));
	setlocale(LC_NUMERIC, "C");	/* cairo's tag attributes */
	P.th = th;
	if (pdf_fonts_init(&P.fonts, P.th) != 0)
		goto out;
	pdf_fonts_lang(&P.fonts, book->lang);
	P.size = P.th->size;
	P.lead = P.th->leading;
	P.W = P.th->page_w - P.th->margin_inner - P.th->margin_outer;
	P.H = P.th->page_h - P.th->margin_top - P.th->margin_bottom;
	P.H = floor(P.H / P.lead) * P.lead;
	if (P.H < P.lead * MIN_LINES || P.W < P.size * MIN_MEASURE) {
		err_set(NULL, 0, "a page of %.0fx%.0f mm leaves room for %.0f lines of about %.0f "
		    "characters at %gpt: at least %d lines of %d are needed (take a larger --paper, "
		    "or a smaller size or leading in the theme)", P.th->page_w / 72 * 25.4,
		    P.th->page_h / 72 * 25.4, floor(P.H / P.lead), P.W / (P.size * 0.5), P.size,
		    MIN_LINES, (int)(MIN_MEASURE * 2));
		goto out;
	}
	P.grey[0] = P.grey[1] = P.grey[2] = 0.38;
	P.art_folio = xcalloc(book->narticles + 1, sizeof(*P.art_folio));
	P.pg.body_h = P.H;
	P.pg.note_gap = P.lead;
	P.pg.emit = emit_page;
	/* the tests' control: pages made without keeps or note splitting */
	P.stats = getenv("MKBOOK_LAYOUT_STATS") != NULL;
	P.pg.naive = getenv("MKBOOK_LAYOUT_NAIVE") != NULL && *getenv("MKBOOK_LAYOUT_NAIVE") == '1';
	P.pg.arg = &P;
	if (pdf_draw_open(&P.dr, path, P.th->page_w, P.th->page_h) != 0)
		goto out;
	pdf_draw_meta(&P.dr, book);
	cairo_tag_begin(P.dr.cr, "Document", "");

	/* the front cover and its inside, the title page and its verso */
	ncover = opt && opt->no_cover ? 0 : 2;
	if ((ncover && pdf_cover_page(&P) != 0) || pdf_title_page(&P) != 0 || pdf_colophon(&P) != 0)
		goto out;
	body_first = P.dr.page + 1;	/* 0-based index of the body's first page */
	/* the contents come first in the outline, though drawn last */
	cairo_pdf_surface_add_outline(P.dr.surf, CAIRO_PDF_OUTLINE_ROOT, words_for(book->lang)->contents,
	    "dest='contents'", 0);

	set_head(&P, 0, book->title, book->lang, 0);
	P.folio = 1;
	if (jobs > 1 && book->narticles > 1) {
		P.placed = 1;
		r = pdf_jobs_body(&P, jobs, &hooks);
		P.placed = 0;
	} else
		r = body_serial(&P, &vl);
	if (r != 0)
		goto out;
	P.art = NULL;
	if (opt && opt->progress)
		fputc('\n', stderr);
	pdf_fonts_lang(&P.fonts, book->lang);
	if ((ntoc = pdf_contents(&P)) < 0)
		goto out;
	if (P.page_open && pdf_draw_page_end(&P.dr) != 0)
		goto out;
	P.page_open = 0;
	cairo_tag_end(P.dr.cr, "Document");
	if (getenv("MKBOOK_LAYOUT_STATS") && write_stats(&P, getenv("MKBOOK_LAYOUT_STATS")) != 0)
		goto out;
	if (finish(&P, path, ntoc, body_first, ncover) != 0)
		goto out;
	ret = 0;
out:
	if (ret != 0 && P.dr.surf) {	/* keep the first error */
		cairo_destroy(P.dr.cr);
		cairo_surface_destroy(P.dr.surf);
	}
	pdf_vlist_free(&vl);
	pdf_free_notes(&P);
	pdf_pager_finish(&P.pg);
	for (i = 0; i < 2; i++)
		set_head(&P, (int)i, NULL, NULL, 0);
	free(P.art_folio);
	buf_free(&P.pstats);
	if (P.fonts.map)
		pdf_fonts_free(&P.fonts);
	if (oldloc) {
		setlocale(LC_NUMERIC, oldloc);
		free(oldloc);
	}
	return ret;
}
