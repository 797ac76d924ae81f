/*
 * Pictures, decoded once for both books.
 *
 * JPEG goes through libjpeg-turbo directly: it is what cameras, phones and
 * picture desks deliver, and only libjpeg tells CMYK from Adobe's inverted
 * CMYK, hands over the ICC profile, and scales by 1/2, 1/4, 1/8 while
 * decoding (a 12-megapixel photo for a 3-megapixel page costs a quarter).
 * Every other format (PNG, GIF, WebP, TIFF, BMP, SVG) goes through
 * gdk-pixbuf and its loaders (webp-pixbuf-loader for WebP, librsvg for SVG,
 * given the bytes alone, so an SVG cannot reach other files), always asked
 * for by type so that no other loader sees the bytes. Colour profiles are
 * converted to sRGB with lcms2, EXIF orientation is read with libexif, and
 * scaling, rotating and encoding use gdk-pixbuf.
 */
#include <limits.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <jpeglib.h>
#include <jerror.h>
#include <lcms2.h>
#include <libexif/exif-data.h>
#include <png.h>

#include "image.h"
#include "picture.h"
#include "util.h"

static const char *const loader_type[] = {
	[IMG_JPEG] = "jpeg", [IMG_PNG] = "png", [IMG_GIF] = "gif", [IMG_WEBP] = "webp",
	[IMG_TIFF] = "tiff", [IMG_BMP] = "bmp", [IMG_SVG] = "svg",
};

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

/* The format the bytes begin with, or IMG_NONE. */
static enum image_type
sniff_type(const unsigned char *p, size_t n)
{
	size_t i;

	if (n >= 8 && memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0)
		return IMG_PNG;
	if (n >= 3 && p[0] == 0xff && p[1] == 0xd8 && p[2] == 0xff)
		return IMG_JPEG;
	if (n >= 6 && (memcmp(p, "GIF87a", 6) == 0 || memcmp(p, "GIF89a", 6) == 0))
		return IMG_GIF;
	if (n >= 12 && memcmp(p, "RIFF", 4) == 0 && memcmp(p + 8, "WEBP", 4) == 0)
		return IMG_WEBP;
	if (n >= 4 && (memcmp(p, "II*\0", 4) == 0 || memcmp(p, "MM\0*", 4) == 0))
		return IMG_TIFF;
	if (n >= 26 && p[0] == 'B' && p[1] == 'M')
		return IMG_BMP;
	/* SVG: "<svg" near the start, after an XML declaration or comments */
	for (i = 0; i + 4 <= n && i < 1024; i++)
		if (memcmp(p + i, "<svg", 4) == 0)
			return (n >= 1 && (p[0] == '<' || p[0] == 0xef || p[0] == ' ' || p[0] == '\n'))
			    ? IMG_SVG : IMG_NONE;
	return IMG_NONE;
}

/* ---- libjpeg ---- */

struct jerr {
	struct jpeg_error_mgr	 mgr;
	jmp_buf			 jb;
};

static void
jerr_exit(j_common_ptr ci)
{
	longjmp(((struct jerr *)ci->err)->jb, 1);
}

static void
jerr_silent(j_common_ptr ci, int level)
{
	(void)ci;
	(void)level;
}

/* EXIF orientation 1..8 from an EXIF blob P[0..N): a JPEG's APP1 payload
 * ("Exif\0\0" and a TIFF header), or the bare TIFF header and IFDs of a
 * PNG's eXIf or a WebP's EXIF chunk. 1 when there is none. */
static int
exif_orientation(const unsigned char *p, size_t n)
{
	ExifData *ed;
	ExifEntry *e;
	unsigned char *withhead = NULL;
	int o = 1;

	if (n >= 8 && n < UINT_MAX - 6 && (memcmp(p, "MM\0*", 4) == 0 || memcmp(p, "II*\0", 4) == 0)) {
		withhead = xmalloc(n + 6);	/* libexif wants the APP1 form */
		memcpy(withhead, "Exif\0\0", 6);
		memcpy(withhead + 6, p, n);
		p = withhead;
		n += 6;
	}
	if (n < 6 || memcmp(p, "Exif\0\0", 6) != 0 || n > UINT_MAX ||
	    (ed = exif_data_new_from_data(p, (unsigned)n)) == NULL) {
		free(withhead);
		return 1;
	}
	e = exif_data_get_entry(ed, EXIF_TAG_ORIENTATION);
	if (e && e->format == EXIF_FORMAT_SHORT && e->components >= 1)
		o = exif_get_short(e->data, exif_data_get_byte_order(ed));
	exif_data_unref(ed);
	free(withhead);
	return o >= 1 && o <= 8 ? o : 1;
}

