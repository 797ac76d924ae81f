/*
 * Parallel typesetting (-j N, MKBOOK_JOBS): N worker threads lay out the
 * articles -- shape, hyphenate, break into lines, paginate, cut each line's
 * glyphs -- while the calling thread draws the finished pages into Cairo in
 * book order, with their running heads and folios (pdf.c's emit).
 *
 * Each worker has its own composer state (struct pdf) with its own Pango
 * font map and context (Pango's font maps are not to be shared between
 * threads: since Pango 1.32.6 the default one is per thread for that
 * reason), its own pager and caches; the book, options and theme are read
 * only. Cairo's font faces and scaled fonts are global and locked, so the
 * fonts of every worker's map are the same cairo fonts, subset into the
 * PDF in the order the drawer shows their glyphs: the output is the one
 * -j 1 writes, byte for byte.
 *
 * What depends on where an article starts is only the page's parity (the
 * inside margin is on the left of a recto): a worker learns its article's
 * first folio when the article before has been paginated, and places its
 * pages' ops at the same coordinates as -j 1's drawer would (the same
 * additions in the same order, so the same doubles). Footnote numbers,
 * running heads and contents entries are per article or drawn by the
 * drawer. Memory: at most JOB_PAGES finished pages wait for the drawer
 * (a worker blocks until the drawer has taken some), and a worker holds
 * one article's boxes at a time, flushed as -j 1 flushes them.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"
#include "pdf_comp.h"

/* Finished pages waiting for the drawer, across all workers. */
#define JOB_PAGES	32

struct job_page {
	struct pdf_page	 page;
	struct job_page	*next;
};

/* One article's progress. */
struct job_art {
	struct job_page	*head, *tail;	/* pages made, not yet drawn */
	int		 known;		/* start is set */
	int		 start;		/* folio of its first page */
	int		 pages;		/* pages made so far */
	int		 done;		/* all its pages are made */
	size_t		 nnotes;
	struct buf	 pstats;	/* its MKBOOK_LAYOUT_STATS paragraphs */
};

struct jobs;

struct worker {
	struct jobs	*J;
	struct pdf	 P;		/* this worker's composer */
	pthread_t	 th;
	int		 started;
	size_t		 ai;		/* article being laid out */
};

struct jobs {
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv;
	struct pdf	*P;		/* the drawer's */
	const struct pdf_jobs_hooks *h;	/* pdf.c's furniture */
	struct job_art	*arts;
	size_t		 narts;
	size_t		 next;		/* next article to take */
	size_t		 draw;		/* article being drawn */
	int		 buffered;	/* pages waiting, all articles */
	int		 abort;		/* stop: the drawer or a worker failed */
	int		 failed;	/* a worker failed (its error is set) */
};

/* Force the cairo scaled font of every glyph run of DL to exist, made in
 * this thread: Pango makes it lazily, and the drawer must only read it. */
static void
fonts_ready(const struct pdf_dl *dl)
{
	size_t i;

	for (i = 0; i < dl->n; i++)
		if (dl->ops[i].kind == OP_GLYPHS && dl->ops[i].gi.item)
			(void)pango_cairo_font_get_scaled_font(
			    PANGO_CAIRO_FONT(dl->ops[i].gi.item->analysis.font));
}

/* Drop op OP's reference to its set paragraph (freed with the last). */
static void
par_unref(struct pdf_op *op)
{
	if (op->par && --op->par->refs == 0) {
		pdf_para_free(&op->par->pa);
		pdf_shaped_free(&op->par->sp);
		free(op->par);
	}
	op->par = NULL;
}

/* Place PAGE as the drawer would at (DX, DY): every op moved there, each
 * line cut from its paragraph into glyph runs, so the page owns all it
 * shows and nothing of the worker's paragraphs. */
static void
place_page(struct pdf_page *page, double dx, double dy)
{
	struct pdf_dl out = {0};
	size_t i;

	for (i = 0; i < page->dl.n; i++) {
		struct pdf_op *op = &page->dl.ops[i];

		if (op->kind == OP_LINE) {
			pdf_para_draw_line(op->par->f, &op->par->sp, &op->par->fmt, &op->par->pa,
			    (size_t)op->level, &out, op->x + dx, op->y + dy);
			free(op->text);
			par_unref(op);
			continue;
		}
		ARRAY_GROW(out.ops, out.n, out.cap);
		out.ops[out.n] = *op;
		out.ops[out.n].x = op->x + dx;
		out.ops[out.n].y = op->y + dy;
		out.n++;
	}
	free(page->dl.ops);
	page->dl = out;
	fonts_ready(&page->dl);
}

/* The pager's emit in a worker: wait for the article's first folio, place
 * the page and queue it for the drawer. Return 0, or -1 when stopping. */
