/* Total-fit line breaking: Knuth and Plass, "Breaking Paragraphs into
 * Lines" (1981), as TeX does it (tex.web part 38), with the active nodes
 * also keyed by the run of hyphenated lines that ends at them, so that a
 * hard limit on consecutive hyphens stays exact. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "util.h"
#include "linebreak.h"

#define NIL	 SIZE_MAX
#define EPS	 1e-6		/* points: closer than this is an exact fit */

enum fit { FIT_VERY_LOOSE, FIT_LOOSE, FIT_DECENT, FIT_TIGHT };

/* A feasible break: where a line may end. Never freed before the end of the
 * call, since later breaks point back to it. */
struct node {
	size_t	 pos;		/* break item (n for the implicit end) */
	size_t	 start;		/* first item of the line after this break */
	size_t	 line;		/* lines ended by this break */
	size_t	 prev;		/* the break before, NIL for the start */
	size_t	 next;		/* next active node, NIL at the end */
	double	 tw, ty, tz;	/* width, stretch, shrink totals up to start */
	double	 tb;		/* the boxes' share of ty */
	double	 total;		/* demerits of the best lines up to here */
	double	 ratio;		/* of the line ending here */
	double	 natural;	/* of the line ending here */
	double	 lhang;		/* the hang of the first box after this break */
	int	 fit;		/* fitness class of the line ending here */
	int	 run;		/* hyphenated lines in a row ending here */
	int	 hyphen;	/* the line ending here is hyphenated */
	int	 overfull;	/* the line ending here runs past the measure */
};

/* The best way found to reach the current break point, per class. */
struct cand {
	size_t	 from;
	size_t	 line;		/* lines ended by the new break */
	size_t	 lclass;	/* line number as far as widths can tell */
	double	 total, ratio, natural;
	int	 fit, run, overfull;
};

struct ctx {
	const struct lb_item	*it;
	size_t			 n;
	const double		*widths;
	size_t			 nwidths;
	const struct lb_params	*p;
	double			 tol;		/* this pass's tolerance */
	int			 emergency;	/* use emergency points */
	int			 artificial;	/* allow overfull lines */
	int			 runcap;	/* largest run worth telling apart */
	int			 uniform;	/* every line has the same width */
	double			 maxhang;	/* the largest hang of any item */
	struct node		*nodes;
	size_t			 nn, ncap;
	struct cand		*cands;
	size_t			 nc, ccap;
	size_t			 head, tail;	/* the active list */
	double			 tw, ty, tz;	/* totals before the current item */
	double			 tb;		/* the boxes' share of ty */
};

/* Return the badness of a line of adjustment ratio R, 100|r|^3 as TeX's
 * but not capped at 10000: among lines too loose for any tolerance the
 * less loose one still wins. A line without stretch that falls short by
 * DIFF of width LW counts as if it had a hair of stretch. */
static double
badness(double r, double diff, double lw)
{
	double	 a = fabs(r);

	if (isinf(a))
		a = fabs(diff) / fmax(1e-6 * lw, 1e-9);
	return 100.0 * a * a * a;
}

/* Return the fitness class of a line of ratio R and badness B (TeX's). */
static int
fitness(double r, double b)
{
	if (r < 0)
		return b > 12 ? FIT_TIGHT : FIT_DECENT;
	if (b > 99)
		return FIT_VERY_LOOSE;
	return b > 12 ? FIT_LOOSE : FIT_DECENT;
}

/* Return the index of a fresh node in C's pool (which may move). */
static size_t
node_new(struct ctx *c)
{
	if (c->nn == c->ncap) {
		c->ncap = c->ncap ? 2 * c->ncap : 64;
		c->nodes = xrealloc(c->nodes, c->ncap * sizeof(*c->nodes));
	}
	return c->nn++;
}

/* Fill in where the line after a break at POS starts and the totals there:
 * glue and penalties after the break are discarded up to the next box or
 * forced break. */
