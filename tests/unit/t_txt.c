/* The plain-text reader: kicker, byline and credit splitting, and whole
 * articles through txt_read (header fields, block types, CRLF and BOM). */
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "read/reader.h"
#include "../tap.h"

static void
kicker(const char *s, const char *want, const char *want_rest)
{
	const char *rest = NULL;
	char *k = txt_kicker(s, &rest);

	is_str(k, want, "kicker of \"%s\"", s);
	if (want)
		is_str(rest, want_rest, "  and the rest");
	free(k);
}

/* Check a byline: WANT is the authors joined with "|", NULL for "not a
 * byline". */
static void
byline(const char *s, const char *want, const char *want_role)
{
	char **v = NULL, *role = NULL;
	size_t n = 0, i;
	struct buf b = {0};
	int r = txt_byline(s, &v, &n, &role);

	for (i = 0; i < n; i++) {
		if (i)
			buf_putc(&b, '|');
		buf_puts(&b, v[i]);
		free(v[i]);
	}
	free(v);
	if (want == NULL) {
		ok(r == -1 && n == 0 && role == NULL, "not a byline: \"%s\"", s);
	} else {
		ok(r == 0, "a byline: \"%s\"", s);
		is_str(buf_str(&b), want, "  authors");
		is_str(role, want_role, "  role");
	}
	free(role);
	buf_free(&b);
}

static void
credit(const char *s, const char *want, size_t want_caplen)
{
	size_t caplen = 12345;
	char *c = txt_credit(s, &caplen);

	is_str(c, want, "credit of \"%s\"", s);
	if (want)
		ok(caplen == want_caplen, "  caption length %zu (want %zu)", caplen, want_caplen);
	free(c);
}

static const char *
inl0(const struct block *b)
{
	return b->ninl ? b->inl[0].text : NULL;
}

static const char article[] =
	"top of page\n"
	"\n"
	"Ministers face questions over river pollution\n"
	"\n"
	"Analysis: Water companies discharged sewage 300,000 times last year\n"
	"\n"
	"By Ann Smith, Bob Jones and Carla Diaz - Environment Correspondents\n"
	"\n"
	"Wed 8 Feb 2023 12.00 GMT\n"
	"\n"
	"A storm overflow on the Thames. Photograph: Jane Doe/Reuters\n"
	"\n"
	"The first paragraph of the body.\n"
	"\n"
	"A paragraph on two lines,\n"
	"with a break.\n"
	"\n"
	"What happens next\n"
	"\n"
	"3. Third item\n"
	"4. Fourth item\n"
	"continued on a second line\n"
	"7. Seventh item after a gap\n"
	"\n"
	"- one\n"
	"\xe2\x80\xa2 two\n"
	"\n"
	"Year | Discharges | Hours\n"
	"2021 | 372,533 | 2.7m\n"
	"2022 | 301,091 | 1.75m\n"
	"\n"
	"Only one row | is not a table\n"
	"\n"
	"Proof: a run-in label is no heading\n"
	"\n"
	"Divers at the weir in 1986. Photograph: County Archive\n"
	"\n"
	"bottom of page\n";

