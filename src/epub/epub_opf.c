/* The EPUB writer's package document, navigation document and NCX. */
#include <stdlib.h>
#include <string.h>

#include "epub_int.h"
#include "model/date.h"
#include "model/lang.h"
#include "model/theme.h"
#include "util.h"

/* Append <meta property="P">V</meta>. */
static void
meta(struct buf *b, const char *prop, const char *val)
{
	buf_printf(b, "<meta property=\"%s\">", prop);
	buf_xml(b, val);
	BUF_PUTSL(b, "</meta>\n");
}

/* 1 when S is already in V[0..N). */
static int
seen(char **v, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i], s) == 0)
			return 1;
	return 0;
}

/* The creators: the book's authors, else every article author once. */
static void
creators(struct buf *b, const struct book *bk)
{
	char **v = NULL;
	size_t n = 0, i, j;

	for (i = 0; i < bk->nauthors; i++)
		if (!seen(v, n, bk->authors[i]))
			strv_push(&v, &n, bk->authors[i]);
	if (bk->nauthors == 0)
		for (i = 0; i < bk->narticles; i++)
			for (j = 0; j < bk->articles[i]->nauthors; j++)
				if (!seen(v, n, bk->articles[i]->authors[j]))
					strv_push(&v, &n, bk->articles[i]->authors[j]);
	for (i = 0; i < n; i++) {
		buf_printf(b, "<dc:creator id=\"creator%zu\">", i + 1);
		buf_xml(b, v[i]);
		buf_printf(b, "</dc:creator>\n<meta refines=\"#creator%zu\" property=\"role\" "
		    "scheme=\"marc:relators\">aut</meta>\n", i + 1);
		free(v[i]);
	}
	free(v);
}

/* The subjects: the book's tags, then the articles', each once. */
static void
subjects(struct buf *b, const struct book *bk)
{
	size_t n, i;
	char **v = book_subjects(bk, &n);

	for (i = 0; i < n; i++) {
		BUF_PUTSL(b, "<dc:subject>");
		buf_xml(b, v[i]);
		BUF_PUTSL(b, "</dc:subject>\n");
		free(v[i]);
	}
	free(v);
}

/* Where the page breaks come from: the print edition (the PDF made in the
 * same run), named by the book's title, its paper and the identifier both
 * books carry, as a dc:source refined as the source of the pagination
 * (EPUB 3.2 and 3.3; DAISY Ace's epub-pagesource). EPUB Accessibility
 * 1.1's newer a11y:pageBreakSource is left out: epubcheck 4.2.6 refuses
 * it as an undefined property (OPF-027). */
static void
page_source(struct buf *b, const struct epub *e, const char *ident)
{
	struct buf s = {0};

	buf_printf(&s, "%s, print edition (PDF", e->book->title);
	if (e->theme)
		buf_printf(&s, ", %.0f \xc3\x97 %.0f mm", e->theme->page_w / 72 * 25.4,
		    e->theme->page_h / 72 * 25.4);
	buf_printf(&s, "), %s", ident);
	BUF_PUTSL(b, "<dc:source id=\"page-source\">");
	buf_xml(b, buf_str(&s));
	BUF_PUTSL(b, "</dc:source>\n<meta refines=\"#page-source\" property=\"source-of\">"
	    "pagination</meta>\n");
	buf_free(&s);
}

