/* The EPUB writer's articles: the model's article → XHTML files. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "model/date.h"
#include "model/lang.h"
#include "model/shown.h"
#include "epub_int.h"
#include "util.h"

/* An article being rendered: the part being filled and where each of its
 * footnotes went. */
struct actx {
	struct epub		*e;
	const struct article	*a;
	char			*aid;		/* safe id: "a01" */
	struct buf		*b;		/* the current part */
	size_t			 part;		/* 0-based */
	int			*note_part;	/* per note: part it is in, or -1 */
	int			*note_refs;	/* per note: references so far */
	size_t			*pending;	/* notes to close this part with */
	size_t			 npending, cpending;
	size_t			 nhead, nfig;
	size_t			 ninlimg;	/* pictures inside text so far */
	int			 in_link;
	int			 toclevel;	/* heading level listed in the toc */
	int			 prevlevel;	/* for the heading-skip check */
	/* the print edition's page starts in this article: e->pages->v[m0..m1) */
	size_t			 m0, m1;
	unsigned char		*mdone;		/* per start: its marker is written */
	const struct block	*leaf;		/* the block whose inlines are written */
	size_t			 toff;		/* bytes of its inl_text() so far */
	size_t			*lm;		/* its page starts, in order */
	size_t			 nlm, clm, lmi;
};

static void blocks(struct actx *c, const struct block *b, size_t n, int top);

int
epub_href(struct buf *b, const char *href)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p;
	size_t skip, lead;
	int hash = 0;


	if (!shown_link_safe(href, &lead, &skip))	/* the rule the PDF keeps too */
		return 0;
	href += lead;
	for (p = (const unsigned char *)href; *p; p++) {
		int c = *p;

		if (p < (const unsigned char *)href + skip) {
			buf_putc(b, tolower(c));
			continue;
		}
		if (c == '#' && !hash) {
			hash = 1;
			buf_putc(b, c);
		} else if (c == '&')
			BUF_PUTSL(b, "&amp;");
		else if (c == '%' && isxdigit(p[1]) && isxdigit(p[2]))
			buf_putc(b, c);
		else if (c <= 0x20 || c >= 0x7f || strchr("\"<>\\^`{|}%#'", c)) {
			buf_putc(b, '%');
			buf_putc(b, hex[c >> 4]);
			buf_putc(b, hex[c & 15]);
		} else
			buf_putc(b, c);
	}
	return 1;
}

/* The file name (without "text/") of part K of article AID: fresh. */
static char *
part_file(const char *aid, size_t k)
{
	return k == 0 ? xprintf("%s.xhtml", aid) : xprintf("%s-%zu.xhtml", aid, k + 1);
}

/* The href of footnote N's aside, or of its first reference, into B. */
static void
note_href(struct actx *c, size_t n, const char *what, int part)
{
	char *f = part_file(c->aid, (size_t)part);

	buf_xml(c->b, f);
	buf_printf(c->b, "#%s-%s%zu", c->aid, what, n + 1);
	free(f);
}

static void inlines(struct actx *c, const struct inl *in, size_t n);

/* ---- the print edition's page breaks ---- */

/* Write the marker of page start K (an index into e->pages->v) and list it
 * in the page list. */
static void
page_mark(struct actx *c, size_t k)
{
	const struct page_start *ps = &c->e->pages->v[k];
	struct epub *e = c->e;
	char *f = part_file(c->aid, c->part);

	BUF_PUTSL(c->b, "<span epub:type=\"pagebreak\" role=\"doc-pagebreak\" id=\"page-");
	buf_xml(c->b, ps->label);
	BUF_PUTSL(c->b, "\" aria-label=\"");
	buf_xml(c->b, ps->label);
	BUF_PUTSL(c->b, "\"/>");
	ARRAY_GROW(e->plist, e->nplist, e->cplist);
	memset(&e->plist[e->nplist], 0, sizeof(e->plist[0]));
	e->plist[e->nplist].label = xstrdup(ps->label);
	e->plist[e->nplist].href = xprintf("text/%s#page-%s", f, ps->label);
	e->nplist++;
	c->mdone[k - c->m0] = 1;
	free(f);
}

