/* The EPUB 3 writer: the book → XHTML, package, navigation, fonts and
 * cover → one zip written with libzip, identical bytes for identical
 * inputs when SOURCE_DATE_EPOCH is set. */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "datadir.h"
#include "cover/cover.h"
#include "epub.h"
#include "epub_int.h"
#include "model/image.h"
#include "model/picture.h"
#include "model/lang.h"
#include "model/theme.h"
#include "util.h"
#include "model/words.h"

/* CSS with the symbol fonts FALLBACKS after "mkbook-body" and
 * "mkbook-mono" in each font-family list of CSS (which it takes; the
 * @font-face rules, which name one family, stay), so that what those fonts
 * lack is shown from the fonts that have it: fresh. */
static char *
with_fallbacks(char *css, const char *fallbacks)
{
	static const char *const fam[] = { "\"mkbook-body\"", "\"mkbook-mono\"" };
	struct buf out = {0};
	const char *p = css, *d;

	while ((d = strstr(p, "font-family:")) != NULL) {
		size_t len = strcspn(d, ";}");
		const char *end = d + len, *q = d;

		buf_put(&out, p, (size_t)(d - p));
		if (memchr(d, ',', len) == NULL) {	/* one family: @font-face */
			buf_put(&out, d, len);
			p = end;
			continue;
		}
		while (q < end) {
			const char *hit = NULL;
			size_t n = 0;

			for (size_t i = 0; i < sizeof(fam) / sizeof(fam[0]); i++) {
				const char *h = strstr(q, fam[i]);

				if (h && h < end && (hit == NULL || h < hit)) {
					hit = h;
					n = strlen(fam[i]);
				}
			}
			if (hit == NULL)
				break;
			buf_put(&out, q, (size_t)(hit - q) + n);
			buf_printf(&out, ", %s", fallbacks);
			q = hit + n;
		}
		buf_put(&out, q, (size_t)(end - q));
		p = end;
	}
	buf_puts(&out, p);
	free(css);
	return buf_detach(&out);
}

/* The build time: SOURCE_DATE_EPOCH when set (and valid), else now. */
static time_t
build_time(void)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long v;

	if (s && *s) {
		errno = 0;
		v = strtoll(s, &end, 10);
		if (errno == 0 && *end == '\0' && v >= 0 && v < 253402300800LL)
			return (time_t)v;
		warn_at(NULL, 0, "SOURCE_DATE_EPOCH '%s' is not a time; using the clock", s);
	}
	return time(NULL);
}

/* The cover: the book's image, or one drawn from its title. */
static int
add_cover(struct epub *e, const struct theme *th)
{
	const struct book *bk = e->book;
	enum image_type type = IMG_PNG;
	struct buf b = {0};
	struct image im;
	char *data = NULL;
	size_t len = 0;
	struct epub_item *it;
	int r;

	if ((r = picture_cover(bk, &im)) < 0)
		return -1;
	if (r == 1) {	/* made as the book's other images are */
		if (epub_image_make(&im, e->opt ? e->opt->image_quality : 0, (unsigned char **)&data,
		    &len, &type) < 0)
			return -1;
	} else {
		char *fam = cover_family(th);

		r = cover_render(bk, fam, cover_color(th), &data, &len);
		free(fam);
		if (r < 0)
			return -1;
	}
	e->cover_name = xprintf("images/cover.%s", image_ext(type));
	it = epub_add(e, e->cover_name, "cover-image", image_mime(type), data, len, 0);
	it->props = "cover-image";

	epub_xhtml_open(&b, e->lang, lang_rtl(e->lang), e->words->cover, "../css/book.css");
	BUF_PUTSL(&b, "<body class=\"cover\">\n<section class=\"cover\" epub:type=\"cover\">\n"
	    "<img role=\"doc-cover\" src=\"../");
	buf_xml(&b, e->cover_name);
	BUF_PUTSL(&b, "\" alt=\"");
	buf_xml(&b, bk->title);
	for (size_t i = 0; i < bk->nauthors; i++) {
		buf_puts(&b, i == 0 ? " — " : ", ");
		buf_xml(&b, bk->authors[i]);
	}
	BUF_PUTSL(&b, "\"/>\n</section>\n</body>\n");
	epub_xhtml_close(&b);
	len = b.len;
	epub_add(e, "text/cover.xhtml", "cover", "application/xhtml+xml", buf_detach(&b), len, 1);
	return 0;
}

