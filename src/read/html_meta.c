#define _GNU_SOURCE	/* strcasestr */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <json-c/json.h>

#include "html_meta.h"
#include "model/date.h"
#include "model/model.h"
#include "util.h"
#include "html_conv.h"

/* What one pass over the page collects, before choosing. */
struct scan {
	char	*title, *og_title, *tw_title, *ld_headline, *h1;
	int	 nh1;
	char	*ld_date, *ld_modified, *ld_lang, *ld_site, *ld_desc;
	char	**ld_authors, **meta_authors, **vis_authors;
	size_t	 nld_authors, nmeta_authors, nvis_authors;
	char	*meta_date, *meta_modified, *time_dt, *time_text, *item_date;
	char	*lang, *dir, *body_dir, *content_lang, *og_locale;
	char	*site, *canonical, *og_url, *base, *desc;
	char	*dek, *kicker, *desc_shown;
	int	 in_body;
};

/* 1 when S holds "PROP: VALUE" (CSS, spaces and case aside). */
static int
style_has(const char *s, const char *prop, const char *value)
{
	size_t pl = strlen(prop), vl = strlen(value);

	for (; s && *s; s++) {
		if (strncasecmp(s, prop, pl) != 0)
			continue;
		const char *p = s + pl;

		while (*p == ' ' || *p == '\t')
			p++;
		if (*p != ':')
			continue;
		p++;
		while (*p == ' ' || *p == '\t')
			p++;
		if (strncasecmp(p, value, vl) == 0)
			return 1;
	}
	return 0;
}

int
html_hidden(const GumboNode *n)
{
	const char *v;

	if (n->type != GUMBO_NODE_ELEMENT)
		return 0;
	if (html_attr(n, "hidden"))
		return 1;
	if ((v = html_attr(n, "aria-hidden")) && strcasecmp(v, "true") == 0)
		return 1;
	if ((v = html_attr(n, "style")) &&
	    (style_has(v, "display", "none") || style_has(v, "visibility", "hidden")))
		return 1;
	return 0;
}

/* Keep the first value: set *DST to a squashed copy of S when *DST is
 * NULL and S holds text. */
static void
first(char **dst, const char *s)
{
	char *t;

	if (*dst || s == NULL)
		return;
	t = str_squash(s);
	if (*t)
		*dst = t;
	else
		free(t);
}

/* Append the text of N to B (iteratively; script and style left out). */
static void
node_text(struct buf *b, const GumboNode *n)
{
	const GumboNode **stack = xmalloc(64 * sizeof(*stack));
	size_t sp = 0, cap = 64;

	stack[sp++] = n;
	while (sp) {
		const GumboNode *x = stack[--sp];

		if (x->type == GUMBO_NODE_TEXT || x->type == GUMBO_NODE_WHITESPACE ||
		    x->type == GUMBO_NODE_CDATA) {
			buf_puts(b, x->v.text.text);
			continue;
		}
		if (x->type != GUMBO_NODE_ELEMENT && x->type != GUMBO_NODE_TEMPLATE)
			continue;
		if (x->v.element.tag == GUMBO_TAG_SCRIPT || x->v.element.tag == GUMBO_TAG_STYLE ||
		    x->v.element.tag == GUMBO_TAG_NOSCRIPT)
			continue;
		if (x->v.element.tag == GUMBO_TAG_BR || x->v.element.tag == GUMBO_TAG_P)
			buf_putc(b, ' ');
		for (size_t i = x->v.element.children.length; i-- > 0;) {
			if (sp == cap)
				stack = xrealloc(stack, (cap *= 2) * sizeof(*stack));
			stack[sp++] = x->v.element.children.data[i];
		}
	}
	free(stack);
}

char *
html_node_text(const GumboNode *n)
{
	struct buf b = {0};
	char *s;

	node_text(&b, n);
	s = str_squash(buf_str(&b));
	buf_free(&b);
	return s;
}

/* Cut a job title off the end of name T ("Ben Silverman Games Editor"):
 * a last word that names a role, and the word before it when the name is
 * long enough to hold both. */
