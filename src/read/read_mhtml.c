/* The MHTML reader: Chrome's "Save as single file" (.mhtml, .mht), a MIME
 * multipart/related message, parsed by GMime (headers, boundaries,
 * quoted-printable and base64 are GMime's). Its text/html part is the page,
 * read by the HTML reader; its other parts are the page's pictures, found
 * by Content-Location or Content-ID (cid:). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <gmime/gmime.h>

#include "html_conv.h"
#include "read_html.h"
#include "util.h"

struct mhtml_part {
	char		*loc;		/* Content-Location, or NULL */
	char		*cid;		/* Content-ID without its <>, or NULL */
	unsigned char	*data;		/* decoded, NUL-terminated */
	size_t		 len;
};

struct mhtml {
	struct mhtml_part *v;
	size_t		 n, cap;
	char		*start;		/* multipart/related's start (a Content-ID), or NULL */
	long		 page;		/* index of the text/html part in v, or -1 */
	int		 page_start;	/* 1: that part is the start */
	const char	*charset;	/* the page part's charset parameter, or NULL */
};

/* The decoded content of part P (its transfer encoding undone), fresh
 * and NUL-terminated; its length in *LEN. */
static unsigned char *
part_bytes(GMimePart *p, size_t *len)
{
	GMimeDataWrapper *w = g_mime_part_get_content(p);
	GMimeStream *s;
	GByteArray *arr;
	unsigned char *out;

	*len = 0;
	if (w == NULL)
		return xcalloc(1, 1);
	s = g_mime_stream_mem_new();
	g_mime_data_wrapper_write_to_stream(w, s);
	arr = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(s));
	out = xmalloc(arr->len + 1);
	if (arr->len)	/* an empty part's array has no data */
		memcpy(out, arr->data, arr->len);
	out[arr->len] = 0;
	*len = arr->len;
	g_object_unref(s);
	return out;
}

/* A Content-ID without the angle brackets around it; fresh, or NULL. */
static char *
bare_cid(const char *id)
{
	size_t n;

	if (id == NULL)
		return NULL;
	id += strspn(id, " \t<");
	n = strcspn(id, ">");
	return n ? xstrndup(id, n) : NULL;
}

/* g_mime_message_foreach's callback: each leaf part into the table; the
 * page is the start part when it is HTML, else the first HTML part. */
static void
collect(GMimeObject *parent, GMimeObject *obj, gpointer user)
{
	struct mhtml *mh = user;
	struct mhtml_part *p;
	GMimeContentType *ct;
	const char *loc;
	int start;

	(void)parent;
	if (!GMIME_IS_PART(obj))
		return;
	ARRAY_GROW(mh->v, mh->n, mh->cap);
	p = &mh->v[mh->n++];
	memset(p, 0, sizeof(*p));
	loc = g_mime_part_get_content_location(GMIME_PART(obj));
	p->loc = loc ? xstrdup(loc) : NULL;
	p->cid = bare_cid(g_mime_object_get_content_id(obj));
	p->data = part_bytes(GMIME_PART(obj), &p->len);
	ct = g_mime_object_get_content_type(obj);
	if (ct == NULL || !g_mime_content_type_is_type(ct, "text", "html"))
		return;
	start = mh->start && p->cid && strcmp(mh->start, p->cid) == 0;
	if (mh->page < 0 || (start && !mh->page_start)) {
		mh->page = (long)mh->n - 1;
		mh->page_start = start;
		mh->charset = g_mime_object_get_content_type_parameter(obj, "charset");
	}
}

/* html_parts' find over the table CTX: the part URL names. */
static const unsigned char *
find_part(void *ctx, const char *url, size_t *len)
{
	const struct mhtml *mh = ctx;
	size_t ulen;

	if (url == NULL)
		return NULL;
	if (strncasecmp(url, "cid:", 4) == 0) {
		const char *id = url + 4;

		id += *id == '<';
		ulen = strcspn(id, ">");
		for (size_t i = 0; i < mh->n; i++)
			if (mh->v[i].cid && strlen(mh->v[i].cid) == ulen &&
			    strncasecmp(mh->v[i].cid, id, ulen) == 0) {
				*len = mh->v[i].len;
				return mh->v[i].data;
			}
		return NULL;
	}
	ulen = strcspn(url, "#");	/* a fragment names no other part */
	for (size_t i = 0; i < mh->n; i++)
		if (mh->v[i].loc && strlen(mh->v[i].loc) == ulen &&
		    strncmp(mh->v[i].loc, url, ulen) == 0) {
			*len = mh->v[i].len;
			return mh->v[i].data;
		}
	return NULL;
}

/* Parse BYTES into MH (its parts) and return the message, or NULL with
 * the error set for PATH. */
static GMimeMessage *
parse_mime(const char *path, const char *bytes, size_t len, struct mhtml *mh)
{
	GMimeStream *s;
	GMimeParser *p;
	GMimeMessage *msg;
	GMimeObject *top = NULL;
	GMimeContentType *ct;

	g_mime_init();
	s = g_mime_stream_mem_new_with_buffer(bytes, len);
	p = g_mime_parser_new_with_stream(s);
	g_object_unref(s);
	msg = g_mime_parser_construct_message(p, NULL);
	g_object_unref(p);
	if (msg == NULL || (top = g_mime_message_get_mime_part(msg)) == NULL) {
		err_set(path, 0, "not an MHTML file (no MIME message in it)");
		goto fail;
	}
	if (GMIME_IS_MULTIPART(top)) {
		const char *b = g_mime_multipart_get_boundary(GMIME_MULTIPART(top));

		mh->start = bare_cid(g_mime_object_get_content_type_parameter(top, "start"));
		if (g_mime_multipart_get_count(GMIME_MULTIPART(top)) == 0) {
			err_set(path, 0, "damaged MHTML file: no part starts with the boundary "
			    "'%s' that its Content-Type names", b ? b : "");
			goto fail;
		}
	}
	g_mime_message_foreach(msg, collect, mh);
	if (mh->page < 0) {
		char *type;

		ct = g_mime_object_get_content_type(top);
		type = ct ? g_mime_content_type_get_mime_type(ct) : NULL;
		err_set(path, 0, "not an MHTML page: no text/html part among its %zu part%s "
		    "(the message is %s)", mh->n, mh->n == 1 ? "" : "s", type ? type : "of no type");
		g_free(type);
		goto fail;
	}
	return msg;
fail:
	if (msg)
		g_object_unref(msg);
	return NULL;
}

struct article *
mhtml_read(const char *path, const char *bytes, size_t len)
{
	struct mhtml mh = {0};
	struct html_parts parts = {0};
	struct article *a = NULL;
	struct mhtml_part *page;
	GMimeMessage *msg;
	char *cs = NULL;

	mh.page = -1;
	if ((msg = parse_mime(path, bytes, len, &mh)) == NULL)
		goto out;
	page = &mh.v[mh.page];
	parts.url = page->loc ? page->loc :
	    g_mime_object_get_header(GMIME_OBJECT(msg), "Snapshot-Content-Location");
	parts.find = find_part;
	parts.ctx = &mh;
	cs = mh.charset ? xstrdup(mh.charset) : NULL;
	a = html_read_parts(path, (const char *)page->data, page->len, cs, &parts);
	g_object_unref(msg);
out:
	for (size_t i = 0; i < mh.n; i++) {
		free(mh.v[i].loc);
		free(mh.v[i].cid);
		free(mh.v[i].data);
	}
	free(mh.v);
	free(mh.start);
	free(cs);
	return a;
}
