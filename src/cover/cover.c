/* The generated cover: a typographic cover drawn with Cairo and Pango from
 * the book's title, subtitle, authors and publisher, in one design for the
 * EPUB's cover picture (rendered to a PNG here) and the PDF's front cover
 * and wrap cover (drawn as vectors on the PDF's own surface). Words break
 * between words; a word breaks only at a hyphenation point of the book's
 * language (typo/hyph.c) when no size lets the text fit without, and the
 * lines are balanced. */
#include <math.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <pango/pangocairo.h>
#include <png.h>
#include <zlib.h>

#include "buf.h"
#include "cover.h"
#include "typo/hyph.h"
#include "util.h"

static const double cream[3] = { 0.965, 0.937, 0.875 };
static const double gold[3] = { 0.831, 0.686, 0.416 };

/* How a text may break: between words only, also at the language's
 * hyphenation points, or anywhere (a last resort for a word too long for
 * the line even at the smallest size). */
enum brk { BRK_WORDS, BRK_HYPH, BRK_ANY };

/* A text block of the cover and the room it has. */
struct spec {
	const char	*text;
	const char	*family;
	double		 max, min;	/* type size range, units */
	PangoWeight	 weight;
	PangoStyle	 style;
	int		 width;		/* measure, units */
	double		 tracking;	/* letter spacing, units */
	int		 maxlines;
	double		 maxh;		/* height, units */
	PangoAlignment	 align;
};

char *
cover_family(const struct theme *th)
{
	struct buf fam = {0};

	/* The theme's heading family, then its families for other scripts,
	 * so an Arabic or Chinese title is set in a book face. */
	buf_puts(&fam, th && th->family[FONT_HEADING] ? th->family[FONT_HEADING] :
	    th && th->family[FONT_BODY] ? th->family[FONT_BODY] : "Charis SIL");
	if (th && th->nfallback)
		for (size_t i = 0; i < th->nfallback; i++)
			buf_printf(&fam, ",%s", th->fallback[i]);
	else
		BUF_PUTSL(&fam, ",Noto Naskh Arabic,Noto Serif CJK SC,Noto Serif CJK JP,Noto Serif");
	return buf_detach(&fam);
}

const double *
cover_color(const struct theme *th)
{
	static const double ink[3] = { 0.11, 0.19, 0.27 };

	return th ? th->accent_color : ink;
}

/* TEXT with a soft hyphen (U+00AD) at each hyphenation point of its words
 * in LANG. Fresh string. */
static char *
soft_hyphens(const char *text, const char *lang)
{
	struct buf b = {0};
	const char *p = text;

	while (*p) {
		size_t n = strcspn(p, " \t\n"), i;
		unsigned char *pts;

		if (n == 0) {
			buf_putc(&b, *p++);
			continue;
		}
		pts = xcalloc(n + 1, 1);
		if (lang && *lang)
			hy_points(lang, p, n, pts);
		for (i = 0; i < n; i++) {
			buf_putc(&b, p[i]);
			if (pts[i])
				BUF_PUTSL(&b, "\xc2\xad");
		}
		free(pts);
		p += n;
	}
	return buf_detach(&b);
}

/* A layout of TEXT as S asks at SIZE units, breaking as BRK allows.
 * Caller unrefs. */
static PangoLayout *
layout(PangoContext *ctx, const struct spec *s, const char *text, double size, enum brk brk)
{
	PangoLayout *l = pango_layout_new(ctx);
	PangoFontDescription *fd = pango_font_description_new();

	pango_font_description_set_family(fd, s->family);
	pango_font_description_set_weight(fd, s->weight);
	pango_font_description_set_style(fd, s->style);
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, s->width * PANGO_SCALE);
	pango_layout_set_wrap(l, brk == BRK_ANY ? PANGO_WRAP_WORD_CHAR : PANGO_WRAP_WORD);
	pango_layout_set_alignment(l, s->align);
	pango_layout_set_spacing(l, (int)(size * 0.08 * PANGO_SCALE));
	if (s->tracking > 0) {
		PangoAttrList *al = pango_attr_list_new();

		pango_attr_list_insert(al, pango_attr_letter_spacing_new((int)(s->tracking * PANGO_SCALE)));
		pango_layout_set_attributes(l, al);
		pango_attr_list_unref(al);
	}
	pango_layout_set_text(l, text, -1);
	return l;
}

