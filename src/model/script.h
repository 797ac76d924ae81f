/* The one table of Unicode scripts: which script a code point is written
 * in, and what each script asks of the language guesser (model/lang.c),
 * the EPUB's language fonts (epub/epub_fonts.c) and the typesetter (slant,
 * line breaks: pdf/pdf_shape.c, pdf/pdf_para.c). */
#ifndef MKBOOK_SCRIPT_H
#define MKBOOK_SCRIPT_H

#include <stdint.h>

enum script {
	SC_NONE, SC_LATIN, SC_GREEK, SC_CYRILLIC, SC_ARMENIAN, SC_HEBREW,
	SC_ARABIC, SC_SYRIAC, SC_THAANA, SC_DEVANAGARI, SC_BENGALI,
	SC_GURMUKHI, SC_GUJARATI, SC_ORIYA, SC_TAMIL, SC_TELUGU, SC_KANNADA,
	SC_MALAYALAM, SC_SINHALA, SC_THAI, SC_LAO, SC_TIBETAN, SC_MYANMAR,
	SC_GEORGIAN, SC_HANGUL, SC_ETHIOPIC, SC_KHMER, SC_KANA, SC_HAN,
	SC_NKO, SC_BOPOMOFO,
	SC_COUNT
};

/* The script of code point C by the block it is in, its digits and
 * punctuation included (Arabic-Indic digits are SC_ARABIC); SC_NONE for
 * shared punctuation, symbols, CJK punctuation and scripts not listed. */
enum script script_of(uint32_t c);
/* The script C is a letter of, as the language guesser counts letters:
 * SC_NONE for digits, punctuation and symbols (also a script's own). */
enum script script_letter(uint32_t c);
/* 1 when C is set solid in Chinese and Japanese, with a break allowed
 * before and after it: ideographs, kana, bopomofo, CJK punctuation and
 * the full-width forms (not Hangul, which Korean spaces as words). */
int script_solid(uint32_t c);
/* 1 when C is for a CJK font: a Han, kana, Hangul or bopomofo character,
 * or one set solid. */
int script_cjk(uint32_t c);
/* 1 when script SC has no italic of its own (a slanted Arabic or Chinese
 * face is a machine's distortion, not a typeface). */
int script_no_italic(enum script sc);
/* The language written in script SC when (for our purposes) it has one
 * ("el" for Greek, "th" for Thai; the usual one for Hebrew, Arabic and
 * Devanagari); NULL for Latin, Cyrillic, Kana, Han and SC_NONE. Static. */
const char *script_lang(enum script sc);

#endif
