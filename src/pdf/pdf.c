/*
 * The PDF typesetter's composer: the book model to vertical boxes, pages
 * and a Cairo PDF. See pdf_int.h for the layers.
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
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "model/lang.h"
#include "model/date.h"
#include "pdf.h"
#include "pdf_int.h"
#include "model/words.h"

/* An article's headline, in body sizes: a step of about 1.7 on the
 * classical scale (18 pt over 10.5 pt), bold. Larger type would need a
 * word space tighter than display setting allows to keep the gaps of a
 * two-line headline in proportion to the text's. */
#define HEADLINE_SCALE	1.75

/* The least text block a book is set in: lines of body text, and a
 * measure in body sizes (two characters a size, about). */
#define MIN_LINES	8
#define MIN_MEASURE	12.0

/* Images are drawn at no fewer pixels an inch than this. */
#define MIN_PPI		150.0

struct pdf {
	const struct book	*book;
	const struct options	*opt;
	struct theme		*th;
	struct pdf_fonts	 fonts;
	struct pdf_drawer	 dr;
	struct pdf_pager	 pg;
	double			 W, H;		/* text block */
	double			 size, lead;
	double			 grey[3];
	int			 folio;		/* next arabic folio */
	int			 page_open;	/* a drawn page awaits show_page */
	size_t			 ai;		/* current article */
	const struct article	*art;
	int			*art_folio;	/* folio of each article's opener */
	/* the current article's footnotes and their destinations */
	struct pdf_vlist	*notes;
	char		       **note_dest;
	size_t			 nnotes;
	/* running heads, shaped once */
	struct pdf_shaped	 head_sp[2];	/* 0 verso (book), 1 recto (article) */
	struct pdf_para		 head_pa[2];
	struct pdf_parfmt	 head_fmt;
	int			 heads_ok[2];
	int			 first_para;	/* no indent on the next paragraph */
	double			 fig_room;	/* > 0: a figure's picture is at most this tall */
	struct pdf_vlist	*main;		/* the article's boxes, paginated as they come */
	int			 failed;	/* drawing failed: the error is set */
	size_t			 notes_total;	/* footnotes in the book */
};

/* When the article's boxes pile up, put the full pages among them on paper
 * (a long article never sits whole in memory). */
static void
flush(struct pdf *P, struct pdf_vlist *vl)
{
	if (vl != P->main || vl->n < 512 || P->failed)
		return;
	if (pdf_paginate(&P->pg, vl, P->notes, P->nnotes, 0) != 0)
		P->failed = 1;
}

/* ---- inline text to shaped paragraphs ---- */

/* Return 1 when HREF is a link a PDF may carry (web or mail). */
static int
safe_href(const char *h)
{
	return h && (str_startswith(h, "http://") || str_startswith(h, "https://") ||
	    str_startswith(h, "mailto:"));
}

/* Append TEXT with newlines as spaces. */
static void
add_text(struct pdf_shaped *sp, const char *text, const struct pdf_style *st)
{
	const char *p = text, *nl;

	while ((nl = strchr(p, '\n')) != NULL) {
		pdf_shaped_add(sp, p, (size_t)(nl - p), st);
		pdf_shaped_add(sp, " ", 1, st);
		p = nl + 1;
	}
	pdf_shaped_add(sp, p, strlen(p), st);
}

/* Append inlines IN[0..N) to SP in style ST (emphasis, code, links and
 * note marks change it for their kids). */
static void
add_inlines(struct pdf *P, struct pdf_shaped *sp, const struct inl *in, size_t n,
    struct pdf_style st)
{
	size_t i;

	for (i = 0; i < n; i++) {
		struct pdf_style s = st;

		switch (in[i].type) {
		case INL_TEXT:
			if (in[i].text)
				add_text(sp, in[i].text, &st);
			break;
		case INL_EMPH:
			s.style = st.style == STYLE_ITALIC ? STYLE_REGULAR :
			    st.style == STYLE_BOLD ? STYLE_BOLDITALIC :
			    st.style == STYLE_BOLDITALIC ? STYLE_BOLD : STYLE_ITALIC;
			add_inlines(P, sp, in[i].kids, in[i].nkids, s);
			break;
		case INL_STRONG:
			s.style = st.style == STYLE_ITALIC || st.style == STYLE_BOLDITALIC ?
			    STYLE_BOLDITALIC : STYLE_BOLD;
			add_inlines(P, sp, in[i].kids, in[i].nkids, s);
			break;
		case INL_STRIKE:
			s.strike = 1;
			add_inlines(P, sp, in[i].kids, in[i].nkids, s);
			break;
		case INL_CODE:
			s.role = FONT_MONO;
			s.style = STYLE_REGULAR;
			s.size = st.size * 0.88;
			s.nohyph = 1;
			if (in[i].text)
				add_text(sp, in[i].text, &s);
			break;
		case INL_LINK:
			if (safe_href(in[i].href)) {
				s.href = in[i].href;
				s.nohyph = 1;
			}
			add_inlines(P, sp, in[i].kids, in[i].nkids, s);
			break;
		case INL_BREAK:
			pdf_shaped_add(sp, "\xe2\x80\xa8", 3, &st);
			break;
		case INL_SUP:
		case INL_SUB:
			s.size = st.size * 0.7;
			s.rise = st.rise + (in[i].type == INL_SUP ? st.size * 0.33 : -st.size * 0.14);
			add_inlines(P, sp, in[i].kids, in[i].nkids, s);
			break;
		case INL_SMALL:
			s.size = st.size * 0.85;
			add_inlines(P, sp, in[i].kids, in[i].nkids, s);
			break;
		case INL_MARK:
			s.mark = 1;
			add_inlines(P, sp, in[i].kids, in[i].nkids, s);
			break;
		case INL_KBD:
			s.role = FONT_MONO;
			s.style = STYLE_REGULAR;
			s.size = st.size * 0.88;
			s.nohyph = 1;
			add_inlines(P, sp, in[i].kids, in[i].nkids, s);
			break;
		case INL_Q:		/* the marks are its first and last kids (punct.c) */
		case INL_ABBR:
			add_inlines(P, sp, in[i].kids, in[i].nkids, s);
			break;
		case INL_NOTEREF:
			s.size = st.size * 0.62;
			s.rise = st.size * 0.36;
			s.note = (int)in[i].note;
			s.href = NULL;
			s.dest = in[i].note < P->nnotes ? P->note_dest[in[i].note] : NULL;
			s.nohyph = 1;
			pdf_shaped_add(sp, in[i].text ? in[i].text : "*",
			    strlen(in[i].text ? in[i].text : "*"), &s);
			break;
		}
	}
}

/* The default style at SIZE in ROLE/STYLE. */
static struct pdf_style
style(struct pdf *P, int role, int sty, double size, const double *rgb)
{
	struct pdf_style s;

	memset(&s, 0, sizeof(s));
	s.role = role;
	s.style = sty;
	s.size = size;
	s.rgb = rgb ? rgb : P->th->text_color;
	s.note = -1;
	return s;
}

/* ---- vertical boxes ---- */

/* Where the baseline sits in a line box of height LEAD for text of SIZE. */
static double
baseline(double lead, double size)
{
	return lead - (lead - size) / 2 - size * 0.22;
}

struct setopts {
	double		 x;		/* left edge inside the text block */
	double		 lead;		/* line height */
	double		 size;
	double		 before;	/* space above the first line */
	const char	*tag;		/* structure tag around the paragraph */
	const char	*dest;		/* a destination around the first line */
	int		 keep;		/* keep with what follows */
	int		 outline;	/* outline level (0: none) */
	struct pdf_dl	*first;		/* ops to put before the first line */
	int		 no_open;	/* the tag was opened by an earlier part */
	int		 no_close;	/* a later part closes the tag */
	int		 kind;		/* PDF_VB_… of the lines */
};

/* Shape SP, break it into lines of FMT and append a box per line to VL.
 * Return the number of lines. */