static void
check_article(const struct article *a, const char *what)
{
	const struct block *b;

	ok(a != NULL, "%s: parses", what);
	if (a == NULL)
		return;
	is_str(a->headline, "Ministers face questions over river pollution", "%s: headline", what);
	ok(a->line == 3, "%s: headline on line 3 (got %d)", what, a->line);
	is_str(a->kicker, "Analysis", "%s: kicker", what);
	is_str(a->standfirst, "Water companies discharged sewage 300,000 times last year", "%s: standfirst", what);
	ok(a->nauthors == 3, "%s: three authors", what);
	if (a->nauthors == 3) {
		is_str(a->authors[0], "Ann Smith", "%s: author 1", what);
		is_str(a->authors[2], "Carla Diaz", "%s: author 3", what);
	}
	is_str(a->role, "Environment Correspondents", "%s: role", what);
	is_str(a->date, "2023-02-08", "%s: ISO date", what);
	is_str(a->date_text, "Wed 8 Feb 2023 12.00 GMT", "%s: date as written", what);
	ok(a->image && a->image->src == NULL, "%s: a lead image without a file", what);
	if (a->image) {
		is_str(a->image->caption, "A storm overflow on the Thames.", "%s: caption", what);
		is_str(a->image->credit, "Photograph: Jane Doe/Reuters", "%s: credit", what);
	}
	ok(a->lang == NULL, "%s: the reader leaves the language to the builder", what);
	ok(a->nblocks == 10, "%s: ten blocks (got %zu)", what, a->nblocks);
	if (a->nblocks != 10)
		return;
	b = a->blocks;
	ok(b[0].type == BLK_PARAGRAPH && b[0].ninl == 1 && b[0].inl[0].type == INL_TEXT,
	    "%s: a paragraph of one text", what);
	ok(b[0].src.line == 13 && b[0].src.file == a->source, "%s: its line, 13 (got %d)", what, b[0].src.line);
	ok(b[1].type == BLK_PARAGRAPH && b[1].ninl == 3 && b[1].inl[1].type == INL_BREAK,
	    "%s: a line break inside a block", what);
	ok(b[2].type == BLK_HEADING && b[2].level == 2, "%s: a subheading", what);
	is_str(inl0(&b[2]), "What happens next", "%s: its text", what);
	ok(b[3].type == BLK_LIST && b[3].ordered && b[3].start == 3 && b[3].nkids == 2,
	    "%s: an ordered list from 3 with 2 items", what);
	if (b[3].nkids == 2) {
		const struct block *it = &b[3].kids[1];

		ok(it->type == BLK_ITEM && it->nkids == 1 && it->kids[0].type == BLK_PARAGRAPH,
		    "%s: an item holds a paragraph", what);
		ok(it->kids[0].ninl == 3 && it->kids[0].inl[1].type == INL_BREAK,
		    "%s: a line under an item continues it", what);
		ok(it->src.line == 21, "%s: item line 21 (got %d)", what, it->src.line);
	}
	ok(b[4].type == BLK_LIST && b[4].ordered && b[4].start == 7,
	    "%s: a gap in the numbering starts a new list", what);
	ok(b[5].type == BLK_LIST && !b[5].ordered && b[5].nkids == 2,
	    "%s: bullets \"- \" and \"\xe2\x80\xa2 \" make one list", what);
	ok(b[6].type == BLK_TABLE && b[6].nkids == 3 && b[6].kids[0].header &&
	    b[6].kids[0].nkids == 3 && !b[6].kids[1].header,
	    "%s: a table with a header row", what);
	if (b[6].nkids == 3 && b[6].kids[1].nkids == 3)
		is_str(inl0(&b[6].kids[1].kids[1]), "372,533", "%s: a cell", what);
	ok(b[7].type == BLK_PARAGRAPH, "%s: one row alone is a paragraph", what);
	ok(b[8].type == BLK_PARAGRAPH, "%s: a run-in label is not a heading", what);
	ok(b[9].type == BLK_FIGURE && b[9].image && b[9].image->src == NULL &&
	    b[9].src.line == 36, "%s: an in-body caption with a credit is a figure", what);
	if (b[9].image) {
		is_str(b[9].image->caption, "Divers at the weir in 1986.", "%s: its caption", what);
		is_str(b[9].image->credit, "Photograph: County Archive", "%s: its credit", what);
	}
}


/* Join V[0..N) with "|" ("-" for a NULL entry) into a static buffer;
 * NULL when V is NULL. */
static const char *
joined(char **v, size_t n)
{
	static struct buf b;
	size_t i;

	if (v == NULL || n == 0)
		return NULL;
	buf_reset(&b);
	for (i = 0; i < n; i++) {
		if (i)
			buf_putc(&b, '|');
		buf_puts(&b, v[i] ? v[i] : "-");
	}
	return buf_str(&b);
}