static void
role_cut(char *t)
{
	static const char *const roles[] = {"Editor", "Writer", "Reporter", "Correspondent",
		"Columnist", "Contributor", "Producer", "Critic", "Redakteur", "Redakteurin",
		"Autor", "Autorin", "Analyst", "Technologist", "Staff", NULL};
	char *last = strrchr(t, ' '), *prev;
	int words = 1;

	if (last == NULL)
		return;
	for (int i = 0; roles[i]; i++)
		if (strcmp(last + 1, roles[i]) == 0) {
			for (char *p = t; *p; p++)
				words += *p == ' ';
			*last = 0;
			if (words >= 4 && (prev = strrchr(t, ' ')) != NULL)
				*prev = 0;
			return;
		}
}

/* Strip "By " and the like from a byline; fresh string or NULL. */
static char *
clean_name(const char *s)
{
	static const char *const by[] = {"by ", "von ", "par ", "por ", "door ", "di ", "av ",
		"written by ", "text: ", "text ", "autor: ", "author: ", "von: ", "by: ", NULL};
	char *t = str_squash(s), *r;
	size_t n;
	int i, digits = 0, words = 1;

	for (i = 0; by[i]; i++)
		if (strncasecmp(t, by[i], strlen(by[i])) == 0) {
			memmove(t, t + strlen(by[i]), strlen(t + strlen(by[i])) + 1);
			i = -1;
		}
	n = strlen(t);
	while (n && strchr(" ,;:|-", t[n - 1]))
		t[--n] = 0;
	role_cut(t);
	n = strlen(t);
	for (i = 0; t[i]; i++) {
		digits += isdigit((unsigned char)t[i]) != 0;
		words += t[i] == ' ';
	}
	if (n == 0 || n > 80 || digits || words > 6 || strchr(t, '@') || strstr(t, "://")) {
		free(t);
		return NULL;
	}
	r = xstrdup(t);
	free(t);
	return r;
}

/* Add the names in S ("A, B and C") to *V unless already there. */
static void
add_names(char ***v, size_t *n, const char *s)
{
	char *t = str_squash(s), *p = t;

	while (p && *p) {
		char *cut = NULL, *q;
		static const char *const seps[] = {", ", " and ", " & ", " und ", " et ", " y ",
			" / ", "; ", " e ", NULL};
		size_t seplen = 0;

		for (int i = 0; seps[i]; i++)
			if ((q = strstr(p, seps[i])) != NULL && (cut == NULL || q < cut)) {
				cut = q;
				seplen = strlen(seps[i]);
			}
		if (cut)
			*cut = 0;
		char *name = clean_name(p);

		if (name) {
			size_t k;

			for (k = 0; k < *n; k++)
				if (strcasecmp((*v)[k], name) == 0)
					break;
			if (k == *n)
				strv_push(v, n, name);
			free(name);
		}
		p = cut ? cut + seplen : NULL;
	}
	free(t);
}

static int
type_is_article(json_object *o)
{
	json_object *t;
	static const char *const types[] = {"Article", "NewsArticle", "BlogPosting", "Report",
		"ScholarlyArticle", "TechArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
		"ReportageNewsArticle", "ReviewNewsArticle", "LiveBlogPosting", "SocialMediaPosting",
		"WebPage", "Recipe", "Review", "MedicalWebPage", NULL};

	if (!json_object_object_get_ex(o, "@type", &t))
		return 0;
	for (size_t k = 0; k < (json_object_is_type(t, json_type_array) ?
	    json_object_array_length(t) : 1); k++) {
		json_object *e = json_object_is_type(t, json_type_array) ?
		    json_object_array_get_idx(t, k) : t;
		const char *s = json_object_get_string(e);

		for (int i = 0; s && types[i]; i++)
			if (strcmp(s, types[i]) == 0)
				return strcmp(s, "WebPage") == 0 ? 1 : 2;
	}
	return 0;
}

static const char *
jstr(json_object *o, const char *key)
{
	json_object *v;

	if (!json_object_object_get_ex(o, key, &v))
		return NULL;
	if (json_object_is_type(v, json_type_string))
		return json_object_get_string(v);
	if (json_object_is_type(v, json_type_object) && json_object_object_get_ex(v, "name", &v) &&
	    json_object_is_type(v, json_type_string))
		return json_object_get_string(v);
	return NULL;
}