static size_t
set_para(struct pdf *P, struct pdf_vlist *vl, struct pdf_shaped *sp,
    const struct pdf_parfmt *fmt, const struct setopts *so)
{
	struct pdf_parref *par;
	struct pdf_para pa;
	struct pdf_op *op;
	size_t l, s, n, *nspan = NULL, nn = 0;
	double bl = baseline(so->lead, so->size);

	pdf_shape(&P->fonts, sp);
	/* the paragraph moves into a shared reference its lines draw from */
	par = xcalloc(1, sizeof(*par));
	par->f = &P->fonts;
	par->sp = *sp;
	par->fmt = *fmt;
	memset(sp, 0, sizeof(*sp));
	sp = &par->sp;
	pdf_para_set(&P->fonts, sp, fmt, &par->pa);
	pa = par->pa;
	n = pa.nlines;
	for (s = 0; s < sp->nspans; s++)
		if (sp->spans[s].st.note >= 0) {
			nspan = xrealloc(nspan, (nn + 1) * sizeof(*nspan));
			nspan[nn++] = s;
		}
	s = 0;
	for (l = 0; l < n; l++) {
		struct pdf_vbox *vb = pdf_vlist_push(vl);
		size_t b0 = sp->coff[pa.lines[l].c0], b1 = sp->coff[pa.lines[l].c1];

		vb->h = so->lead;
		vb->before = l == 0 ? so->before : 0;
		vb->line = (int)l + 1;
		vb->plines = (int)n;
		vb->kind = so->kind;
		/* no orphan (one line at a page's foot), no widow (one at the top) */
		vb->nobreak = l == n - 1 ? so->keep : !(l >= 1 && n - l - 1 >= 2);
		/* no word broken across a page turn */
		if (pa.lines[l].hyphen)
			vb->nobreak = 1;
		if (l == 0) {
			if (so->first)
				pdf_dl_move(&vb->dl, so->first, 0, 0);
			if (so->outline) {
				struct buf t = {0};

				op = pdf_dl_push(&vb->dl, OP_OUTLINE);
				op->level = so->outline;
				op->x = so->x;
				op->y = 0;
				op->text = xstrdup(buf_str(&sp->text));
				buf_free(&t);
			}
			if (so->tag && !so->no_open)
				pdf_dl_tag(&vb->dl, 1, so->tag, NULL);
			if (so->dest) {
				struct buf a = {0};

				buf_printf(&a, "name='%s'", so->dest);
				pdf_dl_tag(&vb->dl, 1, CAIRO_TAG_DEST, buf_str(&a));
				buf_free(&a);
			}
		}
		op = pdf_dl_push(&vb->dl, OP_LINE);
		op->par = par;
		op->level = (int)l;
		op->x = so->x;
		op->y = bl;
		par->refs++;
		if (l == 0 && so->dest)
			pdf_dl_tag(&vb->dl, 0, CAIRO_TAG_DEST, NULL);
		if (l == n - 1 && so->tag && !so->no_close)
			pdf_dl_tag(&vb->dl, 0, so->tag, NULL);
		/* footnotes referenced from this line (note spans, in order) */
		for (; s < nn && (sp->spans[nspan[s]].start < b1 || l == n - 1); s++) {
			if (sp->spans[nspan[s]].start < b0 && l > 0)
				continue;
			vb->notes = xrealloc(vb->notes, (vb->nnotes + 1) * sizeof(*vb->notes));
			vb->notes[vb->nnotes++] = sp->spans[nspan[s]].st.note;
		}
	}
	if (n == 0 && (so->tag || so->first)) {
		/* an empty paragraph still closes what it opened */
		struct pdf_vbox *vb = pdf_vlist_push(vl);

		if (so->first)
			pdf_dl_move(&vb->dl, so->first, 0, 0);
		vb->nobreak = so->keep;
	}
	free(nspan);
	if (par->refs == 0) {
		pdf_para_free(&par->pa);
		pdf_shaped_free(&par->sp);
		free(par);
	}
	return n;
}

/* Paragraphs longer than this many bytes are set in parts (broken at a
 * space), so that a pathological 20 MB paragraph needs tens of megabytes,
 * not gigabytes; each part is broken as a whole. */
#define PARA_PART	(256 * 1024)

/* set_para for SP, in parts when it is huge. Return the number of lines. */
static size_t
set_para_parts(struct pdf *P, struct pdf_vlist *vl, struct pdf_shaped *sp,
    const struct pdf_parfmt *fmt, const struct setopts *so)
{
	const char *text = buf_str(&sp->text);
	size_t len = sp->text.len, start = 0, end, n = 0, k;

	if (len <= PARA_PART)
		return set_para(P, vl, sp, fmt, so);
	while (start < len) {
		struct pdf_shaped part;
		struct pdf_parfmt f = *fmt;
		struct setopts o = *so;

		end = start + PARA_PART;
		if (end >= len)
			end = len;
		else {
			size_t e = end;

			while (e < len && e < end + 4096 && text[e] != ' ')
				e++;
			if (e < len && text[e] == ' ')
				end = e;
			while (end > start && ((unsigned char)text[end] & 0xc0) == 0x80)
				end--;	/* never inside a character */
		}
		pdf_shaped_init(&part, sp->lang, sp->rtl);
		for (k = 0; k < sp->nspans; k++) {
			size_t a = sp->spans[k].start > start ? sp->spans[k].start : start;
			size_t b = sp->spans[k].end < end ? sp->spans[k].end : end;

			if (a < b)
				pdf_shaped_add(&part, text + a, b - a, &sp->spans[k].st);
		}
		if (start > 0) {
			f.indent = 0;
			o.no_open = 1;
			o.first = NULL;
			o.dest = NULL;
			o.outline = 0;
			o.before = 0;
		}
		if (end < len) {
			o.no_close = 1;
			o.keep = 0;
		}
		n += set_para(P, vl, &part, &f, &o);
		pdf_shaped_free(&part);
		flush(P, vl);
		start = end < len && text[end] == ' ' ? end + 1 : end;
	}
	return n;
}

/* Set inlines IN[0..N) as one paragraph. */
static void
set_inlines(struct pdf *P, struct pdf_vlist *vl, const struct inl *in, size_t n,
    struct pdf_style st, const struct pdf_parfmt *fmt, const struct setopts *so)
{
	struct pdf_shaped sp;

	pdf_shaped_init(&sp, P->art ? P->art->lang : P->book->lang, P->art && P->art->dir == DIR_RTL);
	add_inlines(P, &sp, in, n, st);
	set_para_parts(P, vl, &sp, fmt, so);
	pdf_shaped_free(&sp);
}

/* Set the plain string TEXT as one paragraph. */
static void
set_string(struct pdf *P, struct pdf_vlist *vl, const char *text, struct pdf_style st,
    const struct pdf_parfmt *fmt, const struct setopts *so, int rtl)
{
	struct pdf_shaped sp;

	pdf_shaped_init(&sp, P->art ? P->art->lang : P->book->lang, rtl);
	add_text(&sp, text, &st);
	set_para_parts(P, vl, &sp, fmt, so);
	pdf_shaped_free(&sp);
}

/* A space-only box of height H. */
static void
space(struct pdf_vlist *vl, double h, int nobreak)
{
	struct pdf_vbox *vb = pdf_vlist_push(vl);

	vb->h = h;
	vb->nobreak = nobreak;
}

/* The layout context of a block: its left edge and width. */
struct frame {
	double	 x, w;
	int	 depth;		/* list nesting */
	int	 inquote;
};

static void set_blocks(struct pdf *P, struct pdf_vlist *vl, const struct block *b, size_t n,
    struct frame fr, struct pdf_dl *marker);

/* Width of TEXT in STYLE on one line (natural). */
static double
text_width(struct pdf *P, const char *text, struct pdf_style st)
{
	struct pdf_shaped sp;
	double w = 0;
	int c;

	pdf_shaped_init(&sp, P->art ? P->art->lang : NULL, 0);
	add_text(&sp, text, &st);
	pdf_shape(&P->fonts, &sp);
	for (c = 0; c < sp.nchars; c++)
		w += sp.cw[c];
	pdf_shaped_free(&sp);
	return w;
}

/* Set a one-line label (a list marker) right-aligned to end at X into DL
 * with its baseline at Y. */
static void
set_label(struct pdf *P, struct pdf_dl *dl, const char *text, struct pdf_style st,
    double x, double y)
{
	struct pdf_shaped sp;
	struct pdf_parfmt fmt = {.width = 200, .align = PA_RIGHT};
	struct pdf_para pa;

	pdf_shaped_init(&sp, P->art ? P->art->lang : NULL, 0);
	add_text(&sp, text, &st);
	pdf_shape(&P->fonts, &sp);
	pdf_para_set(&P->fonts, &sp, &fmt, &pa);
	if (pa.nlines > 0)
		pdf_para_draw_line(&P->fonts, &sp, &fmt, &pa, 0, dl, x - 200, y);
	pdf_para_free(&pa);
	pdf_shaped_free(&sp);
}

/* Set a one-line mark (a list marker, a note's number) that hangs before
 * its text into DL with its baseline at Y: ending at X, or, right to left
 * (RTL), read right to left and starting at X, at the right of its text. */
static void
set_mark(struct pdf *P, struct pdf_dl *dl, const char *text, struct pdf_style st,
    double x, double y, int rtl)
{
	struct pdf_shaped sp;
	struct pdf_parfmt fmt = {.width = 200, .align = PA_RIGHT};
	struct pdf_para pa;

	if (!rtl) {
		set_label(P, dl, text, st, x, y);
		return;
	}
	pdf_shaped_init(&sp, P->art ? P->art->lang : NULL, 1);
	add_text(&sp, text, &st);
	pdf_shape(&P->fonts, &sp);
	pdf_para_set(&P->fonts, &sp, &fmt, &pa);
	if (pa.nlines > 0)
		pdf_para_draw_line(&P->fonts, &sp, &fmt, &pa, 0, dl,
		    x + pa.lines[0].natural - 200, y);
	pdf_para_free(&pa);
	pdf_shaped_free(&sp);
}

/* Return 1 when the current article runs right to left. */
static int
art_rtl(const struct pdf *P)
{
	return P->art && P->art->dir == DIR_RTL;
}

/* A figure: the image scaled to the width (at most 60% of the page's
 * height), then caption and credit. */
