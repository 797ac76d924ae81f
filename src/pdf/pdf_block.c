/* The composer's blocks: an article body's paragraphs, headings, quotes,
 * lists, rules, code and the rest, each to vertical boxes. */
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "model/lang.h"
#include "model/date.h"
#include "pdf_comp.h"
#include "model/words.h"

/* Return 1 for a heading that names a list of references or notes
 * ("References", "Einzelnachweise", "Notes et références" …). */
static int
refs_heading(const struct block *b)
{
	static const char *const names[] = {"references", "notes", "footnotes", "citations",
	    "bibliography", "sources", "works cited", "notes and references", "literatur",
	    "einzelnachweise", "anmerkungen", "quellen", "fußnoten", "références",
	    "notes et références", "bibliographie", "sources et références"};
	struct buf t = {0};
	char *low;
	size_t i;
	int hit = 0;

	inl_text(&t, b->inl, b->ninl);
	low = g_utf8_strdown(buf_str(&t), -1);
	g_strstrip(low);
	for (i = 0; i < sizeof(names) / sizeof(names[0]) && !hit; i++)
		hit = strcmp(low, names[i]) == 0;
	g_free(low);
	buf_free(&t);
	return hit;
}

/* Return 1 for a list of references: under a refs_heading(), or with an
 * item beginning with a back-link caret ("^ Levintova, Hannah …", as
 * Wikipedia's notes do). */
static int
refs_list(const struct pdf *P, const struct block *b)
{
	size_t i;

	if (P->in_refs)
		return 1;
	for (i = 0; i < b->nkids; i++) {
		const struct block *it = &b->kids[i];

		if (it->nkids && it->kids[0].type == BLK_PARAGRAPH && it->kids[0].ninl &&
		    it->kids[0].inl[0].type == INL_TEXT && it->kids[0].inl[0].text &&
		    str_startswith(it->kids[0].inl[0].text, "^ "))
			return 1;
	}
	return 0;
}

/* A list into VL: its items' markers hanging in the margin (at the right
 * in a right-to-left article), each item's blocks indented. MARKER goes
 * before the first line; ST is the body's style. */
static void
set_list(struct pdf *P, struct pdf_vlist *vl, const struct block *b, struct frame fr,
    struct pdf_dl *marker, struct pdf_style st)
{
	size_t i;
	struct frame li = fr;
	struct pdf_vbox *vb;
	int rtl = pdf_art_rtl(P);	/* indent and markers on the right */

	if (li.w - P->size * 1.6 >= P->W * 0.4) {
		if (!rtl)
			li.x += P->size * 1.6;
		li.w -= P->size * 1.6;
	}
	li.depth++;
	li.refs = fr.refs || refs_list(P, b);
	vb = pdf_vlist_push(vl);
	vb->h = fr.depth ? 0 : P->lead * 0.3;
	vb->nobreak = 1;	/* with the first item */
	if (marker)
		pdf_dl_move(&vb->dl, marker, 0, 0);
	pdf_dl_tag(&vb->dl, 1, "L", NULL);
	for (i = 0; i < b->nkids; i++) {
		struct pdf_dl mk = {0};
		char num[32];

		if (b->ordered)
			snprintf(num, sizeof(num), "%d.", b->start + (int)i);
		else
			snprintf(num, sizeof(num), "%s", li.depth % 2 ? "\xe2\x80\xa2" : "\xe2\x80\x93");
		pdf_dl_tag(&mk, 1, "LI", NULL);	/* LI: the marker's Lbl, then the LBody */
		pdf_dl_tag(&mk, 1, "Lbl", NULL);
		pdf_set_mark(P, &mk, num, st, rtl ? li.x + li.w + P->size * 0.5 : li.x - P->size * 0.5,
		    pdf_baseline(P->lead, P->size), rtl);
		pdf_dl_tag(&mk, 0, "Lbl", NULL);
		pdf_dl_tag(&mk, 1, "LBody", NULL);
		if (b->kids[i].nkids == 0) {
			vb = pdf_vlist_push(vl);
			vb->h = P->lead;
			pdf_dl_move(&vb->dl, &mk, 0, 0);
		} else
			pdf_set_blocks(P, vl, b->kids[i].kids, b->kids[i].nkids, li, &mk);
		pdf_dl_free(&mk);
		pdf_dl_tag(&vl->v[vl->n - 1].dl, 0, "LBody", NULL);
		pdf_dl_tag(&vl->v[vl->n - 1].dl, 0, "LI", NULL);
	}
	vb = pdf_vlist_push(vl);
	vb->h = fr.depth ? 0 : P->lead * 0.3;
	pdf_dl_tag(&vb->dl, 0, "L", NULL);
}

/* A code block into VL: monospaced, line by line as written, each line's
 * indentation kept and its wrapped lines hung further in; kept two lines
 * together at its top and foot. MARKER goes before the first line. */
