/* One rule for both writers: which links are kept, the label a footnote
 * shows, the headline an article without one shows. */
#include <ctype.h>
#include <string.h>

#include "shown.h"

/* 1 when S starts with PREFIX (lower case), ignoring ASCII case. */
static int
prefix_ci(const char *s, const char *prefix)
{
	for (; *prefix; s++, prefix++)
		if (tolower((unsigned char)*s) != *prefix)
			return 0;
	return 1;
}

int
shown_link_safe(const char *href, size_t *lead, size_t *scheme)
{
	static const char *const ok[] = { "http://", "https://", "mailto:" };
	size_t l = 0, k, n;

	if (href == NULL)
		return 0;
	while (href[l] == ' ' || href[l] == '\t' || href[l] == '\n')
		l++;
	for (k = 0; k < sizeof(ok) / sizeof(ok[0]); k++)
		if (prefix_ci(href + l, ok[k]))
			break;
	if (k == sizeof(ok) / sizeof(ok[0]))
		return 0;
	n = strlen(ok[k]);
	if (href[l + n] == '\0' || href[l + n] == ' ' || href[l + n] == '/')
		return 0;
	if (lead)
		*lead = l;
	if (scheme)
		*scheme = n;
	return 1;
}

/* The first reference to note N among inlines IN[0..CNT) and their kids,
 * or NULL. */
static const struct inl *
first_ref_inl(const struct inl *in, size_t cnt, size_t n)
{
	const struct inl *r;
	size_t i;

	for (i = 0; i < cnt; i++) {
		if (in[i].type == INL_NOTEREF && in[i].note == n)
			return &in[i];
		if ((r = first_ref_inl(in[i].kids, in[i].nkids, n)) != NULL)
			return r;
	}
	return NULL;
}

/* The first reference to note N in blocks B[0..CNT) and their kids, or NULL. */
static const struct inl *
first_ref(const struct block *b, size_t cnt, size_t n)
{
	const struct inl *r;
	size_t i;

	for (i = 0; i < cnt; i++) {
		if ((r = first_ref_inl(b[i].inl, b[i].ninl, n)) != NULL ||
		    (r = first_ref(b[i].kids, b[i].nkids, n)) != NULL)
			return r;
	}
	return NULL;
}

const char *
shown_note_label(const struct article *a, size_t n)
{
	const struct inl *r = first_ref(a->blocks, a->nblocks, n);
	size_t k;

	for (k = 0; r == NULL && k < a->nnotes; k++)	/* a note referenced only by notes */
		r = first_ref(a->notes[k].blocks, a->notes[k].nblocks, n);
	if (r)
		return r->text ? r->text : "*";
	return n < a->nnotes && a->notes[n].label ? a->notes[n].label : "*";
}

const char *
shown_headline(const struct article *a)
{
	return a->headline ? a->headline : "Untitled";
}

const char *
shown_figure_alt(const struct image *im, int shown)
{
	if (shown || im->alt == NULL || *im->alt == '\0' ||
	    (im->caption && strcmp(im->alt, im->caption) == 0))
		return NULL;
	return im->alt;
}
