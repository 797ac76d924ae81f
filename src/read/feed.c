#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>

#include "feed.h"
#include "model/date.h"
#include "model/model.h"
#include "util.h"

#define NS_ATOM    "http://www.w3.org/2005/Atom"
#define NS_CONTENT "http://purl.org/rss/1.0/modules/content/"
#define NS_DC      "http://purl.org/dc/elements/1.1/"

int
feed_sniff(const char *data, size_t len)
{
	size_t i = 0;

	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	for (;;) {
		while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
			i++;
		if (i + 4 < len && data[i] == '<' && (data[i + 1] == '?' || data[i + 1] == '!')) {
			const char *end = memchr(data + i, '>', len - i);

			if (end == NULL)
				return 0;
			i = (size_t)(end - data) + 1;	/* a prolog, comment or doctype */
			continue;
		}
		break;
	}
	if (i >= len || data[i] != '<')
		return 0;
	i++;
	for (size_t k = i; k < len && k < i + 40 && data[k] != '>' && data[k] != ' '; k++)
		if (data[k] == ':')
			i = k + 1;	/* a prefixed root: <atom:feed> */
	return (len - i >= 4 && memcmp(data + i, "rss", 3) == 0 &&
	    strchr(" \t\r\n>", data[i + 3])) ||
	    (len - i >= 5 && memcmp(data + i, "feed", 4) == 0 && strchr(" \t\r\n>", data[i + 4]));
}

/* 1 when N is element NAME in namespace NS (NULL: no namespace). */
static int
is_el(const xmlNode *n, const char *ns, const char *name)
{
	if (n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, name) != 0)
		return 0;
	if (ns == NULL)
		return n->ns == NULL || n->ns->href == NULL || n->ns->href[0] == '\0';
	return n->ns && n->ns->href && strcmp((const char *)n->ns->href, ns) == 0;
}

/* N's text, trimmed; NULL when empty. Fresh. */
static char *
text_of(const xmlNode *n)
{
	xmlChar *t = xmlNodeGetContent(n);
	char *s = t ? str_squash((const char *)t) : NULL;

	xmlFree(t);
	if (s && *s == '\0') {
		free(s);
		s = NULL;
	}
	return s;
}

/* N's text exactly (for HTML carried as text); NULL when blank. Fresh. */
static char *
raw_of(const xmlNode *n)
{
	xmlChar *t = xmlNodeGetContent(n);
	char *s = NULL;

	if (t && strspn((const char *)t, " \t\r\n") < strlen((const char *)t))
		s = xstrdup((const char *)t);
	xmlFree(t);
	return s;
}

/* Plain TEXT as HTML paragraphs (blank lines part them). Fresh. */
static char *
text_html(const char *text)
{
	struct buf b = {0};
	const char *p = text;

	while (*p) {
		const char *end = strstr(p, "\n\n");
		size_t n = end ? (size_t)(end - p) : strlen(p);

		BUF_PUTSL(&b, "<p>");
		buf_xmln(&b, p, n);
		BUF_PUTSL(&b, "</p>\n");
		p += n;
		while (*p == '\n')
			p++;
	}
	return buf_detach(&b);
}

/* An Atom text construct (content, summary, title) as HTML. Fresh or NULL. */
static char *
atom_html(xmlDoc *doc, const xmlNode *n)
{
	xmlChar *type = xmlGetProp(n, (const xmlChar *)"type");
	char *s = NULL, *t;

	if (type && strcmp((const char *)type, "xhtml") == 0) {
		xmlBuffer *xb = xmlBufferCreate();

		for (xmlNode *k = n->children; k; k = k->next)
			xmlNodeDump(xb, doc, k, 0, 0);
		if (xmlBufferLength(xb))
			s = xstrdup((const char *)xmlBufferContent(xb));
		xmlBufferFree(xb);
	} else if (type && (strcmp((const char *)type, "html") == 0 ||
	    strcmp((const char *)type, "text/html") == 0))
		s = raw_of(n);
	else if ((t = raw_of(n)) != NULL) {	/* text, the default */
		s = text_html(t);
		free(t);
	}
	xmlFree(type);
	return s;
}

/* Resolve REF against BASE (the feed's URL or xml:base). Fresh or NULL. */
static char *
resolve(const xmlNode *n, const char *base, const char *ref)
{
	xmlChar *xb = xmlNodeGetBase(n->doc, n), *u;
	char *s;

	u = xmlBuildURI((const xmlChar *)ref, xb ? xb : (const xmlChar *)base);
	xmlFree(xb);
	s = xstrdup(u ? (const char *)u : ref);
	xmlFree(u);
	return s;
}

/* Set the item's dates from TEXT, the feed's pubDate / published / updated. */
static void
set_date(struct feed_item *it, const char *text)
{
	char iso[11];
	const char *t;

	if (text == NULL || it->date || date_parse(text, iso) != 0)
		return;
	it->date = xstrdup(iso);
	it->date_text = xstrdup(text);
	/* the time of day, for ordering items of the same day */
	for (t = text; *t; t++)
		if (t[0] >= '0' && t[0] <= '9' && t[1] >= '0' && t[1] <= '9' && t[2] == ':')
			break;
	it->stamp = xprintf("%sT%.8s", iso, *t ? t : "00:00:00");
}

