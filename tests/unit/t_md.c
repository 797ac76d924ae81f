/* The Markdown reader and the YAML metadata: Markdown strings through
 * md_read(), the model checked field by field. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "read/meta.h"
#include "model/model.h"
#include "read/punct.h"
#include "read/reader.h"
#include "util.h"
#include "../tap.h"

static struct article *
parse(const char *md)
{
	err_clear();
	return md_read("t.md", md, strlen(md));
}

/* The plain text of block B, in a static buffer. */
static const char *
text(const struct block *b)
{
	static struct buf out;

	buf_reset(&out);
	if (b == NULL)
		return "(no block)";
	block_text(&out, b);
	return buf_str(&out);
}

/* A string of N copies of S followed by TAIL; caller frees. */
static char *
repeat(const char *head, const char *s, int n, const char *tail)
{
	struct buf b = {0};

	buf_puts(&b, head);
	while (n-- > 0)
		buf_puts(&b, s);
	buf_puts(&b, tail);
	return buf_detach(&b);
}

static const char doc[] =
	"---\n"
	"title: The *Archive* Problem\n"
	"subtitle: How newsrooms keep their print editions\n"
	"kicker: Long read\n"
	"author:\n"
	"  - Ada Lovelace\n"
	"  - Charles Babbage\n"
	"role: Technology desk\n"
	"date: 2023-02-08\n"
	"lang: en-GB\n"
	"tags: [archives, print]\n"
	"image: images/chart.png\n"
	"image-alt: A bar chart\n"
	"caption: Pages kept per year\n"
	"credit: \"Illustration: mkbook\"\n"
	"source: https://example.org/a\n"
	"---\n"				/* line 17 */
	"\n"
	"Intro with *em*, **strong**, ~~struck~~, `code` and [a link](https://x.org/?a=1&b=2).\n" /* 19 */
	"Soft break here, hard break here  \n"
	"next, and a note[^one] and a second[^two] and the first again[^one].\n"
	"\n"
	"## A heading\n"			/* 23 */
	"\n"
	"> Quoted words.\n"			/* 25 */
	"\n"
	"3. three\n"				/* 27 */
	"   - nested a\n"
	"   - nested b\n"
	"4. four\n"
	"\n"
	"```python\n"				/* 32 */
	"print('<hi>')\n"
	"```\n"
	"\n"
	"***\n"					/* 36 */
	"\n"
	"| Left | Centre | Right | None |\n"	/* 38 */
	"|:-----|:------:|------:|------|\n"
	"| a    | *b*    | c     | d    |\n"
	"\n"
	"![Alt words](images/pic.png \"A titled caption\")\n" /* 42 */
	"\n"
	"![Second alt](images/pic2.png)\n"	/* 44 */
	"\n"
	"*An italic caption*\n"
	"\n"
	"<div onclick=\"x()\">raw block</div>\n" /* 48 */
	"\n"
	"Inline <script>alert(1)</script> and ![inline alt](x.png) and a [^missing].\n"
	"\n"
	"#### Deep heading\n"
	"\n"
	"# A late level-one heading\n"
	"\n"
	"[^two]: Second note.\n"
	"[^one]: First note,\n"
	"    in two lines.\n"
	"\n"
	"    And a second paragraph.\n"
	"[^unused]: Never referenced.\n";

