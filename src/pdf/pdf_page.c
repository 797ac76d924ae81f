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
	vl->pushed++;
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

/* One page being made by pdf_paginate: its boxes [I, END) of the body,
 * and the footnotes it shows (ORDER[0..NORDER), each through its box
 * UPTO[o] - 1), with the scratch the phases share. */
struct pagework {
	struct pdf_pager	*pg;
	struct pdf_vlist	*vl, *notes;
	size_t			 nnotes;
	size_t			 i, end;
	int			 full;		/* the page is full (not the text's end) */
	int			 split;		/* a note begins here and goes on */
	double			 carryh;	/* notes continued from the last page */
	struct pdf_thead	*th;		/* a table's header drawn again on top */
	unsigned char		*pending;	/* per note: on this page */
	int			*order;
	size_t			*upto;
	size_t			 norder;
	double			 nat, flex;	/* the body's height and its spaces */
	double			 used;		/* the notes' height */
};

/* Phase 1: the height the notes continued from the last page ask for,
 * whole, with the gap above them (0 when none). */
static double
carried_height(const struct pagework *w)
{
	const struct pdf_pager *pg = w->pg;
	double h = 0;
	size_t k;

	for (k = 0; k < pg->ncarry; k++) {
		int n = pg->carry[k];

		h += note_part(w->notes, n, pg->next[n], w->notes[n].n);
	}
	return h > 0 ? h + pg->note_gap : 0;
}

/* The height of the notes box VB is the first on this page to reference,
 * whole (*NH) and in their least parts (*NMIN); marks none. */
static void
new_notes_height(const struct pagework *w, const struct pdf_vbox *vb, double *nh, double *nmin)
{
	size_t k, d;

	*nh = *nmin = 0;
	for (k = 0; k < vb->nnotes; k++) {
		int n = vb->notes[k];

		if (n < 0 || (size_t)n >= w->nnotes || w->pg->placed[n] || w->pending[n])
			continue;
		for (d = 0; d < k && vb->notes[d] != n; d++)
			;
		if (d < k)
			continue;
		*nh += note_part(w->notes, n, 0, w->notes[n].n);
		*nmin += note_part(w->notes, n, 0, note_min_end(w->notes, n, 0));
	}
}

/* Phase 2, the decision: where the page ends. Fill it from box W->i with
 * whole boxes and their notes, breaking only where a break is allowed
 * (W->end), unless a note too long for a page may begin here and go on
 * at the next (W->split). W->full when the page is full rather than the
 * boxes at an end. */
static void
fill_page(struct pagework *w)
{
	struct pdf_pager *pg = w->pg;
	struct pdf_vlist *vl = w->vl;
	double y = w->th ? w->th->h : 0, noteh = w->carryh;
	size_t last_ok = (size_t)-1, j, k;

	memset(w->pending, 0, w->nnotes + 1);
	w->end = vl->n;
	w->full = w->split = 0;
	for (j = w->i; j < vl->n; j++) {
		struct pdf_vbox *vb = &vl->v[j];
		double before = j == w->i ? 0 : vb->before, nh, nmin, gap;
		int fits;

		if (j > w->i && vb->newpage) {
			w->end = j;
			w->full = 1;
			return;
		}
		new_notes_height(w, vb, &nh, &nmin);
		gap = noteh == 0 && nh > 0 ? pg->note_gap : 0;
		fits = y + before + vb->h + noteh + nh + gap <= pg->body_h + 0.01;
		if (!fits && (j > w->i || w->carryh > 0)) {
			/* a note too long to stand whole on a page
			 * begins here and goes on at the next */
			if (!pg->naive && !w->split && nh + gap > pg->body_h / 2 &&
			    y + before + vb->h + noteh + nmin + gap <= pg->body_h + 0.01) {
				w->split = 1;
				nh = nmin;
			} else {
				w->end = last_ok != (size_t)-1 ? last_ok + 1 : w->carryh > 0 ? w->i : j;
				w->full = 1;
				return;
			}
		}
		y += before + vb->h;
		noteh += nh + gap;
		for (k = 0; k < vb->nnotes; k++)
			if (vb->notes[k] >= 0 && (size_t)vb->notes[k] < w->nnotes)
				w->pending[vb->notes[k]] = 1;
		if ((!vb->nobreak && !row_keep(vb)) || pg->naive)
			last_ok = j;
		if (w->split && last_ok == j) {
			/* the rest of the page is the note's */
			w->end = j + 1;
			w->full = 1;
			return;
		}
	}
}

