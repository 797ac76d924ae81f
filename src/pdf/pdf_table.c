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
	struct pdf_vlist	*cells;		/* per cell: the current row's (a band's) */
	struct pdf_thead	*thead;
	int			 seen_body, nbody, body;
	/* where each cell of each row sits: its first column and the columns
	 * and rows it spans (colspan, rowspan), per row an array parallel to
	 * the row's cells */
	struct gcell		**grid;
	size_t			 maxcells;	/* the most cells a row has */
};

/* A cell's place in the table's grid. */
struct gcell {
	size_t	 col, cs, rs;
};

/* Each cell's place: rows left to right, past the columns a cell above
 * still spans down into; spans cut to the table (a rowspan ends at the
 * last row). Sets T->ncol, T->grid and T->maxcells. */
static void
table_grid(struct tab *T, const struct block *t)
{
	size_t *busy = NULL, nbusy = 0, r, c, k;

	T->grid = xcalloc(t->nkids + 1, sizeof(*T->grid));
	for (r = 0; r < t->nkids; r++) {
		const struct block *row = &t->kids[r];
		size_t col = 0;

		T->grid[r] = xcalloc(row->nkids + 1, sizeof(**T->grid));
		if (row->nkids > T->maxcells)
			T->maxcells = row->nkids;
		for (c = 0; c < row->nkids; c++) {
			const struct block *cell = &row->kids[c];
			struct gcell *g = &T->grid[r][c];

			while (col < nbusy && busy[col] > 0)
				col++;
			g->col = col;
			g->cs = cell->colspan > 1 ? (size_t)cell->colspan : 1;
			g->rs = cell->rowspan > 1 ? (size_t)cell->rowspan : 1;
			if (g->rs > t->nkids - r)
				g->rs = t->nkids - r;
			if (col + g->cs > nbusy) {
				busy = xrealloc(busy, (col + g->cs) * sizeof(*busy));
				memset(busy + nbusy, 0, (col + g->cs - nbusy) * sizeof(*busy));
				nbusy = col + g->cs;
			}
			for (k = col; k < col + g->cs; k++)
				busy[k] = g->rs;	/* this row counts down below */
			col += g->cs;
		}
		if (nbusy > T->ncol)
			T->ncol = nbusy;
		for (k = 0; k < nbusy; k++)
			if (busy[k] > 0)
				busy[k]--;
	}
	free(busy);
}

/* Free T->grid (of table T with NROWS rows). */
static void
table_grid_free(struct tab *T, size_t nrows)
{
	size_t r;

	for (r = 0; r < nrows; r++)
		free(T->grid[r]);
	free(T->grid);
}

/* The width of cell G (its columns and the gutters between them). */
static double
cell_width(const struct tab *T, const struct gcell *g)
{
	double w = 0;
	size_t k;

	for (k = g->col; k < g->col + g->cs && k < T->ncol; k++)
		w += T->cw[k] + (k > g->col ? T->gap : 0);
	return w;
}

/* Where cell G begins, left of the text block's edge: the widths and
 * gutters of the columns before it (right to left: from the right). */
static double
cell_x(const struct tab *T, const struct gcell *g)
{
	double x = T->rtl ? T->fr.x + T->fr.w : T->fr.x;
	size_t k;

	for (k = 0; k < g->col && k < T->ncol; k++)
		x += T->rtl ? -(T->cw[k] + T->gap) : T->cw[k] + T->gap;
	return T->rtl ? x - cell_width(T, g) : x;
}

/* Each column's natural width (its longest cell on one line) and its
 * least (its longest word: a number or a word is never cut). */
