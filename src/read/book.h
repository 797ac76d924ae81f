/* The builder: inputs (files and content directories, book.yaml) to a book. */
#ifndef MKBOOK_BOOK_H
#define MKBOOK_BOOK_H

#include "model/model.h"
#include "options.h"

/* Read every input (article files or content directories; NULL/0 means
 * "content/"), apply book.yaml and the command-line overrides, resolve
 * languages, images and ids. Return the book, or NULL with the error set. */
struct book *book_load(char *const *inputs, size_t ninputs, const struct options *opt);

#endif