/* Write the markers of the pages that begin at block X (a figure, rule,
 * list, table or quote: before it; NULL: the article's beginning). */
static void
marks_at_block(struct actx *c, const struct block *x)
{
	size_t k;

	for (k = c->m0; k < c->m1; k++)
		if (!c->mdone[k - c->m0] && c->e->pages->v[k].block == x)
			page_mark(c, k);
}

/* Begin writing the inlines (or a code block's text) of block X: the page
 * starts in it are placed as its text goes by. */
static void
leaf_begin(struct actx *c, const struct block *x)
{
	size_t k;

	c->leaf = x;
	c->toff = 0;
	c->nlm = c->lmi = 0;
	for (k = c->m0; k < c->m1; k++)
		if (!c->mdone[k - c->m0] && c->e->pages->v[k].block == x) {
			ARRAY_GROW(c->lm, c->nlm, c->clm);
			c->lm[c->nlm++] = k;
		}
}

/* LEN bytes of the leaf's text go by that cannot hold a marker (a note's
 * label, a line break, a picture): the pages beginning in them begin
 * before them. */
static void
leaf_skip(struct actx *c, size_t len)
{
	while (c->lmi < c->nlm && c->e->pages->v[c->lm[c->lmi]].offset < c->toff + len)
		page_mark(c, c->lm[c->lmi++]);
	c->toff += len;
}

/* Append TEXT, a stretch of the leaf's text, escaped, with the markers of
 * the pages beginning in it. */
static void
leaf_text(struct actx *c, const char *text)
{
	size_t len = text ? strlen(text) : 0, done = 0;

	while (c->lmi < c->nlm) {
		size_t off = c->e->pages->v[c->lm[c->lmi]].offset;

		if (off >= c->toff + len)
			break;
		off = off > c->toff + done ? off - c->toff : done;
		buf_xmln(c->b, text + done, off - done);
		done = off;
		page_mark(c, c->lm[c->lmi++]);
	}
	if (len > done)
		buf_xmln(c->b, text + done, len - done);
	c->toff += len;
}

/* End the leaf: the pages beginning past its text begin at its end. */
static void
leaf_end(struct actx *c)
{
	while (c->lmi < c->nlm)
		page_mark(c, c->lm[c->lmi++]);
	c->leaf = NULL;
	c->nlm = c->lmi = 0;
}

/* Write the inlines IN[0..N) of block X with its page markers. */
static void
leaf_inlines(struct actx *c, const struct block *x, const struct inl *in, size_t n)
{
	if (c->m0 == c->m1) {
		inlines(c, in, n);
		return;
	}
	leaf_begin(c, x);
	inlines(c, in, n);
	leaf_end(c);
}

/* Append the inline picture X (or, left out, its alt text). */
static void
inline_image(struct actx *c, const struct inl *x)
{
	struct buf *b = c->b;
	char *stem = xprintf("%s-i%zu", c->aid, ++c->ninlimg);
	const char *name = x->image ? epub_image_name(c->e, x->image, stem) : NULL;

	free(stem);
	if (name == NULL) {	/* left out: its words stay */
		if (x->image && x->image->alt)
			leaf_text(c, x->image->alt);
		return;
	}
	leaf_skip(c, x->image->alt ? strlen(x->image->alt) : 0);
	BUF_PUTSL(b, "<img class=\"inline\" src=\"../");
	buf_xml(b, name);
	BUF_PUTSL(b, "\" alt=\"");
	buf_xml(b, x->image->alt);
	BUF_PUTSL(b, "\"/>");
	c->e->nimg++;
	if (x->image->alt && *x->image->alt)
		c->e->nimg_alt++;
}

/* Append X, one of the HTML inline kinds (sup, sub, mark, small, q, abbr, kbd). */
static void
inline_kind(struct actx *c, const struct inl *x)
{
	static const char *el[] = {"sup", "sub", "mark", "small", "q", "abbr", "kbd"};
	struct buf *b = c->b;
	const char *e = el[x->type - INL_SUP];

	buf_printf(b, "<%s", e);
	if (x->type == INL_ABBR && x->title) {
		BUF_PUTSL(b, " title=\"");
		buf_xml(b, x->title);
		buf_putc(b, '"');
	}
	buf_putc(b, '>');
	inlines(c, x->kids, x->nkids);
	buf_printf(b, "</%s>", e);
	if (x->type == INL_KBD)
		c->e->has_code = 1;
}

