/*
 * Append-only incremental updates of a finished PDF, for what cairo 1.16
 * cannot write: the figures' alternative text (/Alt), then the page order,
 * page labels, the document's language, viewer preferences, mended dates
 * and the structure tree in reading order; then the print boxes, crop
 * marks, XMP metadata and the sRGB output intent. Each update reads the file's
 * cross-reference table, appends new versions of the objects it changes
 * and a new xref section and trailer; nothing already written is touched.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "util.h"
#include "pdf_int.h"

/* Read N bytes at OFF of F into a fresh NUL-terminated string, or NULL. */
static char *
read_at(FILE *f, long off, size_t n)
{
	char *s = xmalloc(n + 1);
	size_t got;

	if (fseek(f, off, SEEK_SET) != 0) {
		free(s);
		return NULL;
	}
	got = fread(s, 1, n, f);
	s[got] = '\0';
	return s;
}

/* Where a PDF's objects are: off[num] is the byte offset of object num, 0
 * when it is free, -1 when no cross-reference section names it. */
struct xref {
	long		*off;		/* owned */
	long		 n;
};

/* Read the cross-reference sections of F into X (zeroed here; the caller
 * frees X->off): the section at START, then back through each trailer's
 * /Prev, the newest entry for an object winning. Return 0, or -1. */
static int
xref_load(FILE *f, long start, struct xref *x)
{
	char line[128], ent[21], *t = NULL, *p;
	long at = start, first, count, k, lpos, trailer;
	int hops, ret = -1;

	memset(x, 0, sizeof(*x));
	for (hops = 0; at > 0 && hops < 256; hops++) {
		if (fseek(f, at, SEEK_SET) != 0 || fgets(line, sizeof(line), f) == NULL ||
		    !str_startswith(line, "xref"))
			goto out;
		trailer = -1;
		while ((lpos = ftell(f)) >= 0 && fgets(line, sizeof(line), f) != NULL) {
			if (str_startswith(line, "trailer")) {
				trailer = lpos + 7;
				break;
			}
			if (sscanf(line, "%ld %ld", &first, &count) != 2 || first < 0 || count < 0 ||
			    first > (1L << 24) - count)
				goto out;
			if (first + count > x->n) {
				x->off = xrealloc(x->off, (size_t)(first + count) * sizeof(*x->off));
				for (k = x->n; k < first + count; k++)
					x->off[k] = -1;
				x->n = first + count;
			}
			/* entries of 20 bytes: "oooooooooo ggggg n \n" */
			for (k = first; k < first + count; k++) {
				if (fread(ent, 1, 20, f) != 20)
					goto out;
				ent[20] = '\0';
				if (x->off[k] < 0)
					x->off[k] = ent[17] == 'n' ? strtol(ent, NULL, 10) : 0;
			}
		}
		if (trailer < 0 || (t = read_at(f, trailer, 1024)) == NULL)
			goto out;
		if ((p = strstr(t, "startxref")) != NULL)
			*p = '\0';
		at = (p = strstr(t, "/Prev")) != NULL ? strtol(p + 5, NULL, 10) : 0;
		free(t);
		t = NULL;
	}
	ret = at > 0 ? -1 : 0;	/* a chain too long is a loop */
out:
	free(t);
	return ret;
}

/* Return the text of object NUM (from "NUM 0 obj" to "endobj") as a fresh
 * string, finding it through X, or NULL. */
static char *
read_obj(FILE *f, const struct xref *x, long num)
{
	char *obj, *e;

	if (num <= 0 || num >= x->n || x->off[num] <= 0)
		return NULL;
	/* a small object in one small read; a large one (a long /Kids
	 * array) in a larger */
	for (size_t n = 4096; n <= (1u << 24); n *= 16) {
		obj = read_at(f, x->off[num], n);
		if (obj && strtol(obj, NULL, 10) == num && (e = strstr(obj, "endobj")) != NULL) {
			e[6] = '\0';
			return obj;
		}
		free(obj);
	}
	return NULL;
}

/* The last occurrence of S in P[0..N), NUL bytes and all, or NULL. */
static char *
rfind(char *p, size_t n, const char *s)
{
	size_t k = strlen(s), i;

	for (i = n >= k ? n - k + 1 : 0; i-- > 0; )
		if (memcmp(p + i, s, k) == 0)
			return p + i;
	return NULL;
}

/* Find the end of the PDF F: its size into *SIZE, the offset of its last
 * cross-reference section into *XREF, and the dictionary of the trailer
 * before it (the text between "trailer" and "startxref") into *TRAILER, a
 * fresh string the caller frees. Return 0, or -1. */
static int
find_end(FILE *f, long *size, long *xref, char **trailer)
{
	char *tail, *p, *q;
	size_t tlen;
	int ret = -1;

	*trailer = NULL;
	if (fseek(f, 0, SEEK_END) != 0 || (*size = ftell(f)) < 64)
		return -1;
	/* the tail may hold binary stream bytes, NULs included: search back */
	tlen = (size_t)(*size > 4096 ? 4096 : *size);
	if ((tail = read_at(f, *size - (long)tlen, tlen)) == NULL)
		return -1;
	if ((q = rfind(tail, tlen, "startxref")) != NULL &&
	    (p = rfind(tail, (size_t)(q - tail), "trailer")) != NULL) {
		*xref = strtol(q + 9, NULL, 10);
		*trailer = xstrndup(p + 7, (size_t)(q - p - 7));
		ret = 0;
	}
	free(tail);
	return ret;
}

/* An object written again by an incremental update, and where. */
struct upd {
	long		 num, off;
};

/* Order updates A and B by object number, for qsort. */
static int
upd_cmp(const void *a, const void *b)
{
	long x = ((const struct upd *)a)->num, y = ((const struct upd *)b)->num;

	return (x > y) - (x < y);
}

/* Append to OUT, whose first byte goes at offset START of the file, the end
 * of an incremental update: the cross-reference section for the N objects
 * U (sorted here) and a trailer, TRAILER's dictionary less any /Prev it
 * had, pointing back to the section at PREV. Return 0, or -1 when TRAILER
 * is not a dictionary. */
static int
end_update(struct buf *out, long start, struct upd *u, size_t n, const char *trailer, long prev)
{
	long newx = start + (long)out->len;
	const char *p = trailer + strspn(trailer, " \r\n"), *q = strrchr(p, '>'), *e;
	size_t i;

	if (q == NULL || q == p || q[-1] != '>')
		return -1;
	q--;
	qsort(u, n, sizeof(*u), upd_cmp);
	buf_puts(out, "xref\n0 1\n0000000000 65535 f \n");
	for (i = 0; i < n; i++)	/* a subsection per object */
		buf_printf(out, "%ld 1\n%010ld 00000 n \n", u[i].num, u[i].off);
	buf_puts(out, "trailer\n");
	if ((e = strstr(p, "/Prev")) != NULL && e < q) {
		const char *s = e;

		while (s > p && s[-1] == ' ')
			s--;
		buf_put(out, p, (size_t)(s - p));
		e += 5;
		e += strspn(e, " \r\n");
		e += strspn(e, "0123456789");
		e += strspn(e, " \r\n");
		p = e < q ? e : q;
	}
	buf_put(out, p, (size_t)(q - p));
	buf_printf(out, "   /Prev %ld\n>>\nstartxref\n%ld\n%%%%EOF\n", prev, newx);
	return 0;
}

