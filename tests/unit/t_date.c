/* Date lines as newspapers print them, and lines that are not dates. */
#include <stdlib.h>
#include <string.h>

#include "model/date.h"
#include "../tap.h"

static const char *
parse(const char *s)
{
	static char iso[11];

	if (date_parse(s, iso) != 0)
		return NULL;
	return iso;
}

int
main(void)
{
	static const struct { const char *in, *want; } good[] = {
		{"February 8, 2023", "2023-02-08"},
		{"Feb 8, 2023", "2023-02-08"},
		{"Feb. 8 2023", "2023-02-08"},
		{"February 8th, 2023", "2023-02-08"},
		{"Wednesday, February 8, 2023", "2023-02-08"},
		{"8 February 2023", "2023-02-08"},
		{"08 Feb 2023", "2023-02-08"},
		{"Wed 8 Feb 2023 12.00 GMT", "2023-02-08"},
		{"Thu 3 Jan 2019 02.00 EST", "2019-01-03"},
		{"Wednesday 8 February 2023 12.00 GMT", "2023-02-08"},
		{"8 February 2023 9 pm", "2023-02-08"},
		{"2023-02-08", "2023-02-08"},
		{"2023-02-08T12:00:00Z", "2023-02-08"},
		{"2023-02-08 12:00 +01:00", "2023-02-08"},
		{"8. Februar 2023", "2023-02-08"},
		{"Mittwoch, 8. Februar 2023, 12:00 Uhr", "2023-02-08"},
		{"22.12.2018", "2018-12-22"},
		{"4. M\xc3\xa4rz 2021", "2021-03-04"},
		{"8 f\xc3\xa9vrier 2023", "2023-02-08"},
		{"1er mai 2015", "2015-05-01"},
		{"mardi 5 mai 2015", "2015-05-05"},
		{"le 4 ao\xc3\xbbt 2015 \xc3\xa0 13h36", "2015-08-04"},
		{"4\xc2\xa0mai\xc2\xa0" "2015", "2015-05-04"},
		{"8 de febrero de 2023", "2023-02-08"},
		{"8 febbraio 2023", "2023-02-08"},
		{"8 februari 2023", "2023-02-08"},
		{"2023\xe5\xb9\xb4" "2\xe6\x9c\x88" "8\xe6\x97\xa5", "2023-02-08"},
		{"2018\xe5\xb9\xb4" "6\xe6\x9c\x88" "18\xe6\x97\xa5 10:01", "2018-06-18"},
		{"2023\xeb\x85\x84 2\xec\x9b\x94 8\xec\x9d\xbc", "2023-02-08"},
		{"2019\xe5\xb9\xb4" "1\xe6\x9c\x88" "3\xe6\x97\xa5\xef\xbc\x88\xe6\x9c\xa8\xef\xbc\x89", "2019-01-03"},
		{"2019\xe5\xb9\xb4" "1\xe6\x9c\x88" "3\xe6\x97\xa5 (\xeb\xaa\xa9) 10:00", "2019-01-03"},
		{"  February 29, 2024  ", "2024-02-29"},
		{"May 20, 2019", "2019-05-20"},
		{"14:00 is not first; 28 August 2013 14:00 (GMT+0400)", NULL},
		{"28 August 2013 14:00 (GMT+0400)", "2013-08-28"},
		{"Updated February 8, 2023", "2023-02-08"},
		{"Published: 8 February 2023 12:00 GMT", "2023-02-08"},
		{"This page was last modified on 28 October 2016, at 10:05.", NULL},
		{"This page was last modified on 28 October 2016", "2016-10-28"},
		{"Ver\xc3\xb6" "ffentlicht am 22.12.2018", "2018-12-22"},
		{"Mis \xc3\xa0 jour le 05.05.2015 \xc3\xa0 20h13", "2015-05-05"},
		{"\xe6\x9b\xb4\xe6\x96\xb0\xe6\x97\xb6\xe9\x97\xb4 2012\xe5\xb9\xb4" "12\xe6\x9c\x88" "10\xe6\x97\xa5", "2012-12-10"},
	};
	static const char *bad[] = {
		"February 30, 2023",		/* no such day */
		"February 29, 2023",		/* not a leap year */
		"February 29, 1900",		/* century rule */
		"31 April 2023",
		"2023-13-01",
		"2023-02-00",
		"32.01.2020",
		"2023",
		"May 2019",
		"Feb 8",
		"8 Feb 23",
		"",
		"By Patrick Wintour",
		"The Foreign Office said on February 8, 2023 that talks would go ahead.",
		"February 8, 2023 was a Wednesday",
		"Updatedness February 8, 2023",
		"Updated and February 8, 2023",
		"Founded | February 28, 1998; 18 years ago",
		"8 Febuary 2023",
		"2023-02-08x",
		"12 Angry Men 1957",
		"20230208",
		"8 February 2023 at noon",
		"8 February 2023 25:00",
		"2019\xe5\xb9\xb4" "1\xe6\x9c\x88" "3\xe6\x97\xa5 (x)",
	};
	size_t i;

	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		is_str(parse(good[i].in), good[i].want, "\"%s\"", good[i].in);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		is_str(parse(bad[i]), NULL, "not a date: \"%s\"", bad[i]);
	ok(date_parse(NULL, (char[11]){0}) == -1, "NULL is not a date");
	{
		char out[64];

		date_format("2024-03-17", "en-GB", out, sizeof(out));
		is_str(out, "17 March 2024", "date_format: English");
		date_format("2024-03-17", "de", out, sizeof(out));
		is_str(out, "17. März 2024", "date_format: German");
		date_format("2024-03-01", "fr", out, sizeof(out));
		is_str(out, "1er mars 2024", "date_format: French, the first of the month");
		date_format("2024-03-17", "ja", out, sizeof(out));
		is_str(out, "2024年3月17日", "date_format: Japanese");
		date_format("2024-03-17", "ar", out, sizeof(out));
		is_str(out, "2024-03-17", "date_format: other languages keep ISO");
		date_format("2024-13-17", "en", out, sizeof(out));
		is_str(out, "2024-13-17", "date_format: a malformed date is kept as it is");
	}
	{
		/* date lines of parts, by language: IN, LANG, published, as written,
		 * updated ("" none), ambiguous */
		static const struct {
			const char *in, *lang, *iso, *text, *mod;
			int amb;
		} lines[] = {
			{"Published 4 March 2023 | Updated 5 March 2023", "en", "2023-03-04",
			 "Published 4 March 2023", "2023-03-05", 0},
			{"First published on Wed 8 Feb 2023 12.00 GMT", "en", "2023-02-08",
			 "First published on Wed 8 Feb 2023 12.00 GMT", "", 0},
			{"4 March 2023 \xe2\x80\xa2 6 min read", "en", "2023-03-04", "4 March 2023", "", 0},
			{"Updated 5 March 2023", "en", "2023-03-05", "Updated 5 March 2023", "2023-03-05", 0},
			{"08/02/2023", "en", "2023-02-08", "08/02/2023", "", 1},
			{"08/02/2023", "en-US", "2023-08-02", "08/02/2023", "", 1},
			{"13/02/2023", "en-US", "2023-02-13", "13/02/2023", "", 0},
			{"2023-02-08", "en-US", "2023-02-08", "2023-02-08", "", 0},
			{"2026-11-24 07:30:00 +0000", "en", "2026-11-24", "2026-11-24 07:30:00 +0000", "", 0},
			{"Ver\xc3\xb6" "ffentlicht am 8. Februar 2023, 14:30 Uhr | Aktualisiert am 9. Februar 2023",
			 "de", "2023-02-08", "Ver\xc3\xb6" "ffentlicht am 8. Februar 2023, 14:30 Uhr", "2023-02-09", 0},
			{"Mittwoch, 8.2.2023 \xe2\x80\xa2 Lesezeit: 4 Min.", "de", "2023-02-08",
			 "Mittwoch, 8.2.2023", "", 1},
			{"Publi\xc3\xa9 le 4 mai 2015 \xc3\xa0 13h36 \xe2\x80\xa2 Mis \xc3\xa0 jour le 5 mai 2015 \xc3\xa0 20h13",
			 "fr", "2015-05-04", "Publi\xc3\xa9 le 4 mai 2015 \xc3\xa0 13h36", "2015-05-05", 0},
			{"Lundi 4 mai 2015", "fr", "2015-05-04", "Lundi 4 mai 2015", "", 0},
			{"Publicado el 8 de febrero de 2023 a las 10:00 CET", "es", "2023-02-08",
			 "Publicado el 8 de febrero de 2023 a las 10:00 CET", "", 0},
			{"martes, 7 de marzo de 2023 | Actualizado el 8 de marzo de 2023", "es", "2023-03-07",
			 "martes, 7 de marzo de 2023", "2023-03-08", 0},
			{"03/04/2023 10:00", "es", "2023-04-03", "03/04/2023 10:00", "", 1},
		};
		static const char *const notlines[] = {
			"Published by the Guardian", "4 March 2023 | The body goes on", "6 min read",
			"Updated", "32/01/2023",
		};
		size_t i;

		for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
			struct date_line d;
			int r = date_line(lines[i].in, lines[i].lang, &d);

			ok(r == 0, "date line (%s): \"%s\"", lines[i].lang, lines[i].in);
			if (r != 0)
				continue;
			is_str(d.iso, lines[i].iso, "  published");
			is_str(d.text, lines[i].text, "  as written");
			is_str(d.mod, lines[i].mod, "  updated");
			ok(d.ambiguous == lines[i].amb, "  ambiguous: %d", lines[i].amb);
			date_line_free(&d);
		}
		for (i = 0; i < sizeof(notlines) / sizeof(notlines[0]); i++) {
			struct date_line d;

			ok(date_line(notlines[i], "en", &d) == -1, "not a date line: \"%s\"", notlines[i]);
		}
	}
	{
		char out[64];

		is_str(date_shown("2026-11-24", "2026-11-24 07:30:00 +0000", "en", out, sizeof(out)),
		    "24 November 2026", "an ISO datetime is shown in words");
	}
	return done_testing();
}