static void
test_document(void)
{
	struct article *a = parse(doc);
	const struct block *b, *li, *row;
	const struct inl *in;
	size_t i;

	ok(a != NULL, "the sample document parses (%s)", a ? "ok" : err_msg());
	if (a == NULL)
		return;
	is_str(a->headline, "The *Archive* Problem", "title from the front matter, as written");
	is_str(a->standfirst, "How newsrooms keep their print editions", "subtitle is the standfirst");
	is_str(a->kicker, "Long read", "kicker");
	ok(a->nauthors == 2, "two authors");
	if (a->nauthors == 2) {
		is_str(a->authors[0], "Ada Lovelace", "first author");
		is_str(a->authors[1], "Charles Babbage", "second author");
	}
	is_str(a->role, "Technology desk", "role");
	is_str(a->date, "2023-02-08", "date as ISO");
	is_str(a->date_text, "2023-02-08", "date as written");
	is_str(a->lang, "en-GB", "lang");
	ok(a->ntags == 2 && strcmp(a->tags[1], "print") == 0, "tags from a list");
	is_str(a->url, "https://example.org/a", "source becomes the url");
	ok(a->image != NULL, "lead image from the front matter");
	if (a->image) {
		is_str(a->image->src, "images/chart.png", "lead image src");
		is_str(a->image->alt, "A bar chart", "lead image alt");
		is_str(a->image->caption, "Pages kept per year", "lead image caption");
		is_str(a->image->credit, "Illustration: mkbook", "lead image credit");
	}
	ok(a->line == 2, "the headline's line is the title's (%d)", a->line);

	{
		static const enum block_type want[] = {
			BLK_PARAGRAPH, BLK_HEADING, BLK_QUOTE, BLK_LIST, BLK_CODE, BLK_RULE,
			BLK_TABLE, BLK_FIGURE, BLK_FIGURE, BLK_PARAGRAPH, BLK_PARAGRAPH,
			BLK_HEADING, BLK_HEADING,
		};
		int same = a->nblocks == sizeof(want) / sizeof(want[0]);

		for (i = 0; same && i < a->nblocks; i++)
			same = a->blocks[i].type == want[i];
		ok(same, "block types in order (%zu blocks)", a->nblocks);
		for (i = 0; !same && i < a->nblocks; i++)
			printf("#   %zu: %s\n", i, block_type_name(a->blocks[i].type));
		if (!same)
			goto out;
	}

	b = &a->blocks[0];
	ok(b->src.line == 19, "line numbers count the front matter (%d)", b->src.line);
	is_str(b->src.file, "t.md", "blocks know their file");
	is_str(text(b), "Intro with em, strong, struck, code and a link. Soft break here, hard break here\n"
	    "next, and a note1 and a second2 and the first again1.", "paragraph text");
	in = b->inl;
	ok(b->ninl > 8 && in[0].type == INL_TEXT && in[1].type == INL_EMPH &&
	    in[3].type == INL_STRONG && in[5].type == INL_STRIKE && in[7].type == INL_CODE &&
	    in[9].type == INL_LINK, "emphasis, strong, strikethrough, code, link");
	if (b->ninl > 9) {
		is_str(in[9].href, "https://x.org/?a=1&b=2", "link href as written");
		is_str(in[7].text, "code", "code span text");
	}
	{
		size_t nbreak = 0, nref = 0;
		size_t refs[3] = {9, 9, 9};

		for (i = 0; i < b->ninl; i++) {
			if (in[i].type == INL_BREAK)
				nbreak++;
			if (in[i].type == INL_NOTEREF && nref < 3)
				refs[nref++] = in[i].note;
		}
		ok(nbreak == 1, "one hard break; the soft break is a space");
		ok(nref == 3 && refs[0] == 0 && refs[1] == 1 && refs[2] == 0,
		    "noteref indices follow first reference (%zu %zu %zu)", refs[0], refs[1], refs[2]);
	}

	ok(a->nnotes == 3, "three footnotes: the unreferenced one is kept too (%zu)", a->nnotes);
	if (a->nnotes == 3) {
		is_str(a->notes[0].label, "one", "first note's label as written");
		is_str(a->notes[1].label, "two", "second note's label");
		ok(a->notes[0].referenced && a->notes[1].referenced, "notes are marked referenced");
		is_str(a->notes[2].label, "unused", "the unreferenced note comes last");
		ok(!a->notes[2].referenced, "and is marked unreferenced");
		is_str(text(&a->notes[2].blocks[0]), "Never referenced.", "its words are kept");
		ok(a->notes[0].nblocks == 2, "a note holds blocks (two paragraphs)");
		is_str(text(&a->notes[0].blocks[0]), "First note, in two lines.", "note text");
	}

	b = &a->blocks[1];
	ok(b->level == 2 && b->src.line == 23, "## is a level-2 heading at line 23");
	b = &a->blocks[2];
	ok(b->nkids == 1 && b->kids[0].type == BLK_PARAGRAPH, "a quote holds a paragraph");
	is_str(text(b), "Quoted words.", "quote text");

	b = &a->blocks[3];
	ok(b->ordered && b->start == 3 && b->nkids == 2, "ordered list starting at 3, two items");
	li = &b->kids[0];
	ok(li->type == BLK_ITEM && li->nkids == 2 && li->kids[1].type == BLK_LIST &&
	    !li->kids[1].ordered && li->kids[1].nkids == 2, "an unordered list nested in an item");
	ok(li->nkids == 2 && li->kids[1].nkids == 2 && li->kids[1].kids[0].type == BLK_ITEM,
	    "nested items are items");

	b = &a->blocks[4];
	is_str(b->text, "print('<hi>')", "code block literal without the final newline");
	is_str(b->info, "python", "code block info string");

	b = &a->blocks[6];
	ok(b->nkids == 2 && b->kids[0].header && !b->kids[1].header, "table: a header row then a body row");
	if (b->nkids == 2 && b->kids[0].nkids == 4 && b->kids[1].nkids == 4) {
		row = &b->kids[0];
		ok(row->kids[0].align == ALIGN_LEFT && row->kids[1].align == ALIGN_CENTER &&
		    row->kids[2].align == ALIGN_RIGHT && row->kids[3].align == ALIGN_NONE,
		    "cell alignments left, center, right, none");
		ok(row->kids[0].header && !b->kids[1].kids[0].header, "header cells are marked");
		is_str(text(&b->kids[1]), "a | b | c | d", "body row text");
		ok(b->kids[1].kids[1].ninl == 1 && b->kids[1].kids[1].inl[0].type == INL_EMPH,
		    "cells hold inlines");
	} else
		ok(0, "table has 4 columns");

	b = &a->blocks[7];
	ok(b->image != NULL, "a paragraph of one image is a figure");
	if (b->image) {
		is_str(b->image->src, "images/pic.png", "figure src");
		is_str(b->image->alt, "Alt words", "figure alt");
		is_str(b->image->caption, "A titled caption", "caption from the image title");
	}
	b = &a->blocks[8];
	if (b->image) {
		is_str(b->image->alt, "Second alt", "second figure alt");
		is_str(b->image->caption, "An italic caption", "caption from the italic paragraph after");
	}

	b = &a->blocks[9];
	ok(b->ninl == 1 && b->inl[0].type == INL_TEXT, "a raw HTML block goes through the converter");
	is_str(b->inl ? b->inl[0].text : NULL, "raw block", "… its words kept, its handler gone");
	b = &a->blocks[10];
	is_str(text(b), "Inline and inline alt and a [^missing].",
	    "inline HTML: the script left out; an inline image's alt stays; an undefined note is text");
	{
		int markup = 0;

		for (i = 0; i < b->ninl; i++)
			if (b->inl[i].type != INL_TEXT && b->inl[i].type != INL_IMAGE)
				markup = 1;
		ok(!markup && strstr(text(b), "script") == NULL,
		    "<script> is left out, never markup nor text");
		for (i = 0; i < b->ninl && b->inl[i].type != INL_IMAGE; i++)
			;
		ok(i < b->ninl && b->inl[i].image && b->inl[i].image->alt &&
		    strcmp(b->inl[i].image->alt, "inline alt") == 0,
		    "an image inside text is an INL_IMAGE with its alt (issue 13), HTML beside it or not");
	}
	ok(a->blocks[11].level == 4, "#### stays level 4");
	ok(a->blocks[12].level == 2, "a later # becomes level 2");
	is_str(text(&a->blocks[12]), "A late level-one heading", "its text");
out:
	article_free(a);
}

