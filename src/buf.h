/* Growable byte buffers and the allocator every module uses. */
#ifndef MKBOOK_BUF_H
#define MKBOOK_BUF_H

#include <stdarg.h>
#include <stddef.h>

/* Allocation never fails: on out-of-memory the process aborts. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);            /* NULL in, NULL out */
char *xstrndup(const char *s, size_t n);  /* at most N bytes, stops at a NUL */
char *xmemdup(const void *p, size_t n);   /* exactly N bytes (NULs too), plus a NUL */
char *xprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Grow an array *P of *N used and *CAP allocated elements to hold one more. */
#define ARRAY_GROW(p, n, cap)                                           \
	do {                                                            \
		if ((n) >= (cap)) {                                     \
			(cap) = (cap) ? (cap) * 2 : 8;                  \
			(p) = xrealloc((p), (cap) * sizeof(*(p)));      \
		}                                                       \
	} while (0)

/* A buffer's data is always NUL-terminated (data[len] == 0), never NULL
 * after the first put. Zero-initialise to start: struct buf b = {0}. */
struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

void buf_grow(struct buf *b, size_t extra);
void buf_put(struct buf *b, const void *p, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, int c);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap);
void buf_reset(struct buf *b);           /* length 0, memory kept */
void buf_free(struct buf *b);
char *buf_detach(struct buf *b);         /* caller owns the string; b is reset */
const char *buf_str(struct buf *b);      /* "" for an empty buffer */

#define BUF_PUTSL(b, lit) buf_put((b), (lit), sizeof(lit) - 1)

/* Escaping: the one place that makes text safe for XML and JSON. */
void buf_xml(struct buf *b, const char *s);       /* text and attribute values */
void buf_xmln(struct buf *b, const char *s, size_t n);
void buf_json(struct buf *b, const char *s);      /* a quoted JSON string, or null */

#endif
