/*
 * Pagination: vertical boxes (lines, headings, figures, rules, table rows)
 * onto pages of the text block's height.
 *
 * A page takes boxes while they fit with the footnotes they reference; when
 * the next box does not fit, the page ends after the last box that allows a
 * break. The composer forbids breaks where a break would be bad: after the
 * first line and before the last line of a paragraph (no orphans, no
 * widows), after a heading and the first line that follows it
 * (keep-with-next), between a figure and its caption. In a table, a break
 * leaves at least two body rows on each side (the header row goes with the
 * first two), and a table of up to four body rows stands whole unless it is
 * taller than a page; with the heading's keep and the table's top rule's,
 * a heading stays with the header row and two body rows. Space above a box is
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
pdf_dl_copy_untagged(struct pdf_dl *to, const struct pdf_dl *dl, double dy)
{
	size_t i;

	for (i = 0; i < dl->n; i++) {
		const struct pdf_op *from = &dl->ops[i];
		struct pdf_op *op;

		if (from->kind == OP_TAG_BEGIN || from->kind == OP_TAG_END || from->kind == OP_OUTLINE)
			continue;
		op = pdf_dl_push(to, from->kind);
		*op = *from;
		op->y += dy;
		op->text = from->text ? xstrdup(from->text) : NULL;
		if (from->gi.item)
			op->gi.item = pango_item_copy(from->gi.item);
		if (from->gi.glyphs)
			op->gi.glyphs = pango_glyph_string_copy(from->gi.glyphs);
		if (op->par)
			op->par->refs++;
	}
}

void
pdf_thead_unref(struct pdf_thead *th)
{
	if (th && --th->refs == 0) {
		pdf_dl_free(&th->dl);
		free(th);
	}
}

void
pdf_vlist_free(struct pdf_vlist *vl)
{
	size_t i;

	for (i = 0; i < vl->n; i++) {
		pdf_dl_free(&vl->v[i].dl);
		free(vl->v[i].notes);
		pdf_thead_unref(vl->v[i].thead);
	}
	free(vl->v);
	memset(vl, 0, sizeof(*vl));
}

/* The height of boxes [A, B) of note K, the first one's space above
 * dropped. */
static double
note_part(const struct pdf_vlist *notes, int k, size_t a, size_t b)
{
	double h = 0;
	size_t q;

	for (q = a; q < b; q++)
		h += (q > a ? notes[k].v[q].before : 0) + notes[k].v[q].h;
	return h;
}

/* The end of the least part of note K that may stand on a page from box
 * A: through the first box after which a break is allowed (two lines of
 * a long paragraph, the whole of a short one). */
static size_t
note_min_end(const struct pdf_vlist *notes, int k, size_t a)
{
	size_t q = a;

	while (q < notes[k].n && notes[k].v[q].nobreak)
		q++;
	return q < notes[k].n ? q + 1 : q;
}

/* A note cut after its box UPTO - 1 (its part on this page beginning at
 * box A): the structure elements still open there (the note, its
 * paragraph, a list) are closed by ops appended to SHUT, drawn after the
 * part, and opened again, with the same attributes, by ops put before
 * those of box UPTO. Each page's part of a note is then whole in the tag
 * stream, nested inside whatever body element the page leaves open, and
 * a body paragraph that goes on over the page closes its own element. */
static void
cut_tags(struct pdf_vlist *note, size_t a, size_t upto, struct pdf_dl *shut)
{
	const struct pdf_op **open = NULL;
	struct pdf_dl again = {0};
	size_t nopen = 0, cap = 0, q, i;

	for (q = a; q < upto; q++)
		for (i = 0; i < note->v[q].dl.n; i++) {
			const struct pdf_op *op = &note->v[q].dl.ops[i];

			if (op->kind == OP_TAG_BEGIN) {
				ARRAY_GROW(open, nopen, cap);
				open[nopen++] = op;
			} else if (op->kind == OP_TAG_END && nopen > 0)
				nopen--;
		}
	for (i = nopen; i-- > 0;)
		pdf_dl_tag(shut, 0, open[i]->tag, NULL);
	for (i = 0; i < nopen; i++)
		if (strcmp(open[i]->tag, CAIRO_TAG_DEST) != 0)	/* a destination is named once */
			pdf_dl_tag(&again, 1, open[i]->tag, open[i]->text);
	pdf_dl_move(&again, &note->v[upto].dl, 0, 0);
	pdf_dl_free(&note->v[upto].dl);
	note->v[upto].dl = again;
	free(open);
}

