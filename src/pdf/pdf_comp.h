/* The PDF composer's state and the parts it is laid out in, private to
 * src/pdf/pdf.c (the driver and page furniture) and the files named for
 * what they lay out: pdf_cover.c, pdf_text.c, pdf_block.c, pdf_figure.c,
 * pdf_table.c, pdf_notes.c, pdf_opener.c and pdf_front.c. */
#ifndef MKBOOK_PDF_COMP_H
#define MKBOOK_PDF_COMP_H

#include <stddef.h>

#include "options.h"
#include "model/model.h"
#include "model/theme.h"
#include "pdf_int.h"

/* An article's headline, in body sizes: a step of about 1.7 on the
 * classical scale (18 pt over 10.5 pt), bold. Larger type would need a
 * word space tighter than display setting allows to keep the gaps of a
 * two-line headline in proportion to the text's. */
#define HEADLINE_SCALE	1.75

/* The least text block a book is set in: lines of body text, and a
 * measure in body sizes (two characters a size, about). */
#define MIN_LINES	8
#define MIN_MEASURE	12.0

/* Images are drawn at no fewer pixels an inch than this. */
#define MIN_PPI		150.0

/* A link whose URL is set as a footnote (links: footnotes): the link, its
 * note, and the mark its URL's notes show (a, b, … per article). */
struct pdf_urlref {
	const struct inl	*in;		/* borrowed from the article */
	size_t			 note;		/* index into P->notes */
	char			 label[8];
};

/* The composer's state for one book (pdf_write). */
struct pdf {
	const struct book	*book;
	const struct options	*opt;
	const struct theme	*th;
	struct pdf_fonts	 fonts;
	struct pdf_drawer	 dr;
	struct pdf_pager	 pg;
	double			 W, H;		/* text block */
	double			 size, lead;
	double			 grey[3];
	int			 folio;		/* next arabic folio */
	int			 page_open;	/* a drawn page awaits show_page */
	size_t			 ai;		/* current article */
	const struct article	*art;
	int			*art_folio;	/* folio of each article's opener */
	/* the current article's footnotes and their destinations */
	struct pdf_vlist	*notes;
	char		       **note_dest;
	size_t			 nnotes;	/* the article's notes, then a note per
						 * link set as a URL note */
	struct pdf_urlref	*urls;		/* those links, by address */
	size_t			 nurls;
	int			*twin;		/* per note, the first of its URL's */
	/* running heads, shaped once */
	struct pdf_shaped	 head_sp[2];	/* 0 verso (book), 1 recto (article) */
	struct pdf_para		 head_pa[2];
	struct pdf_parfmt	 head_fmt;
	int			 heads_ok[2];
	int			 first_para;	/* no indent on the next paragraph */
	double			 fig_room;	/* > 0: a figure's picture is at most this tall */
	struct pdf_vlist	*main;		/* the article's boxes, paginated as they come */
	int			 failed;	/* drawing failed: the error is set */
	size_t			 notes_total;	/* footnotes in the book */
	int			 stats;		/* MKBOOK_LAYOUT_STATS is set */
	struct buf		 pstats;	/* its per-paragraph figures (JSON objects) */
	int			 in_refs;	/* the blocks follow a References heading */
	int			 placed;	/* the pages' ops are at their place on the
						 * page already (a worker put them there) */
};

/* How a paragraph is set into boxes (pdf_set_para): where, in what lead,
 * tagged and kept how. */
struct setopts {
	double		 x;		/* left edge inside the text block */
	double		 lead;		/* line height */
	double		 size;
	double		 before;	/* space above the first line */
	const char	*tag;		/* structure tag around the paragraph */
	const char	*dest;		/* a destination around the first line */
	int		 keep;		/* keep with what follows */
	int		 outline;	/* outline level (0: none) */
	struct pdf_dl	*first;		/* ops to put before the first line */
	int		 no_open;	/* the tag was opened by an earlier part */
	int		 no_close;	/* a later part closes the tag */
	int		 kind;		/* PDF_VB_… of the lines */
	int		 setting;	/* 0: body text; else 1 + the theme's
					 * setting (enum theme_set) for a note or
					 * a reference list's entry */
	int		 note;		/* a footnote's paragraph */
	const struct block *src;	/* the block set (its lines' src), or NULL */
	size_t		 src_base;	/* a plain string's offset in it */
};

