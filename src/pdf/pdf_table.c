/* The composer's tables: columns measured and shared out, cells set,
 * rows as boxes with their rules, the header repeated on each page. */
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "model/lang.h"
#include "model/date.h"
#include "pdf_comp.h"
#include "model/words.h"

/* A table being set: its measure, type, columns and the header rows kept
 * for the pages it goes on to. */
struct tab {
	struct pdf		*P;
	struct pdf_vlist	*vl;
	struct frame		 fr;
	double			 size, lead, gap;
	int			 rtl;		/* the first column at the right, flush right */
	size_t			 ncol;
	double			*nat, *minw, *cw;	/* per column: natural, least, set width */
	struct pdf_vlist	*cells;		/* per column: the current row's cell */
	struct pdf_thead	*thead;
	int			 seen_body, nbody, body;
};

/* Each column's natural width (its longest cell on one line) and its
 * least (its longest word: a number or a word is never cut). */
static void
table_measure(struct tab *T, const struct block *t)
{
	size_t r, c;

	for (r = 0; r < t->nkids; r++)
		for (c = 0; c < t->kids[r].nkids; c++) {
			const struct block *cell = &t->kids[r].kids[c];
			struct buf b = {0};
			struct pdf_style st = pdf_text_style(T->P, FONT_BODY, cell->header || t->kids[r].header ?
			    STYLE_BOLD : STYLE_REGULAR, T->size, NULL);
			double w;
			char *word, *save = NULL;

			inl_text(&b, cell->inl, cell->ninl);
			w = pdf_text_width(T->P, buf_str(&b), st);
			if (w > T->nat[c])
				T->nat[c] = w;
			for (word = strtok_r(b.data ? b.data : (char *)"", " ", &save); word;
			    word = strtok_r(NULL, " ", &save)) {
				w = pdf_text_width(T->P, word, st);
				if (!strpbrk(word, "0123456789") && g_utf8_strlen(word, -1) >= 10)
					w *= 0.7;	/* a long word may be hyphenated */
				if (w > T->minw[c])
					T->minw[c] = w;
			}
			buf_free(&b);
		}
}

/* The columns' widths: a table whose words do not fit the measure is set
 * smaller first, down to 70% of the body (widths scale with the size);
 * then the natural widths when they fit, else each column its least and a
 * share of the rest in proportion to what it would take more. */
static void
table_widths(struct tab *T)
{
	double sum = 0, least = 0, w = T->fr.w, gap = T->gap;
	size_t c, ncol = T->ncol;
	double *nat = T->nat, *minw = T->minw, *cw = T->cw;

	for (c = 0; c < ncol; c++) {
		sum += nat[c] + (c ? gap : 0);
		least += minw[c] + (c ? gap : 0);
	}
	if (least > w) {
		double k;

		least -= gap * 0.4 * (ncol - 1);	/* narrower gutters first */
		sum -= gap * 0.4 * (ncol - 1);
		gap *= 0.6;
		k = MIN(1, MAX(w / least, 0.7 / 0.86));

		T->size *= k;
		T->lead *= k;
		gap *= k;
		sum *= k;
		for (c = 0; c < ncol; c++) {
			nat[c] *= k;
			minw[c] *= k;
		}
	}
	T->gap = gap;
	if (sum <= w)
		memcpy(cw, nat, ncol * sizeof(*cw));
	else {
		double avail = w - gap * (ncol - 1), lsum = 0, more = 0;

		/* a long cell's paragraph asks for a line of the width at most,
		 * lest it crush its neighbours */
		for (c = 0; c < ncol; c++) {
			lsum += minw[c];
			more += MIN(nat[c], avail) - minw[c];
		}
		if (avail < ncol * T->size * 2)	/* too many columns for their gutters */
			avail = ncol * T->size * 2;
		for (c = 0; c < ncol; c++) {
			if (lsum <= 0)
				cw[c] = avail / ncol;
			else if (lsum >= avail)	/* even the words overflow: in proportion */
				cw[c] = avail * minw[c] / lsum;
			else
				cw[c] = minw[c] + (more > 0 ?
				    (avail - lsum) * (MIN(nat[c], avail) - minw[c]) / more : 0);
			if (cw[c] < T->size * 2)
				cw[c] = T->size * 2;
		}
	}
}

