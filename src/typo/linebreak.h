/* Total-fit line breaking (Knuth and Plass) over boxes, glue and penalties.
 * Pure: knows nothing of fonts or Pango; the typesetter builds the items
 * from shaped glyphs, the unit tests from fake metrics.
 *
 * Units: every width, stretch and shrink is in points (any unit works as
 * long as items and line widths agree). Penalties and demerits have no unit.
 *
 * How a paragraph is expressed (as in TeX):
 *   word             a box (or several boxes, one per syllable). A box may
 *                    stretch and shrink too, when the typesetter can scale
 *                    its glyphs a little (pdfTeX's font expansion; e.g.
 *                    stretch = shrink = 0.02 x width for +-2%): the line's
 *                    ratio then applies to boxes and glue alike, which
 *                    gives the breaker more room and keeps spaces even
 *   space            glue: width = the font's space, stretch = space / 2,
 *                    shrink = space / 3 (TeX's ratios; with lb_defaults()
 *                    a first-pass line never sets a space wider than 1.5x
 *                    nor narrower than 0.67x natural)
 *   hyphenation      between two syllable boxes: a penalty, flagged = 1,
 *   point            penalty = 50 (TeX's \hyphenpenalty), width = the hyphen
 *                    glyph's width (so the hyphen fits inside the measure)
 *   explicit hyphen  the box ends with the '-'; then a flagged penalty of
 *                    width 0 (TeX's \exhyphenpenalty, 50)
 *   no break         a penalty >= LB_INF (e.g. before a no-break space's glue)
 *   forced break     a penalty <= -LB_INF (a hard line break)
 *   emergency break  a penalty of LB_EMERGENCY (5000), flagged = 0, width 0
 *                    (or a hyphen's width): split a word that may be wider
 *                    than the line (a URL, a 2,000-letter "word") into one
 *                    box per character, with such a penalty at each place a
 *                    break would be tolerable. The breaker ignores these
 *                    points unless the paragraph cannot be set otherwise
 *                    (its last pass), so a caller can add them to every word
 *                    wider than the narrowest line and lose nothing.
 *   paragraph end    a penalty LB_INF, glue of width 0 and stretch 1e6
 *                    (TeX's \parfillskip), then a forced penalty; the same
 *                    three items before a forced break inside a paragraph.
 *                    If the items do not end with a forced penalty the
 *                    breaker behaves as if they did (the last line then has
 *                    end == n).
 *
 * A break may happen at a penalty < LB_INF or at a glue that follows a box
 * (but not at a glue right before a forced break: that would only make an
 * empty line).
 * After a break, the glue and the penalties that follow it are discarded up
 * to the next box (or forced break); lb_line.start points past them.
 *
 * Passes: (1) within params.tolerance; (2) if no set of breaks fits,
 * within LB_LOOSE; (3) then any stretch (TeX's final pass; badness is
 * 100|r|^3 without TeX's cap at 10000, so the least loose line wins);
 * (4) if a box is still wider than a line, emergency points are used and,
 * where even they cannot help, a line is let run past the measure and is
 * marked overfull (TeX's rule: the break after the overlong material).
 * lb_break() therefore never fails and never loses an item.
 *
 * Margin kerning: a line's width is its natural width less the hang of
 * its break item and of its first box, so a line ending in a hyphen or a
 * full stop may hold that much more (the typesetter draws it hanging).
 *
 * Last lines: a paragraph's last line narrower than params.last_min, or
 * holding only the tail of a word hyphenated on the line before ("dation."
 * after "Foun-"), adds demerits, so that total fit takes another set of
 * breaks when one is as good otherwise.
 *
 * Widths, stretch and shrink must not be negative.
 *
 * Cost: O(items x active nodes), one allocation for the nodes per call
 * plus the result; about 6 us for an 80-word paragraph at a 65-character
 * measure, 1.6 us for a 14-word one (one core, -O2). */
#ifndef MKBOOK_LINEBREAK_H
#define MKBOOK_LINEBREAK_H

#include <stddef.h>

