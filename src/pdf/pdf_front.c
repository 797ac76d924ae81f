/* The composer's front matter: the title page, its verso (the colophon)
 * and the contents with the articles' page numbers; and the page
 * arithmetic pdf.c's furniture shares with them (roman folios, the left
 * margin of a recto or verso). */
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"
#include "model/lang.h"
#include "model/date.h"
#include "pdf_comp.h"
#include "model/shown.h"
#include "model/words.h"

/* Roman numerals, lower case, into OUT. */
void
pdf_roman(int n, char *out, size_t len)
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

/* Left margin of the current page (recto: the inside margin). */
double
pdf_left_margin(struct pdf *P, int recto)
{
	return recto ? P->th->margin_inner : P->th->margin_outer;
}

/* Draw a front-matter page from VL (no pagination: it must fit) at
 * physical page parity RECTO, with folio text FOLIO (NULL: none). */
static int
draw_front(struct pdf *P, struct pdf_vlist *vl, int recto, const char *folio, double top)
{
	struct pdf_dl dl = {0};
	double y = top, x = pdf_left_margin(P, recto);
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
		struct pdf_style st = pdf_text_style(P, FONT_BODY, STYLE_REGULAR, P->size * 0.82, P->grey);

		pdf_set_label(P, &dl, folio, st, x + P->W / 2 + pdf_text_width(P, folio, st) / 2,
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

		if (pdf_text_width(P, title, pdf_text_style(P, FONT_HEADING, STYLE_BOLD, size, NULL)) <= P->W)
			return size;
	}
	return P->size * HEADLINE_SCALE;
}