static void
set_code(struct pdf *P, struct pdf_vlist *vl, const struct block *b, struct frame fr,
    struct pdf_dl *marker)
{
	struct pdf_parfmt fmt = {.width = fr.w, .align = PA_JUSTIFY, .hyphenate = 1,
	    .protrude = P->th->protrusion};
	struct setopts so = {.x = fr.x, .lead = P->lead, .size = P->size, .first = marker,
	    .setting = fr.refs ? 1 + (int)P->th->references : 0};
	const char *p = b->text ? b->text : "", *nl;
	struct pdf_style ms = pdf_text_style(P, FONT_MONO, STYLE_REGULAR, P->size * 0.82, NULL);
	struct frame cf = fr;
	struct pdf_vbox *vb;
	size_t nl0;
	double sp1;

	cf.x += P->size;
	cf.w -= P->size;
	fmt.align = PA_LEFT;
	fmt.width = cf.w;
	fmt.hyphenate = 0;
	so.x = cf.x;
	so.size = ms.size;
	so.lead = P->lead * 0.9;
	vb = pdf_vlist_push(vl);
	vb->before = P->lead * 0.4;
	vb->nobreak = 1;	/* with the first line */
	if (marker)
		pdf_dl_move(&vb->dl, marker, 0, 0);
	pdf_dl_tag(&vb->dl, 1, "Code", NULL);
	so.first = NULL;
	nl0 = 0;
	sp1 = pdf_text_width(P, " ", ms);
	while (*p) {
		char *line;
		const char *t;
		int col = 0;

		nl = strchr(p, '\n');
		line = xstrndup(p, nl ? (size_t)(nl - p) : strlen(p));
		/* the line's indentation (a tab to the next multiple of
		 * four) shifts the whole line, and the lines it wraps to
		 * hang two columns further in */
		for (t = line; *t == ' ' || *t == '\t'; t++)
			col = *t == '\t' ? (col / 4 + 1) * 4 : col + 1;
		if (col * sp1 > cf.w / 2)
			col = (int)(cf.w / 2 / sp1);
		so.x = cf.x + (col + 2) * sp1;
		fmt.width = cf.w - (col + 2) * sp1;
		fmt.indent = -2 * sp1;
		so.src = b;	/* the line's words, where they are in the text */
		so.src_base = (size_t)(p - b->text) + (size_t)(t - line);
		if (*t)
			pdf_set_string(P, vl, t, ms, &fmt, &so, 0);
		else
			pdf_space(vl, so.lead, 0);
		free(line);
		/* two lines at least before a page turn (the last box
		 * is never paginated before the next one comes) */
		if (nl0++ == 0)
			vl->v[vl->n - 1].nobreak = 1;
		if (!nl)
			break;
		p = nl + 1;
	}
	/* and two after it */
	if (nl0 >= 4 && vl->n >= 2)
		vl->v[vl->n - 2].nobreak = 1;
	vb = pdf_vlist_push(vl);
	vb->h = P->lead * 0.4;
	pdf_dl_tag(&vb->dl, 0, "Code", NULL);
}

/* A block quote B into VL, indented within FR; MARKER: a list item's. */
static void
set_quote(struct pdf *P, struct pdf_vlist *vl, const struct block *b, struct frame fr,
    struct pdf_dl *marker)
{
	struct frame q = fr;

	/* deep nesting stops indenting before the measure gets narrow */
	if (q.w - P->size * 3 >= P->W * 0.4) {
		q.x += P->size * 1.5;
		q.w -= P->size * 3;
	}
	q.inquote = 1;
	/* space around the outermost quote only */
	pdf_space(vl, fr.inquote ? 0 : P->lead * 0.4, 1);
	/* a list item's marker (its LI tag and label) comes before the
	 * quote's tag, at the height of its first line, so the tags
	 * nest (cairo aborts on an LI opened inside a BlockQuote that
	 * closes first) */
	if (marker)
		pdf_dl_move(&vl->v[vl->n - 1].dl, marker, 0, vl->v[vl->n - 1].h);
	pdf_dl_tag(&vl->v[vl->n - 1].dl, 1, "BlockQuote", NULL);
	pdf_set_blocks(P, vl, b->kids, b->nkids, q, NULL);
	pdf_space(vl, fr.inquote ? 0 : P->lead * 0.4, 0);
	pdf_dl_tag(&vl->v[vl->n - 1].dl, 0, "BlockQuote", NULL);
	P->first_para = 1;
}

/* One block into VL. MARKER: a list marker to put before the first line. */
static void
set_block(struct pdf *P, struct pdf_vlist *vl, const struct block *b, struct frame fr,
    struct pdf_dl *marker)
{
	struct pdf_parfmt fmt = {.width = fr.w, .align = PA_JUSTIFY, .hyphenate = 1,
	    .protrude = P->th->protrusion};
	struct setopts so = {.x = fr.x, .lead = P->lead, .size = P->size, .first = marker,
	    .setting = fr.refs ? 1 + (int)P->th->references : 0};
	struct pdf_style st = pdf_text_style(P, FONT_BODY, STYLE_REGULAR, P->size, NULL);
	static const char *htags[] = {"H1", "H1", "H2", "H3", "H4", "H5", "H6"};