static void
test_headline(void)
{
	struct article *a;

	a = parse("\n# Title *from* heading\n\nBody.\n\n# Second\n");
	ok(a && a->headline && strcmp(a->headline, "Title from heading") == 0,
	    "a leading # heading is the headline");
	ok(a && a->line == 2 && a->nblocks == 2 && a->blocks[1].level == 2,
	    "line of the headline; the next # is level 2");
	article_free(a);

	a = parse("---\ntitle: Same title\n---\n# Same  title\n\n# Other\n");
	ok(a && a->nblocks == 1 && a->blocks[0].level == 2 && a->line == 2,
	    "a leading # repeating the front matter title is not repeated");
	article_free(a);

	a = parse("# T\n\nSee [](https://example.org/x) and [words]() here.\n");
	ok(a && a->nblocks == 1, "empty links parse");
	if (a && a->nblocks == 1)
		is_str(text(&a->blocks[0]), "See https://example.org/x and words here.",
		    "a link without words shows its url; a link without a url keeps its words");
	article_free(a);

	a = parse("Body first.\n\n# Not a title\n");
	ok(a == NULL, "no title: error");
	is_str(err_msg(), "t.md:1: no title (give 'title:' in the front matter or start with a '# heading')",
	    "the error names file:1");

	a = parse("\xef\xbb\xbf---\r\ntitle: CRLF and BOM\r\nlang: ar\r\n...\r\n\r\nبدن\r\n");
	ok(a && strcmp(a->headline, "CRLF and BOM") == 0, "BOM, CRLF and '...' end the front matter");
	ok(a && a->dir == DIR_RTL, "lang ar makes the direction rtl");
	ok(a && a->nblocks == 1 && a->blocks[0].src.line == 6, "body line after CRLF front matter");
	article_free(a);

	a = parse("# T\n\nShe said \"it's fine\" -- and left---quickly. `\"raw\"`\n");
	ok(a && a->nblocks == 1, "smart punctuation sample parses");
	if (a && a->nblocks == 1) {
		is_str(text(&a->blocks[0]), "She said \"it's fine\" -- and left---quickly. \"raw\"",
		    "the reader keeps typed punctuation (the builder sets it per language)");
		free(a->lang);
		a->lang = xstrdup("en");
		punct_article(a);
		is_str(text(&a->blocks[0]), "She said \xe2\x80\x9cit\xe2\x80\x99s fine\xe2\x80\x9d"
		    "\xc2\xa0\xe2\x80\x93 and left\xe2\x80\x94quickly. \"raw\"",
		    "quotes curl and dashes set, but not in code");
	}
	article_free(a);

	a = parse("---\ntitle: T\ndir: rtl\nlang: en\n---\n");
	ok(a && a->dir == DIR_RTL, "an explicit dir wins over the language's");
	article_free(a);
}

