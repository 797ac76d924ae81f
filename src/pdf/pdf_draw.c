/*
 * Drawing: the display list onto a Cairo PDF surface.
 *
 * Glyph runs are drawn with pango_cairo_show_glyph_item from the glyphs the
 * paragraph setter cut from the shaped paragraph, with their text and
 * clusters, so Cairo writes a ToUnicode map (ligatures map back to their
 * letters) and the text can be extracted. Cairo embeds and subsets the fonts.
 * Links, destinations and structure tags are cairo tags (cairo 1.16 parses
 * their attributes with strtod, so LC_NUMERIC must be "C" while drawing);
 * the outline is cairo_pdf_surface_add_outline. JPEG images are handed to
 * Cairo as mime data, so they are embedded as they are (DCTDecode), never
 * re-encoded; PNG goes through cairo's PNG reader and keeps its alpha.
 * What cairo 1.16 cannot write is added to the finished file by
 * append-only incremental updates (pdf_update.c): the figures' alternative
 * text (pdf_draw_close), then the page order, page labels, language and
 * the structure tree in reading order (pdf_update_fixup).
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util.h"
#include "model/image.h"
#include "model/picture.h"
#include "pdf_int.h"

/* The alternative texts of the figures drawn, one per Figure tag in the
 * order the tags were begun (NULL: none): cairo 1.16 cannot write /Alt, so
 * pdf_draw_close adds them to the finished PDF. Kept as user data of the
 * surface, so they are freed with it on every path. */
struct alts {
	char		**v;		/* owned */
	size_t		  n, cap;
	char		**lang;		/* the /Lang of each Span tag, in the same
					 * way (owned) */
	size_t		  nlang, caplang;
};

static const cairo_user_data_key_t alts_key;

/* Free the list of alternative texts P (a struct alts) and its strings. */
static void
alts_free(void *p)
{
	struct alts *a = p;
	size_t i;

	for (i = 0; i < a->n; i++)
		free(a->v[i]);
	free(a->v);
	for (i = 0; i < a->nlang; i++)
		free(a->lang[i]);
	free(a->lang);
	free(a);
}

/* Record the alternative text of a figure holding image IM (NULL for a
 * figure without an image) on DR's list: the alt text, else the caption,
 * else none. */
static void
note_figure(struct pdf_drawer *dr, const struct image *im)
{
	struct alts *a = cairo_surface_get_user_data(dr->surf, &alts_key);
	const char *s = NULL;

	if (a == NULL)
		return;
	if (im && im->alt && *im->alt)
		s = im->alt;
	else if (im && im->caption && *im->caption)
		s = im->caption;
	ARRAY_GROW(a->v, a->n, a->cap);
	a->v[a->n++] = xstrdup(s);
}

/* Record the language LANG of a Span tag on DR's list. */
static void
note_span(struct pdf_drawer *dr, const char *lang)
{
	struct alts *a = cairo_surface_get_user_data(dr->surf, &alts_key);

	if (a == NULL)
		return;
	ARRAY_GROW(a->lang, a->nlang, a->caplang);
	a->lang[a->nlang++] = xstrdup(lang ? lang : "");
}

