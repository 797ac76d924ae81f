/* The PDF typesetter (Pango + Cairo). */
#ifndef MKBOOK_PDF_H
#define MKBOOK_PDF_H

#include "model/model.h"
#include "options.h"

/* Typeset BOOK to a PDF at PATH (a temporary file the caller renames).
 * Return 0, or -1 with the error set. */
int pdf_write(const struct book *book, const struct options *opt, const char *path);

#endif