/* Each cell of ROW set on its own into T->cells, its lines' tops (in
 * their BEFORE) from the row's. Return the row's height. */
static double
table_cells(struct tab *T, const struct block *row)
{
	double x = T->rtl ? T->fr.x + T->fr.w : T->fr.x, h = 0;
	size_t c, k;

	for (c = 0; c < row->nkids; c++) {
		const struct block *cell = &row->kids[c];
		int head = cell->header || row->header;
		struct pdf_parfmt fmt = {.width = T->cw[c], .hyphenate = 1,
		    .align = cell->align == ALIGN_RIGHT ? PA_RIGHT :
		    cell->align == ALIGN_CENTER ? PA_CENTER : PA_LEFT};
		struct setopts so = {.x = T->rtl ? x - T->cw[c] : x, .lead = T->lead, .size = T->size,
		    .src = cell};
		double y = 0;

		pdf_set_inlines(T->P, &T->cells[c], cell->inl, cell->ninl,
		    pdf_text_style(T->P, FONT_BODY, head ? STYLE_BOLD : STYLE_REGULAR, T->size, NULL),
		    &fmt, &so);
		for (k = 0; k < T->cells[c].n; k++) {
			T->cells[c].v[k].before = y;	/* now: the line's top */
			y += T->cells[c].v[k].h;
		}
		if (y > h)
			h = y;
		x += T->rtl ? -(T->cw[c] + T->gap) : T->cw[c] + T->gap;
	}
	return h;
}

/* Move the lines of ROW's cells whose tops are in [S0, S1) into the row
 * box VB, TOP up, each cell tagged TH or TD (every cell in the first
 * slice, FIRST, even an empty one), with the notes they reference. Return
 * the slice's height. */
static double
table_slice(struct tab *T, const struct block *row, struct pdf_vbox *vb, double s0, double s1,
    double top, int first)
{
	double sh = 0;
	size_t c, k;

	for (c = 0; c < row->nkids; c++) {
		int head = row->kids[c].header || row->header, any = 0;

		for (k = 0; k < T->cells[c].n; k++) {
			struct pdf_vbox *cb = &T->cells[c].v[k];

			if (cb->before < s0 - 0.01 || cb->before >= s1 - 0.01)
				continue;
			if (!any++)
				pdf_dl_tag(&vb->dl, 1, head ? "TH" : "TD", NULL);
			if (vb->src == NULL) {	/* the slice's first words (the page list) */
				vb->src = cb->src;
				vb->src_off = cb->src_off;
			}
			pdf_dl_move(&vb->dl, &cb->dl, 0, cb->before - top);
			if (cb->before - top + cb->h > sh)
				sh = cb->before - top + cb->h;
			/* notes referenced in a cell go with the row */
			if (cb->nnotes) {
				vb->notes = xrealloc(vb->notes, (vb->nnotes + cb->nnotes) *
				    sizeof(*vb->notes));
				memcpy(vb->notes + vb->nnotes, cb->notes,
				    cb->nnotes * sizeof(*vb->notes));
				vb->nnotes += cb->nnotes;
			}
		}
		if (any || first) {
			if (!any)
				pdf_dl_tag(&vb->dl, 1, head ? "TH" : "TD", NULL);
			pdf_dl_tag(&vb->dl, 0, head ? "TH" : "TD", NULL);
		}
	}
	return sh;
}

/* The last (or only) box of ROW, VB, with the row's rules and keeps: a
 * header row is ruled under and kept to be drawn again where the table
 * goes on to a new page (when it is whole, NSLICE 1); a body row takes a
 * reference to those header rows. */
static void
table_row_end(struct tab *T, const struct block *row, struct pdf_vbox *vb, size_t nslice)
{
	struct pdf_op *op;

	vb->nobreak = row->header;
	/* the pager keeps two body rows on each side of a break */
	vb->row = row->header ? 0 : ++T->body;
	vb->nrows = T->nbody;
	if (row->header) {
		op = pdf_dl_push(&vb->dl, OP_RECT);
		op->x = T->fr.x;
		op->y = vb->h - T->lead * 0.12;
		op->w = T->fr.w;
		op->h = 0.4;
		memcpy(op->rgb, T->P->th->text_color, sizeof(op->rgb));
		/* kept to be drawn again where the table goes
		 * on to a new page */
		if (nslice == 1 && !T->seen_body) {
			if (T->thead == NULL) {
				T->thead = xcalloc(1, sizeof(*T->thead));
				T->thead->refs = 1;
			}
			pdf_dl_copy_untagged(&T->thead->dl, &vb->dl, T->thead->h);
			T->thead->h += vb->h;
		}
	} else {
		T->seen_body = 1;
		if (T->thead) {
			vb->thead = T->thead;
			T->thead->refs++;
		}
	}
}

