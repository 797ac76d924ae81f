/*
 * The PDF typesetter's layers, private to src/pdf*.c:
 *
 *   pdf_font.c   one PangoFontMap and PangoContext for the run, font
 *                descriptions per role and style, fallback families per
 *                language, the cached hyphen glyph of each font (the
 *                words' hyphenation points are cached by typo/hyph.c)
 *   pdf_shape.c  a paragraph (text + style spans) itemized and shaped once;
 *                per-character widths and break opportunities from the glyphs
 *   pdf_para.c   the paragraph setter: shaped paragraph in, lines out
 *                (lb_items → lb_break, hyphenation points, CJK breaks), and
 *                each line turned into display-list glyph runs (bidi order,
 *                justification, the hyphen at a break)
 *   pdf_dl.c     the display list the setter and the composer build and
 *                the drawer draws (under both; calls neither)
 *   pdf_page.c   pagination: vertical boxes onto pages (widows, orphans,
 *                keep-with-next, footnotes at the foot of their page)
 *   pdf_draw.c   display list → Cairo PDF surface (glyphs, images, rules,
 *                links, outline, structure tags, metadata)
 *   pdf_update.c append-only incremental updates of the finished file
 *                (figures' /Alt, page order and labels, language, the
 *                structure tree in reading order)
 *   pdf.c        the composer: the book model to vertical boxes
 */
#ifndef MKBOOK_PDF_INT_H
#define MKBOOK_PDF_INT_H

#include <stddef.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "model/model.h"
#include "model/theme.h"

/* ---- fonts (pdf_font.c) ---- */

struct pdf_hycache;
struct hy_cache;

struct pdf_fonts {
	PangoFontMap		*map;
	PangoContext		*ctx;
	const struct theme	*theme;
	char			*families[FONT_NROLES];	/* with fallbacks for lang */
	PangoFontDescription	*desc[FONT_NROLES][STYLE_N];
	char			*lang;
	PangoLanguage		*plang;
	struct pdf_hycache	*hy;
	size_t			 nhy, caphy;
	struct hy_cache		*words;		/* hyphenation points by word (hyph.c) */
};

/* Create the font map and context (72 dpi, unrounded, unhinted). Return 0
 * or -1 with the error set. */
int pdf_fonts_init(struct pdf_fonts *f, const struct theme *t);
/* Prefer the fallback families covering LANG (the article's language). */
void pdf_fonts_lang(struct pdf_fonts *f, const char *lang);
/* Release the font map, context, descriptions and caches. */
void pdf_fonts_free(struct pdf_fonts *f);
/* The hyphen "-" shaped in FONT: a glyph string owned by the cache. */
const PangoGlyphString *pdf_fonts_hyphen(struct pdf_fonts *f, const PangoAnalysis *a);

/* ---- shaping (pdf_shape.c) ---- */

/* How a stretch of text looks and what it links to. */
struct pdf_style {
	int		 role;		/* FONT_BODY … */
	int		 style;		/* STYLE_REGULAR … */
	double		 size;		/* pt */
	double		 rise;		/* pt up from the baseline (note marks) */
	const double	*rgb;		/* colour, borrowed from the theme */
	const char	*href;		/* external link, borrowed */
	const char	*dest;		/* internal link target, borrowed */
	int		 note;		/* footnote index referenced here, or -1 */
	int		 nohyph;	/* never hyphenate (code, URLs) */
	int		 strike;	/* struck through */
	const struct image *img;	/* a picture inside the text (one U+FFFC), at
					 * the text's height */
	int		 mark;		/* highlighted (a light band behind the text) */
	const char	*lang;		/* words in another language than the
					 * paragraph's (BCP 47, borrowed): a Span
					 * with its /Lang; NULL: the paragraph's */
};

struct pdf_span {
	size_t		 start, end;	/* bytes of the paragraph text */
	struct pdf_style st;
};

struct pdf_run {
	PangoItem	*item;
	PangoGlyphString *gs;
};

/* Where a stretch of a paragraph's text is in the model: shaped byte AT is
 * byte MODEL of the block's inl_text(), and LEN bytes on map one to one
 * (a note mark, a line break or a picture map to their start). */