static void
node_after(struct ctx *c, struct node *nd, size_t pos)
{
	size_t	 i;

	nd->tw = c->tw;
	nd->ty = c->ty;
	nd->tz = c->tz;
	nd->tb = c->tb;
	nd->lhang = 0;
	for (i = pos; i < c->n; i++) {
		const struct lb_item *t = &c->it[i];

		if (t->kind == LB_BOX) {
			nd->lhang = t->hang;
			break;
		}
		if (t->kind == LB_GLUE) {
			nd->tw += t->width;
			nd->ty += t->stretch;
			nd->tz += t->shrink;
		} else if (i > pos && t->penalty <= -LB_INF)
			break;
	}
	nd->start = i;
}

/* Record the way from node A to the current break as a candidate, keeping
 * only the cheapest per (fitness, run, line class). */
static void
cand_add(struct ctx *c, size_t a, double total, double r, double natural,
    int fit, int run, int overfull)
{
	const struct node *an = &c->nodes[a];
	size_t	 line = an->line + 1, i;
	size_t	 lclass = line < c->nwidths - 1 ? line : c->nwidths - 1;
	struct cand *k;

	if (run > c->runcap)
		run = c->runcap;
	struct cand nk = {
		.from = a, .line = line, .lclass = lclass, .total = total, .ratio = r,
		.natural = natural, .fit = fit, .run = run, .overfull = overfull,
	};

	for (i = 0; i < c->nc; i++) {
		k = &c->cands[i];
		if (k->fit == fit && k->run == run && k->lclass == lclass) {
			if (total < k->total)
				*k = nk;
			return;
		}
	}
	if (c->nc == c->ccap) {
		c->ccap = c->ccap ? 2 * c->ccap : 16;
		c->cands = xrealloc(c->cands, c->ccap * sizeof(*c->cands));
	}
	c->cands[c->nc++] = nk;
}

/* Return the demerits of a paragraph's last line of natural width L after
 * node AN: a hyphen on the line before (the last full line), a last line
 * that is only the tail of that hyphenated word (no glue in it but the
 * fill), or one narrower than last_min. */
static double
last_demerits(const struct ctx *c, const struct node *an, double L)
{
	const struct lb_params *p = c->p;
	double	 d = 0;
	size_t	 i;

	if (an->pos == NIL)
		return 0;	/* a one-line paragraph */
	if (an->hyphen) {
		int	 glue = 0;

		d += p->final_hyphen_demerits;
		for (i = an->start; i < c->n && !glue; i++)
			glue = c->it[i].kind == LB_GLUE && c->it[i].stretch < 1e5;
		if (!glue)
			d += p->fragment_demerits;
	}
	if (p->last_min > 0 && L < p->last_min)
		d += p->short_demerits;
	return d;
}

/* Return 1 when a line of shrink Z whose width falls short by DIFF (<0:
 * too long) with no hang at its break stays too long whatever hang a
 * later break has. */
static int
too_long(const struct ctx *c, double diff, double Z)
{
	diff += c->maxhang;
	if (diff >= -EPS)
		return 0;
	return Z <= 0 || diff / Z < -1 - 1e-9;
}

/* Try every active node against a break at item B (width PW added when
 * breaking there, penalty PEN), then append the surviving candidates as
 * new active nodes. */
