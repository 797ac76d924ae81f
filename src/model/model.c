#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"

struct article *
article_new(const char *source)
{
	struct article *a = xcalloc(1, sizeof(*a));

	a->source = xstrdup(source);
	return a;
}

/* Arrays grow by doubling; capacity is recomputed from the count so the
 * model needs no capacity fields: a count that is a power of two is full. */
static void *
push(void *arr, size_t n, size_t size)
{
	if (n == 0 || (n & (n - 1)) == 0)
		arr = xrealloc(arr, (n ? n * 2 : 1) * size);
	memset((char *)arr + n * size, 0, size);
	return arr;
}

struct block *
block_push(struct block **arr, size_t *n, enum block_type type)
{
	struct block *b;

	*arr = push(*arr, *n, sizeof(**arr));
	b = &(*arr)[(*n)++];
	b->type = type;
	return b;
}

struct inl *
inl_push(struct inl **arr, size_t *n, enum inline_type type)
{
	struct inl *in;

	*arr = push(*arr, *n, sizeof(**arr));
	in = &(*arr)[(*n)++];
	in->type = type;
	return in;
}

void
strv_push(char ***v, size_t *n, const char *s)
{
	*v = push(*v, *n, sizeof(**v));
	(*v)[(*n)++] = xstrdup(s);
}

static void
strv_free(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void
image_free(struct image *im)
{
	if (im == NULL)
		return;
	free(im->src);
	free(im->path);
	free(im->alt);
	free(im->caption);
	free(im->credit);
	free(im->data);
	free(im);
}

void
inl_free(struct inl *in)
{
	size_t i;

	free(in->text);
	free(in->href);
	free(in->title);
	free(in->lang);
	for (i = 0; i < in->nkids; i++)
		inl_free(&in->kids[i]);
	free(in->kids);
	image_free(in->image);
}

static void
inls_free(struct inl *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		inl_free(&v[i]);
	free(v);
}

static void
blocks_free(struct block *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		block_free(&v[i]);
	free(v);
}

/* Iterative over deep trees would be kinder to the stack; readers cap the
 * nesting depth (MODEL_MAX_DEPTH) so recursion here stays shallow. */
void
block_free(struct block *b)
{
	free(b->text);
	free(b->info);
	image_free(b->image);
	inls_free(b->inl, b->ninl);
	blocks_free(b->kids, b->nkids);
}

void
article_why(struct article *a, const char *field, const char *rule, int line)
{
	a->why = xrealloc(a->why, (a->nwhy + 1) * sizeof(*a->why));
	a->why[a->nwhy].field = xstrdup(field);
	a->why[a->nwhy].rule = xstrdup(rule);
	a->why[a->nwhy].line = line;
	a->nwhy++;
}

void
article_free(struct article *a)
{
	size_t i;

	if (a == NULL)
		return;
	free(a->source);
	free(a->id);
	free(a->kicker);
	free(a->headline);
	free(a->standfirst);
	strv_free(a->authors, a->nauthors);
	free(a->role);
	free(a->date);
	free(a->date_text);
	free(a->dateline);
	free(a->date_modified);
	free(a->date_modified_text);
	free(a->site);
	if (a->author_roles)
		strv_free(a->author_roles, a->nauthors);
	for (i = 0; i < a->nwhy; i++) {
		free(a->why[i].field);
		free(a->why[i].rule);
	}
	free(a->why);
	free(a->lang);
	image_free(a->image);
	free(a->url);
	strv_free(a->tags, a->ntags);
	blocks_free(a->blocks, a->nblocks);
	for (i = 0; i < a->nnotes; i++) {
		free(a->notes[i].label);
		blocks_free(a->notes[i].blocks, a->notes[i].nblocks);
	}
	free(a->notes);
	free(a);
}

void
book_free(struct book *b)
{
	size_t i;

	if (b == NULL)
		return;
	free(b->title);
	free(b->subtitle);
	strv_free(b->authors, b->nauthors);
	free(b->publisher);
	free(b->lang);
	free(b->identifier);
	free(b->date);
	free(b->description);
	free(b->cover);
	free(b->cover_data);
	free(b->cover_url);
	free(b->theme);
	free(b->basedir);
	strv_free(b->tags, b->ntags);
	for (i = 0; i < b->narticles; i++)
		article_free(b->articles[i]);
	free(b->articles);
	free(b);
}

void
inl_text(struct buf *out, const struct inl *in, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		switch (in[i].type) {
		case INL_TEXT:
		case INL_CODE:
		case INL_NOTEREF:
			if (in[i].text)
				buf_puts(out, in[i].text);
			break;
		case INL_BREAK:
			buf_putc(out, '\n');
			break;
		case INL_IMAGE:
			if (in[i].image && in[i].image->alt)
				buf_puts(out, in[i].image->alt);
			break;
		default:
			inl_text(out, in[i].kids, in[i].nkids);
			break;
		}
	}
}

