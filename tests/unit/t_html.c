/* The HTML converter: HTML strings through gumbo and html_conv, the model
 * written out in a compact form of --dump-model's structure:
 *   p(text "a" emph(text "b"))  h2(…)  quote[…]  list+3[item[…]]  fig{src|alt|caption|credit}
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <gumbo.h>

#include "model/model.h"
#include "read/html_conv.h"
#include "util.h"
#include "../tap.h"

static const char *inames[] = {"text", "emph", "strong", "strike", "code", "link", "br",
    "ref", "image", "sup", "sub", "mark", "small", "q", "abbr", "kbd"};
static const char *bnames[] = {"p", "h", "quote", "list", "item", "table", "row", "cell",
    "code", "fig", "hr"};

static void
dump_inls(struct buf *o, const struct inl *in, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct inl *x = &in[i];

		if (i)
			buf_putc(o, ' ');
		buf_puts(o, inames[x->type]);
		if (x->type == INL_TEXT || x->type == INL_CODE)
			buf_printf(o, " \"%s\"", x->text);
		else if (x->type == INL_NOTEREF)
			buf_printf(o, "%zu \"%s\"", x->note, x->text);
		else if (x->type != INL_BREAK) {
			if (x->href)
				buf_printf(o, "<%s>", x->href);
			if (x->title)
				buf_printf(o, "'%s'", x->title);
			buf_putc(o, '(');
			dump_inls(o, x->kids, x->nkids);
			buf_putc(o, ')');
		}
	}
}

static void
dump_blocks(struct buf *o, const struct block *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct block *x = &b[i];

		if (i)
			buf_putc(o, ' ');
		buf_puts(o, bnames[x->type]);
		if (x->type == BLK_HEADING)
			buf_printf(o, "%d", x->level);
		if (x->type == BLK_LIST && x->ordered)
			buf_printf(o, "+%d", x->start);
		if (x->header)
			buf_putc(o, '!');
		if (x->colspan > 1)
			buf_printf(o, "/c%d", x->colspan);
		if (x->rowspan > 1)
			buf_printf(o, "/r%d", x->rowspan);
		if (x->type == BLK_CODE)
			buf_printf(o, "{%s|%s}", x->info ? x->info : "", x->text);
		if (x->image)
			buf_printf(o, "{%s|%s|%s|%s}", x->image->src ? x->image->src : "",
			    x->image->alt ? x->image->alt : "", x->image->caption ? x->image->caption : "",
			    x->image->credit ? x->image->credit : "");
		if (x->ninl) {
			buf_putc(o, '(');
			dump_inls(o, x->inl, x->ninl);
			buf_putc(o, ')');
		}
		if (x->nkids) {
			buf_putc(o, '[');
			dump_blocks(o, x->kids, x->nkids);
			buf_putc(o, ']');
		}
	}
}

static char *warnings;
static int remote;	/* set html_conv's remote_images */

/* Convert the body of HTML with base URL BASE; the blocks, then " ## "
 * and the notes' blocks when there are notes. Fresh string. Warnings are
 * kept in WARNINGS. */
static char *
conv_base(const char *html, const char *base)
{
	GumboOutput *g = gumbo_parse(html);
	struct article *a = article_new("t.html");
	struct html_conv c;
	struct buf o = {0};
	const GumboNode *body = NULL;
	char tmpl[] = "/tmp/t_html.XXXXXX";
	int fd = mkstemp(tmpl), saved = dup(2);
	size_t i;

	for (i = 0; i < g->root->v.element.children.length; i++) {
		const GumboNode *k = g->root->v.element.children.data[i];

		if (k->type == GUMBO_NODE_ELEMENT && k->v.element.tag == GUMBO_TAG_BODY)
			body = k;
	}
	fflush(stderr);
	dup2(fd, 2);
	html_conv_init(&c, "t.html", a);
	c.base = base;
	c.remote_images = remote;
	html_conv_prepare(&c, body);
	html_conv_blocks(&c, body, &a->blocks, &a->nblocks);
	html_conv_finish(&c);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	free(warnings);
	file_read(tmpl, &warnings, &i);
	close(fd);
	unlink(tmpl);
	dump_blocks(&o, a->blocks, a->nblocks);
	if (a->nnotes) {
		BUF_PUTSL(&o, " ##");
		for (i = 0; i < a->nnotes; i++) {
			buf_printf(&o, " %s%s:", a->notes[i].label, a->notes[i].referenced ? "" : "?");
			dump_blocks(&o, a->notes[i].blocks, a->notes[i].nblocks);
		}
	}
	article_free(a);
	gumbo_destroy_output(&kGumboDefaultOptions, g);
	return buf_detach(&o);
}

