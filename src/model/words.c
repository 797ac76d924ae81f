/* Words the book itself adds, per language, for both writers. */
#include <stddef.h>
#include <string.h>

#include "buf.h"
#include "lang.h"
#include "words.h"

static const struct words words_en = {
	"Contents", "Cover", "Title page", "Notes", "Start",
	"By", " and ", "Back", ", ", "Source", "Pages" };
static const struct words words_de = {
	"Inhalt", "Umschlag", "Titelseite", "Anmerkungen", "Beginn",
	"Von", " und ", "Zurück", ", ", "Quelle", "Seiten" };
static const struct words words_fr = {
	"Sommaire", "Couverture", "Page de titre", "Notes", "Début",
	"Par", " et ", "Retour", ", ", "Source", "Pages" };
static const struct words words_es = {
	"Índice", "Cubierta", "Portada", "Notas", "Inicio",
	"Por", " y ", "Volver", ", ", "Fuente", "Páginas" };
static const struct words words_ar = {
	"المحتويات", "الغلاف", "صفحة العنوان", "الحواشي", "البداية",
	"بقلم", " و", "رجوع", "، ", "المصدر", "الصفحات" };
static const struct words words_zh = {
	"目录", "封面", "书名页", "注释", "开始",
	"", "和", "返回", "、", "来源", "页码" };
static const struct words words_ja = {
	"目次", "表紙", "扉", "注", "本文",
	"", "と", "戻る", "、", "出典", "ページ" };

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
	for (i = 0; i < sizeof(tab) / sizeof(tab[0]); i++)
		if (lang_has_prefix(lang, tab[i].tag))
			return tab[i].w;
	return &words_en;
}

void
words_names(struct buf *b, const char *lang, char *const *n, size_t k)
{
	const struct words *w = words_for(lang);
	size_t i;

	for (i = 0; i < k; i++) {
		if (i)
			buf_puts(b, i + 1 == k ? w->and_ : w->sep);
		buf_puts(b, n[i]);
	}
}
