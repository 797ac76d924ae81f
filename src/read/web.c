#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "web.h"
#include "feed.h"
#include "html_conv.h"
#include "model/image.h"
#include "model/picture.h"
#include "net/fetch.h"
#include "read_html.h"
#include "reader.h"
#include "util.h"

/* The fetcher's options from the command line's. */
static void
fetch_opts_from(const struct options *opt, struct fetch_opts *fo)
{
	fetch_opts_default(fo);
	if (opt->timeout_ms > 0)
		fo->timeout_ms = opt->timeout_ms;
	if (opt->max_bytes > 0)
		fo->max_bytes = opt->max_bytes;
	if (opt->max_redirects >= 0)
		fo->max_redirects = opt->max_redirects;
	fo->allow_private = opt->allow_private;
	fo->offline = opt->offline;
	fo->cache = opt->cache;
}

/* A page, feed or image that failed (the error is pending): with --strict
 * an error (return -1), else a warning (return 0). WHAT says what is lost. */
static int
failed(const struct options *opt, struct web_out *out, const char *what)
{
	if (out)
		out->failed++;
	if (opt->strict)
		return -1;
	warn_at(NULL, 0, "%s; %s", err_msg(), what);
	err_clear();
	return 0;
}

static void
push(struct web_out *out, struct article *a)
{
	if ((out->narticles & (out->narticles + 1)) == 0)
		out->articles = xrealloc(out->articles, (out->narticles * 2 + 2) * sizeof(*out->articles));
	out->articles[out->narticles++] = a;
}

/* Sizes as people read them: "812 B", "45.3 kB", "2.1 MB". */
static void
size_text(size_t n, char *s, size_t cap)
{
	if (n < 1000)
		snprintf(s, cap, "%zu B", n);
	else if (n < 1000000)
		snprintf(s, cap, "%.1f kB", (double)n / 1e3);
	else
		snprintf(s, cap, "%.1f MB", (double)n / 1e6);
}

/* Per page: what its images added. */
struct tally {
	size_t	 images, bytes;
	double	 seconds;
};

/* Fetch the bytes of IM when it is a remote image, into im->data; the
 * builder checks and measures them as it does a file's (image_probe). A
 * failure leaves the figure's words (alt, caption, credit) and warns,
 * naming PAGE (an error under --strict). */
static int
fetch_image(struct image *im, const char *page, const struct fetch_opts *fo,
    const struct options *opt, struct tally *t)
{
	static const char kept[] = "the image is left out; its alt text and caption are kept";
	struct fetch_result r;
	char *msg;

	if (im == NULL || im->src == NULL || im->path || im->data)
		return 0;
	if (!fetch_is_url(im->src)) {
		err_set(page, im->line, "image '%.80s' is not an http:// or https:// address", im->src);
		goto drop;
	}
	if (fetch_get(fo, im->src, &r) != 0)
		goto drop;
	t->images++;
	t->bytes += r.len;
	t->seconds += r.seconds;
	im->data = (unsigned char *)r.data;
	im->len = r.len;
	r.data = NULL;
	fetch_result_free(&r);
	return 0;
drop:
	msg = str_startswith(err_msg(), page) ? xstrdup(err_msg()) :
	    xprintf("image of %s: %s", page, err_msg());
	err_set(NULL, 0, "%s", msg);
	free(msg);
	free(im->src);
	im->src = NULL;
	im->type = IMG_NONE;
	return failed(opt, NULL, kept);
}

/* Fetch the images among the inlines V[0..N), at any depth. */
static int
fetch_inl_images(struct inl *v, size_t n, const char *page, const struct fetch_opts *fo,
    const struct options *opt, struct tally *t)
{
	for (size_t i = 0; i < n; i++)
		if (fetch_image(v[i].image, page, fo, opt, t) != 0 ||
		    fetch_inl_images(v[i].kids, v[i].nkids, page, fo, opt, t) != 0)
			return -1;
	return 0;
}