struct pdf_anchor {
	size_t		 at, model, len;
};

struct pdf_shaped {
	struct buf	 text;
	struct pdf_anchor *anch;	/* in text order; none: byte i is model byte i */
	size_t		 nanch, canch;
	size_t		 model_len;	/* inl_text() bytes added so far */
	struct pdf_span	*spans;
	size_t		 nspans, capspans;
	const char	*lang;		/* borrowed */
	int		 rtl;		/* base direction */
	/* filled by pdf_shape(): */
	int		 nchars;
	PangoLogAttr	*attrs;		/* nchars + 1 */
	size_t		*coff;		/* byte offset of each char, nchars + 1 */
	double		*cw;		/* width of the cluster starting at char i */
	unsigned char	*cstart;	/* char i starts a cluster */
	int		*crun;		/* run holding char i */
	gunichar	*cp;		/* code point of char i */
	struct pdf_run	*runs;
	size_t		 nruns;
};

/* Start an empty paragraph in LANG (borrowed), right to left when RTL. */
void pdf_shaped_init(struct pdf_shaped *sp, const char *lang, int rtl);
/* Append N bytes of S in style ST. */
void pdf_shaped_add(struct pdf_shaped *sp, const char *s, size_t n, const struct pdf_style *st);
/* Itemize and shape the paragraph once. */
void pdf_shape(struct pdf_fonts *f, struct pdf_shaped *sp);
/* Free what SP holds (not SP). */
void pdf_shaped_free(struct pdf_shaped *sp);
/* The span holding byte B. */
const struct pdf_span *pdf_shaped_span(const struct pdf_shaped *sp, size_t b);

/* ---- paragraphs and lines (the setter's types; pdf_para.c) ---- */

enum pdf_align { PA_JUSTIFY, PA_LEFT, PA_CENTER, PA_RIGHT };

struct pdf_parfmt {
	double		 width;		/* the measure */
	double		 indent;	/* first line indent */
	enum pdf_align	 align;
	int		 hyphenate;
	int		 protrude;	/* justified: margin kerning (punctuation
					 * and hyphens hang into the margins) */
};

struct pdf_line {
	int		 c0, c1;	/* characters [c0, c1) */
	size_t		 i0, i1;	/* breaker items [i0, i1) */
	double		 ratio;		/* adjustment ratio */
	double		 natural;	/* natural width, hyphen included */
	double		 lhang, rhang;	/* how far it runs into the left and right
					 * margins (margin kerning) */
	int		 hyphen;	/* ends at a hyphen, inserted (drawn at the
					 * break) or explicit: no page break after it */
};

struct pdf_para {
	struct pdf_line	*lines;
	size_t		 nlines;
	/* the breaker's items and where they are in the text */
	struct lb_item	*items;
	int		*ipos;		/* char index of each item */
	size_t		 nitems;
};

/* ---- display list (pdf_dl.c, under the setter and the drawer) ---- */

enum pdf_op_kind {
	OP_GLYPHS,	/* gi drawn at (x, y) baseline; text is what it says */
	OP_RECT,	/* filled rectangle x, y, w, h */
	OP_DOT,		/* a leader dot of radius w at (x, y) */
	OP_IMAGE,	/* img scaled into x, y, w, h */
	OP_TAG_BEGIN,	/* structure tag, link or destination: tag, text = attributes */
	OP_TAG_END,	/* tag */
	OP_OUTLINE,	/* outline entry at (x, y): level, text = title */
	OP_LINE,	/* line LEVEL of paragraph PAR, left edge X, baseline Y:
			 * cut from the shaped paragraph when drawn */
};

/* A set paragraph kept until its last line is drawn: lines are cut from
 * its glyphs at drawing time, so the boxes waiting for a page hold no
 * glyph copies. Shared by the OP_LINE ops that draw it. */
struct pdf_parref {
	int		 refs;
	struct pdf_fonts *f;
	struct pdf_shaped sp;
	struct pdf_para	 pa;
	struct pdf_parfmt fmt;
};

