/* A web page's metadata: what it declares (JSON-LD, <meta>, <link>),
 * then what its markup shows (h1, <time>, bylines), cross-checked. */
#ifndef MKBOOK_HTML_META_H
#define MKBOOK_HTML_META_H

#include <stddef.h>

#include <gumbo.h>

/* Every string fresh, NULL when the page gives none. */
struct html_meta {
	char	 *headline;
	char	 *standfirst;
	char	 *kicker;
	char	**authors;
	size_t	  nauthors;
	char	 *date;		/* YYYY-MM-DD */
	char	 *date_text;	/* as the page shows it, when it does */
	char	 *date_modified;
	char	 *lang;
	char	 *dir;		/* "ltr" / "rtl" as the page says */
	char	 *site;
	char	 *url;		/* canonical or og:url, absolute http(s) */
	char	 *base;		/* <base href>, absolute http(s) */
	char	 *description;
};

/* Read the metadata of the parsed page DOC (its document node). */
void html_meta_read(struct html_meta *m, const GumboNode *doc);
void html_meta_free(struct html_meta *m);

/* The text of node N with white space collapsed, as a fresh string
 * (script and style left out). */
char *html_node_text(const GumboNode *n);

/* Cut a site name off a page title: "Headline | Site" -> "Headline"
 * (SITE, may be NULL, is the site's name when known). Fresh string. */
char *html_title_cut(const char *title, const char *site);

/* 1 when element N is hidden (hidden, aria-hidden, display:none,
 * visibility:hidden in its style attribute). */
int html_hidden(const GumboNode *n);

/* 1 when A and B are the same text once case, spaces, punctuation, quotes
 * and dashes are left aside. */
int html_same_text(const char *a, const char *b);

#endif