/* One header form: an article's text and the fields it must give. */
struct hcase {
	const char	*what, *text;
	const char	*kicker, *headline, *standfirst, *authors, *roles, *role, *place;
	const char	*date, *date_mod, *caption, *credit, *site;
	int		 nblocks;
	const char	*first;		/* the first body block's text, or NULL */
};

static const struct hcase hcases[] = {
	{"en: role after a comma, Published | Updated",
	 "Headline\n\nThe standfirst says more.\n\nBy Jane Doe, Transport Correspondent\n\n"
	 "Published 4 March 2023 | Updated 5 March 2023\n\nThe body.\n",
	 NULL, "Headline", "The standfirst says more.", "Jane Doe", NULL, "Transport Correspondent",
	 NULL, "2023-03-04", "2023-03-05", NULL, NULL, NULL, 1, "The body."},
	{"en: two names and a plural role",
	 "Headline\n\nBy Jane Doe and John Roe, Staff Writers\n\n4 March 2023\n\nThe body.\n",
	 NULL, "Headline", NULL, "Jane Doe|John Roe", NULL, "Staff Writers", NULL,
	 "2023-03-04", NULL, NULL, NULL, NULL, 1, "The body."},
	{"en: a role for each author",
	 "Headline\n\nBy Eleanor Ainge Roy (reporting) and Adrian Malloch (photography)\n\nThe body.\n",
	 NULL, "Headline", NULL, "Eleanor Ainge Roy|Adrian Malloch", "reporting|photography", NULL,
	 NULL, NULL, NULL, NULL, NULL, NULL, 1, "The body."},
	{"en: a bare name with a dateline beside a date with a reading time",
	 "Headline\n\nJane Doe in Vienna\n\nMon 4 March 2023 09:30 CET \xe2\x80\xa2 6 min read\n\nThe body.\n",
	 NULL, "Headline", NULL, "Jane Doe", NULL, NULL, "Vienna", "2023-03-04", NULL, NULL, NULL,
	 NULL, 1, "The body."},
	{"en: a label above the headline, Photo by",
	 "Analysis\n\nThe headline of it\n\nA standfirst that explains.\n\nBy Jane Doe\n\n"
	 "March 4, 2023\n\nProtesters outside. Photo by John Smith/Getty Images\n\nThe body.\n",
	 "Analysis", "The headline of it", "A standfirst that explains.", "Jane Doe", NULL, NULL,
	 NULL, "2023-03-04", NULL, "Protesters outside.", "Photo by John Smith/Getty Images", NULL,
	 1, "The body."},
	{"en: a known label, (Photo by …) in brackets",
	 "World news\n\nThe headline of it\n\nBy Jane Doe\n\n"
	 "A crowd gathers. (Photo by John Smith/Getty Images)\n\nThe body.\n",
	 "World news", "The headline of it", NULL, "Jane Doe", NULL, NULL, NULL, NULL, NULL,
	 "A crowd gathers.", "Photo by John Smith/Getty Images", NULL, 1, "The body."},
	{"en: a line the header cannot place stays in the body, in order",
	 "Headline\n\nBy Jane Doe\n\nA stray line\n\n4 March 2023\n\nThe body.\n",
	 NULL, "Headline", NULL, "Jane Doe", NULL, NULL, NULL, "2023-03-04", NULL, NULL, NULL, NULL,
	 2, "A stray line"},
	{"en: furniture dropped, a closing credit line kept",
	 "Headline\n\nBy Jane Doe\n\nShare this article\n\nThe body.\n\nAdvertisement\n\nMore body.\n\n"
	 "Sign up to our newsletter\n\nAdditional reporting by Max Roe\n",
	 NULL, "Headline", NULL, "Jane Doe", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 3,
	 "The body."},
	{"en: a numeric date, day first",
	 "Headline\n\nBy Jane Doe\n\n08/02/2023\n\nThe body.\n",
	 NULL, "Headline", NULL, "Jane Doe", NULL, NULL, NULL, "2023-02-08", NULL, NULL, NULL, NULL,
	 1, "The body."},
	{"de: Von … und …, role, Veröffentlicht am, Foto:",
	 "Kommentar\n\nDie Schlagzeile\n\nEin Vorspann, der erkl\xc3\xa4rt.\n\n"
	 "Von Anna Schmidt und Max M\xc3\xbcller, Korrespondenten\n\n"
	 "Ver\xc3\xb6" "ffentlicht am 8. Februar 2023, 14:30 Uhr\n\n"
	 "Demonstranten vor dem Rathaus. Foto: Max M\xc3\xbcller/dpa\n\nDer Text.\n",
	 "Kommentar", "Die Schlagzeile", "Ein Vorspann, der erkl\xc3\xa4rt.",
	 "Anna Schmidt|Max M\xc3\xbcller", NULL, "Korrespondenten", NULL, "2023-02-08", NULL,
	 "Demonstranten vor dem Rathaus.", "Foto: Max M\xc3\xbcller/dpa", NULL, 1, "Der Text."},
	{"de: a dateline and a dotted date",
	 "Die Schlagzeile\n\nVon Anna Schmidt in Berlin\n\n22.12.2018\n\nDer Text.\n",
	 NULL, "Die Schlagzeile", NULL, "Anna Schmidt", NULL, NULL, "Berlin", "2018-12-22", NULL,
	 NULL, NULL, NULL, 1, "Der Text."},
	{"fr: Par … (avec … et …), Publié • Mis à jour, Crédit :",
	 "Le titre\n\nPar Martin Untersinger (avec Damien Leloup et Morgane Tual)\n\n"
	 "Publi\xc3\xa9 le 4 mai 2015 \xc3\xa0 13h36 \xe2\x80\xa2 Mis \xc3\xa0 jour le 5 mai 2015 \xc3\xa0 20h13\n\n"
	 "Les d\xc3\xa9put\xc3\xa9s. Cr\xc3\xa9\x64it : AFP\n\nLe texte.\n",
	 NULL, "Le titre", NULL, "Martin Untersinger|Damien Leloup|Morgane Tual", NULL, NULL, NULL,
	 "2015-05-04", "2015-05-05", "Les d\xc3\xa9put\xc3\xa9s.", "Cr\xc3\xa9\x64it : AFP", NULL, 1,
	 "Le texte."},
	{"fr: a role and a place after a comma",
	 "Le titre\n\nPar Jean Dupont, envoy\xc3\xa9 sp\xc3\xa9\x63ial \xc3\xa0 Kiev\n\nLundi 4 mai 2015\n\nLe texte.\n",
	 NULL, "Le titre", NULL, "Jean Dupont", NULL, "envoy\xc3\xa9 sp\xc3\xa9\x63ial", "Kiev",
	 "2015-05-04", NULL, NULL, NULL, NULL, 1, "Le texte."},
	{"fr: the Le Monde line: site | date • update | byline",
	 "Le titre\n\nLe Monde | 04.05.2015 \xc3\xa0 13h36 \xe2\x80\xa2 Mis \xc3\xa0 jour le 05.05.2015 \xc3\xa0 20h13 | "
	 "Par Martin Untersinger (avec Damien Leloup et Morgane Tual)\n\nLe texte.\n",
	 NULL, "Le titre", NULL, "Martin Untersinger|Damien Leloup|Morgane Tual", NULL, NULL, NULL,
	 "2015-05-04", "2015-05-05", NULL, NULL, "Le Monde", 1, "Le texte."},
	{"es: Por … y …, role en PLACE, Publicado el … a las, Foto:",
	 "An\xc3\xa1lisis\n\nEl titular\n\nUna entradilla que explica.\n\n"
	 "Por Ana Garc\xc3\xad" "a y Luis P\xc3\xa9rez, corresponsales en Madrid\n\n"
	 "Publicado el 8 de febrero de 2023 a las 10:00 CET\n\n"
	 "Una manifestaci\xc3\xb3n. Foto: EFE\n\nEl texto.\n",
	 "An\xc3\xa1lisis", "El titular", "Una entradilla que explica.",
	 "Ana Garc\xc3\xad" "a|Luis P\xc3\xa9rez", NULL, "corresponsales", "Madrid", "2023-02-08", NULL,
	 "Una manifestaci\xc3\xb3n.", "Foto: EFE", NULL, 1, "El texto."},
	{"es: a weekday date and a numeric one read day first",
	 "El titular\n\nPor Ana Garc\xc3\xad" "a\n\n03/04/2023 10:00\n\nEl texto.\n",
	 NULL, "El titular", NULL, "Ana Garc\xc3\xad" "a", NULL, NULL, NULL, "2023-04-03", NULL, NULL,
	 NULL, NULL, 1, "El texto."},
	{"nl/sv: Door … en …, Av …",
	 "De kop\n\nDoor Jan de Vries en Piet Jansen\n\n8 februari 2023\n\nDe tekst.\n",
	 NULL, "De kop", NULL, "Jan de Vries|Piet Jansen", NULL, NULL, NULL, "2023-02-08", NULL,
	 NULL, NULL, NULL, 1, "De tekst."},
};

