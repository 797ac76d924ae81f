/* Hyphenation with libhyphen and Debian's hyphen-* TeX-derived patterns. */
#ifndef MKBOOK_HYPH_H
#define MKBOOK_HYPH_H

#include <stddef.h>

/* Find where WORD (LEN bytes of UTF-8, one word, no spaces; it need not be
 * NUL-terminated) may break in language LANG, a BCP 47 tag ("en" uses
 * en_US patterns, "en-GB", "de" de_DE, "de-CH", "fr" …; otherwise
 * hyph_LL_RR.dic, then hyph_LL.dic, then any hyph_LL_*.dic). Set POINTS[i]
 * = 1 when a hyphen may follow byte i, the last byte of a character
 * (POINTS has LEN bytes, all zeroed by this call). Quotes, brackets and
 * punctuation around the word are skipped. Rules: at least 2 letters
 * before and 3 after, no break in words under 5 letters (code points),
 * all-capital words under 7 letters or that read as acronyms (fewer
 * than one vowel in four letters, five consonants in a row: longer ones
 * such as "MERCHANTABILITY" break as their lowercase), URLs, e-mail
 * addresses, words with digits or inner
 * full stops; a word that already holds a hyphen or dash breaks only after
 * them (and one with soft hyphens, U+00AD, only after those, where the
 * typesetter draws a hyphen); none after an apostrophe (l'). Return the
 * number of points; 0 when the language has no patterns. The loaded
 * patterns are cached: not thread-safe. */
size_t hy_points(const char *lang, const char *word, size_t len, unsigned char *points);
/* Return 1 when language LANG has hyphenation patterns installed (loading
 * them), 0 when the typesetter can break its lines between words only. */
int hy_available(const char *lang);
struct hy_cache;
/* hy_points through the cache *CACHE (created on first use; NULL to begin
 * with), which remembers each word's points by language: the same result,
 * without asking libhyphen again for a word already seen. Not thread-safe. */
size_t hy_cached_points(struct hy_cache **cache, const char *lang, const char *word, size_t len,
    unsigned char *pts);
/* Free a cache made by hy_cached_points (NULL: nothing). */
void hy_cache_free(struct hy_cache *cache);
/* Release the loaded pattern dictionaries. */
void hy_cleanup(void);

#endif
