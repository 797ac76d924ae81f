#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <glib.h>
#include <gumbo.h>

#include "html_conv.h"
#include "html_decode.h"
#include "html_find.h"
#include "html_meta.h"
#include "model/image.h"
#include "read_html.h"
#include "util.h"

/* Less article text than this (characters) is no article: a sign-in
 * page, an error page, a frameset. */
#define HTML_MIN_ARTICLE 40

static const GumboNode *
child_el(const GumboNode *n, GumboTag tag)
{
	const GumboVector *kids;

	if (n == NULL)
		return NULL;
	kids = n->type == GUMBO_NODE_DOCUMENT ? &n->v.document.children : &n->v.element.children;
	for (size_t i = 0; i < kids->length; i++) {
		const GumboNode *k = kids->data[i];

		if (k->type == GUMBO_NODE_ELEMENT && k->v.element.tag == tag)
			return k;
	}
	return NULL;
}

/* Decode BYTES, flatten too-deep nesting and parse. Return gumbo's output,
 * or NULL with the error set; *TEXTP is the decoded text the output points
 * into (the caller frees it after the output). */
static GumboOutput *
parse_page(const char *path, const char *bytes, size_t len, const char *charset, char **textp)
{
	GumboOptions opt = kGumboDefaultOptions;
	GumboOutput *out;
	char enc[HTML_ENC_MAX], *text, *flat;
	size_t tlen, flen, dropped;
	int line;

	html_sniff(bytes, len, charset, enc);
	if (strncmp(enc, "UTF-16", 6) != 0 && !html_looks_like(bytes, len)) {
		err_set(path, 0, "not an HTML page (no tags, or the bytes of a binary file)");
		return NULL;
	}
	if ((text = html_decode(path, bytes, len, enc, &tlen)) == NULL)
		return NULL;
	if (!html_looks_like(text, tlen)) {
		free(text);
		err_set(path, 0, "not an HTML page (no tags, or the bytes of a binary file)");
		return NULL;
	}
	flat = html_flatten(text, tlen, &flen, &dropped, &line);
	if (flat) {
		warn_at(path, line, "elements nest deeper than %d levels: %zu start tag%s below "
		    "that depth left out (their text is kept)", HTML_MAX_NEST, dropped,
		    dropped == 1 ? "" : "s");
		free(text);
		text = flat;
		tlen = flen;
	}
	opt.max_errors = 0;
	out = gumbo_parse_with_options(&opt, text, tlen);
	*textp = text;
	return out;
}

/* Fill A's header fields from M (taking its strings). */
static void
take_meta(struct article *a, struct html_meta *m)
{
	a->headline = m->headline;
	a->standfirst = m->standfirst;
	a->kicker = m->kicker;
	a->authors = m->authors;
	a->nauthors = m->nauthors;
	a->date = m->date;
	a->date_text = m->date_text;
	a->date_modified = m->date_modified;
	a->site = m->site;
	a->url = m->url;
	if (m->lang && strlen(m->lang) < 36) {
		a->lang = m->lang;
		m->lang = NULL;
	}
	if (m->dir) {
		a->dir = strcasecmp(m->dir, "rtl") == 0 ? DIR_RTL : DIR_LTR;
		a->dir_given = 1;
	}
	m->headline = m->standfirst = m->kicker = m->date = m->date_text = NULL;
	m->date_modified = m->site = m->url = NULL;
	m->authors = NULL;
	m->nauthors = 0;
}

/* Decode the data: URI of IM into its bytes; return 0, or -1 when it is
 * not an image URI mkbook can read. The src keeps only the URI's head. */
static int
data_image(struct image *im)
{
	const char *comma = strchr(im->src, ','), *head = im->src + 5;
	int b64;

	if (comma == NULL || strncasecmp(head, "image/", 6) != 0)
		return -1;
	b64 = comma - head >= 7 && strncasecmp(comma - 7, ";base64", 7) == 0;
	if (b64) {
		gsize n = 0;
		guchar *d = g_base64_decode(comma + 1, &n);

		im->data = (unsigned char *)xmemdup(d, n);
		im->len = n;
		g_free(d);
	} else {
		GBytes *bytes = g_uri_unescape_bytes(comma + 1, -1, NULL, NULL);
		gsize n = 0;
		const void *d;

		if (bytes == NULL)
			return -1;
		d = g_bytes_get_data(bytes, &n);
		im->data = (unsigned char *)xmemdup(d, n);
		im->len = n;
		g_bytes_unref(bytes);
	}
	im->src[comma - im->src] = 0;
	return 0;
}

