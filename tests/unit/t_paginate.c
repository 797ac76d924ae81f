/* Pagination on fake boxes: pdf_paginate with no fonts and no drawing.
 * Each box carries one marker op (an OP_DOT whose x is the box's id), so a
 * page shows where every box and note box landed. Widows and orphans,
 * keep-with-next, a new page, a footnote at the foot of its page, one too
 * long for a page that goes on at the next, growing spaces and the layout
 * statistics. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../tap.h"
#include "buf.h"
#include "pdf/pdf_int.h"

/* What the pages showed, one line a page: "p1 b0@0 b1@12 | rule@190 n0.0@191". */
struct seen {
	struct buf	 b;
};

static int
emit(struct pdf_pager *pg, struct pdf_page *page, void *arg)
{
	struct seen *s = arg;
	size_t i;

	buf_printf(&s->b, "p%d%s", pg->pages + 1, page->opener ? "*" : "");
	for (i = 0; i < page->dl.n; i++) {
		const struct pdf_op *op = &page->dl.ops[i];

		if (op->kind == OP_DOT && op->x < 1000)
			buf_printf(&s->b, " b%d@%g", (int)op->x, op->y);
		else if (op->kind == OP_DOT)
			buf_printf(&s->b, " n%d.%d@%g", (int)op->x / 1000 - 1, (int)op->x % 1000, op->y);
		else if (op->kind == OP_RECT)
			buf_printf(&s->b, " | rule@%g", op->y);
		else if (op->kind == OP_TAG_BEGIN)
			buf_printf(&s->b, " <%s>", op->tag);
		else if (op->kind == OP_TAG_END)
			buf_printf(&s->b, " </%s>", op->tag);
	}
	buf_putc(&s->b, '\n');
	return 0;
}

/* Append a box of height H with space BEFORE above, marked ID. */
static struct pdf_vbox *
box(struct pdf_vlist *vl, int id, double h, double before)
{
	struct pdf_vbox *vb = pdf_vlist_push(vl);
	struct pdf_op *op = pdf_dl_push(&vb->dl, OP_DOT);

	op->x = id;
	vb->h = h;
	vb->before = before;
	return vb;
}

/* A paragraph of N lines of height H (ids from ID0), the composer's way:
 * no break after its first line nor before its last. */
static void
para(struct pdf_vlist *vl, int id0, int n, double h, double before)
{
	int l;

	for (l = 0; l < n; l++) {
		struct pdf_vbox *vb = box(vl, id0 + l, h, l == 0 ? before : 0);

		vb->line = l + 1;
		vb->plines = n;
		vb->nobreak = n > 1 && (l == 0 || l == n - 2);
	}
}

/* Make box VB reference note N. */
static void
refer(struct pdf_vbox *vb, int n)
{
	vb->notes = realloc(vb->notes, (vb->nnotes + 1) * sizeof(*vb->notes));
	vb->notes[vb->nnotes++] = n;
}

/* Note N: a paragraph of LINES lines of height H, inside a Note tag. */
static void
note(struct pdf_vlist *notes, int n, int lines, double h)
{
	int l;

	for (l = 0; l < lines; l++) {
		struct pdf_vbox *vb = box(&notes[n], (n + 1) * 1000 + l, h, 0);

		vb->line = l + 1;
		vb->plines = lines;
		vb->nobreak = lines > 1 && (l == 0 || l == lines - 2);
		if (l == 0)
			pdf_dl_tag(&vb->dl, 1, "Note", NULL);
		if (l == lines - 1)
			pdf_dl_tag(&vb->dl, 0, "Note", NULL);
	}
	/* the marker first, then the tag: put the tag before it */
	if (lines > 0 && notes[n].v[0].dl.n == 2 + (lines == 1)) {
		struct pdf_op t = notes[n].v[0].dl.ops[1];

		notes[n].v[0].dl.ops[1] = notes[n].v[0].dl.ops[0];
		notes[n].v[0].dl.ops[0] = t;
	}
}

/* Paginate VL (with NNOTES notes) on pages of BODY_H and note gap 6; the
 * pages in *OUT (fresh). FINAL as pdf_paginate. */
static int
run(struct pdf_pager *pg, struct pdf_vlist *vl, struct pdf_vlist *notes, size_t nnotes,
    double body_h, int naive, char **out)
{
	struct seen s = {{0}};
	int r;

	memset(pg, 0, sizeof(*pg));
	pg->body_h = body_h;
	pg->note_gap = 6;
	pg->emit = emit;
	pg->arg = &s;
	pg->naive = naive;
	pdf_pager_start(pg, nnotes, 1);
	r = pdf_paginate(pg, vl, notes, nnotes, 1);
	pdf_pager_finish(pg);
	*out = buf_detach(&s.b);
	return r;
}

