/*
 * The Markdown reader: CommonMark plus the GFM tables, strikethrough,
 * autolinks and footnotes (cmark-gfm), with YAML front matter (meta.c).
 *
 * cmark-gfm parses; this file walks its tree into the model. Quotes and
 * lists nested deeper than MD_MAX_NEST levels (legal CommonMark, but more
 * than a page can indent) are set at that depth, walked without recursion,
 * with one warning; inlines nested deeper than MODEL_MAX_DEPTH are an error;
 * task list items open with a ballot box (U+2610, checked U+2611). Raw
 * HTML goes through the one HTML converter (html_conv.c): a raw block is
 * parsed as an HTML fragment, and a paragraph holding inline HTML is
 * written out as HTML (its Markdown as the matching tags) and parsed as
 * one fragment, so "<sup>2</sup>" is a superscript, comments vanish, and
 * what the converter leaves out (scripts, frames …) is named in a
 * warning. Footnotes nothing references are kept too (referenced = 0), so
 * no words are lost.
 */
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include <gumbo.h>

#include "html_conv.h"
#include "meta.h"
#include "reader.h"
#include "util.h"

struct md {
	const char	*path;
	int		 lineoff;	/* file line of the body's line 0 */
	int		 nnotes;	/* footnote definitions cmark kept */
	struct article	*a;
	const char	*body;		/* the Markdown after the front matter */
	size_t		 bodylen;
	size_t		*lines;		/* offsets of the body's lines, built on demand */
	size_t		 nlines;
	cmark_node	*skip;		/* the paragraph added to keep every note */
	char		*refd;		/* refd[k]: note k is referenced in the text */
	int		 flattened;	/* the line of the first container set shallower, or 0 */
};

static void set_caption(struct image *, char *);

static int
line_of(const struct md *m, cmark_node *n)
{
	int line = cmark_node_get_start_line(n);

	return line > 0 ? line + m->lineoff : 0;
}

/* Block containers (quotes, lists, items) deeper than this are set at
 * this depth: their contents join the container at this level. */
#define MD_MAX_NEST 16

static int
too_deep(const struct md *m, cmark_node *n)
{
	return err_set(m->path, line_of(m, n), "nested more than %d levels deep", MODEL_MAX_DEPTH);
}

/* The extension type of N ("table", "table_row", "strikethrough"…), or "". */
static const char *
ext_type(cmark_node *n)
{
	const char *s;

	if (cmark_node_get_syntax_extension(n) == NULL)
		return "";
	s = cmark_node_get_type_string(n);
	return s ? s : "";
}

/* The plain text under N, appended to OUT: what a reader would read. Walks
 * with cmark's iterator, so any depth is safe. */
static void
plain_text(struct buf *out, cmark_node *n)
{
	cmark_iter *it = cmark_iter_new(n);
	cmark_event_type ev;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *cur = cmark_iter_get_node(it);
		const char *lit;

		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(cur)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
		case CMARK_NODE_FOOTNOTE_REFERENCE:
			if ((lit = cmark_node_get_literal(cur)) != NULL)
				buf_puts(out, lit);
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			buf_putc(out, ' ');
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
}

/* A fresh, white-space-collapsed copy of the plain text under N, or NULL
 * when there is none. */
static char *
plain_str(cmark_node *n)
{
	struct buf b = {0};

	plain_text(&b, n);
	return buf_squash_take(&b);
}

/* Move pending text in P into one INL_TEXT at the end of *ARR. */
static void
flush_text(struct buf *p, struct inl **arr, size_t *n)
{
	struct inl *in;

	if (p->len == 0)
		return;
	in = inl_push(arr, n, INL_TEXT);
	in->text = xstrndup(p->data, p->len);
	buf_reset(p);
}

/* 1 when some inline under PARENT is raw HTML. */
static int
has_html(cmark_node *parent)
{
	cmark_iter *it = cmark_iter_new(parent);
	cmark_event_type ev;
	int found = 0;

	while (!found && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
		if (ev == CMARK_EVENT_ENTER && cmark_iter_get_node(it) != parent &&
		    cmark_node_get_type(cmark_iter_get_node(it)) == CMARK_NODE_HTML_INLINE)
			found = 1;
	cmark_iter_free(it);
	return found;
}

/* Append S as HTML text (escaped) to OUT. */
static void
html_text(struct buf *out, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '&')
			BUF_PUTSL(out, "&amp;");
		else if (*s == '<')
			BUF_PUTSL(out, "&lt;");
		else if (*s == '>')
			BUF_PUTSL(out, "&gt;");
		else if (*s == '"')
			BUF_PUTSL(out, "&quot;");
		else
			buf_putc(out, *s);
	}
}

