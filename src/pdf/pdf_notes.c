/* The composer's footnotes: the labels their references show, each
 * note set as boxes of its own for the foot of the page. */
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"
#include "model/lang.h"
#include "model/date.h"
#include "pdf_comp.h"
#include "model/shown.h"
#include "model/words.h"

/* ---- articles ---- */

/* Lay out note I of article A into P->notes[I]. */
static void
set_note(struct pdf *P, const struct article *a, size_t i)
{
	const struct footnote *fn = &a->notes[i];
	struct pdf_style st = pdf_text_style(P, FONT_BODY, STYLE_REGULAR, P->size * 0.8, NULL);
	struct pdf_parfmt fmt = {.width = P->W - P->size * 1.2, .align = PA_JUSTIFY, .hyphenate = 1,
	    .protrude = P->th->protrusion};
	int rtl = a->dir == DIR_RTL;	/* the number at the right */
	struct setopts so = {.x = rtl ? 0 : P->size * 1.2, .lead = P->lead * 0.8,
	    .size = st.size, .tag = "P", .setting = 1 + (int)P->th->notes, .note = 1};
	struct pdf_dl first = {0};
	struct buf at = {0};
	size_t j, k0 = P->notes[i].n;

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

/* ---- links' URLs on paper ---- */

/* Links, growable. */
struct links {
	const struct inl	**v;
	size_t			  n, cap;
};

/* Append to L the links among inlines IN[0..N) (and their kids) that show
 * their URL in a note: safe ones whose words are not the URL. */
static void
links_inl(struct links *l, const struct inl *in, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (in[i].type == INL_LINK) {
			if (shown_link_safe(in[i].href, NULL, NULL) && !pdf_link_is_url(&in[i])) {
				ARRAY_GROW(l->v, l->n, l->cap);
				l->v[l->n++] = &in[i];
			}
			continue;	/* no link inside a link */
		}
		links_inl(l, in[i].kids, in[i].nkids);
	}
}

/* Append to L the links of blocks B[0..N), in reading order. */
static void
links_blocks(struct links *l, const struct block *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		links_inl(l, b[i].inl, b[i].ninl);
		links_blocks(l, b[i].kids, b[i].nkids);
	}
}

/* The mark of a URL's note: a, b, … z, aa, ab, … for the K-th URL. */
static void
url_label(size_t k, char *out, size_t len)
{
	char t[8];
	size_t n = 0, i;

	do {
		t[n++] = (char)('a' + k % 26);
		k = k / 26;
	} while (k-- > 0 && n < sizeof(t) - 1);
	for (i = 0; i < n && i + 1 < len; i++)
		out[i] = t[n - 1 - i];
	out[i] = '\0';
}

/* Note N (a URL's, for link IN): its mark LABEL, then the URL, ragged
 * right, a link itself. */
static void
set_url_note(struct pdf *P, const struct article *a, size_t n, const struct inl *in,
    const char *label)
{
	size_t lead = 0;
	struct pdf_style st = pdf_text_style(P, FONT_BODY, STYLE_REGULAR, P->size * 0.8, NULL);
	struct pdf_parfmt fmt = {.width = P->W - P->size * 1.2, .align = PA_LEFT};
	int rtl = a->dir == DIR_RTL;
	struct setopts so = {.x = rtl ? 0 : P->size * 1.2, .lead = P->lead * 0.8,
	    .size = st.size, .tag = "P", .setting = 1 + THEME_SET_RAGGED, .note = 1};
	struct pdf_dl first = {0};
	struct pdf_style us = st;

	shown_link_safe(in->href, &lead, NULL);
	pdf_dl_tag(&first, 1, "Note", NULL);
	pdf_set_mark(P, &first, label, st, rtl ? P->W - P->size * 0.8 : P->size * 0.8,
	    pdf_baseline(so.lead, st.size), rtl);
	so.first = &first;
	us.href = in->href + lead;
	us.nohyph = 1;
	pdf_set_string(P, &P->notes[n], pdf_url_shown(in->href), us, &fmt, &so, rtl);
	if (P->notes[n].n == 0) {
		struct pdf_vbox *vb = pdf_vlist_push(&P->notes[n]);

		vb->h = so.lead;
		pdf_dl_move(&vb->dl, &first, 0, 0);
	}
	pdf_dl_tag(&P->notes[n].v[P->notes[n].n - 1].dl, 0, "Note", NULL);
	pdf_dl_free(&first);
}

/* The notes of the links L of article A (after its own notes): one per
 * link, those to one URL twins with one mark. */
static void
set_url_notes(struct pdf *P, const struct article *a, const struct links *l)
{
	struct buf *keys = xcalloc(l->n + 1, sizeof(*keys));
	size_t *first = xcalloc(l->n + 1, sizeof(*first));
	size_t k, j, nu = 0;

	P->urls = xcalloc(l->n + 1, sizeof(*P->urls));
	P->nurls = l->n;
	for (k = 0; k < l->n; k++) {
		size_t n = a->nnotes + k;

		pdf_url_key(l->v[k]->href, &keys[k]);
		for (j = 0; j < k && strcmp(buf_str(&keys[j]), buf_str(&keys[k])) != 0; j++)
			;
		if (j == k)	/* a new URL: the next mark */
			first[k] = nu++;
		else
			first[k] = first[j];
		P->twin[n] = j < k ? P->twin[a->nnotes + j] : (int)n;
		P->urls[k].in = l->v[k];
		P->urls[k].note = n;
		url_label(first[k], P->urls[k].label, sizeof(P->urls[k].label));
		set_url_note(P, a, n, l->v[k], P->urls[k].label);
	}
	qsort(P->urls, P->nurls, sizeof(*P->urls), pdf_urlref_cmp);
	for (k = 0; k < l->n; k++)
		buf_free(&keys[k]);
	free(keys);
	free(first);
}

/* Lay out article A's footnotes into P->notes: its own, then, with links:
 * footnotes, one per link that shows its URL. */
void
pdf_set_notes(struct pdf *P, const struct article *a)
{
	struct links l = {0};
	size_t i;

	if (P->th->links == THEME_LINKS_FOOTNOTES)
		links_blocks(&l, a->blocks, a->nblocks);
	P->nnotes = a->nnotes + l.n;
	P->notes = xcalloc(P->nnotes + 1, sizeof(*P->notes));
	P->note_dest = xcalloc(P->nnotes + 1, sizeof(*P->note_dest));
	P->twin = xcalloc(P->nnotes + 1, sizeof(*P->twin));
	for (i = 0; i < a->nnotes; i++) {
		P->note_dest[i] = xprintf("%s-n%zu", a->id ? a->id : "a", i + 1);
		P->twin[i] = (int)i;
	}
	for (i = 0; i < a->nnotes; i++)
		set_note(P, a, i);
	set_url_notes(P, a, &l);
	P->pg.twin = P->twin;
	free(l.v);
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
	free(P->twin);
	free(P->urls);
	P->notes = NULL;
	P->note_dest = NULL;
	P->twin = NULL;
	P->urls = NULL;
	P->nurls = 0;
	P->pg.twin = NULL;
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