struct pdf_op {
	enum pdf_op_kind kind;
	double		 x, y, w, h;
	double		 rgb[3];
	PangoGlyphItem	 gi;		/* OP_GLYPHS: owned */
	char		*text;		/* owned */
	const char	*tag;		/* static */
	int		 level;
	const struct image *img;	/* OP_IMAGE; OP_TAG_BEGIN of a Figure: its
					 * image, whose words become its /Alt */
	struct pdf_parref *par;		/* OP_LINE: a reference, owned */
};

struct pdf_dl {
	struct pdf_op	*ops;
	size_t		 n, cap;
};

/* Append a zeroed op of KIND to DL; return it (valid until the next push). */
struct pdf_op *pdf_dl_push(struct pdf_dl *dl, enum pdf_op_kind kind);
/* Append the beginning (BEGIN) or end of tag TAG (static) with ATTRS (copied). */
void pdf_dl_tag(struct pdf_dl *dl, int begin, const char *tag, const char *attrs);
/* Move every op of FROM to the end of TO, shifted by (DX, DY); FROM is
 * left empty. */
void pdf_dl_move(struct pdf_dl *to, struct pdf_dl *from, double dx, double dy);
/* Free DL's ops and what they own. */
void pdf_dl_free(struct pdf_dl *dl);
/* Free what P holds. */
void pdf_para_free(struct pdf_para *p);

/* ---- the paragraph setter (pdf_para.c) ---- */

/* Break the shaped paragraph SP into lines of FMT's measure: build the
 * boxes, glue and penalties from the glyphs and call lb_break. */
void pdf_para_set(struct pdf_fonts *f, struct pdf_shaped *sp, const struct pdf_parfmt *fmt,
    struct pdf_para *out);
/* Append line L of P as glyph runs to DL with its left edge at X and its
 * baseline at Y: bidi-ordered, justified, with the hyphen drawn at a break;
 * links and note references wrapped in link tags. */
void pdf_para_draw_line(struct pdf_fonts *f, struct pdf_shaped *sp, const struct pdf_parfmt *fmt,
    const struct pdf_para *p, size_t l, struct pdf_dl *dl, double x, double y);
/* The word spaces of line L of P (justified by pdf_para_set), as a
 * multiple of their natural width: 1 for a ragged line. */
double pdf_para_space(const struct pdf_para *p, size_t l);
/* The widest word spaces of P's lines but the last (pdf_para_space), 1
 * when none stretch; *LINE (if not NULL) set to that line. */
double pdf_para_worst(const struct pdf_para *p, size_t *line);
/* Margin kerning: the share of its width by which character C hangs into
 * the left margin (LEFT) or the right one at a justified line's end:
 * hyphens, full stops, commas, colons, quotation marks and dashes, as
 * microtype's default set; 0 for the rest. */
double pdf_para_protrusion(gunichar c, int left);

/* ---- vertical boxes and pages (pdf_page.c) ---- */

struct pdf_vbox {
	double		 h;		/* advance down the page */
	double		 before;	/* space above; dropped at a page top */
	int		 nobreak;	/* no page break after this box */
	int		 newpage;	/* this box starts a new page */
	struct pdf_dl	 dl;		/* ops relative to the box's top left */
	int		*notes;		/* footnotes referenced in this box */
	size_t		 nnotes;
	int		 line;		/* 1-based line of a paragraph, 0 for other boxes */
	int		 plines;	/* lines in that paragraph */
	int		 kind;		/* PDF_VB_… (for keeps and the layout's figures) */
	int		 row;		/* PDF_VB_ROW: the table body row (1-based) ending
					 * here; 0 for header rows and the slices of a
					 * tall row before its last */
	int		 nrows;		/* PDF_VB_ROW: body rows in that table */
	struct pdf_thead *thead;	/* a table's header rows, repeated above
					 * this row at a page's top (a reference) */
	const struct block *src;	/* the block its first word is in (the
					 * EPUB's page list), or NULL */
	size_t		 src_off;	/* that word's offset (struct page_start) */
};

