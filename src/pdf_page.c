/*
 * Pagination: vertical boxes (lines, headings, figures, rules, table rows)
 * onto pages of the text block's height.
 *
 * A page takes boxes while they fit with the footnotes they reference; when
 * the next box does not fit, the page ends after the last box that allows a
 * break. The composer forbids breaks where a break would be bad: after the
 * first line and before the last line of a paragraph (no orphans, no
 * widows), after a heading and the first line that follows it
 * (keep-with-next), between a figure and its caption. Space above a box is
 * dropped at the top of a page. Footnotes go to the foot of the page whose
 * body references them, under a short rule.
 *
 * Pages come out in text-block coordinates; the emit callback adds the
 * margins and the running heads and draws them.
 */
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "pdf_int.h"

struct pdf_vbox *
pdf_vlist_push(struct pdf_vlist *vl)
{
	struct pdf_vbox *v;

	ARRAY_GROW(vl->v, vl->n, vl->cap);
	v = &vl->v[vl->n++];
	memset(v, 0, sizeof(*v));
	return v;
}

void
pdf_vlist_free(struct pdf_vlist *vl)
{
	size_t i;

	for (i = 0; i < vl->n; i++) {
		pdf_dl_free(&vl->v[i].dl);
		free(vl->v[i].notes);
	}
	free(vl->v);
	memset(vl, 0, sizeof(*vl));
}

/* The height of footnote K's boxes. */
static double
note_height(const struct pdf_vlist *notes, size_t nnotes, int k)
{
	double h = 0;
	size_t i;

	if (k < 0 || (size_t)k >= nnotes)
		return 0;
	for (i = 0; i < notes[k].n; i++)
		h += (i ? notes[k].v[i].before : 0) + notes[k].v[i].h;
	return h;
}

void
pdf_pager_start(struct pdf_pager *pg, size_t nnotes, int first_opener)
{
	free(pg->placed);
	pg->placed = xcalloc(nnotes + 1, 1);
	pg->nplaced = nnotes;
	pg->first = first_opener;
}

void
pdf_pager_finish(struct pdf_pager *pg)
{
	free(pg->placed);
	pg->placed = NULL;
	pg->nplaced = 0;
}

int
pdf_paginate(struct pdf_pager *pg, struct pdf_vlist *vl, struct pdf_vlist *notes,
    size_t nnotes, int final)
{
	unsigned char *placed = pg->placed, *pending = xcalloc(nnotes + 1, 1);
	size_t i = 0, j, end, k, q;
	int ret = -1;

	if (nnotes > pg->nplaced)
		nnotes = pg->nplaced;
	while (i < vl->n) {
		struct pdf_page page;
		double y = 0, noteh = 0, ny, nat, flex, slack, grow;
		size_t last_ok = (size_t)-1;
		int full = 0;

		memset(pending, 0, nnotes + 1);
		end = vl->n;
		for (j = i; j < vl->n; j++) {
			struct pdf_vbox *vb = &vl->v[j];
			double before = j == i ? 0 : vb->before, nh = 0;

			if (j > i && vb->newpage) {
				end = j;
				full = 1;
				break;
			}
			for (k = 0; k < vb->nnotes; k++) {
				int n = vb->notes[k];

				if (n >= 0 && (size_t)n < nnotes && !placed[n] && !pending[n])
					nh += note_height(notes, nnotes, n) + (noteh + nh == 0 ? pg->note_gap : 0);
			}
			if (j > i && y + before + vb->h + noteh + nh > pg->body_h + 0.01) {
				end = last_ok != (size_t)-1 ? last_ok + 1 : j;
				full = 1;
				break;
			}
			y += before + vb->h;
			noteh += nh;
			for (k = 0; k < vb->nnotes; k++)
				if (vb->notes[k] >= 0 && (size_t)vb->notes[k] < nnotes)
					pending[vb->notes[k]] = 1;
			if (!vb->nobreak)
				last_ok = j;
		}
		if (!full && !final)
			break;	/* the rest waits for more boxes */
		if (end <= i)
			end = i + 1;
		/* the layout's own count of widows and orphans */
		if (end < vl->n && vl->v[end - 1].line && vl->v[end].line &&
		    vl->v[end].line > 1) {
			pg->breaks++;
			if (vl->v[end - 1].line == 1 || vl->v[end].line == vl->v[end].plines)
				pg->widows++;
		}

		memset(&page, 0, sizeof(page));
		page.opener = pg->first;
		/* footnotes referenced on this page, in order of reference */
		noteh = 0;
		memset(pending, 0, nnotes + 1);
		for (j = i; j < end; j++)
			for (k = 0; k < vl->v[j].nnotes; k++) {
				int n = vl->v[j].notes[k];

				if (n >= 0 && (size_t)n < nnotes && !placed[n] && !pending[n]) {
					pending[n] = 1;
					noteh += note_height(notes, nnotes, n);
				}
			}
		/* a page that ends before the text does is filled to its foot
		 * by widening the spaces above headings, figures and the like
		 * (each at most to twice its size); otherwise it stays short */
		nat = 0;
		flex = 0;
		for (j = i; j < end; j++) {
			nat += (j == i ? 0 : vl->v[j].before) + vl->v[j].h;
			flex += j == i ? 0 : vl->v[j].before;
		}
		slack = pg->body_h - nat - (noteh > 0 ? noteh + pg->note_gap : 0);
		grow = end < vl->n && !vl->v[end].newpage && slack > 0.01 && flex > 0 &&
		    slack <= flex ? slack / flex : 0;
		y = 0;
		for (j = i; j < end; j++) {
			struct pdf_vbox *vb = &vl->v[j];

			y += j == i ? 0 : vb->before * (1 + grow);
			pdf_dl_move(&page.dl, &vb->dl, 0, y);
			y += vb->h;
		}
		if (noteh > 0) {
			struct pdf_op *op;

			ny = pg->body_h - noteh;
			if (ny < y + pg->note_gap)
				ny = y + pg->note_gap;	/* an oversized note: run on */
			page.note_top = ny;
			op = pdf_dl_push(&page.dl, OP_RECT);
			op->x = 0;
			op->y = ny - pg->note_gap / 2;
			op->w = 72;
			op->h = 0.4;
			for (j = i; j < end; j++)
				for (k = 0; k < vl->v[j].nnotes; k++) {
					int n = vl->v[j].notes[k];

					if (n < 0 || (size_t)n >= nnotes || placed[n])
						continue;
					placed[n] = 1;
					for (q = 0; q < notes[n].n; q++) {
						ny += q ? notes[n].v[q].before : 0;
						pdf_dl_move(&page.dl, &notes[n].v[q].dl, 0, ny);
						ny += notes[n].v[q].h;
					}
				}
		}
		if (pg->emit(pg, &page, pg->arg) != 0) {
			pdf_dl_free(&page.dl);
			goto out;
		}
		pdf_dl_free(&page.dl);
		pg->pages++;
		pg->first = 0;
		i = end;
	}
	ret = 0;
out:
	/* drop the boxes that are on pages now */
	for (j = 0; j < i; j++) {
		pdf_dl_free(&vl->v[j].dl);
		free(vl->v[j].notes);
	}
	memmove(vl->v, vl->v + i, (vl->n - i) * sizeof(*vl->v));
	vl->n -= i;
	free(pending);
	return ret;
}
