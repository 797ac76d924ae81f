/*
 * Typographic punctuation: the straight quotes, double hyphens and three
 * dots of typed text become the quotation marks, dashes and ellipsis of
 * the article's language, in every text of the model but code.
 */
#ifndef MKBOOK_PUNCT_H
#define MKBOOK_PUNCT_H

#include "model/model.h"

/* Return a newly allocated copy of S (NUL-terminated UTF-8) with its
 * punctuation set for language LANG (BCP 47; NULL: English). */
char *punct_string(const char *s, const char *lang);

/* Set the punctuation of every text of A (header fields, blocks, notes,
 * figures) for A->lang, in place. Code spans and code blocks are left as
 * they are, and so are texts in scripts whose quotation marks are not
 * derived from Latin use (Arabic, Hebrew, Chinese, Japanese, Korean…). */
void punct_article(struct article *a);

/* Put the quotation marks of A's language (outer and inner by nesting)
 * around the words of each INL_Q of A, as its first and last kids; the
 * writers show an INL_Q's kids as they are. */
void punct_quotes(struct article *a);

#endif
