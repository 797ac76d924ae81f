/* The HTML reader: a saved web page (bytes in any encoding) to one
 * article: the page's article found, its metadata read. */
#ifndef MKBOOK_READ_HTML_H
#define MKBOOK_READ_HTML_H

#include <stddef.h>

#include "model/model.h"

/* Read the page PATH, LEN BYTES as they are on disk (NUL-terminated).
 * CHARSET (may be NULL) is an encoding from outside the page (an MHTML
 * part's header). Return a new article, or NULL with the error set
 * (not HTML, no article, an encoding iconv does not know). */
struct article *html_read(const char *path, const char *bytes, size_t len, const char *charset);

/* The same for a page in memory named NAME (a fetched page when REMOTE:
 * links and pictures resolve against its URL, or NAME, and its http(s)
 * pictures are kept for the fetcher). Same return and errors. */
struct article *html_read_mem(const char *name, const char *bytes, size_t len, const char *charset,
    int remote);

struct html_parts;

/* The same for the page part of an MHTML file PATH: its pictures are
 * PARTS (borrowed), never files or the network, and its links resolve
 * against the part's address. Same return and errors. */
struct article *html_read_parts(const char *path, const char *bytes, size_t len,
    const char *charset, const struct html_parts *parts);

/* Read the MHTML file PATH (LEN BYTES, NUL-terminated): a MIME
 * multipart/related message (Chrome's "Save as single file") whose
 * text/html part is the page and whose other parts are its pictures.
 * Return a new article, or NULL with the error set (not a MIME message,
 * no HTML part, or what html_read refuses). */
struct article *mhtml_read(const char *path, const char *bytes, size_t len);

#endif