/* Check image IM of page PATH (in DIR) now, so that a picture the book
 * cannot use (remote, missing, not JPEG or PNG) is named in a warning and
 * its figure keeps only alt text and caption, instead of failing the book. */
static void
check_image(struct image *im, const char *path, const char *dir, int line, int remote,
    const struct html_parts *parts)
{
	if (im == NULL || im->src == NULL)
		return;
	if (remote && (strncasecmp(im->src, "http://", 7) == 0 || strncasecmp(im->src, "https://", 8) == 0))
		return;	/* a fetched page's pictures: the fetcher takes them */
	if (im->line)
		line = im->line;
	if (parts && !str_startswith(im->src, "data:")) {
		size_t n = 0;
		const unsigned char *d = parts->find(parts->ctx, im->src, &n);

		if (d == NULL) {
			warn_at(path, line, "picture '%s' is not among the parts of this MHTML "
			    "file (nothing is fetched); its alt text and caption are kept", im->src);
			goto drop;
		}
		im->data = (unsigned char *)xmemdup(d, n);
		im->len = n;
	} else if (strncasecmp(im->src, "cid:", 4) == 0) {
		warn_at(path, line, "image '%s' names a part of an MHTML file, and this page is "
		    "not one; its alt text and caption are kept", im->src);
		goto drop;
	}
	if (str_startswith(im->src, "data:") && data_image(im) != 0) {
		warn_at(path, line, "image '%.60s': not a data: URI of a picture; its alt text and "
		    "caption are kept", im->src);
		goto drop;
	}
	if (im->data == NULL && (strstr(im->src, "://") || str_startswith(im->src, "//"))) {
		warn_at(path, line, "image '%s' is not on this computer (not fetched); its alt "
		    "text and caption are kept", im->src);
		goto drop;
	}
	switch (image_probe(im, dir, path, line, 0)) {
	case 0:
		return;
	case 1:		/* left out, and named in a warning, by image_probe */
		goto drop;
	default:	/* a page's picture outside its folder never stops the book */
		warn_at(NULL, 0, "%s; its alt text and caption are kept", err_msg());
		err_clear();
	}
drop:
	free(im->src);
	free(im->data);
	free(im->path);
	im->src = im->path = NULL;
	im->data = NULL;
	im->len = 0;
	im->type = IMG_NONE;
}

/* The same for the inlines V[0..N) (pictures in running text). */
static void
check_inls(struct inl *v, size_t n, const char *path, const char *dir, int line, int remote,
    const struct html_parts *parts)
{
	for (size_t i = 0; i < n; i++) {
		check_image(v[i].image, path, dir, line, remote, parts);
		check_inls(v[i].kids, v[i].nkids, path, dir, line, remote, parts);
	}
}

static void
check_blocks(struct block *v, size_t n, const char *path, const char *dir, int remote,
    const struct html_parts *parts)
{
	for (size_t i = 0; i < n; i++) {
		check_image(v[i].image, path, dir, v[i].src.line, remote, parts);
		check_inls(v[i].inl, v[i].ninl, path, dir, v[i].src.line, remote, parts);
		check_blocks(v[i].kids, v[i].nkids, path, dir, remote, parts);
	}
}

static void
remove_block(struct article *a, size_t i)
{
	block_free(&a->blocks[i]);
	memmove(&a->blocks[i], &a->blocks[i + 1], (a->nblocks - i - 1) * sizeof(*a->blocks));
	a->nblocks--;
}

/* The header's fields out of the body: a first paragraph that repeats the
 * standfirst or the kicker goes, and a picture before the text becomes the
 * lead image (with its alt text, caption and credit). */
