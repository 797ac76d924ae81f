#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "book.h"
#include "model/date.h"
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

/* A web page saved as one MIME file: .mhtml, .mht (any case). */
static int
is_mhtml_file(const char *name)
{
	const char *ext = path_ext(name);

	return strcasecmp(ext, ".mhtml") == 0 || strcasecmp(ext, ".mht") == 0;
}

static int
is_article_file(const char *name)
{
	const char *ext = path_ext(name);

	return path_base(name)[0] != '.' && (strcmp(ext, ".txt") == 0 || strcmp(ext, ".md") == 0 ||
	    strcmp(ext, ".markdown") == 0 || is_html_file(name) || is_mhtml_file(name));
}

struct loader;
static int resolve_images(struct article *, const char *, const struct loader *);

/* Read one article file. Return the article, or NULL with the error set. */
static struct article *
read_article(const char *path)
{
	struct article *a = NULL;
	const char *ext = path_ext(path);
	char *text = NULL;
	size_t len;

	if (!is_article_file(path)) {
		err_set(path, 0, "unknown input format '%s' (expected .txt, .md, .html or .mhtml)",
		    ext);
		return NULL;
	}
	if (file_read(path, &text, &len) != 0)
		return NULL;
	if (is_html_file(path))
		a = html_read(path, text, len, NULL);
	else if (is_mhtml_file(path))
		a = mhtml_read(path, text, len);
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

			warn_at(p, 0, "skipped: mkbook reads .txt, .md, .html and .mhtml articles");
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

/* Return 1 (after a warning, and freeing A) when A is a draft the book
 * leaves out. */
static int
draft_left_out(struct article *a)
{
	size_t i;
	int line = 0;

	if (!a->draft)
		return 0;
	for (i = 0; i < a->nwhy; i++)
		if (strcmp(a->why[i].field, "draft") == 0)
			line = a->why[i].line;
	warn_at(a->source, line, "a draft (its front matter says so): left out of the book");
	article_free(a);
	return 1;
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
	char	 *folder;	/* the first content directory without book.yaml */
	int	  strict;	/* --strict: an image left out is an error */
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
	free(L->folder);
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

/* Return 1 when NAME is a project file that sits beside articles in a
 * folder (README.md, LICENSE.txt, CHANGELOG.md, SOURCES.md …), not an
 * article. */
static int
is_project_file(const char *name)
{
	static const char *const stems[] = {"readme", "license", "licence", "changelog", "changes",
		"sources", "contributing", "code_of_conduct", "authors", "copying", "todo",
		"security", "history", "notice", NULL};
	const char *base = path_base(name), *dot = strrchr(base, '.');
	size_t n = dot ? (size_t)(dot - base) : strlen(base), i;

	for (i = 0; stems[i]; i++)
		if (strlen(stems[i]) == n && strncasecmp(base, stems[i], n) == 0)
			return 1;
	return 0;
}

/* Take the project files out of the folder listing O, naming them in one
 * notice. */
static void
drop_project_files(const char *dir, struct meta_order *o)
{
	struct buf w = {0};
	size_t i, k = 0;

	for (i = 0; i < o->n; i++) {
		if (is_project_file(o->names[i])) {
			if (w.len)
				BUF_PUTSL(&w, ", ");
			buf_puts(&w, o->names[i]);
			free(o->names[i]);
		} else
			o->names[k++] = o->names[i];
	}
	o->n = k;
	if (w.len)
		warn_at(dir, 0, "not articles, left out: %s (a book.yaml 'articles:' list "
		    "takes any file)", buf_str(&w));
	buf_free(&w);
}

/* The title a folder gives a book: its name ("my-reading" of
 * "/home/me/my-reading/"), from its real path when it is "." or "..". */
static char *
dir_title(const char *dir)
{
	char *real = realpath(dir, NULL), *t;
	const char *base;

	base = path_base(real ? real : dir);
	t = xstrdup(*base ? base : "Untitled");
	free(real);
	return t;
}

/* Return 1 when the error set is the Markdown reader's "no title". */
static int
no_title_error(void)
{
	return strstr(err_msg(), ": no title (") != NULL;
}

/* Move string *FROM over *TO when it is set. */
static void
take_str(char **to, char **from)
{
	if (*from) {
		free(*to);
		*to = *from;
		*from = NULL;
	}
}

/* Move the list FROM over TO when it is not empty. */
static void
take_strv(char ***to, size_t *nto, char ***from, size_t *nfrom)
{
	if (*nfrom == 0)
		return;
	for (size_t i = 0; i < *nto; i++)
		free((*to)[i]);
	free(*to);
	*to = *from;
	*nto = *nfrom;
	*from = NULL;
	*nfrom = 0;
}

/* Put what the article's entry in book.yaml (YAML:LINE) says, OV, over A:
 * its words and its lead picture (checked against BASE, named by the
 * entry's line). Return 0, or -1 with the error set. */
static int
apply_entry(struct article *a, struct article *ov, const char *base, const char *yaml,
    int line, int strict)
{
	struct image *n = ov->image, *o = a->image;

	take_str(&a->kicker, &ov->kicker);
	take_str(&a->headline, &ov->headline);
	take_str(&a->standfirst, &ov->standfirst);
	take_str(&a->role, &ov->role);
	take_str(&a->date_text, &ov->date_text);
	take_str(&a->url, &ov->url);
	if (ov->date) {
		take_str(&a->date, &ov->date);
		if (ov->date_text == NULL) {	/* the article's own wording no longer fits */
			free(a->date_text);
			a->date_text = NULL;
		}
	}
	if (ov->lang) {
		take_str(&a->lang, &ov->lang);
		a->lang_detected = 0;
		if (!a->dir_given)
			a->dir = ov->dir;
	}
	if (ov->dir_given) {
		a->dir = ov->dir;
		a->dir_given = 1;
	}
	take_strv(&a->authors, &a->nauthors, &ov->authors, &ov->nauthors);
	take_strv(&a->tags, &a->ntags, &ov->tags, &ov->ntags);
	if (n == NULL)
		return 0;
	ov->image = NULL;
	if (n->src && image_probe(n, base, yaml, n->line ? n->line : line, strict) < 0) {
		image_free(n);
		return -1;
	}
	if (o && n->src == NULL) {	/* words only: the article's picture stays */
		take_str(&o->alt, &n->alt);
		take_str(&o->caption, &n->caption);
		take_str(&o->credit, &n->credit);
		image_free(n);
		return 0;
	}
	if (o) {
		if (n->alt == NULL)
			take_str(&n->alt, &o->alt);
		if (n->caption == NULL)
			take_str(&n->caption, &o->caption);
		if (n->credit == NULL)
			take_str(&n->credit, &o->credit);
		image_free(o);
	}
	a->image = n;
	return 0;
}

/* When nothing names the article's lead picture, a picture beside it with
 * its name (01-xinjiang.jpg by 01-xinjiang.txt; NAME is the article's
 * path relative to BASE) is it. Return 0, or -1 with the error set. */
static int
sidecar(struct article *a, const char *base, const char *name, int strict)
{
	static const char *const exts[] = {".jpg", ".jpeg", ".png", ".webp", ".gif",
		".JPG", ".JPEG", ".PNG"};
	const char *ext = path_ext(name);
	size_t stem = strlen(name) - strlen(ext), i;
	struct stat st;

	if (a->image && (a->image->src || a->image->data))
		return 0;
	for (i = 0; i < sizeof(exts) / sizeof(exts[0]); i++) {
		char *cand = xprintf("%.*s%s", (int)stem, name, exts[i]);
		char *full = path_join(base, cand);
		int found = stat(full, &st) == 0;

		free(full);
		if (!found) {
			free(cand);
			continue;
		}
		if (a->image == NULL)
			a->image = xcalloc(1, sizeof(*a->image));
		a->image->src = cand;
		return image_probe(a->image, base, a->source, 0, strict) < 0 ? -1 : 0;
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
		if (!has_yaml) {
			drop_project_files(dir, &o);
			if (L->folder == NULL)
				L->folder = dir_title(dir);
		}
	}
	if (o.n == 0) {
		err_set(dir, 0, "no articles (.txt, .md, .html or .mhtml files) found");
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
		if (a == NULL && !has_yaml && no_title_error()) {
			/* in a folder of files, a Markdown file without a title is
			 * no article (notes, drafts): named, not read */
			warn_at(path, 0, "not an article: it has no title (give 'title:' or a "
			    "'# heading'); left out");
			err_clear();
			free(path);
			continue;
		}
		free(path);
		if (a == NULL)
			goto out;
		if (draft_left_out(a))
			continue;
		add_article(b, a);
		if (resolve_images(a, dir, L) != 0)
			goto out;
		if (o.over && o.over[i] && apply_entry(a, o.over[i], dir, yaml, line, L->strict) != 0)
			goto out;
		if (sidecar(a, dir, o.names[i], L->strict) != 0)
			goto out;
	}
	ret = 0;
out:
	meta_order_free(&o);
	free(yaml);
	return ret;
}

/* Probe every image among the inlines V[0..N). */
static int
probe_inls(struct inl *v, size_t n, const char *base, const char *file, int line, int strict)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (v[i].image && image_probe(v[i].image, base, file,
		    v[i].image->line ? v[i].image->line : line, strict) < 0)
			return -1;
		if (probe_inls(v[i].kids, v[i].nkids, base, file, line, strict) != 0)
			return -1;
	}
	return 0;
}