static int
queue_page(struct pdf_pager *pg, struct pdf_page *page, void *arg)
{
	struct worker *w = arg;
	struct jobs *J = w->J;
	struct job_art *ja = &J->arts[w->ai];
	struct job_page *jp;
	int folio;

	pthread_mutex_lock(&J->mu);
	while (!ja->known && !J->abort)
		pthread_cond_wait(&J->cv, &J->mu);
	folio = ja->start + ja->pages;
	pthread_mutex_unlock(&J->mu);
	if (J->abort)
		return -1;
	if (page->note_top > 0 && pdf_art_rtl(&w->P))
		J->h->mirror(&w->P, page);
	place_page(page, pdf_left_margin(&w->P, folio % 2 == 1), w->P.th->margin_top);
	jp = xcalloc(1, sizeof(*jp));
	jp->page = *page;
	memset(&page->dl, 0, sizeof(page->dl));
	pthread_mutex_lock(&J->mu);
	/* the article being drawn never waits on an empty queue of its own */
	while (!J->abort && J->buffered >= JOB_PAGES && !(w->ai == J->draw && ja->head == NULL))
		pthread_cond_wait(&J->cv, &J->mu);
	if (J->abort) {
		pthread_mutex_unlock(&J->mu);
		pdf_dl_free(&jp->page.dl);
		free(jp);
		return -1;
	}
	if (ja->tail)
		ja->tail->next = jp;
	else
		ja->head = jp;
	ja->tail = jp;
	ja->pages++;
	J->buffered++;
	pthread_cond_broadcast(&J->cv);
	pthread_mutex_unlock(&J->mu);
	(void)pg;
	return 0;
}

/* Lay out article I with worker W's composer. Return 0 or -1. */
static int
lay_out(struct worker *w, size_t i)
{
	struct pdf *P = &w->P;
	const struct article *a = P->book->articles[i];
	struct pdf_vlist vl = {0};
	int ret = 0;

	P->ai = i;
	P->art = a;
	P->in_refs = 0;
	pdf_fonts_lang(&P->fonts, a->lang);
	pdf_set_notes(P, a);
	w->J->arts[i].nnotes = P->nnotes;
	pdf_pager_start(&P->pg, P->nnotes, 1);
	P->main = &vl;
	pdf_set_opener(P, &vl, a);
	P->main = NULL;
	if (P->failed || pdf_paginate(&P->pg, &vl, P->notes, P->nnotes, 1) != 0)
		ret = -1;
	pdf_vlist_free(&vl);
	pdf_free_notes(P);
	return ret;
}

/* A worker: take the next article until none is left. */
static void *
work(void *arg)
{
	struct worker *w = arg;
	struct jobs *J = w->J;

	for (;;) {
		size_t i;
		int r;

		pthread_mutex_lock(&J->mu);
		if (J->abort || J->next >= J->narts) {
			pthread_mutex_unlock(&J->mu);
			break;
		}
		i = w->ai = J->next++;
		pthread_mutex_unlock(&J->mu);
		r = lay_out(w, i);
		pthread_mutex_lock(&J->mu);
		while (r == 0 && !J->arts[i].known && !J->abort)	/* no pages at all */
			pthread_cond_wait(&J->cv, &J->mu);
		if (r != 0 && !J->abort) {
			J->failed = 1;
			J->abort = 1;
		}
		J->arts[i].done = 1;
		J->arts[i].pstats = w->P.pstats;
		memset(&w->P.pstats, 0, sizeof(w->P.pstats));
		if (i + 1 < J->narts && J->arts[i].known) {
			J->arts[i + 1].start = J->arts[i].start + J->arts[i].pages;
			J->arts[i + 1].known = 1;
		}
		pthread_cond_broadcast(&J->cv);
		pthread_mutex_unlock(&J->mu);
	}
	return NULL;
}

/* Worker W's composer: the drawer's settings, its own fonts, pager and
 * figures. Return 0, or -1 with the error set. */
static int
worker_init(struct worker *w, struct jobs *J)
{
	const struct pdf *D = J->P;
	struct pdf *P = &w->P;

	memset(w, 0, sizeof(*w));
	w->J = J;
	P->book = D->book;
	P->opt = D->opt;
	P->th = D->th;
	P->W = D->W;
	P->H = D->H;
	P->size = D->size;
	P->lead = D->lead;
	memcpy(P->grey, D->grey, sizeof(P->grey));
	P->stats = D->stats;
	P->pg.body_h = D->pg.body_h;
	P->pg.note_gap = D->pg.note_gap;
	P->pg.naive = D->pg.naive;
	P->pg.emit = queue_page;
	P->pg.arg = w;
	if (pdf_fonts_init(&P->fonts, P->th) != 0)
		return -1;
	pdf_fonts_lang(&P->fonts, P->book->lang);
	return 0;
}