/* Accessibility metadata: only what is true of this book. */
static void
a11y(struct buf *b, const struct epub *e)
{
	int all_alt = e->nimg_alt == e->nimg;
	int lang_all = 1;
	struct buf s = {0};

	for (size_t i = 0; i < e->book->narticles; i++)
		if (e->book->articles[i]->lang == NULL)
			lang_all = 0;
	meta(b, "schema:accessMode", "textual");
	if (e->nimg)
		meta(b, "schema:accessMode", "visual");
	if (e->nimg == 0 || all_alt)
		meta(b, "schema:accessModeSufficient", "textual");
	if (e->nimg)
		meta(b, "schema:accessModeSufficient", "textual,visual");
	meta(b, "schema:accessibilityFeature", "structuralNavigation");
	meta(b, "schema:accessibilityFeature", "tableOfContents");
	meta(b, "schema:accessibilityFeature", "readingOrder");
	meta(b, "schema:accessibilityFeature", "displayTransformability");
	if (e->nimg && all_alt)
		meta(b, "schema:accessibilityFeature", "alternativeText");
	if (e->nplist) {
		meta(b, "schema:accessibilityFeature", "pageBreakMarkers");
		meta(b, "schema:accessibilityFeature", "pageNavigation");
	}
	meta(b, "schema:accessibilityHazard", "none");

	buf_printf(&s, "Reflowable text with a navigable table of contents. Every article "
	    "(%zu in all) is marked up with its headline as a heading and with its language "
	    "and direction.", e->book->narticles);
	if (e->nimg == 1 && all_alt)
		BUF_PUTSL(&s, " Its one image has a text alternative.");
	else if (e->nimg && all_alt)
		buf_printf(&s, " All %zu images have text alternatives.", e->nimg);
	else if (e->nimg)
		buf_printf(&s, " %zu of %zu images have text alternatives; the others are "
		    "described only by their captions, if any.", e->nimg_alt, e->nimg);
	if (e->has_notes)
		BUF_PUTSL(&s, " Footnotes are linked to and from their references.");
	if (e->has_table && !e->table_no_th)
		BUF_PUTSL(&s, " Tables have header cells.");
	else if (e->has_table)
		BUF_PUTSL(&s, " Some tables have no header cells.");
	if (e->heading_skip)
		BUF_PUTSL(&s, " Some articles skip heading levels.");
	if (e->nplist)
		BUF_PUTSL(&s, " Page break markers and a page list give the pages of the print "
		    "edition (the PDF made with it).");
	meta(b, "schema:accessibilitySummary", buf_str(&s));
	buf_free(&s);
	/* The WCAG claim is made only when nothing we check rules it out. */
	if (all_alt && lang_all && !e->heading_skip && !e->table_no_th)
		meta(b, "dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.1 Level AA");
}

char *
epub_opf_package(const struct epub *e, const char *ident, const char *modified)
{
	const struct book *bk = e->book;
	struct buf b = {0};
	size_t i;

	BUF_PUTSL(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" "
	    "unique-identifier=\"bookid\" xml:lang=\"");
	buf_xml(&b, e->lang);
	BUF_PUTSL(&b, "\">\n<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
	    "<dc:identifier id=\"bookid\">");
	buf_xml(&b, ident);
	BUF_PUTSL(&b, "</dc:identifier>\n<dc:title id=\"title\">");
	buf_xml(&b, bk->title);
	BUF_PUTSL(&b, "</dc:title>\n<meta refines=\"#title\" property=\"title-type\">main</meta>\n");
	if (bk->subtitle) {
		BUF_PUTSL(&b, "<dc:title id=\"subtitle\">");
		buf_xml(&b, bk->subtitle);
		BUF_PUTSL(&b, "</dc:title>\n"
		    "<meta refines=\"#subtitle\" property=\"title-type\">subtitle</meta>\n");
	}
	creators(&b, bk);
	BUF_PUTSL(&b, "<dc:language>");
	buf_xml(&b, e->lang);
	BUF_PUTSL(&b, "</dc:language>\n");
	if (bk->date && date_is_iso(bk->date)) {
		BUF_PUTSL(&b, "<dc:date>");
		buf_xml(&b, bk->date);
		BUF_PUTSL(&b, "</dc:date>\n");
	}
	if (bk->publisher) {
		BUF_PUTSL(&b, "<dc:publisher>");
		buf_xml(&b, bk->publisher);
		BUF_PUTSL(&b, "</dc:publisher>\n");
	}
	if (bk->description) {
		BUF_PUTSL(&b, "<dc:description>");
		buf_xml(&b, bk->description);
		BUF_PUTSL(&b, "</dc:description>\n");
	}
	subjects(&b, bk);
	meta(&b, "dcterms:modified", modified);
	BUF_PUTSL(&b, "<meta name=\"cover\" content=\"cover-image\"/>\n");
	a11y(&b, e);
	if (e->nplist)
		page_source(&b, e, ident);
	BUF_PUTSL(&b, "</metadata>\n<manifest>\n");
	for (i = 0; i < e->nitems; i++) {
		const struct epub_item *it = &e->items[i];

		BUF_PUTSL(&b, "<item id=\"");
		buf_xml(&b, it->id);
		BUF_PUTSL(&b, "\" href=\"");
		buf_xml(&b, it->name);
		buf_printf(&b, "\" media-type=\"%s\"", it->mime);
		if (it->props)
			buf_printf(&b, " properties=\"%s\"", it->props);
		BUF_PUTSL(&b, "/>\n");
	}
	BUF_PUTSL(&b, "</manifest>\n<spine toc=\"ncx\"");
	if (lang_rtl(e->lang))
		BUF_PUTSL(&b, " page-progression-direction=\"rtl\"");
	BUF_PUTSL(&b, ">\n");
	for (i = 0; i < e->nitems; i++)
		if (e->items[i].spine) {
			BUF_PUTSL(&b, "<itemref idref=\"");
			buf_xml(&b, e->items[i].id);
			BUF_PUTSL(&b, "\"/>\n");
		}
	BUF_PUTSL(&b, "</spine>\n</package>\n");
	return buf_detach(&b);
}