/* Write the inlines under PARENT out as HTML: raw HTML as typed, the
 * Markdown as the tags it stands for, footnote references as links the
 * converter knows ("mkbook-note:K"). Walks with cmark's iterator. */
static void
html_serialize(struct md *m, cmark_node *parent, struct buf *out)
{
	cmark_iter *it = cmark_iter_new(parent);
	cmark_event_type ev;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *cur = cmark_iter_get_node(it);
		const char *lit = cmark_node_get_literal(cur), *ext = ext_type(cur), *tag = NULL;
		int enter = ev == CMARK_EVENT_ENTER;

		if (cur == parent)
			continue;
		switch (cmark_node_get_type(cur)) {
		case CMARK_NODE_TEXT:
			html_text(out, lit);
			break;
		case CMARK_NODE_HTML_INLINE:
			buf_puts(out, lit);
			break;
		case CMARK_NODE_SOFTBREAK:
			buf_putc(out, '\n');
			break;
		case CMARK_NODE_LINEBREAK:
			BUF_PUTSL(out, "<br>\n");
			break;
		case CMARK_NODE_CODE:
			BUF_PUTSL(out, "<code>");
			html_text(out, lit && *lit ? lit : " ");
			BUF_PUTSL(out, "</code>");
			break;
		case CMARK_NODE_FOOTNOTE_REFERENCE: {
			long k = lit ? strtol(lit, NULL, 10) : 0;

			if (!enter)
				break;
			if (k < 1 || k > m->nnotes) {
				BUF_PUTSL(out, "[^");
				html_text(out, lit);
				buf_putc(out, ']');
				break;
			}
			m->refd[k - 1] = 1;
			buf_printf(out, "<a href=\"mkbook-note:%ld\">", k - 1);
			html_text(out, lit);
			BUF_PUTSL(out, "</a>");
			break;
		}
		case CMARK_NODE_EMPH:
			tag = "em";
			break;
		case CMARK_NODE_STRONG:
			tag = "strong";
			break;
		case CMARK_NODE_LINK:
			if (enter) {
				BUF_PUTSL(out, "<a href=\"");
				html_text(out, cmark_node_get_url(cur));
				BUF_PUTSL(out, "\">");
			} else
				BUF_PUTSL(out, "</a>");
			break;
		case CMARK_NODE_IMAGE:
			/* inside text: a picture in the line, which the
			 * converter keeps as one (INL_IMAGE) */
			if (enter) {
				char *alt = plain_str(cur);

				BUF_PUTSL(out, "<img src=\"");
				html_text(out, cmark_node_get_url(cur));
				BUF_PUTSL(out, "\" alt=\"");
				html_text(out, alt);
				BUF_PUTSL(out, "\">");
				free(alt);
				cmark_iter_reset(it, cur, CMARK_EVENT_EXIT);
			}
			break;
		default:
			if (strcmp(ext, "strikethrough") == 0)
				tag = "del";
			break;
		}
		if (tag)
			buf_printf(out, enter ? "<%s>" : "</%s>", tag);
	}
	cmark_iter_free(it);
}

/* Parse the HTML S as a fragment in CONTEXT. The caller destroys it. */
static GumboOutput *
html_fragment(const char *s, size_t len, GumboTag context)
{
	GumboOptions o = kGumboDefaultOptions;

	o.fragment_context = context;
	o.fragment_namespace = GUMBO_NAMESPACE_HTML;
	return gumbo_parse_with_options(&o, s, len);
}

/* Refuse raw HTML S[0..N) at N's line when it nests so deep that parsing
 * it would take minutes. Return 0, or -1 with the error set. */
static int
html_check(struct md *m, cmark_node *at, const char *s, size_t n)
{
	if (html_depth_estimate(s, n) <= HTML_MAX_NESTING)
		return 0;
	return err_set(m->path, line_of(m, at), "raw HTML nested more than %d elements deep",
	    HTML_MAX_NESTING);
}

/* The inlines of PARENT, which holds raw HTML, through the converter.
 * Return 0, or -1 with the error set. */
