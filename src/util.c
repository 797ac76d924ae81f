#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util.h"

static char errbuf[2048];
int util_quiet;

int
err_set(const char *file, int line, const char *fmt, ...)
{
	size_t n = 0;
	va_list ap;

	if (file && line > 0)
		n = (size_t)snprintf(errbuf, sizeof(errbuf), "%s:%d: ", file, line);
	else if (file)
		n = (size_t)snprintf(errbuf, sizeof(errbuf), "%s: ", file);
	if (n >= sizeof(errbuf))
		n = sizeof(errbuf) - 1;
	va_start(ap, fmt);
	vsnprintf(errbuf + n, sizeof(errbuf) - n, fmt, ap);
	va_end(ap);
	return -1;
}

const char *
err_msg(void)
{
	return errbuf[0] ? errbuf : "unknown error";
}

void
err_rename(const char *from, const char *to)
{
	struct buf b = {0};
	const char *p = errbuf, *hit;
	size_t n = strlen(from);

	if (n == 0 || strstr(errbuf, from) == NULL)
		return;
	while ((hit = strstr(p, from)) != NULL) {
		buf_put(&b, p, (size_t)(hit - p));
		buf_puts(&b, to);
		p = hit + n;
	}
	buf_puts(&b, p);
	snprintf(errbuf, sizeof(errbuf), "%s", buf_str(&b));
	buf_free(&b);
}

void
err_clear(void)
{
	errbuf[0] = '\0';
}

void
warn_at(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	if (util_quiet)
		return;
	fputs("mkbook: ", stderr);
	if (file && line > 0)
		fprintf(stderr, "%s:%d: ", file, line);
	else if (file)
		fprintf(stderr, "%s: ", file);
	fputs("warning: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void
notice(const char *fmt, ...)
{
	va_list ap;

	if (util_quiet)
		return;
	fputs("mkbook: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int
file_read(const char *path, char **out, size_t *len)
{
	struct buf b = {0};
	char chunk[65536];
	struct stat st;
	size_t n;
	FILE *f;

	if ((f = fopen(path, "rb")) == NULL)
		return err_set(path, 0, "cannot open: %s", strerror(errno));
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(f);
		return err_set(path, 0, "is a directory");
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_put(&b, chunk, n);
	if (ferror(f)) {
		fclose(f);
		buf_free(&b);
		return err_set(path, 0, "cannot read: %s", strerror(errno));
	}
	fclose(f);
	if (len)
		*len = b.len;
	*out = buf_detach(&b);
	return 0;
}

static int
line_of(const char *s, size_t off)
{
	int line = 1;
	size_t i;

	for (i = 0; i < off; i++)
		if (s[i] == '\n')
			line++;
	return line;
}

int
utf8_check(const char *file, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		unsigned c = p[i];
		size_t k, len;
		uint32_t cp;

		if (c == 0)
			return err_set(file, line_of(s, i), "NUL byte in text");
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			len = 2;
			cp = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			len = 3;
			cp = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			len = 4;
			cp = c & 0x07;
		} else
			goto bad;
		if (i + len > n)
			goto bad;
		for (k = 1; k < len; k++) {
			if ((p[i + k] & 0xc0) != 0x80)
				goto bad;
			cp = (cp << 6) | (p[i + k] & 0x3f);
		}
		if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			goto bad;
		i += len;
	}
	return 0;
bad:
	return err_set(file, line_of(s, i), "invalid UTF-8 (byte 0x%02x)", p[i]);
}

uint32_t
utf8_next(const char **s)
{
	const unsigned char *p = (const unsigned char *)*s;
	uint32_t cp;
	int len, k;

	if (p[0] < 0x80) {
		*s += 1;
		return p[0];
	}
	if ((p[0] & 0xe0) == 0xc0) {
		len = 2;
		cp = p[0] & 0x1f;
	} else if ((p[0] & 0xf0) == 0xe0) {
		len = 3;
		cp = p[0] & 0x0f;
	} else {
		len = 4;
		cp = p[0] & 0x07;
	}
	for (k = 1; k < len; k++) {
		if ((p[k] & 0xc0) != 0x80) {	/* defensive: never overrun */
			*s += k;
			return 0xfffd;
		}
		cp = (cp << 6) | (p[k] & 0x3f);
	}
	*s += len;
	return cp;
}

void
utf8_put(struct buf *b, uint32_t cp)
{
	char t[4];

	if (cp < 0x80) {
		buf_putc(b, (int)cp);
	} else if (cp < 0x800) {
		t[0] = (char)(0xc0 | (cp >> 6));
		t[1] = (char)(0x80 | (cp & 0x3f));
		buf_put(b, t, 2);
	} else if (cp < 0x10000) {
		t[0] = (char)(0xe0 | (cp >> 12));
		t[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		t[2] = (char)(0x80 | (cp & 0x3f));
		buf_put(b, t, 3);
	} else {
		t[0] = (char)(0xf0 | (cp >> 18));
		t[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		t[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		t[3] = (char)(0x80 | (cp & 0x3f));
		buf_put(b, t, 4);
	}
}

static int
is_ws(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

char *
str_squash(const char *s)
{
	struct buf b = {0};
	int space = 0;

	for (; *s; s++) {
		if (is_ws((unsigned char)*s)) {
			space = 1;
			continue;
		}
		if (space && b.len)
			buf_putc(&b, ' ');
		space = 0;
		buf_putc(&b, *s);
	}
	return buf_detach(&b);
}

char *
buf_squash_take(struct buf *b)
{
	char *s = str_squash(buf_str(b));

	buf_free(b);
	if (*s == '\0') {
		free(s);
		return NULL;
	}
	return s;
}

char *
str_trim(const char *s)
{
	size_t n;

	while (is_ws((unsigned char)*s))
		s++;
	n = strlen(s);
	while (n && is_ws((unsigned char)s[n - 1]))
		n--;
	return xstrndup(s, n);
}

int
str_startswith(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

int
str_endswith(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);

	return a >= b && strcmp(s + a - b, suffix) == 0;
}

char *
path_dir(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

char *
path_join(const char *dir, const char *name)
{
	if (name[0] == '/' || dir == NULL || dir[0] == '\0' || strcmp(dir, ".") == 0)
		return xstrdup(name);
	if (str_endswith(dir, "/"))
		return xprintf("%s%s", dir, name);
	return xprintf("%s/%s", dir, name);
}

const char *
path_base(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

const char *
path_ext(const char *path)
{
	const char *base = path_base(path), *dot = strrchr(base, '.');

	return dot && dot != base ? dot : "";
}
