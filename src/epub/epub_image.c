/*
 * The pictures of an EPUB, made to what e-readers take: JPEG or PNG in sRGB,
 * upright, at most EPUB_IMG_MAX_PIXELS and EPUB_IMG_MAX_SIDE on the long
 * side, each file under EPUB_IMG_MAX_BYTES where the pixels allow. A JPEG
 * or PNG already within all of it goes in byte for byte; anything else is
 * decoded once by the model's picture module and encoded again.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "epub_int.h"
#include "model/image.h"
#include "model/picture.h"
#include "util.h"

/* Whether the source is a photograph's format (a JPEG, a lossy WebP, a
 * TIFF): encoded again as JPEG; drawings (PNG, GIF, BMP, SVG, lossless
 * WebP) stay PNG unless that is too large. */
static int
photo_source(const struct image *im, const unsigned char *p, size_t n)
{
	if (im->type == IMG_JPEG || im->type == IMG_TIFF)
		return 1;
	return im->type == IMG_WEBP && n >= 16 && memcmp(p + 12, "VP8 ", 4) == 0;
}

int
epub_image_make(const struct image *im, int quality, unsigned char **data, size_t *len,
    enum image_type *type)
{
	const unsigned char *p;
	size_t n;
	char *buf = NULL;
	double s = 1;
	int w = im->width, h = im->height, photo, maxw, maxh;
	long px = (long)w * h;

	if (quality <= 0)
		quality = EPUB_IMG_QUALITY;
	if (picture_bytes(im, &p, &n, &buf) != 0)
		return -1;
	if (im->as_is && (im->type == IMG_JPEG || im->type == IMG_PNG) &&
	    px <= EPUB_IMG_MAX_PIXELS && w <= EPUB_IMG_MAX_SIDE && h <= EPUB_IMG_MAX_SIDE &&
	    n <= EPUB_IMG_MAX_BYTES) {
		*data = xmalloc(n ? n : 1);
		memcpy(*data, p, n);
		*len = n;
		*type = im->type;
		free(buf);
		return 0;
	}
	photo = photo_source(im, p, n);
	free(buf);
	if (px > EPUB_IMG_MAX_PIXELS)
		s = sqrt((double)EPUB_IMG_MAX_PIXELS / px);
	if ((w > h ? w : h) * s > EPUB_IMG_MAX_SIDE)
		s = (double)EPUB_IMG_MAX_SIDE / (w > h ? w : h);
	maxw = (int)(w * s);
	maxh = (int)(h * s);
	for (;;) {
		struct picture pic;
		int r;

		if (picture_load(im, maxw < 1 ? 1 : maxw, maxh < 1 ? 1 : maxh, &pic) != 0)
			return -1;
		*type = pic.alpha || !photo ? IMG_PNG : IMG_JPEG;
		r = picture_encode(&pic, *type, quality, data, len);
		if (r == 0 && *len > EPUB_IMG_MAX_BYTES && *type == IMG_PNG && !pic.alpha) {
			free(*data);
			*type = IMG_JPEG;	/* an opaque drawing too large as PNG */
			r = picture_encode(&pic, *type, quality, data, len);
		}
		picture_free(&pic);
		if (r != 0)
			return -1;
		if (*len <= EPUB_IMG_MAX_BYTES || (maxw < 640 && maxh < 640))
			return 0;
		/* too many bytes for an e-reader: fewer pixels, then try again */
		free(*data);
		*data = NULL;
		if (*type == IMG_JPEG && quality > 70) {
			quality -= 10;
			continue;
		}
		maxw = maxw * 4 / 5;
		maxh = maxh * 4 / 5;
	}
}

const char *
epub_image_name(struct epub *e, const struct image *im, const char *stem)
{
	struct epub_image *x;
	size_t i;

	if (im == NULL || (im->path == NULL && im->data == NULL) || im->type == IMG_NONE ||
	    e->img_failed)
		return NULL;
	for (i = 0; i < e->nimages; i++)
		if (im->path ? e->images[i].path && strcmp(e->images[i].path, im->path) == 0 :
		    e->images[i].data == im->data)
			return e->images[i].name;
	ARRAY_GROW(e->images, e->nimages, e->cimages);
	x = &e->images[e->nimages];
	memset(x, 0, sizeof(*x));
	if (epub_image_make(im, e->opt ? e->opt->image_quality : 0, &x->bytes, &x->len,
	    &x->type) != 0) {
		e->img_failed = 1;
		return NULL;
	}
	e->nimages++;
	e->img_in += im->bytes;
	e->img_out += x->len;
	x->path = im->path ? xstrdup(im->path) : NULL;
	x->data = im->data;
	{
		char *safe = epub_safe_id(stem);

		x->name = xprintf("images/%s.%s", safe, image_ext(x->type));
		free(safe);
	}
	return x->name;
}
