/*
 * YAML metadata with libyaml: an article's front matter and book.yaml.
 *
 * The YAML is read twice: once as events, to refuse aliases (an alias bomb
 * expands exponentially for any consumer that walks it) and absurd nesting,
 * then as a document, whose nodes carry the line of every value for error
 * messages. Only two levels are ever looked at: a mapping of keys to
 * strings or lists of strings.
 */
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "model/date.h"
#include "model/lang.h"
#include "meta.h"
#include "reader.h"
#include "util.h"

struct yctx {
	const char	*file;
	int		 line0;		/* file line of the YAML's first line */
	yaml_document_t	 doc;
};

static int
node_line(const struct yctx *c, const yaml_node_t *n)
{
	return c->line0 + (int)n->start_mark.line;
}

/* Record libyaml's complaint as "FILE:LINE: message". Returns -1. */
static int
yaml_error(const char *file, int line0, const yaml_parser_t *p)
{
	const char *what = p->problem ? p->problem : "malformed YAML";
	int line = line0 + (int)p->problem_mark.line;

	if (p->error == YAML_MEMORY_ERROR)
		abort();
	if (p->context && p->context_mark.line != p->problem_mark.line)
		return err_set(file, line, "YAML: %s %s (from line %d)", what, p->context,
		    line0 + (int)p->context_mark.line);
	if (p->context)
		return err_set(file, line, "YAML: %s %s", what, p->context);
	return err_set(file, line, "YAML: %s", what);
}

/* Scan the events of TEXT: refuse aliases and deep nesting before anything
 * is built. Return 0, or -1 with the error set. */