static char *
conv(const char *html)
{
	return conv_base(html, NULL);
}

#define IS(html, want, ...) do { char *got_ = conv(html); is_str(got_, want, __VA_ARGS__); free(got_); } while (0)
#define ISB(base, html, want, ...) do { char *got_ = conv_base(html, base); is_str(got_, want, __VA_ARGS__); free(got_); } while (0)

static void
t_blocks(void)
{
	IS("<p>One  two\nthree</p><p> Four </p>", "p(text \"One two three\") p(text \"Four\")",
	    "paragraphs, white space collapsed");
	IS("<h1>A</h1><h2>B</h2><h3>C</h3><h6>D</h6>", "h2(text \"A\") h3(text \"B\") h4(text \"C\") h6(text \"D\")",
	    "an h1 in the body shifts every heading one level down");
	IS("<h2>B</h2><h3>C</h3>", "h2(text \"B\") h3(text \"C\")", "no h1: levels as written");
	IS("<blockquote><p>Q</p>tail</blockquote>", "quote[p(text \"Q\") p(text \"tail\")]", "blockquote");
	IS("<ul><li>a</li><li><p>b</p><ul><li>c</li></ul></li></ul>",
	    "list[item[p(text \"a\")] item[p(text \"b\") list[item[p(text \"c\")]]]]", "nested lists");
	IS("<ol start=\"3\"><li>x</li></ol>", "list+3[item[p(text \"x\")]]", "ol start");
	IS("<ol><li>x</li><ol><li>y</li></ol></ol>", "list+1[item[p(text \"x\") list+1[item[p(text \"y\")]]]]",
	    "a list written as a sibling joins the item before it");
	IS("<pre><code class=\"language-c\">int x;\n  y();\n</code></pre>", "code{c|int x;\n  y();}",
	    "pre/code keeps its white space and language");
	IS("<p>a</p><hr><p>b</p>", "p(text \"a\") hr p(text \"b\")", "hr");
	IS("<div>loose <b>text</b><p>para</p>more</div>",
	    "p(text \"loose \" strong(text \"text\")) p(text \"para\") p(text \"more\")",
	    "runs of inline content around blocks are paragraphs");
	IS("<dl><dt>Term</dt><dd>Description</dd></dl>",
	    "p(strong(text \"Term\")) p(text \"Description\")", "dl: a bold term, its description");
	IS("<aside class=\"pullquote\">Said</aside>", "quote[p(text \"Said\")]", "pull quote");
	IS("<custom-thing>words <x-y>here</x-y></custom-thing>", "p(text \"words here\")",
	    "an unknown element gives its text");
}

static void
t_inlines(void)
{
	IS("<p><em>a</em> <i>b</i> <strong>c</strong> <b>d</b> <s>e</s> <del>f</del></p>",
	    "p(emph(text \"a\") text \" \" emph(text \"b\") text \" \" strong(text \"c\") text \" \" "
	    "strong(text \"d\") text \" \" strike(text \"e\") text \" \" strike(text \"f\"))", "emphasis, strong, strike");
	IS("<p>x<sup>2</sup> H<sub>2</sub>O <mark>m</mark> <small>s</small> <kbd>Ctrl</kbd></p>",
	    "p(text \"x\" sup(text \"2\") text \" H\" sub(text \"2\") text \"O \" mark(text \"m\") text \" \" "
	    "small(text \"s\") text \" \" kbd(text \"Ctrl\"))", "sup, sub, mark, small, kbd");
	IS("<p><q>hi</q> <abbr title=\"World Health  Organization\">WHO</abbr></p>",
	    "p(q(text \"hi\") text \" \" abbr'World Health Organization'(text \"WHO\"))", "q, abbr with its title");
	IS("<p>a<br>b <br> c</p>", "p(text \"a\" br text \"b\" br text \"c\")", "br, no spaces around it");
	IS("<p><code>x  y</code></p>", "p(code \"x y\")", "code");
	IS("<p>a <span> b </span> c</p>", "p(text \"a b c\")", "spaces across elements collapse");
}

