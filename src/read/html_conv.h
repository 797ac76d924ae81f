/*
 * The one HTML-to-model converter, over gumbo's tree. The HTML reader gives
 * it the article's nodes; the Markdown reader gives it its raw HTML.
 *
 * It is safe by construction: it copies no attribute but the few it
 * understands (href, src, srcset, alt, title, start, colspan, rowspan), so
 * event handlers and style never reach a book; scripts, styles, frames,
 * objects, embeds, media, form controls and the like are left out with a
 * warning naming FILE:LINE (one line per kind, with the count); links keep
 * only http, https and mailto targets (relative ones resolved against the
 * base URL), everything else keeps just its text. Elements it does not
 * know give their text.
 *
 * Use: html_conv_init, optionally set base / lineoff / skip, then
 * html_conv_prepare on the subtree that holds the notes (the article or the
 * whole document), then html_conv_blocks or html_conv_inlines on the nodes
 * to convert, then html_conv_finish.
 */
#ifndef MKBOOK_HTML_CONV_H
#define MKBOOK_HTML_CONV_H

#include <stddef.h>

#include <gumbo.h>

#include "model/model.h"

/* Kinds of things the converter leaves out, counted for the warnings. */
enum html_drop {
	HTML_DROP_SCRIPT,	/* script, noscript text, template */
	HTML_DROP_STYLE,	/* style, link, meta */
	HTML_DROP_FRAME,	/* iframe, frame, frameset, object, embed, applet */
	HTML_DROP_MEDIA,	/* video, audio, canvas, svg, map */
	HTML_DROP_FORM,		/* input, button, select, textarea … */
	HTML_DROP_LINK,		/* javascript:, vbscript:, data:, file: … links (text kept) */
	HTML_DROP_REMOTE,	/* remote images (alt and caption kept) */
	HTML_DROP_DEEP,		/* nesting too deep to keep the structure (text kept) */
	HTML_DROP_OTHER,	/* anything else left out */
	HTML_DROP_N
};

struct html_notes;

/* The resources of an MHTML file: the page's pictures are its parts,
 * never files or the network. FIND returns the bytes (borrowed) of the
 * part URL names (an absolute URL, as the part's Content-Location, or
 * "cid:ID"), or NULL when the file has no such part. */
struct html_parts {
	const char	*url;		/* the page part's Content-Location, or NULL */
	const unsigned char *(*find)(void *ctx, const char *url, size_t *len);
	void		*ctx;
};

struct html_conv {
	const char	*path;		/* the input file, for messages */
	int		 lineoff;	/* added to gumbo's 1-based lines (a .md's fragment) */
	const char	*base;		/* absolute http(s) URL links resolve against, or NULL */
	struct article	*a;		/* blocks' source file; notes are appended here */
	/* When set, nodes for which SKIP returns 1 are left out (boilerplate
	 * the extractor found); the converter says nothing about them. */
	int		(*skip)(const GumboNode *n, void *user);
	void		*user;
	int		 md_notes;	/* Markdown: links to "mkbook-note:K", K below this, are
					 * references to note K (read later) */
	/* A fetched page: an http(s), protocol-relative or (with a base)
	 * relative picture source is resolved against the base and kept as an
	 * absolute URL in image->src (the caller fetches it), no warning. */
	int		 remote_images;
	/* An MHTML page: a picture's source is the first of its candidates
	 * (the chosen one first) that is one of these parts, resolved against
	 * the base; cid: sources count. Kept even when no part holds it, for
	 * the reader to name in a warning. */
	const struct html_parts *parts;
	/* private */
	struct html_notes *notes;
	int		 hshift;	/* heading levels are shifted down by this */
	int		 depth;
	int		 in_note;	/* converting a note's content */
	const char	*inl_lang;	/* the language of the INL_SPAN being filled (an
					 * attribute of the page), NULL: the article's */
	size_t		 ndrop[HTML_DROP_N];
	int		 dropline[HTML_DROP_N];
	char		*dropname[HTML_DROP_N];
};

/* Set up C for the article A read from PATH (both borrowed). */
void html_conv_init(struct html_conv *c, const char *path, struct article *a);

/* Look through ROOT for the page's footnotes and endnotes (Wikipedia's
 * references list, doc-endnotes / doc-footnote roles, Markdown generators'
 * "footnotes" sections), convert them into C->a's notes, and remember them
 * so that links to them become note references and their lists are not
 * converted again as body text. Also sets the heading shift (an h1 in the
 * body makes every heading one level lower). */
void html_conv_prepare(struct html_conv *c, const GumboNode *root);

/* Append the children of PARENT as blocks to *ARR / *N. */
void html_conv_blocks(struct html_conv *c, const GumboNode *parent, struct block **arr, size_t *n);

/* Append NODE itself (an element or text) as blocks to *ARR / *N. */
void html_conv_node(struct html_conv *c, const GumboNode *node, struct block **arr, size_t *n);

/* Append the children of PARENT as inlines to *ARR / *N (block elements
 * inside give their inlines, separated by line breaks), with white space
 * collapsed as a browser does. */
void html_conv_inlines(struct html_conv *c, const GumboNode *parent, struct inl **arr, size_t *n);

/* Emit the warnings for what was left out (one per kind) and free C's
 * state (not the article). */
void html_conv_finish(struct html_conv *c);

/* Resolve the URL REF against BASE (absolute; may be NULL). Return a fresh
 * absolute http, https or mailto URL, or NULL when REF is anything else
 * (javascript:, data:, a relative URL without a base …). */
char *html_url_resolve(const char *base, const char *ref);

/* The best source of image element IMG (an img, or a picture / source):
 * lazy-loading attributes first, then srcset's widest local candidate,
 * then src. Return a fresh string or NULL. */
char *html_img_src(const GumboNode *img);

/* gumbo takes time quadratic in the nesting depth (100,000 nested divs:
 * half a minute). An upper estimate of the element nesting of S[0..N)
 * from its tags alone (void elements aside, unclosed ones counted open),
 * in one pass, for refusing such input before parsing it. */
#define HTML_MAX_NESTING 10000
size_t html_depth_estimate(const char *s, size_t n);

/* The value of attribute NAME of element N, or NULL (borrowed). */
const char *html_attr(const GumboNode *n, const char *name);

/* 1 when element N's class list holds a class containing WORD. */
int html_class_has(const GumboNode *n, const char *word);

#endif
