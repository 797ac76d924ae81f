/* The bottom of the EPUB writer: the package being built (its parts, the
 * contents list, the images' names, safe ids) and the XHTML skeleton every
 * document shares. epub_xhtml.c, epub_opf.c, epub_fonts.c and epub.c call
 * it; it calls none of them. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "epub_int.h"
#include "model/image.h"
#include "util.h"

char *
epub_safe_id(const char *s)
{
	struct buf b = {0};

	if (s == NULL || !isalpha((unsigned char)*s))
		buf_putc(&b, 'x');
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		buf_putc(&b, isalnum(c) || c == '-' || c == '_' ? c : '_');
	}
	return buf_detach(&b);
}

struct epub_item *
epub_add(struct epub *e, const char *name, const char *id, const char *mime, char *data,
    size_t len, int spine)
{
	struct epub_item *it;

	ARRAY_GROW(e->items, e->nitems, e->citems);
	it = &e->items[e->nitems++];
	memset(it, 0, sizeof(*it));
	it->name = xstrdup(name);
	it->id = epub_safe_id(id);
	it->mime = mime;
	it->data = data;
	it->len = len;
	it->spine = spine;
	return it;
}

void
epub_toc_add(struct epub *e, const char *label, const char *href, int level)
{
	struct epub_toc *t;

	ARRAY_GROW(e->toc, e->ntoc, e->ctoc);
	t = &e->toc[e->ntoc++];
	t->label = str_squash(label);
	t->href = xstrdup(href);
	t->level = level;
	t->lang = NULL;
}

void
epub_xhtml_open(struct buf *b, const char *lang, int rtl, const char *title, const char *css)
{
	BUF_PUTSL(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
	    "<html xmlns=\"http://www.w3.org/1999/xhtml\" "
	    "xmlns:epub=\"http://www.idpf.org/2007/ops\"");
	if (lang) {
		BUF_PUTSL(b, " lang=\"");
		buf_xml(b, lang);
		BUF_PUTSL(b, "\" xml:lang=\"");
		buf_xml(b, lang);
		buf_putc(b, '"');
	}
	if (rtl)
		BUF_PUTSL(b, " dir=\"rtl\"");
	BUF_PUTSL(b, ">\n<head>\n<title>");
	buf_xml(b, title && *title ? title : "-");
	BUF_PUTSL(b, "</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"");
	buf_xml(b, css);
	BUF_PUTSL(b, "\"/>\n</head>\n");
}

void
epub_xhtml_close(struct buf *b)
{
	BUF_PUTSL(b, "</html>\n");
}
