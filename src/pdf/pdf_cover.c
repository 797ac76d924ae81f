/*
 * The PDF's covers: the front cover as the book's first page (the EPUB's
 * cover picture, picture_cover's: book.yaml's cover or a feed's image; or
 * the generated cover of src/cover/, the EPUB's design drawn here in vectors), with a blank inside of the cover after it so the
 * title page stays a recto; and the print-on-demand wrap cover, a file of
 * its own: back, spine and front on one sheet. Both run their ground or
 * picture out into the bleed.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "cover/cover.h"
#include "model/image.h"
#include "model/lang.h"
#include "model/picture.h"
#include "model/words.h"
#include "pdf_comp.h"

double
pdf_bleed(const struct pdf *P)
{
	if (P->opt && P->opt->crop_marks && !P->opt->bleed && P->th->bleed == 0)
		return 3 / 25.4 * 72;	/* marks need a bleed */
	return P->th->bleed;
}

/* The words a reader is told the cover shows: the title, then the authors
 * (the EPUB's cover alt text), into B. */
static void
cover_alt(struct buf *b, const struct book *bk)
{
	buf_puts(b, bk->title ? bk->title : "");
	for (size_t i = 0; i < bk->nauthors; i++) {
		buf_puts(b, i == 0 ? " \xe2\x80\x94 " : ", ");
		buf_puts(b, bk->authors[i]);
	}
}

/* Push onto DL picture IM scaled to cover the W x H trim and BLEED beyond
 * it on every side, centred, at (X, 0); say what is cut off when the
 * picture is not in the page's proportions. */
static void
place_picture(struct pdf_dl *dl, const struct image *im, double x, double w, double h,
    double bleed)
{
	double s = fmax((w + 2 * bleed) / im->width, (h + 2 * bleed) / im->height);
	double iw = im->width * s, ih = im->height * s;
	struct pdf_op *op = pdf_dl_push(dl, OP_IMAGE);

	op->img = im;
	op->x = x + (w - iw) / 2;
	op->y = (h - ih) / 2;
	op->w = iw;
	op->h = ih;
	/* past the trim is cut off in print anyway; past the bleed too */
	if (iw > w * 1.05 || ih > h * 1.05)
		warn_at(im->src, 0, "the cover picture (%dx%d pixels) is not in the page's proportions "
		    "(%.0fx%.0f mm): %.0f%% of its %s is cut off at the edges", im->width, im->height,
		    w / 72 * 25.4, h / 72 * 25.4, 100 * (iw > w * 1.05 ? 1 - w / iw : 1 - h / ih),
		    iw > w * 1.05 ? "width" : "height");
}

/* Draw the generated cover of P's book at X, W x H pt, its ground BLEED
 * beyond the trim on every side. Return 0, or -1 with the error set. */
static int
generated(struct pdf *P, double x, double w, double h, double bleed)
{
	char *fam = cover_family(P->th);
	double k = w / COVER_W;
	int r;

	cairo_save(P->dr.cr);
	cairo_translate(P->dr.cr, x, 0);
	cairo_scale(P->dr.cr, k, k);
	r = cover_draw(P->dr.cr, P->book, fam, cover_color(P->th), h / k, bleed / k);
	cairo_restore(P->dr.cr);
	free(fam);
	return r;
}

/* Fill the page and its bleed of P's cover with the generated cover's
 * ground, or white under a PICTURE. Return 0, or -1 with the error set. */
static int
ground(struct pdf *P, int picture)
{
	double b = pdf_bleed(P), w = P->th->page_w, h = P->th->page_h;

	if (picture) {
		cairo_set_source_rgb(P->dr.cr, 1, 1, 1);
		cairo_rectangle(P->dr.cr, -b, -b, w + 2 * b, h / 2 + b);	/* see cover_ground */
		cairo_rectangle(P->dr.cr, -b, h / 2, w + 2 * b, h / 2 + b);
		cairo_fill(P->dr.cr);
	} else
		cover_ground(P->dr.cr, cover_color(P->th), -b, -b, w + 2 * b, h + 2 * b, h);
	if (cairo_status(P->dr.cr) != CAIRO_STATUS_SUCCESS)
		return err_set(NULL, 0, "cairo: %s", cairo_status_to_string(cairo_status(P->dr.cr)));
	return 0;
}

int
pdf_cover_page(struct pdf *P)
{
	const struct book *bk = P->book;
	double w = P->th->page_w, h = P->th->page_h;
	struct image alt, pic;
	struct pdf_dl dl = {0};
	struct buf a = {0};
	int ret = -1, has;

	if (P->page_open && pdf_draw_page_end(&P->dr) != 0)
		return -1;
	P->page_open = 1;
	cover_alt(&a, bk);
	memset(&alt, 0, sizeof(alt));
	alt.alt = (char *)buf_str(&a);
	if ((has = picture_cover(bk, &pic)) < 0)
		goto out;
	if (has)
		pic.alt = alt.alt;
	/* the ground first, untagged (the page's background): a picture the
	 * size of the page painted on a clear page would make cairo drop
	 * what it recorded before, the figure's tag with it */
	if (ground(P, has) != 0)
		goto out;
	/* a figure, its words the title and authors, for screen readers */
	pdf_dl_tag(&dl, 1, "Figure", NULL);
	dl.ops[dl.n - 1].img = has ? &pic : &alt;
	if (has)
		place_picture(&dl, &pic, 0, w, h, pdf_bleed(P));
	if (pdf_draw_dl(&P->dr, &dl, 0, 0) != 0)
		goto out;
	if (!has && generated(P, 0, w, h, pdf_bleed(P)) != 0)
		goto out;
	pdf_dl_free(&dl);
	pdf_dl_tag(&dl, 0, "Figure", NULL);
	if (pdf_draw_dl(&P->dr, &dl, 0, 0) != 0 || pdf_draw_page_end(&P->dr) != 0)
		goto out;
	/* the inside of the cover: blank, ended by the title page */
	ret = 0;
out:
	pdf_dl_free(&dl);
	buf_free(&a);
	return ret;
}