void
pdf_pager_start(struct pdf_pager *pg, size_t nnotes, int first_opener)
{
	free(pg->placed);
	free(pg->next);
	free(pg->carry);
	pg->placed = xcalloc(nnotes + 1, 1);
	pg->next = xcalloc(nnotes + 1, sizeof(*pg->next));
	pg->carry = xcalloc(nnotes + 1, sizeof(*pg->carry));
	pg->ncarry = 0;
	pg->nplaced = nnotes;
	pg->first = first_opener;
}

void
pdf_pager_finish(struct pdf_pager *pg)
{
	free(pg->placed);
	free(pg->next);
	free(pg->carry);
	pg->placed = NULL;
	pg->next = NULL;
	pg->carry = NULL;
	pg->ncarry = 0;
	pg->nplaced = 0;
}

/* Whether a page break after box VB would split a table leaving fewer than
 * two of its body rows on a side (or split a table of four rows or less). */
static int
row_keep(const struct pdf_vbox *vb)
{
	if (vb->kind != PDF_VB_ROW || vb->row == 0)
		return 0;
	return vb->nrows <= 4 || vb->row < 2 || vb->nrows - vb->row < 2;
}

/* Count, at a page break before box END of VL (the page began at I), a
 * table split with fewer than two body rows on a side and a heading parted
 * from the table after it before that table's second body row. */
static void
count_table_keeps(struct pdf_pager *pg, const struct pdf_vlist *vl, size_t i, size_t end)
{
	const struct pdf_vbox *nx = &vl->v[end], *pv = &vl->v[end - 1];
	size_t j = end - 1;
	int maxrow = 0;

	if (end <= i || nx->newpage || (nx->kind != PDF_VB_ROW && nx->kind != PDF_VB_TABLE))
		return;
	/* between two rows, not inside a tall row cut into slices */
	if (nx->kind == PDF_VB_ROW && pv->kind == PDF_VB_ROW && (pv->row > 0 || pv->nobreak) &&
	    (pv->row < 2 || pv->nrows - pv->row < 2))
		pg->rows_stranded++;
	while (j > i && vl->v[j].kind == PDF_VB_ROW) {
		if (vl->v[j].row > maxrow)
			maxrow = vl->v[j].row;
		j--;
	}
	if (maxrow >= 2)
		return;
	if (vl->v[j].kind == PDF_VB_TABLE) {
		if (j == i)
			return;
		j--;
	} else if (nx->kind != PDF_VB_TABLE)
		return;
	/* the space a heading leaves under it */
	while (j > i && vl->v[j].kind == PDF_VB_OTHER && vl->v[j].dl.n == 0)
		j--;
	if (vl->v[j].kind == PDF_VB_HEAD)
		pg->heads_tables++;
}

/* Count, at a page break before box END of VL (the page began at I), a
 * heading left without two lines after it and a figure parted from its
 * caption. */
static void
count_keeps(struct pdf_pager *pg, const struct pdf_vlist *vl, size_t i, size_t end)
{
	const struct pdf_vbox *nx = &vl->v[end];
	size_t j;
	int c = 0;

	if (end <= i || nx->newpage)
		return;
	if (nx->kind == PDF_VB_CAPTION)
		pg->figs_split++;
	for (j = end; j-- > i;) {
		const struct pdf_vbox *vb = &vl->v[j];

		if (vb->kind == PDF_VB_HEAD) {
			/* one line after it is enough when it was all of its
			 * paragraph */
			if (c == 0 || (c == 1 && !(nx->line <= 1 && nx->kind != PDF_VB_CAPTION)))
				pg->heads_stranded++;
			return;
		}
		if (vb->line > 0 || vb->kind == PDF_VB_FIGURE || vb->kind == PDF_VB_ROW)
			if (++c >= 2)
				return;
	}
}

