/*
 * The one table of Unicode scripts (see script.h). Ranges follow the
 * Unicode blocks; a range is marked as letters when the language guesser
 * counts it, and as solid when Chinese and Japanese set it without spaces.
 */
#include <stddef.h>
#include <stdlib.h>

#include "script.h"

enum { R_LETTER = 1, R_SOLID = 2 };

struct range {
	uint32_t	 lo, hi;
	unsigned char	 sc;	/* enum script */
	unsigned char	 fl;	/* R_LETTER, R_SOLID */
};

/* Sorted, not overlapping; what no range holds is SC_NONE. */
static const struct range ranges[] = {
	{0x0041, 0x005a, SC_LATIN, R_LETTER}, {0x0061, 0x007a, SC_LATIN, R_LETTER},
	{0x00aa, 0x00aa, SC_LATIN, R_LETTER}, {0x00ba, 0x00ba, SC_LATIN, R_LETTER},
	{0x00c0, 0x00d6, SC_LATIN, R_LETTER}, {0x00d8, 0x00f6, SC_LATIN, R_LETTER},
	{0x00f8, 0x024f, SC_LATIN, R_LETTER},
	{0x0370, 0x03ff, SC_GREEK, R_LETTER},
	{0x0400, 0x052f, SC_CYRILLIC, R_LETTER},
	{0x0531, 0x058f, SC_ARMENIAN, R_LETTER},
	{0x0591, 0x05ff, SC_HEBREW, R_LETTER},
	/* Arabic: its comma, semicolon, question mark and digits are no letters */
	{0x0600, 0x060b, SC_ARABIC, R_LETTER}, {0x060c, 0x060c, SC_ARABIC, 0},
	{0x060d, 0x061a, SC_ARABIC, R_LETTER}, {0x061b, 0x061b, SC_ARABIC, 0},
	{0x061c, 0x061e, SC_ARABIC, R_LETTER}, {0x061f, 0x061f, SC_ARABIC, 0},
	{0x0620, 0x065f, SC_ARABIC, R_LETTER}, {0x0660, 0x0669, SC_ARABIC, 0},
	{0x066a, 0x06ff, SC_ARABIC, R_LETTER},
	{0x0700, 0x074f, SC_SYRIAC, R_LETTER},
	{0x0750, 0x077f, SC_ARABIC, R_LETTER},
	{0x0780, 0x07bf, SC_THAANA, R_LETTER},
	{0x07c0, 0x07ff, SC_NKO, 0},
	{0x08a0, 0x08ff, SC_ARABIC, R_LETTER},
	{0x0900, 0x097f, SC_DEVANAGARI, R_LETTER},
	{0x0980, 0x09ff, SC_BENGALI, R_LETTER}, {0x0a00, 0x0a7f, SC_GURMUKHI, R_LETTER},
	{0x0a80, 0x0aff, SC_GUJARATI, R_LETTER}, {0x0b00, 0x0b7f, SC_ORIYA, R_LETTER},
	{0x0b80, 0x0bff, SC_TAMIL, R_LETTER}, {0x0c00, 0x0c7f, SC_TELUGU, R_LETTER},
	{0x0c80, 0x0cff, SC_KANNADA, R_LETTER}, {0x0d00, 0x0d7f, SC_MALAYALAM, R_LETTER},
	{0x0d80, 0x0dff, SC_SINHALA, R_LETTER},
	{0x0e00, 0x0e7f, SC_THAI, R_LETTER}, {0x0e80, 0x0eff, SC_LAO, R_LETTER},
	{0x0f00, 0x0fff, SC_TIBETAN, R_LETTER},
	{0x1000, 0x109f, SC_MYANMAR, R_LETTER},
	{0x10a0, 0x10ff, SC_GEORGIAN, R_LETTER},
	{0x1100, 0x11ff, SC_HANGUL, R_LETTER},
	{0x1200, 0x139f, SC_ETHIOPIC, R_LETTER},
	{0x1780, 0x17ff, SC_KHMER, R_LETTER},
	{0x1c90, 0x1cbf, SC_GEORGIAN, R_LETTER},
	{0x1e00, 0x1eff, SC_LATIN, R_LETTER},
	{0x1f00, 0x1fff, SC_GREEK, R_LETTER},
	/* CJK: radicals, punctuation, kana, bopomofo, ideographs */
	{0x2e80, 0x2fff, SC_HAN, R_SOLID},
	{0x3000, 0x303f, SC_NONE, R_SOLID},
	{0x3040, 0x3040, SC_KANA, R_SOLID}, {0x3041, 0x309f, SC_KANA, R_LETTER | R_SOLID},
	{0x30a0, 0x30a0, SC_KANA, R_SOLID}, {0x30a1, 0x30fa, SC_KANA, R_LETTER | R_SOLID},
	{0x30fb, 0x30fc, SC_KANA, R_SOLID}, {0x30fd, 0x30ff, SC_KANA, R_LETTER | R_SOLID},
	{0x3100, 0x312f, SC_BOPOMOFO, R_SOLID},
	{0x3130, 0x318f, SC_HANGUL, R_LETTER},
	{0x3190, 0x319f, SC_NONE, R_SOLID},
	{0x31a0, 0x31bf, SC_BOPOMOFO, R_SOLID},
	{0x31c0, 0x31ef, SC_HAN, R_SOLID},
	{0x31f0, 0x31ff, SC_KANA, R_LETTER | R_SOLID},
	{0x3200, 0x33ff, SC_NONE, R_SOLID},
	{0x3400, 0x4dbf, SC_HAN, R_LETTER | R_SOLID},
	{0x4dc0, 0x4dff, SC_NONE, R_SOLID},
	{0x4e00, 0x9fff, SC_HAN, R_LETTER | R_SOLID},
	{0xa960, 0xa97f, SC_HANGUL, 0},
	{0xac00, 0xd7af, SC_HANGUL, R_LETTER},
	{0xd7b0, 0xd7ff, SC_HANGUL, 0},
	{0xf900, 0xfaff, SC_HAN, R_LETTER | R_SOLID},
	{0xfb1d, 0xfb4f, SC_HEBREW, R_LETTER},
	{0xfb50, 0xfdff, SC_ARABIC, R_LETTER},
	{0xfe30, 0xfe4f, SC_NONE, R_SOLID},
	{0xfe70, 0xfefc, SC_ARABIC, R_LETTER},
	/* the half- and full-width forms */
	{0xff00, 0xff20, SC_NONE, R_SOLID},
	{0xff21, 0xff3a, SC_LATIN, R_LETTER | R_SOLID}, {0xff3b, 0xff40, SC_NONE, R_SOLID},
	{0xff41, 0xff5a, SC_LATIN, R_LETTER | R_SOLID}, {0xff5b, 0xff65, SC_NONE, R_SOLID},
	{0xff66, 0xff9d, SC_KANA, R_LETTER | R_SOLID}, {0xff9e, 0xff9f, SC_KANA, R_SOLID},
	{0xffa0, 0xffdc, SC_HANGUL, R_SOLID}, {0xffdd, 0xffef, SC_NONE, R_SOLID},
	{0x20000, 0x3134f, SC_HAN, R_LETTER | R_SOLID},
	{0x31350, 0x3ffff, SC_HAN, R_SOLID},
};

