#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "book.h"
#include "model/image.h"
#include "model/lang.h"
#include "punct.h"
#include "meta.h"
#include "reader.h"
#include "read_html.h"
#include "web.h"
#include "net/fetch.h"
#include "util.h"

/* A saved web page: .html, .htm, .xhtml (any case). */
static int
is_html_file(const char *name)
{
	const char *ext = path_ext(name);

	return strcasecmp(ext, ".html") == 0 || strcasecmp(ext, ".htm") == 0 ||
	    strcasecmp(ext, ".xhtml") == 0;
}

static int
is_article_file(const char *name)
{
	const char *ext = path_ext(name);

	return path_base(name)[0] != '.' && (strcmp(ext, ".txt") == 0 || strcmp(ext, ".md") == 0 ||
	    strcmp(ext, ".markdown") == 0 || is_html_file(name));
}

static int resolve_images(struct article *, const char *);

/* Read one article file. Return the article, or NULL with the error set. */
static struct article *
read_article(const char *path)
{
	struct article *a = NULL;
	const char *ext = path_ext(path);
	char *text = NULL;
	size_t len;

	if (!is_article_file(path)) {
		err_set(path, 0, "unknown input format '%s' (expected .txt, .md or .html)", ext);
		return NULL;
	}
	if (file_read(path, &text, &len) != 0)
		return NULL;
	if (is_html_file(path))
		a = html_read(path, text, len, NULL);
	else if (utf8_check(path, text, len) == 0) {
		if (strcmp(ext, ".txt") == 0)
			a = txt_read(path, text, len);
		else
			a = md_read(path, text, len);
	}
	free(text);
	return a;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Formats people save articles in that mkbook does not read. */
static int
is_document_file(const char *name)
{
	static const char *const exts[] = {".docx", ".doc", ".odt", ".rtf", ".pages"};
	const char *ext = path_ext(name);

	for (size_t i = 0; i < sizeof(exts) / sizeof(exts[0]); i++)
		if (strcasecmp(ext, exts[i]) == 0)
			return 1;
	return 0;
}

/* List the article files of DIR in name order (byte order, not the
 * locale's, so every machine builds the same book). Documents in other
 * formats are named in a warning, not passed over in silence. */
static int
list_dir(const char *dir, char ***names, size_t *n)
{
	struct dirent *e;
	DIR *d;

	if ((d = opendir(dir)) == NULL)
		return err_set(dir, 0, "cannot open directory: %s", strerror(errno));
	while ((e = readdir(d)) != NULL) {
		if (is_article_file(e->d_name))
			strv_push(names, n, e->d_name);
		else if (e->d_name[0] != '.' && is_document_file(e->d_name)) {
			char *p = path_join(dir, e->d_name);

			warn_at(p, 0, "skipped: mkbook reads .txt, .md and .html articles");
			free(p);
		}
	}
	closedir(d);
	if (*n)
		qsort(*names, *n, sizeof(**names), cmp_str);
	return 0;
}

/* Warn about each article file in DIR that book.yaml's list leaves out:
 * a story dropped into the folder must not vanish without a word. */
static void
warn_unlisted(const char *dir, const char *yaml, char **order, size_t norder)
{
	char **names = NULL;
	size_t n = 0, i, k;

	if (list_dir(dir, &names, &n) != 0) {
		err_clear();
		return;
	}
	for (i = 0; i < n; i++) {
		for (k = 0; k < norder; k++)
			if (strcmp(names[i], order[k]) == 0)
				break;
		if (k == norder)
			warn_at(yaml, 0, "'%s' is not in the list of articles; it is left out", names[i]);
		free(names[i]);
	}
	free(names);
}

static void
add_article(struct book *b, struct article *a)
{
	if ((b->narticles & (b->narticles + 1)) == 0 || b->narticles == 0)
		b->articles = xrealloc(b->articles, (b->narticles * 2 + 2) * sizeof(*b->articles));
	b->articles[b->narticles++] = a;
}

/* What the builder remembers while it reads the inputs: every article
 * file read so far (its real path, and where it was named), and a
 * book.yaml title left empty. */
struct loader {
	char	**real;		/* realpath of each article read */
	char	**from;		/* "book.yaml:LINE" or the input that named it */
	size_t	  nreal, nfrom;
	char	 *empty_title;	/* the book.yaml whose title is empty */
	int	  empty_title_line;
};

/* Free what L holds (not L). */
static void
loader_free(struct loader *L)
{
	size_t i;

	for (i = 0; i < L->nreal; i++)
		free(L->real[i]);
	for (i = 0; i < L->nfrom; i++)
		free(L->from[i]);
	free(L->real);
	free(L->from);
	free(L->empty_title);
}

/* Record PATH, named NAME at FILE:LINE (LINE 0: FILE is the input that
 * named it), as read. Return 0, or -1 with the error set when the same
 * file was read before: an article is in a book once. */
static int
note_article(struct loader *L, const char *path, const char *name, const char *file, int line)
{
	char *real = realpath(path, NULL);
	size_t i;

	if (real == NULL)
		real = xstrdup(path);	/* read_article names the error */
	for (i = 0; i < L->nreal; i++)
		if (strcmp(L->real[i], real) == 0) {
			free(real);
			if (line)
				return err_set(file, line, "lists the article '%s' again; it is "
				    "already in the book (%s), and an article is read once",
				    name, L->from[i]);
			return err_set(path, 0, "this article is already in the book (%s), "
			    "and an article is read once", L->from[i]);
		}
	strv_push(&L->real, &L->nreal, real);
	free(real);
	if (line) {
		char *at = xprintf("%s:%d", file, line);

		strv_push(&L->from, &L->nfrom, at);
		free(at);
	} else {
		char *at = xprintf("from %s", file);

		strv_push(&L->from, &L->nfrom, at);
		free(at);
	}
	return 0;
}

/* Read a content directory: book.yaml when present, its article order or
 * every article file in name order. */
static int
load_dir(struct book *b, const char *dir, struct loader *L)
{
	struct meta_order o = {0};
	char *yaml;
	size_t i;
	struct stat st;
	int has_yaml = 0, ret = -1;

	yaml = path_join(dir, "book.yaml");
	if (stat(yaml, &st) == 0) {
		if (meta_book_order(b, yaml, &o) != 0)
			goto out;
		has_yaml = 1;
		if (b->basedir == NULL)
			b->basedir = xstrdup(dir);
		/* a theme named in book.yaml is found from the book's directory,
		 * as its cover and articles are */
		if (b->theme && o.theme) {
			char *t = b->theme[0] == '/' ? xstrdup(b->theme) : path_join(dir, b->theme);

			if (stat(t, &st) != 0 || !S_ISDIR(st.st_mode)) {
				err_set(yaml, o.theme, "theme '%s' is not a directory (looked for %s)",
				    b->theme, t);
				free(t);
				goto out;
			}
			free(b->theme);
			b->theme = t;
		}
		if (o.empty_title) {
			free(L->empty_title);
			L->empty_title = xstrdup(yaml);
			L->empty_title_line = o.empty_title;
		}
	}
	if (o.n)
		warn_unlisted(dir, yaml, o.names, o.n);
	else {
		free(o.lines);	/* no list: every article file, in name order */
		o.lines = NULL;
		if (list_dir(dir, &o.names, &o.n) != 0)
			goto out;
	}
	if (o.n == 0) {
		err_set(dir, 0, "no articles (.txt, .md or .html files) found");
		goto out;
	}
	for (i = 0; i < o.n; i++) {
		char *path = path_join(dir, o.names[i]);
		int line = o.lines ? o.lines[i] : 0;
		struct article *a;

		if (stat(path, &st) != 0 && has_yaml && o.lines) {
			err_set(yaml, line, "lists the article '%s', which cannot be read: %s",
			    o.names[i], strerror(errno));
			free(path);
			goto out;
		}
		if (note_article(L, path, o.names[i], line ? yaml : dir, line) != 0) {
			free(path);
			goto out;
		}
		a = read_article(path);
		free(path);
		if (a == NULL)
			goto out;
		add_article(b, a);
		if (resolve_images(a, dir) != 0)
			goto out;
	}
	ret = 0;
out:
	meta_order_free(&o);
	free(yaml);
	return ret;
}

/* Probe every figure in a block tree. */
static int
probe_blocks(struct block *v, size_t n, const char *base, const char *file)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (v[i].image && image_probe(v[i].image, base, file,
		    v[i].image->line ? v[i].image->line : v[i].src.line) != 0)
			return -1;
		if (probe_blocks(v[i].kids, v[i].nkids, base, file) != 0)
			return -1;
	}
	return 0;
}