static void
ld_authors(struct scan *s, json_object *o)
{
	json_object *a;

	if (!json_object_object_get_ex(o, "author", &a) &&
	    !json_object_object_get_ex(o, "creator", &a))
		return;
	if (json_object_is_type(a, json_type_array)) {
		for (size_t i = 0; i < json_object_array_length(a); i++) {
			json_object *e = json_object_array_get_idx(a, i), *nm;

			if (json_object_is_type(e, json_type_string))
				add_names(&s->ld_authors, &s->nld_authors, json_object_get_string(e));
			else if (json_object_is_type(e, json_type_object) &&
			    json_object_object_get_ex(e, "name", &nm) &&
			    json_object_is_type(nm, json_type_string))
				add_names(&s->ld_authors, &s->nld_authors, json_object_get_string(nm));
		}
	} else {
		const char *n = json_object_is_type(a, json_type_string) ?
		    json_object_get_string(a) : jstr(o, "author");

		if (n)
			add_names(&s->ld_authors, &s->nld_authors, n);
	}
}

/* Take an article's fields from JSON-LD object O (and its @graph). */
static void
ld_object(struct scan *s, json_object *o, int depth)
{
	json_object *g, *p;
	int kind;

	if (depth > 4)
		return;
	if (json_object_is_type(o, json_type_array)) {
		for (size_t i = 0; i < json_object_array_length(o); i++)
			ld_object(s, json_object_array_get_idx(o, i), depth + 1);
		return;
	}
	if (!json_object_is_type(o, json_type_object))
		return;
	if (json_object_object_get_ex(o, "@graph", &g))
		ld_object(s, g, depth + 1);
	if ((kind = type_is_article(o)) == 0)
		return;
	if (kind == 2 || s->ld_headline == NULL) {
		const char *h = jstr(o, "headline");

		first(&s->ld_headline, h ? h : kind == 2 ? jstr(o, "name") : NULL);
	}
	if (kind == 2 || s->nld_authors == 0)
		ld_authors(s, o);
	first(&s->ld_date, jstr(o, "datePublished"));
	first(&s->ld_modified, jstr(o, "dateModified"));
	first(&s->ld_lang, jstr(o, "inLanguage"));
	first(&s->ld_desc, jstr(o, "description"));
	if (json_object_object_get_ex(o, "publisher", &p) && json_object_is_type(p, json_type_object))
		first(&s->ld_site, jstr(o, "publisher"));
}

static void
ld_script(struct scan *s, const GumboNode *n)
{
	struct buf b = {0};
	json_object *o;

	for (size_t i = 0; i < n->v.element.children.length; i++) {
		const GumboNode *t = n->v.element.children.data[i];

		if (t->type == GUMBO_NODE_TEXT || t->type == GUMBO_NODE_CDATA ||
		    t->type == GUMBO_NODE_WHITESPACE)
			buf_puts(&b, t->v.text.text);
	}
	/* from the first { or [ to the last } or ]: a CDATA wrapper or a
	 * comment around the JSON is left aside */
	if (b.len) {
		char *t = b.data, *start, *end = NULL, *cdata;

		if ((cdata = strstr(t, "<![CDATA[")) != NULL)
			t = cdata + 9;
		if ((cdata = strstr(t, "]]>")) != NULL)
			*cdata = 0;
		start = strpbrk(t, "{[");

		for (char *p = t; *p; p++)
			if (*p == '}' || *p == ']')
				end = p;
		if (start && end && end > start) {
			end[1] = 0;
			if ((o = json_tokener_parse(start)) != NULL) {
				ld_object(s, o, 0);
				json_object_put(o);
			}
		}
	}
	buf_free(&b);
}

