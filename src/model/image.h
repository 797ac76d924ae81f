/* Images: where they are, what they are, and whether they may be used. */
#ifndef MKBOOK_IMAGE_H
#define MKBOOK_IMAGE_H

#include "model.h"

/* Largest image accepted, in pixels a side and in total. */
#define IMAGE_MAX_SIDE   16384
#define IMAGE_MAX_PIXELS (64L * 1024 * 1024)

/* Resolve IM->src against BASEDIR (the directory of the article FILE, or
 * the content directory), refuse paths that leave it (absolute, "..",
 * symlinks pointing out), URLs and missing files; then read the type and
 * size from the file's bytes (JPEG or PNG only). Sets IM->path, type, width,
 * height. Return 0, or -1 with the error set to "FILE:LINE: …". */
int image_probe(struct image *im, const char *basedir, const char *file, int line);

/* Sniff a buffer: type and size from the header. Return 0 or -1. */
int image_sniff(const unsigned char *p, size_t n, enum image_type *type, int *w, int *h);

const char *image_mime(enum image_type t);	/* "image/jpeg" */
const char *image_ext(enum image_type t);	/* "jpg" */

#endif