	switch (b->type) {
	case BLK_PARAGRAPH:
		/* no indent after a heading, in lists and quotes, or where the
		 * text brings its own (the ideographic space of Japanese) */
		if (!P->first_para && !fr.depth && !fr.inquote &&
		    !(b->ninl && b->inl[0].type == INL_TEXT && b->inl[0].text &&
		    str_startswith(b->inl[0].text, "\xe3\x80\x80")))
			/* Chinese indents by two characters */
			fmt.indent = P->size * (P->art && P->art->lang &&
			    str_startswith(P->art->lang, "zh") ? 2 : 1.2);
		so.tag = "P";
		so.src = b;
		if (so.setting == 1 + THEME_SET_RAGGED)
			fmt.align = PA_LEFT;
		pdf_set_inlines(P, vl, b->inl, b->ninl, st, &fmt, &so);
		P->first_para = 0;
		break;
	case BLK_HEADING: {
		int lv = b->level < 2 ? 2 : b->level > 6 ? 6 : b->level;
		double sz = lv == 2 ? P->size * 1.25 : lv == 3 ? P->size * 1.1 : P->size;

		st = pdf_text_style(P, FONT_HEADING, lv <= 3 ? STYLE_BOLD : STYLE_BOLDITALIC, sz, NULL);
		fmt.align = PA_LEFT;
		fmt.hyphenate = 0;
		so.size = sz;
		so.lead = sz * 1.25 > P->lead ? sz * 1.25 : P->lead;
		so.before = P->lead * (lv == 2 ? 1.2 : 0.8);
		so.tag = htags[lv];
		so.keep = 1;
		so.kind = PDF_VB_HEAD;
		so.outline = lv <= 3 ? lv : 0;
		so.src = b;
		P->in_refs = refs_heading(b);
		pdf_set_inlines(P, vl, b->inl, b->ninl, st, &fmt, &so);
		if (vl->n)
			pdf_space(vl, P->lead * 0.25, 1);
		P->first_para = 1;
		break;
	}
	case BLK_QUOTE:
		set_quote(P, vl, b, fr, marker);
		break;
	case BLK_LIST:
		set_list(P, vl, b, fr, marker, st);
		P->first_para = 1;
		break;
	case BLK_ITEM:
		pdf_set_blocks(P, vl, b->kids, b->nkids, fr, marker);
		break;
	case BLK_TABLE:
		if (marker && marker->n) {
			struct pdf_vbox *vb = pdf_vlist_push(vl);

			pdf_dl_move(&vb->dl, marker, 0, 0);
		}
		pdf_set_table(P, vl, b, fr);
		P->first_para = 1;
		break;
	case BLK_CODE:
		set_code(P, vl, b, fr, marker);
		P->first_para = 1;
		break;
	case BLK_FIGURE:
		if (marker && marker->n) {
			struct pdf_vbox *vb = pdf_vlist_push(vl);

			pdf_dl_move(&vb->dl, marker, 0, 0);
		}
		if (b->image)
			pdf_set_figure(P, vl, b->image, fr, P->lead * 0.6);
		pdf_space(vl, P->lead * 0.4, 0);
		P->first_para = 1;
		break;
	case BLK_RULE: {
		struct pdf_vbox *vb = pdf_vlist_push(vl);
		struct pdf_op *op;

		vb->before = P->lead * 0.5;
		vb->h = P->lead * 1.5;
		if (marker)
			pdf_dl_move(&vb->dl, marker, 0, 0);
		op = pdf_dl_push(&vb->dl, OP_RECT);
		op->x = fr.x + fr.w / 2 - 36;
		op->y = P->lead * 0.6;
		op->w = 72;
		op->h = 0.5;
		memcpy(op->rgb, P->th->accent_color, sizeof(op->rgb));
		P->first_para = 1;
		break;
	}
	case BLK_ROW:
	case BLK_CELL:
		break;
	}
}

/* Blocks B[0..N) into VL; MARKER goes before the first. */
void
pdf_set_blocks(struct pdf *P, struct pdf_vlist *vl, const struct block *b, size_t n,
    struct frame fr, struct pdf_dl *marker)
{
	size_t i, k, first;

	for (i = 0; i < n; i++) {
		first = vl->pushed;
		set_block(P, vl, &b[i], fr, i == 0 ? marker : NULL);
		/* the block's boxes that do not know where their words are
		 * (rules, figures, a list's or table's own) begin at it, for
		 * the page list; those already on a page have gone */
		k = vl->pushed - vl->n > first ? vl->pushed - vl->n : first;
		for (; k < vl->pushed; k++)
			if (vl->v[k - (vl->pushed - vl->n)].src == NULL)
				vl->v[k - (vl->pushed - vl->n)].src = &b[i];
		pdf_flush(P, vl);
	}
}