/* Whether the ICC profile P[0..N) says it is sRGB (cameras and editors
 * embed one by name; such a file needs no conversion). */
static int
icc_is_srgb(const unsigned char *p, size_t n)
{
	cmsHPROFILE pr = cmsOpenProfileFromMem(p, (cmsUInt32Number)n);
	char desc[256] = "";
	int yes = 0;

	if (pr == NULL)
		return 1;	/* a broken profile is ignored, as browsers do */
	cmsGetProfileInfoASCII(pr, cmsInfoDescription, "en", "US", desc, sizeof(desc));
	yes = cmsGetColorSpace(pr) == cmsSigRgbData && strstr(desc, "sRGB") != NULL;
	cmsCloseProfile(pr);
	return yes;
}

/* Header of a JPEG: size, orientation, and whether it can be used as it is. */
static int
jpeg_head(const unsigned char *p, size_t n, struct picture_head *h)
{
	struct jpeg_decompress_struct ci;
	struct jerr je;
	jpeg_saved_marker_ptr m;
	JOCTET *icc = NULL;
	unsigned icclen = 0;

	ci.err = jpeg_std_error(&je.mgr);
	je.mgr.error_exit = jerr_exit;
	je.mgr.emit_message = jerr_silent;
	if (setjmp(je.jb)) {
		jpeg_destroy_decompress(&ci);
		free(icc);
		return -1;
	}
	jpeg_create_decompress(&ci);
	jpeg_mem_src(&ci, p, (unsigned long)n);
	jpeg_save_markers(&ci, JPEG_APP0 + 1, 0xffff);
	jpeg_save_markers(&ci, JPEG_APP0 + 2, 0xffff);
	jpeg_read_header(&ci, TRUE);
	h->w = (int)ci.image_width;
	h->h = (int)ci.image_height;
	for (m = ci.marker_list; m; m = m->next)
		if (m->marker == JPEG_APP0 + 1 && h->orientation == 1)
			h->orientation = exif_orientation(m->data, m->data_length);
	h->as_is = (ci.jpeg_color_space == JCS_YCbCr || ci.jpeg_color_space == JCS_GRAYSCALE) &&
	    h->orientation == 1;
	if (h->as_is && jpeg_read_icc_profile(&ci, &icc, &icclen) && !icc_is_srgb(icc, icclen))
		h->as_is = 0;
	free(icc);
	jpeg_destroy_decompress(&ci);
	return 0;
}

/* The first chunk of TYPE in a PNG (already checked chunk by chunk), before
 * its pixels (IDAT) when BEFORE_IDAT: its data, *LEN set; NULL for none. */
static const unsigned char *
png_chunk(const unsigned char *p, size_t n, const char *type, int before_idat, size_t *len)
{
	size_t off = 8;

	while (off + 12 <= n) {
		size_t l = be32(p + off);

		if (l > n - off - 12)
			return NULL;
		if (memcmp(p + off + 4, type, 4) == 0) {
			*len = l;
			return p + off + 8;
		}
		if (before_idat && memcmp(p + off + 4, "IDAT", 4) == 0)
			return NULL;
		off += 12 + l;
	}
	return NULL;
}

static uint32_t
le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Walk a WebP's RIFF chunks: return 0 when each chunk lies inside the
 * file the RIFF header says and the file holds all of it, -1 when it is
 * cut short or its sizes lie. The first chunk of TYPE (NULL: none sought)
 * goes to *DATA and *LEN (NULL when there is none). */