static int
html_inlines(struct md *m, cmark_node *parent, struct inl **arr, size_t *n)
{
	struct buf h = {0};
	struct html_conv hc;
	GumboOutput *g;

	html_serialize(m, parent, &h);
	if (html_check(m, parent, buf_str(&h), h.len) == -1) {
		buf_free(&h);
		return -1;
	}
	g = html_fragment(buf_str(&h), h.len, GUMBO_TAG_P);
	html_conv_init(&hc, m->path, m->a);
	hc.lineoff = line_of(m, parent) ? line_of(m, parent) - 1 : 0;
	hc.md_notes = m->nnotes;
	html_conv_inlines(&hc, g->root, arr, n);
	html_conv_finish(&hc);
	gumbo_destroy_output(&kGumboDefaultOptions, g);
	buf_free(&h);
	return 0;
}

/* A raw HTML block through the converter: blocks appended to *ARR.
 * Return 0, or -1 with the error set. */
static int
html_blocks(struct md *m, cmark_node *c, struct block **arr, size_t *n)
{
	const char *lit = cmark_node_get_literal(c);
	struct html_conv hc;
	GumboOutput *g;

	if (lit == NULL)
		return 0;
	if (html_check(m, c, lit, strlen(lit)) == -1)
		return -1;
	g = html_fragment(lit, strlen(lit), GUMBO_TAG_DIV);
	html_conv_init(&hc, m->path, m->a);
	hc.lineoff = line_of(m, c) ? line_of(m, c) - 1 : 0;
	hc.md_notes = m->nnotes;
	html_conv_blocks(&hc, g->root, arr, n);
	html_conv_finish(&hc);
	gumbo_destroy_output(&kGumboDefaultOptions, g);
	return 0;
}

/* Convert the inline children of PARENT, appending to *ARR / *N. Adjacent
 * text (cmark splits it at punctuation) is merged. Return 0, or -1 with the
 * error set when nested deeper than MODEL_MAX_DEPTH. */
static int
conv_inlines(struct md *m, cmark_node *parent, struct inl **arr, size_t *n, int depth)
{
	struct buf pend = {0};
	cmark_node *c;
	int ret = -1;

	if (depth > MODEL_MAX_DEPTH) {
		too_deep(m, parent);
		goto out;
	}
	if (has_html(parent)) {
		ret = html_inlines(m, parent, arr, n);
		goto out;
	}
	for (c = cmark_node_first_child(parent); c; c = cmark_node_next(c)) {
		const char *lit = cmark_node_get_literal(c);
		const char *ext = ext_type(c);
		struct inl *in;
		enum inline_type t;

		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_TEXT:
			if (lit)
				buf_puts(&pend, lit);
			continue;
		case CMARK_NODE_SOFTBREAK:
			buf_putc(&pend, ' ');
			continue;
		case CMARK_NODE_IMAGE: {	/* inside text: part of the book */
			const char *url = cmark_node_get_url(c), *title = cmark_node_get_title(c);

			if (url == NULL || *url == '\0') {
				plain_text(&pend, c);	/* no picture: its words stay */
				continue;
			}
			flush_text(&pend, arr, n);
			in = inl_push(arr, n, INL_IMAGE);
			in->image = xcalloc(1, sizeof(*in->image));
			in->image->src = xstrdup(url);
			in->image->alt = plain_str(c);
			if (title && *title)
				set_caption(in->image, str_squash(title));
			in->image->line = line_of(m, c);
			continue;
		}
		case CMARK_NODE_LINEBREAK:
			flush_text(&pend, arr, n);
			inl_push(arr, n, INL_BREAK);
			continue;
		case CMARK_NODE_CODE:
			flush_text(&pend, arr, n);
			in = inl_push(arr, n, INL_CODE);
			in->text = xstrdup(lit && *lit ? lit : " ");
			continue;
		case CMARK_NODE_FOOTNOTE_REFERENCE: {
			/* cmark numbers the notes 1, 2 … in order of first
			 * reference and keeps the definitions in that order. */
			long k = lit ? strtol(lit, NULL, 10) : 0;

			if (k < 1 || k > m->nnotes) {
				buf_printf(&pend, "[^%s]", lit ? lit : "");
				continue;
			}
			flush_text(&pend, arr, n);
			in = inl_push(arr, n, INL_NOTEREF);
			in->text = xstrdup(lit);
			in->note = (size_t)(k - 1);
			m->refd[k - 1] = 1;
			continue;
		}
		case CMARK_NODE_EMPH:
			t = INL_EMPH;
			break;
		case CMARK_NODE_STRONG:
			t = INL_STRONG;
			break;
		case CMARK_NODE_LINK: {
			const char *url = cmark_node_get_url(c);

			if (url == NULL || *url == '\0') {
				/* "[words]()": no target, keep the words */
				flush_text(&pend, arr, n);
				if (conv_inlines(m, c, arr, n, depth + 1) == -1)
					goto out;
				continue;
			}
			t = INL_LINK;
			break;
		}
		default:
			if (strcmp(ext, "strikethrough") == 0) {
				t = INL_STRIKE;
				break;
			}
			/* Anything else keeps its words. */
			plain_text(&pend, c);
			continue;
		}
		flush_text(&pend, arr, n);
		in = inl_push(arr, n, t);
		if (t == INL_LINK)
			in->href = xstrdup(cmark_node_get_url(c));
		/* IN moves if *ARR grows, but kids go into IN's own array. */
		if (conv_inlines(m, c, &in->kids, &in->nkids, depth + 1) == -1)
			goto out;
		if (in->nkids == 0 && t == INL_LINK)	/* "[](url)": show the url */
			inl_push(&in->kids, &in->nkids, INL_TEXT)->text = xstrdup(in->href);
	}
	flush_text(&pend, arr, n);
	ret = 0;
