#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "image.h"
#include "picture.h"
#include "util.h"

#define IMAGE_MAX_BYTES (64L * 1024 * 1024)

const char *
image_mime(enum image_type t)
{
	return t == IMG_JPEG ? "image/jpeg" : t == IMG_PNG ? "image/png" : NULL;
}

const char *
image_ext(enum image_type t)
{
	return t == IMG_JPEG ? "jpg" : t == IMG_PNG ? "png" : NULL;
}

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint32_t
crc32_png(const unsigned char *p, size_t n)
{
	static uint32_t table[256];
	uint32_t c = 0xffffffffu;
	size_t i;

	if (table[1] == 0) {
		for (uint32_t k = 0; k < 256; k++) {
			uint32_t v = k;

			for (int j = 0; j < 8; j++)
				v = v & 1 ? 0xedb88320u ^ (v >> 1) : v >> 1;
			table[k] = v;
		}
	}
	for (i = 0; i < n; i++)
		c = table[(c ^ p[i]) & 0xff] ^ (c >> 8);
	return c ^ 0xffffffffu;
}

/* Walk every chunk, checking lengths and CRCs: a PNG damaged anywhere is
 * refused here rather than half-drawn later. */
static int
sniff_png(const unsigned char *p, size_t n, int *w, int *h)
{
	size_t off = 8;
	int idat = 0, iend = 0, first = 1;

	while (off + 12 <= n) {
		uint32_t len = be32(p + off);
		const unsigned char *type = p + off + 4;

		if (len > n - off - 12)
			return -1;
		if (crc32_png(type, len + 4) != be32(p + off + 8 + len))
			return -1;
		if (first) {
			if (memcmp(type, "IHDR", 4) != 0 || len != 13)
				return -1;
			*w = (int)(be32(type + 4) > INT_MAX ? INT_MAX : be32(type + 4));
			*h = (int)(be32(type + 8) > INT_MAX ? INT_MAX : be32(type + 8));
			first = 0;
		} else if (memcmp(type, "IDAT", 4) == 0)
			idat = 1;
		else if (memcmp(type, "IEND", 4) == 0) {
			iend = 1;
			break;
		}
		off += 12 + len;
	}
	return !first && idat && iend ? 0 : -1;
}

/* Find the frame header for the size; require the end-of-image marker. */
static int
sniff_jpeg(const unsigned char *p, size_t n, int *w, int *h)
{
	size_t off = 2;
	int found = 0;

	while (off + 4 <= n) {
		unsigned m;
		size_t len;

		if (p[off] != 0xff)
			return -1;
		m = p[off + 1];
		if (m == 0xff) {		/* fill byte */
			off++;
			continue;
		}
		if (m == 0xd9)
			break;
		if (m == 0x01 || (m >= 0xd0 && m <= 0xd7)) {
			off += 2;
			continue;
		}
		len = (size_t)p[off + 2] << 8 | p[off + 3];
		if (len < 2 || off + 2 + len > n)
			return -1;
		if (m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 && m != 0xcc) {
			if (len < 7)
				return -1;
			*h = p[off + 5] << 8 | p[off + 6];
			*w = p[off + 7] << 8 | p[off + 8];
			found = 1;
		}
		if (m == 0xda)			/* entropy-coded data follows */
			break;
		off += 2 + len;
	}
	if (!found || *w <= 0 || *h <= 0)
		return -1;
	/* The scan data must end with EOI (trailing padding is tolerated). */
	while (n > 2 && p[n - 1] != 0xd9)
		n--;
	return n > 2 && p[n - 2] == 0xff && p[n - 1] == 0xd9 ? 0 : -1;
}

int
image_sniff(const unsigned char *p, size_t n, enum image_type *type, int *w, int *h)
{
	*type = IMG_NONE;
	*w = *h = 0;
	if (n >= 8 && memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0) {
		*type = IMG_PNG;
		return sniff_png(p, n, w, h);
	}
	if (n >= 3 && p[0] == 0xff && p[1] == 0xd8 && p[2] == 0xff) {
		*type = IMG_JPEG;
		return sniff_jpeg(p, n, w, h);
	}
	return -1;
}

/* Leave the image out with a warning (return 1), or, under STRICT, refuse
 * it with an error (return -1). The warning names FILE, LINE and the image. */
