/* The total-fit line breaker on fake metrics: every letter is 1 unit wide,
 * a space is 1 unit that stretches by 0.5 and shrinks by 1/3 (TeX's
 * proportions), a hyphen is 1 unit. Expected breaks are hand-checked or
 * found by trying every set of breaks (brute force) in this file. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "util.h"
#include "typo/linebreak.h"
#include "../tap.h"

#define MAXI	 6000
#define STRETCH	 0.5
#define SHRINK	 (1.0 / 3.0)

/* A paragraph: items plus the text each box stands for. */
struct para {
	struct lb_item	 it[MAXI];
	char		 text[MAXI][8];
	size_t		 n;
};

static struct para P;

static void
add(enum lb_kind k, double w, double y, double z, double pen, int flag,
    const char *text)
{
	struct lb_item *t = &P.it[P.n];

	t->kind = k;
	t->width = w;
	t->stretch = y;
	t->shrink = z;
	t->penalty = pen;
	t->flagged = flag;
	t->hang = 0;
	snprintf(P.text[P.n], sizeof(P.text[0]), "%s", text);
	P.n++;
}

/* Build P from SPEC: letters are boxes of 1 unit (one box per syllable),
 * ' ' a space, '|' a hyphenation point (penalty 50, flagged, width 1),
 * '~' an emergency point, '\n' a forced break (fill glue + penalty). The
 * paragraph ends with fill glue and a forced penalty. */
static void
build(const char *spec)
{
	const char *s = spec;
	char	 word[8];
	size_t	 wl = 0;

	P.n = 0;
	for (;; s++) {
		if (*s && *s != ' ' && *s != '|' && *s != '~' && *s != '\n') {
			if (wl == sizeof(word) - 1) {
				word[wl] = '\0';
				add(LB_BOX, (double)wl, 0, 0, 0, 0, word);
				wl = 0;
			}
			word[wl++] = *s;
			continue;
		}
		if (wl) {
			word[wl] = '\0';
			add(LB_BOX, (double)wl, 0, 0, 0, 0, word);
			wl = 0;
		}
		if (*s == '\0')
			break;
		if (*s == ' ')
			add(LB_GLUE, 1, STRETCH, SHRINK, 0, 0, " ");
		else if (*s == '|')
			add(LB_PENALTY, 1, 0, 0, 50, 1, "");
		else if (*s == '~')
			add(LB_PENALTY, 0, 0, 0, LB_EMERGENCY, 0, "");
		else {
			add(LB_PENALTY, 0, 0, 0, LB_INF, 0, "");
			add(LB_GLUE, 0, 1e6, 0, 0, 0, "");
			add(LB_PENALTY, 0, 0, 0, -LB_INF, 0, "");
		}
	}
	add(LB_PENALTY, 0, 0, 0, LB_INF, 0, "");
	add(LB_GLUE, 0, 1e6, 0, 0, 0, "");
	add(LB_PENALTY, 0, 0, 0, -LB_INF, 0, "");
}

/* Return the lines as text joined by '/', a hyphen where a line ends
 * hyphenated (a static buffer). */
static const char *
show(const struct lb_line *l, size_t nl)
{
	static char out[MAXI * 2];
	size_t	 i, j, o = 0;

	out[0] = '\0';
	for (i = 0; i < nl; i++) {
		if (i)
			o += snprintf(out + o, sizeof(out) - o, "/");
		for (j = l[i].start; j < l[i].end && j < P.n; j++)
			if (P.it[j].kind != LB_PENALTY)
				o += snprintf(out + o, sizeof(out) - o, "%s", P.text[j]);
		if (l[i].hyphen)
			o += snprintf(out + o, sizeof(out) - o, "-");
	}
	return out;
}

/* Break P at WIDTHS with params PR; return the text of the lines. */
static const char *
brk(const double *widths, size_t nw, const struct lb_params *pr)
{
	struct lb_line *l;
	size_t	 nl = lb_break(P.it, P.n, widths, nw, pr, &l);
	const char *s = show(l, nl);

	free(l);
	return s;
}

/* ---- an independent scorer, for brute force ---- */

/* Return the first item of a line that follows a break at B. */
static size_t
after(size_t b)
{
	size_t	 i;

	for (i = b; i < P.n; i++) {
		if (P.it[i].kind == LB_BOX)
			break;
		if (i > b && P.it[i].kind == LB_PENALTY && P.it[i].penalty <= -LB_INF)
			break;
	}
	return i;
}