static void
table_measure(struct tab *T, const struct block *t)
{
	size_t r, c, k, pass;

	/* cells of one column first, then those spanning several widen
	 * their columns evenly by what they lack */
	for (pass = 0; pass < 2; pass++)
	for (r = 0; r < t->nkids; r++)
		for (c = 0; c < t->kids[r].nkids; c++) {
			const struct block *cell = &t->kids[r].kids[c];
			const struct gcell *g = &T->grid[r][c];
			struct buf b = {0};
			struct pdf_style st = pdf_text_style(T->P, FONT_BODY, cell->header || t->kids[r].header ?
			    STYLE_BOLD : STYLE_REGULAR, T->size, NULL);
			double w, nat, minw = 0, have = 0, haven = 0;
			char *word, *save = NULL;

			if ((g->cs > 1) != (pass == 1))
				continue;
			inl_text(&b, cell->inl, cell->ninl);
			nat = pdf_text_width(T->P, buf_str(&b), st);
			for (word = strtok_r(b.data ? b.data : (char *)"", " ", &save); word;
			    word = strtok_r(NULL, " ", &save)) {
				w = pdf_text_width(T->P, word, st);
				if (!strpbrk(word, "0123456789") && g_utf8_strlen(word, -1) >= 10)
					w *= 0.7;	/* a long word may be hyphenated */
				if (w > minw)
					minw = w;
			}
			buf_free(&b);
			if (g->cs == 1) {
				T->nat[g->col] = MAX(T->nat[g->col], nat);
				T->minw[g->col] = MAX(T->minw[g->col], minw);
				continue;
			}
			for (k = g->col; k < g->col + g->cs; k++) {
				haven += T->nat[k] + (k > g->col ? T->gap : 0);
				have += T->minw[k] + (k > g->col ? T->gap : 0);
			}
			for (k = g->col; k < g->col + g->cs; k++) {
				if (nat > haven)
					T->nat[k] += (nat - haven) / (double)g->cs;
				if (minw > have)
					T->minw[k] += (minw - have) / (double)g->cs;
			}
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

/* Each cell of ROW (its places G) set on its own into CELLS, its lines'
 * tops (in their BEFORE) from the row's; each cell's height into CH when
 * not NULL. Return the row's height (of its cells of one row). */
static double
table_cells(struct tab *T, const struct block *row, const struct gcell *g, struct pdf_vlist *cells,
    double *ch)
{
	double h = 0;
	size_t c, k;

	for (c = 0; c < row->nkids; c++) {
		const struct block *cell = &row->kids[c];
		int head = cell->header || row->header;
		double w = cell_width(T, &g[c]);
		struct pdf_parfmt fmt = {.width = w, .hyphenate = 1,
		    .align = cell->align == ALIGN_RIGHT ? PA_RIGHT :
		    cell->align == ALIGN_CENTER ? PA_CENTER : PA_LEFT};
		struct setopts so = {.x = cell_x(T, &g[c]), .lead = T->lead, .size = T->size,
		    .src = cell};
		double y = 0;

		pdf_set_inlines(T->P, &cells[c], cell->inl, cell->ninl,
		    pdf_text_style(T->P, FONT_BODY, head ? STYLE_BOLD : STYLE_REGULAR, T->size, NULL),
		    &fmt, &so);
		for (k = 0; k < cells[c].n; k++) {
			cells[c].v[k].before = y;	/* now: the line's top */
			y += cells[c].v[k].h;
		}
		if (ch)
			ch[c] = y;
		if (y > h && g[c].rs == 1)
			h = y;
	}
	return h;
}

/* Open the tag of a cell (TH when HEAD, else TD) at place G in DL, its
 * spans as the attributes the drawer gives it (ColSpan, RowSpan); a part
 * of cell C after the first of a row cut into slices says "+C", so that
 * the drawer's update joins it to the cell's first part. */
static void
cell_tag(struct pdf_dl *dl, int head, const struct gcell *g, int part, size_t c)
{
	char at[64];

	if (part)
		snprintf(at, sizeof(at), "+%zu", c);
	else if (g->cs > 1 && g->rs > 1)
		snprintf(at, sizeof(at), "/ColSpan %zu /RowSpan %zu", g->cs, g->rs);
	else if (g->cs > 1)
		snprintf(at, sizeof(at), "/ColSpan %zu", g->cs);
	else if (g->rs > 1)
		snprintf(at, sizeof(at), "/RowSpan %zu", g->rs);
	pdf_dl_tag(dl, 1, head ? "TH" : "TD", part || g->cs > 1 || g->rs > 1 ? at : NULL);
}

/* Move the lines of ROW's cells whose tops are in [S0, S1) into the row
 * box VB, TOP up, each cell tagged TH or TD (every cell in the first
 * slice, FIRST, even an empty one), with the notes they reference. Return
 * the slice's height. */
static double
table_slice(struct tab *T, const struct block *row, const struct gcell *g, struct pdf_vbox *vb,
    double s0, double s1, double top, int first)
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
				cell_tag(&vb->dl, head, &g[c], !first, c);
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
				cell_tag(&vb->dl, head, &g[c], !first, c);
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
 * row taller than half a page, slices cut between its lines, each a box
 * of its own (a TR, closed in its box, so that the notes drawn under it
 * are not the row's), so that no row runs off the page; the drawer's
 * update joins each cell's parts into one TH or TD of the first slice's
 * TR and drops the TRs left empty: the row is one TR. */
static void
table_row(struct tab *T, const struct block *row, const struct gcell *g)
{
	double h = table_cells(T, row, g, T->cells, NULL), slice = T->lead * 4, top = 0;
	size_t s, c, nslice = h > T->P->H * 0.5 ? (size_t)(h / slice) + 1 : 1;

	for (s = 0; s < nslice; s++) {
		double sh, s0 = nslice == 1 ? 0 : s * slice, s1 = nslice == 1 ? h + 1 : (s + 1) * slice;
		struct pdf_vbox *vb = pdf_vlist_push(T->vl);

		vb->kind = PDF_VB_ROW;
		pdf_dl_tag(&vb->dl, 1, "TR", NULL);
		sh = table_slice(T, row, g, vb, s0, s1, top, s == 0);
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
	for (c = 0; c < row->nkids; c++)
		pdf_vlist_free(&T->cells[c]);
}

/* The row after the last of the band of rows beginning at row R of T:
 * the rows its cells span down into, and theirs. */
static size_t
band_end(const struct tab *T, const struct block *t, size_t r)
{
	size_t end = r + 1, i, c;

	for (i = r; i < end; i++)
		for (c = 0; c < t->kids[i].nkids; c++)
			if (i + T->grid[i][c].rs > end)
				end = i + T->grid[i][c].rs;
	return end;
}

/* The rule under header row I of the band of rows [R0, R1) of T into VB
 * at Y: across the table, but not through a cell that spans on below. */
static void
band_rule(struct tab *T, const struct block *t, size_t r0, size_t i, struct pdf_vbox *vb, double y)
{
	unsigned char *cov = xcalloc(T->ncol + 1, 1);
	size_t j, c, k, a, b;

	for (j = r0; j <= i; j++)
		for (c = 0; c < t->kids[j].nkids; c++) {
			const struct gcell *g = &T->grid[j][c];

			if (j + g->rs > i + 1)
				for (k = g->col; k < g->col + g->cs && k < T->ncol; k++)
					cov[k] = 1;
		}
	for (a = 0; a < T->ncol; a = b) {
		struct gcell run = {0};
		struct pdf_op *op;
		double x0, x1;

		for (; a < T->ncol && cov[a]; a++)
			;
		for (b = a; b < T->ncol && !cov[b]; b++)
			;
		if (a == b)
			break;
		run.col = a;
		run.cs = b - a;
		x0 = cell_x(T, &run);
		x1 = x0 + cell_width(T, &run);
		/* to the table's edge beside its first and last columns */
		if (a == 0)
			*(T->rtl ? &x1 : &x0) = T->rtl ? T->fr.x + T->fr.w : T->fr.x;
		if (b == T->ncol)
			*(T->rtl ? &x0 : &x1) = T->rtl ? T->fr.x : T->fr.x + T->fr.w;
		op = pdf_dl_push(&vb->dl, OP_RECT);
		op->x = x0;
		op->y = y - T->lead * 0.12;
		op->w = x1 - x0;
		op->h = 0.4;
		memcpy(op->rgb, T->P->th->text_color, sizeof(op->rgb));
	}
	free(cov);
}

/* Move the lines of cell C (of ROW I of a band, set into CELLS) into VB,
 * tagged, TOP down, with the notes they reference. */
static void
band_cell(struct tab *T, const struct block *row, const struct gcell *g, size_t c,
    struct pdf_vlist *cells, struct pdf_vbox *vb, double top)
{
	int head = row->kids[c].header || row->header;
	size_t k;

	(void)T;
	cell_tag(&vb->dl, head, &g[c], 0, c);
	for (k = 0; k < cells[c].n; k++) {
		struct pdf_vbox *cb = &cells[c].v[k];

		if (vb->src == NULL) {	/* the band's first words (the page list) */
			vb->src = cb->src;
			vb->src_off = cb->src_off;
		}
		pdf_dl_move(&vb->dl, &cb->dl, 0, top + cb->before);
		if (cb->nnotes) {
			vb->notes = xrealloc(vb->notes, (vb->nnotes + cb->nnotes) * sizeof(*vb->notes));
			memcpy(vb->notes + vb->nnotes, cb->notes, cb->nnotes * sizeof(*vb->notes));
			vb->nnotes += cb->nnotes;
		}
	}
	pdf_dl_tag(&vb->dl, 0, head ? "TH" : "TD", NULL);
	pdf_vlist_free(&cells[c]);
}

/* Rows [R0, R1) of T, which cells span down across (rowspan), as one box:
 * each row a TR, a spanning cell set in its first row and its height
 * shared by the rows it spans (the last grows by what they lack), header
 * rows ruled under except where a cell goes on below. */
static void
table_band(struct tab *T, const struct block *t, size_t r0, size_t r1)
{
	size_t n = r1 - r0, i, c, k;
	struct pdf_vlist **cells = xcalloc(n, sizeof(*cells));
	double **ch = xcalloc(n, sizeof(*ch)), *h = xcalloc(n, sizeof(*h));
	double *top = xcalloc(n + 1, sizeof(*top)), pad = T->lead * 0.25;
	struct pdf_vbox *vb;
	int body = 0;

	for (i = 0; i < n; i++) {
		const struct block *row = &t->kids[r0 + i];

		cells[i] = xcalloc(row->nkids + 1, sizeof(**cells));
		ch[i] = xcalloc(row->nkids + 1, sizeof(**ch));
		h[i] = table_cells(T, row, T->grid[r0 + i], cells[i], ch[i]);
	}
	for (i = 0; i < n; i++)
		for (c = 0; c < t->kids[r0 + i].nkids; c++) {
			const struct gcell *g = &T->grid[r0 + i][c];
			double have = 0;

			for (k = i; g->rs > 1 && k < i + g->rs; k++)
				have += h[k] + (k > i ? pad : 0);
			if (g->rs > 1 && ch[i][c] > have)
				h[i + g->rs - 1] += ch[i][c] - have;
		}
	for (i = 0; i < n; i++)
		top[i + 1] = top[i] + h[i] + pad;
	vb = pdf_vlist_push(T->vl);
	vb->kind = PDF_VB_ROW;
	for (i = 0; i < n; i++) {
		const struct block *row = &t->kids[r0 + i];

		pdf_dl_tag(&vb->dl, 1, "TR", NULL);
		for (c = 0; c < row->nkids; c++)
			band_cell(T, row, T->grid[r0 + i], c, cells[i], vb, top[i]);
		pdf_dl_tag(&vb->dl, 0, "TR", NULL);
		if (row->header)
			band_rule(T, t, r0, r0 + i, vb, top[i + 1]);
		body += !row->header;
		free(cells[i]);
		free(ch[i]);
	}
	vb->h = top[n];
	vb->nobreak = t->kids[r1 - 1].header;
	T->body += body;
	vb->row = body ? T->body : 0;
	vb->nrows = T->nbody;
	if (body == 0 && !T->seen_body) {	/* header rows, drawn again on a new page */
		if (T->thead == NULL) {
			T->thead = xcalloc(1, sizeof(*T->thead));
			T->thead->refs = 1;
		}
		pdf_dl_copy_untagged(&T->thead->dl, &vb->dl, T->thead->h);
		T->thead->h += vb->h;
	} else if (body) {
		T->seen_body = 1;
		if (T->thead) {
			vb->thead = T->thead;
			T->thead->refs++;
		}
	}
	free(cells);
	free(ch);
	free(h);
	free(top);
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
	size_t r, band;

	table_grid(&T, t);
	if (T.ncol == 0) {
		table_grid_free(&T, t->nkids);
		return;
	}
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
	T.cells = xcalloc(T.maxcells + 1, sizeof(*T.cells));
	for (r = 0; r < t->nkids; r = band) {
		band = band_end(&T, t, r);
		if (band == r + 1)
			table_row(&T, &t->kids[r], T.grid[r]);
		else	/* rows a cell spans down across: one box */
			table_band(&T, t, r, band);
	}
	free(T.cells);
	table_grid_free(&T, t->nkids);
	pdf_thead_unref(T.thead);
	vb = pdf_vlist_push(vl);
	vb->h = P->lead * 0.5;
	table_rule(&T, vb);
	pdf_dl_tag(&vb->dl, 0, "Table", NULL);
	free(T.nat);
	free(T.minw);
	free(T.cw);
}
