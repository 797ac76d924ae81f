/*
 * Language tags: detection from text, validation, direction.
 *
 * Detection goes by script first: Han with kana is Japanese, Hangul is
 * Korean, Han alone is Chinese, and scripts that belong to one language
 * (Greek, Thai, Georgian …) need no statistics. Scripts shared by several
 * languages (Latin, Cyrillic, Arabic, Devanagari, Hebrew) go to
 * libexttextcat's n-gram models, restricted to the languages written in
 * that script. textcat names its categories "en--utf8", "zh-CN-utf8",
 * "az-cyrillic-utf8"; they are mapped to BCP 47 here.
 */
#include <ctype.h>
#include <stdint.h>
#include <string.h>

#include <textcat.h>

#include "util.h"
#include "lang.h"

#ifndef LANG_TEXTCAT_DIR
#define LANG_TEXTCAT_DIR "/usr/share/libexttextcat/"
#endif

/* How much text the detector looks at: scripts are counted over the first
 * SCAN_BYTES, textcat sees the first NGRAM_BYTES (a few KB is plenty). */
#define SCAN_BYTES	65536
#define NGRAM_BYTES	6000
/* Fewer letters than this in a textcat script: too short to say. */
#define MIN_LETTERS	12
/* textcat lists at most five near-equal candidates: five means it could
 * not narrow the text down. */
#define TC_UNSURE	5

enum script {
	SC_NONE, SC_LATIN, SC_GREEK, SC_CYRILLIC, SC_ARMENIAN, SC_HEBREW,
	SC_ARABIC, SC_SYRIAC, SC_THAANA, SC_DEVANAGARI, SC_BENGALI,
	SC_GURMUKHI, SC_GUJARATI, SC_ORIYA, SC_TAMIL, SC_TELUGU, SC_KANNADA,
	SC_MALAYALAM, SC_SINHALA, SC_THAI, SC_LAO, SC_TIBETAN, SC_MYANMAR,
	SC_GEORGIAN, SC_HANGUL, SC_ETHIOPIC, SC_KHMER, SC_KANA, SC_HAN,
	SC_COUNT
};

/* The tag for a script that (for our purposes) has one language. */
static const char *script_lang[SC_COUNT] = {
	[SC_GREEK] = "el", [SC_ARMENIAN] = "hy", [SC_SYRIAC] = "syr",
	[SC_THAANA] = "dv", [SC_BENGALI] = "bn", [SC_GURMUKHI] = "pa",
	[SC_GUJARATI] = "gu", [SC_ORIYA] = "or", [SC_TAMIL] = "ta",
	[SC_TELUGU] = "te", [SC_KANNADA] = "kn", [SC_MALAYALAM] = "ml",
	[SC_SINHALA] = "si", [SC_THAI] = "th", [SC_LAO] = "lo",
	[SC_TIBETAN] = "bo", [SC_MYANMAR] = "my", [SC_GEORGIAN] = "ka",
	[SC_HANGUL] = "ko", [SC_ETHIOPIC] = "am", [SC_KHMER] = "km",
	/* textcat scripts: the fallback when the models cannot tell */
	[SC_HEBREW] = "he", [SC_ARABIC] = "ar", [SC_DEVANAGARI] = "hi",
};

/* Languages textcat knows, by script, for the scripts textcat decides. */
static const char *cyrillic_langs[] = {
	"ru", "uk", "bg", "be", "mk", "sr", "kk", "ky", "mn", "tg", "tt",
	"az-Cyrl", "uz-Cyrl", "rue", "alt", NULL
};
static const char *arabic_langs[] = {
	"ar", "fa", "ur", "ckb", "sd", "ug", "ps", NULL
};
static const char *devanagari_langs[] = {
	"hi", "mr", "ne", "sa", "mai", "bho", NULL
};
static const char *hebrew_langs[] = {"he", "yi", NULL};
/* Where textcat hesitates between close relatives (Scots and English on a
 * short text), the widely written language wins. */
static const char *major_langs[] = {
	"en", "de", "fr", "es", "it", "pt", "nl", "pl", "sv", "da", "nb",
	"fi", "cs", "tr", "ro", "hu", "id", "vi", "ca", NULL
};

static void *tc_handle;
static int tc_failed;
static candidate_t *tc_cand;
/* Interned tags: lang_detect returns pointers into this table. */
static char tc_tags[256][16];
static size_t tc_ntags;

/* Return the script of code point C, SC_NONE for digits, punctuation,
 * symbols and anything unlisted. */