/* Append inlines IN[0..N) as XHTML to the current part. */
static void
inlines(struct actx *c, const struct inl *in, size_t n)
{
	struct buf *b = c->b;
	size_t i;

	for (i = 0; i < n; i++) {
		const struct inl *x = &in[i];

		switch (x->type) {
		case INL_TEXT:
			leaf_text(c, x->text);
			break;
		case INL_EMPH:
			BUF_PUTSL(b, "<em>");
			inlines(c, x->kids, x->nkids);
			BUF_PUTSL(b, "</em>");
			break;
		case INL_STRONG:
			BUF_PUTSL(b, "<strong>");
			inlines(c, x->kids, x->nkids);
			BUF_PUTSL(b, "</strong>");
			break;
		case INL_STRIKE:
			BUF_PUTSL(b, "<s>");
			inlines(c, x->kids, x->nkids);
			BUF_PUTSL(b, "</s>");
			break;
		case INL_CODE:
			BUF_PUTSL(b, "<code>");
			leaf_text(c, x->text);
			BUF_PUTSL(b, "</code>");
			c->e->has_code = 1;
			break;
		case INL_LINK: {
			size_t mark = b->len;
			int opened = 0;

			if (!c->in_link) {
				BUF_PUTSL(b, "<a href=\"");
				if (epub_href(b, x->href)) {
					BUF_PUTSL(b, "\">");
					opened = c->in_link = 1;
				} else {
					b->len = mark;
					b->data[mark] = '\0';
				}
			}
			if (x->nkids)
				inlines(c, x->kids, x->nkids);
			else
				buf_xml(b, x->href);
			if (opened) {
				BUF_PUTSL(b, "</a>");
				c->in_link = 0;
			}
			break;
		}
		case INL_BREAK:
			leaf_skip(c, 1);
			BUF_PUTSL(b, "<br/>");
			break;
		case INL_IMAGE:
			inline_image(c, x);
			break;
		case INL_SUP:
		case INL_SUB:
		case INL_MARK:
		case INL_SMALL:
		case INL_Q:
		case INL_KBD:
		case INL_ABBR:
			inline_kind(c, x);
			break;
		case INL_SPAN:	/* words in another language */
			BUF_PUTSL(b, "<span lang=\"");
			buf_xml(b, x->lang);
			BUF_PUTSL(b, "\" xml:lang=\"");
			buf_xml(b, x->lang);
			BUF_PUTSL(b, "\">");
			inlines(c, x->kids, x->nkids);
			BUF_PUTSL(b, "</span>");
			break;
		case INL_NOTEREF: {
			size_t k = x->note;
			const char *label = x->text ? x->text : "*";

			leaf_skip(c, x->text ? strlen(x->text) : 0);
			if (k >= c->a->nnotes || c->in_link) {
				BUF_PUTSL(b, "<sup>");
				buf_xml(b, label);
				BUF_PUTSL(b, "</sup>");
				break;
			}
			if (c->note_part[k] < 0) {
				c->note_part[k] = (int)c->part;
				ARRAY_GROW(c->pending, c->npending, c->cpending);
				c->pending[c->npending++] = k;
			}
			c->note_refs[k]++;
			BUF_PUTSL(b, "<sup><a epub:type=\"noteref\" role=\"doc-noteref\" class=\"noteref\" id=\"");
			buf_printf(b, "%s-ref%zu", c->aid, k + 1);
			if (c->note_refs[k] > 1)
				buf_printf(b, "-%d", c->note_refs[k]);
			BUF_PUTSL(b, "\" href=\"");
			note_href(c, k, "fn", c->note_part[k]);
			BUF_PUTSL(b, "\">");
			buf_xml(b, label);
			BUF_PUTSL(b, "</a></sup>");
			c->e->has_notes = 1;
			break;
		}
		}
	}
}