static int
legal(size_t b, int emergency)
{
	const struct lb_item *t = &P.it[b];

	if (t->kind == LB_GLUE)
		return b > 0 && P.it[b - 1].kind == LB_BOX;
	if (t->kind == LB_PENALTY)
		return t->penalty < (emergency ? LB_INF : LB_EMERGENCY);
	return 0;
}

/* Return the total demerits of breaking P at BR[0..NB) (the last being the
 * final penalty) with tolerance TOL, or INFINITY when infeasible. Also the
 * ratio of each line in RATIO (if not NULL). */
static double
score(const size_t *br, size_t nb, const double *widths, size_t nw,
    const struct lb_params *pr, double tol, double *ratio)
{
	size_t	 i, j, start = 0;
	double	 total = 0;
	int	 prevfit = 2, prevhyph = 0, run = 0;

	for (i = 0; i < nb; i++) {
		const struct lb_item *e = &P.it[br[i]];
		double	 L = 0, Y = 0, Z = 0, lw = widths[i < nw ? i : nw - 1];
		double	 r, bad, d, H, pen = e->kind == LB_PENALTY ? e->penalty : 0;
		int	 fit, hy = e->kind == LB_PENALTY && e->flagged;

		for (j = start; j < br[i]; j++) {
			if (P.it[j].kind == LB_PENALTY)
				continue;
			L += P.it[j].width;
			Y += P.it[j].stretch;
			Z += P.it[j].shrink;
		}
		if (e->kind == LB_PENALTY)
			L += e->width;
		/* margin kerning: the break's hang and the first box's */
		H = e->hang + (start < P.n && P.it[start].kind == LB_BOX ? P.it[start].hang : 0);
		if (fabs(L - H - lw) < 1e-9)
			r = 0;
		else if (L - H < lw)
			r = Y > 0 ? (lw - L + H) / Y : INFINITY;
		else
			r = Z > 0 ? (lw - L + H) / Z : -INFINITY;
		if (r < -1 - 1e-9 || r > tol)
			return INFINITY;
		/* forced breaks must be taken */
		for (j = start; j < br[i]; j++)
			if (P.it[j].kind == LB_PENALTY && P.it[j].penalty <= -LB_INF)
				return INFINITY;
		run = hy ? run + 1 : 0;
		if (pr->max_hyphen_run > 0 && run > pr->max_hyphen_run)
			return INFINITY;
		if (isfinite(r))
			bad = 100 * fabs(r * r * r);
		else	/* no stretch: as if a hair of it */
			bad = 100 * pow(fabs(lw - L + H) / fmax(1e-6 * lw, 1e-9), 3);
		if (r < 0)
			fit = bad > 12 ? 3 : 2;
		else
			fit = bad > 99 ? 0 : bad > 12 ? 1 : 2;
		d = (pr->line_penalty + bad) * (pr->line_penalty + bad);
		if (pen > 0)
			d += pen * pen;
		else if (pen > -LB_INF)
			d -= pen * pen;
		if (hy && prevhyph)
			d += pr->flagged_demerits;
		if (i == nb - 1 && prevhyph) {
			int	 glue = 0;

			d += pr->final_hyphen_demerits;
			for (j = start; j < br[i]; j++)
				glue |= P.it[j].kind == LB_GLUE && P.it[j].stretch < 1e5;
			if (!glue)	/* the last line is a word's tail */
				d += pr->fragment_demerits;
		}
		if (i == nb - 1 && nb > 1 && pr->last_min > 0 && L < pr->last_min)
			d += pr->short_demerits;
		if (abs(fit - prevfit) > 1)
			d += pr->fitness_demerits;
		total += d;
		if (ratio)
			ratio[i] = isfinite(r) ? r : 0;
		prevfit = fit;
		prevhyph = hy;
		start = after(br[i]);
	}
	return total;
}

/* Return the least demerits over every set of legal breaks of P (at most
 * 16 candidates), first within the tolerance, else within LB_LOOSE, else at
 * any stretch, as lb_break's passes; INFINITY if none. */
