/* Hyphenation points from libhyphen with Debian's patterns (hyphen-en-us,
 * hyphen-en-gb, hyphen-de, hyphen-fr): known words, the 2/3 minimums, and
 * the words that must never break. */
#include <stdlib.h>

#include <glib.h>
#include <hyphen.h>

#include "util.h"
#include "typo/hyph.h"
#include "../tap.h"

static size_t npoints;

/* Return WORD with '=' after every byte hy_points marks, in a static
 * buffer; check on the way that every point ends a UTF-8 character. */
static const char *
hy(const char *lang, const char *word)
{
	static char out[512];
	unsigned char pts[256];
	size_t	 n = strlen(word), i, o = 0, count = 0;

	memset(pts, 0xaa, sizeof(pts));
	npoints = hy_points(lang, word, n, pts);
	for (i = 0; i < n; i++) {
		out[o++] = word[i];
		if (pts[i] != 0 && pts[i] != 1)
			return "(points not cleared)";
		if (pts[i]) {
			if (i + 1 < n && ((unsigned char)word[i + 1] & 0xc0) == 0x80)
				return "(a point inside a character)";
			out[o++] = '=';
			count++;
		}
	}
	out[o] = '\0';
	if (count != npoints)
		return "(wrong count)";
	return out;
}

static const char *const en_words[] = { "hyphenation", "typography",
	"paragraph", "justification", "international", "programming",
	"meteorologist", "computation", "representation", "acknowledgments",
	"extraordinary", "responsibilities", "mathematician", "characteristic",
	"environmental", "unpredictability", "sensitivity", "deterministic",
	"oceanographer", "administration", "communication", "understanding",
	"constitutional", "photographer", "necessarily", "infrastructure",
	"possibilities", "independently", "demonstration", "architecture", NULL };
/* Return the number of words in the NULL-terminated list W. */
static int
nwords(const char *const *w)
{
	int	 n = 0;

	while (w[n])
		n++;
	return n;
}

/* Return 1 if hy_points(LANG) puts the points libhyphen finds with its own
 * loader of FILE (and 2 letters before, 3 after) into every word of W. */
static int
same_as_libhyphen(const char *lang, const char *file, const char *const *w)
{
	HyphenDict *d = hnj_hyphen_load(file);
	int	 same = d != NULL, i;
	size_t	 k;

	for (i = 0; same && w[i]; i++) {
		size_t	 n = strlen(w[i]);
		char	 h[64] = "";
		char	**rep = NULL;
		int	*pos = NULL, *cut = NULL;
		unsigned char pts[64];

		hnj_hyphen_hyphenate3(d, w[i], (int)n, h, NULL, &rep, &pos, &cut,
		    2, 3, 2, 2);
		hy_points(lang, w[i], n, pts);
		for (k = 0; k + 1 < n; k++)
			if ((k + 1 >= 2 && n - k - 1 >= 3 && (h[k] & 1)) != pts[k]) {
				printf("#   %s: byte %zu differs\n", w[i], k);
				same = 0;
			}
		if (rep) {
			for (k = 0; k < n; k++)
				free(rep[k]);
			free(rep);
			free(pos);
			free(cut);
		}
	}
	if (d)
		hnj_hyphen_free(d);
	return same;
}

/* Return 1 if the pattern file PATH is installed. */
static int
have(const char *path)
{
	FILE	*f = fopen(path, "r");

	if (f)
		fclose(f);
	return f != NULL;
}