static enum script
script_of(uint32_t c)
{
	if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
		return SC_LATIN;
	if (c < 0xc0)
		return c == 0xaa || c == 0xba ? SC_LATIN : SC_NONE;
	if (c <= 0x24f)
		return c == 0xd7 || c == 0xf7 ? SC_NONE : SC_LATIN;
	if (c >= 0x370 && c <= 0x3ff)
		return SC_GREEK;
	if (c >= 0x400 && c <= 0x52f)
		return SC_CYRILLIC;
	if (c >= 0x531 && c <= 0x58f)
		return SC_ARMENIAN;
	if (c >= 0x591 && c <= 0x5ff)
		return SC_HEBREW;
	if ((c >= 0x600 && c <= 0x6ff && !(c >= 0x660 && c <= 0x669) &&
	    c != 0x60c && c != 0x61b && c != 0x61f) ||
	    (c >= 0x750 && c <= 0x77f) || (c >= 0x8a0 && c <= 0x8ff))
		return SC_ARABIC;
	if (c >= 0x700 && c <= 0x74f)
		return SC_SYRIAC;
	if (c >= 0x780 && c <= 0x7bf)
		return SC_THAANA;
	if (c >= 0x900 && c <= 0x97f)
		return SC_DEVANAGARI;
	if (c >= 0x980 && c <= 0xdff) {
		static const enum script indic[] = {
			SC_BENGALI, SC_GURMUKHI, SC_GUJARATI, SC_ORIYA, SC_TAMIL,
			SC_TELUGU, SC_KANNADA, SC_MALAYALAM, SC_SINHALA,
		};
		return indic[(c - 0x980) / 0x80];
	}
	if (c >= 0xe00 && c <= 0xe7f)
		return SC_THAI;
	if (c >= 0xe80 && c <= 0xeff)
		return SC_LAO;
	if (c >= 0xf00 && c <= 0xfff)
		return SC_TIBETAN;
	if (c >= 0x1000 && c <= 0x109f)
		return SC_MYANMAR;
	if ((c >= 0x10a0 && c <= 0x10ff) || (c >= 0x1c90 && c <= 0x1cbf))
		return SC_GEORGIAN;
	if ((c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f) ||
	    (c >= 0xac00 && c <= 0xd7af))
		return SC_HANGUL;
	if (c >= 0x1200 && c <= 0x139f)
		return SC_ETHIOPIC;
	if (c >= 0x1780 && c <= 0x17ff)
		return SC_KHMER;
	if (c >= 0x1e00 && c <= 0x1eff)
		return SC_LATIN;
	if (c >= 0x1f00 && c <= 0x1fff)
		return SC_GREEK;
	if ((c >= 0x3041 && c <= 0x309f) || (c >= 0x30a1 && c <= 0x30fa) ||
	    (c >= 0x30fd && c <= 0x30ff) || (c >= 0x31f0 && c <= 0x31ff) ||
	    (c >= 0xff66 && c <= 0xff9d))
		return SC_KANA;
	if ((c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) ||
	    (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x3134f))
		return SC_HAN;
	if ((c >= 0xfb1d && c <= 0xfb4f))
		return SC_HEBREW;
	if ((c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefc))
		return SC_ARABIC;
	if ((c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a))
		return SC_LATIN;
	return SC_NONE;
}

/* Return the interned copy of TAG (static storage, valid until
 * lang_cleanup), or NULL when the table is full. */
static const char *
intern(const char *tag)
{
	size_t i;

	for (i = 0; i < tc_ntags; i++)
		if (strcmp(tc_tags[i], tag) == 0)
			return tc_tags[i];
	if (tc_ntags == sizeof(tc_tags) / sizeof(tc_tags[0]) ||
	    strlen(tag) >= sizeof(tc_tags[0]))
		return NULL;
	strcpy(tc_tags[tc_ntags], tag);
	return tc_tags[tc_ntags++];
}

/* Map a textcat category ("en--utf8", "zh-TW-utf8", "az-cyrillic-utf8",
 * "haw-utf8") to a BCP 47 tag in OUT. */
static void
tc_to_bcp47(const char *name, char out[16])
{
	static const struct { const char *from, *to; } special[] = {
		{"zh-CN", "zh"}, {"zh-TW", "zh-Hant"}, {"az-cyrillic", "az-Cyrl"},
		{"ha-NG", "ha"}, {"emk-Latn", "emk"}, {"tzm-Latn", "tzm"},
		{"gug", "gn"},
	};
	char tmp[16];
	size_t n = strlen(name), i;

	if (n > 5 && strcmp(name + n - 5, "-utf8") == 0)
		n -= 5;
	if (n >= sizeof(tmp))
		n = sizeof(tmp) - 1;
	memcpy(tmp, name, n);
	tmp[n] = '\0';
	while (n && tmp[n - 1] == '-')	/* "en--" */
		tmp[--n] = '\0';
	for (i = 0; i < sizeof(special) / sizeof(special[0]); i++)
		if (strcmp(tmp, special[i].from) == 0) {
			strcpy(out, special[i].to);
			return;
		}
	memcpy(out, tmp, n + 1);
}

