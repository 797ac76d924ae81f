/*
 * Language tags: detection from text, validation, direction.
 *
 * Detection goes by script first: Han with kana is Japanese, Hangul is
 * Korean, Han alone is Chinese (zh-Hant when its characters are the
 * traditional forms of common words), and scripts that belong to one language
 * (Greek, Thai, Georgian …) need no statistics. Scripts shared by several
 * languages (Latin, Cyrillic, Arabic, Devanagari, Hebrew) go to
 * libexttextcat's n-gram models, restricted to the languages written in
 * that script. textcat names its categories "en--utf8", "zh-CN-utf8",
 * "az-cyrillic-utf8"; they are mapped to BCP 47 here.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <textcat.h>

#include "util.h"
#include "lang.h"
#include "script.h"

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

/* Common characters written differently in Traditional and Simplified
 * Chinese (們/们, 這/这, 國/国 …): which set a text uses tells zh-Hant from
 * zh. Sorted, for bsearch. Characters both scripts use (后, 里, 制) are
 * left out. */
static const uint32_t hant_only[] = {
	0x4f86, 0x500b, 0x5011, 0x50b3, 0x5104, 0x52d5, 0x52d9, 0x5340,
	0x54e1, 0x554f, 0x570b, 0x5712, 0x5716, 0x5718, 0x5831, 0x5834,
	0x58d3, 0x58de, 0x5922, 0x5abd, 0x5b6b, 0x5b78, 0x5be6, 0x5beb,
	0x5bf6, 0x5c07, 0x5c08, 0x5c0d, 0x5c0e, 0x5c6c, 0x5cf6, 0x5e36,
	0x5e6b, 0x5ee3, 0x5ef3, 0x5f35, 0x5f37, 0x5f48, 0x5f9e, 0x614b,
	0x61c9, 0x6230, 0x6232, 0x64ca, 0x64da, 0x65b7, 0x6642, 0x6703,
	0x6771, 0x689d, 0x696d, 0x6975, 0x6a02, 0x6a19, 0x6a23, 0x6a5f,
	0x6b0a, 0x6b61, 0x6b72, 0x6b77, 0x6c23, 0x6e2c, 0x6e6f, 0x6eff,
	0x6fdf, 0x7063, 0x70ba, 0x7121, 0x71b1, 0x723e, 0x7368, 0x73fe,
	0x74b0, 0x7522, 0x756b, 0x7576, 0x7642, 0x767c, 0x76e1, 0x76e3,
	0x78ba, 0x79ae, 0x7a2e, 0x7a69, 0x7bc0, 0x7d00, 0x7d04, 0x7d05,
	0x7d14, 0x7d1a, 0x7d44, 0x7d50, 0x7d55, 0x7d66, 0x7d71, 0x7d93,
	0x7dad, 0x7db2, 0x7dda, 0x7df4, 0x7e3d, 0x7e8c, 0x7f70, 0x7fa9,
	0x806f, 0x8072, 0x8077, 0x807d, 0x8166, 0x8207, 0x8209, 0x820a,
	0x83ef, 0x842c, 0x85dd, 0x8655, 0x865f, 0x8853, 0x88dd, 0x898b,
	0x898f, 0x8996, 0x89aa, 0x89ba, 0x89c0, 0x8a0a, 0x8a18, 0x8a2d,
	0x8a31, 0x8a66, 0x8a71, 0x8a73, 0x8a8d, 0x8a9e, 0x8aaa, 0x8abf,
	0x8ad6, 0x8b49, 0x8b58, 0x8b70, 0x8b77, 0x8b80, 0x8b8a, 0x8b93,
	0x8c9d, 0x8ca0, 0x8ca1, 0x8cac, 0x8cb7, 0x8cbb, 0x8cc7, 0x8ce3,
	0x8cfd, 0x8d99, 0x8eca, 0x8ecd, 0x8f03, 0x8f15, 0x8fb2, 0x9019,
	0x904b, 0x904e, 0x9054, 0x9060, 0x9069, 0x9078, 0x9084, 0x908a,
	0x9109, 0x91ab, 0x91cb, 0x91dd, 0x9280, 0x9322, 0x9435, 0x9577,
	0x9580, 0x958b, 0x9593, 0x95dc, 0x967d, 0x968a, 0x969b, 0x96aa,
	0x96d9, 0x96dc, 0x96de, 0x96e2, 0x96e3, 0x96fb, 0x9808, 0x9810,
	0x9818, 0x982d, 0x984c, 0x984f, 0x985e, 0x986f, 0x98a8, 0x98db,
	0x98ef, 0x9928, 0x99ac, 0x9a57, 0x9ad4, 0x9b5a, 0x9ce5, 0x9e97,
	0x9ebc, 0x9ede, 0x9ee8, 0x9f4a, 0x9f8d,
};
static const uint32_t hans_only[] = {
	0x4e07, 0x4e0e, 0x4e13, 0x4e1a, 0x4e1c, 0x4e2a, 0x4e3a, 0x4e3d,
	0x4e3e, 0x4e48, 0x4e49, 0x4e50, 0x4e61, 0x4e70, 0x4ea7, 0x4eb2,
	0x4ebf, 0x4ece, 0x4eec, 0x4f1a, 0x4f20, 0x4f53, 0x515a, 0x5173,
	0x5199, 0x519b, 0x519c, 0x51fb, 0x52a1, 0x52a8, 0x533a, 0x533b,
	0x534e, 0x5356, 0x5385, 0x5386, 0x538b, 0x53cc, 0x53d1, 0x53d8,
	0x53f7, 0x542c, 0x5458, 0x56e2, 0x56ed, 0x56fd, 0x56fe, 0x573a,
	0x574f, 0x58f0, 0x5904, 0x5934, 0x5988, 0x5b59, 0x5b66, 0x5b9d,
	0x5b9e, 0x5bf9, 0x5bfc, 0x5c06, 0x5c14, 0x5c3d, 0x5c5e, 0x5c81,
	0x5c9b, 0x5e26, 0x5e2e, 0x5e7f, 0x5e94, 0x5f00, 0x5f20, 0x5f39,
	0x5f3a, 0x5f53, 0x6001, 0x603b, 0x620f, 0x6218, 0x62a4, 0x62a5,
	0x636e, 0x65ad, 0x65e0, 0x65e7, 0x65f6, 0x663e, 0x672f, 0x673a,
	0x6742, 0x6743, 0x6761, 0x6765, 0x6781, 0x6807, 0x6837, 0x68a6,
	0x6b22, 0x6c14, 0x6c64, 0x6d4b, 0x6d4e, 0x6e7e, 0x6ee1, 0x70b9,
	0x70ed, 0x72ec, 0x73af, 0x73b0, 0x7535, 0x753b, 0x7597, 0x76d1,
	0x786e, 0x793c, 0x79bb, 0x79cd, 0x7a33, 0x7c7b, 0x7ea2, 0x7ea6,
	0x7ea7, 0x7eaa, 0x7eaf, 0x7ebf, 0x7ec3, 0x7ec4, 0x7ecf, 0x7ed3,
	0x7ed9, 0x7edd, 0x7edf, 0x7eed, 0x7ef4, 0x7f51, 0x7f5a, 0x804c,
	0x8054, 0x8111, 0x827a, 0x8282, 0x88c5, 0x89c1, 0x89c2, 0x89c4,
	0x89c6, 0x89c9, 0x8ba4, 0x8ba9, 0x8bae, 0x8baf, 0x8bb0, 0x8bb8,
	0x8bba, 0x8bbe, 0x8bc1, 0x8bc6, 0x8bd5, 0x8bdd, 0x8be6, 0x8bed,
	0x8bf4, 0x8bfb, 0x8c03, 0x8d1d, 0x8d1f, 0x8d22, 0x8d23, 0x8d39,
	0x8d44, 0x8d5b, 0x8d75, 0x8f66, 0x8f7b, 0x8f83, 0x8fb9, 0x8fbe,
	0x8fc7, 0x8fd0, 0x8fd8, 0x8fd9, 0x8fdc, 0x9002, 0x9009, 0x91ca,
	0x9488, 0x94b1, 0x94c1, 0x94f6, 0x957f, 0x95e8, 0x95ee, 0x95f4,
	0x961f, 0x9633, 0x9645, 0x9669, 0x96be, 0x987b, 0x9884, 0x9886,
	0x9898, 0x989c, 0x98ce, 0x98de, 0x996d, 0x9986, 0x9a6c, 0x9a8c,
	0x9c7c, 0x9e1f, 0x9e21, 0x9f50, 0x9f99,
};