static int
webp_chunks(const unsigned char *p, size_t n, const char *type, const unsigned char **data,
    size_t *len)
{
	size_t end, off = 12;

	if (data)
		*data = NULL;
	if (n < 12 || (end = (size_t)le32(p + 4) + 8) > n || end < 20)
		return -1;
	while (off + 8 <= end) {
		size_t l = le32(p + off + 4);

		if (l > end - off - 8)
			return -1;
		if (type && data && *data == NULL && memcmp(p + off, type, 4) == 0) {
			*data = p + off + 8;
			*len = l;
		}
		off += 8 + l + (l & 1);
	}
	return off == end || off == end + 1 ? 0 : -1;
}

/* The EXIF orientation a PNG (eXIf chunk) or WebP (EXIF chunk) carries,
 * 1 when none: gdk-pixbuf's loaders do not report it. */
static int
chunk_orientation(enum image_type t, const unsigned char *p, size_t n)
{
	const unsigned char *x = NULL;
	size_t len = 0;

	if (t == IMG_PNG)
		x = png_chunk(p, n, "eXIf", 0, &len);
	else if (t == IMG_WEBP && webp_chunks(p, n, "EXIF", &x, &len) != 0)
		x = NULL;
	return x ? exif_orientation(x, len) : 1;
}

/* ---- gdk-pixbuf ---- */

struct sizecb {
	int	 w, h;
	int	 header_only;	/* stop after the header */
	int	 too_large;
};

static int
too_large(long w, long h)
{
	return w > IMAGE_MAX_SIDE || h > IMAGE_MAX_SIDE || w * h > IMAGE_MAX_PIXELS;
}

/* size-prepared: note the size, and stop the loader (size 0) before it
 * allocates pixels when only the header was wanted or the size is over
 * the limits. */
static void
on_size(GdkPixbufLoader *l, int w, int h, gpointer data)
{
	struct sizecb *s = data;

	s->w = w;
	s->h = h;
	s->too_large = too_large(w, h) || w <= 0 || h <= 0;
	if (s->header_only || s->too_large)
		gdk_pixbuf_loader_set_size(l, 0, 0);
}

/* Run type T's loader on P[0..N). Return the pixbuf (a reference the caller
 * drops), or NULL (header only, too large or broken); S gets the size. */
static GdkPixbuf *
pixbuf_run(enum image_type t, const unsigned char *p, size_t n, struct sizecb *s)
{
	GdkPixbufLoader *l = gdk_pixbuf_loader_new_with_type(loader_type[t], NULL);
	GdkPixbuf *pb = NULL;
	int ok;

	if (l == NULL)
		return NULL;
	g_signal_connect(l, "size-prepared", G_CALLBACK(on_size), s);
	ok = gdk_pixbuf_loader_write(l, p, n, NULL);
	ok = gdk_pixbuf_loader_close(l, NULL) && ok;
	if (ok && !s->header_only && !s->too_large && (pb = gdk_pixbuf_loader_get_pixbuf(l)))
		g_object_ref(pb);
	g_object_unref(l);
	return pb;
}

int
picture_head(const unsigned char *p, size_t n, struct picture_head *h)
{
	enum image_type t = sniff_type(p, n);
	struct sizecb s = {.header_only = 1};
	enum image_type st;
	int w, hh;

	memset(h, 0, sizeof(*h));
	h->orientation = 1;
	h->type = t;
	if (t == IMG_NONE)
		return -1;
	if (t == IMG_JPEG || t == IMG_PNG) {
		if (image_sniff(p, n, &st, &w, &hh) != 0)
			return -1;
		h->w = w;
		h->h = hh;
		if (t == IMG_PNG) {
			size_t len;

			h->orientation = chunk_orientation(t, p, n);
			h->as_is = png_chunk(p, n, "iCCP", 1, &len) == NULL && h->orientation == 1;
			return 0;
		}
		return jpeg_head(p, n, h);
	}
	if (t == IMG_WEBP && webp_chunks(p, n, NULL, NULL, NULL) != 0)
		return -1;	/* cut short, or chunk sizes that lie */
	pixbuf_run(t, p, n, &s);
	h->w = s.w;
	h->h = s.h;
	if (s.w <= 0 || s.h <= 0)
		return -1;
	if (t == IMG_WEBP)
		h->orientation = chunk_orientation(t, p, n);
	if (t == IMG_TIFF && !too_large(s.w, s.h)) {
		/* TIFF keeps its orientation in a tag only a full decode reports */
		struct sizecb f = {0};
		GdkPixbuf *pb = pixbuf_run(t, p, n, &f);
		const char *o;

		if (pb == NULL)
			return -1;
		if ((o = gdk_pixbuf_get_option(pb, "orientation")) && *o >= '1' && *o <= '8')
			h->orientation = *o - '0';
		g_object_unref(pb);
	}
	return 0;
}