static void
test_front_matter_errors(void)
{
	struct article *a;

	a = parse("---\ntitle: T\nauthor:\n  name: X\n---\nBody\n");
	ok(a == NULL, "author as a mapping: error");
	is_str(err_msg(), "t.md:4: 'author' must be a string or a list of strings", "wrong type names file:line");

	a = parse("---\ntitle: [a, b]\n---\n");
	ok(a == NULL, "title as a list: error");
	is_str(err_msg(), "t.md:2: 'title' must be a string", "message");

	a = parse("---\nbase: &b [x, y]\ntags: *b\ntitle: T\n---\n");
	ok(a == NULL, "an alias is refused");
	is_str(err_msg(), "t.md:3: YAML aliases are not allowed (*b)", "alias error names the line");

	a = parse("---\ntitle: T\nkey: \"unclosed\n---\nbody\n");
	ok(a == NULL, "malformed YAML: error");
	ok(strncmp(err_msg(), "t.md:", 5) == 0 && strstr(err_msg(), "YAML") != NULL,
	    "malformed YAML names file:line (%s)", err_msg());

	a = parse("---\ntitle: T\ndate: the day after tomorrow\n---\n");
	ok(a == NULL, "an unreadable date: error");
	is_str(err_msg(), "t.md:3: 'date': cannot read 'the day after tomorrow' as a date; write it as "
	    "2026-11-27, 27 November 2026, November 27, 2026 or 27.11.2026", "date error");

	a = parse("---\ntitle: T\nlang: 'not a tag!'\n---\n");
	ok(a == NULL, "an invalid language tag: error");
	ok(strncmp(err_msg(), "t.md:3: 'lang'", 14) == 0, "lang error names line 3 (%s)", err_msg());

	a = parse("---\ntitle: T\ndir: up\n---\n");
	ok(a == NULL && strcmp(err_msg(), "t.md:3: 'dir' must be \"ltr\" or \"rtl\"") == 0, "bad dir");

	a = parse("---\ntitle: T\n");
	ok(a == NULL, "unclosed front matter: error");
	ok(strncmp(err_msg(), "t.md:1:", 7) == 0, "names line 1");

	a = parse("---\n- a\n- b\n---\n");
	ok(a == NULL && strstr(err_msg(), "must be a mapping") != NULL, "a list as front matter: error");

	util_quiet = 1;
	a = parse("---\ntitle: T\nflavour: vanilla\n---\nBody.\n");
	util_quiet = 0;
	ok(a != NULL && strcmp(a->headline, "T") == 0, "an unknown key only warns");
	article_free(a);

	a = parse("---\ntitle: T\nauthor: Solo Writer\ntags: one, two , three\n---\n");
	ok(a && a->nauthors == 1 && strcmp(a->authors[0], "Solo Writer") == 0, "author as one string");
	ok(a && a->ntags == 3 && strcmp(a->tags[1], "two") == 0, "tags as a comma-separated string");
	article_free(a);
}