void
block_text(struct buf *out, const struct block *b)
{
	size_t i;

	switch (b->type) {
	case BLK_CODE:
		if (b->text)
			buf_puts(out, b->text);
		return;
	case BLK_FIGURE:
		if (b->image) {
			const char *parts[] = {b->image->alt, b->image->caption, b->image->credit};

			for (i = 0; i < 3; i++) {
				if (parts[i] == NULL)
					continue;
				if (out->len && out->data[out->len - 1] != '\n')
					buf_putc(out, '\n');
				buf_puts(out, parts[i]);
			}
		}
		return;
	case BLK_ROW:
		for (i = 0; i < b->nkids; i++) {
			if (i)
				BUF_PUTSL(out, " | ");
			block_text(out, &b->kids[i]);
		}
		return;
	default:
		break;
	}
	inl_text(out, b->inl, b->ninl);
	for (i = 0; i < b->nkids; i++) {
		if (i || b->ninl)
			buf_putc(out, '\n');
		block_text(out, &b->kids[i]);
	}
}

const char *
block_type_name(enum block_type t)
{
	static const char *names[] = {
		"paragraph", "heading", "quote", "list", "item", "table",
		"row", "cell", "code", "figure", "rule",
	};

	return (size_t)t < sizeof(names) / sizeof(names[0]) ? names[t] : "unknown";
}

static const char *
inl_type_name(enum inline_type t)
{
	static const char *names[] = {
		"text", "emph", "strong", "strike", "code", "link", "break", "noteref",
		"image",
		"sup", "sub", "mark", "small", "q", "abbr", "kbd", "span",
	};

	return (size_t)t < sizeof(names) / sizeof(names[0]) ? names[t] : "unknown";
}

static void
json_strv(struct buf *out, char **v, size_t n)
{
	size_t i;

	buf_putc(out, '[');
	for (i = 0; i < n; i++) {
		if (i)
			BUF_PUTSL(out, ", ");
		buf_json(out, v[i]);
	}
	buf_putc(out, ']');
}

static void json_image(struct buf *, const struct image *);

static void
json_inls(struct buf *out, const struct inl *in, size_t n)
{
	size_t i;

	buf_putc(out, '[');
	for (i = 0; i < n; i++) {
		if (i)
			BUF_PUTSL(out, ", ");
		BUF_PUTSL(out, "{\"type\": ");
		buf_json(out, inl_type_name(in[i].type));
		if (in[i].text) {
			BUF_PUTSL(out, ", \"text\": ");
			buf_json(out, in[i].text);
		}
		if (in[i].href) {
			BUF_PUTSL(out, ", \"href\": ");
			buf_json(out, in[i].href);
		}
		if (in[i].title) {
			BUF_PUTSL(out, ", \"title\": ");
			buf_json(out, in[i].title);
		}
		if (in[i].lang) {
			BUF_PUTSL(out, ", \"lang\": ");
			buf_json(out, in[i].lang);
		}
		if (in[i].type == INL_NOTEREF)
			buf_printf(out, ", \"note\": %zu", in[i].note);
		if (in[i].image) {
			BUF_PUTSL(out, ", \"image\": ");
			json_image(out, in[i].image);
		}
		if (in[i].nkids) {
			BUF_PUTSL(out, ", \"kids\": ");
			json_inls(out, in[i].kids, in[i].nkids);
		}
		buf_putc(out, '}');
	}
	buf_putc(out, ']');
}