int
pdf_paginate(struct pdf_pager *pg, struct pdf_vlist *vl, struct pdf_vlist *notes,
    size_t nnotes, int final)
{
	unsigned char *placed = pg->placed, *pending = xcalloc(nnotes + 1, 1);
	int *order = xcalloc(nnotes + 1, sizeof(*order));
	size_t *upto = xcalloc(nnotes + 1, sizeof(*upto));
	size_t i = 0, j, end, k, q, o, norder, ncarry;
	int ret = -1;

	if (nnotes > pg->nplaced)
		nnotes = pg->nplaced;
	for (;;) {
		struct pdf_page page;
		double y = 0, noteh, carryh = 0, ny, nat, flex, slack, grow, avail, used, rest, bottom;
		size_t last_ok = (size_t)-1;
		int full = 0, split = 0;
		struct pdf_thead *th;

		if (i >= vl->n && (pg->ncarry == 0 || !final))
			break;
		/* notes continued from the last page come first, whole if
		 * they can */
		for (k = 0; k < pg->ncarry; k++) {
			int n = pg->carry[k];

			carryh += note_part(notes, n, pg->next[n], notes[n].n);
		}
		if (carryh > 0)
			carryh += pg->note_gap;
		noteh = carryh;
		/* a table going on from the last page shows its header again */
		th = i < vl->n && !pg->naive ? vl->v[i].thead : NULL;
		y = th ? th->h : 0;
		memset(pending, 0, nnotes + 1);
		end = vl->n;
		for (j = i; j < vl->n; j++) {
			struct pdf_vbox *vb = &vl->v[j];
			double before = j == i ? 0 : vb->before, nh = 0, nmin = 0, gap;
			int fits;

			if (j > i && vb->newpage) {
				end = j;
				full = 1;
				break;
			}
			for (k = 0; k < vb->nnotes; k++) {
				int n = vb->notes[k];
				size_t d;

				if (n < 0 || (size_t)n >= nnotes || placed[n] || pending[n])
					continue;
				for (d = 0; d < k && vb->notes[d] != n; d++)
					;
				if (d < k)
					continue;
				nh += note_part(notes, n, 0, notes[n].n);
				nmin += note_part(notes, n, 0, note_min_end(notes, n, 0));
			}
			gap = noteh == 0 && nh > 0 ? pg->note_gap : 0;
			fits = y + before + vb->h + noteh + nh + gap <= pg->body_h + 0.01;
			if (!fits && (j > i || carryh > 0)) {
				/* a note too long to stand whole on a page
				 * begins here and goes on at the next */
				if (!pg->naive && !split && nh + gap > pg->body_h / 2 &&
				    y + before + vb->h + noteh + nmin + gap <= pg->body_h + 0.01) {
					split = 1;
					nh = nmin;
				} else {
					end = last_ok != (size_t)-1 ? last_ok + 1 : carryh > 0 ? i : j;
					full = 1;
					break;
				}
			}
			y += before + vb->h;
			noteh += nh + gap;
			for (k = 0; k < vb->nnotes; k++)
				if (vb->notes[k] >= 0 && (size_t)vb->notes[k] < nnotes)
					pending[vb->notes[k]] = 1;
			if ((!vb->nobreak && !row_keep(vb)) || pg->naive)
				last_ok = j;
			if (split && last_ok == j) {
				/* the rest of the page is the note's */
				end = j + 1;
				full = 1;
				break;
			}
		}
		if (!full && !final)
			break;	/* the rest waits for more boxes */
		if (end <= i && pg->ncarry == 0)
			end = i + 1;
		/* the layout's own count of widows and orphans */
		if (end > i && end < vl->n && vl->v[end - 1].line && vl->v[end].line &&
		    vl->v[end].line > 1) {
			pg->breaks++;
			if (vl->v[end - 1].line == 1 || vl->v[end].line == vl->v[end].plines)
				pg->widows++;
		}
		if (end < vl->n) {
			count_keeps(pg, vl, i, end);
			count_table_keeps(pg, vl, i, end);
		}

		memset(&page, 0, sizeof(page));
		page.opener = pg->first;
		/* the notes of this page: those continued, then those first
		 * referenced here, in order of reference */
		norder = 0;
		memset(pending, 0, nnotes + 1);
		for (k = 0; k < pg->ncarry; k++) {
			order[norder++] = pg->carry[k];
			pending[pg->carry[k]] = 1;
		}
		for (j = i; j < end; j++)
			for (k = 0; k < vl->v[j].nnotes; k++) {
				int n = vl->v[j].notes[k];

				if (n >= 0 && (size_t)n < nnotes && !placed[n] && !pending[n]) {
					pending[n] = 1;
					order[norder++] = n;
				}
			}
		nat = th && end > i ? th->h : 0;
		flex = 0;
		for (j = i; j < end; j++) {
			nat += (j == i ? 0 : vl->v[j].before) + vl->v[j].h;
			flex += j == i ? 0 : vl->v[j].before;
		}
		/* how much of each note goes here: at least its least part,
		 * then as much as fits in order */
		avail = pg->body_h - nat - pg->note_gap;
		rest = 0;
		for (o = 0; o < norder; o++) {
			int n = order[o];

			rest += note_part(notes, n, pg->next[n], note_min_end(notes, n, pg->next[n]));
		}
		used = 0;
		for (o = 0; o < norder; o++) {
			int n = order[o];
			size_t a = pg->next[n];
			double h = 0;

			rest -= note_part(notes, n, a, note_min_end(notes, n, a));
			if (pg->naive) {
				upto[o] = notes[n].n;
				used += note_part(notes, n, a, notes[n].n);
				continue;
			}
			for (q = a; q < notes[n].n; q++) {
				double dh = (q > a ? notes[n].v[q].before : 0) + notes[n].v[q].h;

				if (used + h + dh > avail - (rest > 0 ? rest : 0) + 0.01)
					break;
				h += dh;
			}
			if (q < notes[n].n) {
				/* cut where a break is allowed if it can be */
				size_t qb = q;

				while (qb > a && notes[n].v[qb - 1].nobreak)
					qb--;
				if (qb > a)
					q = qb;
			}
			upto[o] = q;
			used += note_part(notes, n, a, q);
		}
		if (end <= i && norder > 0 && upto[0] == pg->next[order[0]]) {
			/* a page of notes that takes none: never so, but were a
			 * note's line taller than the page, it goes anyway */
			upto[0]++;
			used += note_part(notes, order[0], upto[0] - 1, upto[0]);
		}
		/* a page that ends before the text does is filled to its foot
		 * by widening the spaces above headings, figures and the like
		 * (each at most to twice its size); otherwise it stays short */
		slack = pg->body_h - nat - (used > 0 ? used + pg->note_gap : 0);
		grow = end < vl->n && !vl->v[end].newpage && slack > 0.01 && flex > 0 &&
		    slack <= flex && !split && pg->ncarry == 0 ? slack / flex : 0;
		y = 0;
		if (th && end > i) {
			pdf_dl_copy_untagged(&page.dl, &th->dl, 0);
			y = th->h;
			pg->theads++;
		}
		for (j = i; j < end; j++) {
			struct pdf_vbox *vb = &vl->v[j];

			y += j == i ? 0 : vb->before * (1 + grow);
			pdf_dl_move(&page.dl, &vb->dl, 0, y);
			y += vb->h;
		}
		bottom = y;
		ncarry = 0;
		if (norder > 0) {
			struct pdf_op *op;

			ny = pg->body_h - used;
			if (ny < y + pg->note_gap)
				ny = y + pg->note_gap;	/* naive: an oversized note runs on */
			page.note_top = ny;
			op = pdf_dl_push(&page.dl, OP_RECT);
			op->x = 0;
			op->y = ny - pg->note_gap / 2;
			op->w = 72;
			op->h = 0.4;
			for (o = 0; o < norder; o++) {
				int n = order[o];
				size_t a = pg->next[n];
				struct pdf_dl shut = {0};	/* what closes the note's part here */

				placed[n] = 1;
				if (o < pg->ncarry && upto[o] == a)
					pg->notes_gaps += a > 0;	/* a continued note skips this page */
				if (a == 0 && upto[o] > 0)
					pg->notes_placed++;
				if (a == 0 && upto[o] == 0 && o >= pg->ncarry)
					pg->notes_late++;	/* it begins on a later page */
				if (a == 0 && upto[o] > 0 && upto[o] < notes[n].n)
					pg->notes_split++;
				if (upto[o] > a && upto[o] < notes[n].n)
					cut_tags(&notes[n], a, upto[o], &shut);
				for (q = a; q < upto[o]; q++) {
					ny += q > a ? notes[n].v[q].before : 0;
					pdf_dl_move(&page.dl, &notes[n].v[q].dl, 0, ny);
					ny += notes[n].v[q].h;
				}
				pdf_dl_move(&page.dl, &shut, 0, 0);
				pdf_dl_free(&shut);
				pg->next[n] = upto[o];
				if (upto[o] < notes[n].n)
					order[ncarry++] = n;	/* o >= ncarry: safe in place */
			}
			if (ny > bottom)
				bottom = ny;
		}
		memcpy(pg->carry, order, ncarry * sizeof(*order));
		pg->ncarry = ncarry;
		if (bottom > pg->body_h + 0.01)
			pg->overflows++;
		if (bottom > pg->max_bottom)
			pg->max_bottom = bottom;
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
		pdf_thead_unref(vl->v[j].thead);
	}
	memmove(vl->v, vl->v + i, (vl->n - i) * sizeof(*vl->v));
	vl->n -= i;
	free(pending);
	free(order);
	free(upto);
	return ret;
}
