/* The EPUB 3 writer (libzip). */
#ifndef MKBOOK_EPUB_H
#define MKBOOK_EPUB_H

#include "model/model.h"
#include "options.h"

/* Write BOOK as an EPUB 3 to the file PATH (a temporary file the caller
 * renames). Return 0, or -1 with the error set. */
int epub_write(const struct book *book, const struct options *opt, const char *path);

#endif