/* A table's header rows, shared by its body rows: drawn again, untagged,
 * at the top of each page the table continues on. */
struct pdf_thead {
	int		 refs;
	double		 h;
	struct pdf_dl	 dl;
};

/* What a vertical box holds, where pagination cares. */
enum { PDF_VB_OTHER, PDF_VB_HEAD, PDF_VB_FIGURE, PDF_VB_CAPTION, PDF_VB_ROW,
    PDF_VB_TABLE };	/* PDF_VB_TABLE: a table's top rule */

struct pdf_vlist {
	struct pdf_vbox	*v;
	size_t		 n, cap;
	size_t		 pushed;	/* boxes ever pushed (placed ones are gone) */
};

/* Append a zeroed box to VL; return it (valid until the next push). */
struct pdf_vbox *pdf_vlist_push(struct pdf_vlist *vl);
/* Free VL's boxes and what they own. */
void pdf_vlist_free(struct pdf_vlist *vl);
/* Append copies of DL's drawing ops (not its tags) to TO, shifted by DY. */
void pdf_dl_copy_untagged(struct pdf_dl *to, const struct pdf_dl *dl, double dy);
/* Drop a reference to TH; free it with the last. */
void pdf_thead_unref(struct pdf_thead *th);

struct pdf_drawer;

/* A finished page handed to the drawer. */
struct pdf_page {
	struct pdf_dl	 dl;		/* absolute page coordinates */
	int		 opener;	/* no running head */
	int		 folio;		/* no folio when 0 */
	int		 roman;		/* folio in roman numerals */
	double		 note_top;	/* where the footnotes start, or 0 */
	const struct block *start;	/* where its first word is in the model */
	size_t		 start_off;	/* (the first box drawn with a src), or NULL */
};

struct pdf_pager {
	double		 body_h;	/* height of the text block */
	double		 note_gap;	/* space above the footnote rule */
	struct pdf_drawer *dr;
	int		(*emit)(struct pdf_pager *pg, struct pdf_page *page, void *arg);
	void		*arg;
	int		 pages;		/* pages emitted */
	int		 widows;	/* page breaks leaving one line of a paragraph */
	int		 breaks;	/* page breaks inside paragraphs */
	unsigned char	*placed;	/* footnotes already on a page */
	size_t		 nplaced;
	int		 first;		/* the next page is an opener */
	int		 naive;		/* ignore keeps, never split notes (tests) */
	/* footnotes continued from one page to the next */
	size_t		*next;		/* next box of each note to place */
	int		*carry;		/* notes continued on the next page, in order */
	size_t		 ncarry;
	/* per note, the first note it is a copy of (a URL's notes: one per
	 * link, each page showing one of them), or NULL: each note its own
	 * (borrowed from the composer) */
	const int	*twin;
	/* the layout's own figures (MKBOOK_LAYOUT_STATS) */
	int		 overflows;	/* pages with anything below the text block */
	double		 max_bottom;	/* lowest point reached, from the block's top */
	int		 notes_placed;	/* notes begun */
	int		 notes_late;	/* notes begun after their reference's page */
	int		 notes_split;	/* notes continued on a next page */
	int		 notes_gaps;	/* continued notes skipping a page */
	int		 heads_stranded; /* headings without two lines after them */
	int		 figs_split;	/* figures parted from their captions */
	int		 theads;	/* table headers drawn again on a new page */
	int		 rows_stranded;	/* breaks in a table leaving fewer than two
					 * body rows on a side */
	int		 heads_tables;	/* headings parted from a table's header
					 * and first two body rows */
};

/* Start an article's pages: NNOTES footnotes, none placed yet;
 * FIRST_OPENER: its first page is an opener. */
void pdf_pager_start(struct pdf_pager *pg, size_t nnotes, int first_opener);
/* Put the boxes of VL onto pages, with footnote boxes NOTES[i] placed at
 * the foot of the page whose body references note i, calling PG->emit for
 * each page and removing the boxes placed from VL. Unless FINAL, only full
 * pages are made and the rest of VL waits for more boxes. Return 0, or -1
 * with the error set. */