/* A libjpeg message handler that notes the warnings that mean the
 * entropy-coded data is damaged (bad codes, data cut short, a marker where
 * data should be); harmless ones (extra bytes before a marker) pass. */
struct jcheck {
	struct jerr	 je;
	int		 damaged;
};

static void
jwarn_note(j_common_ptr ci, int level)
{
	struct jcheck *jc = (struct jcheck *)ci->err;
	int code = ci->err->msg_code;

	if (level < 0 && (code == JWRN_HUFF_BAD_CODE || code == JWRN_ARITH_BAD_CODE ||
	    code == JWRN_HIT_MARKER || code == JWRN_JPEG_EOF || code == JWRN_MUST_RESYNC))
		jc->damaged = 1;
}

/* Decode a JPEG's data to its end at 1/8 scale (the entropy decoding is
 * the whole check; the pixels are dropped). Return 0, or -1 when damaged. */
static int
jpeg_verify(const unsigned char *p, size_t n)
{
	struct jpeg_decompress_struct ci;
	struct jcheck jc = {0};
	JSAMPARRAY row;

	ci.err = jpeg_std_error(&jc.je.mgr);
	jc.je.mgr.error_exit = jerr_exit;
	jc.je.mgr.emit_message = jwarn_note;
	if (setjmp(jc.je.jb)) {
		jpeg_destroy_decompress(&ci);
		return -1;
	}
	jpeg_create_decompress(&ci);
	jpeg_mem_src(&ci, p, (unsigned long)n);
	jpeg_read_header(&ci, TRUE);
	ci.scale_num = 1;
	ci.scale_denom = 8;
	ci.dct_method = JDCT_IFAST;
	ci.out_color_space = ci.jpeg_color_space == JCS_GRAYSCALE ? JCS_GRAYSCALE : ci.out_color_space;
	jpeg_start_decompress(&ci);
	row = (*ci.mem->alloc_sarray)((j_common_ptr)&ci, JPOOL_IMAGE,
	    ci.output_width * (JDIMENSION)ci.output_components, 1);
	while (ci.output_scanline < ci.output_height && !jc.damaged)
		jpeg_read_scanlines(&ci, row, 1);
	if (!jc.damaged)
		jpeg_finish_decompress(&ci);
	jpeg_destroy_decompress(&ci);
	return jc.damaged ? -1 : 0;
}

struct pngsrc {
	const unsigned char	*p;
	size_t			 n, off;
};

static void
png_from_mem(png_structp png, png_bytep out, png_size_t len)
{
	struct pngsrc *s = png_get_io_ptr(png);

	if (len > s->n - s->off)
		png_error(png, "cut short");
	memcpy(out, s->p + s->off, len);
	s->off += len;
}

static void
png_quiet(png_structp png, png_const_charp msg)
{
	(void)png;
	(void)msg;
}

static void
png_fail(png_structp png, png_const_charp msg)
{
	(void)msg;
	png_longjmp(png, 1);
}

/* Inflate and unfilter a PNG's rows one at a time (libpng checks the
 * zlib stream and every CRC), then read its end. Return 0, or -1 when
 * damaged. The row buffer is all it keeps. */
static int
png_verify(const unsigned char *p, size_t n)
{
	struct pngsrc src = {p, n, 0};
	png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, NULL, png_fail, png_quiet);
	png_infop info = png ? png_create_info_struct(png) : NULL;
	unsigned char *volatile row = NULL;
	int ret = -1;

	if (info == NULL)
		goto out;
	if (setjmp(png_jmpbuf(png)))
		goto out;
	png_set_read_fn(png, &src, png_from_mem);
	png_read_info(png, info);
	{
		int passes = png_set_interlace_handling(png);
		png_uint_32 h = png_get_image_height(png, info);

		png_read_update_info(png, info);
		row = xmalloc(png_get_rowbytes(png, info));
		for (int k = 0; k < passes; k++)
			for (png_uint_32 y = 0; y < h; y++)
				png_read_row(png, row, NULL);
	}
	png_read_end(png, NULL);
	ret = 0;
