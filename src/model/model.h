/*
 * The article model: the contract between the readers and the writers.
 *
 * A book holds articles; an article holds header fields (kicker, headline,
 * standfirst, byline, date, lead figure), a tree of blocks, and its
 * footnotes. Blocks hold inlines. Readers fill it in; writers only read it.
 * Everything a writer needs is resolved here once: language and direction,
 * ISO dates, image types and sizes, source positions.
 *
 * All strings are UTF-8, owned by the structure that holds them, and freed
 * by book_free(). A NULL string means "absent"; readers never store "".
 */
#ifndef MKBOOK_MODEL_H
#define MKBOOK_MODEL_H

#include <stddef.h>

#include "buf.h"

enum inline_type {
	INL_TEXT,	/* text */
	INL_EMPH,	/* kids */
	INL_STRONG,	/* kids */
	INL_STRIKE,	/* kids */
	INL_CODE,	/* text */
	INL_LINK,	/* kids, href */
	INL_BREAK,	/* hard line break */
	INL_NOTEREF,	/* note: index into article.notes; text: the label shown */
	INL_IMAGE,	/* image: a picture inside running text (small: in the line) */
	INL_SUP,	/* kids: superscript */
	INL_SUB,	/* kids: subscript */
	INL_MARK,	/* kids: highlighted */
	INL_SMALL,	/* kids: side comment, small print */
	INL_Q,		/* kids: a quotation; writers add the language's marks */
	INL_ABBR,	/* kids; title: the expansion, when given */
	INL_KBD,	/* kids: keys or input typed by the user */
	INL_SPAN,	/* kids in another language; lang: its BCP 47 tag */
};

struct inl {
	enum inline_type type;
	char		*text;
	char		*href;		/* INL_LINK: the URL as written (writers check schemes) */
	size_t		 note;		/* INL_NOTEREF: 0-based index into article->notes */
	struct inl	*kids;
	size_t		 nkids;
	struct image	*image;		/* INL_IMAGE */
	char		*title;		/* INL_ABBR: the expansion ("World Health Organization") */
	char		*lang;		/* INL_SPAN: BCP 47, canonical case ("fr", "de-CH") */
};

enum block_type {
	BLK_PARAGRAPH,	/* inl */
	BLK_HEADING,	/* inl, level 2..6 (level 1 is the article's headline) */
	BLK_QUOTE,	/* kids: blocks */
	BLK_LIST,	/* kids: BLK_ITEM; ordered, start */
	BLK_ITEM,	/* kids: blocks (a tight item holds one paragraph) */
	BLK_TABLE,	/* kids: BLK_ROW */
	BLK_ROW,	/* kids: BLK_CELL; header */
	BLK_CELL,	/* inl; header, align */
	BLK_CODE,	/* text: the literal; info: the fence's info string */
	BLK_FIGURE,	/* image (src, alt, caption, credit); caption may come without src */
	BLK_RULE,	/* a thematic break */
};

enum align { ALIGN_NONE, ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT };

enum image_type { IMG_NONE, IMG_JPEG, IMG_PNG, IMG_GIF, IMG_WEBP, IMG_TIFF, IMG_BMP, IMG_SVG };

/* An image and its words. src is as written in the input; path is where the
 * file is on disk (resolved against the article's directory and checked to
 * stay inside it), NULL when the figure is only a caption. */
struct image {
	char		*src;
	char		*path;
	char		*alt;
	char		*caption;	/* without the credit */
	char		*credit;	/* "Photograph: Mark Schiefelbein/AP" */
	enum image_type	 type;		/* from the file's bytes, not its name */
	int		 width, height;	/* pixels, from the file's header, as shown (after
					 * the orientation) */
	int		 line;		/* where the input names the image; 0: unknown */
	unsigned char	*data;		/* the bytes, when they came from a data: URI or an
					 * MHTML part rather than a file (path NULL) */
	size_t		 len;
	int		 orientation;	/* EXIF 1..8 (1: as stored) */
	int		 as_is;		/* 1: a JPEG or PNG, upright, sRGB: its bytes can go
					 * into a book unchanged */
	size_t		 bytes;		/* the file's size (or len) */
};

struct srcpos {
	const char	*file;		/* borrowed from article->source */
	int		 line;		/* 1-based; 0 when unknown */
};

struct block {
	enum block_type	 type;
	struct srcpos	 src;
	int		 level;		/* HEADING */
	int		 ordered;	/* LIST */
	int		 start;		/* LIST: first number when ordered */
	int		 header;	/* ROW, CELL: a header row or cell */
	enum align	 align;		/* CELL */
	char		*text;		/* CODE */
	char		*info;		/* CODE */
	struct image	*image;		/* FIGURE */
	struct inl	*inl;
	size_t		 ninl;
	struct block	*kids;
	size_t		 nkids;
	int		 colspan, rowspan;	/* CELL: columns and rows it spans (0 or 1: one) */
};

struct footnote {
	char		*label;		/* as written: "1", "note" */
	struct block	*blocks;
	size_t		 nblocks;
	int		 referenced;	/* set when some INL_NOTEREF points here */
};

enum direction { DIR_LTR, DIR_RTL };

/* Why a reader took a header field: the rule and the input line. */
struct why {
	char		*field;		/* "authors", "date", "kicker" … */
	char		*rule;		/* "byline 'By …'", "date line" … */
	int		 line;		/* 1-based; 0 when unknown */
};

