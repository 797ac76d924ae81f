/* What the command line asked for, passed to the builder and the writers. */
#ifndef MKBOOK_OPTIONS_H
#define MKBOOK_OPTIONS_H

struct page_list;

struct options {
	const char	*title;		/* --title: overrides book.yaml */
	const char	*author;	/* --author */
	const char	*lang;		/* --lang: the book's language */
	const char	*theme;		/* --theme DIR: overrides book.yaml */
	const char	*paper;		/* --paper: a4, letter, a5, or WxH with units */
	const char	*bleed;		/* --bleed LEN: the PDF's bleed; NULL: the theme's */
	int		 crop_marks;	/* --crop-marks: trim and bleed marks in a slug around
					 * the bleed */
	int		 no_cover;	/* --no-cover: the PDF starts with its title page */
	const char	*cover_pdf;	/* --cover-pdf FILE: the wrap cover's target */
	const char	*cover_tmp;	/* the file the PDF writer writes the wrap cover to
					 * (main.c's temporary for cover_pdf), or NULL */
	const char	*thickness;	/* --paper-thickness: a sheet's, or pages an inch;
					 * NULL: 0.1 mm */
	const char	*links;		/* --links: footnotes, after or none; NULL: the theme's */
	const char	*datadir;	/* templates/ and fonts/ (datadir_find); NULL: look */
	int		 quiet;		/* -q: no progress, no warnings */
	int		 progress;	/* stderr is a terminal and not quiet */
	/* The web (src/read/web.c, src/net/fetch.c). */
	const char	*urls;		/* --urls FILE: one URL a line */
	const char	*cache;		/* --cache DIR: what was fetched, for offline reruns */
	const char	*since;		/* --since YYYY-MM-DD: feed items from that day on */
	long		 max_items;	/* --max N: the first N items of each feed; 0: all */
	long		 timeout_ms;	/* --timeout SECONDS per resource; 0: the default */
	long		 max_bytes;	/* --max-size MB per resource; 0: the default */
	int		 max_redirects;	/* --max-redirects N; -1: the default */
	int		 offline;	/* --offline: never fetch */
	int		 allow_private;	/* --allow-private: loopback and private addresses too */
	int		 feed_oldest;	/* feed items oldest first (default: newest first) */
	int		 strict;	/* --strict: an unusable image or a failed fetch stops the book */
	int		 image_quality;	/* --image-quality: JPEG quality 1..100 of re-encoded
					 * pictures; 0: the default (85) */
	int		 jobs;		/* -j N, MKBOOK_JOBS: threads laying out the PDF;
					 * 0: one per core */
	struct page_list *pages;	/* both books in one run: the PDF writer records
					 * where its pages begin, the EPUB writer gives
					 * them as its page list; NULL: no page list */
};

#endif