/* The title page: title, subtitle, authors, publisher, date. */
int
pdf_title_page(struct pdf *P)
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
	pdf_set_string(P, &vl, b->title ? b->title : "Untitled", pdf_text_style(P, FONT_HEADING, STYLE_BOLD,
	    so.size, NULL), &c, &so, 0);
	if (b->subtitle) {
		so.tag = "P";
		so.size = MIN(P->size * 1.3, tsize * 0.7);
		so.lead = so.size * 1.35;
		so.before = P->lead;
		pdf_set_string(P, &vl, b->subtitle, pdf_text_style(P, FONT_BODY, STYLE_ITALIC, so.size, NULL),
		    &c, &so, 0);
	}
	if (b->nauthors) {
		struct buf a = {0};

		words_names(&a, b->lang, b->authors, b->nauthors);
		so.tag = "P";
		so.size = MIN(P->size * 1.3, tsize * 0.65);	/* well below a small title */
		so.lead = so.size * 1.4;
		so.before = P->lead * 3;
		pdf_set_string(P, &vl, buf_str(&a), pdf_text_style(P, FONT_BODY, STYLE_REGULAR, so.size, NULL),
		    &c, &so, 0);
		buf_free(&a);
	}
	/* the imprint: publisher and date on one line */
	if (b->publisher || b->date) {
		struct pdf_style ps = pdf_text_style(P, FONT_HEADING, STYLE_REGULAR, P->size, P->th->accent_color);
		struct pdf_style ds = pdf_text_style(P, FONT_BODY, STYLE_REGULAR, P->size, P->grey);
		struct pdf_shaped sp;

		so.size = P->size;
		so.lead = P->lead;
		so.before = P->lead * 6;
		pdf_shaped_init(&sp, b->lang, 0);
		if (b->publisher)
			pdf_add_text(&sp, b->publisher, &ps);
		if (b->date) {
			char when[64];

			date_format(b->date, b->lang, when, sizeof(when));
			if (b->publisher)
				pdf_add_text(&sp, " \xc2\xb7 ", &ds);	/* a middle dot */
			pdf_add_text(&sp, when, &ds);
		}
		pdf_set_para_parts(P, &vl, &sp, &c, &so);
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
int
pdf_colophon(struct pdf *P)
{
	const struct book *b = P->book;
	struct pdf_vlist vl = {0};
	struct pdf_parfmt fmt = {.width = P->W, .align = PA_LEFT};
	struct pdf_style st = pdf_text_style(P, FONT_BODY, STYLE_REGULAR, P->size * 0.8, P->grey);
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
		pdf_set_string(P, &vl, buf_str(&t), pdf_text_style(P, FONT_BODY, STYLE_ITALIC, st.size, P->grey),
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
		pdf_set_string(P, &vl, buf_str(&t), st, &fmt, &so, 0);
	buf_reset(&t);
	if (b->publisher)
		pdf_set_string(P, &vl, b->publisher, st, &fmt, &so, 0);
	if (b->identifier)
		pdf_set_string(P, &vl, b->identifier, st, &fmt, &so, 0);
	set_in(&t, P->th, b);
	buf_printf(&t, " with mkbook %s.", MKBOOK_VERSION);
	so.before = P->lead * 0.6;
	pdf_set_string(P, &vl, buf_str(&t), st, &fmt, &so, 0);
	buf_free(&t);
	for (i = 0; i < vl.n; i++)
		h += (i ? vl.v[i].before : 0) + vl.v[i].h;
	ret = draw_front(P, &vl, 0, NULL, P->th->margin_top + P->H - h);
	pdf_vlist_free(&vl);
	return ret;
}

/* Where the lines drawn by DL end: the rightmost end in *LASTW and the
 * least room left at the right in *LASTL, when beyond what they hold. */
static void
line_ends(const struct pdf_dl *dl, double *lastw, double *lastl)
{
	size_t j;

	for (j = 0; j < dl->n; j++)
		if (dl->ops[j].kind == OP_LINE) {
			const struct pdf_parref *pr = dl->ops[j].par;
			double w = pr->pa.lines[dl->ops[j].level].natural +
			    (dl->ops[j].level == 0 ? pr->fmt.indent : 0);

			if (dl->ops[j].x + w > *lastw)
				*lastw = dl->ops[j].x + w;
			if (dl->ops[j].x + pr->fmt.width - w < *lastl)
				*lastl = dl->ops[j].x + pr->fmt.width - w;
		}
}

/* The contents' entry for article I into VL: its headline as a link,
 * leaders to its page number (FMT the headline's measure, NUMW the
 * number's room; at the left in a right-to-left book, BOOK_RTL), its
 * authors under it. */
static void
contents_entry(struct pdf *P, struct pdf_vlist *vl, size_t i, const struct pdf_parfmt *fmt,
    double numw, int book_rtl)
{
	struct pdf_style es = pdf_text_style(P, FONT_BODY, STYLE_REGULAR, P->size, NULL);
	struct pdf_style ns = pdf_text_style(P, FONT_BODY, STYLE_REGULAR, P->size, NULL);
	struct setopts so;
	const struct article *a = P->book->articles[i];
	struct pdf_dl first = {0};
	struct buf at = {0};
	size_t k0 = vl->n;
	struct pdf_vbox *last;
	struct pdf_op *op;
	char num[16];
	int rtl = book_rtl, ertl = a->dir == DIR_RTL;	/* the book's layout, the entry's reading */
	double lastw = 0, lastl = P->W, x, bl = pdf_baseline(P->lead, P->size);
	double tx = rtl ? numw + P->size : 0;	/* the headline's left edge */
	/* an entry read in its article's direction, set flush right in a
	 * right-to-left book */
	struct pdf_parfmt efmt = *fmt;

	efmt.align = rtl && !ertl ? PA_RIGHT : PA_LEFT;
	if (ertl && !rtl) {
		/* a right-to-left headline in a left-to-right book: its
		 * lines flush right in a box as wide as it needs, which
		 * starts where the other headlines start */
		double hw = pdf_text_width(P, shown_headline(a), es);

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
	P->in_refs = 0;
	{
		struct pdf_shaped sp;

		pdf_shaped_init(&sp, a->lang, ertl);
		pdf_add_text(&sp, shown_headline(a), &es);
		so.keep = 1;
		pdf_set_para(P, vl, &sp, &efmt, &so);
		/* where the last line ends, for the leaders */
		if (vl->n > k0)
			line_ends(&vl->v[vl->n - 1].dl, &lastw, &lastl);
		pdf_shaped_free(&sp);
		if (ertl && !rtl)
			lastw = tx + efmt.width;	/* the box's end, on the right */
	}
	P->art = NULL;
	if (vl->n == k0) {
		pdf_dl_free(&first);
		return;
	}
	last = &vl->v[vl->n - 1];
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
	pdf_set_mark(P, &last->dl, num, ns, rtl ? 0 : P->W, bl, rtl);
	pdf_dl_tag(&last->dl, 0, CAIRO_TAG_LINK, NULL);
	if (a->nauthors) {
		struct pdf_style as = pdf_text_style(P, FONT_BODY, STYLE_ITALIC, P->size * 0.88, P->grey);
		struct setopts ao = {.x = tx, .lead = P->lead * 0.95, .size = as.size};
		struct buf b = {0};

		words_names(&b, a->lang, a->authors, a->nauthors);
		last->nobreak = 1;
		pdf_set_string(P, vl, buf_str(&b), as, &efmt, &ao, ertl);
		buf_free(&b);
	}
	pdf_dl_tag(&vl->v[vl->n - 1].dl, 0, "TOCI", NULL);
	pdf_dl_free(&first);
}

/* The contents' boxes VL onto front matter pages, paginated by hand, with
 * roman folios from iii. Return the number of pages, or -1. */
static int
contents_pages(struct pdf *P, struct pdf_vlist *vl)
{
	size_t start = 0;
	int pages = 0;
	char roman_s[16];

	while (start < vl->n) {
		struct pdf_vlist pv = {0};
		double y = 0;
		size_t end = start, last_ok = start;

		for (end = start; end < vl->n; end++) {
			y += (end > start ? vl->v[end].before : 0) + vl->v[end].h;
			if (y > P->H && end > start)
				break;
			if (!vl->v[end].nobreak)
				last_ok = end + 1;
		}
		if (end < vl->n && last_ok > start)
			end = last_ok;
		pv.v = vl->v + start;
		pv.n = end - start;
		pdf_roman(3 + pages, roman_s, sizeof(roman_s));
		if (draw_front(P, &pv, pages % 2 == 0, roman_s, P->th->margin_top) != 0) {
			return -1;
		}
		pages++;
		start = end;
	}
	return pages;
}

/* The contents, headed in the book's language: an entry per article
 * (headline, then its author in italic), dot leaders to the page number,
 * each entry a link; in a right-to-left book, and for a right-to-left
 * article, the entry is mirrored (headline at the right, the number at the
 * left). Drawn after the body, starting on a recto. Return the number of
 * pages, or -1. */
int
pdf_contents(struct pdf *P)
{
	struct pdf_vlist vl = {0};
	struct pdf_style ts = pdf_text_style(P, FONT_HEADING, STYLE_BOLD, P->size * 1.6, NULL);
	struct pdf_parfmt fmt = {.width = P->W, .align = PA_LEFT};
	double numw = P->size * 3;
	struct setopts so;
	size_t i;
	int pages, book_rtl = lang_dir(P->book->lang) == DIR_RTL;

	memset(&so, 0, sizeof(so));
	so.lead = P->size * 2;
	so.size = ts.size;
	so.tag = "H1";
	so.dest = "contents";	/* the outline's first entry points here */
	P->art = NULL;
	pdf_set_string(P, &vl, words_for(P->book->lang)->contents, ts, &fmt, &so, book_rtl);
	pdf_space(&vl, P->lead * 1.5, 1);
	pdf_dl_tag(&vl.v[0].dl, 1, "TOC", NULL);
	fmt.width = P->W - numw - P->size;
	for (i = 0; i < P->book->narticles; i++)
		contents_entry(P, &vl, i, &fmt, numw, book_rtl);
	pdf_dl_tag(&vl.v[vl.n - 1].dl, 0, "TOC", NULL);
	pages = contents_pages(P, &vl);
	pdf_vlist_free(&vl);
	if (pages < 0)
		return -1;
	if (pages % 2 == 1) {	/* the body starts on a recto */
		struct pdf_vlist empty = {0};

		if (draw_front(P, &empty, 0, NULL, 0) != 0)
			return -1;
		pages++;
	}
	return pages;
}