static void
try_break(struct ctx *c, size_t b, double pw, double pen, int flagged, double hang)
{
	const struct lb_params *p = c->p;
	int	 forced = pen <= -LB_INF, last = forced && b + 1 >= c->n;
	size_t	 a, prev = NIL, next, i, j;

	c->nc = 0;
	for (a = c->head; a != NIL; a = next) {
		struct node *an = &c->nodes[a];
		size_t	 wi = an->line < c->nwidths ? an->line : c->nwidths - 1;
		double	 lw = c->widths[wi];
		double	 L = c->tw - an->tw + pw;
		double	 diff = lw - (L - hang - an->lhang), r;
		double	 Y = c->ty - an->ty, Z = c->tz - an->tz;
		int	 run = flagged ? an->run + 1 : 0;

		next = an->next;
		if (fabs(diff) <= EPS)
			r = 0;
		else if (diff > 0) {
			double	 Yb = c->tb - an->tb, Yg = Y - Yb;

			r = Y > 0 ? diff / Y : INFINITY;
			/* past box_full the boxes are spent: the glue alone
			 * stretches, and its ratio is the line's */
			if (p->box_full > 0 && r > p->box_full && Yg > 0)
				r = (diff - p->box_full * Yb) / Yg;
		}
		else
			r = Z > 0 ? diff / Z : -INFINITY;
		if (r < -1 && r > -1 - 1e-9)
			r = -1;
		/* Nodes further on the list start later: their lines are
		 * shorter and have less stretch, so too loose as well (a
		 * hang at their start only makes them looser). */
		if (r > c->tol && c->uniform && !forced &&
		    (an->lhang == 0 || (Y > 0 && (diff - an->lhang) / Y > c->tol)))
			break;
		if (r >= -1 && r <= c->tol &&
		    !(flagged && p->max_hyphen_run > 0 && run > p->max_hyphen_run)) {
			double	 bad = badness(r, diff, lw), d;
			int	 fit = fitness(r, bad);

			d = p->line_penalty + bad;
			d *= d;
			if (pen > 0)
				d += pen * pen;
			else if (pen > -LB_INF)
				d -= pen * pen;
			if (flagged && an->hyphen)
				d += p->flagged_demerits;
			if (last)
				d += last_demerits(c, an, L);
			if (abs(fit - an->fit) > 1)
				d += p->fitness_demerits;
			cand_add(c, a, an->total + d, isfinite(r) ? r : 0, L,
			    fit, run, 0);
		}
		/* too long: gone, unless a later break's hang could still
		 * bring it within the measure */
		if (forced || (r < -1 && (c->artificial || too_long(c, diff - hang, Z)))) {
			/* TeX's last resort: the only active node left
			 * and nothing else reaches here. */
			if (c->artificial && c->nc == 0 && prev == NIL &&
			    next == NIL)
				cand_add(c, a, an->total, r < -1 ? -1 :
				    (isfinite(r) ? r : 0), L, FIT_DECENT, run,
				    r < -1);
			if (prev == NIL)
				c->head = next;
			else
				c->nodes[prev].next = next;
			if (c->tail == a)
				c->tail = prev;
		} else
			prev = a;
	}

	/* A candidate is useless when another at the same line class, with
	 * no longer a hyphen run, is cheaper by more than any difference the
	 * next line can make (fitness_demerits). */
	for (i = 0; i < c->nc; i++) {
		const struct cand *k = &c->cands[i];
		struct node *nd;
		size_t	 x;
		int	 dominated = 0;

		for (j = 0; j < c->nc && !dominated; j++) {
			const struct cand *o = &c->cands[j];

			if (j != i && o->lclass == k->lclass && o->run <= k->run &&
			    o->total + p->fitness_demerits < k->total)
				dominated = 1;
		}
		if (dominated)
			continue;
		x = node_new(c);
		nd = &c->nodes[x];
		nd->pos = b;
		nd->line = k->line;
		nd->prev = k->from;
		nd->next = NIL;
		nd->total = k->total;
		nd->ratio = k->ratio;
		nd->natural = k->natural;
		nd->fit = k->fit;
		nd->run = k->run;
		nd->hyphen = flagged;
		nd->overfull = k->overfull;
		node_after(c, nd, b);
		if (c->tail == NIL)
			c->head = x;
		else
			c->nodes[c->tail].next = x;
		c->tail = x;
	}
}

/* Run one pass over the paragraph. Return the best final node, or NIL when
 * the pass found no feasible set of breaks. */