/* The class for a table cell's alignment, or NULL. */
static const char *
align_class(enum align a)
{
	switch (a) {
	case ALIGN_LEFT: return "align-left";
	case ALIGN_CENTER: return "align-center";
	case ALIGN_RIGHT: return "align-right";
	default: return NULL;
	}
}

/* A figure: image (when it has a file) and a caption with the credit apart.
 * CLASS is "lead" or "figure"; STEM names the image file. */
static void
figure(struct actx *c, const struct image *im, const char *class, const char *stem)
{
	struct buf *b = c->b;
	const char *name = epub_image_name(c->e, im, stem);
	/* an image left out keeps its words: its alt text before the
	 * caption, or standing as caption (src/model/shown.c) */
	const char *alt = shown_figure_alt(im, name != NULL);
	const char *caption = im->caption ? im->caption : alt;

	if (name == NULL && caption == NULL && im->credit == NULL)
		return;
	buf_printf(b, "<figure class=\"%s\">", class);
	if (name) {
		BUF_PUTSL(b, "<img src=\"../");
		buf_xml(b, name);
		BUF_PUTSL(b, "\" alt=\"");
		buf_xml(b, im->alt);
		buf_putc(b, '"');
		BUF_PUTSL(b, "/>");
		c->e->nimg++;
		if (im->alt && *im->alt)
			c->e->nimg_alt++;
	}
	if (caption || im->credit) {
		BUF_PUTSL(b, "<figcaption>");
		if (alt && caption != alt) {
			BUF_PUTSL(b, "<span class=\"alt\">");
			buf_xml(b, alt);
			BUF_PUTSL(b, "</span> ");
		}
		if (caption) {
			BUF_PUTSL(b, "<span class=\"caption\">");
			buf_xml(b, caption);
			BUF_PUTSL(b, "</span>");
		}
		if (caption && im->credit)
			buf_putc(b, ' ');
		if (im->credit) {
			BUF_PUTSL(b, "<span class=\"credit\">");
			buf_xml(b, im->credit);
			BUF_PUTSL(b, "</span>");
		}
		BUF_PUTSL(b, "</figcaption>");
	}
	BUF_PUTSL(b, "</figure>\n");
}

/* Append heading X with an id; list it in the toc when TOP and at the toc level. */
static void
heading(struct actx *c, const struct block *x, int top)
{
	struct buf *b = c->b;
	int level = x->level < 2 ? 2 : x->level > 6 ? 6 : x->level;
	char *id = xprintf("%s-h%zu", c->aid, ++c->nhead);

	if (level > c->prevlevel + 1)
		c->e->heading_skip = 1;
	c->prevlevel = level;
	buf_printf(b, "<h%d id=\"%s\">", level, id);
	leaf_inlines(c, x, x->inl, x->ninl);
	buf_printf(b, "</h%d>\n", level);
	if (top && level == c->toclevel) {
		struct buf t = {0};
		char *f = part_file(c->aid, c->part);
		char *href = xprintf("text/%s#%s", f, id);
		char *label;

		inl_text(&t, x->inl, x->ninl);
		label = str_squash(buf_str(&t));
		if (*label)
			epub_toc_add(c->e, label, href, 2);
		free(label);
		free(href);
		free(f);
		buf_free(&t);
	}
	free(id);
}