static void
test_credit(void)
{
	struct article *a;
	size_t caplen;
	char *probe = txt_credit("A street. Photograph: Jo Bloggs/AP", &caplen);

	if (probe == NULL) {
		ok(1, "# SKIP txt_credit (plain-text reader) not built yet");
		return;
	}
	free(probe);
	a = parse("# T\n\n![A street](s.jpg)\n\n*A busy street. Photograph: Jo Bloggs/AP*\n");
	ok(a && a->nblocks == 1 && a->blocks[0].image, "figure with italic caption");
	if (a && a->nblocks == 1 && a->blocks[0].image) {
		is_str(a->blocks[0].image->caption, "A busy street.", "caption without credit");
		is_str(a->blocks[0].image->credit, "Photograph: Jo Bloggs/AP", "credit split off");
	}
	article_free(a);
	a = parse("---\ntitle: T\nimage: x.png\ncaption: \"Rain. Photo: A N Other\"\n---\n");
	ok(a && a->image && a->image->credit && strcmp(a->image->credit, "Photo: A N Other") == 0,
	    "front matter caption's credit split off");
	article_free(a);
}

static void
test_depth(void)
{
	struct article *a;
	char *s;

	s = repeat("# T\n\n", ">", 10000, " deep\n");
	a = parse(s);
	ok(a != NULL, "10,000 nested quotes: legal Markdown, read");
	if (a) {
		const struct block *b = a->nblocks ? &a->blocks[0] : NULL;
		int d = 0;

		while (b && b->type == BLK_QUOTE && b->nkids) {
			b = &b->kids[0];
			d++;
		}
		ok(d == 16 && b && b->type == BLK_PARAGRAPH, "  set 16 quotes deep (got %d)", d);
		if (b && b->type == BLK_PARAGRAPH)
			is_str(b->inl[0].text, "deep", "  the words kept");
	}
	article_free(a);
	free(s);

	s = repeat("# T\n\n", "- ", 10000, "x\n");
	a = parse(s);
	ok(a != NULL, "10,000 nested lists: read, set at a sensible depth");
	article_free(a);
	free(s);

	s = repeat("# T\n\n", "*a **b ", 3000, "x");
	{
		char *t = repeat(s, "** b*", 3000, "\n");

		a = parse(t);
		ok(a == NULL && strstr(err_msg(), "nested more than") != NULL, "deep emphasis: a clean error");
		free(t);
	}
	free(s);

	s = repeat("# T\n\n", "![a ", 5000, "x");
	{
		char *t = repeat(s, "](u)", 5000, "\n");

		a = parse(t);
		ok(a != NULL && a->nblocks == 1, "5,000 nested images: alt text read without recursion");
		article_free(a);
		free(t);
	}
	free(s);

	s = repeat("# T\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n", "|", 300, "\n");
	util_quiet = 1;
	a = parse(s);
	util_quiet = 0;
	ok(a && a->nblocks == 2 && a->blocks[0].type == BLK_PARAGRAPH &&
	    strstr(text(&a->blocks[0]), "| 1 | 2 |") != NULL,
	    "a 300-cell row (quadratic in cmark-gfm) turns tables off; the words stay");
	article_free(a);
	free(s);

	a = parse("# T\n\nText[^b].\n\n[^a]: Alone.\n[^b]: Used.\n\n```\nan open fence [^a]:");
	ok(a && a->nblocks == 2 && a->blocks[1].type == BLK_CODE && a->nnotes == 1 &&
	    strcmp(a->notes[0].label, "b") == 0,
	    "a body ending in an open fence still reads (the unreferenced note is lost)");
	if (a && a->nblocks == 2)
		is_str(a->blocks[1].text, "an open fence [^a]:", "and the fence holds only its own text");
	article_free(a);

	a = parse("# T\n\n> > > > > quote five deep\n");
	ok(a && a->nblocks == 1 && a->blocks[0].kids[0].kids[0].kids[0].kids[0].type == BLK_QUOTE,
	    "shallow nesting is kept");
	article_free(a);
}