int pdf_paginate(struct pdf_pager *pg, struct pdf_vlist *vl, struct pdf_vlist *notes,
    size_t nnotes, int final);
/* Release what pdf_pager_start allocated. */
void pdf_pager_finish(struct pdf_pager *pg);

/* ---- drawing (pdf_draw.c) ---- */

struct pdf_drawer {
	cairo_surface_t	*surf;
	cairo_t		*cr;
	double		 page_w, page_h;
	int		 page;		/* pages drawn, cairo's numbering */
	int		 outline[8];	/* current outline ids by level */
};

/* Open a PDF surface at PATH. Return 0, or -1 with the error set. */
int pdf_draw_open(struct pdf_drawer *dr, const char *path, double w, double h);
/* Draw DL on the current page. Return 0, or -1 with the error set. */
int pdf_draw_dl(struct pdf_drawer *dr, const struct pdf_dl *dl, double dx, double dy);
/* Finish the current page. */
int pdf_draw_page_end(struct pdf_drawer *dr);
/* Set the document metadata (each may be NULL). */
void pdf_draw_meta(struct pdf_drawer *dr, const struct book *b);
/* Finish the document, then give each Figure structure element drawn with
 * an image its alternative text (/Alt: the image's alt text, else its
 * caption), each Span its /Lang and each table cell spanning columns or
 * rows its ColSpan and RowSpan, which cairo 1.16 cannot write, by
 * incremental updates.
 * Return 0, or -1 with the error set. */
int pdf_draw_close(struct pdf_drawer *dr, const char *path);

/* ---- append-only updates of the finished file (pdf_update.c) ---- */

/* Give the /Figure structure elements of the finished PDF at PATH the
 * alternative texts ALT[0..NALT) (NULL: none), the i-th element in the
 * order cairo made them the i-th text, by an incremental update. Return 0,
 * or -1 with the error set. */
int pdf_update_alts(const char *path, char *const *alt, size_t nalt);
/* Give the /Span structure elements of the finished PDF at PATH the
 * languages LANG[0..NLANG) (BCP 47) as /Lang, the i-th element in the
 * order cairo made them the i-th, by an incremental update. Return 0, or
 * -1 with the error set. */
int pdf_update_langs(const char *path, char *const *lang, size_t nlang);
/* Give the /TD and /TH structure elements of the finished PDF at PATH
 * the spans SPAN[0..NSPAN) ("/ColSpan 2 /RowSpan 3"; NULL: none) as Table
 * attributes (/A), the i-th cell in the order cairo made them the i-th, by
 * an incremental update. Return 0, or -1 with the error set. */
int pdf_update_cells(const char *path, char *const *span, size_t nspan);
/* Post-process the finished PDF at PATH by an incremental update: move the
 * pages [FROM, FROM+N) to position AT, add page labels (the first NCOVER
 * pages labelled COVER without a number, roman numerals up to page NFRONT,
 * arabic from 1 after), the document's language LANG, viewer preferences,
 * and mend cairo's dates. Return 0 or -1. */
int pdf_update_fixup(const char *path, int from, int n, int at, int nfront, const char *lang,
    int ncover, const char *cover);
/* The sRGB profile of icc-profiles-free, for the output intent. */
#define PDF_SRGB_ICC "/usr/share/color/icc/sRGB.icc"
/* What goes to the print shop: the trim W x H (pt), the bleed around it,
 * the slug beyond the bleed where the crop marks go, and the ICC profile. */
struct pdf_print {
	double		 w, h, bleed, slug;
	int		 marks;		/* draw trim marks in the slug */
	const char	*icc;		/* sRGB profile file, or NULL */
};
/* Give every page of the finished PDF at PATH the boxes of PP (MediaBox
 * trim + bleed + slug around the origin, BleedBox, TrimBox), the crop
 * marks when asked, each /Art element its article's /Lang, and the
 * catalog B's XMP metadata and an sRGB output
 * intent, by an incremental update. Return 0, or -1 with the error set. */
int pdf_update_print(const char *path, const struct book *b, const struct pdf_print *pp);

#endif