/* Check each header form of HCASES through txt_read. */
static void
header_forms(void)
{
	size_t i;

	for (i = 0; i < sizeof(hcases) / sizeof(hcases[0]); i++) {
		const struct hcase *c = &hcases[i];
		struct article *a = txt_read("h.txt", c->text, strlen(c->text));

		ok(a != NULL, "%s: parses", c->what);
		if (a == NULL)
			continue;
		is_str(a->kicker, c->kicker, "  kicker");
		is_str(a->headline, c->headline, "  headline");
		is_str(a->standfirst, c->standfirst, "  standfirst");
		is_str(joined(a->authors, a->nauthors), c->authors, "  authors");
		is_str(a->author_roles ? joined(a->author_roles, a->nauthors) : NULL, c->roles,
		    "  each author's role");
		is_str(a->role, c->role, "  role");
		is_str(a->dateline, c->place, "  dateline");
		is_str(a->date, c->date, "  date");
		is_str(a->date_modified, c->date_mod, "  updated");
		is_str(a->image ? a->image->caption : NULL, c->caption, "  caption");
		is_str(a->image ? a->image->credit : NULL, c->credit, "  credit");
		is_str(a->site, c->site, "  site");
		ok(a->nblocks == (size_t)c->nblocks, "  %d body blocks (got %zu)", c->nblocks, a->nblocks);
		if (a->nblocks)
			is_str(inl0(&a->blocks[0]), c->first, "  the first body block");
		{
			size_t k, found = 0;

			for (k = 0; k < a->nwhy; k++)
				if (strcmp(a->why[k].field, "headline") == 0 && a->why[k].line > 0)
					found++;
			ok(found == 1 && a->nwhy >= 2, "  why each field was taken");
		}
		article_free(a);
	}
}