/* Append table X: header rows in thead, header cells as th with a scope. */
static void
table(struct actx *c, const struct block *x)
{
	struct buf *b = c->b;
	size_t i, j, nhead = 0;

	if (x->nkids == 0)
		return;
	c->e->has_table = 1;
	while (nhead < x->nkids && x->kids[nhead].header)
		nhead++;
	if (nhead == 0) {
		int any = 0;

		for (i = 0; i < x->nkids; i++)
			for (j = 0; j < x->kids[i].nkids; j++)
				any |= x->kids[i].kids[j].header;
		if (!any)
			c->e->table_no_th = 1;
	}
	BUF_PUTSL(b, "<table>\n");
	for (i = 0; i < x->nkids; i++) {
		const struct block *row = &x->kids[i];

		if (i == 0 && nhead)
			BUF_PUTSL(b, "<thead>\n");
		if (i == nhead)
			BUF_PUTSL(b, "<tbody>\n");
		BUF_PUTSL(b, "<tr>");
		for (j = 0; j < row->nkids; j++) {
			const struct block *cell = &row->kids[j];
			int th = i < nhead || cell->header;
			const char *al = align_class(cell->align);

			if (th)
				buf_printf(b, "<th scope=\"%s\"", i < nhead ? "col" : "row");
			else
				BUF_PUTSL(b, "<td");
			if (al)
				buf_printf(b, " class=\"%s\"", al);
			if (cell->colspan > 1)
				buf_printf(b, " colspan=\"%d\"", cell->colspan);
			if (cell->rowspan > 1)
				buf_printf(b, " rowspan=\"%d\"", cell->rowspan);
			buf_putc(b, '>');
			leaf_inlines(c, cell, cell->inl, cell->ninl);
			buf_puts(b, th ? "</th>" : "</td>");
		}
		BUF_PUTSL(b, "</tr>\n");
		if (i + 1 == nhead)
			BUF_PUTSL(b, "</thead>\n");
	}
	if (nhead < x->nkids)
		BUF_PUTSL(b, "</tbody>\n");
	BUF_PUTSL(b, "</table>\n");
}

/* Append block X (TOP: a direct child of the article) as XHTML. */
static void
block(struct actx *c, const struct block *x, int top)
{
	struct buf *b = c->b;
	size_t i;

	/* a page that begins with a figure, rule, list, table or quote: its
	 * marker before it (a list item's inside it) */
	if (c->m0 < c->m1 && (x->type == BLK_FIGURE || x->type == BLK_RULE ||
	    x->type == BLK_LIST || x->type == BLK_TABLE || x->type == BLK_QUOTE))
		marks_at_block(c, x);
	switch (x->type) {
	case BLK_PARAGRAPH:
		BUF_PUTSL(b, "<p>");
		leaf_inlines(c, x, x->inl, x->ninl);
		BUF_PUTSL(b, "</p>\n");
		break;
	case BLK_HEADING:
		heading(c, x, top);
		break;
	case BLK_QUOTE:
		BUF_PUTSL(b, "<blockquote>\n");
		blocks(c, x->kids, x->nkids, 0);
		BUF_PUTSL(b, "</blockquote>\n");
		break;
	case BLK_LIST:
		if (x->nkids == 0)
			break;
		if (!x->ordered)
			BUF_PUTSL(b, "<ul>\n");
		else if (x->start != 1)
			buf_printf(b, "<ol start=\"%d\">\n", x->start);
		else
			BUF_PUTSL(b, "<ol>\n");
		for (i = 0; i < x->nkids; i++)
			block(c, &x->kids[i], 0);
		buf_puts(b, x->ordered ? "</ol>\n" : "</ul>\n");
		break;
	case BLK_ITEM:
		BUF_PUTSL(b, "<li>");
		if (c->m0 < c->m1)
			marks_at_block(c, x);
		if (x->nkids == 1 && x->kids[0].type == BLK_PARAGRAPH)
			leaf_inlines(c, &x->kids[0], x->kids[0].inl, x->kids[0].ninl);
		else if (x->nkids == 0 && x->ninl)
			leaf_inlines(c, x, x->inl, x->ninl);
		else
			blocks(c, x->kids, x->nkids, 0);
		BUF_PUTSL(b, "</li>\n");
		break;
	case BLK_TABLE:
		table(c, x);
		break;
	case BLK_ROW:
	case BLK_CELL:
		/* Only inside a table. */
		break;
	case BLK_CODE:
		BUF_PUTSL(b, "<pre><code>");
		leaf_begin(c, x);
		leaf_text(c, x->text);
		leaf_end(c);
		BUF_PUTSL(b, "</code></pre>\n");
		c->e->has_code = 1;
		break;
	case BLK_FIGURE:
		if (x->image) {
			char *stem = xprintf("%s-f%zu", c->aid, ++c->nfig);

			figure(c, x->image, "figure", stem);
			free(stem);
		}
		break;
	case BLK_RULE:
		BUF_PUTSL(b, "<hr/>\n");
		break;
	}
}

