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
 * append-only incremental updates: the figures' alternative text
 * (pdf_draw_close), then the page order, page labels, language and the
 * structure tree in reading order (pdf_draw_fixup).
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

struct pdf_op *
pdf_dl_push(struct pdf_dl *dl, enum pdf_op_kind kind)
{
	struct pdf_op *op;

	ARRAY_GROW(dl->ops, dl->n, dl->cap);
	op = &dl->ops[dl->n++];
	memset(op, 0, sizeof(*op));
	op->kind = kind;
	return op;
}

void
pdf_dl_tag(struct pdf_dl *dl, int begin, const char *tag, const char *attrs)
{
	struct pdf_op *op = pdf_dl_push(dl, begin ? OP_TAG_BEGIN : OP_TAG_END);

	op->tag = tag;
	op->text = begin && attrs ? xstrdup(attrs) : NULL;
}

void
pdf_dl_move(struct pdf_dl *to, struct pdf_dl *from, double dx, double dy)
{
	size_t i;

	for (i = 0; i < from->n; i++) {
		struct pdf_op *op;

		ARRAY_GROW(to->ops, to->n, to->cap);
		op = &to->ops[to->n++];
		*op = from->ops[i];
		op->x += dx;
		op->y += dy;
	}
	from->n = 0;
}

void
pdf_dl_free(struct pdf_dl *dl)
{
	size_t i;

	for (i = 0; i < dl->n; i++) {
		struct pdf_op *op = &dl->ops[i];

		if (op->gi.item)
			pango_item_free(op->gi.item);
		if (op->gi.glyphs)
			pango_glyph_string_free(op->gi.glyphs);
		free(op->text);
		if (op->par && --op->par->refs == 0) {
			pdf_para_free(&op->par->pa);
			pdf_shaped_free(&op->par->sp);
			free(op->par);
		}
	}
	free(dl->ops);
	memset(dl, 0, sizeof(*dl));
}

/* The alternative texts of the figures drawn, one per Figure tag in the
 * order the tags were begun (NULL: none): cairo 1.16 cannot write /Alt, so
 * pdf_draw_close adds them to the finished PDF. Kept as user data of the
 * surface, so they are freed with it on every path. */