/* Fetch the images of the blocks V[0..N), at any depth. */
static int
fetch_block_images(struct block *v, size_t n, const char *page, const struct fetch_opts *fo,
    const struct options *opt, struct tally *t)
{
	for (size_t i = 0; i < n; i++)
		if (fetch_image(v[i].image, page, fo, opt, t) != 0 ||
		    fetch_inl_images(v[i].inl, v[i].ninl, page, fo, opt, t) != 0 ||
		    fetch_block_images(v[i].kids, v[i].nkids, page, fo, opt, t) != 0)
			return -1;
	return 0;
}

/* Fetch every image the article A shows: its lead picture, its body's and
 * its notes'. */
static int
fetch_images(struct article *a, const char *page, const struct fetch_opts *fo,
    const struct options *opt, struct tally *t)
{
	if (fetch_image(a->image, page, fo, opt, t) != 0 ||
	    fetch_block_images(a->blocks, a->nblocks, page, fo, opt, t) != 0)
		return -1;
	for (size_t i = 0; i < a->nnotes; i++)
		if (fetch_block_images(a->notes[i].blocks, a->notes[i].nblocks, page, fo, opt, t) != 0)
			return -1;
	return 0;
}

/* Fill what the page left open from the feed item IT: headline, authors,
 * date, tags, source. */
static void
from_item(struct article *a, const struct feed_item *it)
{
	if (a->headline == NULL && it->title)
		a->headline = xstrdup(it->title);
	if (a->nauthors == 0)
		for (size_t i = 0; i < it->nauthors; i++)
			strv_push(&a->authors, &a->nauthors, it->authors[i]);
	if (a->date == NULL && it->date) {
		a->date = xstrdup(it->date);
		free(a->date_text);
		a->date_text = xstrdup(it->date_text);
	}
	for (size_t i = 0; i < it->ntags; i++)
		strv_push(&a->tags, &a->ntags, it->tags[i]);
	if (a->url == NULL && it->link)
		a->url = xstrdup(it->link);
}

/* The one line a terminal shows per article fetched. */
static void
progress(const struct options *opt, const char *url, size_t len, double secs,
    const struct tally *t)
{
	char s[32];

	if (!opt->progress)
		return;
	size_text(len + t->bytes, s, sizeof(s));
	if (t->images)
		fprintf(stderr, "mkbook: fetched %s: %s with %zu image%s, %.2f s\n", url, s,
		    t->images, t->images == 1 ? "" : "s", secs + t->seconds);
	else
		fprintf(stderr, "mkbook: fetched %s: %s, %.2f s\n", url, s, secs + t->seconds);
}

static int load_feed(const char *name, const char *data, size_t len, const struct options *opt,
    const struct fetch_opts *fo, struct web_out *out);

/* 1 when the answer R is an HTML page. */
static int
is_html(const struct fetch_result *r)
{
	if (r->type)
		return strcmp(r->type, "text/html") == 0 || strcmp(r->type, "application/xhtml+xml") == 0;
	return 0;
}

/* 1 when the answer R is a feed. */
static int
is_feed(const struct fetch_result *r)
{
	if (r->type && (strcmp(r->type, "application/rss+xml") == 0 ||
	    strcmp(r->type, "application/atom+xml") == 0))
		return 1;
	return (r->type == NULL || strstr(r->type, "xml")) && feed_sniff(r->data, r->len);
}

/* Fetch the page URL and read its article (IT: the feed item it comes
 * from, or NULL). A feed at URL is read as one when IT is NULL. */
static int
load_page(const char *url, const struct feed_item *it, const struct options *opt,
    const struct fetch_opts *fo, struct web_out *out)
{
	struct fetch_result r;
	struct tally t = {0};
	struct article *a;
	int ret;

	if (fetch_get(fo, url, &r) != 0)
		return failed(opt, out, it ? "the feed item is left out" : "the page is left out");
	if (it == NULL && is_feed(&r)) {
		ret = load_feed(r.url, r.data, r.len, opt, fo, out);
		fetch_result_free(&r);
		return ret;
	}
	if (!is_html(&r)) {
		err_set(url, 0, "not an HTML page (Content-Type: %s)", r.type ? r.type : "none");
		fetch_result_free(&r);
		return failed(opt, out, it ? "the feed item is left out" : "the page is left out");
	}
	if ((a = html_read_mem(r.url, r.data, r.len, r.charset, 1)) == NULL) {
		fetch_result_free(&r);
		return failed(opt, out, it ? "the feed item is left out" : "the page is left out");
	}
	if (a->url == NULL)	/* no canonical URL declared: where it was found */
		a->url = xstrdup(r.url);
	if (it)
		from_item(a, it);
	if (fetch_images(a, r.url, fo, opt, &t) != 0) {
		article_free(a);
		fetch_result_free(&r);
		out->failed++;
		return -1;
	}
	if (!r.cached)
		progress(opt, r.url, r.len, r.seconds, &t);
	push(out, a);
	fetch_result_free(&r);
	return 0;
}

