/* Articles from the web: pages by URL and RSS/Atom feeds (files or URLs),
 * fetched with src/net/fetch and read with the HTML reader. A page that
 * cannot be used is skipped with a warning naming its URL and the reason
 * (an error with --strict). */
#ifndef MKBOOK_WEB_H
#define MKBOOK_WEB_H

#include <stddef.h>

#include "model/model.h"
#include "options.h"

/* What the web inputs give the builder: articles in order, and the first
 * feed's title and image for a book that has none of its own. */
struct web_out {
	struct article **articles;
	size_t		 narticles;
	char		*feed_title;	/* fresh or NULL */
	unsigned char	*cover;		/* the feed image's bytes, or NULL */
	size_t		 cover_len;
	char		*cover_url;	/* where they came from */
	size_t		 failed;	/* pages and feeds skipped */
	int		 oldest;	/* feed items oldest first (set by the caller) */
};

/* Return 1 when INPUT is read by this module: an http(s) URL, or a file
 * whose bytes are an RSS or Atom feed (.rss, .atom, .xml, .feed). */
int web_is_input(const char *input);

/* Read INPUT (a URL, or a feed file) under OPT's limits and flags,
 * appending its articles to OUT. Return 0 (failures of single articles
 * are warnings), or -1 with the error set: a feed file that cannot be
 * read, or any failure with --strict. */
int web_load(const char *input, const struct options *opt, struct web_out *out);

/* Read the list of URLs in FILE (one a line, '#' starts a comment) into
 * *URLS / *N (fresh strings, appended). Return 0, or -1 with the error set
 * naming FILE:LINE of a line that is not an http(s) URL. */
int web_read_list(const char *file, char ***urls, size_t *n);

/* Free what OUT holds, articles too (those not taken: set narticles 0). */
void web_out_free(struct web_out *out);

/* Release the fetcher's global state. */
void web_cleanup(void);

#endif