/* End the update OUT (end_update's arguments) and append it to F. Return
 * 0, or -1 when TRAILER is not a dictionary or the write failed. */
static int
write_update(FILE *f, struct buf *out, long start, struct upd *u, size_t n, const char *trailer,
    long prev)
{
	if (end_update(out, start, u, n, trailer, prev) != 0 || fseek(f, 0, SEEK_END) != 0 ||
	    fwrite(out->data, 1, out->len, f) != out->len)
		return -1;
	return 0;
}

/* Close F (may be NULL) after an update of PATH that added WHAT; RET is
 * the update's result. Return RET, or -1 when closing failed, with the
 * error set either way. */
static int
close_update(FILE *f, const char *path, int ret, const char *what)
{
	if (ret != 0)
		err_set(path, 0, "cannot add %s: unexpected PDF structure", what);
	if (f && fclose(f) != 0 && ret == 0)
		ret = err_set(path, 0, "cannot write the PDF");
	return ret;
}

/* Read the object numbers of the references "N 0 R N 0 R …" in [P, END)
 * into *V (fresh array). Return how many. */
static size_t
parse_refs(const char *p, const char *end, long **v)
{
	size_t n = 0;

	*v = NULL;
	while (p < end) {
		char *e;
		long k = strtol(p, &e, 10);

		if (e == p || e > end)
			break;
		*v = xrealloc(*v, (n + 1) * sizeof(**v));
		(*v)[n++] = k;
		strtol(e, &e, 10);	/* the generation, 0 */
		p = e;
		while (p < end && (*p == ' ' || *p == 'R' || *p == '\n' || *p == '\r'))
			p++;
	}
	return n;
}

/* Read the structure elements that element O (an object's text) holds into
 * *V (fresh array): the references in its /K, which may also hold marked
 * content numbers and dictionaries (a link's /OBJR, an /MCR), skipped.
 * Return how many. */
static size_t
kid_refs(const char *o, long **v)
{
	const char *p = o, *end;
	size_t n = 0, cap = 0;

	*v = NULL;
	while ((p = strstr(p, "/K")) != NULL && p[2] != ' ' && p[2] != '[')
		p += 2;
	if (p == NULL)
		return 0;
	p += 2 + strspn(p + 2, " \r\n");
	if (*p == '[')
		end = strchr(++p, ']');
	else
		end = p + strcspn(p, "/>\r\n");
	if (end == NULL)
		return 0;
	while (p < end) {
		char *e, *g;
		long k;

		if (p[0] == '<' && p[1] == '<') {
			if ((p = strstr(p, ">>")) == NULL || p > end)
				break;
			p += 2;
			continue;
		}
		if (*p < '0' || *p > '9') {
			p++;
			continue;
		}
		k = strtol(p, &e, 10);
		p = e;
		/* "K 0 R" is a reference, a lone number marked content */
		if (strtol(e, &g, 10) == 0 && g != e && g < end) {
			g += strspn(g, " \r\n");
			if (*g == 'R') {
				ARRAY_GROW(*v, n, cap);
				(*v)[n++] = k;
				p = g + 1;
			}
		}
	}
	return n;
}

/* The structure type ("/Art") of the structure element whose text is O
 * into S (64 bytes; "" when it has none). */
static void
elem_type(const char *o, char *s)
{
	const char *p;

	s[0] = '\0';
	if ((p = strstr(o, "/S /")) != NULL && sscanf(p + 4, "%62[^ \n\r/>]", s + 1) == 1)
		s[0] = '/';
}

/* The structure type ("/Art") of structure element NUM into S (64 bytes). */
static void
struct_type(FILE *f, const struct xref *x, long num, char *s)
{
	char *o = read_obj(f, x, num);

	s[0] = '\0';
	if (o)
		elem_type(o, s);
	free(o);
}

/* Object numbers, growable. */
struct nums {
	long		*v;		/* owned */
	size_t		 n, cap;
};