/* Phase 3, statistics only: the layout's own count of the page break
 * before box W->end (breaks in paragraphs, widows and orphans, headings
 * stranded, figures parted from captions, tables split badly). Decides
 * nothing. */
static void
count_break(const struct pagework *w)
{
	struct pdf_pager *pg = w->pg;
	const struct pdf_vlist *vl = w->vl;
	size_t i = w->i, end = w->end;

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
}

/* Phase 4: the notes of this page, in W->order: those continued, then
 * those first referenced here, in order of reference. */
static void
order_notes(struct pagework *w)
{
	struct pdf_pager *pg = w->pg;
	size_t j, k;

	w->norder = 0;
	memset(w->pending, 0, w->nnotes + 1);
	for (k = 0; k < pg->ncarry; k++) {
		w->order[w->norder++] = pg->carry[k];
		w->pending[pg->carry[k]] = 1;
	}
	for (j = w->i; j < w->end; j++)
		for (k = 0; k < w->vl->v[j].nnotes; k++) {
			int n = w->vl->v[j].notes[k];

			if (n >= 0 && (size_t)n < w->nnotes && !pg->placed[n] && !w->pending[n]) {
				w->pending[n] = 1;
				w->order[w->norder++] = n;
			}
		}
}

/* Where note N, its part here beginning at box A, is cut when the notes
 * before it use USED and those after need REST of AVAIL: as much as fits,
 * ending where a break is allowed if it can. */
static size_t
note_cut(const struct pagework *w, int n, size_t a, double used, double avail, double rest)
{
	const struct pdf_vlist *note = &w->notes[n];
	double h = 0;
	size_t q, qb;

	for (q = a; q < note->n; q++) {
		double dh = (q > a ? note->v[q].before : 0) + note->v[q].h;

		if (used + h + dh > avail - (rest > 0 ? rest : 0) + 0.01)
			break;
		h += dh;
	}
	if (q < note->n) {
		for (qb = q; qb > a && note->v[qb - 1].nobreak; qb--)
			;
		if (qb > a)
			q = qb;
	}
	return q;
}

/* Phase 5, the decision for the notes: the body's height (W->nat, its
 * spaces W->flex) and how much of each note goes on this page (W->upto,
 * their height W->used): at least its least part, then as much as fits,
 * in order. */
static void
share_notes(struct pagework *w)
{
	struct pdf_pager *pg = w->pg;
	struct pdf_vlist *notes = w->notes;
	double avail, rest = 0;
	size_t j, o;

	w->nat = w->th && w->end > w->i ? w->th->h : 0;
	w->flex = 0;
	for (j = w->i; j < w->end; j++) {
		w->nat += (j == w->i ? 0 : w->vl->v[j].before) + w->vl->v[j].h;
		w->flex += j == w->i ? 0 : w->vl->v[j].before;
	}
	avail = pg->body_h - w->nat - pg->note_gap;
	for (o = 0; o < w->norder; o++) {
		int n = w->order[o];

		rest += note_part(notes, n, pg->next[n], note_min_end(notes, n, pg->next[n]));
	}
	w->used = 0;
	for (o = 0; o < w->norder; o++) {
		int n = w->order[o];
		size_t a = pg->next[n];

		rest -= note_part(notes, n, a, note_min_end(notes, n, a));
		w->upto[o] = pg->naive ? notes[n].n : note_cut(w, n, a, w->used, avail, rest);
		w->used += note_part(notes, n, a, w->upto[o]);
	}
	if (w->end <= w->i && w->norder > 0 && w->upto[0] == pg->next[w->order[0]]) {
		/* a page of notes that takes none: never so, but were a
		 * note's line taller than the page, it goes anyway */
		w->upto[0]++;
		w->used += note_part(notes, w->order[0], w->upto[0] - 1, w->upto[0]);
	}
}

