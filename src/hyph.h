/* Hyphenation with libhyphen and Debian's hyphen-* TeX-derived patterns. */
#ifndef MKBOOK_HYPH_H
#define MKBOOK_HYPH_H

#include <stddef.h>

/* Find where WORD (LEN bytes of UTF-8, one word, no spaces) may break in
 * language LANG ("en", "en-GB", "de", "fr" …). Set POINTS[i] = 1 when a
 * hyphen may follow byte i (POINTS has LEN bytes, all zeroed by this call).
 * Rules: at least 2 letters before and 3 after, no break in words under 5
 * letters, all-capital words, URLs and e-mail addresses; a word that already
 * holds a hyphen breaks only after its hyphens. Return the number of
 * points; 0 when the language has no patterns. */
size_t hy_points(const char *lang, const char *word, size_t len, unsigned char *points);
/* Release the loaded pattern dictionaries. */
void hy_cleanup(void);

#endif