struct article {
	char		*source;	/* the input file's path as given */
	char		*id;		/* unique in the book: "a01", "a02", … */
	char		*kicker;	/* "Exclusive" */
	char		*headline;
	char		*standfirst;	/* without the kicker */
	char	       **authors;
	size_t		 nauthors;
	char		*role;		/* "Diplomatic Editor" */
	char		*date;		/* ISO 8601: "2023-02-08" */
	char		*date_text;	/* as written: "February 8, 2023" */
	char		*lang;		/* BCP 47: "en", "ar", "zh" */
	enum direction	 dir;
	int		 dir_given;	/* 1 when the input said ltr or rtl */
	int		 lang_detected;	/* 1 when lang came from the text */
	struct image	*image;		/* the lead figure, or NULL */
	char		*url;		/* front matter "source": where it was published */
	char	       **tags;
	size_t		 ntags;
	int		 line;		/* line of the headline in source */
	struct block	*blocks;
	size_t		 nblocks;
	struct footnote	*notes;
	size_t		 nnotes;
	char		*dateline;	/* "Vienna" from "Jane Doe in Vienna" (plain-text reader) */
	char		*date_modified;	/* ISO 8601 of the updated date */
	char		*date_modified_text;	/* as written */
	char		*site;		/* site name ("Le Monde") */
	char	       **author_roles;	/* per author (nauthors entries, each NULL or "photography"), or NULL */
	int		 draft;		/* front matter "draft: true": the builder leaves it out */
	struct why	*why;		/* where each header field came from (--dump-model) */
	size_t		 nwhy;
};

struct book {
	char		*title;
	char		*subtitle;
	char	       **authors;
	size_t		 nauthors;
	char		*publisher;
	char		*lang;		/* BCP 47, never from the locale */
	char		*identifier;	/* "urn:uuid:…"; NULL: writers derive one from content */
	char		*date;		/* ISO 8601 */
	char		*description;
	char		*cover;		/* path to a cover image on disk, or NULL */
	unsigned char	*cover_data;	/* or the cover's bytes (JPEG or PNG: a feed's image) */
	size_t		 cover_len;
	char		*cover_url;	/* where cover_data was fetched from */
	int		 feed_oldest;	/* book.yaml feed-order: oldest-first */
	char		*theme;		/* theme directory, or NULL for the default */
	char		*basedir;	/* the content directory, or NULL */
	int		 plain_punct;	/* book.yaml smart-quotes: false; typed quotes kept */
	char	       **tags;
	size_t		 ntags;
	struct article **articles;
	size_t		 narticles;
};

/* Where a page of the print edition begins, for the EPUB's page list:
 * the PDF writer records one as it finishes each page of an article, the
 * EPUB writer puts a page-break marker there. BLOCK is the block the
 * page's first word is in (a paragraph, heading, table cell, code block or
 * footnote paragraph: OFFSET is that word's byte offset in the text
 * inl_text() gives of its inlines, or in a code block's text; a figure,
 * rule, list or table: before it), NULL for the article's beginning. */
struct page_start {
	size_t		 article;	/* index into book->articles */
	const struct block *block;	/* borrowed from the book */
	size_t		 offset;
	char		 label[16];	/* the page's label in the PDF: "12" */
};

/* The page starts of a print edition, in page order. */
struct page_list {
	struct page_start *v;
	size_t		 n, cap;
};

/* Append a page start to PL (LABEL copied, cut to fit). */
void page_list_add(struct page_list *pl, size_t article, const struct block *b, size_t offset,
    const char *label);
/* Free what PL holds (not PL) and empty it. */
void page_list_free(struct page_list *pl);

/* Constructors: zeroed. The _push functions append to a growable array and
 * return the new element, which stays valid only until the next push. */
struct article *article_new(const char *source);
struct block *block_push(struct block **arr, size_t *n, enum block_type type);
struct inl *inl_push(struct inl **arr, size_t *n, enum inline_type type);
void strv_push(char ***v, size_t *n, const char *s);	/* copies s */
/* Record in A why FIELD was taken (RULE, a copy, at LINE). */
void article_why(struct article *a, const char *field, const char *rule, int line);
/* The book's subjects, for both writers' metadata: its tags, then its
 * articles' tags, each once, as a fresh list of *N fresh strings. */
char **book_subjects(const struct book *b, size_t *n);
/* The book's identifier, fresh: book.yaml's, else a urn:uuid derived from
 * what names the book -- its title, subtitle and authors and the file names
 * of its articles in order -- so a corrected edition keeps its identity
 * (and an e-reader the reader's place) while a new title or a new list of
 * articles makes a new book. */
char *book_identifier(const struct book *b);

void image_free(struct image *im);
void block_free(struct block *b);	/* frees what B holds, not B itself */
void inl_free(struct inl *in);		/* frees what IN holds */
void article_free(struct article *a);
void book_free(struct book *b);

/* Plain text of inlines and blocks, appended to OUT: what a reader would
 * read, with footnote labels and no markup. Blocks are separated by "\n". */
void inl_text(struct buf *out, const struct inl *in, size_t n);
void block_text(struct buf *out, const struct block *b);

const char *block_type_name(enum block_type t);

/* Print the model as JSON (the --dump-model format) to OUT. */
void model_json(struct buf *out, const struct book *book);

#endif