/* One <meta> key K (not NULL) with content V (not NULL). */
static void
meta_key(struct scan *s, const char *k, const char *v)
{
	if (strcasecmp(k, "og:title") == 0 || strcasecmp(k, "dc:title") == 0)
		first(&s->og_title, v);
	else if (strcasecmp(k, "twitter:title") == 0)
		first(&s->tw_title, v);
	else if (strcasecmp(k, "og:site_name") == 0)
		first(&s->site, v);
	else if (strcasecmp(k, "og:url") == 0)
		first(&s->og_url, v);
	else if (strcasecmp(k, "og:locale") == 0)
		first(&s->og_locale, v);
	else if (strcasecmp(k, "og:description") == 0 || strcasecmp(k, "description") == 0)
		first(&s->desc, v);
	else if (strcasecmp(k, "language") == 0 || strcasecmp(k, "dc.language") == 0)
		first(&s->content_lang, v);
	else if (strcasecmp(k, "author") == 0 || strcasecmp(k, "article:author") == 0 ||
	    strcasecmp(k, "dc.creator") == 0 || strcasecmp(k, "dc:creator") == 0 || strcasecmp(k, "parsely-author") == 0 ||
	    strcasecmp(k, "sailthru.author") == 0 || strcasecmp(k, "byl") == 0 ||
	    strcasecmp(k, "dcterms.creator") == 0) {
		if (s->nmeta_authors == 0)	/* the first that names someone */
			add_names(&s->meta_authors, &s->nmeta_authors, v);
	}
	else if (strcasecmp(k, "article:published_time") == 0 ||
	    strcasecmp(k, "og:published_time") == 0 || strcasecmp(k, "datePublished") == 0 ||
	    strcasecmp(k, "date") == 0 || strcasecmp(k, "pubdate") == 0 ||
	    strcasecmp(k, "publishdate") == 0 || strcasecmp(k, "dc.date") == 0 ||
	    strcasecmp(k, "dc.date.issued") == 0 || strcasecmp(k, "dcterms.date") == 0 ||
	    strcasecmp(k, "dcterms.created") == 0 || strcasecmp(k, "sailthru.date") == 0 ||
	    strcasecmp(k, "parsely-pub-date") == 0 || strcasecmp(k, "publish-date") == 0 ||
	    strcasecmp(k, "article.published") == 0 || strcasecmp(k, "date_published") == 0)
		first(&s->meta_date, v);
	else if (strcasecmp(k, "article:modified_time") == 0 ||
	    strcasecmp(k, "og:updated_time") == 0 || strcasecmp(k, "dateModified") == 0 ||
	    strcasecmp(k, "last-modified") == 0)
		first(&s->meta_modified, v);
}

/* A <meta>: its property (RDFa allows several, space-separated), name or
 * itemprop, and its content. */
static void
meta_tag(struct scan *s, const GumboNode *n)
{
	const char *k = html_attr(n, "property"), *v = html_attr(n, "content");

	if (k == NULL)
		k = html_attr(n, "name");
	if (k == NULL)
		k = html_attr(n, "itemprop");
	if (k == NULL) {
		const char *e = html_attr(n, "http-equiv");

		if (e && v && strcasecmp(e, "content-language") == 0)
			first(&s->content_lang, v);
		return;
	}
	if (v == NULL)
		return;
	if (strpbrk(k, " \t\n")) {
		char *t = xstrdup(k), *save = NULL;

		for (char *w = strtok_r(t, " \t\n", &save); w; w = strtok_r(NULL, " \t\n", &save))
			meta_key(s, w, v);
		free(t);
	} else
		meta_key(s, k, v);
}

/* A byline element: rel=author, itemprop=author, class "byline"/"author". */
static void
byline_el(struct scan *s, const GumboNode *n)
{
	const char *rel = html_attr(n, "rel"), *ip = html_attr(n, "itemprop"), *c = html_attr(n, "class");
	char *t;

	if (!((rel && strcasecmp(rel, "author") == 0) || (ip && strstr(ip, "author")) ||
	    (c && (strstr(c, "byline") || strstr(c, "author")) && !strstr(c, "bio") &&
	    !strstr(c, "box"))))
		return;
	if (html_hidden(n))
		return;
	t = html_node_text(n);
	if (strlen(t) < 120) {
		if (ip && strstr(ip, "author")) {
			/* itemprop=author holds name as a child or as its text */
			add_names(&s->vis_authors, &s->nvis_authors, t);
		} else if (s->nvis_authors == 0)
			add_names(&s->vis_authors, &s->nvis_authors, t);
	}
	free(t);
}

/* 1 when class or id of N holds one of WORDS. */
static int
named(const GumboNode *n, const char *const *words)
{
	const char *c = html_attr(n, "class"), *id = html_attr(n, "id");

	for (; *words; words++)
		if ((c && strcasestr(c, *words)) || (id && strcasestr(id, *words)))
			return 1;
	return 0;
}

