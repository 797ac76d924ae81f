/* The composer's figures: an image scaled into the measure (and the
 * room left for it), its caption and credit. */
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "model/lang.h"
#include "model/date.h"
#include "model/shown.h"
#include "pdf_comp.h"
#include "model/words.h"

/* A figure: the image scaled to the width (at most 60% of the page's
 * height), then caption and credit. */
void
pdf_set_figure(struct pdf *P, struct pdf_vlist *vl, const struct image *im, struct frame fr,
    double before)
{
	struct pdf_style cs = pdf_text_style(P, FONT_BODY, STYLE_ITALIC, P->size * 0.86, NULL);
	struct pdf_parfmt fmt = {.width = fr.w, .align = PA_LEFT, .hyphenate = 1};
	struct setopts so = {.x = fr.x, .lead = P->lead * 0.86, .size = cs.size};
	int has_img = (im->path || im->data) && im->width > 0 && im->height > 0;
	/* an image left out keeps its words: its alt text before the
	 * caption, or standing as caption (src/model/shown.c) */
	const char *alt = shown_figure_alt(im, has_img);
	const char *caption = im->caption ? im->caption : alt;
	int has_cap = caption || im->credit;
	struct pdf_vbox *vb;

	vb = pdf_vlist_push(vl);
	vb->before = before;
	vb->nobreak = 1;
	vb->kind = PDF_VB_FIGURE;
	pdf_dl_tag(&vb->dl, 1, "Figure", NULL);
	/* the drawer gives the figure its image's alternative text */
	vb->dl.ops[vb->dl.n - 1].img = has_img ? im : NULL;
	if (has_img) {
		/* the measure's width, but never enlarged past 150 pixels an
		 * inch (the least a print shop takes): a 40-pixel icon stays an
		 * icon instead of a blur across the page */
		double w = MIN(fr.w, im->width * 72.0 / MIN_PPI), h = w * im->height / im->width;
		double maxh = P->fig_room > 0 ? MIN(P->H * 0.6, P->fig_room) : P->H * 0.6;
		struct pdf_op *op;

		if (h > maxh) {
			h = maxh;
			w = h * im->width / im->height;
		}
		op = pdf_dl_push(&vb->dl, OP_IMAGE);
		op->img = im;
		op->x = fr.x + (fr.w - w) / 2;
		op->y = 0;
		op->w = w;
		op->h = h;
		vb->h = h + (has_cap ? P->lead * 0.4 : 0);
		/* the Figure holds the picture alone, its caption follows it:
		 * cairo 1.16 keeps no content of an element that has children,
		 * so a Figure around its Caption lost the picture */
		pdf_dl_tag(&vb->dl, 0, "Figure", NULL);
	}
	if (!has_cap) {
		if (!has_img)
			pdf_dl_tag(&vb->dl, 0, "Figure", NULL);
		vb->nobreak = 0;
		return;
	}
	{
		struct pdf_shaped sp;
		struct pdf_style gs = pdf_text_style(P, FONT_BODY, STYLE_REGULAR, P->size * 0.78, P->grey);
		struct pdf_dl first = {0};
		size_t k0 = vl->n, k;

		pdf_shaped_init(&sp, P->art ? P->art->lang : NULL, P->art && P->art->dir == DIR_RTL);
		if (alt && caption != alt) {
			struct pdf_style as = pdf_text_style(P, FONT_BODY, STYLE_REGULAR, cs.size, NULL);

			pdf_add_text(&sp, alt, &as);
			pdf_shaped_add(&sp, " ", 1, &as);
		}
		if (caption)
			pdf_add_text(&sp, caption, &cs);
		if (caption && im->credit)
			pdf_shaped_add(&sp, " ", 1, &cs);
		if (im->credit)
			pdf_add_text(&sp, im->credit, &gs);
		so.tag = "Caption";
		so.first = &first;
		so.kind = PDF_VB_CAPTION;
		pdf_set_para(P, vl, &sp, &fmt, &so);
		/* the caption stays whole, with its figure */
		for (k = k0; k < vl->n; k++)
			vl->v[k].nobreak = 1;
		pdf_shaped_free(&sp);
		pdf_dl_free(&first);
		vb = &vl->v[vl->n - 1];
		if (!has_img)
			pdf_dl_tag(&vb->dl, 0, "Figure", NULL);	/* a caption alone */
		vb->nobreak = 0;
	}
}
