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
	if (picture_verify(p, n, &h) != 0)	/* found now, not when a book is written */
		return leave_out(im, strict, file, line, "image '%s' is a damaged %s file: its "
		    "data is cut short or garbled past the header", name, type_name[h.type]);
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
