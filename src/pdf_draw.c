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
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util.h"
#include "image.h"
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

int
pdf_draw_open(struct pdf_drawer *dr, const char *path, double w, double h)
{
	memset(dr, 0, sizeof(*dr));
	dr->page_w = w;
	dr->page_h = h;
	dr->surf = cairo_pdf_surface_create(path, w, h);
	if (cairo_surface_status(dr->surf) != CAIRO_STATUS_SUCCESS) {
		err_set(path, 0, "cannot create the PDF: %s",
		    cairo_status_to_string(cairo_surface_status(dr->surf)));
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

/* Read a PNG for cairo's stream reader. */
static cairo_status_t
png_read(void *closure, unsigned char *data, unsigned int len)
{
	return fread(data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_READ_ERROR;
}

/* Return a cairo surface for image IM (caller destroys), or NULL with the
 * error set. */
static cairo_surface_t *
image_surface(const struct image *im)
{
	cairo_surface_t *s = NULL;
	char *data = NULL;
	size_t len;
	FILE *f;

	if (im->path == NULL) {
		err_set(im->src, 0, "image has no file");
		return NULL;
	}
	if (im->width <= 0 || im->height <= 0 || im->width > IMAGE_MAX_SIDE ||
	    im->height > IMAGE_MAX_SIDE || (long)im->width * im->height > IMAGE_MAX_PIXELS) {
		err_set(im->path, 0, "image is %dx%d pixels: too large for a page (at most %d a side)",
		    im->width, im->height, IMAGE_MAX_SIDE);
		return NULL;
	}
	if (im->type == IMG_JPEG) {
		if (file_read(im->path, &data, &len) != 0)
			return NULL;
		/* cairo only reads the size from this surface: the JPEG bytes go
		 * into the PDF as they are */
		s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, im->width, im->height);
		if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS ||
		    cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG, (unsigned char *)data, len,
		    free_data, data) != CAIRO_STATUS_SUCCESS) {
			free(data);
			cairo_surface_destroy(s);
			err_set(im->path, 0, "cannot use this JPEG");
			return NULL;
		}
		return s;
	}
	if (im->type == IMG_PNG) {
		if ((f = fopen(im->path, "rb")) == NULL) {
			err_set(im->path, 0, "cannot open: %s", strerror(errno));
			return NULL;
		}
		s = cairo_image_surface_create_from_png_stream(png_read, f);
		fclose(f);
		if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
			err_set(im->path, 0, "not a readable PNG: %s",
			    cairo_status_to_string(cairo_surface_status(s)));
			cairo_surface_destroy(s);
			return NULL;
		}
		return s;
	}
	err_set(im->path, 0, "not a JPEG or PNG image");
	return NULL;
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
			if ((img = image_surface(op->img)) == NULL)
				return -1;
			cairo_save(cr);
			cairo_translate(cr, op->x + dx, op->y + dy);
			cairo_scale(cr, op->w / op->img->width, op->h / op->img->height);
			cairo_set_source_surface(cr, img, 0, 0);
			cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
			cairo_paint(cr);
			cairo_restore(cr);
			cairo_surface_destroy(img);
			break;
		case OP_TAG_BEGIN:
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
	if ((s = join(b->tags, b->ntags, ", ")) != NULL) {
		cairo_pdf_surface_set_metadata(dr->surf, CAIRO_PDF_METADATA_KEYWORDS, s);
		free(s);
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
	int ret = 0;

	if (dr->cr)
		cairo_destroy(dr->cr);
	dr->cr = NULL;
	if (dr->surf) {
		cairo_surface_finish(dr->surf);
		st = cairo_surface_status(dr->surf);
		if (st != CAIRO_STATUS_SUCCESS)
			ret = err_set(path, 0, "cannot write the PDF: %s", cairo_status_to_string(st));
		cairo_surface_destroy(dr->surf);
	}
	dr->surf = NULL;
	return ret;
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

/* Return the text of object NUM (from "NUM 0 obj" to "endobj") as a fresh
 * string, finding it through the classic xref table at XREF, or NULL. */
static char *
read_obj(FILE *f, long xref, long num)
{
	char *hdr = read_at(f, xref, 64), *e, *obj = NULL;
	long first, count, off;

	if (hdr == NULL || sscanf(hdr, "xref %ld %ld", &first, &count) != 2 ||
	    num < first || num >= first + count)
		goto out;
	/* the entries start after the subsection line */
	if ((e = strchr(hdr, '\n')) == NULL || (e = strchr(e + 1, '\n')) == NULL)
		goto out;
	{
		char *ent = read_at(f, xref + (e + 1 - hdr) + 20 * (num - first), 20);

		if (ent == NULL)
			goto out;
		off = strtol(ent, NULL, 10);
		free(ent);
	}
	/* a small object in one small read; a large one (a long /Kids
	 * array) in a larger */
	for (size_t n = 4096; n <= (1u << 24); n *= 16) {
		obj = read_at(f, off, n);
		if (obj && (e = strstr(obj, "endobj")) != NULL) {
			e[6] = '\0';
			break;
		}
		free(obj);
		obj = NULL;
	}
out:
	free(hdr);
	return obj;
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

/* The structure type ("/Art") of structure element NUM into S (64 bytes). */
static void
struct_type(FILE *f, long xref, long num, char *s)
{
	char *o = read_obj(f, xref, num), *p;

	s[0] = '\0';
	if (o && (p = strstr(o, "/S /")) != NULL && sscanf(p + 4, "%62[^ \n\r/>]", s + 1) == 1)
		s[0] = '/';
	free(o);
}

/* Cairo puts structure elements in the order they were drawn, so the
 * contents come after the articles. Append to OUT a new version of the
 * Document element (the structure tree's root child, whose catalog text is
 * CAT) with the elements after the last /Art moved before the first.
 * Return its object number, or 0 when there is nothing to move. */
static long
reorder_structure(FILE *f, long xref, const char *cat, struct buf *out)
{
	char *root = NULL, *doc = NULL, *p, *q, type[64];
	long rnum, dnum = 0, *kids = NULL, nk = 0, first = -1, last = -1, i, ret = 0;

	if ((p = strstr(cat, "/StructTreeRoot")) == NULL)
		return 0;
	rnum = strtol(p + 15, NULL, 10);
	if ((root = read_obj(f, xref, rnum)) == NULL || (p = strstr(root, "/K")) == NULL)
		goto out;
	p += 2;
	while (*p == ' ' || *p == '[')
		p++;
	dnum = strtol(p, NULL, 10);
	if (dnum <= 0 || (doc = read_obj(f, xref, dnum)) == NULL ||
	    (p = strstr(doc, "/K [")) == NULL || (q = strchr(p, ']')) == NULL)
		goto out;
	nk = (long)parse_refs(p + 4, q, &kids);
	for (i = 0; i < nk; i++) {
		struct_type(f, xref, kids[i], type);
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
	char *tail = NULL, *trailer = NULL, *cat = NULL, *pages = NULL, *p, *q;
	long size, xref, root, pnum, *kids = NULL, nkids = 0, i, off_pages, off_cat, newx;
	long inum = 0, off_info = 0, dnum = 0, off_doc = 0;
	char *info = NULL;
	struct buf out = {0};
	size_t tlen;
	int ret = -1;

	if (f == NULL)
		return err_set(path, 0, "cannot reopen the PDF to add page labels");
	if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 64)
		goto bad;
	/* the tail may hold binary stream bytes, NULs included: search back */
	if ((tail = read_at(f, size > 4096 ? size - 4096 : 0, 4096)) == NULL)
		goto bad;
	tlen = (size_t)(size > 4096 ? 4096 : size);
	if ((q = rfind(tail, tlen, "startxref")) == NULL)
		goto bad;
	xref = strtol(q + 9, NULL, 10);
	if ((p = rfind(tail, (size_t)(q - tail), "trailer")) == NULL)
		goto bad;
	trailer = xstrndup(p + 7, (size_t)(q - p - 7));
	if ((p = strstr(trailer, "/Root")) == NULL)
		goto bad;
	root = strtol(p + 5, NULL, 10);
	if ((cat = read_obj(f, xref, root)) == NULL || (p = strstr(cat, "/Pages")) == NULL)
		goto bad;
	pnum = strtol(p + 6, NULL, 10);
	if ((pages = read_obj(f, xref, pnum)) == NULL || (p = strstr(pages, "/Kids")) == NULL ||
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
	off_pages = size + (long)out.len;
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
	off_cat = size + (long)out.len;
	if ((p = strstr(cat, "<<")) == NULL || (q = strrchr(cat, '>')) == NULL || q - p < 3)
		goto bad;
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
	if ((p = strstr(trailer, "/Info")) != NULL && (info = read_obj(f, xref, strtol(p + 5, NULL, 10))) != NULL &&
	    (p = strstr(info, "obj")) != NULL && (q = strstr(info, "endobj")) != NULL &&
	    (strstr(info, "/CreationDate (") || strstr(info, "/ModDate ("))) {
		inum = strtol(info, NULL, 10);
		off_info = size + (long)out.len;
		buf_printf(&out, "%ld 0 ", inum);
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
	off_doc = size + (long)out.len;
	if ((dnum = reorder_structure(f, xref, cat, &out)) <= 0)
		off_doc = 0;
	newx = size + (long)out.len;
	buf_printf(&out, "xref\n0 1\n0000000000 65535 f \n");
	{
		long nums[4] = {pnum, root, inum, dnum}, offs[4] = {off_pages, off_cat, off_info, off_doc};
		int a, b, m = 4;

		for (a = 0; a < m; a++)	/* drop the objects not rewritten */
			if (nums[a] <= 0) {
				nums[a] = nums[m - 1], offs[a] = offs[m - 1];
				m--, a--;
			}

		for (a = 0; a < m; a++)	/* subsections in object order */
			for (b = a + 1; b < m; b++)
				if (nums[b] < nums[a]) {
					long t = nums[a], u = offs[a];

					nums[a] = nums[b], offs[a] = offs[b];
					nums[b] = t, offs[b] = u;
				}
		for (a = 0; a < m; a++)
			buf_printf(&out, "%ld 1\n%010ld 00000 n \n", nums[a], offs[a]);
	}
	if ((q = strrchr(trailer, '>')) == NULL || q == trailer || q[-1] != '>')
		goto bad;
	buf_puts(&out, "trailer\n");
	buf_put(&out, trailer + strspn(trailer, " \r\n"), (size_t)(q - 1 - trailer - strspn(trailer, " \r\n")));
	buf_printf(&out, "   /Prev %ld\n>>\nstartxref\n%ld\n%%%%EOF\n", xref, newx);
	if (fseek(f, 0, SEEK_END) != 0 || fwrite(out.data, 1, out.len, f) != out.len)
		goto bad;
	ret = 0;
bad:
	if (ret != 0)
		err_set(path, 0, "cannot add page labels: unexpected PDF structure");
	if (f && fclose(f) != 0 && ret == 0)
		ret = err_set(path, 0, "cannot write the PDF");
	free(tail);
	free(trailer);
	free(cat);
	free(pages);
	free(info);
	free(kids);
	buf_free(&out);
	return ret;
}