/* Whether every line of L stays inside its measure and, unless BRK_ANY,
 * begins at a break opportunity of the text (a space, a hyphen or dash,
 * a soft hyphen put at a hyphenation point, between ideographs): never
 * inside a word. *INWORD (if not NULL) set to the lines ending at a soft
 * hyphen. */
static int
fits(PangoLayout *l, enum brk brk, int *inword)
{
	const char *t = pango_layout_get_text(l);
	const PangoLogAttr *at;
	int nat, width = pango_layout_get_width(l), n = 0;
	GSList *it;

	at = pango_layout_get_log_attrs_readonly(l, &nat);
	for (it = pango_layout_get_lines_readonly(l); it; it = it->next) {
		PangoLayoutLine *ln = it->data;
		PangoRectangle ink;
		long c;

		pango_layout_line_get_extents(ln, &ink, NULL);
		if (ink.width > width + width / 50)
			return 0;
		if (ln->start_index == 0)
			continue;
		c = g_utf8_pointer_to_offset(t, t + ln->start_index);
		if (brk != BRK_ANY && (c >= nat || !at[c].is_line_break))
			return 0;
		if (str_startswith(g_utf8_prev_char(t + ln->start_index), "\xc2\xad"))
			n++;
	}
	if (inword)
		*inword = n;
	return 1;
}

/* Narrow L as far as it keeps its number of lines, its words whole as BRK
 * asks and no more words broken, so a title breaks into lines of even
 * length instead of leaving one word alone on the last. */
static void
balance(PangoLayout *l, enum brk brk)
{
	int lines = pango_layout_get_line_count(l), lo, hi, broken = 0, b;

	if (lines < 2)
		return;
	fits(l, brk, &broken);
	hi = pango_layout_get_width(l);
	lo = hi / 2;
	while (hi - lo > 8 * PANGO_SCALE) {
		int mid = (lo + hi) / 2;

		pango_layout_set_width(l, mid);
		if (pango_layout_get_line_count(l) > lines || !fits(l, brk, &b) || b > broken)
			lo = mid;
		else
			hi = mid;
	}
	pango_layout_set_width(l, hi);
}

/* Set S's text as large as it fits: first between words only at every
 * size from S->max down to S->min, then also at hyphenation points of
 * LANG, then (at S->min) anywhere; balanced. Caller unrefs. */
static PangoLayout *
set_text(PangoContext *ctx, const struct spec *s, const char *lang)
{
	char *soft = soft_hyphens(s->text, lang);
	PangoLayout *l = NULL;
	enum brk brk;
	double size;
	int w, h;

	for (brk = BRK_WORDS; brk <= BRK_ANY; brk++) {
		if (brk == BRK_HYPH && strcmp(soft, s->text) == 0)
			continue;	/* no hyphenation point: nothing new to try */
		for (size = s->max; size >= s->min - 0.01; size -= 4) {
			if (brk == BRK_ANY)
				size = s->min;
			l = layout(ctx, s, brk == BRK_HYPH ? soft : s->text, size, brk);
			pango_layout_get_pixel_size(l, &w, &h);
			if (brk == BRK_ANY || (pango_layout_get_line_count(l) <= s->maxlines &&
			    h <= s->maxh && fits(l, brk, NULL))) {
				balance(l, brk);
				free(soft);
				return l;
			}
			g_object_unref(l);
		}
	}
	free(soft);
	return NULL;	/* not reached: BRK_ANY always returns */
}

