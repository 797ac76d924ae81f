/* The EPUB writer's private pieces, shared by the files of src/epub/
 * (fontsub.c too). Nothing outside the EPUB writer includes this. */
#ifndef MKBOOK_EPUB_INT_H
#define MKBOOK_EPUB_INT_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "buf.h"
#include "model/model.h"
#include "options.h"
#include "model/words.h"

struct theme;

/* Split an article's XHTML at a heading once a part passes this size. */
#define EPUB_SPLIT_BYTES (250 * 1024)

/* One file of the package, in the order it goes into the zip. NAME is the
 * path inside OEBPS/; DATA is owned (malloc'd) until handed to libzip. */
struct epub_item {
	char		*name;		/* "text/a01.xhtml" */
	char		*id;		/* manifest id: "a01" */
	const char	*mime;		/* "application/xhtml+xml" */
	const char	*props;		/* manifest properties, or NULL */
	char		*data;
	size_t		 len;
	int		 spine;		/* 1: in the spine, in item order */
};

/* One entry of the table of contents: an article (level 1) or one of its
 * headings (level 2). HREF is relative to OEBPS/. */
struct epub_toc {
	char		*label;
	char		*href;
	const char	*lang;		/* the article's, when not the book's */
	int		 level;
};

/* An image copied into the book. */
struct epub_image {
	char		*path;		/* on disk, or NULL for bytes of the image's own */
	const unsigned char *data;	/* those bytes (borrowed from the model) */
	char		*name;		/* inside OEBPS: "images/a01-lead.jpg" */
	enum image_type	 type;		/* what the book holds: JPEG or PNG */
	unsigned char	*bytes;		/* what the book holds */
	size_t		 len;
};

/* What e-readers take (Apple Books refuses more than 5.6 megapixels; Kobo
 * and Kindle slow down on pages of several megabytes). */
#define EPUB_IMG_MAX_PIXELS	4000000L
#define EPUB_IMG_MAX_SIDE	3200
#define EPUB_IMG_MAX_BYTES	(2u * 1024 * 1024)
#define EPUB_IMG_QUALITY	85

/* Make image IM (checked by the model) what the book holds, in epub_image.c:
 * its own bytes when it is a JPEG or PNG within the limits above, else
 * decoded and encoded again (JPEG at QUALITY, 0: EPUB_IMG_QUALITY; PNG when
 * it has transparency or is a drawing). *DATA is the caller's. Return 0, or
 * -1 with the error set. */
int epub_image_make(const struct image *im, int quality, unsigned char **data, size_t *len,
    enum image_type *type);

/* The writer's state for one book. */
struct epub {
	const struct book	*book;
	const struct options	*opt;
	const struct theme	*theme;		/* NULL: the built-in defaults */
	const char		*lang;		/* the book's language, never NULL */
	const struct words	*words;	/* in the book's language (words.c) */
	struct epub_item	*items;
	size_t			 nitems, citems;
	struct epub_toc		*toc;
	size_t			 ntoc, ctoc;
	struct epub_image	*images;
	size_t			 nimages, cimages;
	/* What the accessibility metadata may claim. */
	size_t			 nimg;		/* images shown (not the cover) */
	size_t			 nimg_alt;	/* of which have alt text */
	int			 heading_skip;	/* some heading level skips one */
	int			 has_table, has_notes, has_code;
	int			 table_no_th;	/* some table has no header cell */
	char			*css;		/* the stylesheet, with @font-face rules */
	char			*cover_name;	/* "images/cover.png" */
	/* The font families, as a CSS list ("\"mkbook-sym1\", …"), that show
	 * what the body font lacks; NULL when it lacks nothing (epub_fonts). */
	char			*fallbacks;
	int			 img_failed;	/* an image could not be made (error set) */
	size_t			 img_in, img_out; /* bytes of the images as given, in the book */
	/* The print edition's page starts (the PDF made in the same run), or
	 * NULL; the page list's entries, as placed (label and href). */
	const struct page_list	*pages;
	struct epub_toc		*plist;
	size_t			 nplist, cplist;
};

/* epub_pkg.c: the package being built, under every other part. */
/* Add a file to the package; takes ownership of DATA. Return the item. */
struct epub_item *epub_add(struct epub *e, const char *name, const char *id,
    const char *mime, char *data, size_t len, int spine);
/* Add a table of contents entry (copies its strings). */
void epub_toc_add(struct epub *e, const char *label, const char *href, int level);
/* epub_image.c: the name inside OEBPS of the image IM, registered under the name
 * "images/STEM.ext" the first time its file is seen (and made then, see
 * epub_image_make). Borrowed string, or NULL when IM has no file or could
 * not be made (then E->img_failed is set, with the error). */
const char *epub_image_name(struct epub *e, const struct image *im, const char *stem);
/* A safe XML id / file stem from S (letters, digits, '-', '_'; starts with
 * a letter): fresh string. */
char *epub_safe_id(const char *s);
/* Open an XHTML document in B: XML declaration, html with LANG and DIR,
 * head with TITLE and the stylesheet at CSS (relative href). */
void epub_xhtml_open(struct buf *b, const char *lang, int rtl, const char *title,
    const char *css);
/* Close the document epub_xhtml_open began. */
void epub_xhtml_close(struct buf *b);

/* epub_zip.c */
/* Write the zip at PATH: mimetype, container, the package document OPF
 * (taken over), then every item of E in order (their data taken over).
 * Entry times are WHEN, in UTC. Return 0, or -1 with the error set. */
int epub_zip(struct epub *e, const char *path, char *opf, time_t when);

/* epub_xhtml.c */
/* Render article A (the Nth, 0-based) as one or more XHTML files added to
 * E, with its table of contents entries. */
void epub_xhtml_article(struct epub *e, const struct article *a, size_t n);
/* Append an href to B when HREF is http, https or mailto, percent-encoding
 * what a URL may not hold. Return 1 when written, 0 when HREF is refused. */
int epub_href(struct buf *b, const char *href);

/* epub_opf.c */
/* The package document, nav document and NCX for E (every item added).
 * Fresh strings. IDENT is "urn:uuid:…", MODIFIED "CCYY-MM-DDThh:mm:ssZ". */
char *epub_opf_package(const struct epub *e, const char *ident, const char *modified);
char *epub_opf_nav(const struct epub *e);
char *epub_opf_ncx(const struct epub *e, const char *ident);

/* epub_fonts.c */
/* Embed the fonts: find the theme's (or the default) fonts, subset each to
 * the characters the book shows in it, add them to E and return the
 * @font-face rules as a fresh string. Return NULL with the error set. */
char *epub_fonts(struct epub *e);

/* fontsub.c */
/* Subset the font face INDEX of the file PATH to the code points in the
 * bitmap CPS (one bit per code point, FONTSUB_NCP bits). Return 0 and a
 * fresh *OUT of *LEN bytes; *CFF set when the result holds CFF outlines.
 * Return -1 with the error set. */
#define FONTSUB_NCP 0x110000
int fontsub_subset(const char *path, int index, const uint8_t *cps,
    char **out, size_t *len, int *cff);

#endif
