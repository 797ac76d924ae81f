/* The EPUB writer's generated cover: a typographic cover drawn with Cairo
 * and Pango from the book's title, subtitle and authors. */
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <pango/pangocairo.h>
#include <png.h>
#include <zlib.h>

#include "epub_int.h"
#include "util.h"

#define COVER_W 1600
#define COVER_H 2560

static const double cream[3] = { 0.965, 0.937, 0.875 };
static const double gold[3] = { 0.831, 0.686, 0.416 };

/* A centred layout of TEXT, WIDTH pixels wide, SIZE pixels high type.
 * Caller unrefs. */
static PangoLayout *
layout(PangoContext *ctx, const char *text, const char *family, double size, PangoWeight weight,
    PangoStyle style, int width, double tracking)
{
	PangoLayout *l = pango_layout_new(ctx);
	PangoFontDescription *fd = pango_font_description_new();

	pango_font_description_set_family(fd, family);
	pango_font_description_set_weight(fd, weight);
	pango_font_description_set_style(fd, style);
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, width * PANGO_SCALE);
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
	pango_layout_set_spacing(l, (int)(size * 0.08 * PANGO_SCALE));
	if (tracking > 0) {
		PangoAttrList *al = pango_attr_list_new();

		pango_attr_list_insert(al, pango_attr_letter_spacing_new((int)(tracking * PANGO_SCALE)));
		pango_layout_set_attributes(l, al);
		pango_attr_list_unref(al);
	}
	pango_layout_set_text(l, text, -1);
	return l;
}

/* Narrow L as far as it keeps its number of lines, so a title breaks into
 * lines of even length instead of leaving one word alone on the last. */
static void
balance(PangoLayout *l)
{
	int lines = pango_layout_get_line_count(l), lo, hi;

	if (lines < 2)
		return;
	hi = pango_layout_get_width(l);
	lo = hi / 2;
	while (hi - lo > 8 * PANGO_SCALE) {
		int mid = (lo + hi) / 2;

		pango_layout_set_width(l, mid);
		if (pango_layout_get_line_count(l) > lines)
			lo = mid;
		else
			hi = mid;
	}
	pango_layout_set_width(l, hi);
}

/* Draw L with its top at Y, centred; return its height in pixels. */
static double
draw(cairo_t *cr, PangoLayout *l, double y, const double rgb[3])
{
	int w, h;

	pango_layout_get_pixel_size(l, &w, &h);
	cairo_set_source_rgb(cr, rgb[0], rgb[1], rgb[2]);
	cairo_move_to(cr, (COVER_W - pango_layout_get_width(l) / PANGO_SCALE) / 2.0, y);
	pango_cairo_show_layout(cr, l);
	return h;
}

/* libpng output: append to the buffer. */
static void
png_out(png_structp png, png_bytep data, size_t n)
{
	buf_put(png_get_io_ptr(png), data, n);
}

/* libpng flush: nothing to do for a buffer. */
static void
png_flush(png_structp png)
{
	(void)png;
}

/* Encode the RGB24 surface S as a PNG into OUT. Cairo's own writer spends
 * more time than the rest of the cover: rows here are filtered with Sub and
 * compressed run-length first, which suits flat colour and gradients.
 * Return 0, or -1 with the error set. */
static int
png_encode(cairo_surface_t *s, struct buf *out)
{
	int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
	int stride = cairo_image_surface_get_stride(s);
	const unsigned char *px = cairo_image_surface_get_data(s);
	png_structp png;
	png_infop info = NULL;
	unsigned char *row = xmalloc((size_t)w * 3);
	int ret = -1;

	if ((png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL)) == NULL ||
	    (info = png_create_info_struct(png)) == NULL) {
		err_set(NULL, 0, "cannot encode the cover");
		goto out;
	}
	if (setjmp(png_jmpbuf(png))) {
		err_set(NULL, 0, "cannot encode the cover");
		goto out;
	}
	png_set_write_fn(png, out, png_out, png_flush);
	png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, 8, PNG_COLOR_TYPE_RGB,
	    PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
	png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_SUB);
	png_set_compression_strategy(png, Z_RLE);
	png_set_compression_level(png, 6);
	png_write_info(png, info);
	for (int y = 0; y < h; y++) {
		const uint32_t *p = (const uint32_t *)(const void *)(px + (size_t)y * (size_t)stride);

		for (int x = 0; x < w; x++) {
			row[3 * x] = (unsigned char)(p[x] >> 16);
			row[3 * x + 1] = (unsigned char)(p[x] >> 8);
			row[3 * x + 2] = (unsigned char)p[x];
		}
		png_write_row(png, row);
	}
	png_write_end(png, NULL);
	ret = 0;
out:
	if (png)
		png_destroy_write_struct(&png, info ? &info : NULL);
	free(row);
	return ret;
}