/* The wrap cover's front at X (W x H pt) of P's book: its picture, clipped
 * to the front and its bleed on the outer side OUT (-1 left, 1 right), or
 * the generated front. Return 0, or -1 with the error set. */
static int
wrap_front(struct pdf *P, double x, double w, double h, int out)
{
	double b = pdf_bleed(P);
	struct pdf_dl dl = {0};
	struct image pic;
	int r;

	if ((r = picture_cover(P->book, &pic)) <= 0)
		return r < 0 ? -1 : generated(P, x, w, h, 0);
	cairo_save(P->dr.cr);
	cairo_rectangle(P->dr.cr, out < 0 ? x - b : x, -b, w + b, h + 2 * b);
	cairo_clip(P->dr.cr);
	place_picture(&dl, &pic, x, w, h, b);
	r = pdf_draw_dl(&P->dr, &dl, 0, 0);
	cairo_restore(P->dr.cr);
	pdf_dl_free(&dl);
	return r;
}

/* Draw the back and the spine of the wrap: back at XB, spine SPINE pt
 * wide at XS, on P's drawer. Return 0, or -1 with the error set. */
static int
wrap_back(struct pdf *P, double xb, double xs, double spine, int pages, double per)
{
	double w = P->th->page_w, h = P->th->page_h, k = w / COVER_W;
	char *fam = cover_family(P->th);
	cairo_t *cr = P->dr.cr;
	int r;

	cairo_save(cr);
	cairo_translate(cr, xb, 0);
	cairo_scale(cr, k, k);
	r = cover_draw_back(cr, P->book, fam, cover_color(P->th), h / k);
	cairo_restore(cr);
	if (r == 0) {
		cairo_save(cr);
		cairo_translate(cr, xs, 0);
		cairo_scale(cr, k, k);
		r = cover_draw_spine(cr, P->book, fam, spine / k, h / k, 72 / 25.4 / k);
		cairo_restore(cr);
		if (r == 1 && spine < COVER_SPINE_TEXT_MM / 25.4 * 72)
			warn_at(P->opt->cover_pdf, 0, "the spine is %.1f mm wide (%d pages, %.3f mm a "
			    "sheet): too narrow for its title (%.0f mm and more take it), left plain",
			    spine / 72 * 25.4, pages, 2 * per / 72 * 25.4, COVER_SPINE_TEXT_MM);
		r = r < 0 ? -1 : 0;
	}
	free(fam);
	return r;
}

int
pdf_cover_wrap(struct pdf *P, int pages, const char *path)
{
	double w = P->th->page_w, h = P->th->page_h, b = pdf_bleed(P), per = 0.1 / 25.4 * 72 / 2;
	double spine, k = w / COVER_W, ww;
	int rtl = lang_rtl(P->book->lang), ret = -1;
	struct pdf_drawer keep = P->dr;
	struct pdf_print pr;

	if (P->opt->thickness && theme_thickness_parse(P->opt->thickness, &per) != 0)
		return -1;
	/* a sheet holds two pages: an odd page count still takes a whole one */
	spine = ceil(pages / 2.0) * 2 * per;
	ww = 2 * w + spine;
	if (pdf_draw_open(&P->dr, path, ww, h) != 0) {
		P->dr = keep;
		return -1;
	}
	pdf_draw_meta(&P->dr, P->book);
	/* one ground under back, spine and front, out into the bleed */
	cairo_save(P->dr.cr);
	cairo_scale(P->dr.cr, k, k);
	cover_ground(P->dr.cr, cover_color(P->th), -b / k, -b / k, (ww + 2 * b) / k, (h + 2 * b) / k,
	    h / k);
	cairo_restore(P->dr.cr);
	/* left to right: back, spine, front; a right-to-left book opens the
	 * other way, its front on the left */
	if (wrap_back(P, rtl ? w + spine : 0, w, spine, pages, per) != 0 ||
	    wrap_front(P, rtl ? 0 : w + spine, w, h, rtl ? -1 : 1) != 0 ||
	    pdf_draw_page_end(&P->dr) != 0)
		goto out;
	ret = pdf_draw_close(&P->dr, path);
	if (ret == 0) {
		memset(&pr, 0, sizeof(pr));
		pr.w = ww;
		pr.h = h;
		pr.bleed = b;
		pr.icc = PDF_SRGB_ICC;
		if (P->opt->crop_marks) {
			pr.marks = 1;
			pr.slug = 5 / 25.4 * 72;
		}
		ret = pdf_update_print(path, P->book, &pr);
	}
out:
	if (ret != 0 && P->dr.surf) {
		cairo_destroy(P->dr.cr);
		cairo_surface_destroy(P->dr.surf);
	}
	P->dr = keep;
	return ret;
}