out:
	png_destroy_read_struct(&png, info ? &info : NULL, NULL);
	free(row);
	return ret;
}

int
picture_verify(const unsigned char *p, size_t n, const struct picture_head *h)
{
	struct sizecb s = {0};
	GdkPixbuf *pb;

	switch (h->type) {
	case IMG_JPEG:
		return jpeg_verify(p, n);
	case IMG_PNG:
		return png_verify(p, n);
	case IMG_TIFF:
		return 0;	/* decoded whole by picture_head already */
	case IMG_NONE:
		return -1;
	default:
		/* the other loaders give no pixels for data they cannot read */
		if ((pb = pixbuf_run(h->type, p, n, &s)) == NULL)
			return -1;
		g_object_unref(pb);
		return 0;
	}
}

int
picture_cover(const struct book *bk, struct image *im)
{
	struct picture_head h;
	const unsigned char *p;
	char *raw = NULL;
	size_t n;
	int ret = -1;

	memset(im, 0, sizeof(*im));
	if (bk->cover) {
		im->src = im->path = bk->cover;
	} else if (bk->cover_data) {	/* a feed's image, checked by the builder */
		im->src = bk->cover_url;
		im->data = bk->cover_data;
		im->len = bk->cover_len;
	} else
		return 0;
	if (picture_bytes(im, &p, &n, &raw) != 0)
		goto out;
	if (picture_head(p, n, &h) != 0) {
		err_set(im->src, 0, "not an image (or changed while reading)");
		goto out;
	}
	im->type = h.type;
	im->orientation = h.orientation;
	im->width = h.orientation >= 5 ? h.h : h.w;
	im->height = h.orientation >= 5 ? h.w : h.h;
	im->as_is = h.as_is;
	im->bytes = n;
	ret = 1;
out:
	free(raw);
	return ret;
}

int
picture_bytes(const struct image *im, const unsigned char **p, size_t *n, char **buf)
{
	*buf = NULL;
	if (im->data) {
		*p = im->data;
		*n = im->len;
		return 0;
	}
	if (im->path == NULL)
		return err_set(im->src, im->line, "image has no file");
	if (file_read(im->path, buf, n) != 0)
		return -1;
	*p = (const unsigned char *)*buf;
	return 0;
}

/* Convert P's pixels (RGBA, or CMYK when CMYK) to sRGB RGBA with the ICC
 * profile ICC[0..N) (none: N 0); INVERTED: Adobe's CMYK, where 0 is full ink. */
static void
to_srgb(struct picture *p, const unsigned char *icc, size_t n, int cmyk, int inverted)
{
	cmsHPROFILE in = n ? cmsOpenProfileFromMem(icc, (cmsUInt32Number)n) : NULL;
	size_t i, npx = (size_t)p->w * p->h;
	cmsHTRANSFORM tr = NULL;

	if (in && cmsGetColorSpace(in) == (cmyk ? cmsSigCmykData : cmsSigRgbData) &&
	    (cmyk || !icc_is_srgb(icc, n))) {
		cmsHPROFILE srgb = cmsCreate_sRGBProfile();

		tr = cmsCreateTransform(in, cmyk ? (inverted ? TYPE_CMYK_8_REV : TYPE_CMYK_8) : TYPE_RGBA_8,
		    srgb, TYPE_RGBA_8, INTENT_PERCEPTUAL, cmyk ? 0 : cmsFLAGS_COPY_ALPHA);
		cmsCloseProfile(srgb);
	}
	if (tr && cmyk) {
		unsigned char *rgb = xmalloc(npx * 4);

		memset(rgb, 255, npx * 4);
		cmsDoTransform(tr, p->px, rgb, (cmsUInt32Number)npx);
		free(p->px);
		p->px = rgb;
	} else if (tr) {
		cmsDoTransform(tr, p->px, p->px, (cmsUInt32Number)npx);
	} else if (cmyk) {
		/* no profile: the plain formula, ink by ink */
		for (i = 0; i < npx; i++) {
			unsigned char *q = p->px + i * 4;
			unsigned c = q[0], m = q[1], y = q[2], k = q[3];

			if (!inverted) {
				c = 255 - c, m = 255 - m, y = 255 - y, k = 255 - k;
			}
			q[0] = (unsigned char)(c * k / 255);
			q[1] = (unsigned char)(m * k / 255);
			q[2] = (unsigned char)(y * k / 255);
			q[3] = 255;
		}
	}
	if (tr)
		cmsDeleteTransform(tr);
	if (in)
		cmsCloseProfile(in);
}