/* An article from a feed item that carries its text (HTML, from NAME). */
static int
item_article(const char *name, const struct feed_item *it, const char *html, const char *lang,
    const struct options *opt, const struct fetch_opts *fo, struct web_out *out)
{
	char *src = it->link ? xstrdup(it->link) : xprintf("%s:%d", name, it->line);
	struct tally t = {0};
	struct article *a = html_read_fragment(src, html, strlen(html), it->link ? it->link : name);
	int ret = 0;

	if (a == NULL) {
		ret = failed(opt, out, "the feed item is left out");
		goto out;
	}
	from_item(a, it);
	if (a->lang == NULL && lang)	/* the feed's language, as the page's would be */
		a->lang = xstrdup(lang);
	if (fetch_images(a, src, fo, opt, &t) != 0) {
		article_free(a);
		out->failed++;
		ret = -1;
		goto out;
	}
	push(out, a);
out:
	free(src);
	return ret;
}

/* The items of a feed, chosen and ordered, each to an article. */
static int
load_items(const char *name, struct feed *f, const struct options *opt,
    const struct fetch_opts *fo, struct web_out *out)
{
	long taken = 0;

	feed_sort(f, out->oldest || opt->feed_oldest);
	for (size_t i = 0; i < f->nitems; i++) {
		const struct feed_item *it = &f->items[i];
		int ret;

		if (opt->max_items > 0 && taken >= opt->max_items)
			break;
		if (opt->since && (it->date == NULL || strcmp(it->date, opt->since) < 0)) {
			if (it->date == NULL)
				warn_at(name, it->line, "the item '%s' has no date; --since %s leaves "
				    "it out", it->title ? it->title : "(untitled)", opt->since);
			continue;
		}
		taken++;
		if (it->html)
			ret = item_article(name, it, it->html, f->lang, opt, fo, out);
		else if (it->link)
			ret = load_page(it->link, it, opt, fo, out);
		else if (it->summary)
			ret = item_article(name, it, it->summary, f->lang, opt, fo, out);
		else {
			err_set(name, it->line, "the item '%s' has no text and no link",
			    it->title ? it->title : "(untitled)");
			ret = failed(opt, out, "the feed item is left out");
		}
		if (ret != 0)
			return -1;
	}
	return 0;
}

/* The feed's image, fetched as the book's cover when nothing else gives one. */
static int
feed_cover(const char *image, const struct options *opt, const struct fetch_opts *fo,
    struct web_out *out)
{
	struct fetch_result r;
	enum image_type type;
	int w, h;

	if (out->cover || out->cover_url)
		return 0;
	out->cover_url = xstrdup(image);
	if (fetch_get(fo, image, &r) != 0)
		return failed(opt, NULL, "the feed's image is not the cover");
	if (image_sniff((const unsigned char *)r.data, r.len, &type, &w, &h) != 0) {
		err_set(image, 0, "the feed's image is not a JPEG or PNG image (%s)",
		    r.type ? r.type : "no Content-Type");
		fetch_result_free(&r);
		return failed(opt, NULL, "the cover is drawn from the title");
	}
	out->cover = (unsigned char *)r.data;
	out->cover_len = r.len;
	r.data = NULL;
	fetch_result_free(&r);
	return 0;
}