/* Return 1 when TAG is one of the NULL-terminated LIST. */
static int
in_list(const char *tag, const char **list)
{
	size_t i;

	for (i = 0; list[i]; i++)
		if (strcmp(tag, list[i]) == 0)
			return 1;
	return 0;
}

/* A language written in some script other than Latin: not a Latin result. */
static int
non_latin(const char *tag)
{
	static const char *others[] = {
		"el", "hy", "ka", "th", "lo", "km", "my", "si", "bo", "dv", "bn",
		"pa", "gu", "or", "ta", "te", "kn", "ml", "am", "ti", "ko", "ja",
		"zh", "zh-Hant", "grc", NULL
	};

	return in_list(tag, others) || in_list(tag, cyrillic_langs) ||
	    in_list(tag, arabic_langs) || in_list(tag, devanagari_langs) ||
	    in_list(tag, hebrew_langs);
}

/* Load the models once. Return 0, or -1 when they cannot be read (then
 * detection falls back to script only). */
static int
tc_load(void)
{
	if (tc_handle)
		return 0;
	if (tc_failed)
		return -1;
	tc_handle = special_textcat_Init(LANG_TEXTCAT_DIR "fpdb.conf", LANG_TEXTCAT_DIR);
	if (tc_handle == NULL) {
		tc_failed = 1;
		return -1;
	}
	tc_cand = textcat_GetClassifyFullOutput(tc_handle);
	return 0;
}

/* Classify TEXT[0..LEN) with textcat and return the first candidate that
 * LIST allows (any Latin-script language when LIST is NULL), preferring a
 * major language among near-equal candidates. NULL when unsure. */
static const char *
tc_pick(const char *text, size_t len, const char **list)
{
	char tag[16], first[16] = "";
	int k, i;

	if (tc_load() != 0)
		return NULL;
	k = textcat_ClassifyFull(tc_handle, text, len, tc_cand);
	if (k <= 0 || k >= TC_UNSURE)
		return NULL;
	for (i = 0; i < k; i++) {
		tc_to_bcp47(tc_cand[i].name, tag);
		if (list ? !in_list(tag, list) : non_latin(tag))
			continue;
		if (in_list(tag, major_langs))
			return intern(tag);
		if (first[0] == '\0')
			strcpy(first, tag);
	}
	return first[0] ? intern(first) : NULL;
}

/* See lang.h. The tag is static (interned): never free it. */
const char *
lang_detect(const char *text)
{
	size_t count[SC_COUNT] = {0}, len, cjk, bestc = 0;
	const char *p = text;
	enum script best = SC_NONE;
	int s;

	if (text == NULL)
		return NULL;
	while (*p && (size_t)(p - text) < SCAN_BYTES)
		count[script_of(utf8_next(&p))]++;
	cjk = count[SC_HAN] + count[SC_KANA];
	for (s = SC_LATIN; s < SC_COUNT; s++) {
		size_t c = s == SC_HAN ? cjk : s == SC_KANA ? 0 : count[s];

		if (c > bestc) {
			best = s;
			bestc = c;
		}
	}
	if (best == SC_NONE)
		return NULL;
	len = strlen(text);
	if (len > NGRAM_BYTES) {
		len = NGRAM_BYTES;
		while (len > 0 && ((unsigned char)text[len] & 0xc0) == 0x80)
			len--;
	}
	switch (best) {
	case SC_HAN:
		/* Japanese mixes kana into its kanji; Chinese has none. */
		if (count[SC_KANA] * 50 >= cjk)
			return "ja";
		if (count[SC_HANGUL] * 10 >= cjk)
			return "ko";
		p = tc_pick(text, len, (const char *[]){"zh", "zh-Hant", NULL});
		return p ? p : "zh";
	case SC_LATIN:
		if (count[SC_LATIN] < MIN_LETTERS)
			return NULL;
		return tc_pick(text, len, NULL);
	case SC_CYRILLIC:
		if (count[SC_CYRILLIC] < MIN_LETTERS)
			return NULL;
		return tc_pick(text, len, cyrillic_langs);
	case SC_ARABIC:
		p = tc_pick(text, len, arabic_langs);
		return p ? p : "ar";
	case SC_HEBREW:
		p = tc_pick(text, len, hebrew_langs);
		return p ? p : "he";
	case SC_DEVANAGARI:
		p = tc_pick(text, len, devanagari_langs);
		return p ? p : "hi";
	default:
		return script_lang[best];
	}
}