static void
free_notes(struct pdf_vlist *notes, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		pdf_vlist_free(&notes[i]);
}

/* A paragraph of 10 lines of 12 pt on pages of 110 pt: 9 lines fit, but
 * the composer forbids a break after line 9 (its last but one: the last
 * would stand alone, a widow), so the page ends after line 8. Ignoring
 * keeps, the widow is made and counted. A paragraph's first line is not
 * left alone at a page's foot (an orphan). */
static void
widows_orphans(void)
{
	struct pdf_pager pg;
	struct pdf_vlist vl = {0};
	char *out;

	para(&vl, 0, 10, 12, 0);
	ok(run(&pg, &vl, NULL, 0, 110, 0, &out) == 0, "a paragraph onto pages");
	is_str(out, "p1* b0@0 b1@12 b2@24 b3@36 b4@48 b5@60 b6@72 b7@84\np2 b8@0 b9@12\n",
	    "nine lines fit but the page ends after eight: no widow");
	ok(pg.pages == 2 && pg.breaks == 1 && pg.widows == 0, "one break in the paragraph, no widow counted");
	free(out);
	pdf_vlist_free(&vl);

	/* naive: keeps are ignored, and the widow is counted */
	para(&vl, 0, 10, 12, 0);
	run(&pg, &vl, NULL, 0, 110, 1, &out);
	is_str(out, "p1* b0@0 b1@12 b2@24 b3@36 b4@48 b5@60 b6@72 b7@84 b8@96\np2 b9@0\n",
	    "ignoring keeps, the last line stands alone");
	ok(pg.breaks == 1 && pg.widows == 1, "and the statistics count it as a widow");
	free(out);
	pdf_vlist_free(&vl);

	/* an orphan: a paragraph of 4 lines after 8 lines on a 9-line page
	 * does not leave its first line at the foot */
	para(&vl, 0, 8, 12, 0);
	para(&vl, 100, 4, 12, 0);
	run(&pg, &vl, NULL, 0, 110, 0, &out);
	is_str(out, "p1* b0@0 b1@12 b2@24 b3@36 b4@48 b5@60 b6@72 b7@84\np2 b100@0 b101@12 b102@24 b103@36\n",
	    "no orphan: the next paragraph's first line goes over with it");
	free(out);
	pdf_vlist_free(&vl);
}

/* A heading kept with the next paragraph; its space above dropped at the
 * top of the page; a box that starts a new page. */
static void
keeps(void)
{
	struct pdf_pager pg;
	struct pdf_vlist vl = {0};
	struct pdf_vbox *h;
	char *out;

	para(&vl, 0, 7, 12, 0);			/* 0 .. 84 */
	h = box(&vl, 50, 14, 10);		/* would end at 108 */
	h->nobreak = 1;
	h->kind = PDF_VB_HEAD;
	para(&vl, 60, 3, 12, 4);
	run(&pg, &vl, NULL, 0, 110, 0, &out);
	is_str(out, "p1* b0@0 b1@12 b2@24 b3@36 b4@48 b5@60 b6@72\np2 b50@0 b60@18 b61@30 b62@42\n",
	    "the heading goes over with its paragraph, its space above dropped");
	ok(pg.heads_stranded == 0, "no heading stranded");
	free(out);
	pdf_vlist_free(&vl);

	para(&vl, 0, 7, 12, 0);
	h = box(&vl, 50, 14, 10);
	h->nobreak = 1;
	h->kind = PDF_VB_HEAD;
	para(&vl, 60, 3, 12, 4);
	run(&pg, &vl, NULL, 0, 110, 1, &out);
	is_str(out, "p1* b0@0 b1@12 b2@24 b3@36 b4@48 b5@60 b6@72 b50@96\np2 b60@0 b61@12 b62@24\n",
	    "ignoring keeps, the heading stays at the foot (its space above grown by the 2 pt left)");
	ok(pg.heads_stranded == 1, "and is counted as stranded");
	free(out);
	pdf_vlist_free(&vl);

	para(&vl, 0, 2, 12, 0);
	box(&vl, 10, 12, 20)->newpage = 1;
	box(&vl, 11, 12, 0);
	run(&pg, &vl, NULL, 0, 110, 0, &out);
	is_str(out, "p1* b0@0 b1@12\np2 b10@0 b11@12\n", "a box that starts a new page does");
	free(out);
	pdf_vlist_free(&vl);
}