/* The size W x H (shown as stored, or turned by ORIENTATION 5..8) must take
 * to fit MAXW x MAXH; unchanged when it fits or there is no limit. */
static void
fit(int w, int h, int orientation, int maxw, int maxh, int *tw, int *th)
{
	int dw = orientation >= 5 ? h : w, dh = orientation >= 5 ? w : h;
	double s;

	*tw = w;
	*th = h;
	if (maxw <= 0 || maxh <= 0 || (dw <= maxw && dh <= maxh))
		return;
	s = (double)maxw / dw < (double)maxh / dh ? (double)maxw / dw : (double)maxh / dh;
	dw = (int)(dw * s + 0.5);
	dh = (int)(dh * s + 0.5);
	dw = dw < 1 ? 1 : dw;
	dh = dh < 1 ? 1 : dh;
	*tw = orientation >= 5 ? dh : dw;
	*th = orientation >= 5 ? dw : dh;
}

/* Decode a JPEG with libjpeg, at the smallest of 1/8 … 8/8 that still
 * covers MAXW x MAXH. */
static int
jpeg_decode(const struct image *im, const unsigned char *p, size_t n, int maxw, int maxh,
    struct picture *out, int *orientation)
{
	struct jpeg_decompress_struct ci;
	struct jerr je;
	unsigned char *volatile px = NULL, *volatile row = NULL;
	JOCTET *volatile icc = NULL;
	JOCTET *iccp = NULL;
	unsigned icclen = 0, num;
	jpeg_saved_marker_ptr m;
	int cmyk, tw, th;

	ci.err = jpeg_std_error(&je.mgr);
	je.mgr.error_exit = jerr_exit;
	je.mgr.emit_message = jerr_silent;
	if (setjmp(je.jb)) {
		jpeg_destroy_decompress(&ci);
		free(px);
		free(row);
		free(icc);
		return err_set(im->src, im->line, "image '%s': a damaged JPEG file", im->src);
	}
	jpeg_create_decompress(&ci);
	jpeg_mem_src(&ci, p, (unsigned long)n);
	jpeg_save_markers(&ci, JPEG_APP0 + 1, 0xffff);
	jpeg_save_markers(&ci, JPEG_APP0 + 2, 0xffff);
	jpeg_read_header(&ci, TRUE);
	if (too_large(ci.image_width, ci.image_height)) {
		jpeg_destroy_decompress(&ci);
		return err_set(im->src, im->line, "image '%s' is too large", im->src);
	}
	*orientation = 1;
	for (m = ci.marker_list; m; m = m->next)
		if (m->marker == JPEG_APP0 + 1 && *orientation == 1)
			*orientation = exif_orientation(m->data, m->data_length);
	if (jpeg_read_icc_profile(&ci, &iccp, &icclen))
		icc = iccp;
	cmyk = ci.jpeg_color_space == JCS_CMYK || ci.jpeg_color_space == JCS_YCCK;
	ci.out_color_space = cmyk ? JCS_CMYK : ci.jpeg_color_space == JCS_GRAYSCALE ?
	    JCS_GRAYSCALE : JCS_EXT_RGBA;
	fit((int)ci.image_width, (int)ci.image_height, *orientation, maxw, maxh, &tw, &th);
	for (num = 1; num < 8; num++)
		if ((ci.image_width * num + 7) / 8 >= (unsigned)tw &&
		    (ci.image_height * num + 7) / 8 >= (unsigned)th)
			break;
	ci.scale_num = num;
	ci.scale_denom = 8;
	ci.dct_method = JDCT_ISLOW;
	jpeg_start_decompress(&ci);
	out->w = (int)ci.output_width;
	out->h = (int)ci.output_height;
	px = xmalloc((size_t)out->w * out->h * 4);
	row = xmalloc((size_t)out->w * ci.output_components);
	while (ci.output_scanline < ci.output_height) {
		unsigned char *d = px + (size_t)ci.output_scanline * out->w * 4;
		JSAMPROW r = row;

		jpeg_read_scanlines(&ci, &r, 1);
		if (ci.output_components == 1)
			for (int x = 0; x < out->w; x++) {
				d[x * 4] = d[x * 4 + 1] = d[x * 4 + 2] = row[x];
				d[x * 4 + 3] = 255;
			}
		else
			memcpy(d, row, (size_t)out->w * 4);
	}
	jpeg_finish_decompress(&ci);
	out->px = px;
	px = NULL;
	if (cmyk || icc)
		to_srgb(out, icc, icc ? icclen : 0, cmyk, cmyk && ci.saw_Adobe_marker);
	jpeg_destroy_decompress(&ci);
	free(row);
	free(icc);
	return 0;
}