out:
	buf_free(&pend);
	return ret;
}

/* The image of N when N is a paragraph holding only an image, else NULL. */
static cmark_node *
sole_image(cmark_node *n)
{
	cmark_node *c, *img = NULL;

	for (c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
		cmark_node_type t = cmark_node_get_type(c);

		if (t == CMARK_NODE_IMAGE && img == NULL)
			img = c;
		else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK)
			continue;
		else if (t == CMARK_NODE_TEXT && strspn(cmark_node_get_literal(c), " \t") ==
		    strlen(cmark_node_get_literal(c)))
			continue;
		else
			return NULL;
	}
	return img;
}

/* The emphasis of N when N is a paragraph holding only "*a caption*". */
static cmark_node *
sole_emph(cmark_node *n)
{
	cmark_node *c;

	if (n == NULL || cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH)
		return NULL;
	c = cmark_node_first_child(n);
	if (c == NULL || cmark_node_next(c) != NULL || cmark_node_get_type(c) != CMARK_NODE_EMPH)
		return NULL;
	return c;
}

/* Split a caption's trailing credit ("… Photograph: X/AP") into IM. Takes
 * CAPTION. */
static void
set_caption(struct image *im, char *caption)
{
	size_t caplen;
	char *credit;

	im->caption = caption;
	if (caption == NULL || (credit = txt_credit(caption, &caplen)) == NULL)
		return;
	im->credit = credit;
	caption[caplen] = '\0';
	im->caption = str_trim(caption);
	free(caption);
	if (*im->caption == '\0') {
		free(im->caption);
		im->caption = NULL;
	}
}

/* Fill figure B from image node IMG, taking the caption from the image's
 * title or from NEXT (an italic paragraph). Return 1 when NEXT was used. */
static int
conv_figure(struct block *b, cmark_node *img, cmark_node *next)
{
	const char *url = cmark_node_get_url(img), *title = cmark_node_get_title(img);
	cmark_node *em;
	int used = 0;

	b->image = xcalloc(1, sizeof(*b->image));
	b->image->src = url && *url ? xstrdup(url) : NULL;
	b->image->alt = plain_str(img);
	if (title && *title)
		set_caption(b->image, str_squash(title));
	else if ((em = sole_emph(next)) != NULL) {
		set_caption(b->image, plain_str(em));
		used = 1;
	}
	return used;
}

static int conv_blocks(struct md *, cmark_node *, struct block **, size_t *, int);

/* The label of footnote definition N as written ("note" for "[^note]:"),
 * read back from the source at N's position (cmark's API does not give it
 * out). A fresh string; the note's number when the source does not say. */
static char *
note_label(struct md *m, cmark_node *n)
{
	int line = cmark_node_get_start_line(n), col = cmark_node_get_start_column(n);
	const char *p, *q, *lstart, *end = m->body + m->bodylen;
	size_t i;

	if (m->lines == NULL) {
		size_t cap = 0;

		ARRAY_GROW(m->lines, m->nlines, cap);
		m->lines[m->nlines++] = 0;
		for (i = 0; i < m->bodylen; i++)
			if (m->body[i] == '\n') {
				ARRAY_GROW(m->lines, m->nlines, cap);
				m->lines[m->nlines++] = i + 1;
			}
	}
	if (line < 1 || (size_t)line > m->nlines || col < 1)
		goto number;
	/* cmark's position is just after "[^label]: " */
	lstart = m->body + m->lines[line - 1];
	if ((size_t)(col - 1) > (size_t)(end - lstart))
		goto number;
	for (q = lstart + (col - 1); q > lstart && (q[-1] == ' ' || q[-1] == '\t'); q--)
		;
	if (q - lstart < 5 || q[-1] != ':' || q[-2] != ']')
		goto number;
	q -= 2;
	for (p = q; p > lstart + 1 && !(p[-2] == '[' && p[-1] == '^'); p--)
		;
	if (p <= lstart + 1 || p == q)
		goto number;
	return xstrndup(p, (size_t)(q - p));
number:
	return xprintf("%zu", m->a->nnotes);
}