/* The same article with CRLF line ends and a byte-order mark. */
static char *
crlf_bom(const char *s)
{
	struct buf b = {0};

	BUF_PUTSL(&b, "\xef\xbb\xbf");
	for (; *s; s++) {
		if (*s == '\n')
			buf_putc(&b, '\r');
		buf_putc(&b, *s);
	}
	return buf_detach(&b);
}

int
main(void)
{
	struct article *a;
	char *s;

	kicker("Exclusive: Erkin Tuniyaz \xe2\x80\x98played central role\xe2\x80\x99",
	    "Exclusive", "Erkin Tuniyaz \xe2\x80\x98played central role\xe2\x80\x99");
	kicker("Long read: The hidden cost of cheap flights", "Long read", "The hidden cost of cheap flights");
	kicker("Analysis: \xe2\x80\x9cWe were never told\xe2\x80\x9d", "Analysis", "\xe2\x80\x9cWe were never told\xe2\x80\x9d");
	kicker("The big idea: Should we all work less?", "The big idea", "Should we all work less?");
	kicker("Exclusif\xc2\xa0: Le gouvernement recule", "Exclusif", "Le gouvernement recule");
	kicker("Note: this is a sentence that goes on to explain itself.", NULL, NULL);
	kicker("Note that this label is far too long to be a kicker: Something", NULL, NULL);
	kicker("The Open Journalism Project: Better Student Journalism", NULL, NULL);
	kicker("exclusive: lower case is no label", NULL, NULL);
	kicker("At 12:30 the talks began", NULL, NULL);
	kicker("Exclusive:NoSpace", NULL, NULL);
	kicker("Exclusive: ", NULL, NULL);
	kicker("No colon at all", NULL, NULL);
	kicker("Live 2023: Results", NULL, NULL);

	byline("By Patrick Wintour", "Patrick Wintour", NULL);
	byline("By Patrick Wintour - Diplomatic Editor", "Patrick Wintour", "Diplomatic Editor");
	byline("By Ann Smith and Bob Jones", "Ann Smith|Bob Jones", NULL);
	byline("By Ann Smith, Bob Jones and Carla Diaz - Staff", "Ann Smith|Bob Jones|Carla Diaz", "Staff");
	byline("By Ann Smith, Bob Jones, and Carla Diaz", "Ann Smith|Bob Jones|Carla Diaz", NULL);
	byline("By Ann Smith \xe2\x80\x93 Political Editor", "Ann Smith", "Political Editor");
	byline("By Ludwig van Beethoven and J. R. Hartley", "Ludwig van Beethoven|J. R. Hartley", NULL);
	byline("By Eleanor Ainge Roy (reporting) and Adrian Malloch (photography)",
	    "Eleanor Ainge Roy|Adrian Malloch", "reporting; photography");
	byline("By Martin Untersinger (avec Damien Leloup et Morgane Tual) - Journaliste au Monde",
	    "Martin Untersinger|Damien Leloup|Morgane Tual", "Journaliste au Monde");
	byline("Von Clemens H\xc3\xb6ges", "Clemens H\xc3\xb6ges", NULL);
	byline("By the way, this is not a byline", NULL, NULL);
	byline("By 2030 the world will have changed", NULL, NULL);
	byline("Byron Smith wrote this", NULL, NULL);
	byline("Written by Ann Smith", "Ann Smith", NULL);
	byline("By", NULL, NULL);
	byline("By Ann Smith -", NULL, NULL);
	byline("By Ann Smith (unclosed", NULL, NULL);
	byline("Par ailleurs, le gouvernement a recul\xc3\xa9.", NULL, NULL);

	credit("A storm overflow. Photograph: Jane Doe/Reuters", "Photograph: Jane Doe/Reuters", 17);
	credit("Whale expert Hori Parata. Photograph: Adrian Malloch for the Guardian",
	    "Photograph: Adrian Malloch for the Guardian", 25);
	credit("A view of the hills Photo: AP", "Photo: AP", 19);
	credit("Illustration: Guardian Design", "Illustration: Guardian Design", 0);
	credit("The Cabinet Office. Composite: Getty Images", "Composite: Getty Images", 19);
	credit("Ellen Fetter and Margaret Hamilton. Olena Shmahalo/Quanta Magazine",
	    "Olena Shmahalo/Quanta Magazine", 35);
	credit("He said \xe2\x80\x9c" "enough.\xe2\x80\x9d Jane Doe/AFP via Getty Images",
	    "Jane Doe/AFP via Getty Images", 21);
	credit("A caption with no credit at all.", NULL, 0);
	credit("Prices rose. Imports and/or exports fell", NULL, 0);
	credit("The plan. It was a 50/50 decision that nobody liked, said the minister of state", NULL, 0);
	credit("Hori Parata at his P\xc4\x81taua farm, the place where he was born", NULL, 0);
	/* found by fuzzing: a code point beyond ASCII given to isdigit() */
	credit("Pra. \xf3\x8b\x8b\x8b S/it 3/\"\"\"111111do111@11", NULL, 0);

	a = txt_read("t.txt", article, sizeof(article) - 1);
	check_article(a, "LF");
	article_free(a);
	s = crlf_bom(article);
	a = txt_read("t.txt", s, strlen(s));
	check_article(a, "CRLF+BOM");
	article_free(a);
	free(s);

	/* headline straight into the body: the first paragraph is no standfirst */
	s = "Headline\n\nThe first paragraph.\n\nThe second one.\n";
	a = txt_read("t.txt", s, strlen(s));
	ok(a && a->standfirst == NULL && a->nblocks == 2 && a->image == NULL,
	    "no header: the first paragraph stays in the body");
	article_free(a);
	/* a caption needs a byline or date before it */
	s = "Headline\n\nA caption. Photograph: Somebody\n\nBody.\n";
	a = txt_read("t.txt", s, strlen(s));
	ok(a && a->image == NULL && a->nblocks == 2, "no caption without a header");
	article_free(a);
	/* date first, then a byline */
	s = "Headline\n\n8 February 2023\n\nBy Ann Smith\n\nBody.\n";
	a = txt_read("t.txt", s, strlen(s));
	ok(a && a->date && a->nauthors == 1 && a->nblocks == 1, "date and byline in either order");
	article_free(a);

	/* header lines typed without blank lines between them */
	s = "Headline\nSecond line of it\nBy Ann Smith\n8 February 2023\n\nBody.\n";
	a = txt_read("t.txt", s, strlen(s));
	ok(a && a->nauthors == 1 && a->date && a->nblocks == 1,
	    "a byline and date on lines of the headline's block are found");
	if (a)
		is_str(a->standfirst, "Second line of it",
		    "  and the line between headline and byline is the standfirst");
	article_free(a);

	s = "top of page\n\n   \n\nbottom of page\n";
	a = txt_read("empty.txt", s, strlen(s));
	ok(a == NULL, "an article with no text is an error");
	is_str(err_msg(), "empty.txt: no text: the article is empty", "  naming the file");
	s = "Headline\n\nBad \xff byte\n";
	a = txt_read("bad.txt", s, strlen(s));
	ok(a == NULL, "invalid UTF-8 is an error");
	is_str(err_msg(), "bad.txt:3: invalid UTF-8 (byte 0xff)", "  naming file and line");
	{
		const char *src = "Headline here\n\nBy Ann Other\n\nMarch 3, 2024\n\nThe costs.\n\n"
		    "Item | Cost\nSteelwork | 21 million\nFoundations | 15 million\n";
		struct article *ta = txt_read("t.txt", src, strlen(src));
		struct block *tb = ta ? &ta->blocks[ta->nblocks - 1] : NULL;

		ok(tb && tb->type == BLK_TABLE && tb->nkids == 3 && tb->kids[0].header &&
		    !tb->kids[1].kids[0].header,
		    "a two-column table with column heads over figures has a header row, not row headers");
		article_free(ta);
	}
	header_forms();
	credit("Protesters outside. Picture: PA", "Picture: PA", 19);
	credit("Protesters outside. Image: Reuters", "Image: Reuters", 19);
	credit("Protesters outside. Credit: AP", "Credit: AP", 19);
	credit("Protesters outside. Photograph by Jane Doe for the Guardian",
	    "Photograph by Jane Doe for the Guardian", 19);
	credit("Protesters outside. Foto: dpa", "Foto: dpa", 19);
	credit("Manifestantes. Foto de Ana Garc\xc3\xad" "a/EFE", "Foto de Ana Garc\xc3\xad" "a/EFE", 14);
	credit("Manifestants. Photo de Jean Dupont/AFP", "Photo de Jean Dupont/AFP", 13);
	credit("The photo by the door was old.", NULL, 0);
	return done_testing();
}