struct alts {
	char		**v;		/* owned */
	size_t		  n, cap;
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

/* Read N bytes at OFF of F into a fresh NUL-terminated string, or NULL. */
static char *
read_at(FILE *f, long off, size_t n)
{
	char *s = xmalloc(n + 1);
	size_t got;

	if (fseek(f, off, SEEK_SET) != 0) {
		free(s);
		return NULL;
	}
	got = fread(s, 1, n, f);
	s[got] = '\0';
	return s;
}

/* Where a PDF's objects are: off[num] is the byte offset of object num, 0
 * when it is free, -1 when no cross-reference section names it. */
struct xref {
	long		*off;		/* owned */
	long		 n;
};

/* Read the cross-reference sections of F into X (zeroed here; the caller
 * frees X->off): the section at START, then back through each trailer's
 * /Prev, the newest entry for an object winning. Return 0, or -1. */
static int
xref_load(FILE *f, long start, struct xref *x)
{
	char line[128], ent[21], *t = NULL, *p;
	long at = start, first, count, k, lpos, trailer;
	int hops, ret = -1;

	memset(x, 0, sizeof(*x));
	for (hops = 0; at > 0 && hops < 256; hops++) {
		if (fseek(f, at, SEEK_SET) != 0 || fgets(line, sizeof(line), f) == NULL ||
		    !str_startswith(line, "xref"))
			goto out;
		trailer = -1;
		while ((lpos = ftell(f)) >= 0 && fgets(line, sizeof(line), f) != NULL) {
			if (str_startswith(line, "trailer")) {
				trailer = lpos + 7;
				break;
			}
			if (sscanf(line, "%ld %ld", &first, &count) != 2 || first < 0 || count < 0 ||
			    first > (1L << 24) - count)
				goto out;
			if (first + count > x->n) {
				x->off = xrealloc(x->off, (size_t)(first + count) * sizeof(*x->off));
				for (k = x->n; k < first + count; k++)
					x->off[k] = -1;
				x->n = first + count;
			}
			/* entries of 20 bytes: "oooooooooo ggggg n \n" */
			for (k = first; k < first + count; k++) {
				if (fread(ent, 1, 20, f) != 20)
					goto out;
				ent[20] = '\0';
				if (x->off[k] < 0)
					x->off[k] = ent[17] == 'n' ? strtol(ent, NULL, 10) : 0;
			}
		}
		if (trailer < 0 || (t = read_at(f, trailer, 1024)) == NULL)
			goto out;
		if ((p = strstr(t, "startxref")) != NULL)
			*p = '\0';
		at = (p = strstr(t, "/Prev")) != NULL ? strtol(p + 5, NULL, 10) : 0;
		free(t);
		t = NULL;
	}
	ret = at > 0 ? -1 : 0;	/* a chain too long is a loop */
out:
	free(t);
	return ret;
}

/* Return the text of object NUM (from "NUM 0 obj" to "endobj") as a fresh
 * string, finding it through X, or NULL. */
static char *
read_obj(FILE *f, const struct xref *x, long num)
{
	char *obj, *e;

	if (num <= 0 || num >= x->n || x->off[num] <= 0)
		return NULL;
	/* a small object in one small read; a large one (a long /Kids
	 * array) in a larger */
	for (size_t n = 4096; n <= (1u << 24); n *= 16) {
		obj = read_at(f, x->off[num], n);
		if (obj && strtol(obj, NULL, 10) == num && (e = strstr(obj, "endobj")) != NULL) {
			e[6] = '\0';
			return obj;
		}
		free(obj);
	}
	return NULL;
}

/* The last occurrence of S in P[0..N), NUL bytes and all, or NULL. */
static char *
rfind(char *p, size_t n, const char *s)
{
	size_t k = strlen(s), i;

	for (i = n >= k ? n - k + 1 : 0; i-- > 0; )
		if (memcmp(p + i, s, k) == 0)
			return p + i;
	return NULL;
}

/* Find the end of the PDF F: its size into *SIZE, the offset of its last
 * cross-reference section into *XREF, and the dictionary of the trailer
 * before it (the text between "trailer" and "startxref") into *TRAILER, a
 * fresh string the caller frees. Return 0, or -1. */
static int
find_end(FILE *f, long *size, long *xref, char **trailer)
{
	char *tail, *p, *q;
	size_t tlen;
	int ret = -1;

	*trailer = NULL;
	if (fseek(f, 0, SEEK_END) != 0 || (*size = ftell(f)) < 64)
		return -1;
	/* the tail may hold binary stream bytes, NULs included: search back */
	tlen = (size_t)(*size > 4096 ? 4096 : *size);
	if ((tail = read_at(f, *size - (long)tlen, tlen)) == NULL)
		return -1;
	if ((q = rfind(tail, tlen, "startxref")) != NULL &&
	    (p = rfind(tail, (size_t)(q - tail), "trailer")) != NULL) {
		*xref = strtol(q + 9, NULL, 10);
		*trailer = xstrndup(p + 7, (size_t)(q - p - 7));
		ret = 0;
	}
	free(tail);
	return ret;
}

/* An object written again by an incremental update, and where. */
struct upd {
	long		 num, off;
};

/* Order updates A and B by object number, for qsort. */
static int
upd_cmp(const void *a, const void *b)
{
	long x = ((const struct upd *)a)->num, y = ((const struct upd *)b)->num;

	return (x > y) - (x < y);
}

/* Append to OUT, whose first byte goes at offset START of the file, the end
 * of an incremental update: the cross-reference section for the N objects
 * U (sorted here) and a trailer, TRAILER's dictionary less any /Prev it
 * had, pointing back to the section at PREV. Return 0, or -1 when TRAILER
 * is not a dictionary. */
static int
end_update(struct buf *out, long start, struct upd *u, size_t n, const char *trailer, long prev)
{
	long newx = start + (long)out->len;
	const char *p = trailer + strspn(trailer, " \r\n"), *q = strrchr(p, '>'), *e;
	size_t i;

	if (q == NULL || q == p || q[-1] != '>')
		return -1;
	q--;
	qsort(u, n, sizeof(*u), upd_cmp);
	buf_puts(out, "xref\n0 1\n0000000000 65535 f \n");
	for (i = 0; i < n; i++)	/* a subsection per object */
		buf_printf(out, "%ld 1\n%010ld 00000 n \n", u[i].num, u[i].off);
	buf_puts(out, "trailer\n");
	if ((e = strstr(p, "/Prev")) != NULL && e < q) {
		const char *s = e;

		while (s > p && s[-1] == ' ')
			s--;
		buf_put(out, p, (size_t)(s - p));
		e += 5;
		e += strspn(e, " \r\n");
		e += strspn(e, "0123456789");
		e += strspn(e, " \r\n");
		p = e < q ? e : q;
	}
	buf_put(out, p, (size_t)(q - p));
	buf_printf(out, "   /Prev %ld\n>>\nstartxref\n%ld\n%%%%EOF\n", prev, newx);
	return 0;
}

/* Read the object numbers of the references "N 0 R N 0 R …" in [P, END)
 * into *V (fresh array). Return how many. */
static size_t
parse_refs(const char *p, const char *end, long **v)
{
	size_t n = 0;

	*v = NULL;
	while (p < end) {
		char *e;
		long k = strtol(p, &e, 10);

		if (e == p || e > end)
			break;
		*v = xrealloc(*v, (n + 1) * sizeof(**v));
		(*v)[n++] = k;
		strtol(e, &e, 10);	/* the generation, 0 */
		p = e;
		while (p < end && (*p == ' ' || *p == 'R' || *p == '\n' || *p == '\r'))
			p++;
	}
	return n;
}

/* Read the structure elements that element O (an object's text) holds into
 * *V (fresh array): the references in its /K, which may also hold marked
 * content numbers and dictionaries (a link's /OBJR, an /MCR), skipped.
 * Return how many. */
static size_t
kid_refs(const char *o, long **v)
{
	const char *p = o, *end;
	size_t n = 0, cap = 0;

	*v = NULL;
	while ((p = strstr(p, "/K")) != NULL && p[2] != ' ' && p[2] != '[')
		p += 2;
	if (p == NULL)
		return 0;
	p += 2 + strspn(p + 2, " \r\n");
	if (*p == '[')
		end = strchr(++p, ']');
	else
		end = p + strcspn(p, "/>\r\n");
	if (end == NULL)
		return 0;
	while (p < end) {
		char *e, *g;
		long k;

		if (p[0] == '<' && p[1] == '<') {
			if ((p = strstr(p, ">>")) == NULL || p > end)
				break;
			p += 2;
			continue;
		}
		if (*p < '0' || *p > '9') {
			p++;
			continue;
		}
		k = strtol(p, &e, 10);
		p = e;
		/* "K 0 R" is a reference, a lone number marked content */
		if (strtol(e, &g, 10) == 0 && g != e && g < end) {
			g += strspn(g, " \r\n");
			if (*g == 'R') {
				ARRAY_GROW(*v, n, cap);
				(*v)[n++] = k;
				p = g + 1;
			}
		}
	}
	return n;
}

/* The structure type ("/Art") of the structure element whose text is O
 * into S (64 bytes; "" when it has none). */
static void
elem_type(const char *o, char *s)
{
	const char *p;

	s[0] = '\0';
	if ((p = strstr(o, "/S /")) != NULL && sscanf(p + 4, "%62[^ \n\r/>]", s + 1) == 1)
		s[0] = '/';
}

/* The structure type ("/Art") of structure element NUM into S (64 bytes). */
static void
struct_type(FILE *f, const struct xref *x, long num, char *s)
{
	char *o = read_obj(f, x, num);

	s[0] = '\0';
	if (o)
		elem_type(o, s);
	free(o);
}

/* Object numbers, growable. */
struct nums {
	long		*v;		/* owned */
	size_t		 n, cap;
};

/* Append to FIGS the object numbers of the /Figure structure elements in
 * the tree of element NUM, NUM included, in the tree's order: the order
 * cairo made them in, which is the order their tags were begun. Return 0,
 * or -1 when an element cannot be read. */
static int
find_figures(FILE *f, const struct xref *x, long num, int depth, struct nums *figs)
{
	char *o = read_obj(f, x, num), type[64];
	long *kids = NULL;
	size_t nk = 0, i;
	int ret = -1;

	if (o == NULL || depth > 256)
		goto out;
	elem_type(o, type);
	if (strcmp(type, "/Figure") == 0) {
		ARRAY_GROW(figs->v, figs->n, figs->cap);
		figs->v[figs->n++] = num;
	}
	nk = kid_refs(o, &kids);
	for (i = 0; i < nk; i++)
		if (find_figures(f, x, kids[i], depth + 1, figs) != 0)
			goto out;
	ret = 0;
out:
	free(o);
	free(kids);
	return ret;
}

/* Append S (UTF-8) to OUT as a PDF text string: a literal string when S is
 * printable ASCII, else UTF-16BE with a byte order mark, in hex. Return 0,
 * or -1 when S is not UTF-8. */
static int
put_text_string(struct buf *out, const char *s)
{
	const unsigned char *p;
	gunichar2 *u;
	glong n, i;

	for (p = (const unsigned char *)s; *p >= 0x20 && *p < 0x7f; p++)
		;
	if (*p == '\0') {
		buf_putc(out, '(');
		for (p = (const unsigned char *)s; *p; p++) {
			if (*p == '(' || *p == ')' || *p == '\\')
				buf_putc(out, '\\');
			buf_putc(out, *p);
		}
		buf_putc(out, ')');
		return 0;
	}
	if ((u = g_utf8_to_utf16(s, -1, NULL, &n, NULL)) == NULL)
		return -1;
	buf_puts(out, "<FEFF");
	for (i = 0; i < n; i++)
		buf_printf(out, "%04X", (unsigned)u[i]);
	buf_putc(out, '>');
	g_free(u);
	return 0;
}

/* Give the /Figure structure elements of the finished PDF at PATH the
 * alternative texts A, the i-th element (in the order cairo made them) the
 * i-th text, by an incremental update. Return 0, or -1 with the error set. */
static int
add_alts(const char *path, const struct alts *a)
{
	FILE *f = NULL;
	char *trailer = NULL, *cat = NULL, *root = NULL, *o = NULL, *p, *q;
	struct xref x = {0};
	struct nums figs = {0};
	struct upd *u = NULL;
	size_t nu = 0, ucap = 0, i, nk;
	long size, start, *kids = NULL;
	struct buf out = {0};
	int ret = -1;

	for (i = 0; i < a->n && a->v[i] == NULL; i++)
		;
	if (i == a->n)	/* no figure has words for it */
		return 0;
	if ((f = fopen(path, "r+b")) == NULL)
		return err_set(path, 0, "cannot reopen the PDF to add the figures' alternative text");
	if (find_end(f, &size, &start, &trailer) != 0 || xref_load(f, start, &x) != 0 ||
	    (p = strstr(trailer, "/Root")) == NULL ||
	    (cat = read_obj(f, &x, strtol(p + 5, NULL, 10))) == NULL ||
	    (p = strstr(cat, "/StructTreeRoot")) == NULL ||
	    (root = read_obj(f, &x, strtol(p + 15, NULL, 10))) == NULL)
		goto out;
	nk = kid_refs(root, &kids);
	for (i = 0; i < nk; i++)
		if (find_figures(f, &x, kids[i], 0, &figs) != 0)
			goto out;
	if (figs.n != a->n) {
		warn_at(path, 0, "figures left without alternative text: %zu drawn, %zu in the "
		    "structure tree", a->n, figs.n);
		ret = 0;
		goto out;
	}
	buf_putc(&out, '\n');
	for (i = 0; i < figs.n; i++) {
		if (a->v[i] == NULL)
			continue;
		if ((o = read_obj(f, &x, figs.v[i])) == NULL || (p = strstr(o, "<<")) == NULL ||
		    (q = strrchr(o, '>')) == NULL || q - p < 3 || q[-1] != '>')
			goto out;
		ARRAY_GROW(u, nu, ucap);
		u[nu].num = figs.v[i];
		u[nu++].off = size + (long)out.len;
		buf_printf(&out, "%ld 0 obj\n", figs.v[i]);
		buf_put(&out, p, (size_t)(q - 1 - p));
		buf_puts(&out, "   /Alt ");
		if (put_text_string(&out, a->v[i]) != 0)
			goto out;
		buf_puts(&out, "\n>>\nendobj\n");
		free(o);
		o = NULL;
	}
	if (end_update(&out, size, u, nu, trailer, start) != 0 ||
	    fseek(f, 0, SEEK_END) != 0 || fwrite(out.data, 1, out.len, f) != out.len)
		goto out;
	ret = 0;
out:
	if (ret != 0)
		err_set(path, 0, "cannot add the figures' alternative text: unexpected PDF structure");
	if (fclose(f) != 0 && ret == 0)
		ret = err_set(path, 0, "cannot write the PDF");
	free(trailer);
	free(cat);
	free(root);
	free(o);
	free(kids);
	free(figs.v);
	free(u);
	free(x.off);
	buf_free(&out);
	return ret;
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
		else if ((a = cairo_surface_get_user_data(dr->surf, &alts_key)) != NULL)
			ret = add_alts(path, a);
		cairo_surface_destroy(dr->surf);
	}
	dr->surf = NULL;
	return ret;
}

