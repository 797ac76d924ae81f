/* The EPUB writer over a model built by hand: hostile links and raw HTML,
 * footnotes (repeated, nested, unreferenced, across split parts), tables,
 * lists, right-to-left and CJK articles, an article long enough to split,
 * images with and without alt text. Writes the book to $T_EPUB_OUT (else a
 * temporary file) for tests/32-epub-model.t to run epubcheck on. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "../tap.h"
#include "epub/epub.h"
#include "epub/epub_int.h"
#include "model/date.h"
#include "model/image.h"
#include "model/model.h"
#include "util.h"

static void
text(struct inl **v, size_t *n, const char *s)
{
	inl_push(v, n, INL_TEXT)->text = xstrdup(s);
}

static void
mklink(struct inl **v, size_t *n, const char *href, const char *label)
{
	struct inl *l = inl_push(v, n, INL_LINK);

	l->href = xstrdup(href);
	text(&l->kids, &l->nkids, label);
}

static void
noteref(struct inl **v, size_t *n, size_t note, const char *label)
{
	struct inl *r = inl_push(v, n, INL_NOTEREF);

	r->note = note;
	r->text = xstrdup(label);
}

static struct block *
para(struct block **v, size_t *n, const char *s)
{
	struct block *b = block_push(v, n, BLK_PARAGRAPH);

	text(&b->inl, &b->ninl, s);
	return b;
}

static void
heading(struct block **v, size_t *n, int level, const char *s)
{
	struct block *b = block_push(v, n, BLK_HEADING);

	b->level = level;
	text(&b->inl, &b->ninl, s);
}

static void
cell(struct block *row, const char *s, int header, enum align al)
{
	struct block *c = block_push(&row->kids, &row->nkids, BLK_CELL);

	c->header = header;
	c->align = al;
	text(&c->inl, &c->ninl, s);
}

static struct footnote *
note(struct article *a, const char *label, const char *s)
{
	struct footnote *f;

	a->notes = xrealloc(a->notes, (a->nnotes + 1) * sizeof(*a->notes));
	f = &a->notes[a->nnotes++];
	memset(f, 0, sizeof(*f));
	f->label = xstrdup(label);
	para(&f->blocks, &f->nblocks, s);
	return f;
}

static struct article *
hostile(const char *chart)
{
	struct article *a = article_new("hostile.md");
	struct block *b, *row, *list, *item;
	struct inl *em;
	struct footnote *fn;

	a->id = xstrdup("a01");
	a->kicker = xstrdup("Exclusive");
	a->headline = xstrdup("Tags <script>alert(1)</script> & \"quotes\"");
	a->standfirst = xstrdup("A standfirst with <b>raw HTML</b>.");
	strv_push(&a->authors, &a->nauthors, "Ada <Lovelace>");
	strv_push(&a->authors, &a->nauthors, "Bob O'Brien");
	a->role = xstrdup("Hostile Editor");
	a->date = xstrdup("2023-02-08");
	a->date_text = xstrdup("February 8, 2023");
	a->lang = xstrdup("en");
	a->url = xstrdup("javascript:alert('url')");
	a->image = xcalloc(1, sizeof(*a->image));
	a->image->caption = xstrdup("A caption-only lead figure.");
	a->image->credit = xstrdup("Photograph: Nobody/AP");

	para(&a->blocks, &a->nblocks, "Not XML characters: [\xef\xbf\xbf\xef\xbf\xbe\x0b\x01].");
	b = para(&a->blocks, &a->nblocks, "Links: ");
	mklink(&b->inl, &b->ninl, "javascript:alert(1)", "js");
	mklink(&b->inl, &b->ninl, " JaVaScRiPt:alert(2)", "js2");
	mklink(&b->inl, &b->ninl, "data:text/html,<script>alert(3)</script>", "data");
	mklink(&b->inl, &b->ninl, "vbscript:msgbox", "vb");
	mklink(&b->inl, &b->ninl, "../relative.html", "relative");
	mklink(&b->inl, &b->ninl, "//evil.example/x", "schemeless");
	mklink(&b->inl, &b->ninl, "http://ok.example/a b?c=1&d=<x>\"y#f#g", "ok");
	mklink(&b->inl, &b->ninl, "mailto:someone@example.org", "mail");
	mklink(&b->inl, &b->ninl, "HTTPS://Upper.example/", "upper");
	text(&b->inl, &b->ninl, " raw: <img src=x onerror=alert(1)> <a href=\"javascript:x\">y</a>");
	em = inl_push(&b->inl, &b->ninl, INL_EMPH);
	text(&em->kids, &em->nkids, "emphasis");
	em = inl_push(&b->inl, &b->ninl, INL_STRONG);
	text(&em->kids, &em->nkids, "strong");
	em = inl_push(&b->inl, &b->ninl, INL_STRIKE);
	text(&em->kids, &em->nkids, "struck");
	inl_push(&b->inl, &b->ninl, INL_CODE)->text = xstrdup("a < b && c");
	inl_push(&b->inl, &b->ninl, INL_BREAK);
	noteref(&b->inl, &b->ninl, 0, "1");
	noteref(&b->inl, &b->ninl, 0, "1");
	noteref(&b->inl, &b->ninl, 1, "2");
	noteref(&b->inl, &b->ninl, 99, "99");	/* no such note */
	/* A note reference inside a link must not nest links. */
	mklink(&b->inl, &b->ninl, "https://example.org/", "linked ");
	noteref(&b->inl[b->ninl - 1].kids, &b->inl[b->ninl - 1].nkids, 0, "1");

	heading(&a->blocks, &a->nblocks, 2, "First section");
	heading(&a->blocks, &a->nblocks, 4, "Skipped a level");
	b = block_push(&a->blocks, &a->nblocks, BLK_QUOTE);
	para(&b->kids, &b->nkids, "Quoted text.");
	list = block_push(&a->blocks, &a->nblocks, BLK_LIST);
	list->ordered = 1;
	list->start = 3;
	item = block_push(&list->kids, &list->nkids, BLK_ITEM);
	para(&item->kids, &item->nkids, "third");
	item = block_push(&list->kids, &list->nkids, BLK_ITEM);
	para(&item->kids, &item->nkids, "fourth, loose");
	para(&item->kids, &item->nkids, "second paragraph");
	block_push(&a->blocks, &a->nblocks, BLK_LIST);	/* empty: dropped */

	b = block_push(&a->blocks, &a->nblocks, BLK_TABLE);
	row = block_push(&b->kids, &b->nkids, BLK_ROW);
	row->header = 1;
	cell(row, "Name", 1, ALIGN_NONE);
	cell(row, "Value", 1, ALIGN_RIGHT);
	row = block_push(&b->kids, &b->nkids, BLK_ROW);
	cell(row, "pi", 1, ALIGN_NONE);
	cell(row, "3.14", 0, ALIGN_RIGHT);

	b = block_push(&a->blocks, &a->nblocks, BLK_CODE);
	b->text = xstrdup("</code></pre><script>alert(4)</script>\n");
	b->info = xstrdup("c\" onload=\"x");
	b = block_push(&a->blocks, &a->nblocks, BLK_FIGURE);
	b->image = xcalloc(1, sizeof(*b->image));
	b->image->src = xstrdup("chart.png");
	b->image->path = xstrdup(chart);
	b->image->type = IMG_PNG;
	b->image->width = 1200;
	b->image->height = 750;
	b->image->caption = xstrdup("A chart with no alt text.");
	b = block_push(&a->blocks, &a->nblocks, BLK_FIGURE);
	b->image = xcalloc(1, sizeof(*b->image));
	b->image->caption = xstrdup("A figure that is only a caption.");
	block_push(&a->blocks, &a->nblocks, BLK_RULE);

	note(a, "first", "The first note.");
	fn = note(a, "2", "The second note refers on: ");
	noteref(&fn->blocks[0].inl, &fn->blocks[0].ninl, 2, "3");
	note(a, "3", "The third note, reached only from the second.");
	note(a, "4", "A note nothing refers to.");
	return a;
}

