/* TEMPORARY (branch h17 only): html_read_mem until branch h12-extract's
 * HTML reader lands — decoding with the HTTP charset through iconv, the
 * title from <h1> or <title>, the canonical URL, and the whole <body>
 * through the converter (no article finding). Deleted on merging h12-extract. */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <gumbo.h>

#include "html_conv.h"
#include "reader.h"
#include "util.h"

static char *
decode(const char *bytes, size_t len, const char *charset)
{
	struct buf b = {0};
	iconv_t cd;
	char *in = (char *)bytes;
	size_t left = len;

	if (charset == NULL || strcasecmp(charset, "utf-8") == 0 ||
	    (cd = iconv_open("UTF-8", charset)) == (iconv_t)-1)
		return xmemdup(bytes, len);
	while (left) {
		char chunk[4096], *out = chunk;
		size_t room = sizeof(chunk);

		if (iconv(cd, &in, &left, &out, &room) == (size_t)-1 && errno != E2BIG) {
			in++;
			left--;
			buf_put(&b, chunk, sizeof(chunk) - room);
			buf_puts(&b, "\xef\xbf\xbd");
			continue;
		}
		buf_put(&b, chunk, sizeof(chunk) - room);
	}
	iconv_close(cd);
	buf_putc(&b, 0);
	b.len--;
	return buf_detach(&b);
}

static const GumboNode *
find(const GumboNode *n, GumboTag tag, const char *rel, int depth)
{
	if (n->type != GUMBO_NODE_ELEMENT || depth > 64)
		return NULL;
	if (n->v.element.tag == tag && (rel == NULL || (html_attr(n, "rel") &&
	    strcasecmp(html_attr(n, "rel"), rel) == 0)))
		return n;
	for (unsigned i = 0; i < n->v.element.children.length; i++) {
		const GumboNode *f = find(n->v.element.children.data[i], tag, rel, depth + 1);

		if (f)
			return f;
	}
	return NULL;
}

static char *
text(const GumboNode *n)
{
	struct buf b = {0};
	char *s;

	for (unsigned i = 0; n && i < n->v.element.children.length; i++) {
		const GumboNode *k = n->v.element.children.data[i];

		if (k->type == GUMBO_NODE_TEXT)
			buf_puts(&b, k->v.text.text);
	}
	s = str_squash(buf_str(&b));
	buf_free(&b);
	if (*s == '\0') {
		free(s);
		return NULL;
	}
	return s;
}

struct article *
html_read_mem(const char *name, const char *bytes, size_t len, const char *charset, int remote)
{
	char *utf = decode(bytes, len, charset);
	GumboOutput *g = gumbo_parse(utf);
	const GumboNode *body = find(g->root, GUMBO_TAG_BODY, NULL, 0);
	const GumboNode *h1 = find(g->root, GUMBO_TAG_H1, NULL, 0);
	const GumboNode *canon = find(g->root, GUMBO_TAG_LINK, "canonical", 0);
	struct article *a = article_new(name);
	struct html_conv c;

	(void)remote;
	a->headline = text(h1 ? h1 : find(g->root, GUMBO_TAG_TITLE, NULL, 0));
	if (canon && html_attr(canon, "href"))
		a->url = html_url_resolve(name, html_attr(canon, "href"));
	if (a->url == NULL)
		a->url = xstrdup(name);
	html_conv_init(&c, name, a);
	c.base = a->url;
	if (body) {
		html_conv_prepare(&c, body);
		html_conv_blocks(&c, body, &a->blocks, &a->nblocks);
	}
	html_conv_finish(&c);
	gumbo_destroy_output(&kGumboDefaultOptions, g);
	free(utf);
	if (a->nblocks == 0) {
		article_free(a);
		err_set(name, 0, "no article found in the page");
		return NULL;
	}
	return a;
}