/* Article text for language detection: headline, standfirst and the first
 * few thousand bytes of the body. */
static char *
sample_text(const struct article *a)
{
	struct buf b = {0};
	size_t i;

	if (a->headline)
		buf_printf(&b, "%s\n", a->headline);
	if (a->standfirst)
		buf_printf(&b, "%s\n", a->standfirst);
	for (i = 0; i < a->nblocks && b.len < 6000; i++) {
		block_text(&b, &a->blocks[i]);
		buf_putc(&b, '\n');
	}
	return buf_detach(&b);
}

/* Check and measure the article's images against BASE, the content
 * directory the article came from (or its own directory). */
static int
resolve_images(struct article *a, const char *base)
{
	if (a->image && image_probe(a->image, base, a->source,
	    a->image->line ? a->image->line : a->line) != 0)
		return -1;
	return probe_blocks(a->blocks, a->nblocks, base, a->source);
}

/* Resolve what readers leave open: id, language and direction. */
static void
resolve(struct book *b, struct article *a, size_t index)
{
	free(a->id);
	a->id = xprintf("a%02zu", index + 1);
	if (a->lang == NULL) {
		char *text = sample_text(a);
		const char *l = lang_detect(text);

		free(text);
		if (l) {
			a->lang = xstrdup(l);
			a->lang_detected = 1;
		}
	}
	if (a->lang == NULL)
		a->lang = xstrdup(b->lang ? b->lang : "en");
	lang_canon(a->lang);
	if (!a->dir_given)
		a->dir = lang_dir(a->lang);
	/* A web page's text is published text: its quotes and dashes are the
	 * publisher's, kept as they are. */
	if (!b->plain_punct && !is_html_file(a->source))
		punct_article(a);
	punct_quotes(a);
}

