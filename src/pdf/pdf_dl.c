/* The display list: what a page shows, as drawing ops, built by the
 * paragraph setter and the composer and drawn by the drawer. It calls
 * none of them: the set paragraph a line op refers to is freed here too. */
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "pdf_int.h"

struct pdf_op *
pdf_dl_push(struct pdf_dl *dl, enum pdf_op_kind kind)
{
	struct pdf_op *op;

	ARRAY_GROW(dl->ops, dl->n, dl->cap);
	op = &dl->ops[dl->n++];
	memset(op, 0, sizeof(*op));
	op->kind = kind;
	return op;
}

void
pdf_dl_tag(struct pdf_dl *dl, int begin, const char *tag, const char *attrs)
{
	struct pdf_op *op = pdf_dl_push(dl, begin ? OP_TAG_BEGIN : OP_TAG_END);

	op->tag = tag;
	op->text = begin && attrs ? xstrdup(attrs) : NULL;
}

void
pdf_dl_move(struct pdf_dl *to, struct pdf_dl *from, double dx, double dy)
{
	size_t i;

	for (i = 0; i < from->n; i++) {
		struct pdf_op *op;

		ARRAY_GROW(to->ops, to->n, to->cap);
		op = &to->ops[to->n++];
		*op = from->ops[i];
		op->x += dx;
		op->y += dy;
	}
	from->n = 0;
}

void
pdf_dl_free(struct pdf_dl *dl)
{
	size_t i;

	for (i = 0; i < dl->n; i++) {
		struct pdf_op *op = &dl->ops[i];

		if (op->gi.item)
			pango_item_free(op->gi.item);
		if (op->gi.glyphs)
			pango_glyph_string_free(op->gi.glyphs);
		free(op->text);
		if (op->par && --op->par->refs == 0) {
			pdf_para_free(&op->par->pa);
			pdf_shaped_free(&op->par->sp);
			free(op->par);
		}
	}
	free(dl->ops);
	memset(dl, 0, sizeof(*dl));
}

void
pdf_para_free(struct pdf_para *p)
{
	free(p->lines);
	free(p->items);
	free(p->ipos);
	memset(p, 0, sizeof(*p));
}
