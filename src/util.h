/* Errors, UTF-8 and file helpers shared by every module. */
#ifndef MKBOOK_UTIL_H
#define MKBOOK_UTIL_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* The one pending error message. Modules record it and return -1; only
 * main.c prints it, as "mkbook: FILE:LINE: message". LINE 0 leaves the line
 * out; FILE NULL leaves the file out. Always returns -1. */
int err_set(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
const char *err_msg(void);
/* In the pending message, say TO wherever it says FROM (a temporary file's
 * name becomes the name of the book the user asked for). */
void err_rename(const char *from, const char *to);
void err_clear(void);

/* Warnings go to stderr at once (unless silenced with -q). */
void warn_at(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
extern int util_quiet;
/* A notice (a figure worth knowing, not a problem) to stderr, unless -q. */
void notice(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Read the whole file PATH into *OUT (NUL-terminated, caller frees).
 * Return 0, or -1 with the error set. */
int file_read(const char *path, char **out, size_t *len);

/* Check that S[0..N) is valid UTF-8 with no NUL byte. Return 0, or -1 with
 * the error set naming FILE and the line of the first bad byte. */
int utf8_check(const char *file, const char *s, size_t n);

/* Decode one UTF-8 character at *S (which must be valid), advance *S.
 * Return the code point. */
uint32_t utf8_next(const char **s);
/* Append code point CP to B as UTF-8. */
void utf8_put(struct buf *b, uint32_t cp);

/* Whitespace-collapse S into a fresh string: runs of spaces, tabs and
 * newlines become one space, ends trimmed. Non-breaking spaces are kept. */
char *str_squash(const char *s);
/* str_squash of B's text; B is freed. Return the fresh text, or NULL when
 * B held nothing but white space. */
char *buf_squash_take(struct buf *b);
/* A fresh copy of S with leading and trailing ASCII white space removed. */
char *str_trim(const char *s);
int str_startswith(const char *s, const char *prefix);
int str_endswith(const char *s, const char *suffix);

/* Path helpers. Fresh strings. */
char *path_dir(const char *path);                 /* "a/b.txt" -> "a", "b" -> "." */
char *path_join(const char *dir, const char *name);
const char *path_base(const char *path);
const char *path_ext(const char *path);           /* ".md", or "" */

#endif