int
pdf_draw_open(struct pdf_drawer *dr, const char *path, double w, double h)
{
	struct alts *a = xcalloc(1, sizeof(*a));
	cairo_status_t st;

	memset(dr, 0, sizeof(*dr));
	dr->page_w = w;
	dr->page_h = h;
	dr->surf = cairo_pdf_surface_create(path, w, h);
	if ((st = cairo_surface_status(dr->surf)) == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_set_user_data(dr->surf, &alts_key, a, alts_free);
	if (st != CAIRO_STATUS_SUCCESS) {
		err_set(path, 0, "cannot create the PDF: %s", cairo_status_to_string(st));
		alts_free(a);
		cairo_surface_destroy(dr->surf);
		dr->surf = NULL;
		return -1;
	}
	dr->cr = cairo_create(dr->surf);
	return 0;
}

/* Free the bytes given to cairo as mime data. */
static void
free_data(void *p)
{
	free(p);
}

/* Print resolution kept: pictures beyond it at their printed size are
 * downsampled, which is all a press can use. */
#define PRINT_PPI	300.0

/* Return a cairo surface for image IM printed W x H points (caller
 * destroys), or NULL with the error set. A JPEG the model found upright
 * and sRGB goes into the PDF byte for byte when it has no more pixels than
 * PRINT_PPI needs; anything else is decoded by the model's picture module
 * (sRGB, upright, downsampled to PRINT_PPI) and, for photographs, encoded
 * again as JPEG. */
static cairo_surface_t *
image_surface(const struct image *im, double w, double h)
{
	int maxw = (int)ceil(w / 72.0 * PRINT_PPI), maxh = (int)ceil(h / 72.0 * PRINT_PPI);
	cairo_surface_t *s = NULL;
	struct picture pic;
	unsigned char *jpeg = NULL;
	size_t len = 0;

	if (im->path == NULL && im->data == NULL) {
		err_set(im->src, 0, "image has no file");
		return NULL;
	}
	if (im->type == IMG_JPEG && im->as_is && im->width <= maxw + 1 && im->height <= maxh + 1) {
		const unsigned char *p;
		char *buf;

		if (picture_bytes(im, &p, &len, &buf) != 0)
			return NULL;
		jpeg = buf ? (unsigned char *)buf : xmalloc(len);
		if (buf == NULL)
			memcpy(jpeg, p, len);
		/* cairo only reads the size from this surface */
		s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, im->width, im->height);
		goto attach;
	}
	if (picture_load(im, maxw, maxh, &pic) != 0)
		return NULL;
	s = cairo_image_surface_create(pic.alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24,
	    pic.w, pic.h);
	if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS) {
		unsigned char *d = cairo_image_surface_get_data(s);
		int stride = cairo_image_surface_get_stride(s);

		cairo_surface_flush(s);
		for (int y = 0; y < pic.h; y++)
			for (int x = 0; x < pic.w; x++) {
				const unsigned char *q = pic.px + ((size_t)y * pic.w + x) * 4;
				uint32_t a = q[3], px = a << 24 |
				    (q[0] * a + 127) / 255 << 16 | (q[1] * a + 127) / 255 << 8 |
				    (q[2] * a + 127) / 255;

				memcpy(d + (size_t)y * stride + (size_t)x * 4, &px, 4);
			}
		cairo_surface_mark_dirty(s);
	}
	if (!pic.alpha && (im->type == IMG_JPEG || im->type == IMG_TIFF || im->type == IMG_WEBP) &&
	    picture_encode(&pic, IMG_JPEG, 92, &jpeg, &len) != 0) {
		picture_free(&pic);
		cairo_surface_destroy(s);
		return NULL;
	}
	picture_free(&pic);
	if (jpeg == NULL)
		return s;
attach:
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS ||
	    cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG, jpeg, len, free_data,
	    jpeg) != CAIRO_STATUS_SUCCESS) {
		free(jpeg);
		cairo_surface_destroy(s);
		err_set(im->path ? im->path : im->src, 0, "cannot use this picture");
		return NULL;
	}
	return s;
}

int
pdf_draw_dl(struct pdf_drawer *dr, const struct pdf_dl *dl, double dx, double dy)
{
	cairo_t *cr = dr->cr;
	cairo_surface_t *img;
	size_t i;
	int l, parent;

	for (i = 0; i < dl->n; i++) {
		const struct pdf_op *op = &dl->ops[i];
		char at[96];

		switch (op->kind) {
		case OP_GLYPHS:
			cairo_set_source_rgb(cr, op->rgb[0], op->rgb[1], op->rgb[2]);
			cairo_move_to(cr, op->x + dx, op->y + dy);
			pango_cairo_show_glyph_item(cr, op->text, (PangoGlyphItem *)&op->gi);
			break;
		case OP_RECT:
			cairo_set_source_rgb(cr, op->rgb[0], op->rgb[1], op->rgb[2]);
			cairo_rectangle(cr, op->x + dx, op->y + dy, op->w, op->h);
			cairo_fill(cr);
			break;
		case OP_DOT:
			cairo_set_source_rgb(cr, op->rgb[0], op->rgb[1], op->rgb[2]);
			cairo_new_path(cr);
			cairo_arc(cr, op->x + dx, op->y + dy, op->w, 0, 6.283185307179586);
			cairo_fill(cr);
			break;
		case OP_IMAGE:
			if ((img = image_surface(op->img, op->w, op->h)) == NULL)
				return -1;
			cairo_save(cr);
			cairo_translate(cr, op->x + dx, op->y + dy);
			cairo_scale(cr, op->w / cairo_image_surface_get_width(img),
			    op->h / cairo_image_surface_get_height(img));
			cairo_set_source_surface(cr, img, 0, 0);
			cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
			cairo_paint(cr);
			cairo_restore(cr);
			cairo_surface_destroy(img);
			break;
		case OP_TAG_BEGIN:
			if (strcmp(op->tag, "Figure") == 0)
				note_figure(dr, op->img);
			if (strcmp(op->tag, "Span") == 0) {	/* its text: the /Lang */
				note_span(dr, op->text);
				cairo_tag_begin(cr, op->tag, "");
				break;
			}
			cairo_tag_begin(cr, op->tag, op->text ? op->text : "");
			break;
		case OP_TAG_END:
			cairo_tag_end(cr, op->tag);
			break;
		case OP_OUTLINE:
			l = op->level < 1 ? 1 : op->level > 7 ? 7 : op->level;
			parent = CAIRO_PDF_OUTLINE_ROOT;
			for (int k = l - 1; k >= 1; k--)
				if (dr->outline[k] > 0) {
					parent = dr->outline[k];
					break;
				}
			snprintf(at, sizeof(at), "page=%d pos=[%.2f %.2f]", dr->page + 1,
			    op->x + dx, op->y + dy);
			dr->outline[l] = cairo_pdf_surface_add_outline(dr->surf, parent,
			    op->text ? op->text : "", at, 0);
			for (int k = l + 1; k < 8; k++)
				dr->outline[k] = 0;
			break;
		case OP_LINE: {
			struct pdf_dl line = {0};
			int r;

			pdf_para_draw_line(op->par->f, &op->par->sp, &op->par->fmt, &op->par->pa,
			    (size_t)op->level, &line, op->x + dx, op->y + dy);
			r = pdf_draw_dl(dr, &line, 0, 0);
			pdf_dl_free(&line);
			if (r != 0)
				return -1;
			break;
		}
		}
	}
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
		return err_set(NULL, 0, "cairo: %s", cairo_status_to_string(cairo_status(cr)));
	return 0;
}

