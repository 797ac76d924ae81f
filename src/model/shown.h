/* What both writers decide the same way about an article's links, notes
 * and headline: one rule each, here, so the EPUB and the PDF agree. */
#ifndef MKBOOK_SHOWN_H
#define MKBOOK_SHOWN_H

#include <stddef.h>

#include "model.h"

/* The link-safety rule: 1 when HREF, blanks before it aside, is an http,
 * https or mailto URL (its scheme in any case: "HTTPS://" is "https://")
 * with something after the scheme other than a blank or '/'; 0 for
 * anything else (javascript:, data:, file:, relative paths, "http://"
 * alone, NULL), which both writers show as plain text. *LEAD (may be NULL)
 * is set to the blanks skipped, *SCHEME (may be NULL) to the scheme's
 * length ("https://" 8, "mailto:" 7). */
int shown_link_safe(const char *href, size_t *lead, size_t *scheme);

/* The label note N of article A shows, at its mark and at the note: what
 * its first reference in reading order shows (its text, else "*"; the
 * body first, then the notes), else the note's own label, else "*". Borrowed from A, or static. */
const char *shown_note_label(const struct article *a, size_t n);

/* The headline both writers show for article A: its own, else "Untitled".
 * Borrowed from A, or static. */
const char *shown_headline(const struct article *a);

/* The alternative text a figure shows in words, before its caption, when
 * its image IM is not SHOWN (left out with a warning: the picture's words
 * stay in both books): IM's alt text, or NULL when the image is shown, has
 * no alt text, or the alt text is the caption again. A figure with no
 * caption shows this as its caption. Borrowed from IM. */
const char *shown_figure_alt(const struct image *im, int shown);

#endif