/* Convert table node T into block B. Return 0, or -1 with the error set. */
static int
conv_table(struct md *m, cmark_node *t, struct block *b, int depth)
{
	uint16_t ncols = cmark_gfm_extensions_get_table_columns(t);
	uint8_t *aligns = cmark_gfm_extensions_get_table_alignments(t);
	cmark_node *r, *c;

	for (r = cmark_node_first_child(t); r; r = cmark_node_next(r)) {
		struct block *row = block_push(&b->kids, &b->nkids, BLK_ROW);
		uint16_t col = 0;

		row->src.file = m->a->source;
		row->src.line = line_of(m, r);
		row->header = cmark_gfm_extensions_get_table_row_is_header(r) != 0;
		for (c = cmark_node_first_child(r); c; c = cmark_node_next(c), col++) {
			struct block *cell = block_push(&row->kids, &row->nkids, BLK_CELL);

			cell->src = row->src;
			cell->header = row->header;
			if (aligns && col < ncols) {
				switch (aligns[col]) {
				case 'l':
					cell->align = ALIGN_LEFT;
					break;
				case 'c':
					cell->align = ALIGN_CENTER;
					break;
				case 'r':
					cell->align = ALIGN_RIGHT;
					break;
				default:
					break;
				}
			}
			if (conv_inlines(m, c, &cell->inl, &cell->ninl, depth + 1) == -1)
				return -1;
		}
	}
	return 0;
}

/* A fresh copy of code LIT without its final newline, or NULL if empty. */
static char *
code_text(const char *lit)
{
	size_t n = lit ? strlen(lit) : 0;

	while (n && (lit[n - 1] == '\n' || lit[n - 1] == '\r'))
		n--;
	return n ? xstrndup(lit, n) : NULL;
}

/* The article's first heading C, of level 1: its headline when the front
 * matter gave none, or dropped when it repeats the front matter's title.
 * Return 1 when C is taken so, 0 when it stays a heading of the body. */
static int
take_headline(struct md *m, cmark_node *c)
{
	char *h = plain_str(c);

	if (h && m->a->headline == NULL) {
		m->a->headline = h;
		m->a->line = line_of(m, c);
		return 1;
	}
	/* "# Title" repeating the front matter's title */
	if (h && strcmp(h, m->a->headline) == 0) {
		free(h);
		return 1;
	}
	free(h);
	return 0;
}


/* Return 1 for the block nodes that hold blocks: quotes, lists, items. */
static int
is_container(cmark_node *c)
{
	cmark_node_type t = cmark_node_get_type(c);

	return t == CMARK_NODE_BLOCK_QUOTE || t == CMARK_NODE_LIST || t == CMARK_NODE_ITEM;
}

/* Open task list item B with its ballot box ("\u2610 " or, CHECKED,
 * "\u2611 ") as text at the start of its first paragraph (a paragraph is
 * put first when the item opens with something else). */
static void
task_box(struct block *b, int checked)
{
	struct block *p = b->nkids ? &b->kids[0] : NULL;
	struct inl *in;

	if (p == NULL || p->type != BLK_PARAGRAPH) {
		struct block tmp;

		p = block_push(&b->kids, &b->nkids, BLK_PARAGRAPH);
		p->src = b->src;
		tmp = *p;
		memmove(b->kids + 1, b->kids, (b->nkids - 1) * sizeof(*b->kids));
		b->kids[0] = tmp;
		p = &b->kids[0];
	}
	in = inl_push(&p->inl, &p->ninl, INL_TEXT);
	in->text = xstrdup(checked ? "\xe2\x98\x91 " : "\xe2\x98\x90 ");
	if (p->ninl > 1) {
		struct inl tmp = *in;

		memmove(p->inl + 1, p->inl, (p->ninl - 1) * sizeof(*p->inl));
		p->inl[0] = tmp;
	}
}