enum lb_kind { LB_BOX, LB_GLUE, LB_PENALTY };

#define LB_INF 10000.0	/* a penalty >= this forbids a break; <= -this forces one */
#define LB_LOOSE 3.0	/* the second pass's tolerance */
#define LB_EMERGENCY 5000.0	/* a penalty >= this (and < LB_INF) is an emergency
				 * break point, used only in the last pass */

struct lb_item {
	enum lb_kind	 kind;
	double		 width;		/* box, glue; for a penalty: the width added
					 * when breaking there (a hyphen) */
	double		 stretch;	/* glue, box (glyph scaling; usually 0) */
	double		 shrink;	/* glue, box */
	double		 penalty;	/* penalty */
	int		 flagged;	/* penalty: a hyphenated break */
	double		 hang;		/* margin kerning (protrusion): for a
					 * glue or penalty, how far the line
					 * ending there may run into the right
					 * margin (its last character's share,
					 * or the hyphen's); for a box, how far
					 * it hangs into the left margin when
					 * it starts a line. 0: none */
};

struct lb_params {
	double	 tolerance;		/* largest adjustment ratio accepted in the
					 * first pass (1.0: a space stretches by at
					 * most its stretch) */
	double	 line_penalty;		/* added to each line's badness (10) */
	double	 flagged_demerits;	/* two hyphenated lines in a row (3000) */
	double	 fitness_demerits;	/* adjacent lines of far-apart fitness (3000) */
	int	 max_hyphen_run;	/* consecutive hyphenated lines allowed (2);
					 * 0 or less: no limit */
	double	 final_hyphen_demerits;	/* the last full line ends hyphenated
					 * (5000, TeX's \finalhyphendemerits) */
	double	 last_min;		/* a last line narrower than this (points;
					 * 0: no minimum) costs short_demerits */
	double	 short_demerits;	/* a short last line (3000) */
	double	 fragment_demerits;	/* a last line that is only the end of a
					 * hyphenated word (10000) */
	double	 box_full;		/* the ratio at which the boxes' stretch is
					 * used up (a drawer that expands glyphs
					 * only so far): a looser line stretches
					 * its glue alone, and that ratio counts
					 * (0: boxes stretch without limit) */
};

/* Fill P with mkbook's defaults (the values in the comments above). */
void lb_defaults(struct lb_params *p);

struct lb_line {
	size_t	 start;		/* first item of the line (after the glue and
				 * penalties discarded at the break before) */
	size_t	 end;		/* the break item: the line is [start, end);
				 * n for an implicit end */
	double	 ratio;		/* adjustment ratio: >0 stretch, <0 shrink;
				 * 0 when the line has no stretch to use */
	int	 hyphen;	/* ends at a flagged penalty */
	int	 overfull;	/* runs past the measure even at full shrink
				 * (ratio is then -1): only when some box is
				 * wider than the line and no emergency point
				 * could split it */
	double	 natural;	/* natural width of [start, end) plus the width
				 * of the break penalty (the hyphen), in points */
};

/* Break ITEMS[0..N) (which should end with glue + forced penalty, as Knuth's
 * \parfillskip does) into lines of width WIDTHS[i] (the last width repeats
 * for later lines; NWIDTHS >= 1). Never fails: when no feasible set of
 * breaks exists it retries with a looser tolerance and finally breaks
 * overfull boxes where it must. An empty paragraph (just the final glue and
 * penalty) gives one empty line; N == 0 gives none. P NULL means
 * lb_defaults(). Return the number of lines and set *LINES (caller frees;
 * NULL when 0 lines). */
size_t lb_break(const struct lb_item *items, size_t n, const double *widths,
    size_t nwidths, const struct lb_params *p, struct lb_line **lines);

/* Return the set width of item G (glue or box) on a line of adjustment
 * ratio RATIO: width + ratio * stretch when stretching, width + ratio *
 * shrink when shrinking; 0 for a penalty (its width counts only when the
 * line ends there: lb_line.natural includes it). */
double lb_glue_width(const struct lb_item *g, double ratio);

#endif
