/* The composer's article openers: kicker, headline, standfirst, byline
 * and role, date and the lead figure with its caption and credit. */
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

/* The byline of article A into VL: its authors, their role, and the date
 * after a middle dot on the same line when the whole fits, else on a line
 * of its own. */
static void
set_byline(struct pdf *P, struct pdf_vlist *vl, const struct article *a,
    const struct pdf_parfmt *fmt)
{
	struct pdf_parfmt left = *fmt;
	int rtl = a->dir == DIR_RTL;
	struct pdf_style st = pdf_text_style(P, FONT_HEADING, STYLE_BOLD, P->size * 0.9, NULL);
	struct pdf_style rs = pdf_text_style(P, FONT_HEADING, STYLE_REGULAR, P->size * 0.9, P->grey);
	struct setopts so = {.lead = P->lead, .size = st.size, .tag = "P", .keep = 1,
	    .before = P->lead * 0.8};
	const struct words *aw = words_for(a->lang);
	struct pdf_shaped sp;
	double w = 0;
	size_t i;

	pdf_shaped_init(&sp, a->lang, rtl);
	for (i = 0; i < a->nauthors; i++) {
		if (i) {
			const char *j = i + 1 == a->nauthors ? aw->and_ : aw->sep;

			pdf_add_text(&sp, j, &st);
			w += pdf_text_width(P, j, st);
		}
		pdf_add_text(&sp, a->authors[i], &st);
		w += pdf_text_width(P, a->authors[i], st);
		if (a->author_roles && a->author_roles[i]) {
			char *r = xprintf(" (%s)", a->author_roles[i]);

			pdf_add_text(&sp, r, &rs);
			w += pdf_text_width(P, r, rs);
			free(r);
		}
	}
	if (a->role) {
		if (a->nauthors)
			pdf_shaped_add(&sp, ", ", 2, &rs);
		pdf_add_text(&sp, a->role, &rs);
		w += pdf_text_width(P, a->role, rs) + (a->nauthors ? pdf_text_width(P, ", ", rs) : 0);
	}
	if (a->dateline) {
		if (a->nauthors || a->role)
			pdf_shaped_add(&sp, ", ", 2, &rs);
		pdf_add_text(&sp, a->dateline, &rs);
		w += pdf_text_width(P, a->dateline, rs) + pdf_text_width(P, ", ", rs);
	}
	/* the date on the byline's line after a middle dot when the
	 * whole fits on one line, else on a line of its own (no dot);
	 * the date itself is never broken */
	if (a->date_text || a->date) {
		char when[64];
		const char *d = date_shown(a->date, a->date_text, a->lang, when, sizeof(when));
		const char *sep = "\xc2\xa0\xc2\xa0\xc2\xb7\xc2\xa0\xc2\xa0";
		struct buf nb = {0};

		if (sp.text.len && w + pdf_text_width(P, sep, rs) + pdf_text_width(P, d, rs) > left.width)
			sep = "\xe2\x80\xa8";	/* a line separator: a forced break */
		if (sp.text.len)
			pdf_add_text(&sp, sep, &rs);
		for (; *d; d++) {
			if (*d == ' ')
				BUF_PUTSL(&nb, "\xc2\xa0");
			else
				buf_putc(&nb, *d);
		}
		pdf_add_text(&sp, buf_str(&nb), &rs);
		buf_free(&nb);
	}
	pdf_set_para(P, vl, &sp, &left, &so);
	pdf_shaped_free(&sp);
}

/* The notes of the article nothing in VL refers to (and not placed
 * already) go with VL's last box, to the article's last page (whose
 * drawing pdf_write closes the Art tag after, footnotes included). */
static void
unreferenced_notes(struct pdf *P, struct pdf_vlist *vl)
{
	unsigned char *used = xcalloc(P->nnotes + 1, 1);
	struct pdf_vbox *vb;
	size_t i, k;

	for (i = 0; i < vl->n; i++)
		for (k = 0; k < vl->v[i].nnotes; k++)
			if ((size_t)vl->v[i].notes[k] < P->nnotes)
				used[vl->v[i].notes[k]] = 1;
	vb = &vl->v[vl->n - 1];
	for (k = 0; k < P->nnotes; k++)
		if (!used[k] && !(P->pg.placed && k < P->pg.nplaced && P->pg.placed[k])) {
			vb->notes = xrealloc(vb->notes, (vb->nnotes + 1) * sizeof(*vb->notes));
			vb->notes[vb->nnotes++] = (int)k;
		}
	free(used);
}

/* The opener's source line under the byline: "Source: Site — URL", small
 * and grey, the URL a link when it is a web address. */