/* RSS's author is an e-mail address with the name in parentheses
 * ("jo@example.org (Jo Bloggs)"): the name; a bare address is no name. */
static void
rss_author(struct feed_item *it, const char *s)
{
	const char *open = strchr(s, '('), *close = strrchr(s, ')');

	if (open && close > open + 1 && strchr(s, '@') && strchr(s, '@') < open) {
		char *name = xstrndup(open + 1, (size_t)(close - open - 1)), *t = str_squash(name);

		if (*t)
			strv_push(&it->authors, &it->nauthors, t);
		free(t);
		free(name);
	} else if (!strchr(s, '@') || strchr(s, ' '))
		strv_push(&it->authors, &it->nauthors, s);
}

/* One RSS item. */
static void
rss_item(const xmlNode *n, const char *base, struct feed_item *it)
{
	for (const xmlNode *k = n->children; k; k = k->next) {
		char *s;

		if (k->type != XML_ELEMENT_NODE)
			continue;
		if (is_el(k, NULL, "title") && !it->title)
			it->title = text_of(k);
		else if (is_el(k, NULL, "link") && !it->link && (s = text_of(k))) {
			it->link = resolve(k, base, s);
			free(s);
		} else if (is_el(k, NULL, "guid") && !it->link && (s = text_of(k))) {
			xmlChar *pl = xmlGetProp(k, (const xmlChar *)"isPermaLink");

			if ((pl == NULL || strcmp((const char *)pl, "false") != 0) && strstr(s, "://"))
				it->link = resolve(k, base, s);
			xmlFree(pl);
			free(s);
		} else if ((is_el(k, NULL, "author") || is_el(k, NS_DC, "creator")) &&
		    (s = text_of(k))) {
			rss_author(it, s);
			free(s);
		} else if ((is_el(k, NULL, "pubDate") || is_el(k, NS_DC, "date")) &&
		    (s = text_of(k))) {
			set_date(it, s);
			free(s);
		} else if (is_el(k, NULL, "category") && (s = text_of(k))) {
			strv_push(&it->tags, &it->ntags, s);
			free(s);
		} else if (is_el(k, NULL, "description") && !it->summary)
			it->summary = raw_of(k);
		else if (is_el(k, NS_CONTENT, "encoded") && !it->html)
			it->html = raw_of(k);
	}
}

/* One Atom entry. */
static void
atom_entry(xmlDoc *doc, const xmlNode *n, const char *base, struct feed_item *it)
{
	char *updated = NULL;

	for (const xmlNode *k = n->children; k; k = k->next) {
		char *s;

		if (k->type != XML_ELEMENT_NODE || !is_el(k, NS_ATOM, (const char *)k->name))
			continue;
		if (is_el(k, NS_ATOM, "title") && !it->title) {
			it->title = text_of(k);
		} else if (is_el(k, NS_ATOM, "link") && !it->link) {
			xmlChar *rel = xmlGetProp(k, (const xmlChar *)"rel");
			xmlChar *href = xmlGetProp(k, (const xmlChar *)"href");

			if (href && (rel == NULL || strcmp((const char *)rel, "alternate") == 0))
				it->link = resolve(k, base, (const char *)href);
			xmlFree(rel);
			xmlFree(href);
		} else if (is_el(k, NS_ATOM, "author")) {
			for (const xmlNode *a = k->children; a; a = a->next)
				if (is_el(a, NS_ATOM, "name") && (s = text_of(a))) {
					strv_push(&it->authors, &it->nauthors, s);
					free(s);
				}
		} else if (is_el(k, NS_ATOM, "published") && (s = text_of(k))) {
			set_date(it, s);
			free(s);
		} else if (is_el(k, NS_ATOM, "updated") && !updated) {
			updated = text_of(k);
		} else if (is_el(k, NS_ATOM, "category")) {
			xmlChar *t = xmlGetProp(k, (const xmlChar *)"label");

			if (t == NULL)
				t = xmlGetProp(k, (const xmlChar *)"term");
			if (t && *t)
				strv_push(&it->tags, &it->ntags, (const char *)t);
			xmlFree(t);
		} else if (is_el(k, NS_ATOM, "content") && !it->html) {
			xmlChar *src = xmlGetProp(k, (const xmlChar *)"src");

			if (src == NULL)	/* content by reference is fetched from the link */
				it->html = atom_html(doc, k);
			xmlFree(src);
		} else if (is_el(k, NS_ATOM, "summary") && !it->summary)
			it->summary = atom_html(doc, k);
	}
	set_date(it, updated);	/* only when there was no published date */
	free(updated);
}

