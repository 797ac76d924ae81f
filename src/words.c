/* Words the book itself adds, per language, for both writers. */
#include <stddef.h>
#include <string.h>

#include "words.h"

static const struct words words_en = {
	"Contents", "Cover", "Title page", "Notes", "Start", "By", "and", "Back" };
static const struct words words_de = {
	"Inhalt", "Umschlag", "Titelseite", "Anmerkungen", "Beginn", "By", "and", "Zurück" };
static const struct words words_fr = {
	"Sommaire", "Couverture", "Page de titre", "Notes", "Début", "By", "and", "Retour" };
static const struct words words_es = {
	"Índice", "Cubierta", "Portada", "Notas", "Inicio", "By", "and", "Volver" };
static const struct words words_ar = {
	"المحتويات", "الغلاف", "صفحة العنوان", "الحواشي", "البداية", "By", "and", "رجوع" };
static const struct words words_zh = {
	"目录", "封面", "书名页", "注释", "开始", "By", "and", "返回" };
static const struct words words_ja = {
	"目次", "表紙", "扉", "注", "本文", "By", "and", "戻る" };

const struct words *
words_for(const char *lang)
{
	static const struct { const char *tag; const struct words *w; } tab[] = {
		{ "de", &words_de }, { "fr", &words_fr }, { "es", &words_es },
		{ "ar", &words_ar }, { "zh", &words_zh }, { "ja", &words_ja },
	};
	size_t i;

	if (lang == NULL)
		return &words_en;
	for (i = 0; i < sizeof(tab) / sizeof(tab[0]); i++) {
		size_t n = strlen(tab[i].tag);

		if (strncmp(lang, tab[i].tag, n) == 0 && (lang[n] == '\0' || lang[n] == '-'))
			return tab[i].w;
	}
	return &words_en;
}