static double
brute(const double *widths, size_t nw, const struct lb_params *pr)
{
	size_t	 cand[24], nc = 0, br[24], i, nb;
	double	 best = INFINITY;
	double	 tols[3] = { pr->tolerance, fmax(pr->tolerance, LB_LOOSE), INFINITY };
	uint32_t m;
	int	 t;

	for (i = 0; i + 1 < P.n; i++)
		if (legal(i, 0)) {
			if (nc == 16)
				return NAN;
			cand[nc++] = i;
		}
	for (t = 0; t < 3 && !isfinite(best); t++)
		for (m = 0; m < (1u << nc); m++) {
			double	 s;

			for (nb = 0, i = 0; i < nc; i++)
				if (m & (1u << i))
					br[nb++] = cand[i];
			br[nb++] = P.n - 1;
			s = score(br, nb, widths, nw, pr, tols[t], NULL);
			if (s < best)
				best = s;
		}
	return best;
}

/* Return the demerits of lb_break's own answer, by the scorer above (at
 * any stretch); check its ratios on the way. */
static double
lb_score(const double *widths, size_t nw, const struct lb_params *pr,
    int *ratios_ok)
{
	struct lb_line *l;
	size_t	 nl = lb_break(P.it, P.n, widths, nw, pr, &l), i, br[64] = {0};
	double	 rs[64], s;

	for (i = 0; i < nl && i < 64; i++)
		br[i] = l[i].end;
	s = score(br, nl, widths, nw, pr, INFINITY, rs);
	*ratios_ok = 1;
	for (i = 0; i < nl && i < 64; i++)
		if (fabs(rs[i] - l[i].ratio) > 1e-9)
			*ratios_ok = 0;
	free(l);
	return s;
}

/* Return the longest run of hyphenated lines lb_break sets P in. */
static size_t
maxrun(const double *widths, size_t nw, const struct lb_params *pr)
{
	struct lb_line *l;
	size_t	 nl = lb_break(P.it, P.n, widths, nw, pr, &l), i, run = 0, best = 0;

	for (i = 0; i < nl; i++) {
		run = l[i].hyphen ? run + 1 : 0;
		if (run > best)
			best = run;
	}
	free(l);
	return best;
}

static uint32_t seed = 12345;

static uint32_t
rnd(uint32_t n)
{
	seed = seed * 1103515245u + 12345u;
	return (seed >> 16) % n;
}

/* Fill P with a random paragraph of about NW words, some with hyphenation
 * points, no word longer than MAXLEN letters. */
static void
random_para(int nw, int maxlen)
{
	char	 spec[256];
	size_t	 o = 0;
	int	 w, k, len;

	for (w = 0; w < nw; w++) {
		if (w)
			spec[o++] = ' ';
		len = 1 + rnd(maxlen);
		for (k = 0; k < len; k++) {
			spec[o++] = 'a' + rnd(26);
			if (k >= 1 && k + 3 < len && rnd(2) == 0 && o < 250)
				spec[o++] = '|';
		}
	}
	spec[o] = '\0';
	build(spec);
}

