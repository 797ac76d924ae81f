/*
 * make-chart: draws content/images/chart.png, the lead figure of the
 * Markdown sample article, and prints the numbers its table quotes.
 *
 * It sets one paragraph of the article twice at the same measure, with
 * word widths measured by Pango in Charis SIL: once filling lines one at a
 * time at normal spacing (first fit, as word processors do), once choosing
 * all breaks together to minimise the total cost of loose and tight lines
 * (total fit, after Knuth and Plass). Then it draws, line by line, how far
 * each line's word spaces stretch beyond normal, as a grouped bar chart.
 *
 * The PNG is committed, so the sample needs no build step. To redraw it:
 *
 *   cc -std=c11 -O2 -o /tmp/make-chart scripts/make-chart.c \
 *       $(pkg-config --cflags --libs pangocairo) -lm
 *   /tmp/make-chart content/images/chart.png
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pango/pangocairo.h>

#define WIDTH		1200
#define HEIGHT		750
#define MAXWORDS	256
#define MEASURE_EM	22.0	/* the column width, in em */
#define SHRINK		(1.0 / 3)	/* spaces may shrink by a third */

/* The article's opening paragraph. */
static const char paragraph[] =
	"Open any novel from a good publisher and look at a page of justified "
	"text for a minute. The word spaces are nearly the same width from the "
	"top line to the bottom. Now open a justified letter typed in a word "
	"processor. Somewhere on the page there will be a line with gaps you "
	"could drive a bus through, often right after a line that looks "
	"perfectly comfortable.";

struct para {
	double	 w[MAXWORDS];	/* word widths, in points */
	int	 n;
	double	 space;		/* the normal word space */
	double	 measure;
};

struct setting {
	int	 brk[MAXWORDS];	/* brk[i]: index of the first word of line i+1 */
	int	 nlines;
	double	 ratio[MAXWORDS];	/* extra space per gap, as a fraction of normal */
};

/* Pango's width of TEXT in FONT, in points. */
static double
text_width(PangoContext *ctx, const PangoFontDescription *font, const char *text, int len)
{
	PangoLayout *l = pango_layout_new(ctx);
	int w, h;

	pango_layout_set_font_description(l, font);
	pango_layout_set_text(l, text, len);
	pango_layout_get_size(l, &w, &h);
	g_object_unref(l);
	return (double)w / PANGO_SCALE;
}

static void
measure(struct para *p, PangoContext *ctx, const PangoFontDescription *font)
{
	const char *s = paragraph, *e;

	p->n = 0;
	while (*s) {
		while (*s == ' ')
			s++;
		for (e = s; *e && *e != ' '; e++)
			;
		if (e > s && p->n < MAXWORDS)
			p->w[p->n++] = text_width(ctx, font, s, (int)(e - s));
		s = e;
	}
	p->space = text_width(ctx, font, "a b", 3) - text_width(ctx, font, "ab", 2);
}

/* The stretch ratio of words [a, b) set as one line: extra space per gap
 * as a fraction of a normal space (negative when shrinking). */
static double
line_ratio(const struct para *p, int a, int b)
{
	double nat = 0;
	int i, gaps = b - a - 1;

	for (i = a; i < b; i++)
		nat += p->w[i];
	nat += gaps * p->space;
	if (gaps == 0)	/* one word cannot be justified: as bad as it gets */
		return nat <= p->measure ? (p->measure - nat) / p->space : -1;
	return (p->measure - nat) / (gaps * p->space);
}

/* Fill lines one at a time at normal spacing. */
static void
first_fit(const struct para *p, struct setting *s)
{
	int a = 0, b;

	s->nlines = 0;
	while (a < p->n) {
		for (b = a + 1; b < p->n && line_ratio(p, a, b + 1) >= 0; b++)
			;
		s->ratio[s->nlines] = b < p->n ? line_ratio(p, a, b) : 0;
		s->brk[s->nlines++] = b;
		a = b;
	}
}

/* Choose every break together: minimise the sum of squared demerits,
 * (1 + 100 |r|^3)^2 per line, the last line free to stay short. */
