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

/* A table: columns sized by their content, header row in bold, rules
 * above and below the header and under the table; each row one box. */
void
pdf_set_table(struct pdf *P, struct pdf_vlist *vl, const struct block *t, struct frame fr)
{
	double size = P->size * 0.86, lead = P->lead * 0.86, gap = size, *nat, *minw, *cw;
	double sum = 0, least = 0;
	int rtl = pdf_art_rtl(P);	/* the first column at the right, flush right */
	struct pdf_vlist *cells;
	struct pdf_thead *thead = NULL;
	int seen_body = 0, nbody = 0, body = 0;
	size_t ncol = 0, r, c;
	struct pdf_vbox *vb;
	struct pdf_op *op;

	for (r = 0; r < t->nkids; r++)
		if (t->kids[r].nkids > ncol)
			ncol = t->kids[r].nkids;
	if (ncol == 0)
		return;
	nat = xcalloc(ncol, sizeof(*nat));
	minw = xcalloc(ncol, sizeof(*minw));
	cw = xcalloc(ncol, sizeof(*cw));
	/* each column's natural width (its longest cell on one line) and its
	 * least (its longest word: a number or a word is never cut) */
	for (r = 0; r < t->nkids; r++)
		for (c = 0; c < t->kids[r].nkids; c++) {
			const struct block *cell = &t->kids[r].kids[c];
			struct buf b = {0};
			struct pdf_style st = pdf_text_style(P, FONT_BODY, cell->header || t->kids[r].header ?
			    STYLE_BOLD : STYLE_REGULAR, size, NULL);
			double w;
			char *word, *save = NULL;

			inl_text(&b, cell->inl, cell->ninl);
			w = pdf_text_width(P, buf_str(&b), st);
			if (w > nat[c])
				nat[c] = w;
			for (word = strtok_r(b.data ? b.data : (char *)"", " ", &save); word;
			    word = strtok_r(NULL, " ", &save)) {
				w = pdf_text_width(P, word, st);
				if (!strpbrk(word, "0123456789") && g_utf8_strlen(word, -1) >= 10)
					w *= 0.7;	/* a long word may be hyphenated */
				if (w > minw[c])
					minw[c] = w;
			}
			buf_free(&b);
		}
	/* a table whose words do not fit the measure is set smaller, down to
	 * 70% of the body (widths scale with the size) */
	for (c = 0; c < ncol; c++) {
		sum += nat[c] + (c ? gap : 0);
		least += minw[c] + (c ? gap : 0);
	}
	if (least > fr.w) {
		double k;

		least -= gap * 0.4 * (ncol - 1);	/* narrower gutters first */
		sum -= gap * 0.4 * (ncol - 1);
		gap *= 0.6;
		k = MIN(1, MAX(fr.w / least, 0.7 / 0.86));

		size *= k;
		lead *= k;
		gap *= k;
		sum *= k;
		for (c = 0; c < ncol; c++) {
			nat[c] *= k;
			minw[c] *= k;
		}
	}
	/* widths: the natural ones when they fit; else each column its least
	 * and a share of the rest in proportion to what it would take more */
	if (sum <= fr.w)
		memcpy(cw, nat, ncol * sizeof(*cw));
	else {
		double avail = fr.w - gap * (ncol - 1), lsum = 0, more = 0;

		/* a long cell's paragraph asks for a line of the width at most,
		 * lest it crush its neighbours */
		for (c = 0; c < ncol; c++) {
			lsum += minw[c];
			more += MIN(nat[c], avail) - minw[c];
		}
		if (avail < ncol * size * 2)	/* too many columns for their gutters */
			avail = ncol * size * 2;
		for (c = 0; c < ncol; c++) {
			if (lsum <= 0)
				cw[c] = avail / ncol;
			else if (lsum >= avail)	/* even the words overflow: in proportion */
				cw[c] = avail * minw[c] / lsum;
			else
				cw[c] = minw[c] + (more > 0 ?
				    (avail - lsum) * (MIN(nat[c], avail) - minw[c]) / more : 0);
			if (cw[c] < size * 2)
				cw[c] = size * 2;
		}
	}

	for (r = 0; r < t->nkids; r++)
		nbody += !t->kids[r].header;
	vb = pdf_vlist_push(vl);
	vb->before = P->lead * 0.5;
	vb->h = lead * 0.3;
	vb->nobreak = 1;
	vb->kind = PDF_VB_TABLE;
	pdf_dl_tag(&vb->dl, 1, "Table", NULL);
	op = pdf_dl_push(&vb->dl, OP_RECT);
	op->x = fr.x;
	op->w = fr.w;
	op->h = 0.6;
	memcpy(op->rgb, P->th->text_color, sizeof(op->rgb));
	cells = xcalloc(ncol, sizeof(*cells));
	for (r = 0; r < t->nkids; r++) {
		const struct block *row = &t->kids[r];
		double x = rtl ? fr.x + fr.w : fr.x, h = 0, slice = lead * 4, top;
		size_t k, s, nslice;

		/* each cell set on its own, its lines' tops from the row's */
		for (c = 0; c < row->nkids; c++) {
			const struct block *cell = &row->kids[c];
			int head = cell->header || row->header;
			struct pdf_parfmt fmt = {.width = cw[c], .hyphenate = 1,
			    .align = cell->align == ALIGN_RIGHT ? PA_RIGHT :
			    cell->align == ALIGN_CENTER ? PA_CENTER : PA_LEFT};
			struct setopts so = {.x = rtl ? x - cw[c] : x, .lead = lead, .size = size};
			double y = 0;

			pdf_set_inlines(P, &cells[c], cell->inl, cell->ninl,
			    pdf_text_style(P, FONT_BODY, head ? STYLE_BOLD : STYLE_REGULAR, size, NULL), &fmt, &so);
			for (k = 0; k < cells[c].n; k++) {
				cells[c].v[k].before = y;	/* now: the line's top */
				y += cells[c].v[k].h;
			}
			if (y > h)
				h = y;
			x += rtl ? -(cw[c] + gap) : cw[c] + gap;
		}
		/* a row taller than half a page is cut into slices between
		 * its lines, each a row of its own, so that no row runs off
		 * the page */
		nslice = h > P->H * 0.5 ? (size_t)(h / slice) + 1 : 1;
		for (s = 0, top = 0; s < nslice; s++) {
			double sh = 0, s0 = nslice == 1 ? 0 : s * slice, s1 = nslice == 1 ? h + 1 : (s + 1) * slice;

			vb = pdf_vlist_push(vl);
			vb->kind = PDF_VB_ROW;
			pdf_dl_tag(&vb->dl, 1, "TR", NULL);
			for (c = 0; c < row->nkids; c++) {
				int head = row->kids[c].header || row->header, any = 0;

				for (k = 0; k < cells[c].n; k++) {
					struct pdf_vbox *cb = &cells[c].v[k];

					if (cb->before < s0 - 0.01 || cb->before >= s1 - 0.01)
						continue;
					if (!any++)
						pdf_dl_tag(&vb->dl, 1, head ? "TH" : "TD", NULL);
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
				if (any || s == 0) {
					if (!any)
						pdf_dl_tag(&vb->dl, 1, head ? "TH" : "TD", NULL);
					pdf_dl_tag(&vb->dl, 0, head ? "TH" : "TD", NULL);
				}
			}
			pdf_dl_tag(&vb->dl, 0, "TR", NULL);
			if (nslice > 1) {
				vb->h = sh;
				top += sh;
				if (s + 1 < nslice)
					continue;
			}
			vb->h = (nslice > 1 ? sh : h) + lead * 0.25;
			vb->nobreak = row->header;
			/* the pager keeps two body rows on each side of a break */
			vb->row = row->header ? 0 : ++body;
			vb->nrows = nbody;
			if (row->header) {
				op = pdf_dl_push(&vb->dl, OP_RECT);
				op->x = fr.x;
				op->y = vb->h - lead * 0.12;
				op->w = fr.w;
				op->h = 0.4;
				memcpy(op->rgb, P->th->text_color, sizeof(op->rgb));
				/* kept to be drawn again where the table goes
				 * on to a new page */
				if (nslice == 1 && !seen_body) {
					if (thead == NULL) {
						thead = xcalloc(1, sizeof(*thead));
						thead->refs = 1;
					}
					pdf_dl_copy_untagged(&thead->dl, &vb->dl, thead->h);
					thead->h += vb->h;
				}
			} else {
				seen_body = 1;
				if (thead) {
					vb->thead = thead;
					thead->refs++;
				}
			}
		}
		for (c = 0; c < ncol; c++)
			pdf_vlist_free(&cells[c]);
	}
	free(cells);
	pdf_thead_unref(thead);
	vb = pdf_vlist_push(vl);
	vb->h = P->lead * 0.5;
	op = pdf_dl_push(&vb->dl, OP_RECT);
	op->x = fr.x;
	op->w = fr.w;
	op->h = 0.6;
	memcpy(op->rgb, P->th->text_color, sizeof(op->rgb));
	pdf_dl_tag(&vb->dl, 0, "Table", NULL);
	free(nat);
	free(minw);
	free(cw);
}