/* The layout context of a block: its left edge and width. */
struct frame {
	double	 x, w;
	int	 depth;		/* list nesting */
	int	 inquote;
	int	 refs;		/* inside a reference list */
};

/* ---- pdf_jobs.c: parallel typesetting ---- */

/* How many threads lay out the articles: OPT's -j, else 1 when OPT is NULL,
 * else the number of cores. */
int pdf_jobs_count(const struct options *opt);
/* What the drawing thread does that pdf.c owns (the page furniture). */
struct pdf_jobs_hooks {
	/* the pager's emit: draw PAGE with its running head and folio (ARG is
	 * the struct pdf); 0, or -1 with the error set */
	int	(*emit)(struct pdf_pager *pg, struct pdf_page *page, void *arg);
	/* move the rule over PAGE's notes to the right (a right-to-left article) */
	void	(*mirror)(struct pdf *P, struct pdf_page *page);
	/* prepare running head H (0 verso, 1 recto) from TEXT */
	void	(*head)(struct pdf *P, int h, const char *text, const char *lang, int rtl);
};
/* Lay out, paginate and draw the book's articles from folio P->folio on
 * with N worker threads laying out and this one drawing with H, in order:
 * the pages -j 1 draws. Return 0, or -1 with the error set. */
int pdf_jobs_body(struct pdf *P, int n, const struct pdf_jobs_hooks *h);

/* ---- pdf_text.c ---- */

/* When the article's boxes pile up, put the full pages among them on paper
 * (a long article never sits whole in memory). */
void pdf_flush(struct pdf *P, struct pdf_vlist *vl);
/* Append TEXT with newlines as spaces. */
void pdf_add_text(struct pdf_shaped *sp, const char *text, const struct pdf_style *st);
/* The default style at SIZE in ROLE/STYLE. */
struct pdf_style pdf_text_style(struct pdf *P, int role, int sty, double size, const double *rgb);
/* Where the baseline sits in a line box of height LEAD for text of SIZE. */
double pdf_baseline(double lead, double size);
/* Shape SP, break it into lines of FMT and append a box per line to VL.
 * Return the number of lines. */
size_t pdf_set_para(struct pdf *P, struct pdf_vlist *vl, struct pdf_shaped *sp,
    const struct pdf_parfmt *fmt, const struct setopts *so);
/* pdf_set_para for SP, in parts when it is huge. Return the number of lines. */
size_t pdf_set_para_parts(struct pdf *P, struct pdf_vlist *vl, struct pdf_shaped *sp,
    const struct pdf_parfmt *fmt, const struct setopts *so);
/* Set inlines IN[0..N) as one paragraph. */
void pdf_set_inlines(struct pdf *P, struct pdf_vlist *vl, const struct inl *in, size_t n,
    struct pdf_style st, const struct pdf_parfmt *fmt, const struct setopts *so);
/* Set the plain string TEXT as one paragraph. */
void pdf_set_string(struct pdf *P, struct pdf_vlist *vl, const char *text, struct pdf_style st,
    const struct pdf_parfmt *fmt, const struct setopts *so, int rtl);
/* A space-only box of height H. */
void pdf_space(struct pdf_vlist *vl, double h, int nobreak);
/* Width of TEXT in STYLE on one line (natural). */
double pdf_text_width(struct pdf *P, const char *text, struct pdf_style st);
/* Set a one-line label (a list marker) right-aligned to end at X into DL
 * with its baseline at Y. */
void pdf_set_label(struct pdf *P, struct pdf_dl *dl, const char *text, struct pdf_style st,
    double x, double y);
/* Set a one-line mark (a list marker, a note's number) that hangs before
 * its text into DL with its baseline at Y: ending at X, or, right to left
 * (RTL), read right to left and starting at X, at the right of its text. */
void pdf_set_mark(struct pdf *P, struct pdf_dl *dl, const char *text, struct pdf_style st,
    double x, double y, int rtl);
/* Return 1 when the current article runs right to left. */
int pdf_art_rtl(const struct pdf *P);
/* What the PDF shows of the URL of link IN (its words appended to SP
 * already in style ST, which links to the URL), by the theme's links:
 * the mark of its URL note, the URL in brackets after it (also for a link
 * inside a footnote, where no note can hang), or nothing; nothing either
 * for a link whose words are its URL. */