char *
epub_opf_nav(const struct epub *e)
{
	const struct words *w = e->words;
	struct buf b = {0};
	size_t i;
	int open2 = 0;

	epub_xhtml_open(&b, e->lang, lang_rtl(e->lang), w->contents, "css/book.css");
	BUF_PUTSL(&b, "<body class=\"toc\">\n<nav epub:type=\"toc\" role=\"doc-toc\" id=\"toc\">\n<h1>");
	buf_xml(&b, w->contents);
	BUF_PUTSL(&b, "</h1>\n<ol>\n");
	for (i = 0; i < e->ntoc; i++) {
		const struct epub_toc *t = &e->toc[i];

		if (t->level == 1) {
			if (open2)
				BUF_PUTSL(&b, "</ol>\n");
			if (i > 0)
				BUF_PUTSL(&b, "</li>\n");
			open2 = 0;
			BUF_PUTSL(&b, "<li");
			if (t->lang) {
				BUF_PUTSL(&b, " lang=\"");
				buf_xml(&b, t->lang);
				BUF_PUTSL(&b, "\" xml:lang=\"");
				buf_xml(&b, t->lang);
				buf_printf(&b, "\" dir=\"%s\"", lang_rtl(t->lang) ? "rtl" : "ltr");
			}
			BUF_PUTSL(&b, "><a href=\"");
		} else {
			if (!open2)
				BUF_PUTSL(&b, "\n<ol>\n");
			open2 = 1;
			BUF_PUTSL(&b, "<li><a href=\"");
		}
		buf_xml(&b, t->href);
		BUF_PUTSL(&b, "\">");
		buf_xml(&b, t->label);
		BUF_PUTSL(&b, "</a>");
		if (t->level != 1)
			BUF_PUTSL(&b, "</li>\n");
	}
	if (open2)
		BUF_PUTSL(&b, "</ol>\n");
	if (e->ntoc)
		BUF_PUTSL(&b, "</li>\n");
	else {
		/* A book without articles still has a title page. */
		BUF_PUTSL(&b, "<li><a href=\"text/title.xhtml\">");
		buf_xml(&b, e->book->title);
		BUF_PUTSL(&b, "</a></li>\n");
	}
	BUF_PUTSL(&b, "</ol>\n</nav>\n");
	if (e->nplist) {	/* the print edition's pages */
		BUF_PUTSL(&b, "<nav epub:type=\"page-list\" role=\"doc-pagelist\" id=\"page-list\" "
		    "hidden=\"hidden\">\n<h2>");
		buf_xml(&b, w->pages);
		BUF_PUTSL(&b, "</h2>\n<ol>\n");
		for (i = 0; i < e->nplist; i++) {
			BUF_PUTSL(&b, "<li><a href=\"");
			buf_xml(&b, e->plist[i].href);
			BUF_PUTSL(&b, "\">");
			buf_xml(&b, e->plist[i].label);
			BUF_PUTSL(&b, "</a></li>\n");
		}
		BUF_PUTSL(&b, "</ol>\n</nav>\n");
	}
	BUF_PUTSL(&b, "<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\">\n"
	    "<ol>\n<li><a epub:type=\"cover\" href=\"text/cover.xhtml\">");
	buf_xml(&b, w->cover);
	BUF_PUTSL(&b, "</a></li>\n<li><a epub:type=\"titlepage\" href=\"text/title.xhtml\">");
	buf_xml(&b, w->titlepage);
	BUF_PUTSL(&b, "</a></li>\n<li><a epub:type=\"toc\" href=\"#toc\">");
	buf_xml(&b, w->contents);
	BUF_PUTSL(&b, "</a></li>\n");
	if (e->ntoc) {
		BUF_PUTSL(&b, "<li><a epub:type=\"bodymatter\" href=\"");
		buf_xml(&b, e->toc[0].href);
		BUF_PUTSL(&b, "\">");
		buf_xml(&b, w->start);
		BUF_PUTSL(&b, "</a></li>\n");
	}
	BUF_PUTSL(&b, "</ol>\n</nav>\n</body>\n");
	epub_xhtml_close(&b);
	return buf_detach(&b);
}