int
main(void)
{
	struct lb_params pr;
	struct lb_line *l;
	size_t	 nl, i, k;
	double	 w10[] = { 10 }, w;
	int	 good, rok, allok, tried;

	lb_defaults(&pr);
	ok(pr.tolerance > 0.9 && pr.tolerance <= 1.3 && pr.line_penalty == 10 &&
	    pr.flagged_demerits == 3000 && pr.fitness_demerits == 3000 &&
	    pr.max_hyphen_run == 2, "lb_defaults: tolerance %.2f, 10, 3000, 3000, 2",
	    pr.tolerance);

	/* Hand-checked, width 10: "aaa bbb cc" is 10 (r = 0), then "ddd
	 * eee ff" is 10 too; "aaa bbb" (7, r = 6) and "ddd eee" (7) are too
	 * loose for the first pass, "aaa bbb cc ddd" (14) too long. */
	build("aaa bbb cc ddd eee ff");
	is_str(brk(w10, 1, &pr), "aaa bbb cc/ddd eee ff", "two exact lines");
	nl = lb_break(P.it, P.n, w10, 1, &pr, &l);
	ok(nl == 2 && l[0].ratio == 0 && l[0].natural == 10 && !l[0].hyphen &&
	    l[0].start == 0 && l[0].end == 5 && l[1].start == 6,
	    "line 1 is items [0, 5), ratio 0, natural 10; line 2 starts after the space");
	free(l);
	build("aaaaa bbbb");
	is_str(brk(w10, 1, &pr), "aaaaa bbbb", "an exact fit is one line");
	build("aa bb");
	is_str(brk(w10, 1, &pr), "aa bb", "a short paragraph is one line");

	/* Greedy first fit against total fit (width 10). First fit fills
	 * line 1 as far as shrinking allows: "aaaa bb c d" (11, three spaces
	 * shrink by 1: r = -1), leaving "eee ffff" (8, one space: r = 4, far
	 * past the tolerance) and "gg". Total fit sets "aaaa bb c" (9, r = 1,
	 * badness 100, very loose: (10+100)^2 + 3000 fitness = 15100), then
	 * "d eee ffff" (10, r = 0: 100 + 3000 for following a very loose
	 * line), then "gg" (100): 18300, every line within tolerance. */
	build("aaaa bb c d eee ffff gg");
	is_str(brk(w10, 1, &pr), "aaaa bb c/d eee ffff/gg",
	    "total fit gives up first fit's full first line to avoid a loose second");
	ok(fabs(lb_score(w10, 1, &pr, &rok) - 18300) < 1e-6 && rok,
	    "its demerits are 18300 as computed by hand");
	ok(fabs(brute(w10, 1, &pr) - 18300) < 1e-6, "and brute force finds nothing better");

	/* The consecutive-hyphen limit (width 12). Unlimited, three exact
	 * hyphenated lines win: 2600 + 5600 + 5600 (each 100 + 50^2, plus
	 * 3000 flagged demerits after a hyphen) + 5100 (the last line, plus
	 * 5000 final-hyphen demerits) = 18900. With at most two in a row the
	 * third line shrinks instead: "ee f ff ggggg" is 13 with three
	 * spaces, r = -1, (10 + 100)^2 = 12100: 2600 + 5600 + 12100 + 100 =
	 * 20400. */
	build("aaa bb cccc|cc dddd eee|ee f ff ggg|gg hh ii jj");
	{
		struct lb_params loose = pr;
		double	 w12[] = { 12 };

		loose.max_hyphen_run = 0;
		is_str(brk(w12, 1, &loose), "aaa bb cccc-/cc dddd eee-/ee f ff ggg-/gg hh ii jj",
		    "without a limit: three hyphenated lines in a row");
		ok(fabs(lb_score(w12, 1, &loose, &rok) - 18900) < 1e-6, "demerits 18900");
		is_str(brk(w12, 1, &pr), "aaa bb cccc-/cc dddd eee-/ee f ff ggggg/hh ii jj",
		    "max_hyphen_run 2: the third line does not hyphenate");
		ok(fabs(lb_score(w12, 1, &pr, &rok) - 20400) < 1e-6 &&
		    fabs(brute(w12, 1, &pr) - 20400) < 1e-6,
		    "demerits 20400, and brute force finds nothing better");
		pr.max_hyphen_run = 1;
		ok(maxrun(w12, 1, &pr) == 1, "max_hyphen_run 1: no two hyphens in a row (%s)",
		    brk(w12, 1, &pr));
		ok(fabs(lb_score(w12, 1, &pr, &rok) - brute(w12, 1, &pr)) < 1e-6,
		    "max_hyphen_run 1: the brute-force optimum");
		pr.max_hyphen_run = 2;
	}

	/* A line that must be very loose (width 20, the long word cannot
	 * join it): the least loose one, "aa bb cc dd" (r = 6), not one of
	 * the emptier ones TeX's badness cap of 10000 would rate the same. */
	build("aa bb cc dd xxxxxxxxxxxxxxxxx yy zz");
	{
		double	 w20[] = { 20 };

		is_str(brk(w20, 1, &pr), "aa bb cc dd/xxxxxxxxxxxxxxxxx yy/zz",
		    "a forced loose line is as full as it can be");
	}

	/* A forced break in the middle. */
	build("aaa bbb\nccc dd eee");
	is_str(brk(w10, 1, &pr), "aaa bbb/ccc dd eee", "a forced break ends a line");
	build("aaa\n\nbbb");
	is_str(brk(w10, 1, &pr), "aaa//bbb", "two forced breaks give an empty line");

	/* The empty paragraph: one empty line. */
	build("");
	nl = lb_break(P.it, P.n, w10, 1, &pr, &l);
	ok(nl == 1 && l[0].start == 0 && l[0].end == P.n - 1 && !l[0].overfull &&
	    l[0].natural == 0, "an empty paragraph is one empty line");
	free(l);
	nl = lb_break(P.it, 0, w10, 1, &pr, &l);
	ok(nl == 0 && l == NULL, "no items: no lines");

	/* Items without the final glue and penalty: an implicit end. */
	build("aaa bbb ccc ddd");
	P.n -= 3;
	nl = lb_break(P.it, P.n, w10, 1, &pr, &l);
	ok(nl == 2 && l[1].end == P.n, "no final penalty: the last line ends at n");
	free(l);

	/* Per-line widths: a first line of 6, then 10. */
	build("aaa bb cccc dd eee ffff gg");
	{
		double	 ws[] = { 6, 10 };

		nl = lb_break(P.it, P.n, ws, 2, &pr, &l);
		good = nl >= 2;
		for (i = 0; i < nl; i++)
			if (l[i].natural - (i == 0 ? 6 : 10) > 0.67 * 3 || l[i].overfull)
				good = 0;
		ok(good && l[0].natural <= 6 + 0.34 * 2, "first line set to 6: %s", show(l, nl));
		free(l);
		ok(fabs(lb_score(ws, 2, &pr, &rok) - brute(ws, 2, &pr)) < 1e-6,
		    "per-line widths: the brute-force optimum");
	}

	/* A wide first line, then narrow ones (a line beside a figure, in
	 * reverse): nodes of different widths share the active list. */
	build("aaa bb cccc dd eee f gg hhh iii jj");
	{
		double	 ws[] = { 16, 8 };
		const char *got = brk(ws, 2, &pr);

		ok(fabs(lb_score(ws, 2, &pr, &rok) - brute(ws, 2, &pr)) < 1e-6,
		    "widths 16 then 8: the brute-force optimum (%s)", got);
		ok(strncmp(got, "aaa bb cccc dd/", 15) == 0 ||
		    strncmp(got, "aaa bb cccc dd eee/", 19) == 0,
		    "the first line uses its 16 units");
	}

	/* Fitness classes (width 10): "aaa b cc dd" is 11 with three spaces
	 * (r = -1, tight, 12100). Then either "e ff gggg" (9, r = 1, very
	 * loose, 12100) and "h ii" (100), or "e ff gggg h" (11, tight, 12100)
	 * and "ii" (100). Both cost 24300 without fitness demerits; with
	 * 3000 the very loose line pays twice (after a tight line, before a
	 * decent one): 30300. */
	build("aaa b cc dd e ff gggg h ii");
	{
		struct lb_params nofit = pr;
		size_t	 loose[] = { 7, 13, 19 }, tight[] = { 7, 15, 19 };

		nofit.fitness_demerits = 0;
		ok(fabs(score(loose, 3, w10, 1, &nofit, 1, NULL) - 24300) < 1e-6 &&
		    fabs(score(tight, 3, w10, 1, &nofit, 1, NULL) - 24300) < 1e-6,
		    "without fitness demerits both settings cost 24300");
		ok(fabs(score(loose, 3, w10, 1, &pr, 1, NULL) - 30300) < 1e-6,
		    "a very loose line between tight and decent ones costs 2 x 3000 more");
		is_str(brk(w10, 1, &pr), "aaa b cc dd/e ff gggg h/ii",
		    "so the breaker keeps adjacent lines in near classes");
		nofit.fitness_demerits = 1e9;
		ok(fabs(lb_score(w10, 1, &nofit, &rok) - brute(w10, 1, &nofit)) < 1e-6,
		    "fitness 1e9: the brute-force optimum");
	}

	/* An overlong word split at emergency points: every line fits. */
	{
		char	*spec = xmalloc(2 * 2000 + 32);
		size_t	 o = 0;
		int	 k;

		o += sprintf(spec, "aa bb ");
		for (k = 0; k < 2000; k++) {
			if (k)
				spec[o++] = '~';
			spec[o++] = 'x';
		}
		o += sprintf(spec + o, " cc dd");
		build(spec);
		nl = lb_break(P.it, P.n, w10, 1, &pr, &l);
		good = nl >= 200;
		for (i = 0; i < nl; i++)
			if (l[i].natural > 10 + 1e-9 || l[i].overfull)
				good = 0;
		ok(good, "2,000 letters with emergency points: %zu lines, none past the measure", nl);
		free(l);

		/* ... and as one box: still returns, the line is overfull. */
		build("aa bb xx cc dd");
		P.it[4].width = 2000;
		nl = lb_break(P.it, P.n, w10, 1, &pr, &l);
		good = 0;
		for (i = 0; i < nl; i++)
			if (l[i].overfull && l[i].start == 4 && l[i].end == 5 &&
			    l[i].ratio == -1)
				good++;
		ok(nl == 3 && good == 1, "one 2,000-unit box: its own overfull line (%s)",
		    show(l, nl));
		for (i = 0, good = 1; i < nl; i++)
			if (!l[i].overfull && l[i].natural > 10)
				good = 0;
		ok(good, "the other lines still fit");
		free(l);
		free(spec);

		/* the breaker prefers anything to an emergency point */
		build("aaaa~bbbb c dd eee");
		is_str(brk(w10, 1, &pr), "aaaabbbb c/dd eee",
		    "emergency points are not used when the paragraph fits without");
		build("aaaaaaaaaaaaaaaaaaaa");
		nl = lb_break(P.it, P.n, w10, 1, &pr, &l);
		ok(nl == 1 && l[0].overfull, "a lone overlong box: one overfull line");
		free(l);
	}

	/* Random paragraphs against brute force. */
	allok = 1;
	tried = 0;
	for (i = 0; i < 800; i++) {
		double	 ws[2], b, s;
		size_t	 nws;
		struct lb_params rp = pr;

		rp.max_hyphen_run = rnd(3);
		rp.fitness_demerits = (double[]){ 0, 3000, 20000 }[rnd(3)];
		rp.flagged_demerits = rnd(2) ? 3000 : 0;
		rp.tolerance = rnd(2) ? 1 : 2;

		random_para(3 + rnd(8), i % 2 ? 9 : 7);
		/* margin kerning on some breaks and line starts; a minimum
		 * last line on some paragraphs */
		for (k = 0; k < P.n; k++)
			if (rnd(4) == 0)
				P.it[k].hang = 0.25 * (1 + rnd(3));
		rp.last_min = rnd(2) ? 0 : 2 + rnd(4);
		ws[0] = 6 + rnd(8);
		ws[1] = 8 + rnd(8);
		nws = 1 + rnd(2);
		if (P.n > 2 && ws[0] < 8)
			ws[0] = 8;
		b = brute(ws, nws, &rp);
		if (isnan(b) || !isfinite(b))
			continue;
		tried++;
		s = lb_score(ws, nws, &rp, &rok);
		if (fabs(s - b) > 1e-6 * (1 + fabs(b)) || !rok) {
			printf("# para %zu: lb %g brute %g ratios %d: %s\n",
			    i, s, b, rok, brk(ws, nws, &rp));
			allok = 0;
		}
	}
	ok(allok && tried > 400, "%d random paragraphs: total fit equals brute force", tried);

	/* Last lines (issue 18): a last line that is only the tail of a
	 * hyphenated word costs fragment_demerits, one under last_min
	 * short_demerits, and total fit then takes another break. */
	{
		struct lb_params np = pr;
		double	 w20[] = { 20 }, w8[] = { 8 };

		ok(pr.fragment_demerits >= 5000 && pr.short_demerits > 0 && pr.last_min == 0,
		    "last-line demerits by default: fragment %g, short %g (no minimum unless set)",
		    pr.fragment_demerits, pr.short_demerits);
		build("aaaaaa bbb ccccc ddd eee f gg h|hhhhh ii j|jjjj");
		np.fragment_demerits = 0;
		is_str(brk(w20, 1, &np), "aaaaaa bbb ccccc ddd/eee f gg hhhhhh ii j-/jjjj",
		    "without the fragment demerit the last line is a word's tail");
		is_str(brk(w20, 1, &pr), "aaaaaa bbb ccccc ddd/eee f gg hhhhhh ii/jjjjj",
		    "with it, the word stays whole on the last line");
		ok(fabs(lb_score(w20, 1, &pr, &rok) - brute(w20, 1, &pr)) < 1e-6,
		    "and that is the brute-force optimum");
		build("a b c d e");
		is_str(brk(w8, 1, &pr), "a b c d/e", "no minimum: a last line of one letter");
		np = pr;
		np.last_min = 4;
		is_str(brk(w8, 1, &np), "a b c d e",
		    "last_min 4: the line shrinks to take the letter instead");
	}

	/* Margin kerning: a break's hang and a line's first box's let the
	 * line hold that much more; the natural width stays as it is. */
	{
		double	 w86[] = { 8.6 };

		build("aaaa bbb|ccc");
		is_str(brk(w86, 1, &pr), "aaaa/bbbccc", "no hang: 'aaaa bbb-' (9) does not fit 8.6");
		P.it[3].hang = 0.5;	/* the hyphen hangs by half */
		nl = lb_break(P.it, P.n, w86, 1, &pr, &l);
		is_str(show(l, nl), "aaaa bbb-/ccc", "the hyphen hanging by 0.5: it fits");
		ok(nl == 2 && fabs(l[0].natural - 9) < 1e-9 && fabs(l[0].ratio - 0.2) < 1e-9,
		    "natural width 9 (%g), ratio 0.2 over 8.6 + 0.5 (%g)", nl ? l[0].natural : 0,
		    nl ? l[0].ratio : 0);
		free(l);
		P.it[3].hang = 0;
		P.it[0].hang = 0.5;	/* a quotation mark hanging at the left */
		is_str(brk(w86, 1, &pr), "aaaa bbb-/ccc", "the first box hanging by 0.5: it fits too");
	}

	/* Boxes that stretch (glyph scaling): "aaaaa bbbb" is 10 at width
	 * 10.5; the space alone (stretch 0.5) needs r = 1, with 0.25 more
	 * in each box r = 0.5. */
	build("aaaaa bbbb");
	{
		double	 w105[] = { 10.5 };

		nl = lb_break(P.it, P.n, w105, 1, &pr, &l);
		ok(nl == 1, "one line");
		free(l);
		build("aaaaa bbbb x");
		P.n = 3;	/* "aaaaa bbbb" and no end: the line is justified */
		nl = lb_break(P.it, P.n, w105, 1, &pr, &l);
		ok(nl == 1 && fabs(l[0].ratio - 1) < 1e-9, "glue only: ratio 1");
		free(l);
		P.it[0].stretch = P.it[2].stretch = 0.25;
		nl = lb_break(P.it, P.n, w105, 1, &pr, &l);
		ok(nl == 1 && fabs(l[0].ratio - 0.5) < 1e-9, "stretching boxes too: ratio 0.5");
		ok(fabs(lb_glue_width(&P.it[0], l[0].ratio) +
		    lb_glue_width(&P.it[1], l[0].ratio) +
		    lb_glue_width(&P.it[2], l[0].ratio) - 10.5) < 1e-9,
		    "and the set widths fill the line");
		free(l);
		/* a line twice as loose as its stretch: linearly ratio 2, but a
		 * drawer whose boxes are spent at ratio 1 (box_full) opens the
		 * glue alone: (2 - 0.5) / 0.5 = 3, the ratio the breaker must
		 * judge the line by */
		{
			double w12[] = { 12 };

			nl = lb_break(P.it, P.n, w12, 1, &pr, &l);
			ok(nl == 1 && fabs(l[0].ratio - 2) < 1e-9, "boxes stretching without limit: ratio %.2f",
			    nl ? l[0].ratio : 0);
			free(l);
			pr.box_full = 1;
			nl = lb_break(P.it, P.n, w12, 1, &pr, &l);
			ok(nl == 1 && fabs(l[0].ratio - 3) < 1e-9, "boxes spent at ratio 1: the glue's ratio %.2f",
			    nl ? l[0].ratio : 0);
			free(l);
			pr.box_full = 0;
		}
	}

	/* lb_glue_width */
	{
		struct lb_item g = { LB_GLUE, 3, 1.5, 1, 0, 0, 0 };

		w = lb_glue_width(&g, 0.5);
		ok(w == 3.75, "glue stretches by ratio x stretch");
		w = lb_glue_width(&g, -0.5);
		ok(w == 2.5, "glue shrinks by ratio x shrink");
	}
	return done_testing();
}