static void
set_figure(struct pdf *P, struct pdf_vlist *vl, const struct image *im, struct frame fr,
    double before)
{
	struct pdf_style cs = style(P, FONT_BODY, STYLE_ITALIC, P->size * 0.86, NULL);
	struct pdf_parfmt fmt = {.width = fr.w, .align = PA_LEFT, .hyphenate = 1};
	struct setopts so = {.x = fr.x, .lead = P->lead * 0.86, .size = cs.size};
	int has_img = im->path && im->width > 0 && im->height > 0;
	/* a picture that cannot be shown (remote, say) shows its words */
	int alt_only = !has_img && !im->caption && !im->credit && im->alt;
	int has_cap = im->caption || im->credit || alt_only;
	struct pdf_vbox *vb;

	vb = pdf_vlist_push(vl);
	vb->before = before;
	vb->nobreak = 1;
	vb->kind = PDF_VB_FIGURE;
	pdf_dl_tag(&vb->dl, 1, "Figure", NULL);
	/* the drawer gives the figure its image's alternative text */
	vb->dl.ops[vb->dl.n - 1].img = has_img ? im : NULL;
	if (has_img) {
		/* the measure's width, but never enlarged past 150 pixels an
		 * inch (the least a print shop takes): a 40-pixel icon stays an
		 * icon instead of a blur across the page */
		double w = MIN(fr.w, im->width * 72.0 / MIN_PPI), h = w * im->height / im->width;
		double maxh = P->fig_room > 0 ? MIN(P->H * 0.6, P->fig_room) : P->H * 0.6;
		struct pdf_op *op;

		if (h > maxh) {
			h = maxh;
			w = h * im->width / im->height;
		}
		op = pdf_dl_push(&vb->dl, OP_IMAGE);
		op->img = im;
		op->x = fr.x + (fr.w - w) / 2;
		op->y = 0;
		op->w = w;
		op->h = h;
		vb->h = h + (has_cap ? P->lead * 0.4 : 0);
		/* the Figure holds the picture alone, its caption follows it:
		 * cairo 1.16 keeps no content of an element that has children,
		 * so a Figure around its Caption lost the picture */
		pdf_dl_tag(&vb->dl, 0, "Figure", NULL);
	}
	if (!has_cap) {
		if (!has_img)
			pdf_dl_tag(&vb->dl, 0, "Figure", NULL);
		vb->nobreak = 0;
		return;
	}
	{
		struct pdf_shaped sp;
		struct pdf_style gs = style(P, FONT_BODY, STYLE_REGULAR, P->size * 0.78, P->grey);
		struct pdf_dl first = {0};
		size_t k0 = vl->n, k;

		pdf_shaped_init(&sp, P->art ? P->art->lang : NULL, P->art && P->art->dir == DIR_RTL);
		if (im->caption)
			add_text(&sp, im->caption, &cs);
		if (alt_only)
			add_text(&sp, im->alt, &cs);
		if (im->caption && im->credit)
			pdf_shaped_add(&sp, " ", 1, &cs);
		if (im->credit)
			add_text(&sp, im->credit, &gs);
		so.tag = "Caption";
		so.first = &first;
		so.kind = PDF_VB_CAPTION;
		set_para(P, vl, &sp, &fmt, &so);
		/* the caption stays whole, with its figure */
		for (k = k0; k < vl->n; k++)
			vl->v[k].nobreak = 1;
		pdf_shaped_free(&sp);
		pdf_dl_free(&first);
		vb = &vl->v[vl->n - 1];
		if (!has_img)
			pdf_dl_tag(&vb->dl, 0, "Figure", NULL);	/* a caption alone */
		vb->nobreak = 0;
	}
}

/* The grid column each cell of table T starts in, per row (a cell
 * spanning rows keeps its columns in the rows below; colspan widens it),
 * and in *NCOL the grid's width. The caller frees with grid_free. */
static size_t **
table_grid(const struct block *t, size_t *ncol)
{
	size_t **at = xcalloc(t->nkids + 1, sizeof(*at));
	int *busy = NULL;
	size_t nbusy = 0, r, c, k;

	*ncol = 0;
	for (r = 0; r < t->nkids; r++) {
		const struct block *row = &t->kids[r];
		size_t col = 0;

		at[r] = xcalloc(row->nkids + 1, sizeof(**at));
		for (c = 0; c < row->nkids; c++) {
			size_t span = row->kids[c].colspan > 1 ? (size_t)row->kids[c].colspan : 1;
			int rows = row->kids[c].rowspan > 1 ? row->kids[c].rowspan : 1;

			while (col < nbusy && busy[col] > 0)
				col++;
			at[r][c] = col;
			if (col + span > nbusy) {
				busy = xrealloc(busy, (col + span) * sizeof(*busy));
				memset(busy + nbusy, 0, (col + span - nbusy) * sizeof(*busy));
				nbusy = col + span;
			}
			for (k = col; k < col + span; k++)
				busy[k] = rows;
			col += span;
		}
		if (col > *ncol)
			*ncol = col;
		for (k = 0; k < nbusy; k++)
			if (busy[k] > 0)
				busy[k]--;
	}
	if (nbusy > *ncol)
		*ncol = nbusy;
	free(busy);
	return at;
}

static void
grid_free(size_t **at, size_t nrows)
{
	for (size_t r = 0; r < nrows; r++)
		free(at[r]);
	free(at);
}

/* The columns cell CELL spans. */
static size_t
span_of(const struct block *cell)
{
	return cell->colspan > 1 ? (size_t)cell->colspan : 1;
}

/* The width of SPAN columns from COL (with the gutters between) and, in
 * *OFF, how far column COL starts from the table's edge. */
static double
span_width(const double *cw, size_t ncol, size_t col, size_t span, double gap, double *off)
{
	double w = 0;
	size_t k;

	*off = 0;
	for (k = 0; k < col && k < ncol; k++)
		*off += cw[k] + gap;
	for (k = col; k < col + span && k < ncol; k++)
		w += cw[k] + (k > col ? gap : 0);
	return w;
}

/* A table: columns sized by their content, header row in bold, rules
 * above and below the header and under the table; each row one box. */