static size_t
pass(struct ctx *c)
{
	const struct lb_item *it = c->it;
	struct node *s;
	size_t	 b, a, best;
	int	 ended = 0;

	c->nn = 0;
	c->tw = c->ty = c->tz = c->tb = 0;
	c->head = c->tail = node_new(c);
	s = &c->nodes[c->head];
	s->pos = NIL;
	s->start = 0;
	s->line = 0;
	s->prev = NIL;
	s->next = NIL;
	s->tw = s->ty = s->tz = s->tb = 0;
	s->total = 0;
	s->ratio = 0;
	s->natural = 0;
	s->lhang = c->n && c->it[0].kind == LB_BOX ? c->it[0].hang : 0;
	s->fit = FIT_DECENT;
	s->run = 0;
	s->hyphen = 0;
	s->overfull = 0;

	for (b = 0; b < c->n && c->head != NIL; b++) {
		const struct lb_item *t = &it[b];

		switch (t->kind) {
		case LB_BOX:
			c->tw += t->width;
			c->ty += t->stretch;
			c->tb += t->stretch;
			c->tz += t->shrink;
			break;
		case LB_GLUE:
			if (b > 0 && it[b - 1].kind == LB_BOX &&
			    !(b + 1 < c->n && it[b + 1].kind == LB_PENALTY &&
			    it[b + 1].penalty <= -LB_INF))
				try_break(c, b, 0, 0, 0, t->hang);
			c->tw += t->width;
			c->ty += t->stretch;
			c->tz += t->shrink;
			break;
		case LB_PENALTY:
			if (t->penalty >= LB_INF)
				break;
			if (t->penalty >= LB_EMERGENCY && !c->emergency)
				break;
			try_break(c, b, t->width, t->penalty, t->flagged, t->hang);
			if (b + 1 == c->n && t->penalty <= -LB_INF)
				ended = 1;
			break;
		}
	}
	if (c->head == NIL)
		return NIL;
	if (!ended)
		try_break(c, c->n, 0, -LB_INF, 0, 0);
	best = NIL;
	for (a = c->head; a != NIL; a = c->nodes[a].next)
		if (best == NIL || c->nodes[a].total < c->nodes[best].total)
			best = a;
	return best;
}

void
lb_defaults(struct lb_params *p)
{
	p->tolerance = 1.0;
	p->line_penalty = 10;
	p->flagged_demerits = 3000;
	p->fitness_demerits = 3000;
	p->max_hyphen_run = 2;
	p->final_hyphen_demerits = 5000;
	p->last_min = 0;
	p->short_demerits = 3000;
	p->fragment_demerits = 10000;
	p->box_full = 0;
}

size_t
lb_break(const struct lb_item *items, size_t n, const double *widths,
    size_t nwidths, const struct lb_params *p, struct lb_line **lines)
{
	struct ctx c = {0};
	struct lb_params dp;
	size_t	 best = NIL, k, i, count = 0;

	*lines = NULL;
	if (n == 0 || nwidths == 0 || widths == NULL)
		return 0;
	if (p == NULL) {
		lb_defaults(&dp);
		p = &dp;
	}
	c.it = items;
	c.n = n;
	c.widths = widths;
	c.nwidths = nwidths;
	c.p = p;
	c.runcap = p->max_hyphen_run > 0 ? p->max_hyphen_run : 1;
	c.uniform = 1;
	for (k = 0; k < n; k++)
		if (items[k].hang > c.maxhang)
			c.maxhang = items[k].hang;
	for (k = 1; k < nwidths; k++)
		if (widths[k] != widths[0])
			c.uniform = 0;
	c.ncap = n < 8192 ? n / 2 + 16 : 4096;	/* grows when needed */
	c.nodes = xmalloc(c.ncap * sizeof(*c.nodes));

	/* Passes: the tolerance asked for; loose lines (few active nodes
	 * still); any stretch; emergency points and overfull lines. */
	for (i = 0; i < 4 && best == NIL; i++) {
		c.tol = i == 0 ? p->tolerance : i == 1 ?
		    fmax(p->tolerance, LB_LOOSE) : INFINITY;
		c.emergency = i == 3;
		c.artificial = i == 3;
		best = pass(&c);
	}
	/* The last pass always ends with a node; be safe anyway. */
	if (best == NIL)
		goto out;
	for (k = best; c.nodes[k].prev != NIL; k = c.nodes[k].prev)
		count++;
	*lines = xmalloc(count * sizeof(**lines));
	for (k = best, i = count; c.nodes[k].prev != NIL;
	    k = c.nodes[k].prev) {
		const struct node *nd = &c.nodes[k];
		struct lb_line *l = &(*lines)[--i];

		l->start = c.nodes[nd->prev].start;
		l->end = nd->pos;
		if (l->start > l->end)
			l->start = l->end;
		l->ratio = nd->ratio;
		l->hyphen = nd->hyphen;
		l->overfull = nd->overfull;
		l->natural = nd->natural;
	}
out:
	free(c.nodes);
	free(c.cands);
	return count;
}

double
lb_glue_width(const struct lb_item *g, double ratio)
{
	if (g->kind == LB_PENALTY)
		return 0;
	if (ratio >= 0)
		return g->width + ratio * g->stretch;
	return g->width + ratio * g->shrink;
}
