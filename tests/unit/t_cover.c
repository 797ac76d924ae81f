/* The generated cover's title lines: words break only at the book
 * language's hyphenation points (typo/hyph.c), never where a letter
 * merely fits ("lighthous-e keepers", "administrati-ons" were set so),
 * and a title that can be set without breaking a word is. */
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "cover/cover.h"
#include "typo/hyph.h"
#include "../tap.h"

/* Check LINES (cover_title_lines) against TITLE in LANG: joined again they
 * give the title, each line ending in a hyphen inside a word ends at a
 * hyphenation point of that word. Return the number of words broken, or
 * -1 (with a diagnostic) when a break is not allowed. */
static int
check(const char *title, const char *lang, const char *lines)
{
	struct buf joined = {0};
	const char *p = lines;
	int broken = 0, bad = 0;

	while (*p) {
		size_t n = strcspn(p, "\n");
		int hy = n > 0 && p[n - 1] == '-' && p[n] == '\n';

		buf_put(&joined, p, hy ? n - 1 : n);
		if (hy) {
			/* the word broken: from the line's last space to the
			 * next line's first space */
			const char *ws = p + n - 1;
			const char *next = p + n + 1;
			size_t before, after = strcspn(next, " \n");
			struct buf w = {0};
			unsigned char *pts;

			while (ws > p && ws[-1] != ' ')
				ws--;
			before = (size_t)(p + n - 1 - ws);
			buf_put(&w, ws, before);
			buf_put(&w, next, after);
			pts = xcalloc(w.len + 1, 1);
			hy_points(lang, w.data, w.len, pts);
			if (before == 0 || !pts[before - 1]) {
				printf("#   '%s' broken after '%.*s': not a hyphenation point\n", buf_str(&w),
				    (int)before, ws);
				bad = 1;
			}
			broken++;
			free(pts);
			buf_free(&w);
		} else if (p[n] == '\n')
			buf_putc(&joined, ' ');
		p += n + (p[n] == '\n');
	}
	if (strcmp(buf_str(&joined), title) != 0) {
		printf("#   the lines '%s' do not give the title back\n", buf_str(&joined));
		bad = 1;
	}
	buf_free(&joined);
	return bad ? -1 : broken;
}

int
main(void)
{
	static const struct { const char *title, *lang; int may_break; } t[] = {
		{ "The Lighthouse Keepers", "en", 0 },
		{ "Lighthouse keepers", "en", 0 },
		{ "Public Administrations", "en", 0 },
		{ "Administrations and their discontents", "en", 0 },
		{ "The lighthouse keepers of the administrations", "en", 0 },
		{ "Internationalization", "en", 0 },
		{ "Donaudampfschifffahrtsgesellschaftskapitänswitwe", "de", 1 },
	};
	char *fam = cover_family(NULL);
	size_t i;
	int h;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		for (h = 0; h < 2; h++) {
			struct book bk;
			char *lines;
			int r;

			memset(&bk, 0, sizeof(bk));
			bk.title = (char *)t[i].title;
			bk.lang = (char *)t[i].lang;
			/* the EPUB's picture and an A4 page */
			lines = cover_title_lines(&bk, fam, h ? COVER_W * 841.89 / 595.28 : COVER_H);
			r = check(t[i].title, t[i].lang, lines);
			for (char *c = lines; *c; c++)
				if (*c == '\n')
					*c = '|';	/* one TAP line */
			if (t[i].may_break)
				ok(r >= 1, "'%s' (%s, %s) is broken only at hyphenation points: '%s'",
				    t[i].title, t[i].lang, h ? "A4" : "EPUB", lines);
			else
				ok(r == 0, "'%s' (%s, %s) is set without breaking a word: '%s'", t[i].title,
				    t[i].lang, h ? "A4" : "EPUB", lines);
			free(lines);
		}
	free(fam);
	hy_cleanup();
	return done_testing();
}