/* Draw L with its top at Y, its measure centred on X; return its height. */
static double
draw(cairo_t *cr, PangoLayout *l, double x, double y, const double rgb[3])
{
	int w, h;

	pango_layout_get_pixel_size(l, &w, &h);
	cairo_set_source_rgb(cr, rgb[0], rgb[1], rgb[2]);
	cairo_move_to(cr, x - pango_layout_get_width(l) / PANGO_SCALE / 2.0, y);
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

/* A small lozenge between two short rules, centred at (CX, Y). */
static void
ornament(cairo_t *cr, double cx, double y)
{
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

void
cover_ground(cairo_t *cr, const double rgb[3], double x, double y, double w, double h, double ph)
{
	cairo_pattern_t *g = cairo_pattern_create_linear(0, 0, 0, ph);

	cairo_pattern_add_color_stop_rgb(g, 0, rgb[0], rgb[1], rgb[2]);
	cairo_pattern_add_color_stop_rgb(g, 1, rgb[0] * 0.55, rgb[1] * 0.55, rgb[2] * 0.55);
	cairo_pattern_set_extend(g, CAIRO_EXTEND_PAD);
	cairo_set_source(cr, g);
	/* in two halves, one path: cairo turns a fill of the whole page into
	 * a paint, and a paint on a clear PDF page drops what was recorded
	 * before it, structure tags included */
	cairo_rectangle(cr, x, y, w, h / 2);
	cairo_rectangle(cr, x, y + h / 2, w, h - h / 2);
	cairo_fill(cr);
	cairo_pattern_destroy(g);
}

/* A double rule frame inside a panel X0 .. X0+W, 0 .. H. */
static void
frame(cairo_t *cr, double x0, double w, double h)
{
	cairo_set_source_rgb(cr, gold[0], gold[1], gold[2]);
	cairo_set_line_width(cr, 6);
	cairo_rectangle(cr, x0 + 90, 90, w - 180, h - 180);
	cairo_stroke(cr);
	cairo_set_line_width(cr, 2);
	cairo_rectangle(cr, x0 + 112, 112, w - 224, h - 224);
	cairo_stroke(cr);
}

/* Pango for one cover: a font map of its own, freed with its caches when
 * the cover is done, unhinted so the picture and the PDF break alike. */
struct ink {
	PangoFontMap	*fm;
	PangoContext	*ctx;
};

/* Make K's font map and context for CR in language LANG. */
static void
ink_open(struct ink *k, cairo_t *cr, const char *lang)
{
	cairo_font_options_t *fo = cairo_font_options_create();

	k->fm = pango_cairo_font_map_new();
	k->ctx = pango_font_map_create_context(k->fm);
	pango_cairo_update_context(cr, k->ctx);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	pango_cairo_context_set_font_options(k->ctx, fo);
	cairo_font_options_destroy(fo);
	if (lang)
		pango_context_set_language(k->ctx, pango_language_from_string(lang));
}

/* Free K's context and font map. */
static void
ink_close(struct ink *k)
{
	g_object_unref(k->ctx);
	g_object_unref(k->fm);
}

/* The front's words, laid out. */
struct front {
	PangoLayout	*title, *sub, *by, *pub;	/* NULL when absent */
};

/* A spec for TEXT in FAMILY: SIZE down to MIN units, WIDTH wide. */
static struct spec
spec(const char *text, const char *family, double size, double min, int width)
{
	struct spec s = { text, family, size, min, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, width,
	    0, 4, 1e9, PANGO_ALIGN_CENTER };

	return s;
}

/* Lay out BOOK's front cover words for a page H units high into F. */
static void
front_set(struct front *f, PangoContext *ctx, const struct book *bk, const char *family, double h)
{
	double k = h / COVER_H;
	struct buf authors = {0};
	struct spec s;
	size_t i;

	memset(f, 0, sizeof(*f));
	/* the title: as large as fits in five lines */
	s = spec(bk->title ? bk->title : "", family, 200, 72, 1160);
	s.weight = PANGO_WEIGHT_BOLD;
	s.maxlines = 5;
	s.maxh = 1000 * k;
	f->title = set_text(ctx, &s, bk->lang);
	if (bk->subtitle) {
		s = spec(bk->subtitle, family, 68, 44, 1080);
		s.style = PANGO_STYLE_ITALIC;
		s.maxh = 420 * k;
		f->sub = set_text(ctx, &s, bk->lang);
	}
	for (i = 0; i < bk->nauthors; i++) {
		if (i)
			buf_puts(&authors, i + 1 == bk->nauthors ? " & " : ", ");
		buf_puts(&authors, bk->authors[i]);
	}
	if (authors.len) {
		char *up = g_utf8_strup(authors.data, -1);

		s = spec(up, family, 54, 36, 1160);
		s.tracking = 7;
		s.maxlines = 3;
		f->by = set_text(ctx, &s, NULL);	/* names are not hyphenated */
		g_free(up);
	}
	if (bk->publisher) {
		char *up = g_utf8_strup(bk->publisher, -1);

		s = spec(up, family, 36, 24, 1160);
		s.tracking = 8;
		s.maxlines = 2;
		f->pub = set_text(ctx, &s, NULL);
		g_free(up);
	}
	buf_free(&authors);
}

/* Free F's layouts. */
static void
front_free(struct front *f)
{
	PangoLayout *l[] = { f->title, f->sub, f->by, f->pub };

	for (size_t i = 0; i < sizeof(l) / sizeof(l[0]); i++)
		if (l[i])
			g_object_unref(l[i]);
}

int
cover_draw(cairo_t *cr, const struct book *bk, const char *family, const double rgb[3],
    double h, double bleed)
{
	double k = h / COVER_H, cx = COVER_W / 2, y, th, sh = 0;
	struct front f;
	struct ink ink;
	int w, lh;

	ink_open(&ink, cr, bk->lang);
	cover_ground(cr, rgb, -bleed, -bleed, COVER_W + 2 * bleed, h + 2 * bleed, h);
	frame(cr, 0, COVER_W, h);
	front_set(&f, ink.ctx, bk, family, h);
	pango_layout_get_pixel_size(f.title, &w, &lh);
	th = lh;
	if (f.sub) {
		pango_layout_get_pixel_size(f.sub, &w, &lh);
		sh = lh;
	}
	/* title and subtitle stand a little above the middle */
	y = 1080 * k - (th + (f.sub ? 80 + 60 + sh : 0)) / 2;
	if (y < 300 * k)
		y = 300 * k;
	draw(cr, f.title, cx, y, cream);
	y += th + 70;
	ornament(cr, cx, y);
	if (f.sub)
		draw(cr, f.sub, cx, y + 70, cream);
	if (f.by) {
		pango_layout_get_pixel_size(f.by, &w, &lh);
		draw(cr, f.by, cx, h - 420 * k - lh / 2.0, gold);
	}
	if (f.pub)
		draw(cr, f.pub, cx, h - 250 * k, gold);
	front_free(&f);
	ink_close(&ink);
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
		return err_set(NULL, 0, "cannot draw the cover: %s", cairo_status_to_string(cairo_status(cr)));
	return 0;
}

int
cover_render(const struct book *bk, const char *family, const double rgb[3], char **png,
    size_t *len)
{
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)COVER_W, (int)COVER_H);
	cairo_t *cr = cairo_create(s);
	struct buf out = {0};
	int ret = -1;

	if (cover_draw(cr, bk, family, rgb, COVER_H, 0) != 0)
		goto out;
	cairo_surface_flush(s);
	if (png_encode(s, &out) < 0) {
		buf_free(&out);
		goto out;
	}
	*len = out.len;
	*png = buf_detach(&out);
	ret = 0;
out:
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	return ret;
}