/* The standfirst (a dek shown under the headline, or the description
 * when the page shows it) and the kicker (a section label above it). */
static void
header_el(struct scan *s, const GumboNode *n)
{
	static const char *const deks[] = {"standfirst", "dek", "subtitle", "subheadline",
		"sub-headline", "summary", "article-lead", "intro", "teaser-text", NULL};
	static const char *const kickers[] = {"kicker", "eyebrow", "overline", "dachzeile",
		"topline", "rubric", NULL};
	GumboTag t = n->v.element.tag;
	char *text;
	size_t len;

	if (t != GUMBO_TAG_P && t != GUMBO_TAG_DIV && t != GUMBO_TAG_H2 && t != GUMBO_TAG_SPAN &&
	    t != GUMBO_TAG_SECTION && t != GUMBO_TAG_H3)
		return;
	if (html_hidden(n))
		return;
	text = html_node_text(n);
	len = strlen(text);
	if (s->desc && s->desc_shown == NULL && len >= 30 && html_same_text(text, s->desc))
		s->desc_shown = xstrdup(text);
	else if (s->dek == NULL && s->h1 && len >= 30 && len < 600 && named(n, deks))
		s->dek = xstrdup(text);
	else if (s->kicker == NULL && s->h1 == NULL && len > 0 && len < 60 && named(n, kickers))
		s->kicker = xstrdup(text);
	free(text);
}

/* Visit one element of the page. */
static void
scan_el(struct scan *s, const GumboNode *n)
{
	GumboTag tag = n->v.element.tag;
	const char *v;

	switch (tag) {
	case GUMBO_TAG_HTML:
		first(&s->lang, html_attr(n, "lang"));
		first(&s->lang, html_attr(n, "xml:lang"));
		first(&s->dir, html_attr(n, "dir"));
		break;
	case GUMBO_TAG_BODY:
		first(&s->body_dir, html_attr(n, "dir"));
		s->in_body = 1;
		break;
	case GUMBO_TAG_TITLE:
		if (s->title == NULL) {
			char *t = html_node_text(n);

			first(&s->title, t);
			free(t);
		}
		break;
	case GUMBO_TAG_META:
		meta_tag(s, n);
		break;
	case GUMBO_TAG_LINK:
		if ((v = html_attr(n, "rel")) && strcasecmp(v, "canonical") == 0)
			first(&s->canonical, html_attr(n, "href"));
		break;
	case GUMBO_TAG_BASE:
		first(&s->base, html_attr(n, "href"));
		break;
	case GUMBO_TAG_SCRIPT:
		if ((v = html_attr(n, "type")) && strcasecmp(v, "application/ld+json") == 0)
			ld_script(s, n);
		break;
	case GUMBO_TAG_H1:
		if (!html_hidden(n)) {
			char *t = html_node_text(n);

			if (*t && s->nh1++ == 0)
				s->h1 = t;
			else
				free(t);
		}
		break;
	case GUMBO_TAG_TIME:
		if (s->time_dt == NULL && (v = html_attr(n, "datetime")) != NULL) {
			first(&s->time_dt, v);
			if (s->time_dt) {
				char *t = html_node_text(n);

				first(&s->time_text, t);
				free(t);
			}
		}
		break;
	default:
		break;
	}
	if ((v = html_attr(n, "itemprop")) && strcasecmp(v, "datePublished") == 0) {
		const char *d = html_attr(n, "content") ? html_attr(n, "content") : html_attr(n, "datetime");

		first(&s->item_date, d);
	}
	if (s->in_body) {
		byline_el(s, n);
		header_el(s, n);
	}
}

static void
scan_page(struct scan *s, const GumboNode *doc)
{
	const GumboNode **stack = xmalloc(64 * sizeof(*stack));
	size_t sp = 0, cap = 64;

	stack[sp++] = doc;
	while (sp) {
		const GumboNode *x = stack[--sp];
		const GumboVector *kids;

		if (x->type == GUMBO_NODE_ELEMENT)
			scan_el(s, x);
		else if (x->type != GUMBO_NODE_DOCUMENT && x->type != GUMBO_NODE_TEMPLATE)
			continue;
		kids = x->type == GUMBO_NODE_DOCUMENT ? &x->v.document.children : &x->v.element.children;
		for (size_t i = kids->length; i-- > 0;) {
			if (sp == cap)
				stack = xrealloc(stack, (cap *= 2) * sizeof(*stack));
			stack[sp++] = kids->data[i];
		}
	}
	free(stack);
}

