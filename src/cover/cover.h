/* The generated cover, drawn with Cairo and Pango from the book's title,
 * subtitle, authors and publisher: one design for both writers (the EPUB's
 * cover picture, the PDF's first page and the front of its wrap cover). */
#ifndef MKBOOK_COVER_H
#define MKBOOK_COVER_H

#include <stddef.h>
#include <cairo.h>

#include "model/model.h"
#include "model/theme.h"

/* The cover's width in its own units; its height is the page's in
 * proportion (2560 for the EPUB's picture). */
#define COVER_W 1600.0
#define COVER_H 2560.0

/* The font families of the generated cover for theme TH (NULL: the
 * default): its heading family, then its fallbacks for other scripts.
 * Fresh string. */
char *cover_family(const struct theme *th);
/* The cover's ground colour: TH's accent colour, or the default ink. The
 * returned array is TH's or static. */
const double *cover_color(const struct theme *th);
/* Fill the rectangle X, Y, W, H of CR with the cover's ground: the colour
 * RGB, a shade darker towards the foot of a cover 0..PH high. */
void cover_ground(cairo_t *cr, const double rgb[3], double x, double y, double w, double h,
    double ph);
/* Draw the generated cover of BOOK on CR, whose user space is the trim of
 * a cover COVER_W wide and H high (cairo units), in font families FAMILY
 * and ground colour RGB; the ground runs BLEED units beyond the trim on
 * every side, the frame and the words stay inside it. Return 0, or -1
 * with the error set. */
int cover_draw(cairo_t *cr, const struct book *book, const char *family, const double rgb[3],
    double h, double bleed);
/* The narrowest spine, in mm, that takes the title along it. */
#define COVER_SPINE_TEXT_MM 6.0
/* Draw the back of BOOK's wrap cover on CR, whose user space is the back's
 * trim, COVER_W wide and H high: the frame, the book's description (its
 * blurb; shortened with an ellipsis and a warning when it cannot fit),
 * the publisher. The ground is the caller's (under the whole wrap).
 * Return 0, or -1 with the error set. */
int cover_draw_back(cairo_t *cr, const struct book *book, const char *family, const double rgb[3],
    double h);
/* Draw BOOK's title and authors along a spine SW units wide and H high
 * (CR's user space: the spine's top left; MM units to the millimetre),
 * reading from head to foot. Return 0; 1 when the spine is narrower than
 * COVER_SPINE_TEXT_MM, or too short for the title, and is left plain
 * (the latter with a warning); -1 with the error set. */
int cover_draw_spine(cairo_t *cr, const struct book *book, const char *family, double sw, double h,
    double mm);
/* Draw the generated cover of BOOK (COVER_W x COVER_H pixels). Return 0
 * and a fresh PNG in *PNG of *LEN bytes, or -1 with the error set. */
int cover_render(const struct book *book, const char *family, const double rgb[3],
    char **png, size_t *len);
/* The lines the cover sets BOOK's title in (a page COVER_W x H), joined
 * by newlines, a hyphen ending a line broken inside a word. Fresh string
 * (for the tests). */
char *cover_title_lines(const struct book *book, const char *family, double h);

#endif
