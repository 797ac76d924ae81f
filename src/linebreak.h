/* Total-fit line breaking (Knuth and Plass) over boxes, glue and penalties.
 * Pure: knows nothing of fonts or Pango; the typesetter builds the items
 * from shaped glyphs, the unit tests from fake metrics. */
#ifndef MKBOOK_LINEBREAK_H
#define MKBOOK_LINEBREAK_H

#include <stddef.h>

enum lb_kind { LB_BOX, LB_GLUE, LB_PENALTY };

#define LB_INF 10000.0	/* a penalty >= this forbids a break; <= -this forces one */

struct lb_item {
	enum lb_kind	 kind;
	double		 width;		/* box, glue; for a penalty: the width added
					 * when breaking there (a hyphen) */
	double		 stretch;	/* glue */
	double		 shrink;	/* glue */
	double		 penalty;	/* penalty */
	int		 flagged;	/* penalty: a hyphenated break */
};

struct lb_params {
	double	 tolerance;		/* largest adjustment ratio accepted (e.g. 2) */
	double	 line_penalty;		/* added to each line's badness (10) */
	double	 flagged_demerits;	/* two hyphenated lines in a row (3000) */
	double	 fitness_demerits;	/* adjacent lines of far-apart fitness (3000) */
	int	 max_hyphen_run;	/* consecutive hyphenated lines allowed (2) */
};

void lb_defaults(struct lb_params *p);

struct lb_line {
	size_t	 start;		/* first item of the line (after discarding glue) */
	size_t	 end;		/* the break item: the line is [start, end) */
	double	 ratio;		/* adjustment ratio: >0 stretch, <0 shrink */
	int	 hyphen;	/* ends at a flagged penalty */
};

/* Break ITEMS[0..N) (which must end with glue + forced penalty, as Knuth's
 * \parfillskip does) into lines of width WIDTHS[i] (the last width repeats
 * for later lines). Never fails: when no feasible set of breaks exists it
 * retries with a looser tolerance and finally breaks overfull boxes where it
 * must. Return the number of lines and set *LINES (caller frees). */
size_t lb_break(const struct lb_item *items, size_t n, const double *widths,
    size_t nwidths, const struct lb_params *p, struct lb_line **lines);

#endif
