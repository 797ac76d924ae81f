/* The composer's text: inline runs to shaped paragraphs, paragraphs to
 * line boxes (in parts when huge), labels and marks set on one line. */
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

/* When the article's boxes pile up, put the full pages among them on paper
 * (a long article never sits whole in memory). */
void
pdf_flush(struct pdf *P, struct pdf_vlist *vl)
{
	if (vl != P->main || vl->n < 512 || P->failed)
		return;
	if (pdf_paginate(&P->pg, vl, P->notes, P->nnotes, 0) != 0)
		P->failed = 1;
}

/* ---- inline text to shaped paragraphs ---- */


/* Append TEXT with newlines as spaces. */
void
pdf_add_text(struct pdf_shaped *sp, const char *text, const struct pdf_style *st)
{
	const char *p = text, *nl;

	while ((nl = strchr(p, '\n')) != NULL) {
		pdf_shaped_add(sp, p, (size_t)(nl - p), st);
		pdf_shaped_add(sp, " ", 1, st);
		p = nl + 1;
	}
	pdf_shaped_add(sp, p, strlen(p), st);
}

/* Note that the next bytes of SP come from LEN bytes of the block's
 * inl_text() (the page list's offsets). */
static void
anchor(struct pdf_shaped *sp, size_t len)
{
	ARRAY_GROW(sp->anch, sp->nanch, sp->canch);
	sp->anch[sp->nanch].at = sp->text.len;
	sp->anch[sp->nanch].model = sp->model_len;
	sp->anch[sp->nanch].len = len;
	sp->nanch++;
	sp->model_len += len;
}

