/* A theme: the look shared by both writers. A theme is a directory holding
 * theme.yaml (fonts, sizes, page, colours), book.css (the EPUB stylesheet)
 * and optionally font files. The default is templates/default. */
#ifndef MKBOOK_THEME_H
#define MKBOOK_THEME_H

#include <stddef.h>

#include "options.h"

enum font_role { FONT_BODY, FONT_HEADING, FONT_MONO, FONT_NROLES };
enum font_style { STYLE_REGULAR, STYLE_BOLD, STYLE_ITALIC, STYLE_BOLDITALIC, STYLE_N };

/* How a kind of block is set: justified, ragged right, or justified
 * unless that would open its word spaces past a bound (then ragged). */
enum theme_set { THEME_SET_AUTO, THEME_SET_JUSTIFY, THEME_SET_RAGGED };

/* What the PDF shows of an external link's URL: a footnote on the page
 * (once per page per URL), the URL in brackets after the link's words, or
 * nothing. The EPUB keeps links as links. */
enum theme_links { THEME_LINKS_FOOTNOTES, THEME_LINKS_AFTER, THEME_LINKS_NONE };

struct theme {
	char	*dir;				/* the theme directory */
	char	*css;				/* path of book.css */
	char	*family[FONT_NROLES];		/* fontconfig family: "Charis SIL" */
	char	*file[FONT_NROLES][STYLE_N];	/* resolved font files (NULL if none) */
	int	 index[FONT_NROLES][STYLE_N];	/* face index inside a .ttc */
	double	 size;				/* body size, pt (10.5) */
	double	 leading;			/* baseline to baseline, pt (14) */
	double	 page_w, page_h;		/* pt */
	double	 bleed;				/* pt beyond the trim on every side (0) */
	double	 margin_top, margin_bottom, margin_inner, margin_outer;	/* pt */
	double	 text_color[3], accent_color[3];	/* 0..1 RGB */
	char   **fallback;			/* families preferred for other scripts */
	size_t	 nfallback;
	int	 protrusion;			/* margin kerning in the PDF (1) */
	enum theme_set notes;			/* footnotes (auto) */
	enum theme_set references;		/* reference lists (auto) */
	enum theme_links links;			/* links' URLs on paper (footnotes) */
};

/* Load the theme: OPT->theme, else BOOK_THEME (from book.yaml), else
 * DATADIR/templates/default, DATADIR being OPT->datadir or, when NULL,
 * datadir_find()'s. Resolve fonts through fontconfig, searching
 * DATADIR/fonts and the theme directory first; apply OPT->paper.
 * Return a new theme, or NULL with the error set. */
struct theme *theme_load(const struct options *opt, const char *book_theme);
void theme_free(struct theme *t);
/* Check a --paper SIZE before any work is done. Return 0, or -1 with the
 * error set: the forms accepted, or the range a size is outside. */
int theme_paper_check(const char *s);
/* Parse a links setting S ("footnotes", "after", "none") into *L. Return
 * 0, or -1 with the error set. */
int theme_links_parse(const char *s, enum theme_links *l);
/* Parse a bleed S ("3mm", "0", "0.125in") into *PT points. Return 0, or -1
 * with the error set (a length from 0 to 25 mm is accepted). */
int theme_bleed_parse(const char *s, double *pt);
/* Parse a paper thickness S, a sheet's ("0.1mm": two pages) or pages an
 * inch ("444ppi"), into *PT points a page. Return 0, or -1 with the error
 * set (a sheet of 0.04 to 0.5 mm, 200 to 1000 pages an inch). */
int theme_thickness_parse(const char *s, double *pt);

/* Whether FAMILY is the one of a CJK superfamily made for LANG's region
 * ("Noto Serif CJK JP" for ja, " KR" for ko, " TC" for zh-TW, " SC" for
 * zh): such a family goes before the theme's other fallbacks. */
int theme_family_regional(const char *family, const char *lang);
/* Fallback fonts for scripts the body font lacks (Arabic, CJK): the file
 * fontconfig picks for LANG with the theme's family as preference, or NULL.
 * Fresh string; *INDEX set to the face index. */
char *theme_font_for_lang(const struct theme *t, const char *lang, int bold, int *index);

#endif