/* Decode any other format with its gdk-pixbuf loader. */
static int
pixbuf_decode(const struct image *im, enum image_type t, const unsigned char *p, size_t n,
    struct picture *out, int *orientation)
{
	struct sizecb s = {0};
	GdkPixbuf *pb = pixbuf_run(t, p, n, &s);
	const char *o, *icc64;
	int nc, stride;
	const unsigned char *src;

	if (pb == NULL)
		return err_set(im->src, im->line, s.too_large ? "image '%s' is too large" :
		    "image '%s': a damaged %s file", im->src, loader_type[t]);
	*orientation = chunk_orientation(t, p, n);
	if (*orientation == 1 && (o = gdk_pixbuf_get_option(pb, "orientation")) && *o >= '1' &&
	    *o <= '8')
		*orientation = *o - '0';
	out->w = gdk_pixbuf_get_width(pb);
	out->h = gdk_pixbuf_get_height(pb);
	nc = gdk_pixbuf_get_n_channels(pb);
	stride = gdk_pixbuf_get_rowstride(pb);
	src = gdk_pixbuf_read_pixels(pb);
	out->px = xmalloc((size_t)out->w * out->h * 4);
	for (int y = 0; y < out->h; y++)
		for (int x = 0; x < out->w; x++) {
			const unsigned char *q = src + (size_t)y * stride + (size_t)x * nc;
			unsigned char *d = out->px + ((size_t)y * out->w + x) * 4;

			d[0] = q[0], d[1] = q[1], d[2] = q[2];
			d[3] = nc == 4 ? q[3] : 255;
		}
	if ((icc64 = gdk_pixbuf_get_option(pb, "icc-profile")) != NULL) {
		gsize len;
		guchar *icc = g_base64_decode(icc64, &len);

		to_srgb(out, icc, len, 0, 0);
		g_free(icc);
	}
	g_object_unref(pb);
	return 0;
}

/* A pixbuf over P's pixels (no copy). */
static GdkPixbuf *
wrap(const struct picture *p)
{
	return gdk_pixbuf_new_from_data(p->px, GDK_COLORSPACE_RGB, TRUE, 8, p->w, p->h,
	    p->w * 4, NULL, NULL);
}

/* Replace P's pixels by those of PB (dropped). */
static void
take(struct picture *p, GdkPixbuf *pb)
{
	int w = gdk_pixbuf_get_width(pb), h = gdk_pixbuf_get_height(pb);
	int stride = gdk_pixbuf_get_rowstride(pb);
	const unsigned char *src = gdk_pixbuf_read_pixels(pb);
	unsigned char *px = xmalloc((size_t)w * h * 4);

	for (int y = 0; y < h; y++)
		memcpy(px + (size_t)y * w * 4, src + (size_t)y * stride, (size_t)w * 4);
	g_object_unref(pb);
	free(p->px);
	p->px = px;
	p->w = w;
	p->h = h;
}