/* Cairo puts structure elements in the order they were drawn, so the
 * contents come after the articles. Append to OUT a new version of the
 * Document element (the structure tree's root child, whose catalog text is
 * CAT) with the elements after the last /Art moved before the first.
 * Return its object number, or 0 when there is nothing to move. */
static long
reorder_structure(FILE *f, const struct xref *x, const char *cat, struct buf *out)
{
	char *root = NULL, *doc = NULL, *p, *q, type[64];
	long rnum, dnum = 0, *kids = NULL, nk = 0, first = -1, last = -1, i, ret = 0;

	if ((p = strstr(cat, "/StructTreeRoot")) == NULL)
		return 0;
	rnum = strtol(p + 15, NULL, 10);
	if ((root = read_obj(f, x, rnum)) == NULL || (p = strstr(root, "/K")) == NULL)
		goto out;
	p += 2;
	while (*p == ' ' || *p == '[')
		p++;
	dnum = strtol(p, NULL, 10);
	if (dnum <= 0 || (doc = read_obj(f, x, dnum)) == NULL ||
	    (p = strstr(doc, "/K [")) == NULL || (q = strchr(p, ']')) == NULL)
		goto out;
	nk = (long)parse_refs(p + 4, q, &kids);
	for (i = 0; i < nk; i++) {
		struct_type(f, x, kids[i], type);
		if (strcmp(type, "/Art") == 0) {
			if (first < 0)
				first = i;
			last = i;
		}
	}
	if (first < 0 || last + 1 >= nk)
		goto out;
	p = strstr(doc, "/K [");
	buf_put(out, doc, (size_t)(p - doc));
	buf_puts(out, "/K [");
	for (i = 0; i < first; i++)
		buf_printf(out, " %ld 0 R", kids[i]);
	for (i = last + 1; i < nk; i++)
		buf_printf(out, " %ld 0 R", kids[i]);
	for (i = first; i <= last; i++)
		buf_printf(out, " %ld 0 R", kids[i]);
	buf_puts(out, q);
	buf_putc(out, '\n');
	ret = dnum;
out:
	free(root);
	free(doc);
	free(kids);
	return ret;
}

