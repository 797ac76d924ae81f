/* Pictures: every image format mkbook reads, decoded once and made the same
 * for both books: sRGB, the right way up, scaled down on request. */
#ifndef MKBOOK_PICTURE_H
#define MKBOOK_PICTURE_H

#include "model.h"

/* Decoded pixels. */
struct picture {
	int		 w, h;
	int		 alpha;		/* 1 when some pixel is not opaque */
	unsigned char	*px;		/* w*h*4 bytes: RGBA, sRGB, not premultiplied */
};

/* Sniff a JPEG or PNG buffer, checked to its end (a PNG chunk by chunk
 * with its CRCs, a JPEG to its end-of-image marker): type and size from
 * the header. Return 0 or -1 (*TYPE still says which it seemed to be). */
int image_sniff(const unsigned char *p, size_t n, enum image_type *type, int *w, int *h);

/* What an image's header says, read without decoding its pixels. */
struct picture_head {
	enum image_type	 type;
	int		 w, h;		/* as stored, before orientation */
	int		 orientation;	/* EXIF 1..8; 1: as stored */
	int		 as_is;		/* 1: JPEG (grey or YCbCr) or PNG, upright, no colour
					 * profile: the bytes can go into a book unchanged */
};

/* Read the header of the image bytes P[0..N) into H (a damaged JPEG or
 * PNG is refused here, checked to its end). Return 0, or -1 when the bytes
 * are not an image mkbook reads (H->type says which format it seemed to
 * be: IMG_NONE for none). Never decodes pixels past the header (except a
 * TIFF within the limits, whose orientation only a decode reports). */
int picture_head(const unsigned char *p, size_t n, struct picture_head *h);

/* Whether the image bytes P[0..N), whose header picture_head read into H,
 * decode to their end: a JPEG's entropy-coded data (at 1/8 scale), a PNG's
 * compressed rows (one at a time, CRCs and zlib checked), a GIF, WebP, BMP
 * or SVG decoded whole; the pixels are dropped. Return 0, or -1 when the
 * image is damaged past its header. */
int picture_verify(const unsigned char *p, size_t n, const struct picture_head *h);

/* The bytes of IM: its data, or its file read into *BUF (caller frees
 * *BUF, NULL when the bytes are IM's own). Return 0 or -1 with the error set. */
int picture_bytes(const struct image *im, const unsigned char **p, size_t *n, char **buf);

/* The book BK's cover picture into IM: book.yaml's cover file or a feed's
 * image (IM borrows BK's path or bytes), its header read, for both
 * writers. Return 1 with IM set, 0 when BK has no cover picture (the cover
 * is drawn from the title), or -1 with the error set. */
int picture_cover(const struct book *bk, struct image *im);

/* Decode IM (its data or its file) into OUT: upright, sRGB, and scaled down
 * with an area filter to fit MAXW x MAXH when it is larger (0: no limit).
 * Return 0, or -1 with the error set naming the image. Free with
 * picture_free. */
int picture_load(const struct image *im, int maxw, int maxh, struct picture *out);

/* Encode P as IMG_JPEG (at QUALITY, 1..100; alpha is dropped onto white)
 * or IMG_PNG into *DATA (malloc'd, caller frees). Return 0 or -1 with the
 * error set. */
int picture_encode(const struct picture *p, enum image_type t, int quality,
    unsigned char **data, size_t *len);

/* Free P's pixels. */
void picture_free(struct picture *p);

#endif