/* Scale P to TW x TH when it differs, then turn it upright. */
static void
scale_orient(struct picture *p, int tw, int th, int orientation)
{
	GdkPixbuf *a, *b;

	if (tw != p->w || th != p->h) {
		a = wrap(p);
		take(p, gdk_pixbuf_scale_simple(a, tw, th, GDK_INTERP_BILINEAR));
		g_object_unref(a);
	}
	if (orientation <= 1 || orientation > 8)
		return;
	a = wrap(p);
	if (orientation == 2 || orientation == 5 || orientation == 7)
		b = gdk_pixbuf_flip(a, TRUE);
	else if (orientation == 4)
		b = gdk_pixbuf_flip(a, FALSE);
	else
		b = g_object_ref(a);
	g_object_unref(a);
	if (orientation == 3)
		a = gdk_pixbuf_rotate_simple(b, GDK_PIXBUF_ROTATE_UPSIDEDOWN);
	else if (orientation == 5 || orientation == 8)
		a = gdk_pixbuf_rotate_simple(b, GDK_PIXBUF_ROTATE_COUNTERCLOCKWISE);
	else if (orientation == 6 || orientation == 7)
		a = gdk_pixbuf_rotate_simple(b, GDK_PIXBUF_ROTATE_CLOCKWISE);
	else
		a = g_object_ref(b);
	g_object_unref(b);
	take(p, a);
}

int
picture_load(const struct image *im, int maxw, int maxh, struct picture *out)
{
	const unsigned char *p;
	size_t n, i;
	char *buf;
	enum image_type t;
	int orientation = 1, tw, th, r;

	memset(out, 0, sizeof(*out));
	if (picture_bytes(im, &p, &n, &buf) != 0)
		return -1;
	t = sniff_type(p, n);
	if (t == IMG_NONE)
		r = err_set(im->src, im->line, "image '%s' is not an image file", im->src);
	else if (t == IMG_JPEG)
		r = jpeg_decode(im, p, n, maxw, maxh, out, &orientation);
	else
		r = pixbuf_decode(im, t, p, n, out, &orientation);
	free(buf);
	if (r != 0) {
		picture_free(out);
		return -1;
	}
	fit(out->w, out->h, orientation, maxw, maxh, &tw, &th);
	scale_orient(out, tw, th, orientation);
	for (i = 0, out->alpha = 0; i < (size_t)out->w * out->h && !out->alpha; i++)
		out->alpha = out->px[i * 4 + 3] != 255;
	return 0;
}

int
picture_encode(const struct picture *p, enum image_type t, int quality,
    unsigned char **data, size_t *len)
{
	GdkPixbuf *pb = gdk_pixbuf_new(GDK_COLORSPACE_RGB, t == IMG_PNG && p->alpha, 8, p->w, p->h);
	int nc = gdk_pixbuf_get_n_channels(pb), stride = gdk_pixbuf_get_rowstride(pb);
	unsigned char *dst = gdk_pixbuf_get_pixels(pb);
	gchar *out = NULL;
	gsize n = 0;
	char q[8];
	gboolean ok;

	for (int y = 0; y < p->h; y++)
		for (int x = 0; x < p->w; x++) {
			const unsigned char *s = p->px + ((size_t)y * p->w + x) * 4;
			unsigned char *d = dst + (size_t)y * stride + (size_t)x * nc;
			unsigned a = s[3];

			if (nc == 4) {
				memcpy(d, s, 4);
				continue;
			}
			/* dropped alpha goes onto white, as a page shows it */
			for (int c = 0; c < 3; c++)
				d[c] = (unsigned char)((s[c] * a + 255 * (255 - a) + 127) / 255);
		}
	snprintf(q, sizeof(q), "%d", quality < 1 ? 1 : quality > 100 ? 100 : quality);
	if (t == IMG_JPEG)
		ok = gdk_pixbuf_save_to_buffer(pb, &out, &n, "jpeg", NULL, "quality", q, NULL);
	else
		ok = gdk_pixbuf_save_to_buffer(pb, &out, &n, "png", NULL, NULL);
	g_object_unref(pb);
	if (!ok) {
		g_free(out);
		return err_set(NULL, 0, "cannot encode a picture");
	}
	*data = xmalloc(n ? n : 1);
	memcpy(*data, out, n);
	*len = n;
	g_free(out);
	return 0;
}

void
picture_free(struct picture *p)
{
	free(p->px);
	p->px = NULL;
	p->w = p->h = 0;
}
