/* The composer's footnotes: the labels their references show, each
 * note set as boxes of its own for the foot of the page. */
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "model/lang.h"
#include "model/date.h"
#include "pdf_comp.h"
#include "model/shown.h"
#include "model/words.h"

/* ---- articles ---- */

/* Lay out article A's footnotes into P->notes. */
void
pdf_set_notes(struct pdf *P, const struct article *a)
{
	size_t i, j;

	P->nnotes = a->nnotes;
	P->notes = xcalloc(a->nnotes + 1, sizeof(*P->notes));
	P->note_dest = xcalloc(a->nnotes + 1, sizeof(*P->note_dest));

	for (i = 0; i < a->nnotes; i++)
		P->note_dest[i] = xprintf("%s-n%zu", a->id ? a->id : "a", i + 1);
	for (i = 0; i < a->nnotes; i++) {
		const struct footnote *fn = &a->notes[i];
		struct pdf_style st = pdf_text_style(P, FONT_BODY, STYLE_REGULAR, P->size * 0.8, NULL);
		struct pdf_parfmt fmt = {.width = P->W - P->size * 1.2, .align = PA_JUSTIFY, .hyphenate = 1,
		    .protrude = P->th->protrusion};
		int rtl = a->dir == DIR_RTL;	/* the number at the right */
		struct setopts so = {.x = rtl ? 0 : P->size * 1.2, .lead = P->lead * 0.8,
		    .size = st.size, .tag = "P", .setting = 1 + (int)P->th->notes, .note = 1};
		struct pdf_dl first = {0};
		struct buf at = {0};
		size_t k0 = P->notes[i].n;

		if (P->th->notes == THEME_SET_RAGGED)
			fmt.align = PA_LEFT;

		pdf_dl_tag(&first, 1, "Note", NULL);
		buf_printf(&at, "name='%s'", P->note_dest[i]);
		pdf_dl_tag(&first, 1, CAIRO_TAG_DEST, buf_str(&at));
		buf_free(&at);
		pdf_set_mark(P, &first, shown_note_label(a, i), st,
		    rtl ? P->W - P->size * 0.8 : P->size * 0.8, pdf_baseline(so.lead, st.size), rtl);
		pdf_dl_tag(&first, 0, CAIRO_TAG_DEST, NULL);
		for (j = 0; j < fn->nblocks; j++) {
			const struct block *b = &fn->blocks[j];

			so.first = j == 0 ? &first : NULL;
			so.src = b;	/* the page list */
			if (b->type == BLK_PARAGRAPH)
				pdf_set_inlines(P, &P->notes[i], b->inl, b->ninl, st, &fmt, &so);
			else {
				struct buf t = {0};

				block_text(&t, b);
				pdf_set_string(P, &P->notes[i], buf_str(&t), st, &fmt, &so,
				    a->dir == DIR_RTL);
				buf_free(&t);
			}
		}
		if (P->notes[i].n == k0) {
			struct pdf_vbox *vb = pdf_vlist_push(&P->notes[i]);

			vb->h = so.lead;
			pdf_dl_move(&vb->dl, &first, 0, 0);
		}
		pdf_dl_tag(&P->notes[i].v[P->notes[i].n - 1].dl, 0, "Note", NULL);
		pdf_dl_free(&first);
	}
}

/* Free the current article's footnote boxes and destinations. */
void
pdf_free_notes(struct pdf *P)
{
	size_t i;

	for (i = 0; i < P->nnotes; i++) {
		pdf_vlist_free(&P->notes[i]);
		free(P->note_dest[i]);
	}
	free(P->notes);
	free(P->note_dest);
	P->notes = NULL;
	P->note_dest = NULL;
	P->nnotes = 0;
}

/* The height of the footnotes the first paragraph of A refers to (laid
 * out already in P->notes), with the gap above them: they share the
 * opener's page with its first lines. */
double
pdf_first_notes(struct pdf *P, const struct article *a)
{
	const struct block *b = a->nblocks && a->blocks[0].type == BLK_PARAGRAPH ? &a->blocks[0] : NULL;
	double h = 0;
	size_t i, k;

	for (i = 0; b && i < b->ninl; i++) {
		const struct inl *in = &b->inl[i];

		if (in->type != INL_NOTEREF || in->note >= P->nnotes)
			continue;
		for (k = 0; k < P->notes[in->note].n; k++)
			h += (k ? P->notes[in->note].v[k].before : 0) + P->notes[in->note].v[k].h;
	}
	return h > 0 ? h + P->lead : 0;
}