/* A small lozenge between two short rules, centred at Y. */
static void
ornament(cairo_t *cr, double y)
{
	double cx = COVER_W / 2.0;

	cairo_set_source_rgb(cr, gold[0], gold[1], gold[2]);
	cairo_set_line_width(cr, 3);
	cairo_move_to(cr, cx - 190, y);
	cairo_line_to(cr, cx - 34, y);
	cairo_move_to(cr, cx + 34, y);
	cairo_line_to(cr, cx + 190, y);
	cairo_stroke(cr);
	cairo_move_to(cr, cx, y - 16);
	cairo_line_to(cr, cx + 16, y);
	cairo_line_to(cr, cx, y + 16);
	cairo_line_to(cr, cx - 16, y);
	cairo_close_path(cr);
	cairo_fill(cr);
}

/* The cover's ground: the accent colour RGB, a shade darker towards the
 * foot, in a double rule frame. */
static void
ground(cairo_t *cr, const double rgb[3])
{
	double dark[3];
	size_t i;

	for (i = 0; i < 3; i++)
		dark[i] = rgb[i] * 0.55;
	{
		cairo_pattern_t *g = cairo_pattern_create_linear(0, 0, 0, COVER_H);

		cairo_pattern_add_color_stop_rgb(g, 0, rgb[0], rgb[1], rgb[2]);
		cairo_pattern_add_color_stop_rgb(g, 1, dark[0], dark[1], dark[2]);
		cairo_set_source(cr, g);
		cairo_paint(cr);
		cairo_pattern_destroy(g);
	}
	/* A double rule frame. */
	cairo_set_source_rgb(cr, gold[0], gold[1], gold[2]);
	cairo_set_line_width(cr, 6);
	cairo_rectangle(cr, 90, 90, COVER_W - 180, COVER_H - 180);
	cairo_stroke(cr);
	cairo_set_line_width(cr, 2);
	cairo_rectangle(cr, 112, 112, COVER_W - 224, COVER_H - 224);
	cairo_stroke(cr);
}

int
cover_render(const struct book *bk, const char *family, const double rgb[3], char **png,
    size_t *len)
{
	cairo_surface_t *s;
	cairo_t *cr;
	PangoFontMap *fm;
	PangoContext *ctx;
	PangoLayout *title = NULL, *sub = NULL, *by = NULL, *pub = NULL;
	struct buf authors = {0}, out = {0};
	double size, y, th, sh = 0;
	int w, h, ret = -1;
	size_t i;

	s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, COVER_W, COVER_H);
	cr = cairo_create(s);
	/* A font map of our own, freed with its caches when the cover is done. */
	fm = pango_cairo_font_map_new();
	ctx = pango_font_map_create_context(fm);
	pango_cairo_update_context(cr, ctx);
	if (bk->lang)
		pango_context_set_language(ctx, pango_language_from_string(bk->lang));

	ground(cr, rgb);

	/* The title: as large as fits in five lines. */
	for (size = 200; ; size -= 8) {
		title = layout(ctx, bk->title ? bk->title : "", family, size, PANGO_WEIGHT_BOLD,
		    PANGO_STYLE_NORMAL, 1160, 0);
		pango_layout_get_pixel_size(title, &w, &h);
		if ((pango_layout_get_line_count(title) <= 5 && h <= 1000) || size <= 72)
			break;
		g_object_unref(title);
	}
	balance(title);
	pango_layout_get_pixel_size(title, &w, &h);
	th = h;
	if (bk->subtitle) {
		sub = layout(ctx, bk->subtitle, family, 68, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC,
		    1080, 0);
		balance(sub);
		pango_layout_get_pixel_size(sub, &w, &h);
		sh = h;
	}
	for (i = 0; i < bk->nauthors; i++) {
		if (i)
			buf_puts(&authors, i + 1 == bk->nauthors ? " & " : ", ");
		buf_puts(&authors, bk->authors[i]);
	}
	if (authors.len) {
		char *up = g_utf8_strup(authors.data, -1);

		by = layout(ctx, up, family, 54, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 1160, 7);
		balance(by);
		g_free(up);
	}
	if (bk->publisher) {
		char *up = g_utf8_strup(bk->publisher, -1);

		pub = layout(ctx, up, family, 36, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 1160, 8);
		g_free(up);
	}

	/* Title and subtitle stand a little above the middle. */
	y = 1080 - (th + (sub ? 80 + 60 + sh : 0)) / 2;
	if (y < 300)
		y = 300;
	draw(cr, title, y, cream);
	y += th + 70;
	ornament(cr, y);
	if (sub)
		draw(cr, sub, y + 70, cream);
	if (by) {
		pango_layout_get_pixel_size(by, &w, &h);
		draw(cr, by, COVER_H - 420 - h / 2.0, gold);
	}
	if (pub)
		draw(cr, pub, COVER_H - 250, gold);

	cairo_surface_flush(s);
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
		err_set(NULL, 0, "cannot draw the cover: %s", cairo_status_to_string(cairo_status(cr)));
		goto out;
	}
	if (png_encode(s, &out) < 0) {
		buf_free(&out);
		goto out;
	}
	*len = out.len;
	*png = buf_detach(&out);
	ret = 0;
out:
	if (title)
		g_object_unref(title);
	if (sub)
		g_object_unref(sub);
	if (by)
		g_object_unref(by);
	if (pub)
		g_object_unref(pub);
	buf_free(&authors);
	g_object_unref(ctx);
	g_object_unref(fm);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	return ret;
}
