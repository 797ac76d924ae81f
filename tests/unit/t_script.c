/* The one table of scripts (src/model/script.c): what the language
 * guesser, the EPUB's language fonts and the typesetter each ask of it. */
#include <stdlib.h>

#include "model/lang.h"
#include "model/script.h"
#include "../tap.h"

int
main(void)
{
	/* blocks, and letters as the guesser counts them */
	ok(script_of('a') == SC_LATIN && script_letter('a') == SC_LATIN, "a is a Latin letter");
	ok(script_of('1') == SC_NONE && script_of(0xd7) == SC_NONE, "digits and × have no script");
	ok(script_of(0x0628) == SC_ARABIC && script_letter(0x0628) == SC_ARABIC, "ب is an Arabic letter");
	ok(script_of(0x0663) == SC_ARABIC && script_letter(0x0663) == SC_NONE,
	    "an Arabic-Indic digit is Arabic, but no letter");
	ok(script_of(0x060c) == SC_ARABIC && script_letter(0x060c) == SC_NONE,
	    "the Arabic comma is Arabic, but no letter");
	ok(script_of(0x05d0) == SC_HEBREW, "א is Hebrew");
	ok(script_of(0x4e2d) == SC_HAN && script_of(0x3042) == SC_KANA && script_of(0xac00) == SC_HANGUL,
	    "中, あ and 가 are Han, kana and Hangul");
	ok(script_of(0x3001) == SC_NONE && script_solid(0x3001), "、 has no script but is set solid");
	ok(script_of(0x07ca) == SC_NKO && script_of(0x3105) == SC_BOPOMOFO, "N'Ko and bopomofo");
	ok(script_letter(0xff21) == SC_LATIN && script_solid(0xff21), "a full-width A is a Latin letter, set solid");
	ok(script_of(0x1f600) == SC_NONE, "an emoji has no script");
	/* set solid: what Chinese and Japanese break between */
	ok(script_solid(0x4e2d) && script_solid(0x30a2) && script_solid(0x20000), "ideographs and kana are set solid");
	ok(!script_solid(0xac00) && !script_solid(0x3131), "Hangul is not: Korean spaces its words");
	ok(!script_solid('a') && !script_solid(0x0628), "nor Latin, nor Arabic");
	/* the CJK fonts: one answer for the EPUB and the PDF alike */
	ok(script_cjk(0x4e2d) && script_cjk(0xac00) && script_cjk(0x1100) && script_cjk(0xfe31),
	    "a CJK font shows Han, Hangul, Hangul jamo and the CJK compatibility forms");
	ok(!script_cjk(0x0628) && !script_cjk('a') && !script_cjk(0x2014), "but not Arabic, Latin or a dash");
	/* slant */
	ok(script_no_italic(SC_ARABIC) && script_no_italic(SC_HAN) && script_no_italic(SC_HEBREW),
	    "Arabic, Han and Hebrew have no italic");
	ok(!script_no_italic(SC_LATIN) && !script_no_italic(SC_CYRILLIC) && !script_no_italic(SC_NONE),
	    "Latin and Cyrillic have, and no script asks nothing");
	/* languages */
	is_str(script_lang(SC_GREEK), "el", "Greek is written in Greek");
	is_str(script_lang(SC_THAI), "th", "Thai in Thai");
	ok(script_lang(SC_LATIN) == NULL && script_lang(SC_HAN) == NULL, "Latin and Han have no one language");
	ok(lang_script("zh-Hant") == SC_HAN && lang_script("ja") == SC_HAN && lang_script("ko") == SC_HAN,
	    "Chinese, Japanese and Korean fonts are for the CJK scripts");
	ok(lang_script("fa") == SC_ARABIC && lang_script("ur") == SC_ARABIC && lang_script("ar-EG") == SC_ARABIC,
	    "Persian, Urdu and Egyptian Arabic are written in Arabic");
	ok(lang_script("yi") == SC_HEBREW && lang_script("ru") == SC_CYRILLIC && lang_script("el") == SC_GREEK,
	    "Yiddish, Russian, Greek");
	ok(lang_script("en") == SC_NONE && lang_script(NULL) == SC_NONE && lang_script("zha") == SC_NONE,
	    "English, no tag and Zhuang (not zh) have no other script");
	lang_cleanup();
	return done_testing();
}