int
html_same_text(const char *a, const char *b)
{
	while (*a || *b) {
		while (*a && !isalnum((unsigned char)*a) && !((unsigned char)*a & 0x80))
			a++;
		while (*b && !isalnum((unsigned char)*b) && !((unsigned char)*b & 0x80))
			b++;
		if (!*a || !*b)
			return !*a && !*b;
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return 0;
		a++, b++;
	}
	return 1;
}

static int
words_in(const char *s)
{
	int n = 0, in = 0;

	for (; *s; s++) {
		if (isspace((unsigned char)*s))
			in = 0;
		else if (!in)
			in = 1, n++;
	}
	return n;
}

char *
html_title_cut(const char *title, const char *site)
{
	static const char *const seps[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
		" :: ", " \xC2\xBB ", " \xC2\xAB ", " \xC2\xB7 ", " / ", " \xE2\x80\xA2 ", NULL};
	const char *firstsep = NULL, *lastsep = NULL;
	size_t firstlen = 0, lastlen = 0;
	char *head, *tail;

	for (int i = 0; seps[i]; i++) {
		size_t l = strlen(seps[i]);

		for (const char *p = title; (p = strstr(p, seps[i])) != NULL; p += l) {
			if (firstsep == NULL || p < firstsep)
				firstsep = p, firstlen = l;
			if (lastsep == NULL || p > lastsep)
				lastsep = p, lastlen = l;
		}
	}
	if (lastsep == NULL)
		return xstrdup(title);
	head = xstrndup(title, (size_t)(lastsep - title));
	tail = xstrdup(lastsep + lastlen);
	if (site && html_same_text(head, site)) {
		free(head);
		return tail;
	}
	if (words_in(head) >= 3 || (site && html_same_text(tail, site))) {
		free(tail);
		return head;
	}
	free(head);
	free(tail);
	if (words_in(firstsep + firstlen) >= 3)
		return xstrdup(firstsep + firstlen);
	return xstrdup(title);
}

/* The headline: the visible h1 when the declared titles agree with it,
 * else the declared headline, else the title without its site name. */
static char *
pick_headline(struct scan *s)
{
	const char *declared[] = {s->ld_headline, s->og_title, s->tw_title, s->title};
	const char *site = s->site ? s->site : s->ld_site;
	size_t i;

	if (s->h1 && strlen(s->h1) < 300) {
		for (i = 0; i < 4; i++) {
			char *cut;
			int ok;

			if (declared[i] == NULL)
				continue;
			cut = html_title_cut(declared[i], site);
			ok = html_same_text(cut, s->h1) || html_same_text(declared[i], s->h1) ||
			    (strlen(s->h1) > 15 && strstr(declared[i], s->h1)) ||
			    (strncasecmp(declared[i], s->h1, strlen(s->h1)) == 0 &&
			    strlen(declared[i]) < 2 * strlen(s->h1) + 4);
			free(cut);
			if (ok)
				return xstrdup(s->h1);
		}
	}
	for (i = 0; i < 4; i++)
		if (declared[i])
			return html_title_cut(declared[i], site);
	return s->h1 ? xstrdup(s->h1) : NULL;
}

/* A date value to YYYY-MM-DD, or NULL. */
static char *
iso_date(const char *v)
{
	char iso[11];

	if (v == NULL)
		return NULL;
	while (isspace((unsigned char)*v))
		v++;
	if (isdigit((unsigned char)v[0]) && isdigit((unsigned char)v[1]) &&
	    isdigit((unsigned char)v[2]) && isdigit((unsigned char)v[3]) && v[4] == '-' &&
	    isdigit((unsigned char)v[5]) && isdigit((unsigned char)v[6]) && v[7] == '-' &&
	    isdigit((unsigned char)v[8]) && isdigit((unsigned char)v[9]))
		return xstrndup(v, 10);
	if (date_parse(v, iso) == 0)
		return xstrdup(iso);
	return NULL;
}