static void
total_fit(const struct para *p, struct setting *s)
{
	double best[MAXWORDS + 1];
	int from[MAXWORDS + 1], path[MAXWORDS], a, b, k;

	best[0] = 0;
	for (b = 1; b <= p->n; b++) {
		best[b] = HUGE_VAL;
		for (a = b - 1; a >= 0; a--) {
			double r = line_ratio(p, a, b), bad, d;

			if (r < -SHRINK)
				break;	/* fewer words will only be looser */
			if (b == p->n && r >= 0)
				r = 0;	/* the last line is set ragged */
			bad = 100 * fabs(r * r * r);
			d = (1 + bad) * (1 + bad);
			if (best[a] + d < best[b]) {
				best[b] = best[a] + d;
				from[b] = a;
			}
		}
	}
	for (k = 0, b = p->n; b > 0; b = from[b])
		path[k++] = b;
	s->nlines = 0;
	for (a = 0; k > 0; a = b) {
		b = path[--k];
		s->ratio[s->nlines] = b < p->n ? line_ratio(p, a, b) : 0;
		s->brk[s->nlines++] = b;
	}
}

static void
stats(const struct setting *s, double *worst, double *mean)
{
	int i, n = s->nlines - 1;	/* the last line is not justified */

	*worst = *mean = 0;
	for (i = 0; i < n; i++) {
		if (fabs(s->ratio[i]) > fabs(*worst))
			*worst = s->ratio[i];
		*mean += fabs(s->ratio[i]);
	}
	if (n > 0)
		*mean /= n;
}

/* The most negative ratio of S's justified lines, or 0. */
static double
tightest(const struct setting *s)
{
	double t = 0;
	int i;

	for (i = 0; i < s->nlines - 1; i++)
		t = fmin(t, s->ratio[i]);
	return t;
}

static void
show(cairo_t *cr, PangoLayout *l, const char *font, const char *text, double x, double y,
    double align, double r, double g, double b)
{
	PangoFontDescription *fd = pango_font_description_from_string(font);
	int w, h;

	pango_layout_set_font_description(l, fd);
	pango_layout_set_markup(l, text, -1);
	pango_layout_get_size(l, &w, &h);
	cairo_set_source_rgb(cr, r, g, b);
	cairo_move_to(cr, x - align * w / PANGO_SCALE, y - (double)h / PANGO_SCALE / 2);
	pango_cairo_show_layout(cr, l);
	pango_font_description_free(fd);
}

int
main(int argc, char **argv)
{
	const char *out = argc > 1 ? argv[1] : "content/images/chart.png";
	struct para p;
	struct setting greedy, whole;
	cairo_surface_t *surf;
	cairo_t *cr;
	PangoFontMap *fm;
	PangoContext *ctx;
	PangoLayout *l;
	PangoFontDescription *font;
	double gw, gm, ww, wm, ymin, ymax, x0, y0, x1, y1, slot;
	int i, nbars;
	char label[128];

	/* Measure at 72 dpi so a Pango unit is a point. */
	fm = pango_cairo_font_map_new();
	pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(fm), 72);
	ctx = pango_font_map_create_context(fm);
	font = pango_font_description_from_string("Charis SIL 10");
	measure(&p, ctx, font);
	p.measure = MEASURE_EM * 10;
	first_fit(&p, &greedy);
	total_fit(&p, &whole);
	stats(&greedy, &gw, &gm);
	stats(&whole, &ww, &wm);
	printf("words %d, measure %.0f pt, space %.2f pt\n", p.n, p.measure, p.space);
	printf("%-34s %10s %10s\n", "", "first fit", "total fit");
	printf("%-34s %10d %10d\n", "lines", greedy.nlines, whole.nlines);
	printf("%-34s %+9.0f%% %+9.0f%%\n", "loosest line, extra space per gap", gw * 100, ww * 100);
	printf("%-34s %+9.0f%% %+9.0f%%\n", "tightest line", tightest(&greedy) * 100,
	    tightest(&whole) * 100);
	printf("%-34s %9.0f%% %9.0f%%\n", "average change per gap", gm * 100, wm * 100);
	for (i = 0; i < greedy.nlines || i < whole.nlines; i++)
		printf("line %2d %+6.0f%% %+6.0f%%\n", i + 1,
		    i < greedy.nlines ? greedy.ratio[i] * 100 : 0,
		    i < whole.nlines ? whole.ratio[i] * 100 : 0);
	pango_font_description_free(font);
	g_object_unref(ctx);
	g_object_unref(fm);

	surf = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
	cr = cairo_create(surf);
	l = pango_cairo_create_layout(cr);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);

	show(cr, l, "Noto Sans Bold 30", "How far each line\xe2\x80\x99s word spaces stretch or shrink",
	    60, 52, 0, 0.10, 0.10, 0.12);
	snprintf(label, sizeof(label),
	    "One %d-word paragraph, Charis SIL 10 pt on a %.0f pt measure, no hyphenation",
	    p.n, p.measure);
	show(cr, l, "Noto Sans 19", label, 60, 90, 0, 0.35, 0.35, 0.38);

	/* Plot area and scale: whole 25% steps around every bar. */
	nbars = (greedy.nlines > whole.nlines ? greedy.nlines : whole.nlines) - 1;
	ymax = ymin = 0;
	for (i = 0; i < nbars; i++) {
		double rg = i < greedy.nlines - 1 ? greedy.ratio[i] : 0;
		double rw = i < whole.nlines - 1 ? whole.ratio[i] : 0;

		ymax = fmax(ymax, fmax(rg, rw));
		ymin = fmin(ymin, fmin(rg, rw));
	}
	ymax = ceil(ymax * 4 + 0.05) / 4;
	ymin = floor(ymin * 4 - 0.05) / 4;
	if (ymin > -0.001)
		ymin = 0;
	x0 = 150, x1 = WIDTH - 50, y0 = HEIGHT - 120, y1 = 195;
	slot = (x1 - x0) / nbars;