/* Read one input: a URL or feed file (through web.c), a content
 * directory or an article file. Return 0, or -1 with the error set. */
static int
load_input(struct book *b, const char *in, const struct options *opt, struct loader *L,
    struct web_out *W)
{
	struct stat st;

	if (fetch_is_other_url(in)) {
		err_set(in, 0, "refused: only http:// and https:// URLs are read");
		return -1;
	}
	if (fetch_is_url(in) || (web_is_input(in) && stat(in, &st) == 0 && !S_ISDIR(st.st_mode))) {
		W->oldest = b->feed_oldest;	/* book.yaml read so far */
		if (web_load(in, opt, W) != 0)
			return -1;
		for (size_t k = 0; k < W->narticles; k++)
			add_article(b, W->articles[k]);
		W->narticles = 0;
		return 0;
	}
	if (stat(in, &st) != 0) {
		err_set(in, 0, "%s", strerror(errno));
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		if (load_dir(b, in, L) != 0)
			return -1;
	} else {
		struct article *a;
		char *dir;
		int bad;

		if (note_article(L, in, in, in, 0) != 0)
			return -1;
		if ((a = read_article(in)) == NULL)
			return -1;
		add_article(b, a);
		dir = path_dir(in);
		bad = resolve_images(a, dir);
		free(dir);
		if (bad)
			return -1;
	}
	return 0;
}

