/* Images: where they are, what they are, and whether they may be used. */
#ifndef MKBOOK_IMAGE_H
#define MKBOOK_IMAGE_H

#include "model.h"

/* Largest image accepted, in pixels a side and in total. */
#define IMAGE_MAX_SIDE   16384
#define IMAGE_MAX_PIXELS (64L * 1024 * 1024)
/* An image inside running text at most this tall (and eight times as wide)
 * sits in the line at the text's height; a larger one becomes a figure. */
#define IMAGE_INLINE_MAX_H 72

/* Resolve IM->src against BASEDIR (the directory of the article FILE, or
 * the content directory) and check the image: paths that leave it
 * (absolute, "..", symlinks pointing out) are refused; a missing, remote,
 * unreadable, damaged, oversized or non-image file is left out with a
 * warning naming FILE, LINE and the image (refused under STRICT). An image
 * with bytes of its own (IM->data) is checked from them. Sets IM->path,
 * type, width and height (as shown), orientation, as_is and bytes. Return
 * 0, 1 when the image was left out (IM->path and data NULL, its words
 * kept), or -1 with the error set to "FILE:LINE: …". */
int image_probe(struct image *im, const char *basedir, const char *file, int line, int strict);


const char *image_mime(enum image_type t);	/* "image/jpeg" */
const char *image_ext(enum image_type t);	/* "jpg" */

#endif