static void
t_links(void)
{
	ISB("https://ex.org/news/a/page.html?x=1",
	    "<p><a href=\"../b.html\">rel</a> <a href=\"/root\">abs</a> <a href=\"//cdn.org/x\">net</a> "
	    "<a href=\"mailto:a@b.org\">m</a> <a href=\"?q\">q</a></p>",
	    "p(link<https://ex.org/news/b.html>(text \"rel\") text \" \" link<https://ex.org/root>(text \"abs\") "
	    "text \" \" link<https://cdn.org/x>(text \"net\") text \" \" link<mailto:a@b.org>(text \"m\") text \" \" "
	    "link<https://ex.org/news/a/page.html?q>(text \"q\"))", "relative links resolved against the base");
	IS("<p><a href=\"rel.html\">no base</a></p>", "p(text \"no base\")", "a relative link without a base keeps its text");
	IS("<p><a href=\"javascript:alert(1)\">js</a> <a href=\" JaVaScRiPt:x\">js2</a> "
	    "<a href=\"vbscript:x\">vb</a> <a href=\"data:text/html,x\">data</a></p>",
	    "p(text \"js js2 vb data\")", "javascript:, vbscript:, data: links keep only their text");
	ok(warnings && strstr(warnings, "t.html:1: warning: link with an unsafe target") != NULL,
	    "… and each is named in a warning");
	{
		char *u = html_url_resolve("http://a/b/c/d;p?q", "../../../g");

		is_str(u, "http://a/g", "RFC 3986 ../../../g");
		free(u);
		u = html_url_resolve("http://a/b/c/d;p?q", "./g/.");
		is_str(u, "http://a/b/c/g/", "RFC 3986 ./g/.");
		free(u);
		u = html_url_resolve("http://a/b/c/d;p?q", "#s");
		is_str(u, "http://a/b/c/d;p?q#s", "RFC 3986 #s");
		free(u);
	}
}

static void
t_images(void)
{
	IS("<p><img src=\"a_files/p.jpg\" alt=\"A  cat\"></p>", "fig{a_files/p.jpg|A cat||}",
	    "an image alone in a paragraph is a figure");
	IS("<figure><img src=\"p.jpg\" alt=\"x\"><figcaption>The harbour at dawn. Photograph: Jane Roe/AP</figcaption></figure>",
	    "fig{p.jpg|x|The harbour at dawn.|Photograph: Jane Roe/AP}", "figure with caption and credit split off");
	IS("<figure><img src=\"p.jpg\"><figcaption>Harbour <span class=\"credit\">J. Roe</span></figcaption></figure>",
	    "fig{p.jpg||Harbour|J. Roe}", "a credit element in the caption");
	IS("<img src=\"s.jpg\" srcset=\"m.jpg 800w, l.jpg 1600w, https://cdn/x.jpg 3000w\">",
	    "fig{l.jpg|||}", "srcset: the widest local candidate");
	IS("<picture><source type=\"image/webp\" srcset=\"a.webp 2000w\"><source srcset=\"b.jpg 1200w\"><img src=\"c.jpg\"></picture>",
	    "fig{b.jpg|||}", "picture: a source mkbook reads");
	IS("<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" data-src=\"real.jpg\" alt=\"r\">",
	    "fig{real.jpg|r||}", "lazy loading: data-src over a placeholder");
	IS("<img class=\"lazy\" src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" alt=\"r\"><noscript><img src=\"real.jpg\"></noscript>",
	    "fig{real.jpg|r||}", "lazy loading: the noscript fallback fills the placeholder");
	IS("<img src=\"real.jpg\"><noscript><img src=\"real.jpg\"></noscript>", "fig{real.jpg|||}",
	    "the noscript copy of a shown picture is not repeated");
	IS("<p><img src=\"https://cdn.example/a.jpg\" alt=\"remote\"></p>", "fig{|remote||}",
	    "a remote picture keeps its words, no source");
	ok(warnings && strstr(warnings, "remote image (its words kept) left out: https://cdn.example/a.jpg"),
	    "… and is named in a warning");
	remote = 1;
	ISB("https://ex.org/a/page.html", "<img src=\"pic.jpg\"><img src=\"//cdn.org/b.jpg\"><img src=\"https://c.org/c.jpg\">"
	    "<img src=\"data:image/png;base64,iVBO\">",
	    "fig{https://ex.org/a/pic.jpg|||} fig{https://cdn.org/b.jpg|||} fig{https://c.org/c.jpg|||} fig{data:image/png;base64,iVBO|||}",
	    "remote_images: sources resolved against the base and kept");
	ok(warnings && !strstr(warnings, "remote image"), "… without a warning");
	remote = 0;
	IS("<p>Text <img src=\"i.png\" width=\"16\" alt=\"smile\"> more</p>", "p(text \"Text \" image() text \" more\")",
	    "an icon in text stays in the line, as a picture the builder checks (INL_IMAGE)");
	IS("<p>Before <img src=\"big.jpg\" alt=\"b\"> after</p>",
	    "p(text \"Before\") fig{big.jpg|b||} p(text \"after\")", "a picture in text splits the paragraph");
	IS("<p><a href=\"big.jpg\"><img src=\"small.jpg\"></a></p>", "fig{small.jpg|||}",
	    "a linked picture is a figure");
}