static struct article *
simple(const char *id, const char *lang, enum direction dir, const char *headline,
    const char *body)
{
	struct article *a = article_new("simple.txt");

	a->id = xstrdup(id);
	a->headline = headline ? xstrdup(headline) : NULL;
	a->lang = lang ? xstrdup(lang) : NULL;
	a->dir = dir;
	para(&a->blocks, &a->nblocks, body);
	return a;
}

/* An article of about 800 KB: headings every 40 paragraphs, a note
 * referenced from the first part and from the last. */
static struct article *
huge(void)
{
	struct article *a = simple("a05", "en", DIR_LTR, "A very long article", "Opening.");
	struct buf p = {0};
	int i;

	for (i = 0; i < 40; i++)
		BUF_PUTSL(&p, "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ");
	noteref(&a->blocks[0].inl, &a->blocks[0].ninl, 0, "1");
	for (i = 0; i < 360; i++) {
		if (i % 40 == 0) {
			char *h = xprintf("Part %d", i / 40 + 1);

			heading(&a->blocks, &a->nblocks, 2, h);
			free(h);
		}
		para(&a->blocks, &a->nblocks, buf_str(&p));
	}
	noteref(&a->blocks[a->nblocks - 1].inl, &a->blocks[a->nblocks - 1].ninl, 0, "1");
	note(a, "1", "A note from both ends.");
	buf_free(&p);
	return a;
}

