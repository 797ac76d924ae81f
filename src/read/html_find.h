/* Finding the article in a web page: which elements of <body> are the
 * article and which are the page around it (navigation, headers and
 * footers, share bars, comments, related lists, sign-ups, cookie notices,
 * ads, hidden elements).
 *
 * Every block of text is scored by how much it reads like prose (length,
 * commas, few links) and its score flows to its ancestors; class and id
 * names weigh in. The best container and those of its siblings that score
 * well enough (an article split by an ad or a widget) are the article.
 * Inside them, the boilerplate is marked for the converter to skip. */
#ifndef MKBOOK_HTML_FIND_H
#define MKBOOK_HTML_FIND_H

#include <stddef.h>

#include <gumbo.h>

struct html_find;

/* Look for the article in BODY (borrowed; must outlive the result).
 * HEADLINE (may be NULL) is the headline found in the metadata: a heading
 * that repeats it is not body text. Return the finder, never NULL; it may
 * hold no roots when the page has no article. Free with html_find_free. */
struct html_find *html_find(const GumboNode *body, const char *headline);
void html_find_free(struct html_find *f);

/* The article's top-level elements, in document order: N roots. */
size_t html_find_nroots(const struct html_find *f);
const GumboNode *html_find_root(const struct html_find *f, size_t i);

/* The number of characters of article text found (0: no article). */
size_t html_find_chars(const struct html_find *f);

/* The converter's skip callback: 1 when N (a node under a root) is
 * boilerplate to leave out. USER is the finder. */
int html_find_skip(const GumboNode *n, void *user);

#endif