static void
json_image(struct buf *out, const struct image *im)
{
	static const char *types[] = {NULL, "image/jpeg", "image/png", "image/gif", "image/webp",
		"image/tiff", "image/bmp", "image/svg+xml"};

	BUF_PUTSL(out, "{\"src\": ");
	buf_json(out, im->src);
	BUF_PUTSL(out, ", \"alt\": ");
	buf_json(out, im->alt);
	BUF_PUTSL(out, ", \"caption\": ");
	buf_json(out, im->caption);
	BUF_PUTSL(out, ", \"credit\": ");
	buf_json(out, im->credit);
	if (im->type != IMG_NONE)
		buf_printf(out, ", \"type\": \"%s\", \"width\": %d, \"height\": %d",
		    types[im->type], im->width, im->height);
	if (im->orientation > 1)
		buf_printf(out, ", \"orientation\": %d", im->orientation);
	if (im->data)
		buf_printf(out, ", \"bytes\": %zu", im->len);
	buf_putc(out, '}');
}

static void json_blocks(struct buf *, const struct block *, size_t, int);

static void
indent(struct buf *out, int depth)
{
	buf_putc(out, '\n');
	while (depth-- > 0)
		BUF_PUTSL(out, "  ");
}

static void
json_block(struct buf *out, const struct block *b, int depth)
{
	struct buf text = {0};

	BUF_PUTSL(out, "{\"type\": ");
	buf_json(out, block_type_name(b->type));
	buf_printf(out, ", \"line\": %d", b->src.line);
	if (b->type == BLK_HEADING)
		buf_printf(out, ", \"level\": %d", b->level);
	if (b->type == BLK_LIST)
		buf_printf(out, ", \"ordered\": %s, \"start\": %d",
		    b->ordered ? "true" : "false", b->start);
	if ((b->type == BLK_ROW || b->type == BLK_CELL) && b->header)
		BUF_PUTSL(out, ", \"header\": true");
	if (b->type == BLK_CELL && b->align != ALIGN_NONE)
		buf_printf(out, ", \"align\": \"%s\"",
		    b->align == ALIGN_LEFT ? "left" : b->align == ALIGN_CENTER ? "center" : "right");
	if (b->type == BLK_CELL && b->colspan > 1)
		buf_printf(out, ", \"colspan\": %d", b->colspan);
	if (b->type == BLK_CELL && b->rowspan > 1)
		buf_printf(out, ", \"rowspan\": %d", b->rowspan);
	if (b->info) {
		BUF_PUTSL(out, ", \"info\": ");
		buf_json(out, b->info);
	}
	if (b->image) {
		BUF_PUTSL(out, ", \"image\": ");
		json_image(out, b->image);
	}
	block_text(&text, b);
	BUF_PUTSL(out, ", \"text\": ");
	buf_json(out, buf_str(&text));
	buf_free(&text);
	if (b->ninl && b->type != BLK_CELL) {
		BUF_PUTSL(out, ", \"inlines\": ");
		json_inls(out, b->inl, b->ninl);
	}
	if (b->nkids) {
		BUF_PUTSL(out, ", \"blocks\": [");
		json_blocks(out, b->kids, b->nkids, depth + 1);
		buf_putc(out, ']');
	}
	buf_putc(out, '}');
}

static void
json_blocks(struct buf *out, const struct block *v, size_t n, int depth)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i)
			buf_putc(out, ',');
		indent(out, depth);
		json_block(out, &v[i], depth);
	}
}

