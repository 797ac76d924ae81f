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
#include <strings.h>

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
	int		 standfirst_given;	/* front matter: a subtitle/standfirst key was read */
	int		 draft_line;	/* front matter: the line that made it a draft */
};

static int
node_line(const struct yctx *c, const yaml_node_t *n)
{
	return c->line0 + (int)n->start_mark.line;
}

/* The usual fix for libyaml's complaint P, as a line to print after it. */
static const char *
yaml_hint(const yaml_parser_t *p)
{
	const char *what = p->problem ? p->problem : "";
	const char *ctx = p->context ? p->context : "";

	if (strstr(what, "mapping values are not allowed"))
		return "a value that holds ': ' must be quoted: title: \"Brexit: the deal\"";
	if (strstr(what, "tab") || strstr(what, "cannot start any token"))
		return "YAML indents with spaces, never tabs; a value starting with @, ` or % "
		    "must be quoted";
	if (strstr(ctx, "quoted scalar") || strstr(what, "end of stream") ||
	    strstr(what, "quoted scalar"))
		return "a quote is not closed: end the value with the quote it opened with, "
		    "or write ' inside \"…\" (or '' inside '…')";
	if (strstr(what, "did not find expected key") || strstr(ctx, "block mapping"))
		return "every line is 'key: value' at the same indent; a value starting with "
		    "a quote must end with it, and a list item starts with '- '";
	if (strstr(what, "did not find expected"))
		return "check the line's brackets and quotes: [a, b] and \"…\" must close";
	return "write each line as 'key: value', and quote values that hold ': ' or start "
	    "with a quote, [, {, *, & or #";
}

/* Record libyaml's complaint as "FILE:LINE: message", with the usual fix
 * on a second line. Returns -1. */
static int
yaml_error(const char *file, int line0, const yaml_parser_t *p)
{
	const char *what = p->problem ? p->problem : "malformed YAML";
	int line = line0 + (int)p->problem_mark.line;

	if (p->error == YAML_MEMORY_ERROR)
		abort();
	if (p->context && p->context_mark.line != p->problem_mark.line)
		return err_set(file, line, "YAML: %s %s (from line %d)\n  hint: %s", what, p->context,
		    line0 + (int)p->context_mark.line, yaml_hint(p));
	if (p->context)
		return err_set(file, line, "YAML: %s %s\n  hint: %s", what, p->context, yaml_hint(p));
	return err_set(file, line, "YAML: %s\n  hint: %s", what, yaml_hint(p));
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
	int ret = -1, amb = 0;

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
	if (date_parse_lang(s, NULL, buf, &amb) == -1) {
		err_set(c->file, node_line(c, n), "'%s': cannot read '%s' as a date; write it as "
		    DATE_FORMS, key, s);
		goto out;
	}
	if (amb)
		warn_at(c->file, node_line(c, n), "'%s' could be read day first or month first; "
		    "read day first, as %s (write it as %s to say so)", s, buf, buf);
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

/* The front matter keys mkbook reads, as written after folding (lower
 * case, '-' as '_'), grouped by the field they set. */
static const char *const k_title[] = {"title", NULL};
static const char *const k_subtitle[] = {"subtitle", "standfirst", "dek", "deck", NULL};
static const char *const k_summary[] = {"description", "summary", "excerpt", "custom_excerpt",
	"lead", "teaser", "abstract", NULL};
static const char *const k_author[] = {"author", "authors", "byline", "creator", NULL};
static const char *const k_date[] = {"date", "publishdate", "publish_date", "pubdate",
	"published_at", "post_date", "date_published", NULL};
static const char *const k_modified[] = {"lastmod", "last_modified", "last_modified_at",
	"modified", "updated", "updated_at", "date_modified", NULL};
static const char *const k_image[] = {"image", "featured_image", "feature_image", "cover",
	"cover_image", "featureimage", "thumbnail", "banner", "hero", "header_image", "images",
	"og_image", NULL};
static const char *const k_alt[] = {"image_alt", "alt", "feature_image_alt", NULL};
static const char *const k_caption[] = {"caption", "feature_image_caption", "image_caption", NULL};
static const char *const k_url[] = {"source", "url", "canonical_url", "canonical", "link",
	"original_url", NULL};
static const char *const k_tags[] = {"tags", "keywords", NULL};
static const char *const k_cats[] = {"categories", "category", "series", NULL};
/* Keys of site generators that mean nothing to a book: ignored quietly. */
static const char *const k_quiet[] = {"layout", "slug", "permalink", "aliases", "weight", "type",
	"menu", "menus", "toc", "showtoc", "tocopen", "comments", "share", "sharing",
	"excerpt_separator", "id", "uuid", "visibility", "featured", "meta_title",
	"meta_description", "og_title", "og_description", "twitter_title", "twitter_description",
	"twitter_image", "audience", "template", "sitemap", "robots", "hidden", "math", "mathjax",
	"katex", "resources", "outputs", "expirydate", "expiry_date", "hidemeta", "redirect_from",
	"sidebar", "header", "author_profile", "read_time", "reading_time", "classes", "nav",
	"headless", "build", "cascade", "linktitle", "markup", "primary_tag", "primary_author",
	"email_subject", "section", "postid", "post_id", "guid", "paginate", "optimized_image",
	"disablenunjucks", "disable_comments", "comments_locked", "translationkey", "url_slug",
	"newsletter", "subtitle_html", "is_featured", "pinned", "related", "license", NULL};

/* Return 1 when KEY is one of LIST. */
static int
key_in(const char *key, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(key, *list) == 0)
			return 1;
	return 0;
}