/* Append blocks B[0..N). */
static void
blocks(struct actx *c, const struct block *b, size_t n, int top)
{
	for (size_t i = 0; i < n; i++)
		block(c, &b[i], top);
}

/* The footnote N as an aside (referenced) or a plain note (not). */
static void
footnote(struct actx *c, size_t n)
{
	const struct footnote *fn = &c->a->notes[n];
	struct buf *b = c->b;
	int refd = c->note_refs[n] > 0;
	/* The note shows the label its reference shows ("1", not "kp"), as
	 * in the PDF (shown.c). */
	const char *label = shown_note_label(c->a, n);
	size_t start = 0;

	if (refd)
		buf_printf(b, "<aside epub:type=\"footnote\" role=\"doc-footnote\" class=\"footnote\" id=\"%s-fn%zu\">",
		    c->aid, n + 1);
	else
		buf_printf(b, "<div class=\"footnote\" id=\"%s-fn%zu\">", c->aid, n + 1);
	if (fn->nblocks && fn->blocks[0].type == BLK_PARAGRAPH) {
		BUF_PUTSL(b, "<p>");
		start = 1;
	} else
		BUF_PUTSL(b, "<p class=\"note-label\">");
	if (refd) {
		BUF_PUTSL(b, "<a class=\"note-back\" role=\"doc-backlink\" href=\"");
		note_href(c, n, "ref", c->note_part[n]);
		BUF_PUTSL(b, "\">");
		buf_xml(b, label);
		BUF_PUTSL(b, "</a>");
	} else {
		BUF_PUTSL(b, "<span class=\"note-back\">");
		buf_xml(b, label);
		BUF_PUTSL(b, "</span>");
	}
	if (start) {
		buf_putc(b, ' ');
		leaf_inlines(c, &fn->blocks[0], fn->blocks[0].inl, fn->blocks[0].ninl);
	}
	BUF_PUTSL(b, "</p>\n");
	if (fn->nblocks > (size_t)start)
		blocks(c, fn->blocks + start, fn->nblocks - start, 0);
	buf_puts(b, refd ? "</aside>\n" : "</div>\n");
}

/* The page starts of the article the EPUB has not marked (a block it does
 * not show): at the article's end, each named in a warning. */
static void
marks_left(struct actx *c)
{
	size_t k;

	for (k = c->m0; k < c->m1; k++)
		if (!c->mdone[k - c->m0]) {
			warn_at(c->a->source, 0, "EPUB: page %s of the PDF begins in a block the "
			    "EPUB does not show; its page break goes at the article's end",
			    c->e->pages->v[k].label);
			page_mark(c, k);
		}
}

/* Close the current part: its pending footnotes (and, when LAST, the
 * notes nothing referenced), then the document; add it to the book. */
static void
part_close(struct actx *c, int last)
{
	struct buf *b = c->b;
	size_t i, done = 0;
	int any = 0;

	/* A note's own text may reference further notes: loop until none. */
	while (done < c->npending || last) {
		if (!any && (done < c->npending)) {
			BUF_PUTSL(b, "<section class=\"footnotes\" epub:type=\"footnotes\">\n");
			any = 1;
		}
		while (done < c->npending)
			footnote(c, c->pending[done++]);
		if (!last)
			break;
		for (i = 0; i < c->a->nnotes; i++)
			if (c->note_part[i] < 0) {
				c->note_part[i] = (int)c->part;
				ARRAY_GROW(c->pending, c->npending, c->cpending);
				c->pending[c->npending++] = i;
				break;
			}
		if (done == c->npending)
			break;
	}
	if (any)
		BUF_PUTSL(b, "</section>\n");
	c->npending = 0;
	if (last)
		marks_left(c);
	buf_puts(b, c->part == 0 ? "</article>\n</body>\n" : "</div>\n</body>\n");
	epub_xhtml_close(b);
	{
		char *f = part_file(c->aid, c->part);
		char *name = xprintf("text/%s", f);
		char *id = c->part == 0 ? xstrdup(c->aid) : xprintf("%s-%zu", c->aid, c->part + 1);
		size_t len = b->len;

		epub_add(c->e, name, id, "application/xhtml+xml", buf_detach(b), len, 1);
		free(id);
		free(name);
		free(f);
	}
}