/* 1 when structure type T ("/TD") is one of TYPES ("/TD /TH"). */
static int
type_in(const char *t, const char *types)
{
	size_t n = strlen(t);
	const char *p = types;

	if (n == 0)
		return 0;
	while ((p = strstr(p, t)) != NULL) {
		if ((p == types || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return 1;
		p += n;
	}
	return 0;
}

/* Append to FIGS the object numbers of the structure elements of a type
 * of TYPE ("/Figure", "/TD /TH") in the tree of element NUM, NUM included, in the tree's
 * order: the order cairo made them in, which is the order their tags were
 * begun. Return 0, or -1 when an element cannot be read. */
static int
find_elems(FILE *f, const struct xref *x, long num, int depth, const char *type,
    struct nums *figs)
{
	char *o = read_obj(f, x, num), t[64];
	long *kids = NULL;
	size_t nk = 0, i;
	int ret = -1;

	if (o == NULL || depth > 256)
		goto out;
	elem_type(o, t);
	if (type_in(t, type)) {
		ARRAY_GROW(figs->v, figs->n, figs->cap);
		figs->v[figs->n++] = num;
	}
	nk = kid_refs(o, &kids);
	for (i = 0; i < nk; i++)
		if (find_elems(f, x, kids[i], depth + 1, type, figs) != 0)
			goto out;
	ret = 0;
out:
	free(o);
	free(kids);
	return ret;
}

/* Append S (UTF-8) to OUT as a PDF text string: a literal string when S is
 * printable ASCII, else UTF-16BE with a byte order mark, in hex. Return 0,
 * or -1 when S is not UTF-8. */
static int
put_text_string(struct buf *out, const char *s)
{
	const unsigned char *p;
	gunichar2 *u;
	glong n, i;

	for (p = (const unsigned char *)s; *p >= 0x20 && *p < 0x7f; p++)
		;
	if (*p == '\0') {
		buf_putc(out, '(');
		for (p = (const unsigned char *)s; *p; p++) {
			if (*p == '(' || *p == ')' || *p == '\\')
				buf_putc(out, '\\');
			buf_putc(out, *p);
		}
		buf_putc(out, ')');
		return 0;
	}
	if ((u = g_utf8_to_utf16(s, -1, NULL, &n, NULL)) == NULL)
		return -1;
	buf_puts(out, "<FEFF");
	for (i = 0; i < n; i++)
		buf_printf(out, "%04X", (unsigned)u[i]);
	buf_putc(out, '>');
	g_free(u);
	return 0;
}

/* How update_elems writes a value: a text string, a literal string, or
 * as it is (a dictionary). */
enum { VAL_TEXT, VAL_LITERAL, VAL_RAW };

/* Give the structure elements of the types TYPE ("/Figure", "/TD /TH") of
 * the finished PDF at PATH the entry KEY ("/Alt") with the values VAL
 * (NULL: none), the i-th element (in the order cairo made them) the i-th
 * value, written as TEXT says (VAL_…), by an incremental update. WHAT
 * names the values in messages. Return 0, or -1 with the error set. */
static int
update_elems(const char *path, const char *type, const char *key, char *const *val, size_t nval,
    int text, const char *what)
{
	FILE *f = NULL;
	char *trailer = NULL, *cat = NULL, *root = NULL, *o = NULL, *p, *q;
	struct xref x = {0};
	struct nums figs = {0};
	struct upd *u = NULL;
	size_t nu = 0, ucap = 0, i, nk;
	long size, start, *kids = NULL;
	struct buf out = {0};
	int ret = -1;

	for (i = 0; i < nval && val[i] == NULL; i++)
		;
	if (i == nval)	/* no element has a value */
		return 0;
	if ((f = fopen(path, "r+b")) == NULL)
		return err_set(path, 0, "cannot reopen the PDF to add %s", what);
	if (find_end(f, &size, &start, &trailer) != 0 || xref_load(f, start, &x) != 0 ||
	    (p = strstr(trailer, "/Root")) == NULL ||
	    (cat = read_obj(f, &x, strtol(p + 5, NULL, 10))) == NULL ||
	    (p = strstr(cat, "/StructTreeRoot")) == NULL ||
	    (root = read_obj(f, &x, strtol(p + 15, NULL, 10))) == NULL)
		goto out;
	nk = kid_refs(root, &kids);
	for (i = 0; i < nk; i++)
		if (find_elems(f, &x, kids[i], 0, type, &figs) != 0)
			goto out;
	if (figs.n != nval) {
		warn_at(path, 0, "%s left out: %zu drawn, %zu in the structure tree", what,
		    nval, figs.n);
		ret = 0;
		goto out;
	}
	buf_putc(&out, '\n');
	for (i = 0; i < figs.n; i++) {
		if (val[i] == NULL)
			continue;
		if ((o = read_obj(f, &x, figs.v[i])) == NULL || (p = strstr(o, "<<")) == NULL ||
		    (q = strrchr(o, '>')) == NULL || q - p < 3 || q[-1] != '>')
			goto out;
		ARRAY_GROW(u, nu, ucap);
		u[nu].num = figs.v[i];
		u[nu++].off = size + (long)out.len;
		buf_printf(&out, "%ld 0 obj\n", figs.v[i]);
		buf_put(&out, p, (size_t)(q - 1 - p));
		buf_printf(&out, "   %s ", key);
		if (text == VAL_TEXT && put_text_string(&out, val[i]) != 0)
			goto out;
		if (text == VAL_LITERAL)
			buf_printf(&out, "(%s)", val[i]);
		if (text == VAL_RAW)
			buf_puts(&out, val[i]);
		buf_puts(&out, "\n>>\nendobj\n");
		free(o);
		o = NULL;
	}
	if (write_update(f, &out, size, u, nu, trailer, start) != 0)
		goto out;
	ret = 0;
out:
	ret = close_update(f, path, ret, what);
	free(trailer);
	free(cat);
	free(root);
	free(o);
	free(kids);
	free(figs.v);
	free(u);
	free(x.off);
	buf_free(&out);
	return ret;
}

int
pdf_update_alts(const char *path, char *const *alt, size_t nalt)
{
	return update_elems(path, "/Figure", "/Alt", alt, nalt, VAL_TEXT,
	    "the figures' alternative text");
}

int
pdf_update_langs(const char *path, char *const *lang, size_t nlang)
{
	size_t i;

	for (i = 0; i < nlang; i++)	/* a literal: the tag's letters only */
		if (lang[i] == NULL || !*lang[i] || strspn(lang[i], "abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") != strlen(lang[i]))
			return err_set(path, 0, "a language tag that cannot be written: '%s'",
			    lang[i] ? lang[i] : "");
	return update_elems(path, "/Span", "/Lang", lang, nlang, VAL_LITERAL, "the spans' languages");
}

/* ---- the parts of a table cell cut across pages, joined ---- */

/* The object number of the reference after KEY ("/P") in O, or 0. */
static long
ref_after(const char *o, const char *key)
{
	const char *p = strstr(o, key);

	return p ? strtol(p + strlen(key), NULL, 10) : 0;
}

/* Where the value of the /K entry of element O is: [*V0, *V1), *V0 at
 * "/K". Return 0, or -1 when it has none. */
static int
k_value(const char *o, const char **v0, const char **v1)
{
	const char *p = o, *q;

	while ((p = strstr(p, "/K")) != NULL && p[2] != ' ' && p[2] != '[')
		p += 2;
	if (p == NULL)
		return -1;
	*v0 = p;
	p += 2 + strspn(p + 2, " \r\n");
	if (*p == '[')
		q = strchr(p, ']');
	else if (p[0] == '<' && p[1] == '<')
		q = (q = strstr(p, ">>")) != NULL ? q + 1 : NULL;
	else
		q = p + strcspn(p, "/>\r\n") - 1;
	if (q == NULL)
		return -1;
	*v1 = q + 1;
	return 0;
}

/* Append the kids of element O to OUT: its marked content as /MCR
 * dictionaries on its page (so they may join another element's on other
 * pages), dictionaries and references as they are; the referenced
 * elements into KIDS. Return 0, or -1 when O has no page for them. */
static int
put_kids(struct buf *out, const char *o, struct nums *kids)
{
	const char *v0, *v1, *p;
	long pg = ref_after(o, "/Pg");

	if (k_value(o, &v0, &v1) != 0)
		return 0;
	for (p = v0 + 2; p < v1;) {
		char *e, *e2;
		long n;

		if (p[0] == '<' && p[1] == '<') {
			const char *q = strstr(p, ">>");

			if (q == NULL || q >= v1)
				return -1;
			buf_put(out, p, (size_t)(q + 2 - p));
			buf_putc(out, ' ');
			p = q + 2;
			continue;
		}
		if (*p < '0' || *p > '9') {
			p++;
			continue;
		}
		n = strtol(p, &e, 10);
		strtol(e, &e2, 10);
		e2 += strspn(e2, " \r\n");
		if (e2 > e && e2 < v1 && *e2 == 'R') {	/* an element */
			buf_printf(out, "%ld 0 R ", n);
			ARRAY_GROW(kids->v, kids->n, kids->cap);
			kids->v[kids->n++] = n;
			p = e2 + 1;
			continue;
		}
		if (pg <= 0)
			return -1;
		buf_printf(out, "<< /Type /MCR /Pg %ld 0 R /MCID %ld >> ", pg, n);
		p = e;
	}
	return 0;
}

/* Append to OUT object NUM, the element O with its /K replaced by K (an
 * array's contents), or with ENTRY ("/P") made a reference to TO when K is
 * NULL; record it in *U. Return 0, or -1 when O is not a dictionary. */
static int
put_changed(struct buf *out, long base, long num, const char *o, const char *k,
    const char *entry, long to, struct upd **u, size_t *nu, size_t *ucap)
{
	const char *p = strstr(o, "<<"), *q = strrchr(o, '>'), *v0, *v1;

	if (p == NULL || q == NULL || q - p < 3 || q[-1] != '>')
		return -1;
	if (k && k_value(o, &v0, &v1) != 0)
		return -1;
	if (!k) {
		if ((v0 = strstr(o, entry)) == NULL)
			return -1;
		v1 = v0 + strlen(entry);
		strtol(v1, (char **)&v1, 10);
		strtol(v1, (char **)&v1, 10);
		v1 += strspn(v1, " \r\n");
		if (*v1++ != 'R')
			return -1;
	}
	ARRAY_GROW(*u, *nu, *ucap);
	(*u)[*nu].num = num;
	(*u)[(*nu)++].off = base + (long)out->len;
	buf_printf(out, "%ld 0 obj\n", num);
	buf_put(out, p, (size_t)(v0 - p));
	if (k)
		buf_printf(out, "/K [ %s]", k);
	else
		buf_printf(out, "%s %ld 0 R", entry, to);
	buf_put(out, v1, (size_t)(q + 1 - v1));
	buf_puts(out, "\nendobj\n");
	return 0;
}

/* The cells' parts: for each cell element E->v[i] that is a later part
 * ("+C" in SPAN[i]), the element of its row's C-th cell it joins, into
 * TO[i] (0 for the others): the C-th cell of the last TR that began with
 * a first part (a row's slices are TRs one after another, the later ones
 * all parts). Return how many parts. */
static size_t
part_targets(FILE *f, const struct xref *x, const struct nums *e, char *const *span, long *to)
{
	long row = -1, *first = xcalloc(e->n + 1, sizeof(*first));
	size_t i, nfirst = 0, nparts = 0;

	for (i = 0; i < e->n; i++) {
		char *o = read_obj(f, x, e->v[i]);
		long p = o ? ref_after(o, "/P ") : 0;

		free(o);
		if (p != row && !(span[i] && span[i][0] == '+')) {	/* a new row */
			row = p;
			nfirst = 0;
		}
		row = p;
		if (span[i] && span[i][0] == '+') {
			size_t c = (size_t)strtoul(span[i] + 1, NULL, 10);

			if (c < nfirst) {
				to[i] = first[c];
				nparts++;
			}
		} else
			first[nfirst++] = e->v[i];
	}
	free(first);
	return nparts;
}

/* Append to OUT the joined cells: each first part with its later parts'
 * kids after its own, the later parts' element kids pointing to it; each
 * row without the later parts. Return 0, or -1. */
static int
join_parts(FILE *f, const struct xref *x, const struct nums *e, const long *to, struct buf *out,
    long base, struct upd **u, size_t *nu, size_t *ucap)
{
	struct buf k = {0};
	struct nums kids = {0};
	char *o = NULL, *po = NULL;
	size_t i, j, m;
	int ret = -1;

	for (i = 0; i < e->n; i++) {
		int has = 0;

		for (j = i + 1; j < e->n && !has; j++)
			has = to[j] == e->v[i];
		if (!has)
			continue;
		k.len = 0;
		if ((o = read_obj(f, x, e->v[i])) == NULL || put_kids(&k, o, &kids) != 0)
			goto out;
		for (j = i + 1; j < e->n; j++) {
			size_t k0 = kids.n;

			if (to[j] != e->v[i])
				continue;
			free(po);
			if ((po = read_obj(f, x, e->v[j])) == NULL || put_kids(&k, po, &kids) != 0)
				goto out;
			for (m = k0; m < kids.n; m++) {	/* a link inside: its parent now */
				free(po);
				if ((po = read_obj(f, x, kids.v[m])) == NULL ||
				    put_changed(out, base, kids.v[m], po, NULL, "/P ", e->v[i], u, nu, ucap) != 0)
					goto out;
			}
		}
		if (put_changed(out, base, e->v[i], o, buf_str(&k), NULL, 0, u, nu, ucap) != 0)
			goto out;
		free(o);
		o = NULL;
	}
	ret = 0;
out:
	free(o);
	free(po);
	free(kids.v);
	buf_free(&k);
	return ret;
}

/* Append to OUT each row (TR) holding later parts of cells (TO[i] set)
 * and some cell of its own, its /K without the parts; a row left with
 * none (a later slice) into *GONE. Return 0, or -1. */
static int
rows_without_parts(FILE *f, const struct xref *x, const struct nums *e, const long *to,
    struct nums *gone, struct buf *out, long base, struct upd **u, size_t *nu, size_t *ucap)
{
	long done = 0;
	size_t i, j;

	for (i = 0; i < e->n; i++) {
		char *o, *ro;
		long row, *kids = NULL;
		size_t nk, left = 0;
		struct buf k = {0};
		int r = 0;

		if (!to[i])
			continue;
		o = read_obj(f, x, e->v[i]);
		row = o ? ref_after(o, "/P ") : 0;
		free(o);
		if (row == done)
			continue;
		done = row;
		if ((ro = read_obj(f, x, row)) == NULL)
			return -1;
		nk = kid_refs(ro, &kids);
		for (j = 0; j < nk; j++) {
			size_t q;

			for (q = 0; q < e->n && !(e->v[q] == kids[j] && to[q]); q++)
				;
			if (q == e->n) {
				buf_printf(&k, "%ld 0 R ", kids[j]);
				left++;
			}
		}
		if (left)
			r = put_changed(out, base, row, ro, buf_str(&k), NULL, 0, u, nu, ucap);
		else {
			ARRAY_GROW(gone->v, gone->n, gone->cap);
			gone->v[gone->n++] = row;
		}
		free(ro);
		free(kids);
		buf_free(&k);
		if (r != 0)
			return -1;
	}
	return 0;
}

/* Append to OUT the parents (tables) of the rows GONE, their /K without
 * them. Return 0, or -1. */
static int
drop_rows(FILE *f, const struct xref *x, const struct nums *gone, struct buf *out, long base,
    struct upd **u, size_t *nu, size_t *ucap)
{
	long done = 0;
	size_t i, j, q;

	for (i = 0; i < gone->n; i++) {
		char *o = read_obj(f, x, gone->v[i]), *to;
		long t = o ? ref_after(o, "/P ") : 0, *kids = NULL;
		size_t nk;
		struct buf k = {0};
		int r;

		free(o);
		if (t == done)
			continue;	/* the rows of one table come one after another */
		done = t;
		if ((to = read_obj(f, x, t)) == NULL)
			return -1;
		nk = kid_refs(to, &kids);
		for (j = 0; j < nk; j++) {
			for (q = 0; q < gone->n && gone->v[q] != kids[j]; q++)
				;
			if (q == gone->n)
				buf_printf(&k, "%ld 0 R ", kids[j]);
		}
		r = put_changed(out, base, t, to, buf_str(&k), NULL, 0, u, nu, ucap);
		free(to);
		free(kids);
		buf_free(&k);
		if (r != 0)
			return -1;
	}
	return 0;
}

/* Append to OUT the parent tree's page arrays (of the structure tree root
 * ROOT's text) whose references name a later part E->v[i] of a cell
 * (TO[i] set), naming the cell it joins instead. Return 0, or -1. */
static int
reparent_marks(FILE *f, const struct xref *x, const char *root, const struct nums *e,
    const long *to, struct buf *out, long base, struct upd **u, size_t *nu, size_t *ucap)
{
	char *pt = read_obj(f, x, ref_after(root, "/ParentTree ")), *p, *q;
	size_t i;
	int ret = -1;

	if (pt == NULL || (p = strstr(pt, "/Nums")) == NULL || (p = strchr(p, '[')) == NULL ||
	    (q = strchr(p, ']')) == NULL)
		goto out;
	/* pairs "key ref": the refs, every other number pair */
	for (p++; p < q;) {
		char *e1, *o, *a, *b;
		long ref, *v = NULL;
		size_t nv, j, changed = 0;
		struct buf k = {0};

		strtol(p, &e1, 10);	/* the page's key */
		if (e1 == p)
			break;
		ref = strtol(e1, &e1, 10);
		strtol(e1, &e1, 10);
		p = e1 + strspn(e1, " \r\n");
		if (*p == 'R')
			p++;
		p += strspn(p, " \r\n");
		if ((o = read_obj(f, x, ref)) == NULL)
			goto out;
		if ((a = strchr(o, '[')) == NULL || (b = strrchr(o, ']')) == NULL || strstr(a, "null")) {
			free(o);
			continue;	/* not an array of references: left as it is */
		}
		nv = parse_refs(a + 1, b, &v);
		for (j = 0; j < nv; j++) {
			for (i = 0; i < e->n && !(to[i] && e->v[i] == v[j]); i++)
				;
			if (i < e->n) {
				v[j] = to[i];
				changed++;
			}
			buf_printf(&k, "%ld 0 R ", v[j]);
		}
		if (changed) {
			ARRAY_GROW(*u, *nu, *ucap);
			(*u)[*nu].num = ref;
			(*u)[(*nu)++].off = base + (long)out->len;
			buf_printf(out, "%ld 0 obj\n[ %s]\nendobj\n", ref, buf_str(&k));
		}
		free(o);
		free(v);
		buf_free(&k);
	}
	ret = 0;
out:
	free(pt);
	return ret;
}

/* Join the parts of each table cell cut across pages (the cells E, SPAN
 * "+C" for a later part of its row's C-th cell) into one TD or TH, and
 * each row's TR without them, by an incremental update of the PDF at
 * PATH. Return 0, or -1 with the error set. */
static int
join_cells(const char *path, char *const *span, size_t nspan)
{
	FILE *f = NULL;
	char *trailer = NULL, *cat = NULL, *root = NULL, *p;
	struct xref x = {0};
	struct nums e = {0}, gone = {0};
	struct upd *u = NULL;
	size_t nu = 0, ucap = 0, i, nk;
	long size, start, *kids = NULL, *to = NULL;
	struct buf out = {0};
	int ret = -1;

	for (i = 0; i < nspan && !(span[i] && span[i][0] == '+'); i++)
		;
	if (i == nspan)	/* no cell was cut */
		return 0;
	if ((f = fopen(path, "r+b")) == NULL)
		return err_set(path, 0, "cannot reopen the PDF to join the table cells' parts");
	if (find_end(f, &size, &start, &trailer) != 0 || xref_load(f, start, &x) != 0 ||
	    (p = strstr(trailer, "/Root")) == NULL ||
	    (cat = read_obj(f, &x, strtol(p + 5, NULL, 10))) == NULL ||
	    (root = read_obj(f, &x, ref_after(cat, "/StructTreeRoot"))) == NULL)
		goto out;
	nk = kid_refs(root, &kids);
	for (i = 0; i < nk; i++)
		if (find_elems(f, &x, kids[i], 0, "/TD /TH", &e) != 0)
			goto out;
	ret = 0;
	if (e.n != nspan) {
		warn_at(path, 0, "table cells cut across pages left in parts: %zu drawn, %zu in the "
		    "structure tree", nspan, e.n);
		goto out;
	}
	to = xcalloc(e.n + 1, sizeof(*to));
	if (part_targets(f, &x, &e, span, to) == 0)
		goto out;
	ret = -1;
	buf_putc(&out, '\n');
	if (join_parts(f, &x, &e, to, &out, size, &u, &nu, &ucap) != 0 ||
	    rows_without_parts(f, &x, &e, to, &gone, &out, size, &u, &nu, &ucap) != 0 ||
	    drop_rows(f, &x, &gone, &out, size, &u, &nu, &ucap) != 0 ||
	    reparent_marks(f, &x, root, &e, to, &out, size, &u, &nu, &ucap) != 0 ||
	    end_update(&out, size, u, nu, trailer, start) != 0 ||
	    fseek(f, 0, SEEK_END) != 0 || fwrite(out.data, 1, out.len, f) != out.len)
		goto out;
	ret = 0;
out:
	if (ret != 0)
		err_set(path, 0, "cannot join the table cells' parts: unexpected PDF structure");
	if (fclose(f) != 0 && ret == 0)
		ret = err_set(path, 0, "cannot write the PDF");
	free(trailer);
	free(cat);
	free(root);
	free(kids);
	free(to);
	free(e.v);
	free(gone.v);
	free(u);
	free(x.off);
	buf_free(&out);
	return ret;
}

int
pdf_update_cells(const char *path, char *const *span, size_t nspan)
{
	char **a = xcalloc(nspan + 1, sizeof(*a));
	size_t i;
	int r;

	for (i = 0; i < nspan; i++)	/* "/ColSpan 2": the Table owner's attributes */
		if (span[i] && span[i][0] != '+')
			a[i] = xprintf("<< /O /Table %s >>", span[i]);
	r = update_elems(path, "/TD /TH", "/A", a, nspan, VAL_RAW, "the table cells' spans");
	if (r == 0)	/* then the parts of a cell cut across pages */
		r = join_cells(path, span, nspan);
	for (i = 0; i < nspan; i++)
		free(a[i]);
	free(a);
	return r;
}

/* Cairo puts structure elements in the order they were drawn, so the
 * contents come after the articles. Append to OUT a new version of the
 * Document element (the structure tree's root child, whose catalog text is
 * CAT) with the elements after the last /Art moved before the first.
 * Return its object number, or 0 when there is nothing to move. */
static long
reorder_structure(FILE *f, const struct xref *x, const char *cat, struct buf *out)
{
	char *root = NULL, *doc = NULL, *p, *q, type[64];
	long rnum, dnum = 0, *kids = NULL, nk = 0, first = -1, last = -1, i, ret = 0;

	if ((p = strstr(cat, "/StructTreeRoot")) == NULL)
		return 0;
	rnum = strtol(p + 15, NULL, 10);
	if ((root = read_obj(f, x, rnum)) == NULL || (p = strstr(root, "/K")) == NULL)
		goto out;
	p += 2;
	while (*p == ' ' || *p == '[')
		p++;
	dnum = strtol(p, NULL, 10);
	if (dnum <= 0 || (doc = read_obj(f, x, dnum)) == NULL ||
	    (p = strstr(doc, "/K [")) == NULL || (q = strchr(p, ']')) == NULL)
		goto out;
	nk = (long)parse_refs(p + 4, q, &kids);
	for (i = 0; i < nk; i++) {
		struct_type(f, x, kids[i], type);
		if (strcmp(type, "/Art") == 0) {
			if (first < 0)
				first = i;
			last = i;
		}
	}
	if (first < 0 || last + 1 >= nk)
		goto out;
	p = strstr(doc, "/K [");
	buf_put(out, doc, (size_t)(p - doc));
	buf_puts(out, "/K [");
	for (i = 0; i < first; i++)
		buf_printf(out, " %ld 0 R", kids[i]);
	for (i = last + 1; i < nk; i++)
		buf_printf(out, " %ld 0 R", kids[i]);
	for (i = first; i <= last; i++)
		buf_printf(out, " %ld 0 R", kids[i]);
	buf_puts(out, q);
	buf_putc(out, '\n');
	ret = dnum;
out:
	free(root);
	free(doc);
	free(kids);
	return ret;
}

int
pdf_update_fixup(const char *path, int from, int n, int at, int nfront, const char *lang,
    int ncover, const char *cover)
{
	FILE *f = fopen(path, "r+b");
	char *trailer = NULL, *cat = NULL, *pages = NULL, *info = NULL, *p, *q;
	long size, xref, root, pnum, *kids = NULL, nkids = 0, i;
	struct xref x = {0};
	struct upd u[4];
	struct buf out = {0};
	size_t nu = 0;
	int ret = -1;

	if (f == NULL)
		return err_set(path, 0, "cannot reopen the PDF to add page labels");
	if (find_end(f, &size, &xref, &trailer) != 0 || xref_load(f, xref, &x) != 0 ||
	    (p = strstr(trailer, "/Root")) == NULL)
		goto bad;
	root = strtol(p + 5, NULL, 10);
	if ((cat = read_obj(f, &x, root)) == NULL || (p = strstr(cat, "/Pages")) == NULL)
		goto bad;
	pnum = strtol(p + 6, NULL, 10);
	if ((pages = read_obj(f, &x, pnum)) == NULL || (p = strstr(pages, "/Kids")) == NULL ||
	    (p = strchr(p, '[')) == NULL)
		goto bad;
	if ((q = strchr(p, ']')) == NULL)
		goto bad;
	nkids = (long)parse_refs(p + 1, q, &kids);
	if (from < 0 || n < 0 || from + n > nkids || at < 0 || at > from)
		goto bad;
	/* the incremental update: the page tree in the new order, the catalog
	 * with page labels, an xref section and a trailer pointing back */
	buf_printf(&out, "\n");
	u[nu].num = pnum;
	u[nu++].off = size + (long)out.len;
	buf_printf(&out, "%ld 0 obj\n<< /Type /Pages\n   /Kids [", pnum);
	for (i = 0; i < at; i++)
		buf_printf(&out, " %ld 0 R", kids[i]);
	for (i = from; i < from + n; i++)
		buf_printf(&out, " %ld 0 R", kids[i]);
	for (i = at; i < from; i++)
		buf_printf(&out, " %ld 0 R", kids[i]);
	for (i = from + n; i < nkids; i++)
		buf_printf(&out, " %ld 0 R", kids[i]);
	buf_printf(&out, " ]\n   /Count %ld\n>>\nendobj\n", nkids);
	if ((p = strstr(cat, "<<")) == NULL || (q = strrchr(cat, '>')) == NULL || q - p < 3)
		goto bad;
	u[nu].num = root;
	u[nu++].off = size + (long)out.len;
	buf_printf(&out, "%ld 0 obj\n", root);
	buf_put(&out, p, (size_t)(q - 1 - p));
	/* the cover's pages: a label and no number */
	buf_puts(&out, "   /PageLabels << /Nums [ ");
	if (ncover > 0) {
		buf_puts(&out, "0 << /P ");
		if (put_text_string(&out, cover ? cover : "Cover") != 0)
			goto bad;
		buf_puts(&out, " >> ");
	}
	buf_printf(&out, "%d << /S /r >> %d << /S /D >> ] >>\n", ncover, nfront);
	/* the language for screen readers, the title in the window, and the
	 * outline open beside the pages */
	if (lang && *lang && strspn(lang, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") ==
	    strlen(lang) && !strstr(cat, "/Lang"))
		buf_printf(&out, "   /Lang (%s)\n", lang);
	if (!strstr(cat, "/ViewerPreferences"))
		buf_puts(&out, "   /ViewerPreferences << /DisplayDocTitle true >>\n");
	if (!strstr(cat, "/PageMode"))
		buf_puts(&out, "   /PageMode /UseOutlines\n");
	buf_puts(&out, ">>\nendobj\n");
	/* cairo 1.16 writes its dates without the "D:" the PDF date format
	 * starts with: mend them in the document information too */
	if ((p = strstr(trailer, "/Info")) != NULL && (info = read_obj(f, &x, strtol(p + 5, NULL, 10))) != NULL &&
	    (p = strstr(info, "obj")) != NULL && (q = strstr(info, "endobj")) != NULL &&
	    (strstr(info, "/CreationDate (") || strstr(info, "/ModDate ("))) {
		u[nu].num = strtol(info, NULL, 10);
		u[nu++].off = size + (long)out.len;
		buf_printf(&out, "%ld 0 ", u[nu - 1].num);
		for (; p < q; p++) {
			buf_putc(&out, *p);
			if ((str_startswith(p, "/CreationDate (") || str_startswith(p, "/ModDate (")) &&
			    !str_startswith(strchr(p, '(') + 1, "D:")) {
				size_t k = (size_t)(strchr(p, '(') - p);

				buf_put(&out, p + 1, k);
				buf_puts(&out, "D:");
				p += k;
			}
		}
		buf_puts(&out, "endobj\n");
	}
	/* the structure tree in reading order: the contents, drawn last, go
	 * before the first article */
	u[nu].off = size + (long)out.len;
	if ((u[nu].num = reorder_structure(f, &x, cat, &out)) > 0)
		nu++;
	if (write_update(f, &out, size, u, nu, trailer, xref) != 0)
		goto bad;
	ret = 0;
bad:
	ret = close_update(f, path, ret, "page labels");
	free(trailer);
	free(cat);
	free(pages);
	free(info);
	free(kids);
	free(x.off);
	buf_free(&out);
	return ret;
}

/* Append to OUT S with the five XML specials escaped. */
static void
put_xml(struct buf *out, const char *s)
{
	for (; s && *s; s++)
		switch (*s) {
		case '&': buf_puts(out, "&amp;"); break;
		case '<': buf_puts(out, "&lt;"); break;
		case '>': buf_puts(out, "&gt;"); break;
		case '"': buf_puts(out, "&quot;"); break;
		default: buf_putc(out, *s);
		}
}

/* Copy into D (DN bytes) the ASCII literal string after KEY in the
 * dictionary INFO, or "" when there is none. */
static void
info_literal(const char *info, const char *key, char *d, size_t dn)
{
	const char *p = info ? strstr(info, key) : NULL;
	size_t k = 0;
	int depth = 0;	/* balanced parentheses stand unescaped in a literal */

	d[0] = '\0';
	if (p == NULL || (p = strchr(p, '(')) == NULL)
		return;
	for (p++; *p && (*p != ')' || depth > 0) && *p != '\\' && k + 1 < dn; p++) {
		depth += (*p == '(') - (*p == ')');
		d[k++] = *p;
	}
	d[k] = '\0';
}

/* Append to OUT the XMP packet of the book B, whose document information
 * dictionary is INFO (its dates and producer are copied from it). */
static void
put_xmp(struct buf *out, const struct book *b, const char *info)
{
	char pr[128], cd[32], xd[40];
	size_t i, n;
	char **v;

	info_literal(info, "/Producer", pr, sizeof(pr));
	info_literal(info, "/CreationDate", cd, sizeof(cd));
	if (str_startswith(cd, "D:"))
		memmove(cd, cd + 2, strlen(cd + 2) + 1);
	snprintf(xd, sizeof(xd), "%.4s-%.2s-%.2sT%.2s:%.2s:%.2sZ", cd, cd + 4, cd + 6, cd + 8,
	    cd + 10, cd + 12);
	buf_puts(out, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
	    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
	    "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
	    "<rdf:Description rdf:about=\"\"\n"
	    " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
	    " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
	    " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n");
	buf_puts(out, "<dc:format>application/pdf</dc:format>\n");
	if (b->title) {
		buf_puts(out, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">");
		put_xml(out, b->title);
		buf_puts(out, "</rdf:li></rdf:Alt></dc:title>\n");
	}
	if (b->nauthors) {
		buf_puts(out, "<dc:creator><rdf:Seq>");
		for (i = 0; i < b->nauthors; i++) {
			buf_puts(out, "<rdf:li>");
			put_xml(out, b->authors[i]);
			buf_puts(out, "</rdf:li>");
		}
		buf_puts(out, "</rdf:Seq></dc:creator>\n");
	}
	if (b->description || b->subtitle) {
		buf_puts(out, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">");
		put_xml(out, b->description ? b->description : b->subtitle);
		buf_puts(out, "</rdf:li></rdf:Alt></dc:description>\n");
	}
	if (b->lang) {
		buf_puts(out, "<dc:language><rdf:Bag><rdf:li>");
		put_xml(out, b->lang);
		buf_puts(out, "</rdf:li></rdf:Bag></dc:language>\n");
	}
	v = book_subjects(b, &n);
	if (n) {
		buf_puts(out, "<dc:subject><rdf:Bag>");
		for (i = 0; i < n; i++) {
			buf_puts(out, "<rdf:li>");
			put_xml(out, v[i]);
			buf_puts(out, "</rdf:li>");
		}
		buf_puts(out, "</rdf:Bag></dc:subject>\n<pdf:Keywords>");
		for (i = 0; i < n; i++) {
			buf_puts(out, i ? ", " : "");
			put_xml(out, v[i]);
		}
		buf_puts(out, "</pdf:Keywords>\n");
	}
	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
	if (strlen(cd) >= 14)
		buf_printf(out, "<xmp:CreateDate>%s</xmp:CreateDate>\n<xmp:ModifyDate>%s</xmp:ModifyDate>\n"
		    "<xmp:MetadataDate>%s</xmp:MetadataDate>\n", xd, xd, xd);
	buf_puts(out, "<xmp:CreatorTool>mkbook " MKBOOK_VERSION "</xmp:CreatorTool>\n");
	if (*pr) {
		buf_puts(out, "<pdf:Producer>");
		put_xml(out, pr);
		buf_puts(out, "</pdf:Producer>\n");
	}
	buf_puts(out, "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
}

/* Append to OUT the content stream drawing the crop marks of a W x H pt
 * trim: at each corner two trim marks, hairlines in line with the trim
 * from BLEED outside it to the media's edge, SLUG further out, and two
 * bleed marks beside them, half as long, in line with the bleed's edge. */
static void
put_marks(struct buf *out, double w, double h, double bleed, double slug)
{
	double a = bleed + 1, z = bleed + slug, m = bleed + slug / 2, b = bleed;

	buf_puts(out, "Q q /Artifact BMC 0.25 w 0 G\n");
	buf_printf(out, "%.3f 0 m %.3f 0 l %.3f 0 m %.3f 0 l %.3f %.3f m %.3f %.3f l %.3f %.3f m %.3f %.3f l S\n",
	    -a, -z, w + a, w + z, -a, h, -z, h, w + a, h, w + z, h);
	buf_printf(out, "0 %.3f m 0 %.3f l %.3f %.3f m %.3f %.3f l 0 %.3f m 0 %.3f l %.3f %.3f m %.3f %.3f l S\n",
	    -a, -z, w, -a, w, -z, h + a, h + z, w, h + a, w, h + z);
	/* the bleed marks: horizontal ones at the bleed's foot and head,
	 * vertical ones at its left and right edges */
	buf_printf(out, "%.3f %.3f m %.3f %.3f l %.3f %.3f m %.3f %.3f l %.3f %.3f m %.3f %.3f l %.3f %.3f m %.3f %.3f l S\n",
	    -a, -b, -m, -b, w + a, -b, w + m, -b, -a, h + b, -m, h + b, w + a, h + b, w + m, h + b);
	buf_printf(out, "%.3f %.3f m %.3f %.3f l %.3f %.3f m %.3f %.3f l %.3f %.3f m %.3f %.3f l %.3f %.3f m %.3f %.3f l S\n",
	    -b, -a, -b, -m, w + b, -a, w + b, -m, -b, h + a, -b, h + m, w + b, h + a, w + b, h + m);
	buf_puts(out, "EMC Q\n");
}

/* Append to OUT object NUM, a stream of the N bytes D with DICT's entries. */
static void
put_stream(struct buf *out, long num, const char *dict, const void *d, size_t n)
{
	buf_printf(out, "%ld 0 obj\n<< %s /Length %zu >>\nstream\n", num, dict, n);
	buf_put(out, d, n);
	buf_puts(out, "\nendstream\nendobj\n");
}

/* Append to OUT a new version of page object O (number NUM) with the boxes
 * of PP and, when MARKS > 0, the contents [Q0 old MARKS]. Return 0 or -1. */
static int
put_page(struct buf *out, long num, const char *o, const struct pdf_print *pp, long q0, long marks)
{
	const char *p = strstr(o, "<<"), *e = strrchr(o, '>'), *mb, *mbe, *c;
	double b = pp->bleed, s = pp->slug, w = pp->w, h = pp->h;
	double lo = b + s > 0 ? -(b + s) : 0, bl = b > 0 ? -b : 0;	/* never "-0.000" */

	if (p == NULL || e == NULL || e - p < 3 || (mb = strstr(p, "/MediaBox")) == NULL ||
	    (mbe = strchr(mb, ']')) == NULL || (c = strstr(p, "/Contents")) == NULL)
		return -1;
	e--;
	buf_printf(out, "%ld 0 obj\n", num);
	if (marks > 0) {
		long cn = strtol(c + 9, NULL, 10);

		if (cn <= 0 || c < mbe)
			return -1;
		buf_put(out, p, (size_t)(mb - p));
		buf_put(out, mbe + 1, (size_t)(c - mbe - 1));
		buf_printf(out, "/Contents [ %ld 0 R %ld 0 R %ld 0 R ]", q0, cn, marks);
		c += 9;
		c += strspn(c, " ");
		c += strspn(c, "0123456789");
		c += strspn(c, " 0");
		if (*c++ != 'R')
			return -1;
		buf_put(out, c, (size_t)(e - c));
	} else {
		buf_put(out, p, (size_t)(mb - p));
		buf_put(out, mbe + 1, (size_t)(e - mbe - 1));
	}
	buf_printf(out, "   /MediaBox [ %.3f %.3f %.3f %.3f ]\n", lo, lo, w + b + s, h + b + s);
	buf_printf(out, "   /BleedBox [ %.3f %.3f %.3f %.3f ]\n", bl, bl, w + b, h + b);
	buf_printf(out, "   /TrimBox [ 0 0 %.3f %.3f ]\n>>\nendobj\n", w, h);
	return 0;
}

/* Append to OUT new versions of the /Art structure elements (children of
 * the Document element of the catalog CAT), the i-th with the language of
 * B's i-th article, recording each in *U. Return 0, or -1 when the tree has
 * not one /Art per article. */
static int
put_art_langs(FILE *f, const struct xref *x, const char *cat, const struct book *b,
    struct buf *out, long base, struct upd **u, size_t *nu, size_t *ucap)
{
	char *root = NULL, *doc = NULL, *o = NULL, *p, *q, type[64];
	long dnum, *kids = NULL, nk = 0, i;
	size_t k = 0;
	int ret = -1;

	if ((p = strstr(cat, "/StructTreeRoot")) == NULL)
		return 0;	/* untagged: nothing to say it on */
	if ((root = read_obj(f, x, strtol(p + 15, NULL, 10))) == NULL || (p = strstr(root, "/K")) == NULL)
		goto out;
	p += 2;
	p += strspn(p, " [");
	dnum = strtol(p, NULL, 10);
	if (dnum <= 0 || (doc = read_obj(f, x, dnum)) == NULL ||
	    (p = strstr(doc, "/K [")) == NULL || (q = strchr(p, ']')) == NULL)
		goto out;
	nk = (long)parse_refs(p + 4, q, &kids);
	for (i = 0; i < nk; i++) {
		const char *lang;

		struct_type(f, x, kids[i], type);
		if (strcmp(type, "/Art") != 0)
			continue;
		if (k >= b->narticles)
			goto out;
		lang = b->articles[k++]->lang;
		if (lang == NULL || !*lang || strspn(lang, "abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") != strlen(lang))
			continue;
		if ((o = read_obj(f, x, kids[i])) == NULL || (p = strstr(o, "<<")) == NULL ||
		    (q = strrchr(o, '>')) == NULL || q - p < 3 || q[-1] != '>' || strstr(o, "/Lang"))
			goto out;
		ARRAY_GROW(*u, *nu, *ucap);
		(*u)[*nu].num = kids[i];
		(*u)[(*nu)++].off = base + (long)out->len;
		buf_printf(out, "%ld 0 obj\n", kids[i]);
		buf_put(out, p, (size_t)(q - 1 - p));
		buf_printf(out, "   /Lang (%s)\n>>\nendobj\n", lang);
		free(o);
		o = NULL;
	}
	ret = k == b->narticles ? 0 : -1;
out:
	free(root);
	free(doc);
	free(o);
	free(kids);
	return ret;
}

/* Return a copy of the trailer dictionary T with /Size set to SIZE. */
static char *
trailer_size(const char *t, long size)
{
	struct buf b = {0};
	const char *p = strstr(t, "/Size");

	if (p == NULL)
		return NULL;
	buf_put(&b, t, (size_t)(p - t));
	buf_printf(&b, "/Size %ld", size);
	p += 5;
	p += strspn(p, " \r\n");
	p += strspn(p, "0123456789");
	buf_puts(&b, p);
	return buf_detach(&b);
}

int
pdf_update_print(const char *path, const struct book *b, const struct pdf_print *pp)
{
	FILE *f = fopen(path, "r+b");
	char *trailer = NULL, *nt = NULL, *cat = NULL, *pages = NULL, *info = NULL, *o = NULL;
	char *icc = NULL, *p, *q;
	long size, xref, root, nobj, *kids = NULL, nkids = 0, i, q0 = 0, marks = 0, xmp, intent;
	struct xref x = {0};
	struct upd *u = NULL;
	size_t nu = 0, ucap = 0, iccn = 0;
	struct buf out = {0}, s = {0};
	int ret = -1;

	if (f == NULL)
		return err_set(path, 0, "cannot reopen the PDF to add its print boxes");
	if (pp->icc && file_read(pp->icc, &icc, &iccn) != 0)
		warn_at(pp->icc, 0, "no sRGB profile: the PDF gets no output intent (install icc-profiles-free)");
	if (find_end(f, &size, &xref, &trailer) != 0 || xref_load(f, xref, &x) != 0 ||
	    (p = strstr(trailer, "/Root")) == NULL || (q = strstr(trailer, "/Size")) == NULL)
		goto bad;
	root = strtol(p + 5, NULL, 10);
	nobj = strtol(q + 5, NULL, 10);
	if ((cat = read_obj(f, &x, root)) == NULL || (p = strstr(cat, "/Pages")) == NULL ||
	    (pages = read_obj(f, &x, strtol(p + 6, NULL, 10))) == NULL ||
	    (p = strstr(pages, "/Kids")) == NULL || (p = strchr(p, '[')) == NULL ||
	    (q = strchr(p, ']')) == NULL)
		goto bad;
	nkids = (long)parse_refs(p + 1, q, &kids);
	if ((p = strstr(trailer, "/Info")) != NULL)
		info = read_obj(f, &x, strtol(p + 5, NULL, 10));
	buf_putc(&out, '\n');
	if (pp->marks) {	/* "q", the old contents, then "Q" and the marks */
		q0 = nobj++;
		ARRAY_GROW(u, nu, ucap);
		u[nu].num = q0;
		u[nu++].off = size + (long)out.len;
		/* the pages' own contents clipped to the bleed: a cover's
		 * picture or ground runs no further, and the slug stays white */
		buf_printf(&s, "q %.3f %.3f %.3f %.3f re W n\n", -pp->bleed, -pp->bleed,
		    pp->w + 2 * pp->bleed, pp->h + 2 * pp->bleed);
		put_stream(&out, q0, "", s.data, s.len);
		s.len = 0;
		marks = nobj++;
		put_marks(&s, pp->w, pp->h, pp->bleed, pp->slug);
		ARRAY_GROW(u, nu, ucap);
		u[nu].num = marks;
		u[nu++].off = size + (long)out.len;
		put_stream(&out, marks, "", s.data, s.len);
	}
	for (i = 0; i < nkids; i++) {
		if ((o = read_obj(f, &x, kids[i])) == NULL)
			goto bad;
		ARRAY_GROW(u, nu, ucap);
		u[nu].num = kids[i];
		u[nu++].off = size + (long)out.len;
		if (put_page(&out, kids[i], o, pp, q0, marks) != 0)
			goto bad;
		free(o);
		o = NULL;
	}
	if (put_art_langs(f, &x, cat, b, &out, size, &u, &nu, &ucap) != 0)
		goto bad;
	xmp = nobj++;
	s.len = 0;
	put_xmp(&s, b, info);
	ARRAY_GROW(u, nu, ucap);
	u[nu].num = xmp;
	u[nu++].off = size + (long)out.len;
	put_stream(&out, xmp, "/Type /Metadata /Subtype /XML", s.data, s.len);
	intent = 0;
	if (icc) {
		intent = nobj++;
		ARRAY_GROW(u, nu, ucap);
		u[nu].num = intent;
		u[nu++].off = size + (long)out.len;
		put_stream(&out, intent, "/N 3", icc, iccn);
	}
	if ((p = strstr(cat, "<<")) == NULL || (q = strrchr(cat, '>')) == NULL || q - p < 3)
		goto bad;
	ARRAY_GROW(u, nu, ucap);
	u[nu].num = root;
	u[nu++].off = size + (long)out.len;
	buf_printf(&out, "%ld 0 obj\n", root);
	buf_put(&out, p, (size_t)(q - 1 - p));
	buf_printf(&out, "   /Metadata %ld 0 R\n", xmp);
	if (intent)	/* sRGB, the colour space everything is drawn in */
		buf_printf(&out, "   /OutputIntents [ << /Type /OutputIntent /S /GTS_PDFA1\n"
		    "      /OutputConditionIdentifier (sRGB IEC61966-2.1) /Info (sRGB IEC61966-2.1)\n"
		    "      /RegistryName (http://www.color.org) /DestOutputProfile %ld 0 R >> ]\n", intent);
	buf_puts(&out, ">>\nendobj\n");
	if ((nt = trailer_size(trailer, nobj)) == NULL ||
	    write_update(f, &out, size, u, nu, nt, xref) != 0)
		goto bad;
	ret = 0;
bad:
	ret = close_update(f, path, ret, "the print boxes");
	free(trailer);
	free(nt);
	free(cat);
	free(pages);
	free(info);
	free(o);
	free(icc);
	free(kids);
	free(u);
	free(x.off);
	buf_free(&out);
	buf_free(&s);
	return ret;
}