static int
leave_out(struct image *im, int strict, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static int
leave_out(struct image *im, int strict, const char *file, int line, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	free(im->path);
	im->path = NULL;
	free(im->data);
	im->data = NULL;
	im->len = 0;
	im->type = IMG_NONE;
	im->width = im->height = 0;
	if (strict)
		return err_set(file, line, "%s", msg);
	warn_at(file, line, "%s; it is left out (its words stay in the book)", msg);
	return 1;
}

static const char *const type_name[] = {
	[IMG_NONE] = "image", [IMG_JPEG] = "JPEG", [IMG_PNG] = "PNG", [IMG_GIF] = "GIF",
	[IMG_WEBP] = "WebP", [IMG_TIFF] = "TIFF", [IMG_BMP] = "BMP", [IMG_SVG] = "SVG",
};

/* Check the bytes P[0..N) of the image named NAME: really an image, within
 * the limits; fill in IM's type, size and orientation. */
static int
check_bytes(struct image *im, const unsigned char *p, size_t n, const char *name,
    int strict, const char *file, int line)
{
	struct picture_head h;

	if (picture_head(p, n, &h) != 0) {
		if (h.type == IMG_NONE)
			return leave_out(im, strict, file, line, "image '%s' is not an image file "
			    "(mkbook reads JPEG, PNG, GIF, WebP, TIFF, BMP and SVG)", name);
		if (h.w > 0 && h.h > 0)
			goto large;
		return leave_out(im, strict, file, line, "image '%s' is a damaged %s file",
		    name, type_name[h.type]);
	}
	if (h.w <= 0 || h.h <= 0 || h.w > IMAGE_MAX_SIDE || h.h > IMAGE_MAX_SIDE ||
	    (long)h.w * h.h > IMAGE_MAX_PIXELS)
		goto large;
	im->type = h.type;
	im->orientation = h.orientation;
	im->width = h.orientation >= 5 ? h.h : h.w;
	im->height = h.orientation >= 5 ? h.w : h.h;
	im->as_is = h.as_is;
	im->bytes = n;
	return 0;
large:
	return leave_out(im, strict, file, line, "image '%s' is %d×%d pixels; the limit is %d "
	    "a side and %ld in all", name, h.w, h.h, IMAGE_MAX_SIDE, IMAGE_MAX_PIXELS);
}

int
image_probe(struct image *im, const char *basedir, const char *file, int line, int strict)
{
	char *joined = NULL, *real = NULL, *realbase = NULL, *data = NULL;
	const char *name = im->src ? im->src : "(embedded)";
	struct stat st;
	size_t n, blen;
	int ret = -1;

	if (im->data)
		return check_bytes(im, im->data, im->len, name, strict, file, line);
	if (im->src == NULL)
		return 0;
	if (strstr(im->src, "://") || str_startswith(im->src, "//"))
		return leave_out(im, strict, file, line, "image '%s' is on the web: mkbook uses "
		    "local files only (save it into the content directory)", im->src);
	if (str_startswith(im->src, "data:"))
		return leave_out(im, strict, file, line, "image '%.40s…' is a data: URI, which "
		    "mkbook reads only from HTML", im->src);
	if (im->src[0] == '/')
		return err_set(file, line, "image '%s': absolute paths are not allowed; "
		    "put the image inside the content directory", im->src);
	joined = path_join(basedir, im->src);
	if ((realbase = realpath(basedir, NULL)) == NULL) {
		err_set(file, line, "content directory %s: %s", basedir, strerror(errno));
		goto out;
	}
	if ((real = realpath(joined, NULL)) == NULL) {
		ret = leave_out(im, strict, file, line, "image '%s' not found (%s)", im->src,
		    strerror(errno));
		goto out;
	}
	blen = strlen(realbase);
	if (!(strcmp(realbase, "/") == 0 ||
	    (strncmp(real, realbase, blen) == 0 && real[blen] == '/'))) {
		err_set(file, line, "image '%s' is outside the content directory %s", im->src, basedir);
		goto out;
	}
	if (stat(real, &st) != 0 || !S_ISREG(st.st_mode)) {
		ret = leave_out(im, strict, file, line, "image '%s' is not a regular file", im->src);
		goto out;
	}
	if (st.st_size > IMAGE_MAX_BYTES) {
		ret = leave_out(im, strict, file, line, "image '%s' is too large (%lld bytes; the "
		    "limit is %ld)", im->src, (long long)st.st_size, IMAGE_MAX_BYTES);
		goto out;
	}
	if (file_read(real, &data, &n) != 0) {
		ret = leave_out(im, strict, file, line, "image '%s' cannot be read (%s)", im->src,
		    err_msg());
		err_clear();
		goto out;
	}
	if ((ret = check_bytes(im, (unsigned char *)data, n, im->src, strict, file, line)) != 0)
		goto out;
	free(im->path);
	im->path = real;
	real = NULL;
	ret = 0;
out:
	free(joined);
	free(real);
	free(realbase);
	free(data);
	return ret;
}