/* Start part C->part: the document head and the article's element. */
static void
part_open(struct actx *c)
{
	const struct article *a = c->a;
	struct buf *b = c->b;
	const char *lang = a->lang ? a->lang : c->e->lang;
	int rtl = a->lang ? a->dir == DIR_RTL : lang_rtl(lang);

	epub_xhtml_open(b, lang, rtl, shown_headline(a), "../css/book.css");
	BUF_PUTSL(b, "<body>\n");
	if (c->part == 0)
		buf_printf(b, "<article class=\"article\" id=\"%s\"", c->aid);
	else
		BUF_PUTSL(b, "<div class=\"article continued\"");
	BUF_PUTSL(b, " lang=\"");
	buf_xml(b, lang);
	BUF_PUTSL(b, "\" xml:lang=\"");
	buf_xml(b, lang);
	buf_printf(b, "\" dir=\"%s\">\n", rtl ? "rtl" : "ltr");
}


/* Append where the article was published, under its byline and date:
 * "Source: Site — https://…" (the URL a link when it is a web address). */
static void
source(struct actx *c)
{
	const struct article *a = c->a;
	struct buf *b = c->b;

	if (a->url == NULL && a->site == NULL)
		return;
	BUF_PUTSL(b, "<p class=\"source\">");
	buf_xml(b, words_for(a->lang)->source);
	BUF_PUTSL(b, ": ");
	if (a->site) {
		BUF_PUTSL(b, "<span class=\"site\">");
		buf_xml(b, a->site);
		BUF_PUTSL(b, "</span>");
	}
	if (a->site && a->url)
		BUF_PUTSL(b, " \xe2\x80\x94 ");
	if (a->url) {
		size_t mark = b->len;

		BUF_PUTSL(b, "<a class=\"url\" href=\"");
		if (epub_href(b, a->url)) {
			BUF_PUTSL(b, "\">");
			buf_xml(b, a->url);
			BUF_PUTSL(b, "</a>");
		} else {
			b->len = mark;
			b->data[mark] = '\0';
			buf_xml(b, a->url);
		}
	}
	BUF_PUTSL(b, "</p>\n");
}

/* Append the article header: kicker, headline, standfirst, byline, date,
 * source, lead figure. */