char *
cover_title_lines(const struct book *bk, const char *family, double h)
{
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 16, 16);
	cairo_t *cr = cairo_create(s);
	struct buf b = {0};
	struct front f;
	struct ink ink;
	const char *t;
	GSList *it;

	ink_open(&ink, cr, bk->lang);
	front_set(&f, ink.ctx, bk, family, h);
	t = pango_layout_get_text(f.title);
	for (it = pango_layout_get_lines_readonly(f.title); it; it = it->next) {
		PangoLayoutLine *ln = it->data;
		const char *p = t + ln->start_index, *e = p + ln->length;
		int inword = it->next && e > p && e[-1] != ' ' && e[-1] != '-';

		if (b.len)
			buf_putc(&b, '\n');
		while (e > p && e[-1] == ' ')
			e--;
		for (; p < e; p++) {
			if (!str_startswith(p, "\xc2\xad"))
				buf_putc(&b, *p);
			else
				p++;	/* a soft hyphen: drawn only at a break */
		}
		if (inword)	/* broken inside a word: the hyphen Pango draws */
			buf_putc(&b, '-');
	}
	front_free(&f);
	ink_close(&ink);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	return buf_detach(&b);
}

int
cover_draw_back(cairo_t *cr, const struct book *bk, const char *family, const double rgb[3],
    double h)
{
	double k = h / COVER_H, top = 300 * k, room = h - top - 520 * k;
	PangoLayout *blurb = NULL, *pub = NULL;
	struct ink ink;
	struct spec s;
	int w, lh;

	(void)rgb;
	ink_open(&ink, cr, bk->lang);
	frame(cr, 0, COVER_W, h);
	if (bk->description && *bk->description) {
		s = spec(bk->description, family, 52, 30, 1160);
		s.maxlines = 1000;
		s.maxh = room;
		s.align = PANGO_ALIGN_LEFT;
		blurb = set_text(ink.ctx, &s, bk->lang);
		pango_layout_get_pixel_size(blurb, &w, &lh);
		if (lh > room) {	/* at the smallest size still too long */
			pango_layout_set_height(blurb, (int)(room * PANGO_SCALE));
			pango_layout_set_ellipsize(blurb, PANGO_ELLIPSIZE_END);
			warn_at(NULL, 0, "the book's description does not fit the back cover even at "
			    "the smallest size: it is cut short there, with an ellipsis");
		}
		draw(cr, blurb, COVER_W / 2, top, cream);
	}
	if (bk->publisher) {
		char *up = g_utf8_strup(bk->publisher, -1);

		s = spec(up, family, 36, 24, 1160);
		s.tracking = 8;
		s.maxlines = 2;
		pub = set_text(ink.ctx, &s, NULL);
		draw(cr, pub, COVER_W / 2, h - 250 * k, gold);
		g_free(up);
	}
	if (blurb)
		g_object_unref(blurb);
	if (pub)
		g_object_unref(pub);
	ink_close(&ink);
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
		return err_set(NULL, 0, "cannot draw the cover: %s", cairo_status_to_string(cairo_status(cr)));
	return 0;
}