/* Convert the block node *CP (a child of PARENT) into *ARR / *N. A figure
 * that takes its caption from the next node moves *CP on to it. Return 0,
 * or -1 with the error set. */
static int
conv_one(struct md *m, cmark_node *parent, cmark_node **cp, struct block **arr, size_t *n,
    int depth)
{
	cmark_node *c = *cp;
	cmark_node_type t = cmark_node_get_type(c);
	const char *ext = ext_type(c);
	struct block *b;
	cmark_node *img;

	if (c == m->skip)
		return 0;
	if (t == CMARK_NODE_FOOTNOTE_DEFINITION) {
		struct footnote *fn;

		if (depth > 0 || m->a->nnotes >= (size_t)m->nnotes)
			return 0;	/* cmark keeps them at the top */
		fn = &m->a->notes[m->a->nnotes++];
		fn->label = note_label(m, c);
		if (conv_blocks(m, c, &fn->blocks, &fn->nblocks, depth + 1) == -1)
			return -1;
		return 0;
	}
	if (t == CMARK_NODE_HEADING && cmark_node_get_heading_level(c) == 1 && depth == 0 &&
	    c == cmark_node_first_child(parent) && take_headline(m, c))
		return 0;
	b = block_push(arr, n, BLK_PARAGRAPH);
	b->src.file = m->a->source;
	b->src.line = line_of(m, c);
	switch (t) {
	case CMARK_NODE_PARAGRAPH:
		if ((img = sole_image(c)) != NULL) {
			b->type = BLK_FIGURE;
			if (conv_figure(b, img, cmark_node_next(c)))
				*cp = c = cmark_node_next(c);
			break;
		}
		if (conv_inlines(m, c, &b->inl, &b->ninl, depth + 1) == -1)
			return -1;
		break;
	case CMARK_NODE_HEADING:
		b->type = BLK_HEADING;
		b->level = cmark_node_get_heading_level(c);
		if (b->level < 2)
			b->level = 2;
		if (conv_inlines(m, c, &b->inl, &b->ninl, depth + 1) == -1)
			return -1;
		break;
	case CMARK_NODE_BLOCK_QUOTE:
		b->type = BLK_QUOTE;
		if (conv_blocks(m, c, &b->kids, &b->nkids, depth + 1) == -1)
			return -1;
		break;
	case CMARK_NODE_LIST:
		b->type = BLK_LIST;
		b->ordered = cmark_node_get_list_type(c) == CMARK_ORDERED_LIST;
		b->start = b->ordered ? cmark_node_get_list_start(c) : 0;
		if (conv_blocks(m, c, &b->kids, &b->nkids, depth + 1) == -1)
			return -1;
		break;
	case CMARK_NODE_ITEM:
		b->type = BLK_ITEM;
		if (conv_blocks(m, c, &b->kids, &b->nkids, depth + 1) == -1)
			return -1;
		if (strcmp(ext, "tasklist") == 0)
			task_box(b, cmark_gfm_extensions_get_tasklist_item_checked(c));
		break;
	case CMARK_NODE_CODE_BLOCK: {
		const char *info = cmark_node_get_fence_info(c);

		b->type = BLK_CODE;
		b->text = code_text(cmark_node_get_literal(c));
		b->info = info && *info ? str_trim(info) : NULL;
		break;
	}
	case CMARK_NODE_HTML_BLOCK:
		/* the paragraph pushed above is dropped for the blocks the
		 * converter makes of the HTML */
		block_free(b);
		(*n)--;
		if (html_blocks(m, c, arr, n) == -1)
			return -1;
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		b->type = BLK_RULE;
		break;
	default:
		if (strcmp(ext, "table") == 0) {
			b->type = BLK_TABLE;
			if (conv_table(m, c, b, depth + 1) == -1)
				return -1;
			break;
		}
		/* An unknown block keeps its words as a paragraph. */
		{
			char *s = plain_str(c);

			if (s)
				inl_push(&b->inl, &b->ninl, INL_TEXT)->text = s;
		}
		break;
	}
	return 0;
}

/* Convert the leaf blocks under container C, in order, into *ARR / *N at
 * DEPTH, walking cmark's tree with its iterator (any depth, no recursion).
 * Return 0, or -1 with the error set. */
