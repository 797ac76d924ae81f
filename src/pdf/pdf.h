/* The PDF typesetter (Pango + Cairo). */
#ifndef MKBOOK_PDF_H
#define MKBOOK_PDF_H

#include "model/model.h"
#include "model/theme.h"
#include "options.h"

/* Typeset BOOK to a PDF at PATH (a temporary file the caller renames) in
 * the theme TH (the caller's, loaded once for both books). Return 0, or -1
 * with the error set. */
int pdf_write(const struct book *book, const struct theme *th, const struct options *opt,
    const char *path);

#endif
