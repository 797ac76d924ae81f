#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "image.h"
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

static const char *
format_name(const unsigned char *p, size_t n)
{
	if (n >= 6 && (memcmp(p, "GIF87a", 6) == 0 || memcmp(p, "GIF89a", 6) == 0))
		return "GIF";
	if (n >= 12 && memcmp(p, "RIFF", 4) == 0 && memcmp(p + 8, "WEBP", 4) == 0)
		return "WebP";
	if (n >= 5 && (memcmp(p, "<?xml", 5) == 0 || memcmp(p, "<svg", 4) == 0))
		return "SVG";
	if (n >= 2 && p[0] == 'B' && p[1] == 'M')
		return "BMP";
	if (n >= 4 && (memcmp(p, "II*", 4) == 0 || memcmp(p, "MM\0*", 4) == 0))
		return "TIFF";
	return NULL;
}

int
image_probe(struct image *im, const char *basedir, const char *file, int line)
{
	char *joined = NULL, *real = NULL, *realbase = NULL, *data = NULL;
	const char *fmt;
	struct stat st;
	size_t n, blen;
	int ret = -1;

	if (im->data) {
		if (image_sniff(im->data, im->len, &im->type, &im->width, &im->height) != 0)
			return err_set(file, line, "image '%.40s…' is not a readable JPEG or PNG",
			    im->src ? im->src : "");
		return 0;
	}
	if (im->src == NULL)
		return 0;
	if (strstr(im->src, "://") || str_startswith(im->src, "data:") ||
	    str_startswith(im->src, "//"))
		return err_set(file, line, "image '%s': only local JPEG and PNG files can be used", im->src);
	if (im->src[0] == '/')
		return err_set(file, line, "image '%s': absolute paths are not allowed; "
		    "put the image inside the content directory", im->src);
	joined = path_join(basedir, im->src);
	if ((realbase = realpath(basedir, NULL)) == NULL) {
		err_set(file, line, "content directory %s: %s", basedir, strerror(errno));
		goto out;
	}
	if ((real = realpath(joined, NULL)) == NULL) {
		err_set(file, line, "image '%s' not found (%s)", im->src, strerror(errno));
		goto out;
	}
	blen = strlen(realbase);
	if (!(strcmp(realbase, "/") == 0 ||
	    (strncmp(real, realbase, blen) == 0 && real[blen] == '/'))) {
		err_set(file, line, "image '%s' is outside the content directory %s", im->src, basedir);
		goto out;
	}
	if (stat(real, &st) != 0 || !S_ISREG(st.st_mode)) {
		err_set(file, line, "image '%s' is not a regular file", im->src);
		goto out;
	}
	if (st.st_size > IMAGE_MAX_BYTES) {
		err_set(file, line, "image '%s' is too large (%lld bytes; the limit is %ld)",
		    im->src, (long long)st.st_size, IMAGE_MAX_BYTES);
		goto out;
	}
	if (file_read(real, &data, &n) != 0)
		goto out;
	if (image_sniff((unsigned char *)data, n, &im->type, &im->width, &im->height) != 0) {
		if (im->type != IMG_NONE)
			err_set(file, line, "image '%s' is a damaged %s file", im->src,
			    im->type == IMG_PNG ? "PNG" : "JPEG");
		else if ((fmt = format_name((unsigned char *)data, n)) != NULL)
			err_set(file, line, "image '%s' is %s; convert it to JPEG or PNG", im->src, fmt);
		else
			err_set(file, line, "image '%s' is not a JPEG or PNG file", im->src);
		im->type = IMG_NONE;
		goto out;
	}
	if (im->width <= 0 || im->height <= 0 || im->width > IMAGE_MAX_SIDE ||
	    im->height > IMAGE_MAX_SIDE || (long)im->width * im->height > IMAGE_MAX_PIXELS) {
		err_set(file, line, "image '%s' is %d×%d pixels; the limit is %d a side and %ld in all",
		    im->src, im->width, im->height, IMAGE_MAX_SIDE, IMAGE_MAX_PIXELS);
		goto out;
	}
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