char *
epub_opf_ncx(const struct epub *e, const char *ident)
{
	struct buf b = {0};
	size_t i;
	int depth = 1, open = 0, order = 0;

	for (i = 0; i < e->ntoc; i++)
		if (e->toc[i].level > 1)
			depth = 2;
	BUF_PUTSL(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<ncx xmlns=\"http://www.daisy.org/z3986/2005/ncx/\" version=\"2005-1\" xml:lang=\"");
	buf_xml(&b, e->lang);
	BUF_PUTSL(&b, "\">\n<head>\n<meta name=\"dtb:uid\" content=\"");
	buf_xml(&b, ident);
	buf_printf(&b, "\"/>\n<meta name=\"dtb:depth\" content=\"%d\"/>\n"
	    "<meta name=\"dtb:totalPageCount\" content=\"0\"/>\n"
	    "<meta name=\"dtb:maxPageNumber\" content=\"0\"/>\n</head>\n<docTitle><text>", depth);
	buf_xml(&b, e->book->title);
	BUF_PUTSL(&b, "</text></docTitle>\n<navMap>\n");
	for (i = 0; i < e->ntoc; i++) {
		const struct epub_toc *t = &e->toc[i];

		if (t->level == 1) {
			while (open > 0) {
				BUF_PUTSL(&b, "</navPoint>\n");
				open--;
			}
		}
		buf_printf(&b, "<navPoint id=\"np%d\" playOrder=\"%d\"><navLabel><text>",
		    order + 1, order + 1);
		order++;
		buf_xml(&b, t->label);
		BUF_PUTSL(&b, "</text></navLabel><content src=\"");
		buf_xml(&b, t->href);
		BUF_PUTSL(&b, "\"/>");
		if (t->level == 1) {
			BUF_PUTSL(&b, "\n");
			open = 1;
		} else
			BUF_PUTSL(&b, "</navPoint>\n");
	}
	while (open-- > 0)
		BUF_PUTSL(&b, "</navPoint>\n");
	if (e->ntoc == 0) {
		BUF_PUTSL(&b, "<navPoint id=\"np1\" playOrder=\"1\"><navLabel><text>");
		buf_xml(&b, e->book->title);
		BUF_PUTSL(&b, "</text></navLabel><content src=\"text/title.xhtml\"/></navPoint>\n");
	}
	BUF_PUTSL(&b, "</navMap>\n</ncx>\n");
	return buf_detach(&b);
}