static char *
abs_url(const char *u)
{
	if (u && (strncasecmp(u, "http://", 7) == 0 || strncasecmp(u, "https://", 8) == 0))
		return str_trim(u);
	return NULL;
}

static void
scan_free(struct scan *s)
{
	char **strs[] = {&s->title, &s->og_title, &s->tw_title, &s->ld_headline, &s->h1,
		&s->ld_date, &s->ld_modified, &s->ld_lang, &s->ld_site, &s->ld_desc, &s->meta_date,
		&s->meta_modified, &s->time_dt, &s->time_text, &s->item_date, &s->lang, &s->dir,
		&s->body_dir, &s->content_lang, &s->og_locale, &s->site, &s->canonical, &s->og_url,
		&s->base, &s->desc, &s->dek, &s->kicker, &s->desc_shown};
	char ***vs[] = {&s->ld_authors, &s->meta_authors, &s->vis_authors};
	size_t *ns[] = {&s->nld_authors, &s->nmeta_authors, &s->nvis_authors};

	for (size_t i = 0; i < sizeof(strs) / sizeof(strs[0]); i++)
		free(*strs[i]);
	for (size_t i = 0; i < 3; i++) {
		for (size_t k = 0; k < *ns[i]; k++)
			free((*vs[i])[k]);
		free(*vs[i]);
	}
}

static void
take_authors(struct html_meta *m, char ***v, size_t *n)
{
	m->authors = *v;
	m->nauthors = *n;
	*v = NULL;
	*n = 0;
}

void
html_meta_read(struct html_meta *m, const GumboNode *doc)
{
	struct scan s = {0};
	const char *lang;

	memset(m, 0, sizeof(*m));
	scan_page(&s, doc);
	m->headline = pick_headline(&s);
	if (s.nld_authors)
		take_authors(m, &s.ld_authors, &s.nld_authors);
	else if (s.nmeta_authors)
		take_authors(m, &s.meta_authors, &s.nmeta_authors);
	else if (s.nvis_authors)
		take_authors(m, &s.vis_authors, &s.nvis_authors);
	m->date = iso_date(s.ld_date);
	if (m->date == NULL)
		m->date = iso_date(s.meta_date);
	if (m->date == NULL)
		m->date = iso_date(s.item_date);
	if (m->date == NULL && (m->date = iso_date(s.time_dt)) != NULL)
		m->date_text = xstrdup(s.time_text);
	m->date_modified = iso_date(s.ld_modified ? s.ld_modified : s.meta_modified);
	lang = s.lang ? s.lang : s.content_lang ? s.content_lang : s.og_locale ? s.og_locale :
	    s.ld_lang;
	if (lang) {
		char *l = str_trim(lang);

		for (char *p = l; *p; p++)
			if (*p == '_')
				*p = '-';
		if (strchr(l, ','))
			*strchr(l, ',') = 0;
		if (*l)
			m->lang = l;
		else
			free(l);
	}
	/* the body's direction is nearer the article than the root's */
	if (s.body_dir && (strcasecmp(s.body_dir, "rtl") == 0 || strcasecmp(s.body_dir, "ltr") == 0))
		m->dir = xstrdup(s.body_dir);
	else if (s.dir && (strcasecmp(s.dir, "rtl") == 0 || strcasecmp(s.dir, "ltr") == 0))
		m->dir = xstrdup(s.dir);
	m->site = xstrdup(s.site ? s.site : s.ld_site);
	m->url = abs_url(s.canonical);
	if (m->url == NULL)
		m->url = abs_url(s.og_url);
	m->base = abs_url(s.base);
	m->description = xstrdup(s.desc ? s.desc : s.ld_desc);
	m->standfirst = xstrdup(s.desc_shown ? s.desc_shown : s.dek);
	m->kicker = xstrdup(s.kicker);
	scan_free(&s);
}

void
html_meta_free(struct html_meta *m)
{
	char *strs[] = {m->headline, m->standfirst, m->kicker, m->date, m->date_text,
		m->date_modified, m->lang, m->dir, m->site, m->url, m->base, m->description};

	for (size_t i = 0; i < sizeof(strs) / sizeof(strs[0]); i++)
		free(strs[i]);
	for (size_t i = 0; i < m->nauthors; i++)
		free(m->authors[i]);
	free(m->authors);
	memset(m, 0, sizeof(*m));
}
