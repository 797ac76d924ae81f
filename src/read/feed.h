/* RSS 2.0 and Atom feeds (libxml2): a feed's title and image and its items,
 * each with what an article takes from it. */
#ifndef MKBOOK_FEED_H
#define MKBOOK_FEED_H

#include <stddef.h>

struct feed_item {
	char		*title;
	char	       **authors;
	size_t		 nauthors;
	char		*date;		/* ISO 8601 "YYYY-MM-DD", or NULL */
	char		*stamp;		/* the date and time for ordering ("YYYY-MM-DDTHH:MM:SS"), or NULL */
	char		*date_text;	/* as written in the feed */
	char		*link;		/* the item's page (absolute), or NULL */
	char		*html;		/* the full text (content:encoded, Atom content) as HTML, or NULL */
	char		*summary;	/* description / summary as HTML, or NULL */
	char	       **tags;
	size_t		 ntags;
	int		 line;		/* where the item starts in the feed */
};

struct feed {
	char		*title;
	char		*image;		/* the feed's image/logo URL, or NULL */
	char		*link;		/* the site, or NULL */
	char		*lang;		/* language, or NULL */
	struct feed_item *items;
	size_t		 nitems;
};

/* Return 1 when DATA (LEN bytes) looks like an RSS or Atom document: its
 * first element, after any prolog, is rss or feed. */
int feed_sniff(const char *data, size_t len);

/* Parse DATA (LEN bytes) read from NAME (a file or URL, for messages and
 * as the base of relative links) into *F (zeroed first). Return 0, or -1
 * with the error set ("NAME:LINE: …"). F is the caller's to feed_free. */
int feed_parse(const char *name, const char *data, size_t len, struct feed *f);

/* Order F's items newest first (items without a date keep their place
 * after the dated ones, in the feed's order); OLDEST: oldest first. */
void feed_sort(struct feed *f, int oldest);

/* Free what F holds. */
void feed_free(struct feed *f);

#endif