#define Y(v) (y0 - (y0 - y1) * ((v) - ymin) / (ymax - ymin))

	for (i = (int)lround(ymin * 4); i <= (int)lround(ymax * 4); i++) {
		double y = Y(i * 0.25);

		if (i == 0)
			cairo_set_source_rgb(cr, 0.25, 0.25, 0.28);
		else
			cairo_set_source_rgb(cr, 0.88, 0.88, 0.90);
		cairo_set_line_width(cr, i == 0 ? 2 : 1.5);
		cairo_move_to(cr, x0, y);
		cairo_line_to(cr, x1, y);
		cairo_stroke(cr);
		if (i == 0)
			snprintf(label, sizeof(label), "normal");
		else
			snprintf(label, sizeof(label), "%s%d%%", i > 0 ? "+" : "\xe2\x88\x92", abs(i) * 25);
		show(cr, l, "Noto Sans 17", label, x0 - 14, y, 1, 0.35, 0.35, 0.38);
	}
	for (i = 0; i < nbars; i++) {
		double cx = x0 + slot * (i + 0.5), bw = slot * 0.34;
		double rg = i < greedy.nlines - 1 ? greedy.ratio[i] : 0;
		double rw = i < whole.nlines - 1 ? whole.ratio[i] : 0;

		cairo_set_source_rgb(cr, 0.66, 0.67, 0.70);
		cairo_rectangle(cr, cx - bw - 3, Y(0), bw, Y(rg) - Y(0));
		cairo_fill(cr);
		cairo_set_source_rgb(cr, 0.10, 0.36, 0.66);
		cairo_rectangle(cr, cx + 3, Y(0), bw, Y(rw) - Y(0));
		cairo_fill(cr);
		snprintf(label, sizeof(label), "%d", i + 1);
		show(cr, l, "Noto Sans 17", label, cx, y0 + 26, 0.5, 0.35, 0.35, 0.38);
	}
	show(cr, l, "Noto Sans 17", "Line of the paragraph (the short last line is left out)",
	    (x0 + x1) / 2, y0 + 64, 0.5, 0.35, 0.35, 0.38);

	/* Legend, top right of the plot. */
	cairo_set_source_rgb(cr, 0.66, 0.67, 0.70);
	cairo_rectangle(cr, 60, 128, 22, 22);
	cairo_fill(cr);
	show(cr, l, "Noto Sans 18", "Lines filled one at a time (first fit)", 92, 139, 0, 0.2, 0.2, 0.22);
	cairo_set_source_rgb(cr, 0.10, 0.36, 0.66);
	cairo_rectangle(cr, 560, 128, 22, 22);
	cairo_fill(cr);
	show(cr, l, "Noto Sans 18", "Whole paragraph at once (total fit)", 592, 139, 0, 0.2, 0.2, 0.22);

	g_object_unref(l);
	cairo_destroy(cr);
	if (cairo_surface_write_to_png(surf, out) != CAIRO_STATUS_SUCCESS) {
		fprintf(stderr, "make-chart: cannot write %s\n", out);
		cairo_surface_destroy(surf);
		return 1;
	}
	cairo_surface_destroy(surf);
	return 0;
}