/* Phase 6: the body's boxes onto PAGE (a table's header first), the
 * spaces above them widened to fill a page that ends before the text does
 * (each at most to twice its size; otherwise the page stays short).
 * Return the body's foot. */
static double
place_body(struct pagework *w, struct pdf_page *page)
{
	struct pdf_pager *pg = w->pg;
	struct pdf_vlist *vl = w->vl;
	double slack, grow, y = 0;
	size_t j;

	slack = pg->body_h - w->nat - (w->used > 0 ? w->used + pg->note_gap : 0);
	grow = w->end < vl->n && !vl->v[w->end].newpage && slack > 0.01 && w->flex > 0 &&
	    slack <= w->flex && !w->split && pg->ncarry == 0 ? slack / w->flex : 0;
	if (w->th && w->end > w->i) {
		pdf_dl_copy_untagged(&page->dl, &w->th->dl, 0);
		y = w->th->h;
	}
	for (j = w->i; j < w->end; j++) {
		struct pdf_vbox *vb = &vl->v[j];

		y += j == w->i ? 0 : vb->before * (1 + grow);
		pdf_dl_move(&page->dl, &vb->dl, 0, y);
		y += vb->h;
	}
	return y;
}

/* Statistics only, before the page is made: a table's header drawn
 * again, and for each note of the page (from box pg->next[n] through box
 * UPTO[o] - 1) whether it begins, begins late, is split, or skips this
 * page. Decides nothing. */
static void
count_notes(const struct pagework *w)
{
	struct pdf_pager *pg = w->pg;
	size_t o;

	if (w->th && w->end > w->i)
		pg->theads++;
	for (o = 0; o < w->norder; o++) {
		int n = w->order[o];
		size_t a = pg->next[n], upto = w->upto[o];

		if (o < pg->ncarry && upto == a)
			pg->notes_gaps += a > 0;	/* a continued note skips this page */
		if (a == 0 && upto > 0)
			pg->notes_placed++;
		if (a == 0 && upto == 0 && o >= pg->ncarry)
			pg->notes_late++;	/* it begins on a later page */
		if (a == 0 && upto > 0 && upto < w->notes[n].n)
			pg->notes_split++;
	}
}

/* Statistics only: a page whose foot is at BOTTOM. */
static void
count_foot(struct pdf_pager *pg, double bottom)
{
	if (bottom > pg->body_h + 0.01)
		pg->overflows++;
	if (bottom > pg->max_bottom)
		pg->max_bottom = bottom;
}

/* Phase 7: the notes' parts onto PAGE at the foot of the text block under
 * a rule (below the body's foot BODY_END at least), their tags closed and
 * opened again where one is cut; the notes going on become the pager's
 * carry. Return the notes' foot (BODY_END when there are none). */
static double
place_notes(struct pagework *w, struct pdf_page *page, double body_end)
{
	struct pdf_pager *pg = w->pg;
	struct pdf_vlist *notes = w->notes;
	struct pdf_op *op;
	size_t o, q, ncarry = 0;
	double ny;

	if (w->norder == 0) {
		pg->ncarry = 0;
		return body_end;
	}
	ny = pg->body_h - w->used;
	if (ny < body_end + pg->note_gap)
		ny = body_end + pg->note_gap;	/* naive: an oversized note runs on */
	page->note_top = ny;
	op = pdf_dl_push(&page->dl, OP_RECT);
	op->x = 0;
	op->y = ny - pg->note_gap / 2;
	op->w = 72;
	op->h = 0.4;
	for (o = 0; o < w->norder; o++) {
		int n = w->order[o];
		size_t a = pg->next[n], upto = w->upto[o];
		struct pdf_dl shut = {0};	/* what closes the note's part here */

		pg->placed[n] = 1;
		if (upto > a && upto < notes[n].n)
			cut_tags(&notes[n], a, upto, &shut);
		for (q = a; q < upto; q++) {
			ny += q > a ? notes[n].v[q].before : 0;
			pdf_dl_move(&page->dl, &notes[n].v[q].dl, 0, ny);
			ny += notes[n].v[q].h;
		}
		pdf_dl_move(&page->dl, &shut, 0, 0);
		pdf_dl_free(&shut);
		pg->next[n] = upto;
		if (upto < notes[n].n)
			w->order[ncarry++] = n;	/* o >= ncarry: safe in place */
	}
	memcpy(pg->carry, w->order, ncarry * sizeof(*w->order));
	pg->ncarry = ncarry;
	return ny > body_end ? ny : body_end;
}

