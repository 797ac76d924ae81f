/* Bytes of a saved web page to the UTF-8 text an HTML parser takes: the
 * encoding found as a browser finds it, and nesting bounded before parsing. */
#ifndef MKBOOK_HTML_DECODE_H
#define MKBOOK_HTML_DECODE_H

#include <stddef.h>

/* Deepest element nesting handed to the parser; deeper start tags are
 * dropped (their content kept) by html_flatten. */
#define HTML_MAX_NEST 512

/* Room for an encoding name. */
#define HTML_ENC_MAX 40

/* The encoding of BYTES as a browser picks it: a byte order mark, then a
 * <meta charset> or http-equiv Content-Type in the first 1,024 bytes, else
 * UTF-8 when the bytes are valid UTF-8, else windows-1252. HINT (may be
 * NULL) is a charset from outside the page (an MHTML part's header), used
 * after the BOM. Write a name iconv knows ("UTF-8", "GB18030" …) to OUT. */
void html_sniff(const char *bytes, size_t len, const char *hint, char out[HTML_ENC_MAX]);

/* Decode LEN BYTES of PATH from ENCODING to UTF-8 (the BOM dropped, NUL
 * and invalid bytes become U+FFFD with one warning naming FILE:LINE of the
 * first). Return a fresh NUL-terminated string, its length in *OUTLEN, or
 * NULL with the error set when iconv does not know the encoding. */
char *html_decode(const char *path, const char *bytes, size_t len, const char *encoding,
    size_t *outlen);

/* Return 1 when TEXT (UTF-8) looks like HTML: a tag within its first
 * 4,096 bytes, and no control bytes of a binary file. */
int html_looks_like(const char *text, size_t len);

/* Drop the start tags that would nest elements deeper than HTML_MAX_NEST
 * (an estimate from the tags, before parsing: gumbo's time grows with the
 * square of the depth). Return a fresh copy of TEXT with them removed, or
 * NULL when nothing had to go; the count removed is set in *DROPPED and
 * the line of the first in *LINE. */
char *html_flatten(const char *text, size_t len, size_t *outlen, size_t *dropped, int *line);

#endif