/* Spaces above boxes grow to fill a page that ends before the text does
 * (each to at most twice its size). */
static void
growing(void)
{
	struct pdf_pager pg;
	struct pdf_vlist vl = {0};
	char *out;

	box(&vl, 0, 40, 0);
	box(&vl, 1, 40, 10);
	box(&vl, 2, 40, 10);
	run(&pg, &vl, NULL, 0, 100, 0, &out);
	is_str(out, "p1* b0@0 b1@60\np2 b2@0\n", "the space above the second box grows by the 10 pt left, to twice its size");
	free(out);
	pdf_vlist_free(&vl);
}

/* Footnotes: one at the foot of the page referencing it; one too long for
 * a page begins there and goes on at the next, its tags closed and opened
 * again; the statistics. */
static void
footnotes(void)
{
	struct pdf_pager pg;
	struct pdf_vlist vl = {0}, notes[2] = {{0}};
	char *out;

	para(&vl, 0, 3, 12, 0);
	refer(&vl.v[1], 0);
	note(notes, 0, 2, 10);
	run(&pg, &vl, notes, 1, 110, 0, &out);
	is_str(out, "p1* b0@0 b1@12 b2@24 | rule@87 <Note> n0.0@90 n0.1@100 </Note>\n",
	    "a note at the foot of its page, under a rule");
	ok(pg.notes_placed == 1 && pg.notes_split == 0 && pg.notes_late == 0, "placed, whole, on time");
	free(out);
	pdf_vlist_free(&vl);
	free_notes(notes, 2);

	/* a note of 12 lines of 10 pt on pages of 110 pt, referenced by the
	 * second line of a 12-line paragraph */
	para(&vl, 0, 12, 12, 0);
	refer(&vl.v[1], 0);
	para(&vl, 100, 2, 12, 0);
	refer(&vl.v[12], 1);
	note(notes, 0, 12, 10);
	note(notes, 1, 1, 10);
	run(&pg, &vl, notes, 2, 110, 0, &out);
	is_str(out,
	    "p1* b0@0 b1@12 | rule@27 <Note> n0.0@30 n0.1@40 n0.2@50 n0.3@60 n0.4@70 n0.5@80 n0.6@90 n0.7@100 </Note>\n"
	    "p2 b2@0 b3@12 b4@24 b5@36 b6@48 | rule@67 <Note> n0.8@70 n0.9@80 n0.10@90 n0.11@100 </Note>\n"
	    "p3 b7@0 b8@12 b9@24 b10@36 b11@48 b100@60 b101@72 | rule@97 <Note> n1.0@100 </Note>\n",
	    "a long note begins on its page and goes on at the next, its tag closed and opened again");
	ok(pg.notes_placed == 2 && pg.notes_split == 1 && pg.notes_gaps == 0 && pg.notes_late == 0,
	    "two notes placed, one split, none late");
	ok(pg.overflows == 0 && pg.max_bottom <= 110.01, "nothing below the text block (lowest %g)",
	    pg.max_bottom);
	free(out);
	pdf_vlist_free(&vl);
	free_notes(notes, 2);
}

/* Not final: only full pages are made; the rest waits for more boxes. */
static void
waiting(void)
{
	struct pdf_pager pg;
	struct pdf_vlist vl = {0};
	struct seen s = {{0}};
	char *out;

	para(&vl, 0, 12, 12, 0);
	memset(&pg, 0, sizeof(pg));
	pg.body_h = 110;
	pg.note_gap = 6;
	pg.emit = emit;
	pg.arg = &s;
	pdf_pager_start(&pg, 0, 0);
	ok(pdf_paginate(&pg, &vl, NULL, 0, 0) == 0 && pg.pages == 1 && vl.n == 3,
	    "not final: one full page, three boxes wait (%zu)", vl.n);
	para(&vl, 100, 2, 12, 0);
	ok(pdf_paginate(&pg, &vl, NULL, 0, 1) == 0 && vl.n == 0, "final: the rest is set");
	pdf_pager_finish(&pg);
	out = buf_detach(&s.b);
	is_str(out, "p1 b0@0 b1@12 b2@24 b3@36 b4@48 b5@60 b6@72 b7@84 b8@96\n"
	    "p2 b9@0 b10@12 b11@24 b100@36 b101@48\n", "the waiting boxes begin the next page");
	free(out);
	pdf_vlist_free(&vl);
}

int
main(void)
{
	widows_orphans();
	keeps();
	growing();
	footnotes();
	waiting();
	return done_testing();
}