/* Read the feed DATA (LEN bytes) from NAME, a file or the URL it came from. */
static int
load_feed(const char *name, const char *data, size_t len, const struct options *opt,
    const struct fetch_opts *fo, struct web_out *out)
{
	struct feed f;
	int ret;

	if (feed_parse(name, data, len, &f) != 0)
		return fetch_is_url(name) ? failed(opt, out, "the feed is left out") : -1;
	if (f.nitems == 0)
		warn_at(name, 0, "the feed has no items");
	if (out->feed_title == NULL && f.title)
		out->feed_title = xstrdup(f.title);
	ret = load_items(name, &f, opt, fo, out);
	if (ret == 0 && f.image && fetch_is_url(f.image))
		ret = feed_cover(f.image, opt, fo, out);
	feed_free(&f);
	return ret;
}

int
web_is_input(const char *input)
{
	static const char *const exts[] = {".rss", ".atom", ".xml", ".feed"};
	const char *ext = path_ext(input);

	if (fetch_is_url(input))
		return 1;
	for (size_t i = 0; i < sizeof(exts) / sizeof(exts[0]); i++)
		if (strcasecmp(ext, exts[i]) == 0)
			return 1;
	return 0;
}

int
web_load(const char *input, const struct options *opt, struct web_out *out)
{
	struct fetch_opts fo;
	char *text = NULL;
	size_t len;
	int ret;

	fetch_opts_from(opt, &fo);
	if (fetch_is_url(input))
		return load_page(input, NULL, opt, &fo, out);
	if (file_read(input, &text, &len) != 0)
		return -1;
	if (!feed_sniff(text, len)) {
		free(text);
		return err_set(input, 0, "not an RSS or Atom feed");
	}
	ret = load_feed(input, text, len, opt, &fo, out);
	free(text);
	return ret;
}

int
web_read_list(const char *file, char ***urls, size_t *n)
{
	char *text = NULL, *line, *next;
	int lineno = 0, ret = -1;
	size_t len;

	if (file_read(file, &text, &len) != 0)
		return -1;
	for (line = text; line && *line; line = next) {
		char *t;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		lineno++;
		/* '#' opens a comment at the start or after a space: a URL keeps its fragment */
		for (char *h = strchr(line, '#'); h; h = strchr(h + 1, '#'))
			if (h == line || h[-1] == ' ' || h[-1] == '\t') {
				*h = '\0';
				break;
			}
		t = str_trim(line);
		if (*t && !fetch_is_url(t)) {
			err_set(file, lineno, "'%s' is not an http:// or https:// URL", t);
			free(t);
			goto out;
		}
		if (*t)
			strv_push(urls, n, t);
		free(t);
	}
	ret = 0;
out:
	free(text);
	return ret;
}

void
web_out_free(struct web_out *out)
{
	for (size_t i = 0; i < out->narticles; i++)
		article_free(out->articles[i]);
	free(out->articles);
	free(out->feed_title);
	free(out->cover);
	free(out->cover_url);
	memset(out, 0, sizeof(*out));
}

void
web_cleanup(void)
{
	fetch_cleanup();
}

/* The first element TAG under N (depth-first), or NULL. */
static const GumboNode *
find_tag(const GumboNode *n, GumboTag tag, int depth)
{
	if (n->type != GUMBO_NODE_ELEMENT || depth > 64)
		return NULL;
	if (n->v.element.tag == tag)
		return n;
	for (unsigned i = 0; i < n->v.element.children.length; i++) {
		const GumboNode *f = find_tag(n->v.element.children.data[i], tag, depth + 1);

		if (f)
			return f;
	}
	return NULL;
}

struct article *
html_read_fragment(const char *name, const char *html, size_t len, const char *base)
{
	GumboOutput *g = gumbo_parse_with_options(&kGumboDefaultOptions, html, len);
	const GumboNode *body = find_tag(g->root, GUMBO_TAG_BODY, 0);
	struct article *a = article_new(name);
	struct html_conv c;

	html_conv_init(&c, name, a);
	c.base = base && fetch_is_url(base) ? base : NULL;
	c.remote_images = 1;
	if (body) {
		html_conv_prepare(&c, body);
		html_conv_blocks(&c, body, &a->blocks, &a->nblocks);
	}
	html_conv_finish(&c);
	gumbo_destroy_output(&kGumboDefaultOptions, g);
	if (a->nblocks == 0) {
		article_free(a);
		err_set(name, 0, "the item's text is empty");
		return NULL;
	}
	return a;
}