static void
json_field(struct buf *out, const char *key, const char *val, int depth)
{
	indent(out, depth);
	buf_json(out, key);
	BUF_PUTSL(out, ": ");
	buf_json(out, val);
	buf_putc(out, ',');
}

/* "KEY": [V[0], …], at DEPTH, then a comma: a list of strings as a field. */
static void
json_strv_field(struct buf *out, const char *key, char **v, size_t n, int depth)
{
	indent(out, depth);
	buf_json(out, key);
	BUF_PUTSL(out, ": ");
	json_strv(out, v, n);
	buf_putc(out, ',');
}

static void
json_article(struct buf *out, const struct article *a)
{
	size_t i;

	buf_putc(out, '{');
	json_field(out, "source", a->source, 3);
	json_field(out, "id", a->id, 3);
	json_field(out, "kicker", a->kicker, 3);
	json_field(out, "headline", a->headline, 3);
	json_field(out, "standfirst", a->standfirst, 3);
	json_strv_field(out, "authors", a->authors, a->nauthors, 3);
	json_field(out, "role", a->role, 3);
	json_field(out, "date", a->date, 3);
	json_field(out, "date_text", a->date_text, 3);
	json_field(out, "dateline", a->dateline, 3);
	json_field(out, "date_modified", a->date_modified, 3);
	json_field(out, "date_modified_text", a->date_modified_text, 3);
	json_field(out, "site", a->site, 3);
	if (a->author_roles) {
		indent(out, 3);
		BUF_PUTSL(out, "\"author_roles\": [");
		for (i = 0; i < a->nauthors; i++) {
			if (i)
				BUF_PUTSL(out, ", ");
			if (a->author_roles[i])
				buf_json(out, a->author_roles[i]);
			else
				BUF_PUTSL(out, "null");
		}
		BUF_PUTSL(out, "],");
	}
	if (a->nwhy) {
		indent(out, 3);
		BUF_PUTSL(out, "\"why\": {");
		for (i = 0; i < a->nwhy; i++) {
			if (i)
				BUF_PUTSL(out, ", ");
			buf_json(out, a->why[i].field);
			BUF_PUTSL(out, ": {\"rule\": ");
			buf_json(out, a->why[i].rule);
			buf_printf(out, ", \"line\": %d}", a->why[i].line);
		}
		BUF_PUTSL(out, "},");
	}
	json_field(out, "lang", a->lang, 3);
	json_field(out, "dir", a->dir == DIR_RTL ? "rtl" : "ltr", 3);
	json_field(out, "url", a->url, 3);
	json_strv_field(out, "tags", a->tags, a->ntags, 3);
	indent(out, 3);
	BUF_PUTSL(out, "\"image\": ");
	if (a->image)
		json_image(out, a->image);
	else
		BUF_PUTSL(out, "null");
	buf_putc(out, ',');
	indent(out, 3);
	BUF_PUTSL(out, "\"blocks\": [");
	json_blocks(out, a->blocks, a->nblocks, 4);
	BUF_PUTSL(out, "],");
	indent(out, 3);
	BUF_PUTSL(out, "\"footnotes\": [");
	for (i = 0; i < a->nnotes; i++) {
		struct buf text = {0};
		size_t k;

		if (i)
			buf_putc(out, ',');
		indent(out, 4);
		BUF_PUTSL(out, "{\"label\": ");
		buf_json(out, a->notes[i].label);
		for (k = 0; k < a->notes[i].nblocks; k++) {
			if (k)
				buf_putc(&text, '\n');
			block_text(&text, &a->notes[i].blocks[k]);
		}
		BUF_PUTSL(out, ", \"text\": ");
		buf_json(out, buf_str(&text));
		buf_free(&text);
		buf_putc(out, '}');
	}
	BUF_PUTSL(out, "]");
	indent(out, 2);
	buf_putc(out, '}');
}