int
main(void)
{
	unsigned char pts[16];

	if (!(have("/usr/share/hyphen/hyph_en_US.dic") &&
	    have("/usr/share/hyphen/hyph_de_DE.dic") &&
	    have("/usr/share/hyphen/hyph_fr.dic") &&
	    have("/usr/share/hyphen/hyph_en_GB.dic"))) {
		printf("1..0 # SKIP hyphen-en-us, -en-gb, -de, -fr not installed (make deps)\n");
		return 0;
	}

	/* American English (Liang's patterns). */
	is_str(hy("en", "hyphenation"), "hy=phen=ation", "en: hy-phen-ation");
	is_str(hy("en-US", "computer"), "com=puter", "en-US: com-puter");
	is_str(hy("en", "algorithm"), "al=go=rithm", "en: al-go-rithm");
	is_str(hy("en", "typography"), "ty=pog=ra=phy", "en: ty-pog-ra-phy");
	is_str(hy("en", "international"), "in=ter=na=tional", "en: in-ter-na-tional");
	is_str(hy("EN", "Hyphenation"), "Hy=phen=ation", "capitalized, and the tag's case does not matter");
	ok(npoints == 2, "hy_points returns the number of points");

	/* British English. */
	is_str(hy("en-GB", "hyphenation"), "hy=phen=a=tion", "en-GB: hy-phen-a-tion");
	is_str(hy("en-GB", "typography"), "ty=po=graphy", "en-GB: ty-po-graphy");

	/* German (the patterns are Latin-1: the word is converted). */
	is_str(hy("de", "Silbentrennung"), "Sil=ben=tren=nung", "de: Sil-ben-tren-nung");
	is_str(hy("de", "Donnerstagabend"), "Don=ners=tag=abend", "de: Don-ners-tag-abend");
	is_str(hy("de", "Größenordnung"), "Grö=ßen=ord=nung", "de: Grö-ßen-ord-nung (ö, ß)");
	is_str(hy("de", "Übersetzung"), "Über=set=zung", "de: Über-set-zung (capital Ü)");
	is_str(hy("de-DE", "Straßenbahn"), "Stra=ßen=bahn", "de-DE: Stra-ßen-bahn");
	is_str(hy("de-CH", "Bäckerei"), "Bä=cke=rei", "de-CH: Bä-cke-rei");
	is_str(hy("de", "Äpfel"), "Äp=fel", "de: Äp-fel, the point after a two-byte letter");
	is_str(hy("de-AT", "München"), "Mün=chen", "de-AT: Mün-chen");

	/* French. */
	is_str(hy("fr", "anticonstitutionnellement"),
	    "an=ti=cons=ti=tu=tion=nel=le=ment", "fr: an-ti-cons-ti-tu-tion-nel-le-ment");
	is_str(hy("fr-FR", "développement"), "dé=ve=lop=pe=ment", "fr-FR: dé-ve-lop-pe-ment");
	is_str(hy("fr-CA", "véritable"), "vé=ri=table", "fr-CA: vé-ri-table");
	is_str(hy("fr", "l’anticonstitutionnellement"),
	    "l’an=ti=cons=ti=tu=tion=nel=le=ment", "fr: no hyphen after an elided l’");

	/* At least 2 letters before and 3 after: the patterns alone give
	 * e-le-fant and adres-se (de), a-ban-don (en). */
	is_str(hy("de", "Elefant"), "Ele=fant", "de: no break after one letter (e-lefant)");
	is_str(hy("de", "Adresse"), "Adresse", "de: no break before two letters (adres-se)");
	is_str(hy("en", "abandon"), "aban=don", "en: no break after one letter (a-bandon)");
	is_str(hy("fr", "possible"), "pos=sible", "fr: the dictionary's 2 after becomes 3 (possi-ble)");

	/* Short words, counted in letters, not bytes. */
	is_str(hy("en", "into"), "into", "a 4-letter word does not break");
	is_str(hy("de", "über"), "über", "über (4 letters, 5 bytes) does not break");
	is_str(hy("de", "Mäuse"), "Mäuse", "Mäuse (5 letters): no 2/3 split available");

	/* Words that never break. */
	is_str(hy("en", "NATO"), "NATO", "NATO");
	is_str(hy("en", "UNESCO"), "UNESCO", "UNESCO (all capitals)");
	is_str(hy("en", "NASA"), "NASA", "NASA (an acronym, under 7 letters)");
	is_str(hy("en", "HTTPSRVS"), "HTTPSRVS", "HTTPSRVS (8 capitals, but five consonants in a row)");
	is_str(hy("en", "BXCDFGHK"), "BXCDFGHK", "BXCDFGHK (no vowels: an acronym)");
	is_str(hy("en", "DAMAGE"), "DAMAGE", "DAMAGE (all capitals, 6 letters: short)");

	/* All-capital words of 7 letters or more that read as words break as
	 * their lowercase does (issue 18: licence disclaimers). */
	{
		char *lower = g_utf8_strup(hy("en", "hyphenation"), -1);

		is_str(hy("en", "HYPHENATION"), lower, "HYPHENATION breaks as hyphenation does (%s)",
		    lower);
		g_free(lower);
	}
	is_str(hy("en", "MERCHANTABILITY"), "MER=CHANTABIL=ITY", "MERCHANTABILITY");
	is_str(hy("en", "CONSEQUENTIAL,"), "CON=SE=QUEN=TIAL,", "CONSEQUENTIAL, (a comma after it)");
	is_str(hy("en", "“WARRANTIES"), "“WAR=RANTIES", "“WARRANTIES (a quotation mark before)");
	is_str(hy("de", "ÜBERSETZUNG"), "ÜBER=SET=ZUNG", "ÜBERSETZUNG (non-ASCII capitals)");
	is_str(hy("en", "https://example.com/hyphenation"), "https://example.com/hyphenation", "a URL");
	is_str(hy("en", "www.hyphenation.com"), "www.hyphenation.com", "a www. address");
	is_str(hy("en", "<hyphenation@example.com>"), "<hyphenation@example.com>", "an e-mail address");
	is_str(hy("en", "hyphenation2"), "hyphenation2", "a word with a digit");
	is_str(hy("en", "e.g.hyphenation"), "e.g.hyphenation", "full stops inside a word");

	/* Compounds break only after their own hyphens. */
	is_str(hy("en", "inter-parliamentary"), "inter-=parliamentary",
	    "inter-parliamentary breaks only after its hyphen");
	is_str(hy("en-GB", "north-west"), "north-=west", "north-west");
	is_str(hy("en", "e-mail"), "e-mail", "e-mail: one letter before the hyphen");
	is_str(hy("en", "state-of-the-art"), "state-=of-=the-=art",
	    "state-of-the-art: after each hyphen");
	is_str(hy("de", "Max-Planck-Gesellschaft"), "Max-=Planck-=Gesellschaft",
	    "Max-Planck-Gesellschaft");
	is_str(hy("en", "hy\xc2\xadphenation"), "hy\xc2\xad=phenation",
	    "a soft hyphen: the only point, after it");

	/* Punctuation around the word. */
	is_str(hy("en", "“hyphenation,”"), "“hy=phen=ation,”", "quotes and a comma around");
	is_str(hy("en", "(computer)."), "(com=puter).", "brackets and a full stop");
	is_str(hy("fr", "«développement»"), "«dé=ve=lop=pe=ment»", "guillemets");

	/* Tags: region, script subtags, unknown regions. */
	is_str(hy("en-Latn-GB", "hyphenation"), "hy=phen=a=tion", "en-Latn-GB: the script is skipped");
	is_str(hy("en-IN", "hyphenation"), "hy=phen=ation", "en-IN: no such file, American patterns");
	is_str(hy("en_AU", "hyphenation"), "hy=phen=a=tion", "en_AU (underscore): British patterns");
	is_str(hy("fr-SN", "développement"), "dé=ve=lop=pe=ment", "fr-SN: French patterns");

	/* No patterns. */
	is_str(hy("xx", "hyphenation"), "hyphenation", "an unknown language: no points");
	ok(npoints == 0, "and hy_points returns 0");
	is_str(hy("", "hyphenation"), "hyphenation", "an empty tag: no points");
	is_str(hy("zh", "hyphenation"), "hyphenation", "zh: no patterns");
	ok(hy_points("en", "", 0, pts) == 0, "an empty word");
	memset(pts, 1, sizeof(pts));
	ok(hy_points("en", "hy\xc3", 3, pts) == 0 && pts[0] == 0 && pts[2] == 0,
	    "invalid UTF-8: no points, the array cleared");
	/* a word that is not NUL-terminated where it ends */
	ok(hy_points("en", "hyphenationXXXX", 11, pts) == 2 && pts[1] && pts[5] &&
	    !pts[10], "LEN bounds the word");

	/* hyph.c loads the pattern files itself (libhyphen's loader takes
	 * 10 s over the German file): the points must be libhyphen's own. */
	ok(same_as_libhyphen("en", "/usr/share/hyphen/hyph_en_US.dic", en_words),
	    "en: the points of libhyphen's own loader, for %d words", nwords(en_words));
	ok(same_as_libhyphen("en-GB", "/usr/share/hyphen/hyph_en_GB.dic", en_words),
	    "en-GB: the points of libhyphen's own loader, for %d words", nwords(en_words));
	/* (not French or German here: libhyphen's loader leaks over their
	 * repeated patterns, and takes 10 s over German) */

	hy_cleanup();
	is_str(hy("en", "hyphenation"), "hy=phen=ation", "after hy_cleanup the patterns load again");
	hy_cleanup();
	return done_testing();
}