/* The entry NAME of the zip at PATH as a fresh string, or NULL. */
static char *
entry(const char *path, const char *name)
{
	zip_t *z = zip_open(path, ZIP_RDONLY, NULL);
	zip_stat_t st;
	zip_file_t *f;
	char *s = NULL;

	if (z == NULL)
		return NULL;
	if (zip_stat(z, name, 0, &st) == 0 && (f = zip_fopen(z, name, 0)) != NULL) {
		s = xmalloc(st.size + 1);
		if (zip_fread(f, s, st.size) != (zip_int64_t)st.size) {
			free(s);
			s = NULL;
		} else
			s[st.size] = '\0';
		zip_fclose(f);
	}
	zip_discard(z);
	return s;
}

static int
has(const char *s, const char *needle)
{
	return s && strstr(s, needle) != NULL;
}

/* 1 when every href and src attribute in S points inside the book or is
 * http, https or mailto. */
static int
urls_ok(const char *s)
{
	static const char *allowed[] = { "http://", "https://", "mailto:", "../images/",
	    "../css/", "a0", "#" };
	const char *p = s;

	if (s == NULL)
		return 0;
	while ((p = strstr(p, "=\"")) != NULL) {
		int attr = (p >= s + 4 && strncmp(p - 4, "href", 4) == 0) ||
		    (p >= s + 3 && strncmp(p - 3, "src", 3) == 0);
		size_t i, good = 0;

		p += 2;
		if (!attr)
			continue;
		for (i = 0; i < sizeof(allowed) / sizeof(allowed[0]); i++)
			if (strncmp(p, allowed[i], strlen(allowed[i])) == 0)
				good = 1;
		if (!good) {
			printf("# bad URL: %.40s\n", p);
			return 0;
		}
	}
	return 1;
}