int
pdf_draw_page_end(struct pdf_drawer *dr)
{
	cairo_show_page(dr->cr);
	dr->page++;
	if (cairo_status(dr->cr) != CAIRO_STATUS_SUCCESS)
		return err_set(NULL, 0, "cairo: %s", cairo_status_to_string(cairo_status(dr->cr)));
	return 0;
}

/* Join the strings V[0..N) with SEP into a fresh string (NULL when N is 0). */
static char *
join(char **v, size_t n, const char *sep)
{
	struct buf b = {0};
	size_t i;

	if (n == 0)
		return NULL;
	for (i = 0; i < n; i++) {
		if (i)
			buf_puts(&b, sep);
		buf_puts(&b, v[i]);
	}
	return buf_detach(&b);
}

void
pdf_draw_meta(struct pdf_drawer *dr, const struct book *b)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	char date[32], *s;
	time_t t;
	struct tm tm;

	if (b->title)
		cairo_pdf_surface_set_metadata(dr->surf, CAIRO_PDF_METADATA_TITLE, b->title);
	if ((s = join(b->authors, b->nauthors, ", ")) != NULL) {
		cairo_pdf_surface_set_metadata(dr->surf, CAIRO_PDF_METADATA_AUTHOR, s);
		free(s);
	}
	if (b->description || b->subtitle)
		cairo_pdf_surface_set_metadata(dr->surf, CAIRO_PDF_METADATA_SUBJECT,
		    b->description ? b->description : b->subtitle);
	{
		size_t n, i;
		char **v = book_subjects(b, &n);	/* the EPUB's dc:subject too */

		if ((s = join(v, n, ", ")) != NULL) {
			cairo_pdf_surface_set_metadata(dr->surf, CAIRO_PDF_METADATA_KEYWORDS, s);
			free(s);
		}
		for (i = 0; i < n; i++)
			free(v[i]);
		free(v);
	}
	cairo_pdf_surface_set_metadata(dr->surf, CAIRO_PDF_METADATA_CREATOR, "mkbook " MKBOOK_VERSION);
	t = sde && *sde ? (time_t)strtoll(sde, NULL, 10) : time(NULL);
	gmtime_r(&t, &tm);
	strftime(date, sizeof(date), "%Y-%m-%dT%H:%M:%SZ", &tm);
	cairo_pdf_surface_set_metadata(dr->surf, CAIRO_PDF_METADATA_CREATE_DATE, date);
	cairo_pdf_surface_set_metadata(dr->surf, CAIRO_PDF_METADATA_MOD_DATE, date);
}

int
pdf_draw_close(struct pdf_drawer *dr, const char *path)
{
	cairo_status_t st;
	struct alts *a;
	int ret = 0;

	if (dr->cr)
		cairo_destroy(dr->cr);
	dr->cr = NULL;
	if (dr->surf) {
		cairo_surface_finish(dr->surf);	/* writes and closes the file */
		st = cairo_surface_status(dr->surf);
		if (st != CAIRO_STATUS_SUCCESS)
			ret = err_set(path, 0, "cannot write the PDF: %s", cairo_status_to_string(st));
		else if ((a = cairo_surface_get_user_data(dr->surf, &alts_key)) != NULL &&
		    (ret = pdf_update_alts(path, a->v, a->n)) == 0)
			ret = pdf_update_langs(path, a->lang, a->nlang);
		cairo_surface_destroy(dr->surf);
	}
	dr->surf = NULL;
	return ret;
}