static int
yaml_precheck(const char *file, int line0, const char *text, size_t len)
{
	yaml_parser_t p;
	yaml_event_t ev;
	int depth = 0, ret = -1;

	if (!yaml_parser_initialize(&p))
		abort();
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	for (;;) {
		if (!yaml_parser_parse(&p, &ev)) {
			yaml_error(file, line0, &p);
			goto out;
		}
		switch (ev.type) {
		case YAML_ALIAS_EVENT:
			err_set(file, line0 + (int)ev.start_mark.line,
			    "YAML aliases are not allowed (*%s)", (const char *)ev.data.alias.anchor);
			yaml_event_delete(&ev);
			goto out;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (++depth > MODEL_MAX_DEPTH) {
				err_set(file, line0 + (int)ev.start_mark.line,
				    "YAML nested more than %d levels deep", MODEL_MAX_DEPTH);
				yaml_event_delete(&ev);
				goto out;
			}
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			depth--;
			break;
		case YAML_STREAM_END_EVENT:
			yaml_event_delete(&ev);
			ret = 0;
			goto out;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
out:
	yaml_parser_delete(&p);
	return ret;
}

/* Load the first YAML document of TEXT into C->doc (the caller deletes it
 * with yaml_document_delete). Return 0, or -1 with the error set (and
 * nothing to delete). */
static int
yaml_open(struct yctx *c, const char *text, size_t len)
{
	yaml_parser_t p;
	int ret = -1;

	if (yaml_precheck(c->file, c->line0, text, len) == -1)
		return -1;
	if (!yaml_parser_initialize(&p))
		abort();
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	if (!yaml_parser_load(&p, &c->doc)) {
		yaml_error(c->file, c->line0, &p);
		goto out;
	}
	ret = 0;
out:
	yaml_parser_delete(&p);
	return ret;
}

/* The scalar N, white space collapsed, as a fresh string (NULL when empty
 * or null) in *OUT, after
 * freeing what *OUT held. Return 0, or -1 naming KEY when N is not a
 * string. */
static int
get_str(const struct yctx *c, const char *key, yaml_node_t *n, char **out)
{
	const char *v;
	size_t len;

	if (n->type != YAML_SCALAR_NODE)
		return err_set(c->file, node_line(c, n), "'%s' must be a string", key);
	v = (const char *)n->data.scalar.value;
	len = n->data.scalar.length;
	if (strlen(v) != len)
		return err_set(c->file, node_line(c, n), "'%s' contains a NUL character", key);
	if (utf8_check(c->file, v, len) == -1)
		return err_set(c->file, node_line(c, n), "'%s' is not valid UTF-8", key);
	free(*out);
	*out = NULL;
	if (n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	    (strcmp(v, "~") == 0 || strcmp(v, "null") == 0 || strcmp(v, "Null") == 0 ||
	    strcmp(v, "NULL") == 0))
		return 0;
	*out = str_squash(v);	/* one line: folded and block scalars too */
	if (**out == '\0') {
		free(*out);
		*out = NULL;
	}
	return 0;
}

/* A YAML boolean (true/false, yes/no, on/off) N into *OUT. Return 0, or -1
 * naming KEY when N is anything else. */
static int
get_bool(const struct yctx *c, const char *key, yaml_node_t *n, int *out)
{
	static const char *const yes[] = {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"};
	static const char *const no[] = {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"};
	size_t i;

	if (n->type == YAML_SCALAR_NODE && n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
		for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
			if (strcmp((const char *)n->data.scalar.value, yes[i]) == 0) {
				*out = 1;
				return 0;
			}
			if (strcmp((const char *)n->data.scalar.value, no[i]) == 0) {
				*out = 0;
				return 0;
			}
		}
	return err_set(c->file, node_line(c, n), "'%s' must be true or false", key);
}

static void
strv_clear(char ***v, size_t *n)
{
	size_t i;

	for (i = 0; i < *n; i++)
		free((*v)[i]);
	free(*v);
	*v = NULL;
	*n = 0;
}

/* A string or a list of strings into *V / *N (replacing what was there).
 * With SPLIT, a single string is split at commas ("tags: a, b").
 * Return 0, or -1 naming KEY when N is anything else. */
static int
get_strv(const struct yctx *c, const char *key, yaml_node_t *n, int split,
    char ***v, size_t *nv)
{
	yaml_node_item_t *it;
	char *s = NULL;

	if (n->type == YAML_SCALAR_NODE) {
		if (get_str(c, key, n, &s) == -1)
			return -1;
		strv_clear(v, nv);
		if (s && split) {
			char *p = s, *comma;

			do {
				char *t;

				if ((comma = strchr(p, ',')) != NULL)
					*comma = '\0';
				t = str_trim(p);
				if (*t)
					strv_push(v, nv, t);
				free(t);
				if (comma)
					p = comma + 1;
			} while (comma);
		} else if (s)
			strv_push(v, nv, s);
		free(s);
		return 0;
	}
	if (n->type != YAML_SEQUENCE_NODE)
		goto bad;
	for (it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
		yaml_node_t *k = yaml_document_get_node((yaml_document_t *)&c->doc, *it);

		if (k == NULL || k->type != YAML_SCALAR_NODE) {
			n = k ? k : n;
			goto bad;
		}
	}
	strv_clear(v, nv);
	for (it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
		yaml_node_t *k = yaml_document_get_node((yaml_document_t *)&c->doc, *it);

		if (get_str(c, key, k, &s) == -1)
			return -1;
		if (s)
			strv_push(v, nv, s);
		free(s);
		s = NULL;
	}
	return 0;
bad:
	return err_set(c->file, node_line(c, n), "'%s' must be a string or a list of strings", key);
}

/* A date value: *ISO gets "YYYY-MM-DD", *TEXT (when not NULL) the text as
 * written. Return 0, or -1 when it is not a string or not a date. */
static int
get_date(const struct yctx *c, const char *key, yaml_node_t *n, char **iso, char **text)
{
	char *s = NULL, buf[11];
	int ret = -1;

	if (get_str(c, key, n, &s) == -1)
		goto out;
	free(*iso);
	*iso = NULL;
	if (text) {
		free(*text);
		*text = NULL;
	}
	if (s == NULL) {
		ret = 0;
		goto out;
	}
	if (date_parse(s, buf) == -1) {
		err_set(c->file, node_line(c, n), "'%s': cannot read '%s' as a date; write it as "
		    DATE_FORMS, key, s);
		goto out;
	}
	*iso = xstrdup(buf);
	if (text) {
		*text = s;
		s = NULL;
	}
	ret = 0;
out:
	free(s);
	return ret;
}

/* A language tag, checked. Return 0, or -1 with the error set. */
static int
get_lang(const struct yctx *c, const char *key, yaml_node_t *n, char **out)
{
	if (get_str(c, key, n, out) == -1)
		return -1;
	if (*out && !lang_valid(*out))
		return err_set(c->file, node_line(c, n), "'%s': '%s' is not a language tag (BCP 47, e.g. \"en\", \"pt-BR\")",
		    key, *out);
	return 0;
}

static struct image *
article_image(struct article *a)
{
	if (a->image == NULL)
		a->image = xcalloc(1, sizeof(*a->image));
	return a->image;
}

/* Apply one front matter KEY with value V to A. Return 0 (also for unknown
 * keys, which warn), or -1 with the error set. */
static int
front_key(struct yctx *c, struct article *a, const char *key, yaml_node_t *kn,
    yaml_node_t *v, int *dir_set)
{
	char *s = NULL;
	int ret = -1;

	if (strcmp(key, "title") == 0) {
		if (get_str(c, key, v, &a->headline) == -1)
			goto out;
		a->line = node_line(c, v);
	} else if (strcmp(key, "subtitle") == 0 || strcmp(key, "standfirst") == 0) {
		if (get_str(c, key, v, &a->standfirst) == -1)
			goto out;
	} else if (strcmp(key, "kicker") == 0) {
		if (get_str(c, key, v, &a->kicker) == -1)
			goto out;
	} else if (strcmp(key, "author") == 0 || strcmp(key, "authors") == 0) {
		if (get_strv(c, key, v, 0, &a->authors, &a->nauthors) == -1)
			goto out;
	} else if (strcmp(key, "role") == 0) {
		if (get_str(c, key, v, &a->role) == -1)
			goto out;
	} else if (strcmp(key, "date") == 0) {
		if (get_date(c, key, v, &a->date, &a->date_text) == -1)
			goto out;
	} else if (strcmp(key, "lang") == 0) {
		if (get_lang(c, key, v, &a->lang) == -1)
			goto out;
		if (a->lang && !*dir_set)
			a->dir = lang_dir(a->lang);
	} else if (strcmp(key, "dir") == 0) {
		if (get_str(c, key, v, &s) == -1)
			goto out;
		if (s && strcmp(s, "ltr") == 0)
			a->dir = DIR_LTR;
		else if (s && strcmp(s, "rtl") == 0)
			a->dir = DIR_RTL;
		else {
			err_set(c->file, node_line(c, v), "'dir' must be \"ltr\" or \"rtl\"");
			goto out;
		}
		*dir_set = 1;
		a->dir_given = 1;
	} else if (strcmp(key, "image") == 0) {
		if (get_str(c, key, v, &article_image(a)->src) == -1)
			goto out;
		article_image(a)->line = node_line(c, v);
	} else if (strcmp(key, "image-alt") == 0 || strcmp(key, "alt") == 0) {
		if (get_str(c, key, v, &article_image(a)->alt) == -1)
			goto out;
	} else if (strcmp(key, "caption") == 0) {
		if (get_str(c, key, v, &article_image(a)->caption) == -1)
			goto out;
	} else if (strcmp(key, "credit") == 0) {
		if (get_str(c, key, v, &article_image(a)->credit) == -1)
			goto out;
	} else if (strcmp(key, "source") == 0 || strcmp(key, "url") == 0) {
		if (get_str(c, key, v, &a->url) == -1)
			goto out;
	} else if (strcmp(key, "site") == 0 || strcmp(key, "publication") == 0) {
		if (get_str(c, key, v, &a->site) == -1)
			goto out;
	} else if (strcmp(key, "tags") == 0 || strcmp(key, "keywords") == 0) {
		if (get_strv(c, key, v, 1, &a->tags, &a->ntags) == -1)
			goto out;
	} else
		warn_at(c->file, node_line(c, kn), "unknown front matter key '%s' (ignored)", key);
	ret = 0;
out:
	free(s);
	return ret;
}

/* Walk the root mapping of C->doc, calling FN for each key. Return 0, or -1
 * with the error set. */
static int
each_key(struct yctx *c, const char *what,
    int (*fn)(struct yctx *, void *, const char *, yaml_node_t *, yaml_node_t *, void *),
    void *obj, void *extra)
{
	yaml_node_t *root = yaml_document_get_root_node(&c->doc);
	yaml_node_pair_t *pr;

	if (root == NULL)
		return 0;	/* an empty document */
	if (root->type == YAML_SCALAR_NODE && root->data.scalar.length == 0)
		return 0;
	if (root->type != YAML_MAPPING_NODE)
		return err_set(c->file, node_line(c, root), "%s must be a mapping of keys to values", what);
	for (pr = root->data.mapping.pairs.start; pr < root->data.mapping.pairs.top; pr++) {
		yaml_node_t *k = yaml_document_get_node(&c->doc, pr->key);
		yaml_node_t *v = yaml_document_get_node(&c->doc, pr->value);

		if (k == NULL || v == NULL)
			continue;
		if (k->type != YAML_SCALAR_NODE ||
		    strlen((const char *)k->data.scalar.value) != k->data.scalar.length)
			return err_set(c->file, node_line(c, k), "%s keys must be plain strings", what);
		if (fn(c, obj, (const char *)k->data.scalar.value, k, v, extra) == -1)
			return -1;
	}
	return 0;
}

static int
front_cb(struct yctx *c, void *obj, const char *key, yaml_node_t *k, yaml_node_t *v, void *extra)
{
	return front_key(c, obj, key, k, v, extra);
}

int
meta_front_matter(struct article *a, const char *file, int line0,
    const char *yaml, size_t len)
{
	struct yctx c;
	int dir_set = 0, ret = -1;
	struct image *im;

	memset(&c, 0, sizeof(c));
	c.file = file;
	c.line0 = line0 > 0 ? line0 : 1;
	if (yaml_open(&c, yaml, len) == -1)
		return -1;
	if (each_key(&c, "front matter", front_cb, a, &dir_set) == -1)
		goto out;
	/* A caption given without a credit may carry one ("… Photograph: X"). */
	if ((im = a->image) != NULL && im->caption && im->credit == NULL) {
		size_t caplen;
		char *credit = txt_credit(im->caption, &caplen);

		if (credit) {
			char *cap = xstrndup(im->caption, caplen);

			im->credit = credit;
			free(im->caption);
			im->caption = str_trim(cap);
			free(cap);
			if (*im->caption == '\0') {
				free(im->caption);
				im->caption = NULL;
			}
		}
	}
	if (im && !im->src && !im->alt && !im->caption && !im->credit) {
		image_free(im);
		a->image = NULL;
	}
	ret = 0;
out:
	yaml_document_delete(&c.doc);
	return ret;
}

struct bookctx {
	struct meta_order	*o;
};

/* Refuse article names (the items of sequence V) that would leave the
 * content directory. Return 0, or -1 naming the item's line. */
static int
check_names(struct yctx *c, yaml_node_t *v)
{
	yaml_node_item_t *it;

	for (it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
		yaml_node_t *k = yaml_document_get_node(&c->doc, *it);
		const char *s;

		if (k == NULL || k->type != YAML_SCALAR_NODE)
			continue;	/* get_strv names it */
		s = (const char *)k->data.scalar.value;
		if (s[0] == '/' || strcmp(s, "..") == 0 || str_startswith(s, "../") ||
		    strstr(s, "/../") || str_endswith(s, "/.."))
			return err_set(c->file, node_line(c, k),
			    "'articles': '%s' is outside the content directory", s);
	}
	return 0;
}

/* The article list V (a sequence, checked) into O: each name that is not
 * empty, with its line. Return 0, or -1 with the error set. */
static int
get_order(struct yctx *c, yaml_node_t *v, struct meta_order *o)
{
	yaml_node_item_t *it;
	size_t n = 0;

	if (get_strv(c, "articles", v, 0, &o->names, &o->n) == -1)
		return -1;
	free(o->lines);
	o->lines = xcalloc(o->n + 1, sizeof(*o->lines));
	for (it = v->data.sequence.items.start; it < v->data.sequence.items.top && n < o->n; it++) {
		yaml_node_t *k = yaml_document_get_node(&c->doc, *it);
		char *s = NULL;

		if (get_str(c, "articles", k, &s) == -1)
			return -1;
		if (s)
			o->lines[n++] = node_line(c, k);
		free(s);
	}
	return 0;
}

static int
book_cb(struct yctx *c, void *obj, const char *key, yaml_node_t *k, yaml_node_t *v, void *extra)
{
	struct book *b = obj;
	struct bookctx *bc = extra;

	if (strcmp(key, "title") == 0) {
		if (get_str(c, key, v, &b->title) == -1)
			return -1;
		bc->o->empty_title = b->title ? 0 : node_line(c, v);
		return 0;
	}
	if (strcmp(key, "subtitle") == 0)
		return get_str(c, key, v, &b->subtitle);
	if (strcmp(key, "author") == 0 || strcmp(key, "authors") == 0)
		return get_strv(c, key, v, 0, &b->authors, &b->nauthors);
	if (strcmp(key, "publisher") == 0)
		return get_str(c, key, v, &b->publisher);
	if (strcmp(key, "lang") == 0 || strcmp(key, "language") == 0)
		return get_lang(c, key, v, &b->lang);
	if (strcmp(key, "identifier") == 0)
		return get_str(c, key, v, &b->identifier);
	if (strcmp(key, "date") == 0)
		return get_date(c, key, v, &b->date, NULL);
	if (strcmp(key, "description") == 0)
		return get_str(c, key, v, &b->description);
	if (strcmp(key, "cover") == 0)
		return get_str(c, key, v, &b->cover);
	if (strcmp(key, "theme") == 0) {
		bc->o->theme = node_line(c, v);
		return get_str(c, key, v, &b->theme);
	}
	if (strcmp(key, "tags") == 0 || strcmp(key, "keywords") == 0)
		return get_strv(c, key, v, 1, &b->tags, &b->ntags);
	if (strcmp(key, "smart-quotes") == 0) {
		int on = 1;

		if (get_bool(c, key, v, &on) == -1)
			return -1;
		b->plain_punct = !on;
		return 0;
	}
	if (strcmp(key, "feed-order") == 0) {	/* the order of a feed's items */
		char *s = NULL;

		if (get_str(c, key, v, &s) == -1)
			return -1;
		if (s && strcmp(s, "oldest-first") != 0 && strcmp(s, "newest-first") != 0) {
			free(s);
			return err_set(c->file, node_line(c, v), "feed-order must be newest-first "
			    "or oldest-first");
		}
		b->feed_oldest = s && strcmp(s, "oldest-first") == 0;
		free(s);
		return 0;
	}
	if (strcmp(key, "articles") == 0) {
		if (v->type != YAML_SEQUENCE_NODE)
			return err_set(c->file, node_line(c, v), "'articles' must be a list of file names");
		if (check_names(c, v) == -1)
			return -1;
		return get_order(c, v, bc->o);
	}
	warn_at(c->file, node_line(c, k), "unknown book.yaml key '%s' (ignored)", key);
	return 0;
}

int
meta_book_order(struct book *b, const char *path, struct meta_order *o)
{
	struct yctx c;
	struct bookctx bc = {o};
	char *text = NULL;
	size_t len;
	int ret = -1;

	memset(&c, 0, sizeof(c));
	memset(o, 0, sizeof(*o));
	c.file = path;
	c.line0 = 1;
	if (file_read(path, &text, &len) == -1)
		return -1;
	if (utf8_check(path, text, len) == -1)
		goto out;
	if (yaml_open(&c, text, len) == -1)
		goto out;
	ret = each_key(&c, "book.yaml", book_cb, b, &bc);
	yaml_document_delete(&c.doc);
out:
	if (ret != 0)
		meta_order_free(o);
	free(text);
	return ret;
}

void
meta_order_free(struct meta_order *o)
{
	strv_clear(&o->names, &o->n);
	free(o->lines);
	o->lines = NULL;
}

int
meta_book(struct book *b, const char *path, char ***order, size_t *norder)
{
	struct meta_order o;

	if (meta_book_order(b, path, &o) == -1)
		return -1;
	*order = o.names;
	*norder = o.n;
	free(o.lines);
	return 0;
}
