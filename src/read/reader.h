/* The readers: one per input format. Each turns the bytes of one file into
 * one article. They know nothing of the writers or of other files; the
 * builder (book.c) resolves images and language afterwards. */
#ifndef MKBOOK_READER_H
#define MKBOOK_READER_H

#include <stddef.h>

#include "model/model.h"

/* Inline nesting (emphasis in links in emphasis …) and YAML nesting deeper
 * than this are errors; block quotes and lists are set at a shallower depth
 * by the Markdown reader instead. */
#define MODEL_MAX_DEPTH 64

/* Parse TEXT (LEN bytes, NUL-terminated, already checked to be valid UTF-8
 * with no NUL; a BOM and CRLF may still be there) read from PATH.
 * Return a new article, or NULL with the error set to "PATH:LINE: …". */
struct article *txt_read(const char *path, const char *text, size_t len);
struct article *md_read(const char *path, const char *text, size_t len);

/* Convert HTML (LEN bytes of UTF-8: a feed item's full text), from NAME,
 * whole -- no article finding -- with links and images resolved against
 * BASE (may be NULL) and http(s) images kept as absolute URLs for the caller to fetch (as
 * html_read_mem does). Return a
 * new article with blocks and no headline, or NULL with the error set. */
struct article *html_read_fragment(const char *name, const char *html, size_t len,
    const char *base);

/* Pieces of the plain-text reader, exposed for unit tests. */
/* Split a leading "Exclusive: " style label off S. Return the kicker
 * ("Exclusive") as a fresh string and set *REST to the remainder, or return
 * NULL when S has none. */
char *txt_kicker(const char *s, const char **rest);
/* Parse a byline "By A, B and C - Role" into authors and role.
 * Return 0 when S is a byline, -1 when it is not. */
int txt_byline(const char *s, char ***authors, size_t *nauthors, char **role);
/* A byline, read whole: the authors, each one's role from "(note)" (ROLES
 * is NULL when no author has one), the byline's role and the place of an
 * "in Vienna" dateline. */
struct txt_byline {
	char	**authors;
	char	**roles;
	size_t	  n;
	char	 *role;
	char	 *place;
};
/* Parse S into *Y: "By A, Transport Correspondent", "Von A und B", "Par A
 * (avec B et C)", "By A (reporting) and B (photography)", "A in Vienna";
 * with BARE, a line of names without "By" too. Return 0 (free *Y with
 * txt_byline_free), or -1 when S is not a byline (nothing to free). */
int txt_byline_parse(const char *s, int bare, struct txt_byline *y);
void txt_byline_free(struct txt_byline *y);
/* Split a caption's trailing credit ("Photograph: X/AP"). Return the credit
 * as a fresh string and set *CAPLEN to the caption's length, or NULL. */
char *txt_credit(const char *s, size_t *caplen);

#endif