/* One row of the table into T->vl: its cells set, then one box, or, for a
 * row taller than half a page, slices cut between its lines, each a row
 * of its own, so that no row runs off the page. */
static void
table_row(struct tab *T, const struct block *row)
{
	double h = table_cells(T, row), slice = T->lead * 4, top = 0;
	size_t s, c, nslice = h > T->P->H * 0.5 ? (size_t)(h / slice) + 1 : 1;

	for (s = 0; s < nslice; s++) {
		double sh, s0 = nslice == 1 ? 0 : s * slice, s1 = nslice == 1 ? h + 1 : (s + 1) * slice;
		struct pdf_vbox *vb = pdf_vlist_push(T->vl);

		vb->kind = PDF_VB_ROW;
		pdf_dl_tag(&vb->dl, 1, "TR", NULL);
		sh = table_slice(T, row, vb, s0, s1, top, s == 0);
		pdf_dl_tag(&vb->dl, 0, "TR", NULL);
		if (nslice > 1) {
			vb->h = sh;
			top += sh;
			if (s + 1 < nslice)
				continue;
		}
		vb->h = (nslice > 1 ? sh : h) + T->lead * 0.25;
		table_row_end(T, row, vb, nslice);
	}
	for (c = 0; c < T->ncol; c++)
		pdf_vlist_free(&T->cells[c]);
}

/* A rule across the table into box VB at its top (the table's top and
 * foot). */
static void
table_rule(struct tab *T, struct pdf_vbox *vb)
{
	struct pdf_op *op = pdf_dl_push(&vb->dl, OP_RECT);

	op->x = T->fr.x;
	op->w = T->fr.w;
	op->h = 0.6;
	memcpy(op->rgb, T->P->th->text_color, sizeof(op->rgb));
}

/* A table: columns sized by their content, header row in bold, rules
 * above and below the header and under the table; each row one box. */
void
pdf_set_table(struct pdf *P, struct pdf_vlist *vl, const struct block *t, struct frame fr)
{
	struct tab T = { .P = P, .vl = vl, .fr = fr, .size = P->size * 0.86,
	    .lead = P->lead * 0.86, .gap = P->size * 0.86, .rtl = pdf_art_rtl(P) };
	struct pdf_vbox *vb;
	size_t r;

	for (r = 0; r < t->nkids; r++)
		if (t->kids[r].nkids > T.ncol)
			T.ncol = t->kids[r].nkids;
	if (T.ncol == 0)
		return;
	T.nat = xcalloc(T.ncol, sizeof(*T.nat));
	T.minw = xcalloc(T.ncol, sizeof(*T.minw));
	T.cw = xcalloc(T.ncol, sizeof(*T.cw));
	table_measure(&T, t);
	table_widths(&T);
	for (r = 0; r < t->nkids; r++)
		T.nbody += !t->kids[r].header;
	vb = pdf_vlist_push(vl);
	vb->before = P->lead * 0.5;
	vb->h = T.lead * 0.3;
	vb->nobreak = 1;
	vb->kind = PDF_VB_TABLE;
	pdf_dl_tag(&vb->dl, 1, "Table", NULL);
	table_rule(&T, vb);
	T.cells = xcalloc(T.ncol, sizeof(*T.cells));
	for (r = 0; r < t->nkids; r++)
		table_row(&T, &t->kids[r]);
	free(T.cells);
	pdf_thead_unref(T.thead);
	vb = pdf_vlist_push(vl);
	vb->h = P->lead * 0.5;
	table_rule(&T, vb);
	pdf_dl_tag(&vb->dl, 0, "Table", NULL);
	free(T.nat);
	free(T.minw);
	free(T.cw);
}