void
model_json(struct buf *out, const struct book *book)
{
	size_t i;

	BUF_PUTSL(out, "{\n  \"book\": {");
	json_field(out, "title", book->title, 2);
	json_field(out, "subtitle", book->subtitle, 2);
	json_strv_field(out, "authors", book->authors, book->nauthors, 2);
	json_field(out, "publisher", book->publisher, 2);
	json_field(out, "lang", book->lang, 2);
	json_field(out, "identifier", book->identifier, 2);
	json_field(out, "date", book->date, 2);
	json_field(out, "description", book->description, 2);
	json_field(out, "cover", book->cover ? book->cover : book->cover_url, 2);
	json_field(out, "theme", book->theme, 2);
	indent(out, 2);
	BUF_PUTSL(out, "\"tags\": ");
	json_strv(out, book->tags, book->ntags);
	BUF_PUTSL(out, "\n  },\n  \"articles\": [");
	for (i = 0; i < book->narticles; i++) {
		if (i)
			buf_putc(out, ',');
		indent(out, 2);
		json_article(out, book->articles[i]);
	}
	BUF_PUTSL(out, "\n  ]\n}\n");
}

char **
book_subjects(const struct book *b, size_t *n)
{
	char **v = NULL;
	size_t i, j, k;

	*n = 0;
	for (i = 0; i <= b->narticles; i++) {
		char **t = i == 0 ? b->tags : b->articles[i - 1]->tags;
		size_t nt = i == 0 ? b->ntags : b->articles[i - 1]->ntags;

		for (j = 0; j < nt; j++) {
			for (k = 0; t[j] && k < *n && strcmp(v[k], t[j]) != 0; k++)
				;
			if (t[j] && k == *n)
				strv_push(&v, n, t[j]);
		}
	}
	return v;
}

/* 64-bit FNV-1a over S, continuing from H. */
static uint64_t
fnv(uint64_t h, const char *s)
{
	if (s == NULL)
		s = "\x01";
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	h ^= 0xff;	/* a field separator */
	h *= 0x100000001b3ULL;
	return h;
}

char *
book_identifier(const struct book *b)
{
	uint64_t h1 = 0xcbf29ce484222325ULL, h2 = 0x84222325cbf29ce4ULL;
	unsigned char u[16];
	size_t i;

	if (b->identifier)
		return xstrdup(b->identifier);
#define MIX(s) (h1 = fnv(h1, (s)), h2 = fnv(h2 ^ h1, (s)))
	MIX(b->title);
	MIX(b->subtitle);
	for (i = 0; i < b->nauthors; i++)
		MIX(b->authors[i]);
	for (i = 0; i < b->narticles; i++) {
		const char *src = b->articles[i]->source;
		const char *slash = src ? strrchr(src, '/') : NULL;

		MIX(slash ? slash + 1 : src);
	}
#undef MIX
	for (i = 0; i < 8; i++) {
		u[i] = (unsigned char)(h1 >> (56 - 8 * i));
		u[8 + i] = (unsigned char)(h2 >> (56 - 8 * i));
	}
	u[6] = (u[6] & 0x0f) | 0x80;	/* version 8: custom */
	u[8] = (u[8] & 0x3f) | 0x80;	/* RFC 4122 variant */
	return xprintf("urn:uuid:%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
	    "%02x%02x%02x%02x%02x%02x", u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7],
	    u[8], u[9], u[10], u[11], u[12], u[13], u[14], u[15]);
}

void
page_list_add(struct page_list *pl, size_t article, const struct block *b, size_t offset,
    const char *label)
{
	struct page_start *ps;

	ARRAY_GROW(pl->v, pl->n, pl->cap);
	ps = &pl->v[pl->n++];
	ps->article = article;
	ps->block = b;
	ps->offset = offset;
	snprintf(ps->label, sizeof(ps->label), "%s", label);
}

void
page_list_free(struct page_list *pl)
{
	free(pl->v);
	pl->v = NULL;
	pl->n = pl->cap = 0;
}