/* Return 1 when DL draws something (not only tags and outline entries). */
static int
draws(const struct pdf_dl *dl)
{
	size_t k;

	for (k = 0; k < dl->n; k++)
		if (dl->ops[k].kind != OP_TAG_BEGIN && dl->ops[k].kind != OP_TAG_END &&
		    dl->ops[k].kind != OP_OUTLINE)
			return 1;
	return 0;
}

/* Where PAGE's first word is in the model (for the EPUB's page list): the
 * first box of the body that draws something and knows its source, else
 * the first such box of the notes placed on it. */
static void
page_start(const struct pagework *w, struct pdf_page *page)
{
	size_t j, o, q;

	for (j = w->i; j < w->end; j++)
		if (w->vl->v[j].src && draws(&w->vl->v[j].dl)) {
			page->start = w->vl->v[j].src;
			page->start_off = w->vl->v[j].src_off;
			return;
		}
	for (o = 0; o < w->norder; o++) {
		const struct pdf_vlist *nv = &w->notes[w->order[o]];

		for (q = w->pg->next[w->order[o]]; q < w->upto[o] && q < nv->n; q++)
			if (nv->v[q].src && draws(&nv->v[q].dl)) {
				page->start = nv->v[q].src;
				page->start_off = nv->v[q].src_off;
				return;
			}
	}
}

/* Phase 8: make the page W decided, hand it to the pager's emit and count
 * its foot. Return 0, or -1 with the error set. */
static int
make_page(struct pagework *w)
{
	struct pdf_pager *pg = w->pg;
	struct pdf_page page;
	double bottom;
	int r;

	memset(&page, 0, sizeof(page));
	page.opener = pg->first;
	order_notes(w);
	share_notes(w);
	count_notes(w);
	page_start(w, &page);
	bottom = place_notes(w, &page, place_body(w, &page));
	count_foot(pg, bottom);
	r = pg->emit(pg, &page, pg->arg);
	pdf_dl_free(&page.dl);
	if (r != 0)
		return -1;
	pg->pages++;
	pg->first = 0;
	return 0;
}

int
pdf_paginate(struct pdf_pager *pg, struct pdf_vlist *vl, struct pdf_vlist *notes,
    size_t nnotes, int final)
{
	struct pagework w = { .pg = pg, .vl = vl, .notes = notes };
	size_t j;
	int ret = -1;

	w.nnotes = nnotes > pg->nplaced ? pg->nplaced : nnotes;
	w.pending = xcalloc(w.nnotes + 1, 1);
	w.order = xcalloc(w.nnotes + 1, sizeof(*w.order));
	w.upto = xcalloc(w.nnotes + 1, sizeof(*w.upto));
	for (;;) {
		if (w.i >= vl->n && (pg->ncarry == 0 || !final))
			break;
		w.carryh = carried_height(&w);
		/* a table going on from the last page shows its header again */
		w.th = w.i < vl->n && !pg->naive ? vl->v[w.i].thead : NULL;
		fill_page(&w);
		if (!w.full && !final)
			break;	/* the rest waits for more boxes */
		if (w.end <= w.i && pg->ncarry == 0)
			w.end = w.i + 1;
		count_break(&w);
		if (make_page(&w) != 0)
			goto out;
		w.i = w.end;
	}
	ret = 0;
out:
	/* drop the boxes that are on pages now */
	for (j = 0; j < w.i; j++) {
		pdf_dl_free(&vl->v[j].dl);
		free(vl->v[j].notes);
		pdf_thead_unref(vl->v[j].thead);
	}
	memmove(vl->v, vl->v + w.i, (vl->n - w.i) * sizeof(*vl->v));
	vl->n -= w.i;
	free(w.pending);
	free(w.order);
	free(w.upto);
	return ret;
}