static void
set_table(struct pdf *P, struct pdf_vlist *vl, const struct block *t, struct frame fr)
{
	double size = P->size * 0.86, lead = P->lead * 0.86, gap = size, *nat, *minw, *cw;
	double sum = 0, least = 0;
	int rtl = art_rtl(P);	/* the first column at the right, flush right */
	struct pdf_vlist *cells;
	struct pdf_thead *thead = NULL;
	int seen_body = 0, nbody = 0, body = 0;
	size_t ncol = 0, r, c;
	struct pdf_vbox *vb;
	struct pdf_op *op;

	size_t **grid = table_grid(t, &ncol);

	if (ncol == 0) {
		grid_free(grid, t->nkids);
		return;
	}
	nat = xcalloc(ncol, sizeof(*nat));
	minw = xcalloc(ncol, sizeof(*minw));
	cw = xcalloc(ncol, sizeof(*cw));
	/* each column's natural width (its longest cell on one line) and its
	 * least (its longest word: a number or a word is never cut) */
	for (r = 0; r < t->nkids; r++)
		for (c = 0; c < t->kids[r].nkids; c++) {
			const struct block *cell = &t->kids[r].kids[c];
			struct buf b = {0};
			struct pdf_style st = style(P, FONT_BODY, cell->header || t->kids[r].header ?
			    STYLE_BOLD : STYLE_REGULAR, size, NULL);
			double w;
			char *word, *save = NULL;
			size_t g = grid[r][c], span = span_of(cell);

			inl_text(&b, cell->inl, cell->ninl);
			w = text_width(P, buf_str(&b), st);
			/* a cell spanning columns asks each for its share */
			for (size_t q = g; q < g + span && q < ncol; q++)
				if (w / span > nat[q])
					nat[q] = w / span;
			for (word = strtok_r(b.data ? b.data : (char *)"", " ", &save); word;
			    word = strtok_r(NULL, " ", &save)) {
				w = text_width(P, word, st);
				if (!strpbrk(word, "0123456789") && g_utf8_strlen(word, -1) >= 10)
					w *= 0.7;	/* a long word may be hyphenated */
				for (size_t q = g; q < g + span && q < ncol; q++)
					if (w / span > minw[q])
						minw[q] = w / span;
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
		double h = 0, slice = lead * 4, top;
		size_t k, s, nslice;

		/* each cell set on its own, its lines' tops from the row's;
		 * a cell spanning columns as wide as they are (one spanning
		 * rows is set in its first) */
		for (c = 0; c < row->nkids; c++) {
			const struct block *cell = &row->kids[c];
			int head = cell->header || row->header;
			double off, cwid = span_width(cw, ncol, grid[r][c], span_of(cell), gap, &off);
			struct pdf_parfmt fmt = {.width = cwid, .hyphenate = 1,
			    .align = cell->align == ALIGN_RIGHT ? PA_RIGHT :
			    cell->align == ALIGN_CENTER ? PA_CENTER : PA_LEFT};
			struct setopts so = {.x = rtl ? fr.x + fr.w - off - cwid : fr.x + off,
			    .lead = lead, .size = size};
			double y = 0;

			set_inlines(P, &cells[c], cell->inl, cell->ninl,
			    style(P, FONT_BODY, head ? STYLE_BOLD : STYLE_REGULAR, size, NULL), &fmt, &so);
			for (k = 0; k < cells[c].n; k++) {
				cells[c].v[k].before = y;	/* now: the line's top */
				y += cells[c].v[k].h;
			}
			if (y > h)
				h = y;
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
	grid_free(grid, t->nkids);
}

/* One block into VL. MARKER: a list marker to put before the first line. */
static void
set_block(struct pdf *P, struct pdf_vlist *vl, const struct block *b, struct frame fr,
    struct pdf_dl *marker)
{
	struct pdf_parfmt fmt = {.width = fr.w, .align = PA_JUSTIFY, .hyphenate = 1};
	struct setopts so = {.x = fr.x, .lead = P->lead, .size = P->size, .first = marker};
	struct pdf_style st = style(P, FONT_BODY, STYLE_REGULAR, P->size, NULL);
	static const char *htags[] = {"H1", "H1", "H2", "H3", "H4", "H5", "H6"};
	size_t i;

	switch (b->type) {
	case BLK_PARAGRAPH:
		/* no indent after a heading, in lists and quotes, or where the
		 * text brings its own (the ideographic space of Japanese) */
		if (!P->first_para && !fr.depth && !fr.inquote &&
		    !(b->ninl && b->inl[0].type == INL_TEXT && b->inl[0].text &&
		    str_startswith(b->inl[0].text, "\xe3\x80\x80")))
			/* Chinese indents by two characters */
			fmt.indent = P->size * (P->art && P->art->lang &&
			    str_startswith(P->art->lang, "zh") ? 2 : 1.2);
		so.tag = "P";
		set_inlines(P, vl, b->inl, b->ninl, st, &fmt, &so);
		P->first_para = 0;
		break;
	case BLK_HEADING: {
		int lv = b->level < 2 ? 2 : b->level > 6 ? 6 : b->level;
		double sz = lv == 2 ? P->size * 1.25 : lv == 3 ? P->size * 1.1 : P->size;

		st = style(P, FONT_HEADING, lv <= 3 ? STYLE_BOLD : STYLE_BOLDITALIC, sz, NULL);
		fmt.align = PA_LEFT;
		fmt.hyphenate = 0;
		so.size = sz;
		so.lead = sz * 1.25 > P->lead ? sz * 1.25 : P->lead;
		so.before = P->lead * (lv == 2 ? 1.2 : 0.8);
		so.tag = htags[lv];
		so.keep = 1;
		so.kind = PDF_VB_HEAD;
		so.outline = lv <= 3 ? lv : 0;
		set_inlines(P, vl, b->inl, b->ninl, st, &fmt, &so);
		if (vl->n)
			space(vl, P->lead * 0.25, 1);
		P->first_para = 1;
		break;
	}
	case BLK_QUOTE: {
		struct frame q = fr;

		/* deep nesting stops indenting before the measure gets narrow */
		if (q.w - P->size * 3 >= P->W * 0.4) {
			q.x += P->size * 1.5;
			q.w -= P->size * 3;
		}
		q.inquote = 1;
		/* space around the outermost quote only */
		space(vl, fr.inquote ? 0 : P->lead * 0.4, 1);
		pdf_dl_tag(&vl->v[vl->n - 1].dl, 1, "BlockQuote", NULL);
		set_blocks(P, vl, b->kids, b->nkids, q, marker);
		space(vl, fr.inquote ? 0 : P->lead * 0.4, 0);
		pdf_dl_tag(&vl->v[vl->n - 1].dl, 0, "BlockQuote", NULL);
		P->first_para = 1;
		break;
	}
	case BLK_LIST: {
		struct frame li = fr;
		struct pdf_vbox *vb;
		int rtl = art_rtl(P);	/* indent and markers on the right */

		if (li.w - P->size * 1.6 >= P->W * 0.4) {
			if (!rtl)
				li.x += P->size * 1.6;
			li.w -= P->size * 1.6;
		}
		li.depth++;
		vb = pdf_vlist_push(vl);
		vb->h = fr.depth ? 0 : P->lead * 0.3;
		vb->nobreak = 1;	/* with the first item */
		if (marker)
			pdf_dl_move(&vb->dl, marker, 0, 0);
		pdf_dl_tag(&vb->dl, 1, "L", NULL);
		for (i = 0; i < b->nkids; i++) {
			struct pdf_dl mk = {0};
			char num[32];

			if (b->ordered)
				snprintf(num, sizeof(num), "%d.", b->start + (int)i);
			else
				snprintf(num, sizeof(num), "%s", li.depth % 2 ? "\xe2\x80\xa2" : "\xe2\x80\x93");
			pdf_dl_tag(&mk, 1, "LI", NULL);
			set_mark(P, &mk, num, st, rtl ? li.x + li.w + P->size * 0.5 : li.x - P->size * 0.5,
			    baseline(P->lead, P->size), rtl);
			if (b->kids[i].nkids == 0) {
				vb = pdf_vlist_push(vl);
				vb->h = P->lead;
				pdf_dl_move(&vb->dl, &mk, 0, 0);
			} else
				set_blocks(P, vl, b->kids[i].kids, b->kids[i].nkids, li, &mk);
			pdf_dl_free(&mk);
			pdf_dl_tag(&vl->v[vl->n - 1].dl, 0, "LI", NULL);
		}
		vb = pdf_vlist_push(vl);
		vb->h = fr.depth ? 0 : P->lead * 0.3;
		pdf_dl_tag(&vb->dl, 0, "L", NULL);
		P->first_para = 1;
		break;
	}
	case BLK_ITEM:
		set_blocks(P, vl, b->kids, b->nkids, fr, marker);
		break;
	case BLK_TABLE:
		if (marker && marker->n) {
			struct pdf_vbox *vb = pdf_vlist_push(vl);

			pdf_dl_move(&vb->dl, marker, 0, 0);
		}
		set_table(P, vl, b, fr);
		P->first_para = 1;
		break;
	case BLK_CODE: {
		const char *p = b->text ? b->text : "", *nl;
		struct pdf_style ms = style(P, FONT_MONO, STYLE_REGULAR, P->size * 0.82, NULL);
		struct frame cf = fr;
		struct pdf_vbox *vb;
		size_t nl0;
		double sp1;

		cf.x += P->size;
		cf.w -= P->size;
		fmt.align = PA_LEFT;
		fmt.width = cf.w;
		fmt.hyphenate = 0;
		so.x = cf.x;
		so.size = ms.size;
		so.lead = P->lead * 0.9;
		vb = pdf_vlist_push(vl);
		vb->before = P->lead * 0.4;
		vb->nobreak = 1;	/* with the first line */
		if (marker)
			pdf_dl_move(&vb->dl, marker, 0, 0);
		pdf_dl_tag(&vb->dl, 1, "Code", NULL);
		so.first = NULL;
		nl0 = 0;
		sp1 = text_width(P, " ", ms);
		while (*p) {
			char *line;
			const char *t;
			int col = 0;

			nl = strchr(p, '\n');
			line = xstrndup(p, nl ? (size_t)(nl - p) : strlen(p));
			/* the line's indentation (a tab to the next multiple of
			 * four) shifts the whole line, and the lines it wraps to
			 * hang two columns further in */
			for (t = line; *t == ' ' || *t == '\t'; t++)
				col = *t == '\t' ? (col / 4 + 1) * 4 : col + 1;
			if (col * sp1 > cf.w / 2)
				col = (int)(cf.w / 2 / sp1);
			so.x = cf.x + (col + 2) * sp1;
			fmt.width = cf.w - (col + 2) * sp1;
			fmt.indent = -2 * sp1;
			if (*t)
				set_string(P, vl, t, ms, &fmt, &so, 0);
			else
				space(vl, so.lead, 0);
			free(line);
			/* two lines at least before a page turn (the last box
			 * is never paginated before the next one comes) */
			if (nl0++ == 0)
				vl->v[vl->n - 1].nobreak = 1;
			if (!nl)
				break;
			p = nl + 1;
		}
		/* and two after it */
		if (nl0 >= 4 && vl->n >= 2)
			vl->v[vl->n - 2].nobreak = 1;
		vb = pdf_vlist_push(vl);
		vb->h = P->lead * 0.4;
		pdf_dl_tag(&vb->dl, 0, "Code", NULL);
		P->first_para = 1;
		break;
	}
	case BLK_FIGURE:
		if (marker && marker->n) {
			struct pdf_vbox *vb = pdf_vlist_push(vl);

			pdf_dl_move(&vb->dl, marker, 0, 0);
		}
		if (b->image)
			set_figure(P, vl, b->image, fr, P->lead * 0.6);
		space(vl, P->lead * 0.4, 0);
		P->first_para = 1;
		break;
	case BLK_RULE: {
		struct pdf_vbox *vb = pdf_vlist_push(vl);
		struct pdf_op *op;

		vb->before = P->lead * 0.5;
		vb->h = P->lead * 1.5;
		if (marker)
			pdf_dl_move(&vb->dl, marker, 0, 0);
		op = pdf_dl_push(&vb->dl, OP_RECT);
		op->x = fr.x + fr.w / 2 - 36;
		op->y = P->lead * 0.6;
		op->w = 72;
		op->h = 0.5;
		memcpy(op->rgb, P->th->accent_color, sizeof(op->rgb));
		P->first_para = 1;
		break;
	}
	case BLK_ROW:
	case BLK_CELL:
		break;
	}
}

/* Blocks B[0..N) into VL; MARKER goes before the first. */
static void
set_blocks(struct pdf *P, struct pdf_vlist *vl, const struct block *b, size_t n,
    struct frame fr, struct pdf_dl *marker)
{
	size_t i;

	for (i = 0; i < n; i++) {
		set_block(P, vl, &b[i], fr, i == 0 ? marker : NULL);
		flush(P, vl);
	}
}

/* ---- articles ---- */

/* Record in LABELS[i] the label of the first reference to note i found
 * in IN[0..N) (borrowed). */
static void
note_labels_inl(const struct inl *in, size_t n, const char **labels, size_t nnotes)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (in[i].type == INL_NOTEREF && in[i].note < nnotes && !labels[in[i].note])
			labels[in[i].note] = in[i].text;
		note_labels_inl(in[i].kids, in[i].nkids, labels, nnotes);
	}
}

/* note_labels_inl over blocks B[0..N) and their kids. */
static void
note_labels(const struct block *b, size_t n, const char **labels, size_t nnotes)
{
	size_t i;

	for (i = 0; i < n; i++) {
		note_labels_inl(b[i].inl, b[i].ninl, labels, nnotes);
		note_labels(b[i].kids, b[i].nkids, labels, nnotes);
	}
}

/* Lay out article A's footnotes into P->notes. */
static void
set_notes(struct pdf *P, const struct article *a)
{
	const char **labels = xcalloc(a->nnotes + 1, sizeof(*labels));
	size_t i, j;

	P->nnotes = a->nnotes;
	P->notes = xcalloc(a->nnotes + 1, sizeof(*P->notes));
	P->note_dest = xcalloc(a->nnotes + 1, sizeof(*P->note_dest));

	note_labels(a->blocks, a->nblocks, labels, a->nnotes);
	for (i = 0; i < a->nnotes; i++)
		P->note_dest[i] = xprintf("%s-n%zu", a->id ? a->id : "a", i + 1);
	for (i = 0; i < a->nnotes; i++) {
		const struct footnote *fn = &a->notes[i];
		struct pdf_style st = style(P, FONT_BODY, STYLE_REGULAR, P->size * 0.8, NULL);
		struct pdf_parfmt fmt = {.width = P->W - P->size * 1.2, .align = PA_JUSTIFY, .hyphenate = 1};
		int rtl = a->dir == DIR_RTL;	/* the number at the right */
		struct setopts so = {.x = rtl ? 0 : P->size * 1.2, .lead = P->lead * 0.8,
		    .size = st.size, .tag = "P"};
		struct pdf_dl first = {0};
		struct buf at = {0};
		size_t k0 = P->notes[i].n;

		pdf_dl_tag(&first, 1, "Note", NULL);
		buf_printf(&at, "name='%s'", P->note_dest[i]);
		pdf_dl_tag(&first, 1, CAIRO_TAG_DEST, buf_str(&at));
		buf_free(&at);
		set_mark(P, &first, labels[i] ? labels[i] : fn->label ? fn->label : "*", st,
		    rtl ? P->W - P->size * 0.8 : P->size * 0.8, baseline(so.lead, st.size), rtl);
		pdf_dl_tag(&first, 0, CAIRO_TAG_DEST, NULL);
		for (j = 0; j < fn->nblocks; j++) {
			const struct block *b = &fn->blocks[j];

			so.first = j == 0 ? &first : NULL;
			if (b->type == BLK_PARAGRAPH)
				set_inlines(P, &P->notes[i], b->inl, b->ninl, st, &fmt, &so);
			else {
				struct buf t = {0};

				block_text(&t, b);
				set_string(P, &P->notes[i], buf_str(&t), st, &fmt, &so,
				    a->dir == DIR_RTL);
				buf_free(&t);
			}
		}
		if (P->notes[i].n == k0) {
			struct pdf_vbox *vb = pdf_vlist_push(&P->notes[i]);

			vb->h = so.lead;
			pdf_dl_move(&vb->dl, &first, 0, 0);
		}
		pdf_dl_tag(&P->notes[i].v[P->notes[i].n - 1].dl, 0, "Note", NULL);
		pdf_dl_free(&first);
	}
	free(labels);
}

/* Free the current article's footnote boxes and destinations. */
static void
free_notes(struct pdf *P)
{
	size_t i;

	for (i = 0; i < P->nnotes; i++) {
		pdf_vlist_free(&P->notes[i]);
		free(P->note_dest[i]);
	}
	free(P->notes);
	free(P->note_dest);
	P->notes = NULL;
	P->note_dest = NULL;
	P->nnotes = 0;
}

/* The height of the footnotes the first paragraph of A refers to (laid
 * out already in P->notes), with the gap above them: they share the
 * opener's page with its first lines. */
static double
first_notes(struct pdf *P, const struct article *a)
{
	const struct block *b = a->nblocks && a->blocks[0].type == BLK_PARAGRAPH ? &a->blocks[0] : NULL;
	double h = 0;
	size_t i, k;

	for (i = 0; b && i < b->ninl; i++) {
		const struct inl *in = &b->inl[i];

		if (in->type != INL_NOTEREF || in->note >= P->nnotes)
			continue;
		for (k = 0; k < P->notes[in->note].n; k++)
			h += (k ? P->notes[in->note].v[k].before : 0) + P->notes[in->note].v[k].h;
	}
	return h > 0 ? h + P->lead : 0;
}

/* The opener's source line under the byline: "Source: Site — URL", small
 * and grey, the URL a link when it is a web address. */
static void
set_source(struct pdf *P, struct pdf_vlist *vl, const struct article *a,
    const struct pdf_parfmt *fmt, int rtl)
{
	struct pdf_style st = style(P, FONT_HEADING, STYLE_REGULAR, P->size * 0.78, P->grey);
	struct setopts so = {.lead = P->lead * 0.9, .size = st.size, .tag = "P", .keep = 1,
	    .before = P->lead * 0.25};
	struct pdf_shaped sp;

	if (a->url == NULL && a->site == NULL)
		return;
	pdf_shaped_init(&sp, a->lang, rtl);
	add_text(&sp, words_for(a->lang)->source, &st);
	add_text(&sp, ": ", &st);
	if (a->site)
		add_text(&sp, a->site, &st);
	if (a->site && a->url)
		add_text(&sp, " \xe2\x80\x94 ", &st);
	if (a->url) {
		struct pdf_style us = st;

		us.nohyph = 1;
		if (safe_href(a->url))
			us.href = a->url;
		add_text(&sp, a->url, &us);
	}
	set_para(P, vl, &sp, fmt, &so);
	pdf_shaped_free(&sp);
}

/* The opener: kicker, headline, standfirst, byline and role, date, source,
 * lead figure with caption and credit. */
static void
set_opener(struct pdf *P, struct pdf_vlist *vl, const struct article *a)
{
	struct frame fr = {.x = 0, .w = P->W};
	struct pdf_parfmt left = {.width = P->W, .align = PA_LEFT};
	int rtl = a->dir == DIR_RTL;
	struct pdf_vbox *vb;
	struct pdf_dl first = {0};
	struct buf b = {0};
	size_t i, k0 = vl->n;

	vb = pdf_vlist_push(vl);
	vb->newpage = 1;
	vb->h = P->lead * 2.5;
	vb->nobreak = 1;
	pdf_dl_tag(&vb->dl, 1, "Art", NULL);
	if (a->kicker) {
		struct pdf_style st = style(P, FONT_HEADING, STYLE_BOLD, P->size * 0.85,
		    P->th->accent_color);
		struct setopts so = {.lead = P->lead, .size = st.size, .tag = "P", .keep = 1};

		set_string(P, vl, a->kicker, st, &left, &so, rtl);
	}
	{
		struct pdf_style st = style(P, FONT_HEADING, STYLE_BOLD, P->size * HEADLINE_SCALE,
		    NULL);
		struct setopts so = {.lead = st.size * 1.2, .size = st.size, .tag = "H1",
		    .dest = a->id, .keep = 1, .outline = 1, .before = P->lead * 0.3};
		struct pdf_parfmt hf = left;

		hf.width = P->W * 0.92;
		if (rtl)
			hf.width = P->W;
		set_string(P, vl, a->headline ? a->headline : "Untitled", st, &hf, &so, rtl);
	}
	if (a->standfirst) {
		struct pdf_style st = style(P, FONT_BODY, STYLE_ITALIC, P->size * 1.25, NULL);
		struct setopts so = {.lead = P->size * 1.6, .size = st.size, .tag = "P",
		    .keep = 1, .before = P->lead * 0.6};

		set_string(P, vl, a->standfirst, st, &left, &so, rtl);
	}
	if (a->nauthors || a->role || a->date_text || a->date) {
		struct pdf_style st = style(P, FONT_HEADING, STYLE_BOLD, P->size * 0.9, NULL);
		struct pdf_style rs = style(P, FONT_HEADING, STYLE_REGULAR, P->size * 0.9, P->grey);
		struct setopts so = {.lead = P->lead, .size = st.size, .tag = "P", .keep = 1,
		    .before = P->lead * 0.8};
		struct pdf_shaped sp;

		double w = 0;

		pdf_shaped_init(&sp, a->lang, rtl);
		const struct words *aw = words_for(a->lang);

		for (i = 0; i < a->nauthors; i++) {
			if (i) {
				const char *j = i + 1 == a->nauthors ? aw->and_ : aw->sep;

				add_text(&sp, j, &st);
				w += text_width(P, j, st);
			}
			add_text(&sp, a->authors[i], &st);
			w += text_width(P, a->authors[i], st);
		}
		if (a->role) {
			if (a->nauthors)
				pdf_shaped_add(&sp, ", ", 2, &rs);
			add_text(&sp, a->role, &rs);
			w += text_width(P, a->role, rs) + (a->nauthors ? text_width(P, ", ", rs) : 0);
		}
		/* the date on the byline's line after a middle dot when the
		 * whole fits on one line, else on a line of its own (no dot);
		 * the date itself is never broken */
		if (a->date_text || a->date) {
			char when[64];
			const char *d = date_shown(a->date, a->date_text, a->lang, when, sizeof(when));
			const char *sep = "\xc2\xa0\xc2\xa0\xc2\xb7\xc2\xa0\xc2\xa0";
			struct buf nb = {0};

			if (sp.text.len && w + text_width(P, sep, rs) + text_width(P, d, rs) > left.width)
				sep = "\xe2\x80\xa8";	/* a line separator: a forced break */
			if (sp.text.len)
				add_text(&sp, sep, &rs);
			for (; *d; d++) {
				if (*d == ' ')
					BUF_PUTSL(&nb, "\xc2\xa0");
				else
					buf_putc(&nb, *d);
			}
			add_text(&sp, buf_str(&nb), &rs);
			buf_free(&nb);
		}
		set_para(P, vl, &sp, &left, &so);
		pdf_shaped_free(&sp);
	}
	set_source(P, vl, a, &left, rtl);
	if (a->image) {
		/* the head stands on one page with the picture, its caption,
		 * the rule and two lines of text: a tall picture is made
		 * smaller to leave them room (never below four lines) */
		double used = 0, cap = 0;

		for (i = k0; i < vl->n; i++)
			used += (i > k0 ? vl->v[i].before : 0) + vl->v[i].h;
		if (a->image->caption || a->image->credit) {
			struct pdf_style cs = style(P, FONT_BODY, STYLE_ITALIC, P->size * 0.86, NULL);
			double tw = (a->image->caption ? text_width(P, a->image->caption, cs) : 0) +
			    (a->image->credit ? text_width(P, a->image->credit, cs) : 0);

			cap = (tw / P->W + 1.5) * P->lead * 0.86 + P->lead * 0.4;
		}
		used += MIN(first_notes(P, a), P->H / 3);	/* the first lines' notes too */
		P->fig_room = MAX(P->H - used - P->lead - cap - P->lead * 4.5, P->lead * 4);
		set_figure(P, vl, a->image, fr, P->lead);
		P->fig_room = 0;
	}
	/* a rule closes the opener's head: drawn in the head's last box (the
	 * caption's, when there is a picture) so that no page parts them,
	 * then the space above the text, dropped at the top of a page */
	vb = &vl->v[vl->n - 1];
	{
		struct pdf_op *op = pdf_dl_push(&vb->dl, OP_RECT);

		op->x = rtl ? P->W - 48 : 0;
		op->y = vb->h + P->lead * 0.5;
		op->w = 48;
		op->h = 1;
		memcpy(op->rgb, P->th->accent_color, sizeof(op->rgb));
		vb->h = op->y + op->h;
	}
	vb = pdf_vlist_push(vl);
	vb->before = P->lead * 1.2 - 1;
	vb->nobreak = 1;
	pdf_dl_free(&first);
	buf_free(&b);
	P->first_para = 1;
	set_blocks(P, vl, a->blocks, a->nblocks, fr, NULL);
	/* notes nothing refers to go to the article's last page (whose
	 * drawing pdf_write closes the Art tag after, footnotes included) */
	vb = pdf_vlist_push(vl);
	{
		unsigned char *used = xcalloc(P->nnotes + 1, 1);
		size_t k;

		for (i = 0; i < vl->n; i++)
			for (k = 0; k < vl->v[i].nnotes; k++)
				if ((size_t)vl->v[i].notes[k] < P->nnotes)
					used[vl->v[i].notes[k]] = 1;
		vb = &vl->v[vl->n - 1];
		for (k = 0; k < P->nnotes; k++)
			if (!used[k] && !(P->pg.placed && k < P->pg.nplaced && P->pg.placed[k])) {
				vb->notes = xrealloc(vb->notes, (vb->nnotes + 1) * sizeof(*vb->notes));
				vb->notes[vb->nnotes++] = (int)k;
			}
		free(used);
	}
}

/* ---- pages ---- */

/* Roman numerals, lower case, into OUT. */
static void
roman(int n, char *out, size_t len)
{
	static const struct { int v; const char *s; } r[] = {
		{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"},
		{50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"},
	};
	size_t i, k = 0;

	for (i = 0; i < sizeof(r) / sizeof(r[0]); i++)
		while (n >= r[i].v && k + 3 < len) {
			k += (size_t)snprintf(out + k, len - k, "%s", r[i].s);
			n -= r[i].v;
		}
	out[k] = '\0';
}

/* Prepare running head H (0 verso, 1 recto) from TEXT. */
static void
set_head(struct pdf *P, int h, const char *text, const char *lang, int rtl)
{
	struct pdf_style st = style(P, FONT_BODY, STYLE_ITALIC, P->size * 0.82, P->grey);

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
	add_text(&P->head_sp[h], text, &st);
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
		add_text(&P->head_sp[h], buf_str(&t), &st);
		pdf_shape(&P->fonts, &P->head_sp[h]);
		pdf_para_set(&P->fonts, &P->head_sp[h], &P->head_fmt, &P->head_pa[h]);
		buf_free(&t);
	}
	P->heads_ok[h] = 1;
}

/* Left margin of the current page (recto: the inside margin). */
static double
left_margin(struct pdf *P, int recto)
{
	return recto ? P->th->margin_inner : P->th->margin_outer;
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
	double x = left_margin(P, recto), y = P->th->margin_top;
	struct pdf_dl fur = {0};
	int ret;

	if (P->page_open && pdf_draw_page_end(&P->dr) != 0)
		return -1;
	P->page_open = 1;
	if (page->opener && P->art)
		P->art_folio[P->ai] = folio;
	if (page->note_top > 0 && art_rtl(P))
		mirror_note_rule(P, page);
	if (!page->opener) {
		struct pdf_style st = style(P, FONT_BODY, STYLE_REGULAR, P->size * 0.82, P->grey);
		char num[16];

		if (P->heads_ok[h] && P->head_pa[h].nlines > 0)
			pdf_para_draw_line(&P->fonts, &P->head_sp[h], &P->head_fmt, &P->head_pa[h], 0,
			    &fur, x, y - P->lead * 1.4);
		snprintf(num, sizeof(num), "%d", folio);
		set_label(P, &fur, num, st, x + P->W / 2 + text_width(P, num, st) / 2,
		    P->th->margin_top + P->H + P->lead * 2);
	}
	ret = pdf_draw_dl(&P->dr, &fur, 0, 0);
	pdf_dl_free(&fur);
	if (ret != 0)
		return -1;
	if (pdf_draw_dl(&P->dr, &page->dl, x, y) != 0)
		return -1;
	P->folio++;
	if (P->opt && P->opt->progress)
		fprintf(stderr, "\rmkbook: article %zu of %zu, %d pages", P->ai + 1,
		    P->book->narticles, P->dr.page + 1);
	(void)pg;
	return 0;
}

/* Draw a front-matter page from VL (no pagination: it must fit) at
 * physical page parity RECTO, with folio text FOLIO (NULL: none). */
static int
draw_front(struct pdf *P, struct pdf_vlist *vl, int recto, const char *folio, double top)
{
	struct pdf_dl dl = {0};
	double y = top, x = left_margin(P, recto);
	size_t i;
	int ret;

	if (P->page_open && pdf_draw_page_end(&P->dr) != 0)
		return -1;
	P->page_open = 1;
	for (i = 0; i < vl->n; i++) {
		y += i ? vl->v[i].before : 0;
		pdf_dl_move(&dl, &vl->v[i].dl, x, y);
		y += vl->v[i].h;
	}
	if (folio) {
		struct pdf_style st = style(P, FONT_BODY, STYLE_REGULAR, P->size * 0.82, P->grey);

		set_label(P, &dl, folio, st, x + P->W / 2 + text_width(P, folio, st) / 2,
		    P->th->margin_top + P->H + P->lead * 2);
	}
	ret = pdf_draw_dl(&P->dr, &dl, 0, 0);
	pdf_dl_free(&dl);
	return ret;
}

/* The size of the book's title on the title page: the largest step of the
 * display scale at which it stands on one line; a title too long for that
 * is set smaller, in balanced lines, the way a long headline is, so that
 * it reads as a title and not as a paragraph of large type. */
static double
title_size(struct pdf *P, const char *title)
{
	static const double scale[] = {2.8, 2.4, 2.0};
	size_t i;

	for (i = 0; i < sizeof(scale) / sizeof(scale[0]); i++) {
		double size = P->size * scale[i];

		if (text_width(P, title, style(P, FONT_HEADING, STYLE_BOLD, size, NULL)) <= P->W)
			return size;
	}
	return P->size * HEADLINE_SCALE;
}

/* The title page: title, subtitle, authors, publisher, date. */
static int
title_page(struct pdf *P)
{
	const struct book *b = P->book;
	struct pdf_vlist vl = {0};
	struct pdf_parfmt c = {.width = P->W, .align = PA_CENTER};
	struct setopts so;
	double tsize;
	int ret;

	memset(&so, 0, sizeof(so));
	so.tag = "H";
	so.size = title_size(P, b->title ? b->title : "Untitled");
	so.lead = so.size * 1.2;
	tsize = so.size;
	set_string(P, &vl, b->title ? b->title : "Untitled", style(P, FONT_HEADING, STYLE_BOLD,
	    so.size, NULL), &c, &so, 0);
	if (b->subtitle) {
		so.tag = "P";
		so.size = MIN(P->size * 1.3, tsize * 0.7);
		so.lead = so.size * 1.35;
		so.before = P->lead;
		set_string(P, &vl, b->subtitle, style(P, FONT_BODY, STYLE_ITALIC, so.size, NULL),
		    &c, &so, 0);
	}
	if (b->nauthors) {
		struct buf a = {0};

		words_names(&a, b->lang, b->authors, b->nauthors);
		so.tag = "P";
		so.size = MIN(P->size * 1.3, tsize * 0.65);	/* well below a small title */
		so.lead = so.size * 1.4;
		so.before = P->lead * 3;
		set_string(P, &vl, buf_str(&a), style(P, FONT_BODY, STYLE_REGULAR, so.size, NULL),
		    &c, &so, 0);
		buf_free(&a);
	}
	/* the imprint: publisher and date on one line */
	if (b->publisher || b->date) {
		struct pdf_style ps = style(P, FONT_HEADING, STYLE_REGULAR, P->size, P->th->accent_color);
		struct pdf_style ds = style(P, FONT_BODY, STYLE_REGULAR, P->size, P->grey);
		struct pdf_shaped sp;

		so.size = P->size;
		so.lead = P->lead;
		so.before = P->lead * 6;
		pdf_shaped_init(&sp, b->lang, 0);
		if (b->publisher)
			add_text(&sp, b->publisher, &ps);
		if (b->date) {
			char when[64];

			date_format(b->date, b->lang, when, sizeof(when));
			if (b->publisher)
				add_text(&sp, " \xc2\xb7 ", &ds);	/* a middle dot */
			add_text(&sp, when, &ds);
		}
		set_para_parts(P, &vl, &sp, &c, &so);
		pdf_shaped_free(&sp);
	}
	ret = draw_front(P, &vl, 1, NULL, P->th->margin_top + P->H * 0.22);
	pdf_vlist_free(&vl);
	return ret;
}

/* Whether inlines IN (N of them) or blocks B hold code. */
static int
inl_has_code(const struct inl *in, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (in[i].type == INL_CODE || inl_has_code(in[i].kids, in[i].nkids))
			return 1;
	return 0;
}

static int
blocks_have_code(const struct block *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (b[i].type == BLK_CODE || inl_has_code(b[i].inl, b[i].ninl) ||
		    blocks_have_code(b[i].kids, b[i].nkids))
			return 1;
	return 0;
}

/* Append "Set in BODY, HEADING and MONO" to T: the theme's faces the book
 * is set in, each once, the monospaced one only when some article has code,
 * so the colophon names the faces the PDF embeds. */
static void
set_in(struct buf *t, const struct theme *th, const struct book *b)
{
	const char *v[FONT_NROLES];
	size_t n = 0, i, k;

	for (i = 0; i < FONT_NROLES; i++) {
		if (i == FONT_MONO) {
			for (k = 0; k < b->narticles; k++)
				if (blocks_have_code(b->articles[k]->blocks, b->articles[k]->nblocks))
					break;
			if (k == b->narticles)
				continue;
		}
		for (k = 0; k < n && strcasecmp(v[k], th->family[i]) != 0; k++)
			;
		if (k == n)
			v[n++] = th->family[i];
	}
	buf_puts(t, "Set in ");
	for (i = 0; i < n; i++)
		buf_printf(t, "%s%s", i == 0 ? "" : i + 1 < n ? ", " : " and ", v[i]);
}

/* The title page's verso: a colophon at the foot of the page (title,
 * authors, publisher, date, identifier, and how the book was set). */
static int
colophon(struct pdf *P)
{
	const struct book *b = P->book;
	struct pdf_vlist vl = {0};
	struct pdf_parfmt fmt = {.width = P->W, .align = PA_LEFT};
	struct pdf_style st = style(P, FONT_BODY, STYLE_REGULAR, P->size * 0.8, P->grey);
	struct setopts so = {.lead = P->lead * 0.85, .size = st.size, .tag = "P"};
	struct buf t = {0};
	double h = 0;
	size_t i;
	int ret;

	if (b->title) {
		buf_puts(&t, b->title);
		if (b->subtitle) {
			buf_puts(&t, ": ");
			buf_puts(&t, b->subtitle);
		}
		set_string(P, &vl, buf_str(&t), style(P, FONT_BODY, STYLE_ITALIC, st.size, P->grey),
		    &fmt, &so, 0);
		buf_reset(&t);
	}
	for (i = 0; i < b->nauthors; i++) {
		buf_puts(&t, i ? ", " : "");
		buf_puts(&t, b->authors[i]);
	}
	if (b->date) {
		buf_puts(&t, t.len ? ", " : "");
		buf_put(&t, b->date, strlen(b->date) < 4 ? strlen(b->date) : 4);
	}
	if (t.len)
		set_string(P, &vl, buf_str(&t), st, &fmt, &so, 0);
	buf_reset(&t);
	if (b->publisher)
		set_string(P, &vl, b->publisher, st, &fmt, &so, 0);
	if (b->identifier)
		set_string(P, &vl, b->identifier, st, &fmt, &so, 0);
	set_in(&t, P->th, b);
	buf_printf(&t, " with mkbook %s.", MKBOOK_VERSION);
	so.before = P->lead * 0.6;
	set_string(P, &vl, buf_str(&t), st, &fmt, &so, 0);
	buf_free(&t);
	for (i = 0; i < vl.n; i++)
		h += (i ? vl.v[i].before : 0) + vl.v[i].h;
	ret = draw_front(P, &vl, 0, NULL, P->th->margin_top + P->H - h);
	pdf_vlist_free(&vl);
	return ret;
}

/* The contents, headed in the book's language: an entry per article
 * (headline, then its author in italic), dot leaders to the page number,
 * each entry a link; in a right-to-left book, and for a right-to-left
 * article, the entry is mirrored (headline at the right, the number at the
 * left). Drawn after the body, starting on a recto. Return the number of
 * pages, or -1. */
static int
contents(struct pdf *P)
{
	struct pdf_vlist vl = {0};
	struct pdf_style ts = style(P, FONT_HEADING, STYLE_BOLD, P->size * 1.6, NULL);
	struct pdf_style es = style(P, FONT_BODY, STYLE_REGULAR, P->size, NULL);
	struct pdf_style ns = style(P, FONT_BODY, STYLE_REGULAR, P->size, NULL);
	struct pdf_parfmt fmt = {.width = P->W, .align = PA_LEFT};
	double numw = P->size * 3;
	struct setopts so;
	size_t i, start = 0, j;
	int pages = 0, book_rtl = lang_dir(P->book->lang) == DIR_RTL;
	char roman_s[16];

	memset(&so, 0, sizeof(so));
	so.lead = P->size * 2;
	so.size = ts.size;
	so.tag = "H1";
	so.dest = "contents";	/* the outline's first entry points here */
	P->art = NULL;
	set_string(P, &vl, words_for(P->book->lang)->contents, ts, &fmt, &so, book_rtl);
	space(&vl, P->lead * 1.5, 1);
	pdf_dl_tag(&vl.v[0].dl, 1, "TOC", NULL);
	fmt.width = P->W - numw - P->size;
	for (i = 0; i < P->book->narticles; i++) {
		const struct article *a = P->book->articles[i];
		struct pdf_dl first = {0};
		struct buf at = {0};
		size_t k0 = vl.n;
		struct pdf_vbox *last;
		struct pdf_op *op;
		char num[16];
		int rtl = book_rtl, ertl = a->dir == DIR_RTL;	/* the book's layout, the entry's reading */
		double lastw = 0, lastl = P->W, x, bl = baseline(P->lead, P->size);
		double tx = rtl ? numw + P->size : 0;	/* the headline's left edge */
		/* an entry read in its article's direction, set flush right in a
		 * right-to-left book */
		struct pdf_parfmt efmt = fmt;

		efmt.align = rtl && !ertl ? PA_RIGHT : PA_LEFT;
		if (ertl && !rtl) {
			/* a right-to-left headline in a left-to-right book: its
			 * lines flush right in a box as wide as it needs, which
			 * starts where the other headlines start */
			double hw = text_width(P, a->headline ? a->headline : "Untitled", es);

			if (hw + 1 < efmt.width)
				efmt.width = hw + 1;
		}
		buf_printf(&at, "dest='%s'", a->id ? a->id : "");
		pdf_dl_tag(&first, 1, "TOCI", NULL);
		pdf_dl_tag(&first, 1, CAIRO_TAG_LINK, buf_str(&at));
		buf_free(&at);
		memset(&so, 0, sizeof(so));
		so.lead = P->lead;
		so.size = P->size;
		so.before = i ? P->lead * 0.35 : 0;
		so.first = &first;
		so.x = tx;
		pdf_fonts_lang(&P->fonts, a->lang);
		P->art = a;
		{
			struct pdf_shaped sp;

			pdf_shaped_init(&sp, a->lang, ertl);
			add_text(&sp, a->headline ? a->headline : "Untitled", &es);
			so.keep = 1;
			set_para(P, &vl, &sp, &efmt, &so);
			/* where the last line ends, for the leaders */
			if (vl.n > k0) {
				struct pdf_dl *dl = &vl.v[vl.n - 1].dl;

				for (j = 0; j < dl->n; j++)
					if (dl->ops[j].kind == OP_LINE) {
						const struct pdf_parref *pr = dl->ops[j].par;
						double w = pr->pa.lines[dl->ops[j].level].natural +
						    (dl->ops[j].level == 0 ? pr->fmt.indent : 0);

						if (dl->ops[j].x + w > lastw)
							lastw = dl->ops[j].x + w;
						if (dl->ops[j].x + pr->fmt.width - w < lastl)
							lastl = dl->ops[j].x + pr->fmt.width - w;
					}
			}
			pdf_shaped_free(&sp);
			if (ertl && !rtl)
				lastw = tx + efmt.width;	/* the box's end, on the right */
		}
		P->art = NULL;
		if (vl.n == k0)
			continue;
		last = &vl.v[vl.n - 1];
		/* leaders and the page number (at the left, right to left) */
		for (x = rtl ? numw : P->W - numw; rtl ? x < lastl - P->size : x > lastw + P->size;
		    x += rtl ? P->size * 0.6 : -P->size * 0.6) {
			op = pdf_dl_push(&last->dl, OP_DOT);
			op->x = x;
			op->y = bl;
			op->w = 0.45;
			memcpy(op->rgb, P->grey, sizeof(op->rgb));
		}
		snprintf(num, sizeof(num), "%d", P->art_folio[i]);
		set_mark(P, &last->dl, num, ns, rtl ? 0 : P->W, bl, rtl);
		pdf_dl_tag(&last->dl, 0, CAIRO_TAG_LINK, NULL);
		if (a->nauthors) {
			struct pdf_style as = style(P, FONT_BODY, STYLE_ITALIC, P->size * 0.88, P->grey);
			struct setopts ao = {.x = tx, .lead = P->lead * 0.95, .size = as.size};
			struct buf b = {0};

			words_names(&b, a->lang, a->authors, a->nauthors);
			last->nobreak = 1;
			set_string(P, &vl, buf_str(&b), as, &efmt, &ao, ertl);
			buf_free(&b);
		}
		pdf_dl_tag(&vl.v[vl.n - 1].dl, 0, "TOCI", NULL);
		pdf_dl_free(&first);
	}
	pdf_dl_tag(&vl.v[vl.n - 1].dl, 0, "TOC", NULL);
	/* paginate by hand: front matter pages, roman folios from iii */
	while (start < vl.n) {
		struct pdf_vlist pv = {0};
		double y = 0;
		size_t end = start, last_ok = start;

		for (end = start; end < vl.n; end++) {
			y += (end > start ? vl.v[end].before : 0) + vl.v[end].h;
			if (y > P->H && end > start)
				break;
			if (!vl.v[end].nobreak)
				last_ok = end + 1;
		}
		if (end < vl.n && last_ok > start)
			end = last_ok;
		pv.v = vl.v + start;
		pv.n = end - start;
		roman(3 + pages, roman_s, sizeof(roman_s));
		if (draw_front(P, &pv, pages % 2 == 0, roman_s, P->th->margin_top) != 0) {
			pdf_vlist_free(&vl);
			return -1;
		}
		pages++;
		start = end;
	}
	pdf_vlist_free(&vl);
	if (pages % 2 == 1) {	/* the body starts on a recto */
		struct pdf_vlist empty = {0};

		if (draw_front(P, &empty, 0, NULL, 0) != 0)
			return -1;
		pages++;
	}
	return pages;
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
	    " \"table_rows_stranded\": %d, \"headings_stranded_tables\": %d}\n",
	    P->dr.page, P->pg.pages, P->pg.breaks, P->pg.widows,
	    P->pg.body_h, P->pg.max_bottom, P->pg.overflows,
	    P->pg.heads_stranded, P->pg.figs_split,
	    P->notes_total, P->pg.notes_placed, P->pg.notes_late, P->pg.notes_split,
	    P->pg.notes_gaps, P->pg.theads, P->pg.rows_stranded, P->pg.heads_tables);
	if (fclose(f) != 0)
		return err_set(path, 0, "cannot write layout statistics");
	return 0;
}

int
pdf_write(const struct book *book, const struct options *opt, const char *path)
{
	struct pdf P;
	struct pdf_vlist vl = {0};
	char *oldloc = NULL;
	int ret = -1, body_first, ntoc;
	size_t i;

	memset(&P, 0, sizeof(P));
	P.book = book;
	P.opt = opt;
	oldloc = xstrdup(setlocale(LC_NUMERIC, NULL));
	setlocale(LC_NUMERIC, "C");	/* cairo's tag attributes */
	if ((P.th = theme_load(opt, book->theme)) == NULL)
		goto out;
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
	P.pg.naive = getenv("MKBOOK_LAYOUT_NAIVE") != NULL && *getenv("MKBOOK_LAYOUT_NAIVE") == '1';
	P.pg.arg = &P;
	if (pdf_draw_open(&P.dr, path, P.th->page_w, P.th->page_h) != 0)
		goto out;
	pdf_draw_meta(&P.dr, book);
	cairo_tag_begin(P.dr.cr, "Document", "");

	/* title page and its verso */
	if (title_page(&P) != 0 || colophon(&P) != 0)
		goto out;
	body_first = P.dr.page + 1;	/* 0-based index of the body's first page */
	/* the contents come first in the outline, though drawn last */
	cairo_pdf_surface_add_outline(P.dr.surf, CAIRO_PDF_OUTLINE_ROOT, words_for(book->lang)->contents,
	    "dest='contents'", 0);

	set_head(&P, 0, book->title, book->lang, 0);
	P.folio = 1;
	for (i = 0; i < book->narticles; i++) {
		const struct article *a = book->articles[i];

		P.ai = i;
		P.art = a;
		pdf_fonts_lang(&P.fonts, a->lang);
		set_head(&P, 1, a->headline, a->lang, a->dir == DIR_RTL);
		set_notes(&P, a);
		P.notes_total += P.nnotes;
		pdf_pager_start(&P.pg, P.nnotes, 1);
		P.main = &vl;
		set_opener(&P, &vl, a);
		P.main = NULL;
		if (P.failed || pdf_paginate(&P.pg, &vl, P.notes, P.nnotes, 1) != 0)
			goto out;
		cairo_tag_end(P.dr.cr, "Art");	/* on its last page, still open */
		pdf_vlist_free(&vl);
		free_notes(&P);
	}
	P.art = NULL;
	if (opt && opt->progress)
		fputc('\n', stderr);
	pdf_fonts_lang(&P.fonts, book->lang);
	if ((ntoc = contents(&P)) < 0)
		goto out;
	if (P.page_open && pdf_draw_page_end(&P.dr) != 0)
		goto out;
	P.page_open = 0;
	cairo_tag_end(P.dr.cr, "Document");
	if (getenv("MKBOOK_LAYOUT_STATS") && write_stats(&P, getenv("MKBOOK_LAYOUT_STATS")) != 0)
		goto out;
	{
		int total = P.dr.page;

		if (pdf_draw_close(&P.dr, path) != 0)
			goto out;
		if (pdf_update_fixup(path, total - ntoc, ntoc, body_first, body_first + ntoc,
		    book->lang) != 0)
			goto out;
	}
	ret = 0;
out:
	if (ret != 0 && P.dr.surf) {	/* keep the first error */
		cairo_destroy(P.dr.cr);
		cairo_surface_destroy(P.dr.surf);
	}
	pdf_vlist_free(&vl);
	free_notes(&P);
	pdf_pager_finish(&P.pg);
	for (i = 0; i < 2; i++)
		set_head(&P, (int)i, NULL, NULL, 0);
	free(P.art_folio);
	if (P.fonts.map)
		pdf_fonts_free(&P.fonts);
	theme_free(P.th);
	if (oldloc) {
		setlocale(LC_NUMERIC, oldloc);
		free(oldloc);
	}
	return ret;
}