/* Whether an inline image is small enough to sit in a line of text (an
 * icon, a formula): else it becomes a figure after its paragraph. */
static int
inline_small(const struct image *im)
{
	return im->height <= IMAGE_INLINE_MAX_H && im->width <= 8 * IMAGE_INLINE_MAX_H;
}

/* Move the large images of paragraph P's inlines (at any depth) to figures
 * appended to *FIG (N figures): the paragraph keeps the small ones. */
static void
lift_images(struct inl *v, size_t *n, const struct srcpos *src, struct block **fig, size_t *nfig)
{
	size_t i, j;

	for (i = j = 0; i < *n; i++) {
		struct inl *in = &v[i];

		lift_images(in->kids, &in->nkids, src, fig, nfig);
		if (in->type == INL_IMAGE && in->image && (in->image->path || in->image->data) &&
		    !inline_small(in->image)) {
			struct block *f;

			*fig = xrealloc(*fig, (*nfig + 1) * sizeof(**fig));
			f = &(*fig)[(*nfig)++];
			memset(f, 0, sizeof(*f));
			f->type = BLK_FIGURE;
			f->src = *src;
			f->image = in->image;
			in->image = NULL;
			inl_free(in);
			/* "a chart ![](c.png) inside": one space stays, not two */
			if (j > 0 && v[j - 1].type == INL_TEXT && v[j - 1].text &&
			    str_endswith(v[j - 1].text, " ") && i + 1 < *n &&
			    v[i + 1].type == INL_TEXT && v[i + 1].text && v[i + 1].text[0] == ' ')
				v[j - 1].text[strlen(v[j - 1].text) - 1] = '\0';
			continue;
		}
		v[j++] = *in;
	}
	*n = j;
}