static int
conv_flat(struct md *m, cmark_node *c, struct block **arr, size_t *n, int depth)
{
	cmark_iter *it = cmark_iter_new(c);
	cmark_event_type ev;
	int ret = 0;

	if (m->flattened == 0)
		m->flattened = line_of(m, c);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *x = cmark_iter_get_node(it);

		if (ev != CMARK_EVENT_ENTER || x == c || is_container(x))
			continue;
		if (conv_one(m, NULL, &x, arr, n, depth) == -1) {
			ret = -1;
			break;
		}
		cmark_iter_reset(it, x, CMARK_EVENT_EXIT);
	}
	cmark_iter_free(it);
	return ret;
}

/* Convert the block children of PARENT, appending to *ARR / *N. At the top
 * level (DEPTH 0) a leading "# heading" becomes the headline and footnote
 * definitions go to the article's notes. Past MD_MAX_NEST (and not right
 * inside a list, whose children must stay items) quotes and lists give up
 * their own level: their contents are set here. Return 0, or -1 with the
 * error set. */
static int
conv_blocks(struct md *m, cmark_node *parent, struct block **arr, size_t *n, int depth)
{
	cmark_node *c;
	int flat = depth >= MD_MAX_NEST && cmark_node_get_type(parent) != CMARK_NODE_LIST;

	for (c = cmark_node_first_child(parent); c; c = cmark_node_next(c)) {
		if (flat && is_container(c)) {
			if (conv_flat(m, c, arr, n, depth) == -1)
				return -1;
			continue;
		}
		if (conv_one(m, parent, &c, arr, n, depth) == -1)
			return -1;
	}
	return 0;
}

/* Length of the line at S (up to, not including, its "\n"), and whether,
 * trimmed of trailing blanks and "\r", it equals WANT. */
static int
line_is(const char *s, const char *end, const char *want, const char **next)
{
	const char *nl = memchr(s, '\n', (size_t)(end - s));
	const char *e = nl ? nl : end;
	size_t w = strlen(want);

	*next = nl ? nl + 1 : end;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		e--;
	return (size_t)(e - s) == w && memcmp(s, want, w) == 0;
}

/* Split the front matter off TEXT: on success *BODY is where the Markdown
 * starts and *BODYLINE its 0-based line offset; the YAML is applied to A.
 * Return 0 (also when there is no front matter), or -1 with the error set. */
static int
front_matter(struct article *a, const char *path, const char *text, const char *end,
    const char **body, int *bodyline)
{
	const char *p, *next, *yaml;
	int line = 1;

	*body = text;
	*bodyline = 0;
	if (line_is(text, end, "+++", &next))
		return err_set(path, 1, "TOML front matter ('+++') is not read: write it as YAML "
		    "between '---' lines (title = 'X' becomes title: X)");
	if (!line_is(text, end, "---", &next))
		return 0;
	yaml = p = next;
	while (p < end) {
		const char *start = p;

		line++;
		if (line_is(p, end, "---", &next) || line_is(p, end, "...", &next)) {
			*body = next;
			*bodyline = line;
			return meta_front_matter(a, path, 2, yaml, (size_t)(start - yaml));
		}
		p = next;
	}
	return err_set(path, 1, "front matter ('---' on line 1) has no closing '---' line");
}

/* cmark-gfm 0.29's table parser is quadratic in the cells of a row: a
 * 2 MB table of 10,000-cell rows takes half a minute. Rows this wide are
 * never real tables, so a file that has one is read without tables. */
#define MD_MAX_ROW_PIPES 128

/* The 1-based line of the first line in S[0..N) with more '|' characters
 * than a table row can sensibly have, or 0 when there is none. */
static int
wide_row(const char *s, size_t n)
{
	int line = 1, pipes = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == '\n') {
			line++;
			pipes = 0;
		} else if (s[i] == '|' && ++pipes > MD_MAX_ROW_PIPES)
			return line;
	}
	return 0;
}

/* Parse S[0..N) with the GFM extensions (tables unless WIDE). Return the
 * document; the caller frees it with cmark_node_free. */
static cmark_node *
parse(const char *s, size_t n, int wide)
{
	cmark_parser *parser;
	cmark_node *doc;

	cmark_gfm_core_extensions_ensure_registered();
	/* Not CMARK_OPT_SMART: quotes and dashes are set per language, for
	 * both readers alike, by punct_article() (punct.c). */
	parser = cmark_parser_new(CMARK_OPT_FOOTNOTES);
	if (!wide)
		cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension("table"));
	cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension("strikethrough"));
	cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension("autolink"));
	cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension("tasklist"));
	cmark_parser_feed(parser, s, n);
	doc = cmark_parser_finish(parser);
	cmark_parser_free(parser);
	return doc;
}