int
main(void)
{
	struct book *bk = xcalloc(1, sizeof(*bk));
	struct theme *th;
	struct options opt = {0};
	const char *out = getenv("T_EPUB_OUT");
	char tmp[] = "/tmp/t_epub.XXXXXX", *a01, *opf, *nav, *ncx, *a05, *a05b, *a02, *chart;
	struct buf b = {0};
	int fd;

	/* epub_href: only http, https and mailto, percent-encoded. */
	ok(epub_href(&b, "javascript:alert(1)") == 0, "javascript: refused");
	ok(epub_href(&b, "data:text/html,x") == 0, "data: refused");
	ok(epub_href(&b, "file:///etc/passwd") == 0, "file: refused");
	ok(epub_href(&b, "images/x.png") == 0, "relative path refused");
	ok(epub_href(&b, "http://") == 0, "an empty http URL refused");
	ok(b.len == 0, "nothing written for refused links");
	ok(epub_href(&b, "http://x.example/a b\"<>") == 1, "http accepted");
	is_str(buf_str(&b), "http://x.example/a%20b%22%3C%3E", "unsafe characters percent-encoded");
	buf_reset(&b);
	epub_href(&b, "https://x.example/?a=1&b=%41%zz#f#g");
	is_str(buf_str(&b), "https://x.example/?a=1&amp;b=%41%25zz#f%23g", "& escaped, bad %% and a second # encoded");
	buf_reset(&b);
	epub_href(&b, "MAILTO:a@b.example");
	is_str(buf_str(&b), "mailto:a@b.example", "the scheme is lower-cased");
	buf_free(&b);
	{
		char *id = epub_safe_id("3 a/b<c");

		is_str(id, "x3_a_b_c", "safe ids start with a letter and hold no markup");
		free(id);
	}

	ok(date_is_iso("2023-02-08") && date_is_iso("2023-02") && date_is_iso("2023") &&
	    date_is_iso("2023-02-08T10:30:00Z") && date_is_iso("2023-02-08T10:30+01:00"),
	    "ISO dates and times are dates");
	ok(!date_is_iso("February 8, 2023") && !date_is_iso("2023-2-8") &&
	    !date_is_iso("2023-02-08T10:30") && !date_is_iso("") && !date_is_iso(NULL),
	    "other strings are not");

	chart = xstrdup("content/images/chart.png");
	if (access(chart, R_OK) != 0) {
		free(chart);
		chart = NULL;
	}
	bk->title = xstrdup("A <hostile> book & more");
	bk->subtitle = xstrdup("Sub \"title\"");
	strv_push(&bk->authors, &bk->nauthors, "The <Testers>");
	bk->lang = xstrdup("en");
	bk->publisher = xstrdup("Pub & Co");
	bk->date = xstrdup("2023-02-08");
	bk->description = xstrdup("Described <here>.");
	strv_push(&bk->tags, &bk->ntags, "testing");
	strv_push(&bk->tags, &bk->ntags, "testing");
	bk->articles = xcalloc(7, sizeof(*bk->articles));
	bk->articles[bk->narticles++] = hostile(chart ? chart : "/nonexistent");
	if (!chart) {
		image_free(bk->articles[0]->blocks[bk->articles[0]->nblocks - 3].image);
		bk->articles[0]->blocks[bk->articles[0]->nblocks - 3].image = NULL;
	}
	bk->articles[bk->narticles++] = simple("a02", "ar", DIR_RTL, "عنوان عربي",
	    "قال المرصد السوري لحقوق الإنسان إن المعارضين سيطروا على مخازن.");
	bk->articles[bk->narticles++] = simple("a03", "zh", DIR_LTR, "港特首梁振英就住宅违建事件道歉",
	    "香港行政长官梁振英在各方压力下就其大宅的违章建筑问题到立法会接受质询。");
	bk->articles[bk->narticles++] = simple("a04", NULL, DIR_LTR, NULL, "No headline, no language.");
	bk->articles[bk->narticles++] = huge();
	{
		/* About 700 KB without a heading. */
		struct article *a = simple("a06", "en", DIR_LTR, "No headings at all", "Start.");
		struct buf p = {0};

		for (int i = 0; i < 40; i++)
			BUF_PUTSL(&p, "Sed ut perspiciatis unde omnis iste natus error sit. ");
		for (int i = 0; i < 330; i++)
			para(&a->blocks, &a->nblocks, buf_str(&p));
		buf_free(&p);
		bk->articles[bk->narticles++] = a;
	}

	opt.datadir = getenv("MKBOOK_DATADIR") ? getenv("MKBOOK_DATADIR") : ".";
	opt.quiet = 1;
	if ((th = theme_load(&opt, NULL)) == NULL)
		err_clear();	/* the built-in defaults */
	if (out == NULL) {
		if ((fd = mkstemp(tmp)) >= 0)
			close(fd);
		out = tmp;
	}
	ok(epub_write(bk, th, &opt, out) == 0, "epub_write succeeds (%s)", err_msg() ? err_msg() : "");

	a01 = entry(out, "OEBPS/text/a01.xhtml");
	a02 = entry(out, "OEBPS/text/a02.xhtml");
	a05 = entry(out, "OEBPS/text/a05.xhtml");
	a05b = entry(out, "OEBPS/text/a05-2.xhtml");
	opf = entry(out, "OEBPS/package.opf");
	nav = entry(out, "OEBPS/nav.xhtml");
	ncx = entry(out, "OEBPS/toc.ncx");
	ok(a01 && a02 && a05 && opf && nav && ncx, "the files are in the zip");
	ok(urls_ok(a01), "every href and src is http, https, mailto or inside the book");
	ok(!has(a01, "<script") && !has(a01, "<img src=x") && !has(a01, "<a href=\"javascript"),
	    "raw HTML is text, not markup");
	ok(has(a01, "&lt;img src=x onerror=alert(1)&gt;"), "raw HTML is escaped");
	ok(has(a01, "Not XML characters: []."), "characters XML forbids are dropped");
	ok(has(a01, "&lt;script&gt;alert(1)&lt;/script&gt;"), "the headline is escaped");
	ok(!has(a01, "href=\"../relative.html\"") && !has(a01, "href=\"//evil"),
	    "relative and scheme-less links are plain text");
	ok(has(a01, "href=\"http://ok.example/a%20b?c=1&amp;d=%3Cx%3E%22y#f%23g\""),
	    "an http link is kept, percent-encoded");
	ok(has(a01, "href=\"mailto:someone@example.org\""), "a mailto link is kept");
	ok(has(a01, "<p class=\"kicker\">Exclusive</p>"), "the kicker");
	ok(has(a01, "<h1 class=\"headline\">"), "the headline is h1");
	ok(has(a01, "<span class=\"author\">Ada &lt;Lovelace&gt;</span> and <span class=\"author\">"),
	    "the byline names its authors");
	ok(has(a01, "<span class=\"role\">Hostile Editor</span>"), "the byline has the role");
	ok(has(a01, "<time datetime=\"2023-02-08\">February 8, 2023</time>"), "the date is a <time>");
	ok(has(a01, "<figure class=\"lead\"><figcaption><span class=\"caption\">A caption-only lead "
	    "figure.</span> <span class=\"credit\">Photograph: Nobody/AP</span></figcaption></figure>"),
	    "a caption-only lead figure: figcaption with caption and credit apart");
	ok(has(a01, "id=\"a01-ref1\"") && has(a01, "id=\"a01-ref1-2\""), "repeated note references get their own ids");
	ok(has(a01, "<aside epub:type=\"footnote\" role=\"doc-footnote\" class=\"footnote\" id=\"a01-fn1\">"), "a footnote aside");
	ok(has(a01, "href=\"a01.xhtml#a01-ref1\">1</a>"),
	    "the footnote links back, showing its reference's label, not its name");
	ok(has(a01, "id=\"a01-fn3\""), "a note reached from another note is there");
	ok(has(a01, "<div class=\"footnote\" id=\"a01-fn4\">"), "an unreferenced note is kept, not hidden");
	ok(has(a01, "<sup>99</sup>"), "a reference to a missing note is plain text");
	ok(!has(a01, "<a href=\"https://example.org/\">linked <sup><a"), "no link inside a link");
	ok(has(a01, "<ol start=\"3\">"), "an ordered list keeps its start");
	ok(!has(a01, "<ul>\n</ul>"), "an empty list is dropped");
	ok(has(a01, "<th scope=\"col\" class=\"align-right\">Value</th>"), "header cells with alignment");
	ok(has(a01, "<th scope=\"row\">pi</th>"), "row header cells");
	ok(has(a01, "&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;"), "code is escaped");
	if (chart)
		ok(has(a01, "<img src=\"../images/a01-f1.png\" alt=\"\"/>"),
		    "a body image with an empty alt (no size: readers scale it)");
	ok(has(a01, "<figure class=\"figure\"><figcaption><span class=\"caption\">A figure that is only"),
	    "a caption-only body figure");
	ok(has(a02, "dir=\"rtl\"") && has(a02, "lang=\"ar\""), "the Arabic article is right to left");
	ok(a05b != NULL, "a long article is split");
	ok(has(a05b, "<h2 id=\"a05-h"), "the split falls at a heading");
	{
		char *last = NULL, *name;
		int k;

		for (k = 2; k < 20; k++) {
			name = xprintf("OEBPS/text/a05-%d.xhtml", k);
			char *s = entry(out, name);

			free(name);
			if (s == NULL)
				break;
			free(last);
			last = s;
		}
		ok(k > 3, "the long article has %d parts", k - 1);
		ok(has(last, "href=\"a05.xhtml#a05-fn1\""), "the last part links to the note in the first");
		ok(urls_ok(last), "the last part's links are safe");
		free(last);
	}
	ok(a05 && strlen(a05) < 2 * EPUB_SPLIT_BYTES, "parts stay near the split size");
	{
		char *x = entry(out, "OEBPS/text/a06-2.xhtml"), *y = entry(out, "OEBPS/text/a06.xhtml");

		ok(x != NULL && y && strlen(y) < 2 * EPUB_SPLIT_BYTES + 4096,
		    "an article without headings is split between paragraphs");
		free(x);
		free(y);
	}
	ok(!has(a01, "linked <sup><a"), "noteref inside a link is not a link");
	ok(has(opf, "<dc:title id=\"title\">A &lt;hostile&gt; book &amp; more</dc:title>"), "the title is escaped");
	ok(has(opf, "<dc:language>en</dc:language>"), "dc:language");
	ok(has(opf, "<dc:subject>testing</dc:subject>") &&
	    strstr(strstr(opf, "<dc:subject>testing") + 1, "<dc:subject>testing") == NULL,
	    "subjects from tags, once each");
	ok(has(opf, "urn:uuid:"), "a urn:uuid identifier");
	if (chart) {
		ok(!has(opf, "alternativeText"), "no alternativeText claim when an image lacks alt");
		ok(!has(opf, "accessModeSufficient\">textual<"), "not textual-sufficient when an image lacks alt");
	}
	ok(!has(opf, "dcterms:conformsTo"), "no WCAG claim when a heading level is skipped");
	ok(has(opf, "accessibilityHazard\">none"), "accessibilityHazard");
	ok(has(opf, "href=\"text/a05-2.xhtml\""), "every part is in the manifest");
	ok(has(nav, "<li lang=\"ar\" xml:lang=\"ar\" dir=\"rtl\"><a href=\"text/a02.xhtml\">"),
	    "the nav marks an article's language");
	ok(has(nav, "href=\"text/a05-2.xhtml#a05-h"), "the nav links headings in later parts");
	ok(has(nav, "<a href=\"text/a04.xhtml\">Untitled</a>"),
	    "an article without a headline is listed as Untitled, as the PDF lists it");
	ok(has(ncx, "<content src=\"text/a05-2.xhtml#a05-h"), "the NCX too");
	ok(!has(opf, "remote-resources") && !has(opf, "scripted"), "no remote resources or scripts");

	/* The print edition's page starts placed in the text (the page list). */
	{
		struct book *pb = xcalloc(1, sizeof(*pb));
		struct article *a = simple("a01", "en", DIR_LTR, "Pages", "Alpha beta ");
		struct block *p, *rule, *row;
		struct inl *em;
		struct page_list pl = {0};
		struct options po = opt;
		char ptmp[] = "/tmp/t_epub_pages.XXXXXX";
		char *x, *pn, *popf;

		p = &a->blocks[0];
		em = inl_push(&p->inl, &p->ninl, INL_EMPH);	/* "Alpha beta " is 11 bytes */
		text(&em->kids, &em->nkids, "gamma delta");	/* 11..22 */
		noteref(&p->inl, &p->ninl, 0, "12");		/* 22..24 */
		text(&p->inl, &p->ninl, " eta ");		/* 24..29 */
		inl_push(&p->inl, &p->ninl, INL_CODE)->text = xstrdup("zeta");	/* 29..33 */
		note(a, "1", "A note.");
		block_push(&a->blocks, &a->nblocks, BLK_RULE);
		block_push(&a->blocks, &a->nblocks, BLK_ROW);	/* the EPUB shows none */
		p = &a->blocks[0];	/* the pushes moved the blocks */
		rule = &a->blocks[1];
		row = &a->blocks[2];
		pb->title = xstrdup("Pages");
		pb->articles = xcalloc(1, sizeof(*pb->articles));
		pb->articles[pb->narticles++] = a;
		page_list_add(&pl, 0, NULL, 0, "1");
		page_list_add(&pl, 0, p, 17, "2");	/* "delta", inside the emphasis */
		page_list_add(&pl, 0, p, 23, "3");	/* inside the note's label: before it */
		page_list_add(&pl, 0, p, 31, "4");	/* inside the code */
		page_list_add(&pl, 0, p, 99, "5");	/* past the text: at its end */
		page_list_add(&pl, 0, rule, 0, "6");	/* before the rule */
		page_list_add(&pl, 0, row, 0, "7");	/* nowhere: at the article's end */
		po.pages = &pl;
		if ((fd = mkstemp(ptmp)) >= 0)
			close(fd);
		ok(epub_write(pb, th, &po, ptmp) == 0, "a book with a page list is written");
		x = entry(ptmp, "OEBPS/text/a01.xhtml");
		pn = entry(ptmp, "OEBPS/nav.xhtml");
		popf = entry(ptmp, "OEBPS/package.opf");
#define PB(n) "<span epub:type=\"pagebreak\" role=\"doc-pagebreak\" id=\"page-" n \
	    "\" aria-label=\"" n "\"/>"
		ok(has(x, "<article class=\"article\" id=\"a01\" lang=\"en\" xml:lang=\"en\" "
		    "dir=\"ltr\">\n" PB("1") "<header>"), "an opener's page break before the header");
		ok(has(x, "<em>gamma " PB("2") "delta</em>"), "a page break inside the emphasis, before its word");
		ok(has(x, PB("3") "<sup><a epub:type=\"noteref\""), "one inside a note's label goes before it");
		ok(has(x, "<code>ze" PB("4") "ta</code>"), "one inside code at its offset");
		ok(has(x, "ta</code>" PB("5") "</p>"), "one past the text at the paragraph's end");
		ok(has(x, PB("6") "<hr/>"), "one at a rule before it");
		ok(has(x, PB("7") "</article>"), "one in a block the EPUB does not show at the article's end");
		ok(has(pn, "<nav epub:type=\"page-list\" role=\"doc-pagelist\" id=\"page-list\" "
		    "hidden=\"hidden\">") && has(pn, "<li><a href=\"text/a01.xhtml#page-1\">1</a></li>\n"
		    "<li><a href=\"text/a01.xhtml#page-2\">2</a></li>"), "the page list leads to each");
		ok(has(popf, "property=\"source-of\">pagination</meta>") &&
		    has(popf, "<dc:source id=\"page-source\">Pages, print edition (PDF"),
		    "the package names the print edition as their source");
#undef PB
		free(x);
		free(pn);
		free(popf);
		unlink(ptmp);
		page_list_free(&pl);
		book_free(pb);
	}

	/* A book with no article at all is still a valid book. */
	{
		struct book *empty = xcalloc(1, sizeof(*empty));
		const char *eout = getenv("T_EPUB_EMPTY");
		char etmp[] = "/tmp/t_epub_empty.XXXXXX";
		char *enav;

		if (eout == NULL) {
			if ((fd = mkstemp(etmp)) >= 0)
				close(fd);
			eout = etmp;
		}
		ok(epub_write(empty, th, &opt, eout) == 0, "a book with no articles is written");
		enav = entry(eout, "OEBPS/nav.xhtml");
		ok(has(enav, "<li><a href=\"text/title.xhtml\">Untitled</a></li>"),
		    "its table of contents still lists something");
		free(enav);
		if (eout == etmp)
			unlink(etmp);
		book_free(empty);
	}

	free(a01);
	free(a02);
	free(a05);
	free(a05b);
	free(opf);
	free(nav);
	free(ncx);
	free(chart);
	if (out == tmp)
		unlink(tmp);
	theme_free(th);
	book_free(bk);
	return done_testing();
}