void pdf_add_url(struct pdf *P, struct pdf_shaped *sp, const struct inl *in, struct pdf_style st);
/* The URL a safe link HREF shows on paper: without the blanks before it,
 * and an e-mail address without "mailto:". Borrowed from HREF. */
const char *pdf_url_shown(const char *href);
/* S without a scheme ("https://", "mailto:") and "www." before it, into
 * OUT, lower case, without a '/' at its end: URLs the same for a reader. */
void pdf_url_key(const char *s, struct buf *out);
/* 1 when the words of link IN are its URL ("example.org/a" for
 * https://www.example.org/a/): it needs no note. */
int pdf_link_is_url(const struct inl *in);
/* Order two struct pdf_urlref by their links' addresses, for qsort. */
int pdf_urlref_cmp(const void *a, const void *b);

/* ---- pdf_block.c ---- */

/* Blocks B[0..N) into VL; MARKER goes before the first. */
void pdf_set_blocks(struct pdf *P, struct pdf_vlist *vl, const struct block *b, size_t n,
    struct frame fr, struct pdf_dl *marker);

/* ---- pdf_figure.c ---- */

/* A figure: the image scaled to the width (at most 60% of the page's
 * height), then caption and credit. */
void pdf_set_figure(struct pdf *P, struct pdf_vlist *vl, const struct image *im, struct frame fr,
    double before);

/* ---- pdf_table.c ---- */

/* A table: columns sized by their content, header row in bold, rules
 * above and below the header and under the table; each row one box. */
void pdf_set_table(struct pdf *P, struct pdf_vlist *vl, const struct block *t, struct frame fr);

/* ---- pdf_notes.c ---- */

/* Lay out article A's footnotes into P->notes. */
void pdf_set_notes(struct pdf *P, const struct article *a);
/* Free the current article's footnote boxes and destinations. */
void pdf_free_notes(struct pdf *P);

/* The height of the footnotes the first paragraph of A refers to (laid
 * out already in P->notes), with the gap above them: they share the
 * opener's page with its first lines. */
double pdf_first_notes(struct pdf *P, const struct article *a);

/* ---- pdf_opener.c ---- */

/* The opener: kicker, headline, standfirst, byline and role, date, lead
 * figure with caption and credit. */
void pdf_set_opener(struct pdf *P, struct pdf_vlist *vl, const struct article *a);

/* ---- pdf_cover.c ---- */
/* The bleed the print update gives the pages (pt): the theme's or
 * --bleed's, 3 mm when --crop-marks asks for marks without one. */
double pdf_bleed(const struct pdf *P);
/* Draw the front cover as the next page (book.yaml's cover picture, or
 * the generated cover), a Figure with the title and authors as its /Alt,
 * run out into the bleed; the blank page after it, the inside of the
 * cover, is left open for the title page to end. Return 0, or -1 with the
 * error set. */
int pdf_cover_page(struct pdf *P);
/* Write to PATH the print-on-demand wrap cover of P's book, whose book
 * block has PAGES pages: back (the description), spine (its width from
 * PAGES and --paper-thickness, 0.1 mm a sheet by default; the title and
 * authors along it when it is COVER_SPINE_TEXT_MM wide) and front (as
 * the first page) on one sheet, the ground or picture out into the bleed,
 * its TrimBox the whole wrap. Return 0, or -1 with the error set. */
int pdf_cover_wrap(struct pdf *P, int pages, const char *path);
/* ---- pdf_front.c ---- */

/* Roman numerals, lower case, into OUT. */
void pdf_roman(int n, char *out, size_t len);
/* Left margin of the current page (recto: the inside margin). */
double pdf_left_margin(struct pdf *P, int recto);
/* The title page: title, subtitle, authors, publisher, date. */
int pdf_title_page(struct pdf *P);
/* The title page's verso: a colophon at the foot of the page (title,
 * authors, publisher, date, identifier, and how the book was set). */
int pdf_colophon(struct pdf *P);
/* The contents, headed in the book's language: an entry per article
 * (headline, then its author in italic), dot leaders to the page number,
 * each entry a link; in a right-to-left book, and for a right-to-left
 * article, the entry is mirrored (headline at the right, the number at the
 * left). Drawn after the body, starting on a recto. Return the number of
 * pages, or -1. */
int pdf_contents(struct pdf *P);

#endif