/* Return the length of the run of ASCII letters/digits at S. */
static size_t
subtag(const char *s, int *alpha, int *digit)
{
	size_t n = 0;

	*alpha = *digit = 1;
	while (isalnum((unsigned char)s[n]) && !((unsigned char)s[n] & 0x80)) {
		if (isdigit((unsigned char)s[n]))
			*alpha = 0;
		else
			*digit = 0;
		n++;
	}
	return n;
}

/* See lang.h: RFC 5646 well-formedness (language 2-3 letters, extlang,
 * script, region, variants, extensions, private use); no registry lookup. */
int
lang_valid(const char *tag)
{
	const char *p = tag;
	size_t n;
	int alpha, digit, state = 0, extlangs = 0;

	if (tag == NULL || *tag == '\0')
		return 0;
	/* state: 0 language, 1 extlang/script, 2 region, 3 variant,
	 * 4 extension, 5 private use */
	for (;;) {
		n = subtag(p, &alpha, &digit);
		if (n == 0 || n > 8)
			return 0;
		if (p == tag) {
			if (n == 1 && (*p == 'x' || *p == 'X'))
				state = 5;	/* "x-private" */
			else if (!alpha || n < 2 || n > 3)
				return 0;
			else
				state = 1;
			goto next;
		}
		if (state == 5)
			goto next;
		if (n == 1) {
			if (*p == 'x' || *p == 'X')
				state = 5;
			else
				state = 4;
			/* a singleton needs at least one subtag after it */
			if (p[1] != '-' || subtag(p + 2, &alpha, &digit) < (state == 5 ? 1u : 2u))
				return 0;
			goto next;
		}
		if (state == 4)
			goto next;	/* extension subtags: 2..8 alphanumerics */
		if (state == 1 && alpha && n == 3 && extlangs < 3) {
			extlangs++;
			goto next;
		}
		if (state <= 1 && alpha && n == 4) {
			state = 2;
			goto next;
		}
		if (state <= 2 && ((alpha && n == 2) || (digit && n == 3))) {
			state = 3;
			goto next;
		}
		if (n >= 5 || (n == 4 && isdigit((unsigned char)*p))) {
			state = 3;
			goto next;
		}
		return 0;
next:
		p += n;
		if (*p == '\0')
			return 1;
		if (*p != '-')
			return 0;
		p++;
	}
}

/* See lang.h. An explicit script subtag decides before the language. */
enum direction
lang_dir(const char *tag)
{
	static const char *rtl_langs[] = {
		"ar", "he", "iw", "fa", "ur", "yi", "ji", "ps", "sd", "ug", "dv",
		"ckb", "syr", "arc", "nqo", "ks", "ku-Arab", NULL
	};
	static const char *rtl_scripts[] = {
		"arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg", "mand",
		"samr", NULL
	};
	static const char *ltr_scripts[] = {
		"latn", "cyrl", "deva", "grek", "hans", "hant", "jpan", "kore",
		NULL
	};
	char lang[9], sub[9];
	const char *p;
	size_t n, i;

	if (tag == NULL || !lang_valid(tag))
		return DIR_LTR;
	n = strcspn(tag, "-");
	for (i = 0; i < n && i < sizeof(lang) - 1; i++)
		lang[i] = (char)tolower((unsigned char)tag[i]);
	lang[i] = '\0';
	/* an explicit script decides: "az-Arab" is rtl, "ug-Latn" ltr */
	for (p = tag + n; *p == '-'; p += n) {
		p++;
		n = strcspn(p, "-");
		if (n != 4)
			continue;
		for (i = 0; i < 4; i++)
			sub[i] = (char)tolower((unsigned char)p[i]);
		sub[4] = '\0';
		if (in_list(sub, rtl_scripts))
			return DIR_RTL;
		if (in_list(sub, ltr_scripts))
			return DIR_LTR;
	}
	return in_list(lang, rtl_langs) ? DIR_RTL : DIR_LTR;
}

/* See lang.h. Detection may be used again afterwards (models reload). */
void
lang_cleanup(void)
{
	if (tc_handle) {
		textcat_ReleaseClassifyFullOutput(tc_handle, tc_cand);
		textcat_Done(tc_handle);
	}
	tc_handle = NULL;
	tc_cand = NULL;
	tc_failed = 0;
	tc_ntags = 0;
}