static void
test_book(void)
{
	char path[] = "/tmp/t_md_XXXXXX";
	struct book *b = xcalloc(1, sizeof(*b));
	char **order = NULL;
	size_t norder = 0, i;
	FILE *f;
	int fd;

	if ((fd = mkstemp(path)) == -1 || (f = fdopen(fd, "w")) == NULL) {
		ok(0, "temporary file");
		free(b);
		return;
	}
	fputs("title: A Sample Book\nsubtitle: Sub\nauthors: [A, B]\npublisher: P\nlang: en\n"
	    "identifier: urn:uuid:1234\ndate: 8 February 2023\ndescription: D\ncover: c.jpg\n"
	    "theme: classic\ntags: x, y\narticles:\n  - 01-a.txt\n  - 02-b.md\n", f);
	fclose(f);
	err_clear();
	ok(meta_book(b, path, &order, &norder) == 0, "book.yaml reads (%s)", err_msg());
	is_str(b->title, "A Sample Book", "book title");
	ok(b->nauthors == 2, "book authors");
	is_str(b->date, "2023-02-08", "book date as ISO");
	is_str(b->lang, "en", "book lang");
	is_str(b->identifier, "urn:uuid:1234", "identifier");
	is_str(b->cover, "c.jpg", "cover as written");
	ok(norder == 2 && strcmp(order[1], "02-b.md") == 0, "article order");
	for (i = 0; i < norder; i++)
		free(order[i]);
	free(order);
	order = NULL;
	norder = 0;
	book_free(b);

	b = xcalloc(1, sizeof(*b));
	f = fopen(path, "w");
	fputs("title: T\narticles:\n  - ../../etc/passwd\n", f);
	fclose(f);
	ok(meta_book(b, path, &order, &norder) == -1, "an article outside the directory: error");
	ok(strstr(err_msg(), ":3: 'articles'") != NULL, "names the line (%s)", err_msg());
	for (i = 0; i < norder; i++)
		free(order[i]);
	free(order);
	order = NULL;
	norder = 0;
	book_free(b);

	b = xcalloc(1, sizeof(*b));
	f = fopen(path, "w");
	fputs("title: T\npublisher:\n  - one\n", f);
	fclose(f);
	ok(meta_book(b, path, &order, &norder) == -1, "publisher as a list: error");
	ok(strstr(err_msg(), ":3: 'publisher' must be a string") != NULL, "names the line (%s)", err_msg());
	book_free(b);
	unlink(path);
}

int
main(void)
{
	test_document();
	test_headline();
	test_front_matter_errors();
	test_credit();
	test_depth();
	test_book();
	return done_testing();
}