/* Probe every image in a block tree; a large image inside a paragraph
 * becomes a figure right after it. */
static int
probe_blocks(struct block **vp, size_t *np, const char *base, const char *file, int strict)
{
	size_t i;

	for (i = 0; i < *np; i++) {
		struct block *v = *vp, *fig = NULL;
		size_t nfig = 0;

		if (v[i].image && image_probe(v[i].image, base, file,
		    v[i].image->line ? v[i].image->line : v[i].src.line, strict) < 0)
			return -1;
		if (probe_inls(v[i].inl, v[i].ninl, base, file, v[i].src.line, strict) != 0)
			return -1;
		if (probe_blocks(&v[i].kids, &v[i].nkids, base, file, strict) != 0)
			return -1;
		if (v[i].type != BLK_PARAGRAPH)
			continue;
		lift_images(v[i].inl, &v[i].ninl, &v[i].src, &fig, &nfig);
		if (nfig == 0)
			continue;
		*vp = xrealloc(*vp, (*np + nfig) * sizeof(**vp));
		v = *vp;
		memmove(v + i + 1 + nfig, v + i + 1, (*np - i - 1) * sizeof(*v));
		memcpy(v + i + 1, fig, nfig * sizeof(*v));
		*np += nfig;
		i += nfig;
		free(fig);
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
resolve_images(struct article *a, const char *base, const struct loader *L)
{
	size_t i;

	if (a->image && image_probe(a->image, base, a->source,
	    a->image->line ? a->image->line : a->line, L->strict) < 0)
		return -1;
	for (i = 0; i < a->nnotes; i++)
		if (probe_blocks(&a->notes[i].blocks, &a->notes[i].nblocks, base, a->source,
		    L->strict) != 0)
			return -1;
	return probe_blocks(&a->blocks, &a->nblocks, base, a->source, L->strict);
}

/* A numeric date ("08/02/2023") the plain-text reader read day first is
 * read again in the article's language (month first in US English), and
 * named in a warning when it could be read both ways. */
static void
redate(struct article *a, const char *booklang)
{
	struct date_line d;
	const char *lang = a->lang;
	size_t i;
	int line = 0;

	/* "en" detected from the text of a book said to be en-US is en-US */
	if (a->lang_detected && booklang && strlen(booklang) > 2 && booklang[2] == '-' &&
	    lang_has_prefix(booklang, a->lang))
		lang = booklang;
	for (i = 0; i < a->nwhy; i++)
		if (strcmp(a->why[i].field, "date") == 0 && str_startswith(a->why[i].rule, "numeric"))
			line = a->why[i].line;
	if (line == 0 || a->date_text == NULL || date_line(a->date_text, lang, &d) != 0)
		return;
	if (strcmp(d.iso, a->date) != 0) {
		free(a->date);
		a->date = xstrdup(d.iso);
	}
	if (d.ambiguous)
		warn_at(a->source, line, "'%s' could be read day first or month first; read as %s "
		    "(%s, the article's language, puts the %s first)", a->date_text, a->date, lang,
		    lang_has_prefix(lang, "en-US") ? "month" : "day");
	date_line_free(&d);
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
	redate(a, b->lang);
	/* A web page's text is published text: its quotes and dashes are the
	 * publisher's, kept as they are. */
	if (!b->plain_punct && !is_html_file(a->source) && !is_mhtml_file(a->source))
		punct_article(a);
	punct_quotes(a);
}

/* The title a book without one takes: the folder's name, or (articles
 * given one by one) the first article's headline, said in a notice. */
static void
book_title(struct book *b, const struct loader *L, char *const *inputs, size_t ninputs)
{
	if (L->folder && !L->empty_title) {
		b->title = xstrdup(L->folder);
		warn_at(inputs[0], 0, "no book.yaml: the book is titled '%s' after its folder "
		    "(give --title, or a book.yaml with a title)", b->title);
		return;
	}
	b->title = xstrdup(b->articles[0]->headline ? b->articles[0]->headline : "Untitled");
	if (L->empty_title)
		warn_at(L->empty_title, L->empty_title_line, "the title is empty; the book is "
		    "titled by its first article's headline, '%s'", b->title);
	else if (ninputs > 1)
		warn_at(b->articles[0]->source, 0, "the book is titled by its first article's "
		    "headline, '%s' (give --title)", b->title);
}

/* Read the web input IN (a URL or a feed file) through web.c into B: its
 * articles, their pictures fetched (W keeps the feed's title and image).
 * Return 0, or -1 with the error set. */
static int
load_web(struct book *b, const char *in, const struct options *opt, struct loader *L,
    struct web_out *W)
{
	size_t k;
	int ret = 0;

	W->oldest = b->feed_oldest;	/* book.yaml read so far */
	if (web_load(in, opt, W) != 0)
		return -1;
	for (k = 0; k < W->narticles; k++) {
		struct article *a = W->articles[k];

		W->articles[k] = NULL;
		add_article(b, a);
		/* the bytes are fetched: checked, measured and placed as a file's are */
		if (ret == 0 && resolve_images(a, ".", L) != 0)
			ret = -1;
	}
	W->narticles = 0;
	return ret;
}

/* Read one input: a URL or feed file (through web.c), a content
 * directory or an article file. Return 0, or -1 with the error set. */
static int
load_input(struct book *b, const char *in, const struct options *opt, struct loader *L,
    struct web_out *W)
{
	struct article *a;
	struct stat st;
	char *dir;
	int bad;

	if (fetch_is_other_url(in))
		return err_set(in, 0, "refused: only http:// and https:// URLs are read");
	if (fetch_is_url(in) || (web_is_input(in) && stat(in, &st) == 0 && !S_ISDIR(st.st_mode)))
		return load_web(b, in, opt, L, W);
	if (stat(in, &st) != 0)
		return err_set(in, 0, "%s", strerror(errno));
	if (S_ISDIR(st.st_mode))
		return load_dir(b, in, L);
	if (note_article(L, in, in, in, 0) != 0)
		return -1;
	if ((a = read_article(in)) == NULL)
		return -1;
	if (draft_left_out(a))
		return 0;
	add_article(b, a);
	dir = path_dir(in);
	bad = resolve_images(a, dir, L) || sidecar(a, dir, path_base(in), L->strict);
	free(dir);
	return bad ? -1 : 0;
}

/* What the web inputs W give a book that has no title or cover of its own:
 * the first feed's title and image. */
static void
take_web(struct book *b, struct web_out *W)
{
	if (b->title == NULL && W->feed_title) {
		b->title = W->feed_title;
		W->feed_title = NULL;
	}
	if (b->cover == NULL && W->cover) {
		b->cover_data = W->cover;
		b->cover_len = W->cover_len;
		b->cover_url = W->cover_url;
		W->cover = NULL;
		W->cover_url = NULL;
	}
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

	L.strict = opt->strict;
	if (ninputs == 0 && opt->urls == NULL) {
		inputs = fallback;
		ninputs = 1;
	}
	if (opt->urls && web_read_list(opt->urls, &urls, &nurls) != 0)
		goto fail;
	for (i = 0; i < ninputs + nurls; i++)
		if (load_input(b, i < ninputs ? inputs[i] : urls[i - ninputs], opt, &L, &W) != 0)
			goto fail;
	if (b->narticles == 0 && W.failed) {
		err_set(NULL, 0, "no article is left to make a book of: %s", W.failed == 1 ?
		    "the one page or feed item failed" : "every page and feed item failed");
		goto fail;
	}
	take_web(b, &W);
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
	if (b->narticles == 0) {
		err_set(ninputs ? inputs[0] : opt->urls, 0, "no articles left: every one is a draft "
		    "or not an article");
		goto fail;
	}
	for (i = 0; i < b->narticles; i++)
		resolve(b, b->articles[i], i);
	if (b->title == NULL)
		book_title(b, &L, inputs, ninputs);
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
		bad = image_probe(&im, b->basedir ? b->basedir : ".", yaml, 0, L.strict);
		free(yaml);
		if (bad < 0)
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