static void
lift_header(struct article *a)
{
	size_t i;

	for (i = 0; i < a->nblocks && i < 4;) {
		struct buf b = {0};
		int dup;

		if (a->blocks[i].type != BLK_PARAGRAPH) {
			i++;
			continue;
		}
		block_text(&b, &a->blocks[i]);
		dup = (a->standfirst && html_same_text(buf_str(&b), a->standfirst)) ||
		    (a->kicker && html_same_text(buf_str(&b), a->kicker));
		buf_free(&b);
		if (dup)
			remove_block(a, i);
		else
			break;
	}
	if (a->image == NULL && a->nblocks > 1 && a->blocks[0].type == BLK_FIGURE &&
	    a->blocks[0].image && a->blocks[0].image->src) {
		a->image = a->blocks[0].image;
		a->blocks[0].image = NULL;
		remove_block(a, 0);
	}
}

/* The reader; REMOTE: a page fetched from the web, whose links and
 * pictures resolve against its URL and whose http(s) pictures are kept. */
static struct article *
read_page(const char *path, const char *bytes, size_t len, const char *charset, int remote,
    const struct html_parts *parts)
{
	struct article *a = NULL;
	struct html_meta m;
	struct html_find *f = NULL;
	struct html_conv c;
	GumboOutput *out;
	const GumboNode *body;
	char *text = NULL;

	if ((out = parse_page(path, bytes, len, charset, &text)) == NULL)
		return NULL;
	body = child_el(out->root, GUMBO_TAG_BODY);
	if (body == NULL) {
		if (child_el(out->root, GUMBO_TAG_FRAMESET))
			err_set(path, 0, "a frameset page: the article is in another file; "
			    "give mkbook the page of the frame that holds it");
		else
			err_set(path, 0, "no <body> in this page");
		goto out;
	}
	html_meta_read(&m, out->document);
	f = html_find(body, m.headline);
	if (html_find_nroots(f) == 0 || html_find_chars(f) < HTML_MIN_ARTICLE) {
		err_set(path, 0, "no article found in this page (%zu characters of text "
		    "outside menus, forms and page furniture)", html_find_chars(f));
		html_meta_free(&m);
		goto out;
	}
	a = article_new(path);
	html_conv_init(&c, path, a);
	c.base = m.base ? m.base : m.url;
	if (remote) {
		c.base = m.base ? m.base : m.url ? m.url : path;
		c.remote_images = 1;
	}
	if (parts) {
		c.base = m.base ? m.base : parts->url ? parts->url : m.url;
		c.parts = parts;
	}
	c.skip = html_find_skip;
	c.user = f;
	html_conv_prepare(&c, body);
	for (size_t i = 0; i < html_find_nroots(f); i++) {
		const GumboNode *r = html_find_root(f, i);

		if (r == body)
			html_conv_blocks(&c, r, &a->blocks, &a->nblocks);
		else
			html_conv_node(&c, r, &a->blocks, &a->nblocks);
	}
	html_conv_finish(&c);
	take_meta(a, &m);
	if (a->url == NULL && parts && parts->url && (str_startswith(parts->url, "http://") ||
	    str_startswith(parts->url, "https://")))
		a->url = xstrdup(parts->url);	/* the saved page's address */
	lift_header(a);
	{
		char *dir = path_dir(path);

		check_image(a->image, path, dir, 0, remote, parts);
		check_blocks(a->blocks, a->nblocks, path, dir, remote, parts);
		for (size_t i = 0; i < a->nnotes; i++)
			check_blocks(a->notes[i].blocks, a->notes[i].nblocks, path, dir, remote,
			    parts);
		free(dir);
	}
	html_meta_free(&m);
out:
	html_find_free(f);
	gumbo_destroy_output(&kGumboDefaultOptions, out);
	free(text);
	return a;
}

struct article *
html_read(const char *path, const char *bytes, size_t len, const char *charset)
{
	return read_page(path, bytes, len, charset, 0, NULL);
}

struct article *
html_read_parts(const char *path, const char *bytes, size_t len, const char *charset,
    const struct html_parts *parts)
{
	return read_page(path, bytes, len, charset, 0, parts);
}

struct article *
html_read_mem(const char *name, const char *bytes, size_t len, const char *charset, int remote)
{
	return read_page(name, bytes, len, charset, remote, NULL);
}
