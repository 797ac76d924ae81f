/* Words the book itself adds (contents, cover, notes …), in the book's
 * language: one table for the EPUB writer and the PDF typesetter. */
#ifndef MKBOOK_WORDS_H
#define MKBOOK_WORDS_H

#include <stddef.h>

struct words {
	const char	*contents, *cover, *titlepage, *notes, *start;
	const char	*by;		/* before a byline's names; "" where none is used */
	const char	*and_;		/* before the last name, spaces included: " and " */
	const char	*back;
	const char	*sep;		/* between other names: ", " */
	const char	*source;	/* before where an article was published: "Source" */
	const char	*pages;		/* the page list's heading: "Pages" */
};

/* Append the names N[0..K) joined as LANG's bylines join them ("A, B and
 * C", "A, B und C", "A、B和C") to B. */
struct buf;
void words_names(struct buf *b, const char *lang, char *const *n, size_t k);

/* The words for LANG's primary subtag (English when unknown or NULL):
 * a static table, never NULL. */
const struct words *words_for(const char *lang);

#endif