/* Fold KEY into OUT (N bytes): ASCII lower case, '-' as '_'. */
static void
fold_key(const char *key, char *out, size_t n)
{
	size_t i;

	for (i = 0; key[i] && i + 1 < n; i++)
		out[i] = key[i] == '-' ? '_' : (char)((key[i] >= 'A' && key[i] <= 'Z') ? key[i] + 32 : key[i]);
	out[i] = '\0';
}

/* The edit distance of A and B (each under 64 bytes; longer: a large
 * number). */
static size_t
edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, row[64], prev, tmp;

	if (la >= 64 || lb >= 64)
		return 99;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			tmp = row[j];
			row[j] = a[i - 1] == b[j - 1] ? prev : 1 + (prev < row[j] ? (prev < row[j - 1] ? prev : row[j - 1]) :
			    (row[j] < row[j - 1] ? row[j] : row[j - 1]));
			prev = tmp;
		}
	}
	return row[lb];
}

/* The known key nearest KEY when KEY looks like a misspelling of it, or NULL. */
static const char *
near_key(const char *key)
{
	static const char *const *lists[] = {k_title, k_subtitle, k_summary, k_author, k_date,
		k_modified, k_image, k_alt, k_caption, k_url, k_tags, k_cats, NULL};
	static const char *const more[] = {"kicker", "role", "lang", "dir", "credit", "draft",
		"published", "params", "site", NULL};
	const char *best = NULL;
	size_t bd = 99, d, i, max = strlen(key) <= 4 ? 1 : 2;
	const char *const *l;

	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		for (l = lists[i] ? lists[i] : more; *l; l++)
			if ((d = edit_distance(key, *l)) < bd) {
				bd = d;
				best = *l;
			}
	return bd <= max ? best : NULL;
}

/* The lead image from V: a string, a list (its first string) or a mapping
 * of image/src/url, alt and caption (Hugo themes' "cover:"). Return 0, or
 * -1 with the error set. */