static void *tc_handle;
static int tc_failed;
static candidate_t *tc_cand;
/* Interned tags: lang_detect returns pointers into this table. */
static char tc_tags[256][16];
static size_t tc_ntags;

static int
cp_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* Return 1 when code point C is in the sorted table V of N entries. */
static int
in_table(uint32_t c, const uint32_t *v, size_t n)
{
	return bsearch(&c, v, n, sizeof(*v), cp_cmp) != NULL;
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
	size_t count[SC_COUNT] = {0}, len, cjk, bestc = 0, hant = 0, hans = 0;
	const char *p = text;
	enum script best = SC_NONE;
	int s;

	if (text == NULL)
		return NULL;
	while (*p && (size_t)(p - text) < SCAN_BYTES) {
		uint32_t c = utf8_next(&p);
		enum script sc = script_letter(c);

		count[sc]++;
		if (sc == SC_HAN) {
			hant += in_table(c, hant_only, sizeof(hant_only) / sizeof(hant_only[0]));
			hans += in_table(c, hans_only, sizeof(hans_only) / sizeof(hans_only[0]));
		}
	}
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
		return hant > hans ? "zh-Hant" : "zh";
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
		return script_lang(best);
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
		"ckb", "syr", "arc", "nqo", "ks", NULL
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

void
lang_canon(char *tag)
{
	char *p = tag, *e;
	int first = 1;

	while (p && *p) {
		size_t n;

		e = p + strcspn(p, "-_");
		n = (size_t)(e - p);
		for (size_t i = 0; i < n; i++)
			p[i] = (char)tolower((unsigned char)p[i]);
		if (!first && n == 4 && isalpha((unsigned char)p[0]))
			p[0] = (char)toupper((unsigned char)p[0]);		/* a script */
		else if (!first && n == 2)
			for (size_t i = 0; i < n; i++)				/* a region */
				p[i] = (char)toupper((unsigned char)p[i]);
		if (*e == '_')
			*e = '-';
		first = 0;
		p = *e ? e + 1 : NULL;
	}
}

int
lang_has_prefix(const char *tag, const char *prefix)
{
	size_t n = strlen(prefix);

	return tag && strncasecmp(tag, prefix, n) == 0 && (tag[n] == '\0' || tag[n] == '-');
}

int
lang_rtl(const char *lang)
{
	return lang && lang_dir(lang) == DIR_RTL;
}

/* Return 1 when TAG is in the NULL-ended list V, by lang_has_prefix. */
static int
in_langs(const char *tag, const char *const *v)
{
	for (; *v; v++)
		if (lang_has_prefix(tag, *v))
			return 1;
	return 0;
}

enum script
lang_script(const char *tag)
{
	static const char *const cjk[] = {"zh", "ja", "ko", NULL};
	int s;

	if (tag == NULL)
		return SC_NONE;
	if (in_langs(tag, cjk))
		return SC_HAN;
	if (in_langs(tag, arabic_langs))
		return SC_ARABIC;
	if (in_langs(tag, hebrew_langs))
		return SC_HEBREW;
	if (in_langs(tag, cyrillic_langs))
		return SC_CYRILLIC;
	if (in_langs(tag, devanagari_langs))
		return SC_DEVANAGARI;
	for (s = SC_LATIN + 1; s < SC_COUNT; s++)
		if (script_lang(s) && lang_has_prefix(tag, script_lang(s)))
			return s;
	return SC_NONE;
}