/* One line of the spine: TEXT at SIZE units in weight WEIGHT, tracked by
 * TRACK. Caller unrefs. */
static PangoLayout *
spine_line(PangoContext *ctx, const char *text, const char *family, double size, PangoWeight weight,
    double track)
{
	struct spec s = spec(text, family, size, size, 1 << 20);

	s.weight = weight;
	s.tracking = track;
	s.align = PANGO_ALIGN_LEFT;
	return layout(ctx, &s, text, size, BRK_WORDS);
}

int
cover_draw_spine(cairo_t *cr, const struct book *bk, const char *family, double sw, double h,
    double mm)
{
	double len = h - 24 * mm, size, gap;
	PangoLayout *t = NULL, *a = NULL;
	struct buf names = {0};
	struct ink ink;
	int tw = 0, aw = 0, th, ah, ret = 0;

	if (sw < COVER_SPINE_TEXT_MM * mm)
		return 1;
	ink_open(&ink, cr, bk->lang);
	for (size_t i = 0; i < bk->nauthors; i++) {
		if (i)
			buf_puts(&names, i + 1 == bk->nauthors ? " & " : ", ");
		buf_puts(&names, bk->authors[i]);
	}
	/* as large as the spine allows (at most 14 pt of a 148 mm cover),
	 * down to 6 pt; the authors go when both do not fit */
	for (size = fmin(sw * 0.42, 14 * 25.4 / 72 * mm); ; size -= size * 0.05) {
		char *up = names.len ? g_utf8_strup(buf_str(&names), -1) : NULL;

		if (t)
			g_object_unref(t);
		if (a)
			g_object_unref(a);
		t = spine_line(ink.ctx, bk->title ? bk->title : "", family, size, PANGO_WEIGHT_BOLD, 0);
		a = up ? spine_line(ink.ctx, up, family, size * 0.8, PANGO_WEIGHT_NORMAL, size * 0.1) : NULL;
		g_free(up);
		pango_layout_get_pixel_size(t, &tw, &th);
		aw = 0;
		if (a)
			pango_layout_get_pixel_size(a, &aw, &ah);
		gap = a ? size * 2 : 0;
		if (tw + gap + aw <= len || size * 0.95 < 6 * 25.4 / 72 * mm)
			break;
	}
	if (tw + gap + aw > len && a && tw <= len) {
		g_object_unref(a);
		a = NULL;
		aw = 0;
		gap = 0;
		warn_at(NULL, 0, "the spine has no room for the authors beside the title: it shows the title only");
	}
	if (tw + gap + aw > len) {
		warn_at(NULL, 0, "the spine has no room for the title even at 6 pt: it is left plain");
		ret = 1;
	} else {
		/* read from head to foot, centred along the spine and across it */
		double y0 = (h - (tw + gap + aw)) / 2;

		cairo_save(cr);
		cairo_translate(cr, sw / 2, y0);
		cairo_rotate(cr, M_PI / 2);
		cairo_set_source_rgb(cr, cream[0], cream[1], cream[2]);
		cairo_move_to(cr, 0, -th / 2.0);
		pango_cairo_show_layout(cr, t);
		if (a) {
			cairo_set_source_rgb(cr, gold[0], gold[1], gold[2]);
			cairo_move_to(cr, tw + gap, -ah / 2.0);
			pango_cairo_show_layout(cr, a);
		}
		cairo_restore(cr);
	}
	if (t)
		g_object_unref(t);
	if (a)
		g_object_unref(a);
	buf_free(&names);
	ink_close(&ink);
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
		return err_set(NULL, 0, "cannot draw the spine: %s", cairo_status_to_string(cairo_status(cr)));
	return ret;
}