struct book *
book_load(char *const *inputs, size_t ninputs, const struct options *opt)
{
	static char *const fallback[] = {"content"};
	struct book *b = xcalloc(1, sizeof(*b));
	struct loader L = {0};
	struct web_out W = {0};
	char **urls = NULL;
	size_t i, nurls = 0;

	if (ninputs == 0 && opt->urls == NULL) {
		inputs = fallback;
		ninputs = 1;
	}
	if (opt->urls && web_read_list(opt->urls, &urls, &nurls) != 0)
		goto fail;
	for (i = 0; i < ninputs + nurls; i++)
		if (load_input(b, i < ninputs ? inputs[i] : urls[i - ninputs], opt, &L, &W) != 0)
			goto fail;
	if (b->narticles == 0) {
		err_set(NULL, 0, "no article is left to make a book of: %s", W.failed == 1 ?
		    "the one page or feed item failed" : "every page and feed item failed");
		goto fail;
	}
	if (b->title == NULL && W.feed_title) {	/* a feed names a book nothing else names */
		b->title = W.feed_title;
		W.feed_title = NULL;
	}
	if (b->cover == NULL && W.cover) {	/* and gives it its cover */
		b->cover_data = W.cover;
		b->cover_len = W.cover_len;
		b->cover_url = W.cover_url;
		W.cover = NULL;
		W.cover_url = NULL;
	}
	if (opt->title) {
		free(b->title);
		b->title = xstrdup(opt->title);
	}
	if (opt->author) {
		for (i = 0; i < b->nauthors; i++)
			free(b->authors[i]);
		free(b->authors);
		b->authors = NULL;
		b->nauthors = 0;
		strv_push(&b->authors, &b->nauthors, opt->author);
	}
	if (opt->lang) {	/* a valid tag: main.c checks it before any work */
		free(b->lang);
		b->lang = xstrdup(opt->lang);
	}
	if (opt->theme) {
		free(b->theme);
		b->theme = xstrdup(opt->theme);
	}
	for (i = 0; i < b->narticles; i++)
		resolve(b, b->articles[i], i);
	/* Book metadata the inputs did not give comes from the first article. */
	if (b->title == NULL) {
		b->title = xstrdup(b->articles[0]->headline ? b->articles[0]->headline : "Untitled");
		if (L.empty_title)
			warn_at(L.empty_title, L.empty_title_line, "the title is empty; the book is "
			    "titled by its first article's headline, '%s'", b->title);
	}
	if (b->nauthors == 0)
		for (i = 0; i < b->articles[0]->nauthors; i++)
			strv_push(&b->authors, &b->nauthors, b->articles[0]->authors[i]);
	if (b->lang == NULL)
		b->lang = xstrdup(b->articles[0]->lang);
	lang_canon(b->lang);
	if (b->date == NULL && b->articles[0]->date)
		b->date = xstrdup(b->articles[0]->date);
	if (!b->plain_punct) {
		char **f[] = {&b->title, &b->subtitle, &b->description, &b->publisher};

		for (i = 0; i < sizeof(f) / sizeof(f[0]) + b->nauthors; i++) {
			char **s = i < sizeof(f) / sizeof(f[0]) ? f[i] : &b->authors[i - sizeof(f) / sizeof(f[0])];

			if (*s) {
				char *t = punct_string(*s, b->lang);

				free(*s);
				*s = t;
			}
		}
	}
	if (b->cover) {
		/* Relative to the content directory of book.yaml, and inside it. */
		struct image im = {0};
		char *yaml = path_join(b->basedir ? b->basedir : ".", "book.yaml");
		int bad;

		im.src = b->cover;
		bad = image_probe(&im, b->basedir ? b->basedir : ".", yaml, 0);
		free(yaml);
		if (bad)
			goto fail;
		b->cover = im.path;
		free(im.src);
	}
	loader_free(&L);
	web_out_free(&W);
	for (i = 0; i < nurls; i++)
		free(urls[i]);
	free(urls);
	return b;
fail:
	loader_free(&L);
	web_out_free(&W);
	for (i = 0; i < nurls; i++)
		free(urls[i]);
	free(urls);
	book_free(b);
	return NULL;
}
