/* Typographic punctuation per language (src/punct.c). */
#include <stdlib.h>
#include <string.h>

#include "../tap.h"
#include "model/model.h"
#include "read/punct.h"

/* Check that S set for LANG reads WANT. */
#define PUNCT(s, lang, want, ...) do {                                  \
		char *got_ = punct_string((s), (lang));                 \
		is_str(got_, (want), __VA_ARGS__);                      \
		free(got_);                                             \
	} while (0)

static void
test_strings(void)
{
	PUNCT("She said \"it's fine\" and left.", "en",
	    "She said \xe2\x80\x9cit\xe2\x80\x99s fine\xe2\x80\x9d and left.", "English double quotes, apostrophe");
	PUNCT("'What is the sea telling us?': tribes", "en",
	    "\xe2\x80\x98What is the sea telling us?\xe2\x80\x99: tribes", "English single quotes around a question");
	PUNCT("the students' work, rock 'n' roll", "en",
	    "the students\xe2\x80\x99 work, rock \xe2\x80\x99n\xe2\x80\x99 roll",
	    "a plural possessive; rock 'n' roll takes apostrophes");
	PUNCT("'Tis the season, 'twas said; 'cause I 'said' so", "en",
	    "\xe2\x80\x99Tis the season, \xe2\x80\x99twas said; \xe2\x80\x99" "cause I "
	    "\xe2\x80\x98said\xe2\x80\x99 so", "elisions take apostrophes, quotes still open");
	PUNCT("back in the '90s", "en", "back in the \xe2\x80\x99" "90s", "an apostrophe before digits");
	PUNCT("(\"quoted\") and [\"this\"]", "en",
	    "(\xe2\x80\x9cquoted\xe2\x80\x9d) and [\xe2\x80\x9cthis\xe2\x80\x9d]", "quotes after brackets open");
	PUNCT("Er sagte \"Nein\" und 'vielleicht'. Relotius' Inbox", "de",
	    "Er sagte \xe2\x80\x9eNein\xe2\x80\x9c und \xe2\x80\x9avielleicht\xe2\x80\x98. Relotius\xe2\x80\x99 Inbox",
	    "German marks; a possessive stays an apostrophe");
	PUNCT("Il a dit \"non\" puis \" oui \". L'Assembl\xc3\xa9" "e", "fr",
	    "Il a dit \xc2\xab\xe2\x80\xafnon\xe2\x80\xaf\xc2\xbb puis \xc2\xab\xe2\x80\xafoui\xe2\x80\xaf\xc2\xbb. "
	    "L\xe2\x80\x99" "Assembl\xc3\xa9" "e", "French guillemets with narrow no-break spaces");
	PUNCT("1990--2000, wait---what... use --epub -- or not", "en",
	    "1990\xe2\x80\x93" "2000, wait\xe2\x80\x94what\xe2\x80\xa6 use --epub\xc2\xa0\xe2\x80\x93 or not",
	    "dashes and ellipsis; an option keeps its hyphens; a spaced dash holds to the word before");
	PUNCT("capital \xe2\x80\x93 as the whale", "en", "capital\xc2\xa0\xe2\x80\x93 as the whale",
	    "a typed spaced en dash holds to the word before");
	PUNCT("four dots.... stay", "en", "four dots.... stay", "four dots are not an ellipsis");
	PUNCT("\xd9\x82\xd8\xa7\xd9\x84 \"\xd9\x84\xd8\xa7\"", "ar",
	    "\xd9\x82\xd8\xa7\xd9\x84 \"\xd9\x84\xd8\xa7\"", "Arabic is left alone");
	PUNCT("He said \"yes\"", "en-GB", "He said \xe2\x80\x9cyes\xe2\x80\x9d", "a regional tag takes its language's marks");
	PUNCT("no quotes here", "en", "no quotes here", "nothing to do");
	PUNCT("see https://example.org/a--b's... or foo--bar@example.com, \"www.x.org/it's\".", "en",
	    "see https://example.org/a--b's\xe2\x80\xa6 or foo--bar@example.com, \xe2\x80\x9cwww.x.org/it's\xe2\x80\x9d.",
	    "addresses stay as typed (the stops after them are prose)");
	PUNCT("run (--pdf) or \"--epub\"", "en", "run (--pdf) or \xe2\x80\x9c--epub\xe2\x80\x9d",
	    "an option after a bracket or a quote keeps its hyphens");
	PUNCT("Il dit \"\xc2\xa0oui\xc2\xa0\" et \"\xe2\x80\xafnon\xe2\x80\xaf\".", "fr",
	    "Il dit \xc2\xab\xe2\x80\xafoui\xe2\x80\xaf\xc2\xbb et \xc2\xab\xe2\x80\xafnon\xe2\x80\xaf\xc2\xbb.",
	    "French: typed no-break spaces inside quotes become one narrow one");
	PUNCT("Er sagte \"'rock 'n' roll' laut\"", "de",
	    "Er sagte \xe2\x80\x9e\xe2\x80\x9arock \xe2\x80\x99n\xe2\x80\x99 roll\xe2\x80\x98 laut\xe2\x80\x9c",
	    "'n' inside a quotation does not close it");
	PUNCT("a <a href=\"x\">\"link\"</a> and x<y, \"z\">1", "en",
	    "a <a href=\"x\">\xe2\x80\x9clink\xe2\x80\x9d</a> and x<y, \xe2\x80\x9cz\xe2\x80\x9d>1",
	    "an HTML tag in text is kept as typed");
}

/* An article whose paragraph is: text, emphasis, text, code, text. */
static void
test_article(void)
{
	struct article *a = article_new("t.md");
	struct block *b;
	struct inl *in, *em;

	a->lang = strdup("en");
	a->headline = strdup("\"Quoted\" headline");
	b = block_push(&a->blocks, &a->nblocks, BLK_PARAGRAPH);
	in = inl_push(&b->inl, &b->ninl, INL_TEXT);
	in->text = strdup("He wrote \"");
	em = inl_push(&b->inl, &b->ninl, INL_EMPH);
	in = inl_push(&em->kids, &em->nkids, INL_TEXT);
	in->text = strdup("this");
	in = inl_push(&b->inl, &b->ninl, INL_TEXT);
	in->text = strdup("\" in ");
	in = inl_push(&b->inl, &b->ninl, INL_CODE);
	in->text = strdup("printf(\"--x\")");
	in = inl_push(&b->inl, &b->ninl, INL_TEXT);
	in->text = strdup("'s place.");
	b = block_push(&a->blocks, &a->nblocks, BLK_CODE);
	b->text = strdup("x = \"raw\" -- y...");
	punct_article(a);
	is_str(a->headline, "\xe2\x80\x9cQuoted\xe2\x80\x9d headline", "the headline is set");
	is_str(a->blocks[0].inl[0].text, "He wrote \xe2\x80\x9c", "a quote before an emphasis opens");
	is_str(a->blocks[0].inl[2].text, "\xe2\x80\x9d in ", "a quote after an emphasis closes");
	is_str(a->blocks[0].inl[3].text, "printf(\"--x\")", "a code span is left alone");
	is_str(a->blocks[0].inl[4].text, "\xe2\x80\x99s place.", "after a code span, an apostrophe");
	is_str(a->blocks[1].text, "x = \"raw\" -- y...", "a code block is left alone");
	article_free(a);
}

int
main(void)
{
	test_strings();
	test_article();
	return done_testing();
}