/* Add the title page: title, subtitle, authors, description, imprint. */
static void
add_titlepage(struct epub *e)
{
	const struct book *bk = e->book;
	struct buf b = {0};
	size_t i, len;

	epub_xhtml_open(&b, e->lang, lang_rtl(e->lang), bk->title, "../css/book.css");
	BUF_PUTSL(&b, "<body class=\"titlepage\">\n"
	    "<section class=\"titlepage\" epub:type=\"titlepage\">\n<h1 class=\"title\">");
	buf_xml(&b, bk->title);
	BUF_PUTSL(&b, "</h1>\n");
	if (bk->subtitle) {
		BUF_PUTSL(&b, "<p class=\"subtitle\">");
		buf_xml(&b, bk->subtitle);
		BUF_PUTSL(&b, "</p>\n");
	}
	if (bk->nauthors) {
		BUF_PUTSL(&b, "<p class=\"authors\">");
		for (i = 0; i < bk->nauthors; i++) {
			if (i)
				BUF_PUTSL(&b, "<br/>");
			buf_xml(&b, bk->authors[i]);
		}
		BUF_PUTSL(&b, "</p>\n");
	}
	if (bk->description) {
		BUF_PUTSL(&b, "<p class=\"description\">");
		buf_xml(&b, bk->description);
		BUF_PUTSL(&b, "</p>\n");
	}
	if (bk->publisher || bk->date) {
		BUF_PUTSL(&b, "<p class=\"imprint\">");
		buf_xml(&b, bk->publisher);
		if (bk->publisher && bk->date)
			BUF_PUTSL(&b, "<br/>");
		/* An imprint gives the year. */
		if (bk->date && strlen(bk->date) >= 4 && isdigit((unsigned char)bk->date[0]))
			buf_xmln(&b, bk->date, 4);
		else
			buf_xml(&b, bk->date);
		BUF_PUTSL(&b, "</p>\n");
	}
	BUF_PUTSL(&b, "</section>\n</body>\n");
	epub_xhtml_close(&b);
	len = b.len;
	epub_add(e, "text/title.xhtml", "titlepage", "application/xhtml+xml", buf_detach(&b), len, 1);
}

/* The stylesheet's text: the theme's book.css, else the default's. */
static int
read_css(const struct epub *e, const struct theme *th, char **css, size_t *len)
{
	char *dd, *path;
	int r;

	/* A theme without a stylesheet of its own uses the default one. */
	if (th && th->css && access(th->css, R_OK) == 0)
		return file_read(th->css, css, len);
	if ((dd = datadir_get(e->opt ? e->opt->datadir : NULL)) == NULL)
		return -1;
	path = path_join(dd, "templates/default/book.css");
	r = file_read(path, css, len);
	free(path);
	free(dd);
	return r;
}

/* Free what E holds (not E). */
static void
epub_free(struct epub *e)
{
	size_t i;

	for (i = 0; i < e->nitems; i++) {
		free(e->items[i].name);
		free(e->items[i].id);
		free(e->items[i].data);
	}
	free(e->items);
	for (i = 0; i < e->ntoc; i++) {
		free(e->toc[i].label);
		free(e->toc[i].href);
	}
	free(e->toc);
	for (i = 0; i < e->nplist; i++) {
		free(e->plist[i].label);
		free(e->plist[i].href);
	}
	free(e->plist);
	free(e->fallbacks);
	for (i = 0; i < e->nimages; i++) {
		free(e->images[i].path);
		free(e->images[i].name);
		free(e->images[i].bytes);
	}
	free(e->images);
	free(e->css);
	free(e->cover_name);
}