static void
t_tables(void)
{
	IS("<table><caption>Cap</caption><thead><tr><th>A</th><th colspan=\"2\">B</th></tr></thead>"
	    "<tbody><tr><th>r</th><td rowspan=\"2\">1</td><td>2</td></tr><tr><td><p>x</p><p>y</p></td></tr></tbody></table>",
	    "p(text \"Cap\") table[row![cell!(text \"A\") cell!/c2(text \"B\")] "
	    "row[cell!(text \"r\") cell/r2(text \"1\") cell(text \"2\")] row[cell(text \"x\" br text \"y\")]]",
	    "table: caption, thead, th, colspan, rowspan, blocks in a cell");
}

static void
t_safety(void)
{
	IS("<p>a<script>alert(1)</script>b</p><style>p{}</style><iframe src=\"x\"></iframe>"
	    "<object data=\"x\"></object><embed src=\"x\"><form><input value=\"v\"><button>Go</button>"
	    "<p>in form</p></form><video src=\"v.mp4\">fallback</video><p onclick=\"x()\" style=\"color:red\">c</p>",
	    "p(text \"ab\") p(text \"in form\") p(text \"c\")", "nothing active: scripts, styles, frames, forms, media");
	ok(warnings && strstr(warnings, "script left out: <script>") && strstr(warnings, "<iframe>") &&
	    strstr(warnings, "<object>") && strstr(warnings, "<embed>") && strstr(warnings, "<input>") &&
	    strstr(warnings, "<video v.mp4>"), "each kind is named");
	IS("<p>shown</p><p hidden>h</p><p style=\"display: none\">n</p><div aria-hidden=\"true\">a</div>",
	    "p(text \"shown\")", "hidden elements are not shown");
	IS("<p>a<!-- comment -->b</p>", "p(text \"ab\")", "comments vanish");
	IS("<p><script>1</script><script>2</script><script>3</script><script>4</script><script>5</script></p>", "",
	    "many scripts");
	ok(warnings && strstr(warnings, "2 more scripts left out"), "… summarised after three");
}

static void
t_notes(void)
{
	IS("<p>Claim<sup id=\"cite_ref-1\" class=\"reference\"><a href=\"#cite_note-1\">[1]</a></sup>.</p>"
	    "<h2>References</h2><div class=\"reflist\"><ol class=\"references\">"
	    "<li id=\"cite_note-1\"><span class=\"mw-cite-backlink\"><b><a href=\"#cite_ref-1\">^</a></b></span> "
	    "<span class=\"reference-text\">Source one.</span></li></ol></div>",
	    "p(text \"Claim\" ref0 \"1\" text \".\") h2(text \"References\") ## 1:p(text \"Source one.\")",
	    "Wikipedia references: notes and note references");
	IS("<p>Text<sup id=\"fnref:1\"><a href=\"#fn:1\" class=\"footnote-ref\">1</a></sup></p>"
	    "<div class=\"footnotes\"><hr><ol><li id=\"fn:1\"><p>The note. <a href=\"#fnref:1\" class=\"reversefootnote\">&#8617;</a></p></li></ol></div>",
	    "p(text \"Text\" ref0 \"1\") ## 1:p(text \"The note.\")", "Markdown generators' footnotes");
	IS("<p>T<a href=\"#fn1\" class=\"footnote-ref\" id=\"fnref1\" role=\"doc-noteref\"><sup>1</sup></a></p>"
	    "<section class=\"footnotes\" role=\"doc-endnotes\"><hr><ol><li id=\"fn1\" role=\"doc-endnote\"><p>N."
	    "<a href=\"#fnref1\" class=\"footnote-back\" role=\"doc-backlink\">↩︎</a></p></li></ol></section>",
	    "p(text \"T\" ref0 \"1\") ## 1:p(text \"N.\")", "pandoc's doc-endnotes");
	IS("<p>See<a href=\"#n1\">*</a></p><aside role=\"doc-footnote\" id=\"n1\">Aside note</aside><p>after</p>",
	    "p(text \"See\" ref0 \"*\") p(text \"after\") ## *:p(text \"Aside note\")", "doc-footnote aside");
}

static void
t_depth(void)
{
	ok(html_depth_estimate("<div><p>a<br><img src=x></p></div>", 33) == 2, "nesting estimate: voids aside");
	ok(html_depth_estimate("<ul><li>a<li>b<li>c</ul>", 24) == 4, "nesting estimate: unclosed items count open");
	ok(html_depth_estimate("a < b and c<d", 13) == 1, "nesting estimate: a '<' in text");
}

int
main(void)
{
	t_depth();
	t_blocks();
	t_inlines();
	t_links();
	t_images();
	t_tables();
	t_safety();
	t_notes();
	free(warnings);
	return done_testing();
}