static int
get_image(struct yctx *c, struct article *a, const char *key, yaml_node_t *v)
{
	yaml_node_pair_t *pr;

	if (v->type == YAML_SEQUENCE_NODE) {
		yaml_node_item_t *it = v->data.sequence.items.start;

		if (it == v->data.sequence.items.top)
			return 0;
		v = yaml_document_get_node(&c->doc, *it);
		if (v == NULL)
			return 0;
	}
	if (v->type != YAML_MAPPING_NODE) {
		if (get_str(c, key, v, &article_image(a)->src) == -1)
			return -1;
		article_image(a)->line = node_line(c, v);
		return 0;
	}
	for (pr = v->data.mapping.pairs.start; pr < v->data.mapping.pairs.top; pr++) {
		yaml_node_t *k = yaml_document_get_node(&c->doc, pr->key);
		yaml_node_t *x = yaml_document_get_node(&c->doc, pr->value);
		char fk[32];

		if (k == NULL || x == NULL || k->type != YAML_SCALAR_NODE)
			continue;
		fold_key((const char *)k->data.scalar.value, fk, sizeof(fk));
		if (strcmp(fk, "image") == 0 || strcmp(fk, "src") == 0 || strcmp(fk, "url") == 0 ||
		    strcmp(fk, "feature") == 0 || strcmp(fk, "path") == 0) {
			if (get_str(c, key, x, &article_image(a)->src) == -1)
				return -1;
			article_image(a)->line = node_line(c, x);
		} else if (strcmp(fk, "alt") == 0) {
			if (get_str(c, key, x, &article_image(a)->alt) == -1)
				return -1;
		} else if (strcmp(fk, "caption") == 0) {
			if (get_str(c, key, x, &article_image(a)->caption) == -1)
				return -1;
		} else if (strcmp(fk, "credit") == 0) {
			if (get_str(c, key, x, &article_image(a)->credit) == -1)
				return -1;
		}
	}
	return 0;
}

/* Add the tags in V to A's (a list, or a string split at commas, or for
 * SPACES at spaces too: Jekyll's "categories: jekyll update"), each once. */
static int
add_tags(struct yctx *c, struct article *a, const char *key, yaml_node_t *v, int spaces)
{
	char **t = NULL;
	size_t n = 0, i, k;

	if (get_strv(c, key, v, 1, &t, &n) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		char *p = t[i], *q;

		do {
			q = spaces ? strchr(p, ' ') : NULL;
			if (q)
				*q = '\0';
			if (*p) {
				for (k = 0; k < a->ntags; k++)
					if (strcmp(a->tags[k], p) == 0)
						break;
				if (k == a->ntags)
					strv_push(&a->tags, &a->ntags, p);
			}
			p = q ? q + 1 : NULL;
		} while (p);
		free(t[i]);
	}
	free(t);
	return 0;
}

static int front_key(struct yctx *c, struct article *a, const char *key, yaml_node_t *kn,
    yaml_node_t *v, int *dir_set);

/* Hugo's "params:": its keys are read as the front matter's own. */
static int
front_params(struct yctx *c, struct article *a, yaml_node_t *v, int *dir_set)
{
	yaml_node_pair_t *pr;

	if (v->type != YAML_MAPPING_NODE)
		return 0;
	for (pr = v->data.mapping.pairs.start; pr < v->data.mapping.pairs.top; pr++) {
		yaml_node_t *k = yaml_document_get_node(&c->doc, pr->key);
		yaml_node_t *x = yaml_document_get_node(&c->doc, pr->value);
		char fk[64];

		if (k == NULL || x == NULL || k->type != YAML_SCALAR_NODE)
			continue;
		fold_key((const char *)k->data.scalar.value, fk, sizeof(fk));
		if (strcmp(fk, "params") == 0)
			continue;
		/* theme settings of any kind live here too: only known keys count */
		if (key_in(fk, k_title) || key_in(fk, k_subtitle) || key_in(fk, k_summary) ||
		    key_in(fk, k_author) || key_in(fk, k_image) || key_in(fk, k_alt) ||
		    key_in(fk, k_caption) || key_in(fk, k_tags) || key_in(fk, k_cats) ||
		    strcmp(fk, "kicker") == 0 || strcmp(fk, "role") == 0 || strcmp(fk, "credit") == 0)
			if (front_key(c, a, (const char *)k->data.scalar.value, k, x, dir_set) == -1)
				return -1;
	}
	return 0;
}

