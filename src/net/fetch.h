/* Fetching web resources over HTTP(S) with libcurl, for the readers: one
 * resource at a time, within limits, only from public addresses unless
 * allowed, and optionally through a cache directory that makes a rerun
 * offline and reproducible. This layer knows nothing of articles. */
#ifndef MKBOOK_FETCH_H
#define MKBOOK_FETCH_H

#include <stddef.h>

/* The defaults of the limits (each has a command-line flag). */
#define FETCH_TIMEOUT_MS	30000		/* --timeout SECONDS */
#define FETCH_MAX_BYTES		(20L * 1024 * 1024)	/* --max-size MB */
#define FETCH_MAX_REDIRECTS	10		/* --max-redirects N */

struct fetch_opts {
	long		 timeout_ms;	/* whole transfer of one resource */
	long		 max_bytes;	/* body of one resource, after decompression */
	int		 max_redirects;
	int		 allow_private;	/* loopback, link-local and private addresses too */
	int		 offline;	/* never touch the network (the cache may answer) */
	const char	*cache;		/* directory of fetched resources, or NULL */
};

/* One fetched resource. All strings are fresh, owned by the result. */
struct fetch_result {
	char		*url;		/* the final URL, after redirects */
	char		*type;		/* media type, lower case, no parameters ("text/html"); may be NULL */
	char		*charset;	/* the Content-Type's charset parameter, or NULL */
	char		*data;		/* the body, NUL-terminated */
	size_t		 len;
	double		 seconds;	/* time taken (0 when it came from the cache) */
	int		 cached;	/* 1 when the cache answered */
};

/* Fill O with the defaults. */
void fetch_opts_default(struct fetch_opts *o);

/* Return 1 when S is an http:// or https:// URL (scheme case aside). */
int fetch_is_url(const char *s);

/* Return 1 when S names a URL scheme other than http(s) ("file:", "ftp://"):
 * something that looks like a URL mkbook refuses, not a file name. */
int fetch_is_other_url(const char *s);

/* Fetch URL into *R (zeroed first). Return 0 for a 2xx answer within the
 * limits, or -1 with the error set to "URL: reason" (HTTP status, timeout,
 * too large, refused address or scheme, offline and not in the cache). */
int fetch_get(const struct fetch_opts *o, const char *url, struct fetch_result *r);

/* Free what R holds (not R). */
void fetch_result_free(struct fetch_result *r);

/* Release libcurl's global state (once, at exit). */
void fetch_cleanup(void);

#endif