/* What each script asks for. */
static const struct {
	const char	*lang;		/* its one language, or NULL */
	int		 no_italic;
} info[SC_COUNT] = {
	[SC_GREEK] = {"el", 0}, [SC_ARMENIAN] = {"hy", 0}, [SC_SYRIAC] = {"syr", 1},
	[SC_THAANA] = {"dv", 1}, [SC_BENGALI] = {"bn", 1}, [SC_GURMUKHI] = {"pa", 0},
	[SC_GUJARATI] = {"gu", 0}, [SC_ORIYA] = {"or", 0}, [SC_TAMIL] = {"ta", 1},
	[SC_TELUGU] = {"te", 0}, [SC_KANNADA] = {"kn", 0}, [SC_MALAYALAM] = {"ml", 0},
	[SC_SINHALA] = {"si", 0}, [SC_THAI] = {"th", 1}, [SC_LAO] = {"lo", 1},
	[SC_TIBETAN] = {"bo", 0}, [SC_MYANMAR] = {"my", 0}, [SC_GEORGIAN] = {"ka", 0},
	[SC_HANGUL] = {"ko", 1}, [SC_ETHIOPIC] = {"am", 1}, [SC_KHMER] = {"km", 1},
	/* shared by several languages: the usual one when textcat cannot tell */
	[SC_HEBREW] = {"he", 1}, [SC_ARABIC] = {"ar", 1}, [SC_DEVANAGARI] = {"hi", 1},
	[SC_KANA] = {NULL, 1}, [SC_HAN] = {NULL, 1}, [SC_NKO] = {NULL, 1},
	[SC_BOPOMOFO] = {NULL, 1},
};

static int
range_cmp(const void *key, const void *elt)
{
	uint32_t c = *(const uint32_t *)key;
	const struct range *r = elt;

	return c < r->lo ? -1 : c > r->hi;
}

/* The range holding C, or NULL. */
static const struct range *
find(uint32_t c)
{
	if (c < 0x41)
		return NULL;
	return bsearch(&c, ranges, sizeof(ranges) / sizeof(ranges[0]), sizeof(ranges[0]),
	    range_cmp);
}

enum script
script_of(uint32_t c)
{
	const struct range *r = find(c);

	return r ? (enum script)r->sc : SC_NONE;
}

enum script
script_letter(uint32_t c)
{
	const struct range *r = find(c);

	return r && (r->fl & R_LETTER) ? (enum script)r->sc : SC_NONE;
}

int
script_solid(uint32_t c)
{
	const struct range *r = c >= 0x2e80 ? find(c) : NULL;

	return r && (r->fl & R_SOLID);
}

int
script_cjk(uint32_t c)
{
	const struct range *r = c >= 0x1100 ? find(c) : NULL;

	return r && ((r->fl & R_SOLID) || r->sc == SC_HAN || r->sc == SC_KANA ||
	    r->sc == SC_HANGUL || r->sc == SC_BOPOMOFO);
}

int
script_no_italic(enum script sc)
{
	return sc > SC_NONE && sc < SC_COUNT && info[sc].no_italic;
}

const char *
script_lang(enum script sc)
{
	return sc > SC_NONE && sc < SC_COUNT ? info[sc].lang : NULL;
}