/* The channel's or feed's own fields. */
static void
feed_head(const xmlNode *k, const char *base, struct feed *f, int atom)
{
	const char *ns = atom ? NS_ATOM : NULL;

	if (is_el(k, ns, "title") && !f->title)
		f->title = text_of(k);
	else if (!atom && is_el(k, NULL, "image") && !f->image) {
		for (const xmlNode *u = k->children; u; u = u->next)
			if (is_el(u, NULL, "url")) {
				char *s = text_of(u);

				if (s)
					f->image = resolve(u, base, s);
				free(s);
			}
	} else if (atom && (is_el(k, NS_ATOM, "logo") || is_el(k, NS_ATOM, "icon"))) {
		char *s = text_of(k);

		if (s && (!f->image || is_el(k, NS_ATOM, "logo"))) {
			free(f->image);
			f->image = resolve(k, base, s);
		}
		free(s);
	} else if (!atom && is_el(k, NULL, "link") && !f->link)
		f->link = text_of(k);
	else if (!atom && is_el(k, NULL, "language") && !f->lang)
		f->lang = text_of(k);
}

/* The first XML error of a parse (libxml2 reports each; the first is where
 * the feed goes wrong). */
struct first_error {
	int	 line;
	char	*msg;
};

static void
on_xml_error(void *user, xmlErrorPtr e)
{
	struct first_error *f = user;

	if (f->msg == NULL && e && e->level >= XML_ERR_ERROR) {
		f->line = e->line;
		f->msg = str_squash(e->message ? e->message : "XML error");
	}
}

int
feed_parse(const char *name, const char *data, size_t len, struct feed *f)
{
	xmlDoc *doc;
	xmlNode *root, *chan;
	struct first_error fe = {0};
	int atom, ret = -1;

	memset(f, 0, sizeof(*f));
	if (len > (size_t)INT32_MAX)
		return err_set(name, 0, "the feed is too large");
	/* no DTD loaded, no entity from outside, no network */
	xmlSetStructuredErrorFunc(&fe, on_xml_error);
	doc = xmlReadMemory(data, (int)len, name, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (doc == NULL) {
		err_set(name, fe.line, "not a well-formed feed: %s", fe.msg ? fe.msg : "XML error");
		free(fe.msg);
		return -1;
	}
	free(fe.msg);
	root = xmlDocGetRootElement(doc);
	atom = root && is_el(root, NS_ATOM, "feed");
	chan = NULL;
	if (root && is_el(root, NULL, "rss"))
		for (xmlNode *k = root->children; k && !chan; k = k->next)
			if (is_el(k, NULL, "channel"))
				chan = k;
	if (!atom && chan == NULL) {
		err_set(name, root ? root->line : 0, "not an RSS 2.0 or Atom feed (its root is <%s>)",
		    root ? (const char *)root->name : "nothing");
		goto out;
	}
	if (atom) {
		xmlChar *lang = xmlNodeGetLang(root);

		f->lang = lang && *lang ? xstrdup((const char *)lang) : NULL;
		xmlFree(lang);
		chan = root;
	}
	for (xmlNode *k = chan->children; k; k = k->next) {
		struct feed_item *it;

		if (k->type != XML_ELEMENT_NODE)
			continue;
		if (!(atom ? is_el(k, NS_ATOM, "entry") : is_el(k, NULL, "item"))) {
			feed_head(k, name, f, atom);
			continue;
		}
		if ((f->nitems & (f->nitems + 1)) == 0)
			f->items = xrealloc(f->items, (f->nitems * 2 + 2) * sizeof(*f->items));
		it = &f->items[f->nitems++];
		memset(it, 0, sizeof(*it));
		it->line = k->line;
		if (atom)
			atom_entry(doc, k, name, it);
		else
			rss_item(k, name, it);
	}
	ret = 0;
out:
	xmlFreeDoc(doc);
	if (ret)
		feed_free(f);
	return ret;
}

static int sort_oldest;

static int
cmp_item(const void *pa, const void *pb)
{
	const struct feed_item *a = pa, *b = pb;
	int c;

	if (!a->stamp || !b->stamp)	/* undated after dated; feed order kept */
		c = (!a->stamp) - (!b->stamp);
	else
		c = sort_oldest ? strcmp(a->stamp, b->stamp) : strcmp(b->stamp, a->stamp);
	return c ? c : (a->line > b->line) - (a->line < b->line);
}

void
feed_sort(struct feed *f, int oldest)
{
	sort_oldest = oldest;
	if (f->nitems > 1)
		qsort(f->items, f->nitems, sizeof(*f->items), cmp_item);
}

void
feed_free(struct feed *f)
{
	for (size_t i = 0; i < f->nitems; i++) {
		struct feed_item *it = &f->items[i];

		free(it->title);
		for (size_t k = 0; k < it->nauthors; k++)
			free(it->authors[k]);
		free(it->authors);
		free(it->date);
		free(it->stamp);
		free(it->date_text);
		free(it->link);
		free(it->html);
		free(it->summary);
		for (size_t k = 0; k < it->ntags; k++)
			free(it->tags[k]);
		free(it->tags);
	}
	free(f->items);
	free(f->title);
	free(f->image);
	free(f->link);
	free(f->lang);
	memset(f, 0, sizeof(*f));
}