static void
set_source(struct pdf *P, struct pdf_vlist *vl, const struct article *a,
    const struct pdf_parfmt *fmt, int rtl)
{
	struct pdf_style st = pdf_text_style(P, FONT_HEADING, STYLE_REGULAR, P->size * 0.78, P->grey);
	struct setopts so = {.lead = P->lead * 0.9, .size = st.size, .tag = "P", .keep = 1,
	    .before = P->lead * 0.25};
	struct pdf_shaped sp;
	size_t lead = 0;

	if (a->url == NULL && a->site == NULL)
		return;
	pdf_shaped_init(&sp, a->lang, rtl);
	pdf_add_text(&sp, words_for(a->lang)->source, &st);
	pdf_add_text(&sp, ": ", &st);
	if (a->site)
		pdf_add_text(&sp, a->site, &st);
	if (a->site && a->url)
		pdf_add_text(&sp, " \xe2\x80\x94 ", &st);
	if (a->url) {
		struct pdf_style us = st;

		us.nohyph = 1;
		if (shown_link_safe(a->url, &lead, NULL))
			us.href = a->url + lead;
		pdf_add_text(&sp, a->url, &us);
	}
	pdf_set_para(P, vl, &sp, fmt, &so);
	pdf_shaped_free(&sp);
}

/* The opener: kicker, headline, standfirst, byline and role, date, lead
 * figure with caption and credit. */
void
pdf_set_opener(struct pdf *P, struct pdf_vlist *vl, const struct article *a)
{
	struct frame fr = {.x = 0, .w = P->W};
	struct pdf_parfmt left = {.width = P->W, .align = PA_LEFT};
	int rtl = a->dir == DIR_RTL;
	struct pdf_vbox *vb;
	struct pdf_dl first = {0};
	struct buf b = {0};
	size_t i, k0 = vl->n;

	vb = pdf_vlist_push(vl);
	vb->newpage = 1;
	vb->h = P->lead * 2.5;
	vb->nobreak = 1;
	pdf_dl_tag(&vb->dl, 1, "Art", NULL);
	if (a->kicker) {
		struct pdf_style st = pdf_text_style(P, FONT_HEADING, STYLE_BOLD, P->size * 0.85,
		    P->th->accent_color);
		struct setopts so = {.lead = P->lead, .size = st.size, .tag = "P", .keep = 1};

		pdf_set_string(P, vl, a->kicker, st, &left, &so, rtl);
	}
	{
		struct pdf_style st = pdf_text_style(P, FONT_HEADING, STYLE_BOLD, P->size * HEADLINE_SCALE,
		    NULL);
		struct setopts so = {.lead = st.size * 1.2, .size = st.size, .tag = "H1",
		    .dest = a->id, .keep = 1, .outline = 1, .before = P->lead * 0.3};
		struct pdf_parfmt hf = left;

		hf.width = P->W * 0.92;
		if (rtl)
			hf.width = P->W;
		pdf_set_string(P, vl, shown_headline(a), st, &hf, &so, rtl);
	}
	if (a->standfirst) {
		struct pdf_style st = pdf_text_style(P, FONT_BODY, STYLE_ITALIC, P->size * 1.25, NULL);
		struct setopts so = {.lead = P->size * 1.6, .size = st.size, .tag = "P",
		    .keep = 1, .before = P->lead * 0.6};

		pdf_set_string(P, vl, a->standfirst, st, &left, &so, rtl);
	}
	if (a->nauthors || a->role || a->dateline || a->date_text || a->date)
		set_byline(P, vl, a, &left);
	set_source(P, vl, a, &left, a->dir == DIR_RTL);
	if (a->image) {
		/* the head stands on one page with the picture, its caption,
		 * the rule and two lines of text: a tall picture is made
		 * smaller to leave them room (never below four lines) */
		double used = 0, cap = 0;

		for (i = k0; i < vl->n; i++)
			used += (i > k0 ? vl->v[i].before : 0) + vl->v[i].h;
		if (a->image->caption || a->image->credit) {
			struct pdf_style cs = pdf_text_style(P, FONT_BODY, STYLE_ITALIC, P->size * 0.86, NULL);
			double tw = (a->image->caption ? pdf_text_width(P, a->image->caption, cs) : 0) +
			    (a->image->credit ? pdf_text_width(P, a->image->credit, cs) : 0);

			cap = (tw / P->W + 1.5) * P->lead * 0.86 + P->lead * 0.4;
		}
		used += MIN(pdf_first_notes(P, a), P->H / 3);	/* the first lines' notes too */
		P->fig_room = MAX(P->H - used - P->lead - cap - P->lead * 4.5, P->lead * 4);
		pdf_set_figure(P, vl, a->image, fr, P->lead);
		P->fig_room = 0;
	}
	/* a rule closes the opener's head: drawn in the head's last box (the
	 * caption's, when there is a picture) so that no page parts them,
	 * then the space above the text, dropped at the top of a page */
	vb = &vl->v[vl->n - 1];
	{
		struct pdf_op *op = pdf_dl_push(&vb->dl, OP_RECT);

		op->x = rtl ? P->W - 48 : 0;
		op->y = vb->h + P->lead * 0.5;
		op->w = 48;
		op->h = 1;
		memcpy(op->rgb, P->th->accent_color, sizeof(op->rgb));
		vb->h = op->y + op->h;
	}
	vb = pdf_vlist_push(vl);
	vb->before = P->lead * 1.2 - 1;
	vb->nobreak = 1;
	pdf_dl_free(&first);
	buf_free(&b);
	P->first_para = 1;
	pdf_set_blocks(P, vl, a->blocks, a->nblocks, fr, NULL);
	/* notes nothing refers to go to the article's last page */
	vb = pdf_vlist_push(vl);
	unreferenced_notes(P, vl);
}