int
epub_write(const struct book *book, const struct theme *th, const struct options *opt,
    const char *path)
{
	struct epub e = {0};
	struct book bk = *book;
	char *ident = NULL, *opf = NULL, *faces = NULL, *css = NULL, modified[32];
	size_t i, navidx, csslen;
	time_t when = build_time();
	struct tm tm;
	int ret = -1;

	/* Defaults for what the book may lack. */
	if (bk.title == NULL)
		bk.title = bk.narticles && bk.articles[0]->headline ?
		    bk.articles[0]->headline : "Untitled";
	e.book = &bk;
	e.opt = opt;
	e.pages = opt && opt->pages && opt->pages->n ? opt->pages : NULL;
	e.lang = bk.lang ? bk.lang : bk.narticles && bk.articles[0]->lang ?
	    bk.articles[0]->lang : "und";
	e.words = words_for(e.lang);

	e.theme = th;

	if (add_cover(&e, th) < 0)
		goto out;
	add_titlepage(&e);
	navidx = e.nitems;
	epub_add(&e, "nav.xhtml", "nav", "application/xhtml+xml", NULL, 0, 1)->props = "nav";
	for (i = 0; i < bk.narticles; i++)
		epub_xhtml_article(&e, bk.articles[i], i);
	if (e.img_failed)
		goto out;

	/* Images, in the order the articles first used them. */
	for (i = 0; i < e.nimages; i++) {
		char *id = xprintf("img-%s", path_base(e.images[i].name));

		for (char *p = id; *p; p++)
			if (*p == '.')
				*p = '-';
		epub_add(&e, e.images[i].name, id, image_mime(e.images[i].type),
		    (char *)e.images[i].bytes, e.images[i].len, 0);
		e.images[i].bytes = NULL;	/* the item owns them now */
		free(id);
	}
	if (e.nimages && !(opt && opt->quiet))
		notice("the EPUB's %zu images take %.1f MB (%.1f MB as given)", e.nimages,
		    e.img_out / 1048576.0, e.img_in / 1048576.0);

	if ((faces = epub_fonts(&e)) == NULL)
		goto out;
	if (read_css(&e, th, &css, &csslen) < 0)
		goto out;
	{
		/* @font-face rules first, the language rules after the theme's. */
		char *mark = strstr(faces, "/*@LANG@*/\n"), *all;
		size_t n;

		if (mark)
			*mark = '\0';
		char accent[96] = "";

		if (th)	/* theme.yaml's accent colour, which the PDF's kickers take too */
			snprintf(accent, sizeof(accent),
			    "/* theme.yaml: colours: accent */\n.kicker { color: #%02x%02x%02x; }\n",
			    (int)(th->accent_color[0] * 255 + 0.5), (int)(th->accent_color[1] * 255 + 0.5),
			    (int)(th->accent_color[2] * 255 + 0.5));
		all = xprintf("@charset \"UTF-8\";\n%s\n%s\n%s%s", faces, css, accent,
		    mark ? mark + 11 : "");
		if (e.fallbacks)
			all = with_fallbacks(all, e.fallbacks);
		n = strlen(all);

		epub_add(&e, "css/book.css", "css", "text/css", all, n, 0);
	}
	e.items[navidx].data = epub_opf_nav(&e);
	e.items[navidx].len = strlen(e.items[navidx].data);
	epub_add(&e, "toc.ncx", "ncx", "application/x-dtbncx+xml", NULL, 0, 0);

	ident = book_identifier(&bk);
	e.items[e.nitems - 1].data = epub_opf_ncx(&e, ident);
	e.items[e.nitems - 1].len = strlen(e.items[e.nitems - 1].data);
	gmtime_r(&when, &tm);
	strftime(modified, sizeof(modified), "%Y-%m-%dT%H:%M:%SZ", &tm);
	opf = epub_opf_package(&e, ident, modified);
	ret = epub_zip(&e, path, opf, when);
	opf = NULL;
out:
	free(ident);
	free(faces);
	free(css);
	epub_free(&e);
	return ret;
}