/* cmark-gfm drops the footnote definitions nothing references. To keep
 * their words, the body is read with one more paragraph after it that
 * references every "[^label]:" in the text; that paragraph is then left
 * out of the model. Return the body to parse as a fresh string (and its
 * length and the extra paragraph's line), or NULL when the body defines
 * no footnotes. */
static char *
with_note_refs(const char *body, size_t len, size_t *outlen, int *line)
{
	struct buf b = {0};
	size_t i, k, nl = 0, nrefs = 0;

	for (i = 0; i < len; i++)
		if (body[i] == '\n')
			nl++;
	buf_put(&b, body, len);
	if (len && body[len - 1] != '\n') {
		buf_putc(&b, '\n');
		nl++;
	}
	buf_putc(&b, '\n');
	*line = (int)nl + 2;
	for (i = 0; i + 3 < len; i++) {
		if (body[i] != '[' || body[i + 1] != '^')
			continue;
		for (k = i + 2; k < len && body[k] != ']' && body[k] != '[' &&
		    (unsigned char)body[k] > ' '; k++)
			;
		if (k == i + 2 || k + 1 >= len || body[k] != ']' || body[k + 1] != ':')
			continue;
		if (nrefs++)
			buf_putc(&b, ' ');
		buf_put(&b, body + i, k + 1 - i);
		i = k;
	}
	if (nrefs == 0) {
		buf_free(&b);
		return NULL;
	}
	buf_putc(&b, '\n');
	*outlen = b.len;
	return buf_detach(&b);
}

/* The last top-level node of DOC that is not a footnote definition. */
static cmark_node *
last_block(cmark_node *doc)
{
	cmark_node *c, *last = NULL;

	for (c = cmark_node_first_child(doc); c; c = cmark_node_next(c))
		if (cmark_node_get_type(c) != CMARK_NODE_FOOTNOTE_DEFINITION)
			last = c;
	return last;
}

struct article *
md_read(const char *path, const char *text, size_t len)
{
	const char *end = text + len, *body;
	cmark_node *doc = NULL, *c;
	struct article *a = article_new(path);
	char *extra = NULL;
	size_t extralen = 0, i;
	struct md m;
	int wide, extraline = 0, ret = -1;

	memset(&m, 0, sizeof(m));
	m.path = path;
	m.a = a;
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		text += 3;
	if (front_matter(a, path, text, end, &body, &m.lineoff) == -1)
		goto out;
	m.body = body;
	m.bodylen = (size_t)(end - body);

	if ((wide = wide_row(body, m.bodylen)) != 0)
		warn_at(path, wide + m.lineoff, "more than %d '|' on one line: "
		    "tables in this file are read as plain text", MD_MAX_ROW_PIPES);
	if ((extra = with_note_refs(body, m.bodylen, &extralen, &extraline)) != NULL) {
		doc = parse(extra, extralen, wide);
		c = last_block(doc);
		if (c && cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH &&
		    cmark_node_get_start_line(c) == extraline)
			m.skip = c;
		else {
			/* the body swallowed the paragraph (an open fence…) */
			cmark_node_free(doc);
			doc = NULL;
		}
	}
	if (doc == NULL)
		doc = parse(body, m.bodylen, wide);

	for (c = cmark_node_first_child(doc); c; c = cmark_node_next(c))
		if (cmark_node_get_type(c) == CMARK_NODE_FOOTNOTE_DEFINITION)
			m.nnotes++;
	if (m.nnotes) {
		a->notes = xcalloc((size_t)m.nnotes, sizeof(*a->notes));
		m.refd = xcalloc((size_t)m.nnotes, 1);
	}
	if (conv_blocks(&m, doc, &a->blocks, &a->nblocks, 0) == -1)
		goto out;
	if (m.flattened)
		warn_at(path, m.flattened, "quotes and lists nested deeper than %d levels are set at "
		    "that depth", MD_MAX_NEST);
	for (i = 0; i < a->nnotes; i++)
		a->notes[i].referenced = m.refd[i];
	if (a->headline == NULL) {
		err_set(path, 1, "no title (give 'title:' in the front matter or start with a '# heading')");
		goto out;
	}
	if (a->line == 0)
		a->line = 1;
	ret = 0;
out:
	free(m.lines);
	free(m.refd);
	free(extra);
	if (doc)
		cmark_node_free(doc);
	if (ret == -1) {
		article_free(a);
		return NULL;
	}
	return a;
}