static void
header(struct actx *c)
{
	const struct article *a = c->a;
	struct buf *b = c->b;
	size_t i;

	BUF_PUTSL(b, "<header>\n");
	if (a->kicker) {
		BUF_PUTSL(b, "<p class=\"kicker\">");
		buf_xml(b, a->kicker);
		BUF_PUTSL(b, "</p>\n");
	}
	BUF_PUTSL(b, "<h1 class=\"headline\">");
	buf_xml(b, shown_headline(a));
	BUF_PUTSL(b, "</h1>\n");
	if (a->standfirst) {
		BUF_PUTSL(b, "<p class=\"standfirst\">");
		buf_xml(b, a->standfirst);
		BUF_PUTSL(b, "</p>\n");
	}
	if (a->nauthors || a->role || a->dateline) {
		const struct words *aw = words_for(a->lang);	/* the article's language */

		BUF_PUTSL(b, "<p class=\"byline\">");
		if (a->nauthors && *aw->by) {
			buf_puts(b, aw->by);
			buf_putc(b, ' ');
		}
		for (i = 0; i < a->nauthors; i++) {
			if (i > 0)
				buf_xml(b, i + 1 == a->nauthors ? aw->and_ : aw->sep);
			BUF_PUTSL(b, "<span class=\"author\">");
			buf_xml(b, a->authors[i]);
			BUF_PUTSL(b, "</span>");
			if (a->author_roles && a->author_roles[i]) {
				BUF_PUTSL(b, " (<span class=\"role\">");
				buf_xml(b, a->author_roles[i]);
				BUF_PUTSL(b, "</span>)");
			}
		}
		if (a->role) {
			if (a->nauthors)
				BUF_PUTSL(b, ", ");
			BUF_PUTSL(b, "<span class=\"role\">");
			buf_xml(b, a->role);
			BUF_PUTSL(b, "</span>");
		}
		if (a->dateline) {
			if (a->nauthors || a->role)
				BUF_PUTSL(b, ", ");
			BUF_PUTSL(b, "<span class=\"place\">");
			buf_xml(b, a->dateline);
			BUF_PUTSL(b, "</span>");
		}
		BUF_PUTSL(b, "</p>\n");
	}
	if (a->date || a->date_text) {
		BUF_PUTSL(b, "<p class=\"dateline\">");
		char when[64];

		if (a->date && date_is_iso(a->date)) {
			BUF_PUTSL(b, "<time datetime=\"");
			buf_xml(b, a->date);
			BUF_PUTSL(b, "\">");
			buf_xml(b, date_shown(a->date, a->date_text, a->lang, when, sizeof(when)));
			BUF_PUTSL(b, "</time>");
		} else
			buf_xml(b, date_shown(a->date, a->date_text, a->lang, when, sizeof(when)));
		BUF_PUTSL(b, "</p>\n");
	}
	source(c);
	if (a->image) {
		char *stem = xprintf("%s-lead", c->aid);

		figure(c, a->image, "lead", stem);
		free(stem);
	}
	BUF_PUTSL(b, "</header>\n");
}

/* The heading level the toc lists for A: the highest among its top-level
 * headings, or 0 when it has none. */
static int
toc_level(const struct article *a)
{
	int best = 0;

	for (size_t i = 0; i < a->nblocks; i++)
		if (a->blocks[i].type == BLK_HEADING) {
			int l = a->blocks[i].level < 2 ? 2 : a->blocks[i].level;

			if (best == 0 || l < best)
				best = l;
		}
	return best;
}

void
epub_xhtml_article(struct epub *e, const struct article *a, size_t n)
{
	struct buf b = {0};
	struct actx c = {0};
	size_t i;
	char *href;

	c.e = e;
	c.a = a;
	c.b = &b;
	c.aid = epub_safe_id(a->id ? a->id : "article");
	c.note_part = xmalloc((a->nnotes + 1) * sizeof(*c.note_part));
	c.note_refs = xcalloc(a->nnotes + 1, sizeof(*c.note_refs));
	for (i = 0; i < a->nnotes; i++)
		c.note_part[i] = -1;
	c.toclevel = toc_level(a);
	c.prevlevel = 1;
	if (e->pages) {	/* the page starts in article N, in page order */
		while (c.m0 < e->pages->n && e->pages->v[c.m0].article < n)
			c.m0++;
		for (c.m1 = c.m0; c.m1 < e->pages->n && e->pages->v[c.m1].article == n; c.m1++)
			;
	}
	c.mdone = xcalloc(c.m1 - c.m0 + 1, 1);

	href = xprintf("text/%s.xhtml", c.aid);
	epub_toc_add(e, shown_headline(a), href, 1);
	if (a->lang && strcmp(a->lang, e->lang) != 0)
		e->toc[e->ntoc - 1].lang = a->lang;
	free(href);

	part_open(&c);
	marks_at_block(&c, NULL);	/* the opener's page */
	header(&c);
	for (i = 0; i < a->nblocks; i++) {
		/* Split at a heading past the size; at any block when no
		 * heading comes for twice as long. */
		if ((a->blocks[i].type == BLK_HEADING && b.len > EPUB_SPLIT_BYTES) ||
		    b.len > 2 * EPUB_SPLIT_BYTES) {
			part_close(&c, 0);
			c.part++;
			part_open(&c);
		}
		block(&c, &a->blocks[i], 1);
	}
	part_close(&c, 1);

	buf_free(&b);
	free(c.mdone);
	free(c.lm);
	free(c.pending);
	free(c.note_part);
	free(c.note_refs);
	free(c.aid);
}
