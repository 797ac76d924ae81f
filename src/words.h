/* Words the book itself adds (contents, cover, notes …), in the book's
 * language: one table for the EPUB writer and the PDF typesetter. */
#ifndef MKBOOK_WORDS_H
#define MKBOOK_WORDS_H

struct words {
	const char	*contents, *cover, *titlepage, *notes, *start, *by, *and_, *back;
};

/* The words for LANG's primary subtag (English when unknown or NULL):
 * a static table, never NULL. */
const struct words *words_for(const char *lang);

#endif