int
pdf_draw_fixup(const char *path, int from, int n, int at, int nfront, const char *lang)
{
	FILE *f = fopen(path, "r+b");
	char *trailer = NULL, *cat = NULL, *pages = NULL, *info = NULL, *p, *q;
	long size, xref, root, pnum, *kids = NULL, nkids = 0, i;
	struct xref x = {0};
	struct upd u[4];
	struct buf out = {0};
	size_t nu = 0;
	int ret = -1;

	if (f == NULL)
		return err_set(path, 0, "cannot reopen the PDF to add page labels");
	if (find_end(f, &size, &xref, &trailer) != 0 || xref_load(f, xref, &x) != 0 ||
	    (p = strstr(trailer, "/Root")) == NULL)
		goto bad;
	root = strtol(p + 5, NULL, 10);
	if ((cat = read_obj(f, &x, root)) == NULL || (p = strstr(cat, "/Pages")) == NULL)
		goto bad;
	pnum = strtol(p + 6, NULL, 10);
	if ((pages = read_obj(f, &x, pnum)) == NULL || (p = strstr(pages, "/Kids")) == NULL ||
	    (p = strchr(p, '[')) == NULL)
		goto bad;
	if ((q = strchr(p, ']')) == NULL)
		goto bad;
	nkids = (long)parse_refs(p + 1, q, &kids);
	if (from < 0 || n < 0 || from + n > nkids || at < 0 || at > from)
		goto bad;
	/* the incremental update: the page tree in the new order, the catalog
	 * with page labels, an xref section and a trailer pointing back */
	buf_printf(&out, "\n");
	u[nu].num = pnum;
	u[nu++].off = size + (long)out.len;
	buf_printf(&out, "%ld 0 obj\n<< /Type /Pages\n   /Kids [", pnum);
	for (i = 0; i < at; i++)
		buf_printf(&out, " %ld 0 R", kids[i]);
	for (i = from; i < from + n; i++)
		buf_printf(&out, " %ld 0 R", kids[i]);
	for (i = at; i < from; i++)
		buf_printf(&out, " %ld 0 R", kids[i]);
	for (i = from + n; i < nkids; i++)
		buf_printf(&out, " %ld 0 R", kids[i]);
	buf_printf(&out, " ]\n   /Count %ld\n>>\nendobj\n", nkids);
	if ((p = strstr(cat, "<<")) == NULL || (q = strrchr(cat, '>')) == NULL || q - p < 3)
		goto bad;
	u[nu].num = root;
	u[nu++].off = size + (long)out.len;
	buf_printf(&out, "%ld 0 obj\n", root);
	buf_put(&out, p, (size_t)(q - 1 - p));
	buf_printf(&out, "   /PageLabels << /Nums [ 0 << /S /r >> %d << /S /D >> ] >>\n", nfront);
	/* the language for screen readers, the title in the window, and the
	 * outline open beside the pages */
	if (lang && *lang && strspn(lang, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") ==
	    strlen(lang) && !strstr(cat, "/Lang"))
		buf_printf(&out, "   /Lang (%s)\n", lang);
	if (!strstr(cat, "/ViewerPreferences"))
		buf_puts(&out, "   /ViewerPreferences << /DisplayDocTitle true >>\n");
	if (!strstr(cat, "/PageMode"))
		buf_puts(&out, "   /PageMode /UseOutlines\n");
	buf_puts(&out, ">>\nendobj\n");
	/* cairo 1.16 writes its dates without the "D:" the PDF date format
	 * starts with: mend them in the document information too */
	if ((p = strstr(trailer, "/Info")) != NULL && (info = read_obj(f, &x, strtol(p + 5, NULL, 10))) != NULL &&
	    (p = strstr(info, "obj")) != NULL && (q = strstr(info, "endobj")) != NULL &&
	    (strstr(info, "/CreationDate (") || strstr(info, "/ModDate ("))) {
		u[nu].num = strtol(info, NULL, 10);
		u[nu++].off = size + (long)out.len;
		buf_printf(&out, "%ld 0 ", u[nu - 1].num);
		for (; p < q; p++) {
			buf_putc(&out, *p);
			if ((str_startswith(p, "/CreationDate (") || str_startswith(p, "/ModDate (")) &&
			    !str_startswith(strchr(p, '(') + 1, "D:")) {
				size_t k = (size_t)(strchr(p, '(') - p);

				buf_put(&out, p + 1, k);
				buf_puts(&out, "D:");
				p += k;
			}
		}
		buf_puts(&out, "endobj\n");
	}
	/* the structure tree in reading order: the contents, drawn last, go
	 * before the first article */
	u[nu].off = size + (long)out.len;
	if ((u[nu].num = reorder_structure(f, &x, cat, &out)) > 0)
		nu++;
	if (end_update(&out, size, u, nu, trailer, xref) != 0)
		goto bad;
	if (fseek(f, 0, SEEK_END) != 0 || fwrite(out.data, 1, out.len, f) != out.len)
		goto bad;
	ret = 0;
bad:
	if (ret != 0)
		err_set(path, 0, "cannot add page labels: unexpected PDF structure");
	if (f && fclose(f) != 0 && ret == 0)
		ret = err_set(path, 0, "cannot write the PDF");
	free(trailer);
	free(cat);
	free(pages);
	free(info);
	free(kids);
	free(x.off);
	buf_free(&out);
	return ret;
}
