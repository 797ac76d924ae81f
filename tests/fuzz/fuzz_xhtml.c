/* libFuzzer harness: Markdown (with front matter) → model → XHTML, and the
 * XHTML must be well-formed XML with no active content, whatever the input
 * holds. libxml2 checks it; a failure aborts, which libFuzzer reports. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "epub/epub_int.h"
#include "read/reader.h"
#include "util.h"

static const struct words words = {
	"Contents", "Cover", "Title page", "Notes", "Start", "By", "and", "Back",
};

/* Abort on a script element, an on* attribute or a javascript:/data: URL. */
static void
check_node(xmlNode *n)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (xmlStrcasecmp(n->name, BAD_CAST "script") == 0 ||
		    xmlStrcasecmp(n->name, BAD_CAST "iframe") == 0)
			abort();
		for (xmlAttr *a = n->properties; a; a = a->next) {
			xmlChar *v = xmlNodeGetContent((xmlNode *)a);

			if (xmlStrncasecmp(a->name, BAD_CAST "on", 2) == 0)
				abort();
			if (v && (xmlStrncasecmp(v, BAD_CAST "javascript:", 11) == 0 ||
			    xmlStrncasecmp(v, BAD_CAST "data:", 5) == 0))
				abort();
			xmlFree(v);
		}
		check_node(n->children);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct book book = {0};
	struct epub e = {0};
	struct article *a;
	char *text = xmemdup(data, size);
	size_t i;

	util_quiet = 1;
	if (utf8_check("fuzz.md", text, size) != 0 || (a = md_read("fuzz.md", text, size)) == NULL) {
		free(text);
		return 0;
	}
	a->id = xstrdup("a01");
	if (a->lang == NULL)
		a->lang = xstrdup("en");
	book.title = "Fuzz";
	book.lang = "en";
	book.articles = &a;
	book.narticles = 1;
	e.book = &book;
	e.lang = "en";
	e.words = &words;
	epub_xhtml_article(&e, a, 0);
	for (i = 0; i < e.nitems; i++) {
		xmlDoc *doc = xmlReadMemory(e.items[i].data, (int)e.items[i].len, e.items[i].name,
		    "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

		if (doc == NULL)
			abort();	/* not well-formed */
		check_node(xmlDocGetRootElement(doc));
		xmlFreeDoc(doc);
		free(e.items[i].name);
		free(e.items[i].id);
		free(e.items[i].data);
	}
	free(e.items);
	for (i = 0; i < e.ntoc; i++) {
		free(e.toc[i].label);
		free(e.toc[i].href);
	}
	free(e.toc);
	for (i = 0; i < e.nimages; i++) {
		free(e.images[i].path);
		free(e.images[i].name);
	}
	free(e.images);
	article_free(a);
	free(text);
	return 0;
}
