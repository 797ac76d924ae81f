/* Dates as newspapers print them, to ISO 8601. */
#ifndef MKBOOK_DATE_H
#define MKBOOK_DATE_H

/* Recognise S as a whole date line ("February 8, 2023", "8 February 2023",
 * "Wed 8 Feb 2023 12.00 GMT", "2023-02-08", "8. Februar 2023",
 * "8 février 2023", "2023年2月8日" …). Write "YYYY-MM-DD" into ISO.
 * Return 0 on success, -1 when S is not a date. */
int date_parse(const char *s, char iso[11]);

#endif
