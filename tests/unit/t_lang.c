/* Language detection by script and n-grams, tag validation, direction. */
#include <stdlib.h>

#include "model/lang.h"
#include "../tap.h"

int
main(void)
{
	static const struct { const char *text, *want, *what; } texts[] = {
		{"The Foreign Office has shocked cross-party opponents of the Chinese "
		 "treatment of Uyghur groups by revealing that it has asked the Xinjiang "
		 "governor for talks.", "en", "English"},
		{"In den Morgenstunden des Donnerstags vergangener Woche wird klar, dass "
		 "ein perfekter Sturm \xc3\xbc" "ber den SPIEGEL hereingebrochen ist.", "de", "German"},
		{"Les d\xc3\xa9put\xc3\xa9s ont, sans surprise, adopt\xc3\xa9 \xc3\xa0 une large "
		 "majorit\xc3\xa9 le projet de loi sur le renseignement d\xc3\xa9" "fendu par le "
		 "gouvernement.", "fr", "French"},
		{"El gobierno anunci\xc3\xb3 ayer que la nueva ley entrar\xc3\xa1 en vigor el "
		 "pr\xc3\xb3ximo mes, seg\xc3\xban fuentes oficiales.", "es", "Spanish"},
		{"\xd9\x85\xd8\xb9\xd8\xa7\xd8\xb1\xd8\xb6\xd9\x88\xd9\x86 \xd9\x8a\xd8\xb3\xd9\x8a"
		 "\xd8\xb7\xd8\xb1\xd9\x88\xd9\x86 \xd8\xb9\xd9\x84\xd9\x89 \xd9\x85\xd8\xae\xd8\xa7"
		 "\xd8\xb2\xd9\x86 \xd9\x84\xd9\x84\xd8\xb5\xd9\x88\xd8\xa7\xd8\xb1\xd9\x8a\xd8\xae "
		 "(CNN)", "ar", "Arabic, with some Latin"},
		{"\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \xd7\xa2\xd7\x95\xd7\x9c\xd7\x9d", "he", "Hebrew"},
		{"\xe6\xa2\x81\xe6\x8c\xaf\xe8\x8b\xb1\xe5\x90\x8c\xe6\x97\xb6\xe9\x81\xad\xe5\x88\xb0"
		 "\xe6\xb3\x9b\xe6\xb0\x91\xe4\xb8\xbb\xe6\xb4\xbe\xe5\x92\x8c\xe4\xba\xb2\xe5\x8c\x97"
		 "\xe4\xba\xac\xe9\x98\xb5\xe8\x90\xa5\xe8\xae\xae\xe5\x91\x98\xe8\xb4\xa8\xe9\x97\xae"
		 "\xe3\x80\x82", "zh", "Chinese (simplified)"},
		{"\xe9\xa6\x99\xe6\xb8\xaf\xe8\xa1\x8c\xe6\x94\xbf\xe9\x95\xb7\xe5\xae\x98"
		 "\xe5\x9c\xa8\xe5\x90\x84\xe6\x96\xb9\xe5\xa3\x93\xe5\x8a\x9b\xe4\xb8\x8b"
		 "\xe5\x90\x91\xe9\xa6\x99\xe6\xb8\xaf\xe6\xb0\x91\xe7\x9c\xbe\xe9\x81\x93"
		 "\xe6\xad\x89\xe3\x80\x82", "zh-Hant", "Chinese (traditional)"},
		{"\xe3\x83\x8a\xe3\x82\xa4\xe3\x82\xb8\xe3\x82\xa7\xe3\x83\xaa\xe3\x82\xa2\xe5\x8c\x97"
		 "\xe6\x9d\xb1\xe9\x83\xa8\xe3\x81\xa7\xe8\x87\xaa\xe7\x88\x86\xe6\x94\xbb\xe6\x92\x83"
		 "\xe3\x81\x8c\xe8\xb5\xb7\xe3\x81\x8d\xe3\x81\x9f", "ja", "Japanese (kana and kanji)"},
		{"\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae\xe6\x96\x87\xe7\xab\xa0\xe6\x9b\xb8"
		 "\xe5\xba\x97\xe5\x9b\xb3\xe6\x9b\xb8\xe9\xa4\xa8\xe6\x96\xb0\xe8\x81\x9e\xe7\xa4\xbe",
		 "ja", "Japanese: one kana among kanji"},
		{"\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4 \xeb\xac\xb8\xec\x9e\xa5", "ko", "Korean"},
		{"\xce\x97 \xce\xb5\xce\xbb\xce\xbb\xce\xb7\xce\xbd\xce\xb9\xce\xba\xce\xae "
		 "\xce\xb3\xce\xbb\xcf\x8e\xcf\x83\xcf\x83\xce\xb1", "el", "Greek"},
		{"\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82, \xd0\xba\xd0\xb0\xd0\xba "
		 "\xd0\xb4\xd0\xb5\xd0\xbb\xd0\xb0? \xd0\xad\xd1\x82\xd0\xbe \xd1\x80\xd1\x83\xd1\x81"
		 "\xd1\x81\xd0\xba\xd0\xb8\xd0\xb9 \xd1\x82\xd0\xb5\xd0\xba\xd1\x81\xd1\x82.", "ru", "Russian"},
		{"\xe0\xb8\xa0\xe0\xb8\xb2\xe0\xb8\xa9\xe0\xb8\xb2\xe0\xb9\x84\xe0\xb8\x97\xe0\xb8\xa2",
		 "th", "Thai"},
		{"12345 -- 678", NULL, "digits only: unsure"},
		{"", NULL, "empty: unsure"},
		{"Hi", NULL, "too short to tell"},
	};
	size_t i;

	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		is_str(lang_detect(texts[i].text), texts[i].want, "detect: %s", texts[i].what);
	is_str(lang_detect(NULL), NULL, "detect: NULL text");

	ok(lang_valid("en"), "valid: en");
	ok(lang_valid("en-GB"), "valid: en-GB");
	ok(lang_valid("zh-Hant"), "valid: zh-Hant");
	ok(lang_valid("zh-Hant-TW"), "valid: zh-Hant-TW");
	ok(lang_valid("es-419"), "valid: es-419");
	ok(lang_valid("de-CH-1996"), "valid: de-CH-1996 (variant)");
	ok(lang_valid("sl-rozaj-biske"), "valid: two variants");
	ok(lang_valid("ckb"), "valid: ckb");
	ok(lang_valid("en-US-x-twain"), "valid: private use");
	ok(lang_valid("en-a-bbb-x-a-ccc"), "valid: extension");
	ok(lang_valid("zh-yue-HK"), "valid: extlang");
	ok(!lang_valid("C"), "invalid: C");
	ok(!lang_valid("POSIX"), "invalid: POSIX");
	ok(!lang_valid("en_US.UTF-8"), "invalid: en_US.UTF-8");
	ok(!lang_valid("en_US"), "invalid: en_US");
	ok(!lang_valid(""), "invalid: empty");
	ok(!lang_valid(NULL), "invalid: NULL");
	ok(!lang_valid("en-"), "invalid: trailing hyphen");
	ok(!lang_valid("-en"), "invalid: leading hyphen");
	ok(!lang_valid("e1"), "invalid: digit in language");
	ok(!lang_valid("english"), "invalid: a name, not a tag");
	ok(!lang_valid("en-GB-US"), "invalid: two regions");
	ok(!lang_valid("en-a"), "invalid: bare singleton");
	ok(!lang_valid("en--GB"), "invalid: empty subtag");
	ok(!lang_valid("en-verylongsubtag"), "invalid: subtag over 8");

	ok(lang_dir("ar") == DIR_RTL, "dir: ar is rtl");
	ok(lang_dir("he-IL") == DIR_RTL, "dir: he-IL is rtl");
	ok(lang_dir("fa") == DIR_RTL, "dir: fa is rtl");
	ok(lang_dir("ckb") == DIR_RTL, "dir: ckb is rtl");
	ok(lang_dir("az-Arab") == DIR_RTL, "dir: az-Arab is rtl by script");
	ok(lang_dir("ug-Latn") == DIR_LTR, "dir: ug-Latn is ltr by script");
	ok(lang_dir("ku-Arab") == DIR_RTL, "dir: ku-Arab (Sorani in Arabic script) is rtl");
	ok(lang_dir("ku") == DIR_LTR, "dir: ku (Kurmanji, Latin script) is ltr");
	ok(lang_dir("en") == DIR_LTR, "dir: en is ltr");
	ok(lang_dir("zh") == DIR_LTR, "dir: zh is ltr");
	ok(lang_dir("are") == DIR_LTR, "dir: are (Arrarnta) is not ar");
	ok(lang_dir(NULL) == DIR_LTR, "dir: NULL is ltr");
	lang_cleanup();
	is_str(lang_detect(texts[0].text), "en", "detect works again after cleanup");
	lang_cleanup();
	{
		static const char *const canon[][2] = {
			{"DE", "de"}, {"en_gb", "en-GB"}, {"ZH-hant-tw", "zh-Hant-TW"}, {"sr-LATN", "sr-Latn"},
			{"en", "en"}, {"de-CH-1996", "de-CH-1996"},
		};

		for (size_t k = 0; k < sizeof(canon) / sizeof(canon[0]); k++) {
			char *t = xstrdup(canon[k][0]);

			lang_canon(t);
			is_str(t, canon[k][1], "canon: %s is %s", canon[k][0], canon[k][1]);
			free(t);
		}
	}
	ok(lang_has_prefix("zh-TW", "zh") && lang_has_prefix("zh-TW", "zh-tw") && lang_has_prefix("ZH", "zh"),
	    "prefix: zh-TW begins with zh and zh-TW, ZH with zh");
	ok(!lang_has_prefix("zha", "zh") && !lang_has_prefix("zh", "zh-TW") && !lang_has_prefix(NULL, "zh"),
	    "prefix: zha, zh and NULL do not begin with zh (resp. zh-TW)");
	return done_testing();
}