/* The anchor of SP that byte B falls under: the last at or before it. */
static size_t
anchor_find(const struct pdf_shaped *sp, size_t b)
{
	size_t lo = 0, hi = sp->nanch;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (sp->anch[mid].at <= b)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* Byte B of SP's text as an offset in its block's inl_text(). */
static size_t
model_at(const struct pdf_shaped *sp, size_t b)
{
	const struct pdf_anchor *a;
	size_t d;

	if (sp->nanch == 0)
		return b;
	a = &sp->anch[anchor_find(sp, b)];
	if (a->at > b)
		return a->model;
	d = b - a->at;
	return a->model + (d < a->len ? d : a->len);
}

/* Give PART, bytes [START, END) of SP, the anchors of that stretch. */
static void
slice_anchors(struct pdf_shaped *part, const struct pdf_shaped *sp, size_t start, size_t end)
{
	size_t k = anchor_find(sp, start), d;
	const struct pdf_anchor *a = &sp->anch[k];

	d = a->at <= start ? start - a->at : 0;
	ARRAY_GROW(part->anch, part->nanch, part->canch);
	part->anch[part->nanch].at = 0;
	part->anch[part->nanch].model = model_at(sp, start);
	part->anch[part->nanch].len = d < a->len ? a->len - d : 0;
	part->nanch++;
	for (k++; k < sp->nanch && sp->anch[k].at < end; k++) {
		ARRAY_GROW(part->anch, part->nanch, part->canch);
		part->anch[part->nanch] = sp->anch[k];
		part->anch[part->nanch].at -= start;
		part->nanch++;
	}
}

/* Where line L of paragraph PA in SP begins in its block, for the page
 * list: a line that goes on with a word hyphenated on the last begins
 * where that word does (the EPUB's marker goes before the word). */
static size_t
line_src(const struct pdf_shaped *sp, const struct pdf_para *pa, size_t l)
{
	int c = pa->lines[l].c0;

	if (l > 0 && pa->lines[l - 1].hyphen)
		while (c > pa->lines[l - 1].c0 && !g_unichar_isspace(sp->cp[c - 1]) &&
		    sp->cp[c - 1] != 0x2028)
			c--;
	return model_at(sp, sp->coff[c]);
}

/* Append inlines IN[0..N) to SP in style ST (emphasis, code, links and
 * note marks change it for their kids). */
static void
add_inlines(struct pdf *P, struct pdf_shaped *sp, const struct inl *in, size_t n,
    struct pdf_style st)
{
	size_t i;

	for (i = 0; i < n; i++) {
		struct pdf_style s = st;

		switch (in[i].type) {
		case INL_TEXT:
			if (in[i].text) {
				anchor(sp, strlen(in[i].text));
				pdf_add_text(sp, in[i].text, &st);
			}
			break;
		case INL_EMPH:
			s.style = st.style == STYLE_ITALIC ? STYLE_REGULAR :
			    st.style == STYLE_BOLD ? STYLE_BOLDITALIC :
			    st.style == STYLE_BOLDITALIC ? STYLE_BOLD : STYLE_ITALIC;
			add_inlines(P, sp, in[i].kids, in[i].nkids, s);
			break;
		case INL_STRONG:
			s.style = st.style == STYLE_ITALIC || st.style == STYLE_BOLDITALIC ?
			    STYLE_BOLDITALIC : STYLE_BOLD;
			add_inlines(P, sp, in[i].kids, in[i].nkids, s);
			break;
		case INL_STRIKE:
			s.strike = 1;
			add_inlines(P, sp, in[i].kids, in[i].nkids, s);
			break;
		case INL_CODE:
			s.role = FONT_MONO;
			s.style = STYLE_REGULAR;
			s.size = st.size * 0.88;
			s.nohyph = 1;
			if (in[i].text) {
				anchor(sp, strlen(in[i].text));
				pdf_add_text(sp, in[i].text, &s);
			}
			break;
		case INL_LINK: {
			size_t lead;

			/* the EPUB's rule (shown.c): a scheme in any case */
			if (shown_link_safe(in[i].href, &lead, NULL)) {
				s.href = in[i].href + lead;
				s.nohyph = 1;
			}
			add_inlines(P, sp, in[i].kids, in[i].nkids, s);
			break;
		}
		case INL_BREAK:
			anchor(sp, 1);
			pdf_shaped_add(sp, "\xe2\x80\xa8", 3, &st);
			break;
		case INL_IMAGE: {
			const struct image *im = in[i].image;

			anchor(sp, im && im->alt ? strlen(im->alt) : 0);
			if (im && (im->path || im->data) && im->width > 0 && im->height > 0) {
				s.img = im;
				s.nohyph = 1;
				pdf_shaped_add(sp, "\xef\xbf\xbc", 3, &s);
			} else if (im && im->alt) {	/* left out: its words stay */
				pdf_add_text(sp, im->alt, &st);
			}
			break;
		}
		case INL_SUP:
		case INL_SUB:
			s.size = st.size * 0.7;
			s.rise = st.rise + (in[i].type == INL_SUP ? st.size * 0.33 : -st.size * 0.14);
			add_inlines(P, sp, in[i].kids, in[i].nkids, s);
			break;
		case INL_SMALL:
			s.size = st.size * 0.85;
			add_inlines(P, sp, in[i].kids, in[i].nkids, s);
			break;
		case INL_MARK:
			s.mark = 1;
			add_inlines(P, sp, in[i].kids, in[i].nkids, s);
			break;
		case INL_KBD:
			s.role = FONT_MONO;
			s.style = STYLE_REGULAR;
			s.size = st.size * 0.88;
			s.nohyph = 1;
			add_inlines(P, sp, in[i].kids, in[i].nkids, s);
			break;
		case INL_SPAN:		/* another language: a Span with its /Lang */
			if (in[i].lang)
				s.lang = P->art && P->art->lang &&
				    strcasecmp(in[i].lang, P->art->lang) == 0 ? NULL : in[i].lang;
			add_inlines(P, sp, in[i].kids, in[i].nkids, s);
			break;
		case INL_Q:		/* the marks are its first and last kids (punct.c) */
		case INL_ABBR:
			add_inlines(P, sp, in[i].kids, in[i].nkids, s);
			break;
		case INL_NOTEREF:
			s.size = st.size * 0.62;
			s.rise = st.size * 0.36;
			s.note = (int)in[i].note;
			s.href = NULL;
			s.dest = in[i].note < P->nnotes ? P->note_dest[in[i].note] : NULL;
			s.nohyph = 1;
			anchor(sp, in[i].text ? strlen(in[i].text) : 0);
			pdf_shaped_add(sp, in[i].text ? in[i].text : "*",
			    strlen(in[i].text ? in[i].text : "*"), &s);
			break;
		}
	}
}

/* The default style at SIZE in ROLE/STYLE. */
struct pdf_style
pdf_text_style(struct pdf *P, int role, int sty, double size, const double *rgb)
{
	struct pdf_style s;

	memset(&s, 0, sizeof(s));
	s.role = role;
	s.style = sty;
	s.size = size;
	s.rgb = rgb ? rgb : P->th->text_color;
	s.note = -1;
	return s;
}

/* ---- vertical boxes ---- */

/* Where the baseline sits in a line box of height LEAD for text of SIZE. */
double
pdf_baseline(double lead, double size)
{
	return lead - (lead - size) / 2 - size * 0.22;
}

/* A note or reference set "auto" goes ragged right when justifying it
 * would open a line's word spaces past this (the figures' loose line). */
#define RAGGED_BOUND	1.5

/* Record the worst word spaces of the paragraph just set in PAR (for
 * MKBOOK_LAYOUT_STATS): its first words, lines, worst line and setting. */
static void
note_stats(struct pdf *P, const struct pdf_parref *par, const struct setopts *so)
{
	const char *t = buf_str((struct buf *)&par->sp.text);
	size_t line, n = 0;
	double w = pdf_para_worst(&par->pa, &line);

	if (par->pa.nlines < 2)
		return;
	while (t[n] && n < 40)
		n++;
	while (t[n] && ((unsigned char)t[n] & 0xc0) == 0x80)
		n++;
	if (P->pstats.len)
		buf_puts(&P->pstats, ", ");
	buf_printf(&P->pstats, "{\"worst\": %.3f, \"line\": %zu, \"lines\": %zu, \"kind\": \"%s\","
	    " \"set\": \"%s\", \"text\": ", w, line + 1, par->pa.nlines,
	    so->setting == 0 ? "text" : so->note ? "note" : "reference",
	    par->fmt.align == PA_JUSTIFY ? "justified" : par->fmt.align == PA_LEFT ? "ragged" :
	    par->fmt.align == PA_RIGHT ? "right" : "centred");
	{
		char *head = xstrndup(t, n);

		buf_json(&P->pstats, head);
		free(head);
	}
	buf_putc(&P->pstats, '}');
}

/* Break PAR's shaped text into lines of its format: a note or reference
 * set "auto" whose justified spaces would open past RAGGED_BOUND is set
 * again ragged right; the figures recorded when MKBOOK_LAYOUT_STATS asks. */
static void
break_para(struct pdf *P, struct pdf_parref *par, const struct setopts *so)
{
	pdf_para_set(&P->fonts, &par->sp, &par->fmt, &par->pa);
	if (so->setting == 1 + THEME_SET_AUTO && par->fmt.align == PA_JUSTIFY &&
	    pdf_para_worst(&par->pa, NULL) > RAGGED_BOUND) {
		/* a reference's unbreakable titles and numbers: ragged right */
		par->fmt.align = PA_LEFT;
		pdf_para_free(&par->pa);
		pdf_para_set(&P->fonts, &par->sp, &par->fmt, &par->pa);
	}
	if (P->stats)
		note_stats(P, par, so);
}

/* Shape SP, break it into lines of FMT and append a box per line to VL.
 * Return the number of lines. */
size_t
pdf_set_para(struct pdf *P, struct pdf_vlist *vl, struct pdf_shaped *sp,
    const struct pdf_parfmt *fmt, const struct setopts *so)
{
	struct pdf_parref *par;
	struct pdf_para pa;
	struct pdf_op *op;
	size_t l, s, n, *nspan = NULL, nn = 0;
	double bl = pdf_baseline(so->lead, so->size);

	pdf_shape(&P->fonts, sp);
	/* the paragraph moves into a shared reference its lines draw from */
	par = xcalloc(1, sizeof(*par));
	par->f = &P->fonts;
	par->sp = *sp;
	par->fmt = *fmt;
	memset(sp, 0, sizeof(*sp));
	sp = &par->sp;
	break_para(P, par, so);
	pa = par->pa;
	n = pa.nlines;
	for (s = 0; s < sp->nspans; s++)
		if (sp->spans[s].st.note >= 0) {
			nspan = xrealloc(nspan, (nn + 1) * sizeof(*nspan));
			nspan[nn++] = s;
		}
	s = 0;
	for (l = 0; l < n; l++) {
		struct pdf_vbox *vb = pdf_vlist_push(vl);
		size_t b0 = sp->coff[pa.lines[l].c0], b1 = sp->coff[pa.lines[l].c1];

		vb->h = so->lead;
		vb->before = l == 0 ? so->before : 0;
		vb->line = (int)l + 1;
		vb->plines = (int)n;
		vb->kind = so->kind;
		vb->src = so->src;
		if (so->src)
			vb->src_off = so->src_base + line_src(sp, &pa, l);
		/* no orphan (one line at a page's foot), no widow (one at the top) */
		vb->nobreak = l == n - 1 ? so->keep : !(l >= 1 && n - l - 1 >= 2);
		/* no word broken across a page turn */
		if (pa.lines[l].hyphen)
			vb->nobreak = 1;
		if (l == 0) {
			if (so->first)
				pdf_dl_move(&vb->dl, so->first, 0, 0);
			if (so->outline) {
				struct buf t = {0};

				op = pdf_dl_push(&vb->dl, OP_OUTLINE);
				op->level = so->outline;
				op->x = so->x;
				op->y = 0;
				op->text = xstrdup(buf_str(&sp->text));
				buf_free(&t);
			}
			if (so->tag && !so->no_open)
				pdf_dl_tag(&vb->dl, 1, so->tag, NULL);
			if (so->dest) {
				struct buf a = {0};

				buf_printf(&a, "name='%s'", so->dest);
				pdf_dl_tag(&vb->dl, 1, CAIRO_TAG_DEST, buf_str(&a));
				buf_free(&a);
			}
		}
		op = pdf_dl_push(&vb->dl, OP_LINE);
		op->par = par;
		op->level = (int)l;
		op->x = so->x;
		op->y = bl;
		par->refs++;
		if (l == 0 && so->dest)
			pdf_dl_tag(&vb->dl, 0, CAIRO_TAG_DEST, NULL);
		if (l == n - 1 && so->tag && !so->no_close)
			pdf_dl_tag(&vb->dl, 0, so->tag, NULL);
		/* footnotes referenced from this line (note spans, in order) */
		for (; s < nn && (sp->spans[nspan[s]].start < b1 || l == n - 1); s++) {
			if (sp->spans[nspan[s]].start < b0 && l > 0)
				continue;
			vb->notes = xrealloc(vb->notes, (vb->nnotes + 1) * sizeof(*vb->notes));
			vb->notes[vb->nnotes++] = sp->spans[nspan[s]].st.note;
		}
	}
	if (n == 0 && (so->tag || so->first)) {
		/* an empty paragraph still closes what it opened */
		struct pdf_vbox *vb = pdf_vlist_push(vl);

		if (so->first)
			pdf_dl_move(&vb->dl, so->first, 0, 0);
		vb->nobreak = so->keep;
	}
	free(nspan);
	if (par->refs == 0) {
		pdf_para_free(&par->pa);
		pdf_shaped_free(&par->sp);
		free(par);
	}
	return n;
}

/* Paragraphs longer than this many bytes are set in parts (broken at a
 * space), so that a pathological 20 MB paragraph needs tens of megabytes,
 * not gigabytes; each part is broken as a whole. */
#define PARA_PART	(256 * 1024)

/* pdf_set_para for SP, in parts when it is huge. Return the number of lines. */
size_t
pdf_set_para_parts(struct pdf *P, struct pdf_vlist *vl, struct pdf_shaped *sp,
    const struct pdf_parfmt *fmt, const struct setopts *so)
{
	const char *text = buf_str(&sp->text);
	size_t len = sp->text.len, start = 0, end, n = 0, k;

	if (len <= PARA_PART)
		return pdf_set_para(P, vl, sp, fmt, so);
	while (start < len) {
		struct pdf_shaped part;
		struct pdf_parfmt f = *fmt;
		struct setopts o = *so;

		end = start + PARA_PART;
		if (end >= len)
			end = len;
		else {
			size_t e = end;

			while (e < len && e < end + 4096 && text[e] != ' ')
				e++;
			if (e < len && text[e] == ' ')
				end = e;
			while (end > start && ((unsigned char)text[end] & 0xc0) == 0x80)
				end--;	/* never inside a character */
		}
		pdf_shaped_init(&part, sp->lang, sp->rtl);
		if (sp->nanch)
			slice_anchors(&part, sp, start, end);
		else
			o.src_base = so->src_base + start;
		for (k = 0; k < sp->nspans; k++) {
			size_t a = sp->spans[k].start > start ? sp->spans[k].start : start;
			size_t b = sp->spans[k].end < end ? sp->spans[k].end : end;

			if (a < b)
				pdf_shaped_add(&part, text + a, b - a, &sp->spans[k].st);
		}
		if (start > 0) {
			f.indent = 0;
			o.no_open = 1;
			o.first = NULL;
			o.dest = NULL;
			o.outline = 0;
			o.before = 0;
		}
		if (end < len) {
			o.no_close = 1;
			o.keep = 0;
		}
		n += pdf_set_para(P, vl, &part, &f, &o);
		pdf_shaped_free(&part);
		pdf_flush(P, vl);
		start = end < len && text[end] == ' ' ? end + 1 : end;
	}
	return n;
}

/* Set inlines IN[0..N) as one paragraph. */
void
pdf_set_inlines(struct pdf *P, struct pdf_vlist *vl, const struct inl *in, size_t n,
    struct pdf_style st, const struct pdf_parfmt *fmt, const struct setopts *so)
{
	struct pdf_shaped sp;

	pdf_shaped_init(&sp, P->art ? P->art->lang : P->book->lang, P->art && P->art->dir == DIR_RTL);
	add_inlines(P, &sp, in, n, st);
	pdf_set_para_parts(P, vl, &sp, fmt, so);
	pdf_shaped_free(&sp);
}

/* Set the plain string TEXT as one paragraph. */
void
pdf_set_string(struct pdf *P, struct pdf_vlist *vl, const char *text, struct pdf_style st,
    const struct pdf_parfmt *fmt, const struct setopts *so, int rtl)
{
	struct pdf_shaped sp;

	pdf_shaped_init(&sp, P->art ? P->art->lang : P->book->lang, rtl);
	pdf_add_text(&sp, text, &st);
	pdf_set_para_parts(P, vl, &sp, fmt, so);
	pdf_shaped_free(&sp);
}

/* A space-only box of height H. */
void
pdf_space(struct pdf_vlist *vl, double h, int nobreak)
{
	struct pdf_vbox *vb = pdf_vlist_push(vl);

	vb->h = h;
	vb->nobreak = nobreak;
}

/* Width of TEXT in STYLE on one line (natural). */
double
pdf_text_width(struct pdf *P, const char *text, struct pdf_style st)
{
	struct pdf_shaped sp;
	double w = 0;
	int c;

	pdf_shaped_init(&sp, P->art ? P->art->lang : NULL, 0);
	pdf_add_text(&sp, text, &st);
	pdf_shape(&P->fonts, &sp);
	for (c = 0; c < sp.nchars; c++)
		w += sp.cw[c];
	pdf_shaped_free(&sp);
	return w;
}

/* Set a one-line label (a list marker) right-aligned to end at X into DL
 * with its baseline at Y. */
void
pdf_set_label(struct pdf *P, struct pdf_dl *dl, const char *text, struct pdf_style st,
    double x, double y)
{
	struct pdf_shaped sp;
	struct pdf_parfmt fmt = {.width = 200, .align = PA_RIGHT};
	struct pdf_para pa;

	pdf_shaped_init(&sp, P->art ? P->art->lang : NULL, 0);
	pdf_add_text(&sp, text, &st);
	pdf_shape(&P->fonts, &sp);
	pdf_para_set(&P->fonts, &sp, &fmt, &pa);
	if (pa.nlines > 0)
		pdf_para_draw_line(&P->fonts, &sp, &fmt, &pa, 0, dl, x - 200, y);
	pdf_para_free(&pa);
	pdf_shaped_free(&sp);
}

/* Set a one-line mark (a list marker, a note's number) that hangs before
 * its text into DL with its baseline at Y: ending at X, or, right to left
 * (RTL), read right to left and starting at X, at the right of its text. */
void
pdf_set_mark(struct pdf *P, struct pdf_dl *dl, const char *text, struct pdf_style st,
    double x, double y, int rtl)
{
	struct pdf_shaped sp;
	struct pdf_parfmt fmt = {.width = 200, .align = PA_RIGHT};
	struct pdf_para pa;

	if (!rtl) {
		pdf_set_label(P, dl, text, st, x, y);
		return;
	}
	pdf_shaped_init(&sp, P->art ? P->art->lang : NULL, 1);
	pdf_add_text(&sp, text, &st);
	pdf_shape(&P->fonts, &sp);
	pdf_para_set(&P->fonts, &sp, &fmt, &pa);
	if (pa.nlines > 0)
		pdf_para_draw_line(&P->fonts, &sp, &fmt, &pa, 0, dl,
		    x + pa.lines[0].natural - 200, y);
	pdf_para_free(&pa);
	pdf_shaped_free(&sp);
}

/* Return 1 when the current article runs right to left. */
int
pdf_art_rtl(const struct pdf *P)
{
	return P->art && P->art->dir == DIR_RTL;
}
