/* YAML metadata (libyaml): article front matter, book.yaml, theme.yaml. */
#ifndef MKBOOK_META_H
#define MKBOOK_META_H

#include <stddef.h>

#include "model/model.h"

/* Apply the front matter YAML (LEN bytes starting at line LINE0 of FILE) to
 * article A: title, subtitle/standfirst, kicker, author (string or list),
 * role, date, lang, dir, image, image-alt, caption, credit, source, tags.
 * Unknown keys warn; values of the wrong type and aliases are errors.
 * Return 0, or -1 with the error set to "FILE:LINE: …". */
int meta_front_matter(struct article *a, const char *file, int line0,
    const char *yaml, size_t len);

/* Read PATH (a book.yaml) into B: title, subtitle, author(s), publisher,
 * lang, identifier, date, description, cover, theme, tags, and the article
 * order ("articles": a list of file names relative to the directory) into
 * *ORDER / *NORDER (fresh strings). Return 0, or -1 with the error set. */
int meta_book(struct book *b, const char *path, char ***order, size_t *norder);

/* What book.yaml says beyond the book's metadata. */
struct meta_order {
	char	**names;	/* "articles": file names in book order */
	int	 *lines;	/* the line of each name in book.yaml */
	size_t	  n;
	int	  empty_title;	/* the line of a "title:" left empty, or 0 */
	int	  theme;	/* the line of "theme:", or 0 */
	struct article **over;	/* per name: what its entry in book.yaml says about the
				 * article (an entry written as a mapping), or NULL */
};

/* meta_book, with the line of every article name and of an empty title
 * in *O (free it with meta_order_free). Return 0, or -1 with the error set
 * (and nothing in *O to free). */
int meta_book_order(struct book *b, const char *path, struct meta_order *o);
void meta_order_free(struct meta_order *o);

#endif
