/* Dates as newspapers print them, to ISO 8601. */
#ifndef MKBOOK_DATE_H
#define MKBOOK_DATE_H

#include <stddef.h>

/* Recognise S as a whole date line ("February 8, 2023", "8 February 2023",
 * "Wed 8 Feb 2023 12.00 GMT", "2023-02-08", "8. Februar 2023",
 * "8 février 2023", "2023年2月8日" …). Write "YYYY-MM-DD" into ISO.
 * Return 0 on success, -1 when S is not a date. */
int date_parse(const char *s, char iso[11]);
/* date_parse, reading a numeric date ("08/02/2023", "8.2.2023") by LANG:
 * month first for US English (en-US), day first otherwise (LANG NULL too);
 * *AMBIGUOUS (when not NULL) is set to 1 when the other reading is a real
 * day as well. Return 0, or -1 when S is not a date. */
int date_parse_lang(const char *s, const char *lang, char iso[11], int *ambiguous);

/* A date line as sites print it: parts joined by " | ", " • ", " · ", dashes
 * ("Published 4 March 2023 | Updated 5 March 2023", "4 March 2023 • 6 min
 * read"). The published date wins; an updated one goes to mod. */
struct date_line {
	char	 iso[11];	/* the published date, ISO */
	char	*text;		/* its part as written, owned */
	char	 mod[11];	/* the updated date, ISO, or "" */
	char	*mod_text;	/* its part as written, owned, or NULL */
	int	 ambiguous;	/* the published date is numeric and could be read both ways */
	int	 reading;	/* a reading time was among the parts */
};
/* Read S as a date line (numeric dates by LANG, as date_parse_lang). Return
 * 0 with *OUT filled (free with date_line_free), or -1 when some part of S
 * is neither a date nor a reading time (*OUT then holds nothing). */
int date_line(const char *s, const char *lang, struct date_line *out);
void date_line_free(struct date_line *d);

/* 1 when S (may be NULL: 0) is an ISO 8601 date, or date and time with a
 * zone, that both HTML's datetime attribute and EPUB's dc:date accept. */
int date_is_iso(const char *s);

/* The forms date_parse reads, as examples for an error message (each one
 * of them a date it accepts; month names in English, German, French,
 * Spanish, Italian, Portuguese and Dutch are read too). */
#define DATE_FORMS "2026-11-27, 27 November 2026, November 27, 2026 or 27.11.2026"

/* Write the ISO date ISO ("2024-03-17") as a reader of LANG expects it on
 * a title page: "17 March 2024" (en), "17. März 2024" (de), "17 mars
 * 2024" (fr), "17 de marzo de 2024" (es), "2024年3月17日" (zh, ja);
 * other languages and malformed input keep the ISO form. OUT holds N bytes. */
void date_format(const char *iso, const char *lang, char *out, size_t n);

/* The date a byline shows for ISO date ISO written as TEXT (either may be
 * NULL): TEXT as written, or in words for LANG (date_format, into OUT of N
 * bytes) when it was written the ISO way or not at all. */
const char *date_shown(const char *iso, const char *text, const char *lang, char *out, size_t n);

#endif
