/* The EPUB 3 writer (libzip). */
#ifndef MKBOOK_EPUB_H
#define MKBOOK_EPUB_H

#include "model/model.h"
#include "model/theme.h"
#include "options.h"

/* Write BOOK as an EPUB 3 to the file PATH (a temporary file the caller
 * renames) in the theme TH (the caller's, loaded once for both books; NULL
 * gives the built-in defaults). Return 0, or -1 with the error set. */
int epub_write(const struct book *book, const struct theme *th, const struct options *opt,
    const char *path);

#endif