/* Apply one front matter KEY with value V to A. Keys are read case aside,
 * '-' and '_' alike, with the names Jekyll, Hugo, Ghost and Substack use.
 * Return 0 (also for unknown keys, which warn, naming a known key they
 * look like), or -1 with the error set. */
static int
front_key(struct yctx *c, struct article *a, const char *key, yaml_node_t *kn,
    yaml_node_t *v, int *dir_set)
{
	char *s = NULL, k[64];
	int ret = -1, on;

	fold_key(key, k, sizeof(k));
	if (key_in(k, k_title)) {
		if (get_str(c, key, v, &a->headline) == -1)
			goto out;
		a->line = node_line(c, v);
	} else if (key_in(k, k_subtitle)) {
		if (get_str(c, key, v, &a->standfirst) == -1)
			goto out;
		c->standfirst_given = 1;
	} else if (key_in(k, k_summary)) {
		if (get_str(c, key, v, &s) == -1)
			goto out;
		if (s && c->standfirst_given)
			warn_at(c->file, node_line(c, kn), "'%s' is not used: the standfirst is the "
			    "subtitle given", key);
		else if (s) {
			free(a->standfirst);
			a->standfirst = s;
			s = NULL;
		}
	} else if (strcmp(k, "kicker") == 0) {
		if (get_str(c, key, v, &a->kicker) == -1)
			goto out;
	} else if (key_in(k, k_author)) {
		if (get_strv(c, key, v, 0, &a->authors, &a->nauthors) == -1)
			goto out;
	} else if (strcmp(k, "role") == 0) {
		if (get_str(c, key, v, &a->role) == -1)
			goto out;
	} else if (key_in(k, k_date)) {
		if (get_date(c, key, v, &a->date, &a->date_text) == -1)
			goto out;
	} else if (key_in(k, k_modified)) {
		if (get_date(c, key, v, &a->date_modified, &a->date_modified_text) == -1)
			goto out;
	} else if (strcmp(k, "lang") == 0 || strcmp(k, "language") == 0) {
		if (get_lang(c, key, v, &a->lang) == -1)
			goto out;
		if (a->lang && !*dir_set)
			a->dir = lang_dir(a->lang);
	} else if (strcmp(k, "dir") == 0) {
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
	} else if (key_in(k, k_image)) {
		if (get_image(c, a, key, v) == -1)
			goto out;
	} else if (key_in(k, k_alt)) {
		if (get_str(c, key, v, &article_image(a)->alt) == -1)
			goto out;
	} else if (key_in(k, k_caption)) {
		if (get_str(c, key, v, &article_image(a)->caption) == -1)
			goto out;
	} else if (strcmp(k, "credit") == 0) {
		if (get_str(c, key, v, &article_image(a)->credit) == -1)
			goto out;
	} else if (key_in(k, k_url)) {
		if (get_str(c, key, v, &a->url) == -1)
			goto out;
	} else if (strcmp(key, "site") == 0 || strcmp(key, "publication") == 0) {
		if (get_str(c, key, v, &a->site) == -1)
			goto out;
	} else if (key_in(k, k_tags) || key_in(k, k_cats)) {
		if (add_tags(c, a, key, v, key_in(k, k_cats)) == -1)
			goto out;
	} else if (strcmp(k, "draft") == 0 || strcmp(k, "published") == 0) {
		if (get_bool(c, key, v, &on) == -1)
			goto out;
		a->draft = strcmp(k, "draft") == 0 ? on : !on;
		if (a->draft)
			c->draft_line = node_line(c, kn);
	} else if (strcmp(k, "status") == 0) {	/* Ghost: draft, published, scheduled */
		if (get_str(c, key, v, &s) == -1)
			goto out;
		if (s && strcasecmp(s, "draft") == 0) {
			a->draft = 1;
			c->draft_line = node_line(c, kn);
		}
	} else if (strcmp(k, "params") == 0) {
		if (front_params(c, a, v, dir_set) == -1)
			goto out;
	} else if (!key_in(k, k_quiet)) {
		const char *near = near_key(k);

		if (near)
			warn_at(c->file, node_line(c, kn), "unknown front matter key '%s': did you "
			    "mean '%s'? (ignored)", key, near);
		else
			warn_at(c->file, node_line(c, kn), "unknown front matter key '%s' (ignored)", key);
	}
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
	if (a->draft)
		article_why(a, "draft", "the front matter marks it a draft", c.draft_line);
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

/* Refuse an article name S (at node K) that would leave the content
 * directory. Return 0, or -1 naming its line. */
static int
check_name(struct yctx *c, yaml_node_t *k, const char *s)
{
	if (s[0] == '/' || strcmp(s, "..") == 0 || str_startswith(s, "../") ||
	    strstr(s, "/../") || str_endswith(s, "/.."))
		return err_set(c->file, node_line(c, k),
		    "'articles': '%s' is outside the content directory", s);
	return 0;
}

/* An item of "articles" given as a mapping (M): its "file", and the rest as
 * front matter keys into a fresh article *OV that overrides what the
 * article says. Return 0, or -1 with the error set. */
static int
get_entry(struct yctx *c, yaml_node_t *m, char **file, struct article **ov)
{
	yaml_node_pair_t *pr;
	int dir_set = 0;

	*ov = xcalloc(1, sizeof(**ov));
	for (pr = m->data.mapping.pairs.start; pr < m->data.mapping.pairs.top; pr++) {
		yaml_node_t *k = yaml_document_get_node(&c->doc, pr->key);
		yaml_node_t *v = yaml_document_get_node(&c->doc, pr->value);
		const char *key;

		if (k == NULL || v == NULL)
			continue;
		if (k->type != YAML_SCALAR_NODE)
			return err_set(c->file, node_line(c, k), "'articles' keys must be plain strings");
		key = (const char *)k->data.scalar.value;
		if (strcmp(key, "file") == 0) {
			if (get_str(c, "file", v, file) == -1)
				return -1;
			if (*file && check_name(c, v, *file) == -1)
				return -1;
		} else if (front_key(c, *ov, key, k, v, &dir_set) == -1)
			return -1;
	}
	if (*file == NULL)
		return err_set(c->file, node_line(c, m), "'articles': an entry given as a mapping "
		    "needs 'file: NAME'");
	(*ov)->line = 0;
	return 0;
}

/* The article list V (a sequence, checked) into O: each name that is not
 * empty, with its line, and for an entry written as a mapping ("- file:
 * a.txt" with front matter keys) the article those keys make. Return 0, or
 * -1 with the error set. */
static int
get_order(struct yctx *c, yaml_node_t *v, struct meta_order *o)
{
	yaml_node_item_t *it;
	size_t cap = 0;

	for (it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
		yaml_node_t *k = yaml_document_get_node(&c->doc, *it);
		struct article *ov = NULL;
		char *s = NULL;

		if (k == NULL)
			continue;
		if (k->type == YAML_MAPPING_NODE) {
			if (get_entry(c, k, &s, &ov) == -1) {
				free(s);
				article_free(ov);
				return -1;
			}
		} else if (get_str(c, "articles", k, &s) == -1 || (s && check_name(c, k, s) == -1)) {
			free(s);
			return -1;
		}
		if (s == NULL)
			continue;
		if (o->n + 1 >= cap) {
			cap = cap ? cap * 2 : 8;
			o->names = xrealloc(o->names, cap * sizeof(*o->names));
			o->lines = xrealloc(o->lines, cap * sizeof(*o->lines));
			o->over = xrealloc(o->over, cap * sizeof(*o->over));
		}
		o->names[o->n] = s;
		o->lines[o->n] = node_line(c, k);
		o->over[o->n] = ov;
		o->n++;
		o->names[o->n] = NULL;
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
	for (size_t i = 0; o->over && i < o->n; i++)
		article_free(o->over[i]);
	free(o->over);
	o->over = NULL;
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
	for (size_t i = 0; o.over && i < o.n; i++)
		article_free(o.over[i]);
	free(o.over);
	free(o.lines);
	return 0;
}
