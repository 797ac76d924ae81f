/* Language tags: detection from text, validation, direction. */
#ifndef MKBOOK_LANG_H
#define MKBOOK_LANG_H

#include "model.h"
#include "script.h"

/* Guess the language of TEXT: by script for Arabic, Hebrew, Persian-less
 * Arabic script, Chinese, Japanese, Korean, …; by n-gram statistics
 * (libexttextcat) for Latin script. Return a static BCP 47 tag, or NULL
 * when unsure. */
const char *lang_detect(const char *text);
/* Return 1 when TAG is well-formed BCP 47 ("en", "en-GB", "zh-Hant"). */
int lang_valid(const char *tag);
/* Right-to-left scripts: ar, he, fa, ur, yi, ps, sd, ug, dv, ckb. */
enum direction lang_dir(const char *tag);
/* 1 when TAG (may be NULL: 0) is written right to left, by lang_dir. */
int lang_rtl(const char *tag);
/* Write TAG in BCP 47's canonical case, in place: the language lowercase
 * ("de"), a four-letter script titlecase ("Hant"), a region uppercase
 * ("GB"), other subtags lowercase. Every writer then compares tags as
 * they are. */
void lang_canon(char *tag);
/* Whether TAG begins with the whole subtags PREFIX, case aside ("zh-TW"
 * begins with "zh" and "zh-TW"; "zha" does not begin with "zh"). */
int lang_has_prefix(const char *tag, const char *prefix);
/* The script TAG is written in when it is not Latin: SC_HAN for Chinese,
 * Japanese and Korean (their fonts show Han, kana, Hangul and the CJK
 * forms alike), SC_ARABIC for Arabic, Persian, Urdu …, and so on by the
 * table of scripts (model/script.h); SC_NONE for Latin-script languages,
 * unknown ones and NULL. */
enum script lang_script(const char *tag);
/* Release the n-gram models (for leak checkers). */
void lang_cleanup(void);

#endif