/* Add worker W's layout figures to the drawer's pager PG. */
static void
add_figures(struct pdf_pager *pg, const struct pdf_pager *w)
{
	pg->pages += w->pages;
	pg->widows += w->widows;
	pg->breaks += w->breaks;
	pg->overflows += w->overflows;
	if (w->max_bottom > pg->max_bottom)
		pg->max_bottom = w->max_bottom;
	pg->notes_placed += w->notes_placed;
	pg->notes_late += w->notes_late;
	pg->notes_split += w->notes_split;
	pg->notes_gaps += w->notes_gaps;
	pg->heads_stranded += w->heads_stranded;
	pg->figs_split += w->figs_split;
	pg->theads += w->theads;
	pg->rows_stranded += w->rows_stranded;
	pg->heads_tables += w->heads_tables;
}

/* Draw article I's pages as they come. Return 0, or -1 with the error set. */
static int
draw_article(struct jobs *J, size_t i)
{
	struct pdf *P = J->P;
	const struct article *a = P->book->articles[i];
	struct job_art *ja = &J->arts[i];

	pthread_mutex_lock(&J->mu);
	J->draw = i;
	pthread_cond_broadcast(&J->cv);
	pthread_mutex_unlock(&J->mu);
	P->ai = i;
	P->art = a;
	pdf_fonts_lang(&P->fonts, a->lang);
	J->h->head(P, 1, a->headline, a->lang, a->dir == DIR_RTL);
	for (;;) {
		struct job_page *jp;
		int r;

		pthread_mutex_lock(&J->mu);
		while (ja->head == NULL && !ja->done && !J->abort)
			pthread_cond_wait(&J->cv, &J->mu);
		if ((jp = ja->head) != NULL) {
			if ((ja->head = jp->next) == NULL)
				ja->tail = NULL;
			J->buffered--;
			pthread_cond_broadcast(&J->cv);
		}
		pthread_mutex_unlock(&J->mu);
		if (jp == NULL)
			break;
		r = J->h->emit(&P->pg, &jp->page, P);
		pdf_dl_free(&jp->page.dl);
		free(jp);
		if (r != 0)
			return -1;
	}
	if (J->abort)
		return -1;
	cairo_tag_end(P->dr.cr, "Art");	/* on its last page, still open */
	P->notes_total += ja->nnotes;
	if (ja->pstats.len) {
		if (P->pstats.len)
			buf_puts(&P->pstats, ", ");
		buf_put(&P->pstats, ja->pstats.data, ja->pstats.len);
	}
	buf_free(&ja->pstats);
	return 0;
}

/* Stop the workers (ABORT: at once), join them and free their state. */
static void
finish(struct jobs *J, struct worker *w, int n, int abort)
{
	size_t i;
	int k;

	pthread_mutex_lock(&J->mu);
	if (abort)
		J->abort = 1;
	pthread_cond_broadcast(&J->cv);
	pthread_mutex_unlock(&J->mu);
	for (k = 0; k < n; k++) {
		if (w[k].started)
			pthread_join(w[k].th, NULL);
		add_figures(&J->P->pg, &w[k].P.pg);
		pdf_pager_finish(&w[k].P.pg);
		pdf_free_notes(&w[k].P);
		buf_free(&w[k].P.pstats);
		if (w[k].P.fonts.map)
			pdf_fonts_free(&w[k].P.fonts);
	}
	for (i = 0; i < J->narts; i++) {
		struct job_page *jp, *nx;

		for (jp = J->arts[i].head; jp; jp = nx) {
			nx = jp->next;
			pdf_dl_free(&jp->page.dl);
			free(jp);
		}
		buf_free(&J->arts[i].pstats);
	}
}

int
pdf_jobs_body(struct pdf *P, int n, const struct pdf_jobs_hooks *h)
{
	struct jobs J;
	struct worker *w;
	size_t i;
	int k, ret = -1;

	memset(&J, 0, sizeof(J));
	pthread_mutex_init(&J.mu, NULL);
	pthread_cond_init(&J.cv, NULL);
	J.P = P;
	J.h = h;
	J.narts = P->book->narticles;
	J.arts = xcalloc(J.narts + 1, sizeof(*J.arts));
	J.arts[0].start = P->folio;
	J.arts[0].known = 1;
	w = xcalloc((size_t)n, sizeof(*w));
	for (k = 0; k < n; k++)
		if (worker_init(&w[k], &J) != 0)
			goto out;
	for (k = 0; k < n; k++) {
		if (pthread_create(&w[k].th, NULL, work, &w[k]) != 0) {
			err_set(NULL, 0, "cannot start a typesetting thread");
			goto out;
		}
		w[k].started = 1;
	}
	for (i = 0; i < J.narts; i++)
		if (draw_article(&J, i) != 0)
			goto out;
	ret = 0;
out:
	finish(&J, w, n, ret != 0);
	if (ret != 0 && J.failed && !P->failed)
		P->failed = 1;	/* a worker's error is set */
	free(w);
	free(J.arts);
	pthread_cond_destroy(&J.cv);
	pthread_mutex_destroy(&J.mu);
	return ret;
}

int
pdf_jobs_count(const struct options *opt)
{
	long n;

	if (opt == NULL)
		return 1;
	if (opt->jobs > 0)
		return opt->jobs;
	n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}
