/*
 * Dates as newspapers print them, to ISO 8601.
 *
 * The whole line must be a date: an optional weekday, the date itself in one
 * of the forms below, and an optional time of day with a time zone. Anything
 * else ("Updated 3 May", "2023", "May 2019", "February 30, 2023") is not a
 * date, so the plain-text reader never mistakes a sentence for a date line.
 *
 *   2023-02-08[T12:00[:00][Z|+01:00]]   ISO 8601
 *   2023年2月8日   2023년 2월 8일         CJK (Korean too)
 *   22.12.2018   8.2.2023                day.month.year (German, French …)
 *   February 8, 2023   Feb. 8 2023       month day year (US)
 *   8 February 2023   8. Februar 2023    day month year (UK, de, fr, es …)
 *   1er mai 2015   8th Feb 2023   8 de febrero de 2023
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"
#include "date.h"

struct name {
	const char	*s;
	int		 n;
};

/* Month names and abbreviations in the languages mkbook's readers meet,
 * lower case (ASCII folding only; accented forms listed both ways). */
static const struct name months[] = {
	/* English */
	{"january", 1}, {"february", 2}, {"march", 3}, {"april", 4},
	{"may", 5}, {"june", 6}, {"july", 7}, {"august", 8},
	{"september", 9}, {"october", 10}, {"november", 11}, {"december", 12},
	{"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6},
	{"jul", 7}, {"aug", 8}, {"sep", 9}, {"sept", 9}, {"oct", 10},
	{"nov", 11}, {"dec", 12},
	/* German */
	{"januar", 1}, {"j\xc3\xa4nner", 1}, {"februar", 2}, {"m\xc3\xa4rz", 3},
	{"maerz", 3}, {"mai", 5}, {"juni", 6}, {"juli", 7},
	{"oktober", 10}, {"dezember", 12}, {"m\xc3\xa4r", 3}, {"mrz", 3},
	{"okt", 10}, {"dez", 12},
	/* French */
	{"janvier", 1}, {"f\xc3\xa9vrier", 2}, {"fevrier", 2}, {"mars", 3},
	{"avril", 4}, {"juin", 6}, {"juillet", 7}, {"ao\xc3\xbbt", 8},
	{"aout", 8}, {"septembre", 9}, {"octobre", 10}, {"novembre", 11},
	{"d\xc3\xa9\x63\x65mbre", 12}, {"decembre", 12}, {"janv", 1},
	{"f\xc3\xa9vr", 2}, {"fevr", 2}, {"avr", 4}, {"juil", 7},
	{"d\xc3\xa9\x63", 12},
	/* Spanish, Italian, Portuguese, Dutch */
	{"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4},
	{"mayo", 5}, {"junio", 6}, {"julio", 7}, {"agosto", 8},
	{"septiembre", 9}, {"setiembre", 9}, {"octubre", 10},
	{"noviembre", 11}, {"diciembre", 12},
	{"gennaio", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5},
	{"giugno", 6}, {"luglio", 7}, {"settembre", 9}, {"ottobre", 10},
	{"dicembre", 12},
	{"janeiro", 1}, {"fevereiro", 2}, {"mar\xc3\xa7o", 3}, {"maio", 5},
	{"junho", 6}, {"julho", 7}, {"setembro", 9}, {"outubro", 10},
	{"dezembro", 12},
	{"januari", 1}, {"februari", 2}, {"maart", 3}, {"mei", 5},
	{"augustus", 8},
	/* Arabic: the Levantine names and the ones from the Latin months */
	{"\xd9\x83\xd8\xa7\xd9\x86\xd9\x88\xd9\x86 \xd8\xa7\xd9\x84\xd8\xab\xd8\xa7\xd9\x86\xd9\x8a", 1},
	{"\xd8\xb4\xd8\xa8\xd8\xa7\xd8\xb7", 2}, {"\xd8\xa2\xd8\xb0\xd8\xa7\xd8\xb1", 3},
	{"\xd9\x86\xd9\x8a\xd8\xb3\xd8\xa7\xd9\x86", 4}, {"\xd8\xa3\xd9\x8a\xd8\xa7\xd8\xb1", 5},
	{"\xd8\xad\xd8\xb2\xd9\x8a\xd8\xb1\xd8\xa7\xd9\x86", 6}, {"\xd8\xaa\xd9\x85\xd9\x88\xd8\xb2", 7},
	{"\xd8\xa2\xd8\xa8", 8}, {"\xd8\xa3\xd9\x8a\xd9\x84\xd9\x88\xd9\x84", 9},
	{"\xd9\x8a\xd9\x86\xd8\xa7\xd9\x8a\xd8\xb1", 1}, {"\xd9\x81\xd8\xa8\xd8\xb1\xd8\xa7\xd9\x8a\xd8\xb1", 2},
	{"\xd9\x85\xd8\xa7\xd8\xb1\xd8\xb3", 3}, {"\xd8\xa3\xd8\xa8\xd8\xb1\xd9\x8a\xd9\x84", 4},
	{"\xd9\x85\xd8\xa7\xd9\x8a\xd9\x88", 5}, {"\xd9\x8a\xd9\x88\xd9\x86\xd9\x8a\xd9\x88", 6},
	{"\xd9\x8a\xd9\x88\xd9\x84\xd9\x8a\xd9\x88", 7}, {"\xd8\xa3\xd8\xba\xd8\xb3\xd8\xb7\xd8\xb3", 8},
	{"\xd8\xa7\xd8\xba\xd8\xb3\xd8\xb7\xd8\xb3", 8}, {"\xd8\xb3\xd8\xa8\xd8\xaa\xd9\x85\xd8\xa8\xd8\xb1", 9},
	{"\xd8\xa3\xd9\x83\xd8\xaa\xd9\x88\xd8\xa8\xd8\xb1", 10}, {"\xd9\x86\xd9\x88\xd9\x81\xd9\x85\xd8\xa8\xd8\xb1", 11},
	{"\xd8\xaf\xd9\x8a\xd8\xb3\xd9\x85\xd8\xa8\xd8\xb1", 12},
	{NULL, 0}
};

static const char *weekdays[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
	"sat", "sun",
	"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag",
	"sonnabend", "sonntag", "mo", "di", "mi", "do", "fr", "sa", "so",
	"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
	"lun", "mer", "jeu", "ven", "sam", "dim",
	"lunes", "martes", "mi\xc3\xa9rcoles", "miercoles", "jueves", "viernes",
	"s\xc3\xa1\x62\x61\x64o", "sabado", "domingo",
	"luned\xc3\xac", "marted\xc3\xac", "mercoled\xc3\xac", "gioved\xc3\xac", "venerd\xc3\xac",
	"segunda-feira", "ter\xc3\xa7\x61-feira", "quarta-feira", "quinta-feira", "sexta-feira",
	/* Arabic: Sunday to Saturday */
	"\xd8\xa7\xd9\x84\xd8\xa3\xd8\xad\xd8\xaf", "\xd8\xa7\xd9\x84\xd8\xa7\xd8\xab\xd9\x86\xd9\x8a\xd9\x86",
	"\xd8\xa7\xd9\x84\xd8\xab\xd9\x84\xd8\xa7\xd8\xab\xd8\xa7\xd8\xa1", "\xd8\xa7\xd9\x84\xd8\xa3\xd8\xb1\xd8\xa8\xd8\xb9\xd8\xa7\xd8\xa1",
	"\xd8\xa7\xd9\x84\xd8\xae\xd9\x85\xd9\x8a\xd8\xb3", "\xd8\xa7\xd9\x84\xd8\xac\xd9\x85\xd8\xb9\xd8\xa9",
	"\xd8\xa7\xd9\x84\xd8\xb3\xd8\xa8\xd8\xaa",
	"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
	NULL
};

/* Phrases a dateline may open with, matched without regard to ASCII case:
 * "Published 8 February 2023", "Last modified on 28 October 2016",
 * "Publié le 4 mai 2015", "更新时间 2012年12月10日". Longest first. */
static const char *leads[] = {
	"this page was last modified on", "this page was last edited on",
	"last modified on", "last edited on", "last updated on", "last updated",
	"published on", "published:", "published", "updated on", "updated:",
	"first published on", "first published:", "first published",
	"updated", "posted on", "posted", "last modified:",
	"erschienen am", "ver\xc3\xb6" "ffentlicht:", "aktualisiert:", "zuletzt aktualisiert am",
	"publi\xc3\xa9 :", "publi\xc3\xa9", "mis \xc3\xa0 jour", "actualizado:", "publicado:",
	"publicado", "actualizado", "atualizado em", "aggiornato il", "gepubliceerd op", "bijgewerkt op",
	"ver\xc3\xb6" "ffentlicht am", "aktualisiert am", "stand:",
	"publi\xc3\xa9 le", "mis \xc3\xa0 jour le", "publicado el",
	"actualizado el", "pubblicato il",
	"\xe6\x9b\xb4\xe6\x96\xb0\xe6\x97\xb6\xe9\x97\xb4",	/* 更新时间 */
	"\xe6\x9b\xb4\xe6\x96\xb0\xe6\x99\x82\xe9\x96\x93",	/* 更新時間 */
	"\xe5\x8f\x91\xe5\xb8\x83\xe6\x97\xb6\xe9\x97\xb4",	/* 发布时间 */
	NULL
};

static const char *skip_ws(const char *);

/* Skip one of LEADS at *P (a phrase ending at a space, colon or the date
 * itself), and the white space after it. */
static void
skip_lead(const char **p)
{
	size_t i, n;

	for (i = 0; leads[i]; i++) {
		n = strlen(leads[i]);
		if (strncasecmp(*p, leads[i], n) != 0)
			continue;
		if (isalpha((unsigned char)(*p)[n]))
			continue;	/* "Updatedness" */
		*p = skip_ws(*p + n);
		if (**p == ':')
			*p = skip_ws(*p + 1);
		return;
	}
}

/* Words a date may open with: "le 8 février", "den 8. Februar". */
static const char *openers[] = {"le", "den", "am", "el", "il", "on", NULL};

/* Skip spaces, tabs, no-break spaces (U+00A0, U+202F) and the ideographic
 * space (U+3000). Return the first other byte. */
static const char *
skip_ws(const char *p)
{
	for (;;) {
		if (*p == ' ' || *p == '\t')
			p++;
		else if ((unsigned char)p[0] == 0xc2 && (unsigned char)p[1] == 0xa0)
			p += 2;
		else if ((unsigned char)p[0] == 0xe2 && (unsigned char)p[1] == 0x80 &&
		    (unsigned char)p[2] == 0xaf)
			p += 3;
		else if ((unsigned char)p[0] == 0xe3 && (unsigned char)p[1] == 0x80 &&
		    (unsigned char)p[2] == 0x80)
			p += 3;
		else
			return p;
	}
}

/* Read 1..MAXD decimal digits at *P into *V. Return the digit count (0: none,
 * and *P unmoved). A run longer than MAXD is no match either. */
static int
read_num(const char **p, int maxd, int *v)
{
	const char *s = *p;
	int n = 0, val = 0;

	while (isdigit((unsigned char)s[n])) {
		if (n == maxd)
			return 0;
		val = val * 10 + (s[n] - '0');
		n++;
	}
	if (n == 0)
		return 0;
	*p = s + n;
	*v = val;
	return n;
}

/* Read a word (ASCII letters and any non-ASCII bytes that are not white
 * space) at *P into W, lower-casing ASCII. Return its length, 0 if none. */
static size_t
read_word(const char **p, char *w, size_t wsz)
{
	const char *s = *p;
	size_t n = 0;

	while (*s && (isalpha((unsigned char)*s) || (unsigned char)*s >= 0x80)) {
		if ((unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xa0)
			break;
		if ((unsigned char)s[0] == 0xe2 && (unsigned char)s[1] == 0x80)
			break;	/* U+2000 block: spaces, dashes, quotes */
		if ((unsigned char)s[0] == 0xe3 && (unsigned char)s[1] == 0x80)
			break;	/* CJK punctuation and the ideographic space */
		if ((unsigned char)s[0] == 0xd8 && (unsigned char)s[1] == 0x8c)
			break;	/* the Arabic comma */
		if (n + 1 >= wsz)
			return 0;
		w[n++] = (char)tolower((unsigned char)*s);
		s++;
	}
	w[n] = '\0';
	if (n)
		*p = s;
	return n;
}

/* Return the month number (1..12) of the word at *P and advance past it and
 * an abbreviation's full stop, or 0. */
static int
read_month(const char **p)
{
	char w[32];
	const char *s = *p;
	size_t i;

	if (read_word(&s, w, sizeof(w)) == 0)
		return 0;
	for (i = 0; months[i].s; i++)
		if (strcmp(w, months[i].s) == 0)
			break;
	if (months[i].s == NULL)
		return 0;
	if (*s == '.')
		s++;
	if (*s == '/') {	/* "آب/اغسطس": the same month by two names */
		const char *t = s + 1;

		if (read_month(&t) == months[i].n)
			s = t;
	}
	*p = s;
	return months[i].n;
}

/* Return 1 when the word at *P is in LIST, advancing past it (and a full
 * stop or comma after it, and white space); 0 otherwise. */
static int
skip_listed(const char **p, const char **list)
{
	char w[32];
	const char *s = *p;
	size_t i;

	if (read_word(&s, w, sizeof(w)) == 0)
		return 0;
	for (i = 0; list[i]; i++)
		if (strcmp(w, list[i]) == 0)
			break;
	if (list[i] == NULL)
		return 0;
	if (*s == '.')
		s++;
	if (*s == ',')
		s++;
	else if ((unsigned char)s[0] == 0xd8 && (unsigned char)s[1] == 0x8c)
		s += 2;
	*p = skip_ws(s);
	return 1;
}

/* Skip an ordinal suffix after a day number: "1st", "2nd", "8th", "1er". */
static const char *
skip_ordinal(const char *p)
{
	static const char *sfx[] = {"st", "nd", "rd", "th", "er", "re", "\xc2\xba", NULL};
	size_t i, n;

	for (i = 0; sfx[i]; i++) {
		n = strlen(sfx[i]);
		if (strncmp(p, sfx[i], n) == 0 && !isalpha((unsigned char)p[n]))
			return p + n;
	}
	return p;
}

/* Return 1 when P (after the date) is empty or only a time of day with an
 * optional zone: "12.00 GMT", "02.00 EST", "10:41", "13h36", "12:00 pm",
 * "T12:00:00Z", "14:00 (GMT+0400)", "12:00 Uhr MEZ". */
static int
time_rest(const char *p)
{
	int v, paren = 0;

	static const char *const tleads[] = {
		"\xd8\xa2\xd8\xae\xd8\xb1 \xd8\xaa\xd8\xad\xd8\xaf\xd9\x8a\xd8\xab",	/* آخر تحديث */
		"\xe6\xa0\xbc\xe6\x9e\x97\xe5\xb0\xbc\xe6\xb2\xbb\xe6\xa0\x87\xe5\x87\x86\xe6\x97\xb6\xe9\x97\xb4",	/* 格林尼治标准时间 */
		"\xe5\x8c\x97\xe4\xba\xac\xe6\x97\xb6\xe9\x97\xb4",	/* 北京时间 */
		NULL
	};
	static const char *const ats[] = {"a las ", "alle ", "om ", "\xc3\xa0s ", "kl. ", "at ", "um ",
		NULL};
	size_t i;

	p = skip_ws(p);
	if (*p == ',' || *p == '|' || *p == '-')
		p = skip_ws(p + 1);
	else if ((unsigned char)p[0] == 0xd8 && (unsigned char)p[1] == 0x8c)
		p = skip_ws(p + 2);
	if (*p == 0)
		return 1;
	for (i = 0; tleads[i]; i++)
		if (strncmp(p, tleads[i], strlen(tleads[i])) == 0) {
			p = skip_ws(p + strlen(tleads[i]));
			break;
		}
	for (i = 0; ats[i]; i++)
		if (strncmp(p, ats[i], strlen(ats[i])) == 0) {
			p = skip_ws(p + strlen(ats[i]));
			break;
		}
	else if (strncmp(p, "\xc3\xa0 ", 3) == 0)
		p = skip_ws(p + 3);
	if (*p == 'T')
		p++;
	if (read_num(&p, 2, &v) == 0 || v > 24)
		return 0;
	if (*p == ':' || *p == '.' || *p == 'h') {
		p++;
		if (isdigit((unsigned char)*p) && (read_num(&p, 2, &v) != 2 || v > 59))
			return 0;
		if (*p == ':' && (p++, read_num(&p, 2, &v) != 2 || v > 60))
			return 0;
		if (*p == '.' && isdigit((unsigned char)p[1])) {
			p++;
			while (isdigit((unsigned char)*p))
				p++;
		}
	} else {
		/* a bare hour needs am/pm: "9 pm" */
		const char *q = skip_ws(p);

		if (strncasecmp(q, "am", 2) && strncasecmp(q, "pm", 2) &&
		    strncasecmp(q, "a.m.", 4) && strncasecmp(q, "p.m.", 4))
			return 0;
	}
	p = skip_ws(p);
	if (strncasecmp(p, "a.m.", 4) == 0 || strncasecmp(p, "p.m.", 4) == 0)
		p += 4;
	else if ((strncasecmp(p, "am", 2) == 0 || strncasecmp(p, "pm", 2) == 0) &&
	    !isalpha((unsigned char)p[2]))
		p += 2;
	p = skip_ws(p);
	if (strncmp(p, "Uhr", 3) == 0)
		p = skip_ws(p + 3);
	if (*p == '(') {
		paren = 1;
		p++;
	}
	if (*p == 'Z' && (p[1] == 0 || p[1] == ')' || p[1] == ' '))
		p++;
	else {
		int n = 0;

		while (isupper((unsigned char)p[n]))
			n++;
		if (n > 5)
			return 0;
		p += n;
	}
	if (*p == '+' || *p == '-') {
		p++;
		if (read_num(&p, 4, &v) == 0)
			return 0;
		if (*p == ':' && (p++, read_num(&p, 2, &v) != 2))
			return 0;
	}
	if (paren) {
		if (*p != ')')
			return 0;
		p++;
	}
	p = skip_ws(p);
	return *p == 0;
}

/* Return 1 for a leap year of the Gregorian calendar. */
static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Return 0 when Y-M-D is a real calendar day (years 1000..9999). */
static int
valid(int y, int m, int d)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1)
		return -1;
	return d <= mdays[m - 1] + (m == 2 && leap(y)) ? 0 : -1;
}

/* "2023-02-08" */
static const char *
p_iso(const char *p, int *y, int *m, int *d)
{
	if (read_num(&p, 4, y) != 4 || *p++ != '-' || read_num(&p, 2, m) != 2 ||
	    *p++ != '-' || read_num(&p, 2, d) != 2)
		return NULL;
	return p;
}

/* Skip a weekday in brackets after a CJK date: "（木）", "(목)". Return
 * the position after it, or P when there is none. */
static const char *
skip_cjk_weekday(const char *p)
{
	const char *s = skip_ws(p);
	int wide, n = 0;

	if (*s == '(')
		wide = 0, s++;
	else if (strncmp(s, "\xef\xbc\x88", 3) == 0)	/* （ */
		wide = 1, s += 3;
	else
		return p;
	while (*s && *s != ')' && strncmp(s, "\xef\xbc\x89", 3) != 0) {
		if ((unsigned char)*s < 0x80 || ++n > 3)
			return p;
		s++;
		while (((unsigned char)*s & 0xc0) == 0x80)
			s++;
	}
	if (n == 0)
		return p;
	if (!wide && *s == ')')
		return s + 1;
	if (wide && strncmp(s, "\xef\xbc\x89", 3) == 0)
		return s + 3;
	return p;
}

/* "2023年2月8日", "2023년 2월 8일" */
static const char *
p_cjk(const char *p, int *y, int *m, int *d)
{
	static const char *marks[2][3] = {
		{"\xe5\xb9\xb4", "\xe6\x9c\x88", "\xe6\x97\xa5"},	/* 年 月 日 */
		{"\xeb\x85\x84", "\xec\x9b\x94", "\xec\x9d\xbc"},	/* 년 월 일 */
	};
	int *v[3] = {y, m, d};
	int k, i;

	for (k = 0; k < 2; k++) {
		const char *s = p;

		for (i = 0; i < 3; i++) {
			s = skip_ws(s);
			if (read_num(&s, i == 0 ? 4 : 2, v[i]) == 0)
				break;
			s = skip_ws(s);
			if (strncmp(s, marks[k][i], 3) != 0)
				break;
			s += 3;
		}
		if (i == 3) {
			if (*y < 1000)
				return NULL;
			return skip_cjk_weekday(s);
		}
	}
	return NULL;
}

/* "February 8, 2023", "Feb. 8 2023", "February 8th, 2023" */
static const char *
p_mdy(const char *p, int *y, int *m, int *d)
{
	if ((*m = read_month(&p)) == 0)
		return NULL;
	p = skip_ws(p);
	if (read_num(&p, 2, d) == 0)
		return NULL;
	p = skip_ordinal(p);
	if (*p == ',')
		p++;
	p = skip_ws(p);
	if (read_num(&p, 4, y) != 4)
		return NULL;
	return p;
}

/* "8 February 2023", "8. Februar 2023", "1er mai 2015", "8 de febrero de 2023" */
static const char *
p_dmy(const char *p, int *y, int *m, int *d)
{
	if (read_num(&p, 2, d) == 0)
		return NULL;
	p = skip_ordinal(p);
	if (*p == '.')
		p++;
	p = skip_ws(p);
	if (strncmp(p, "de ", 3) == 0)
		p = skip_ws(p + 3);
	if ((*m = read_month(&p)) == 0)
		return NULL;
	if (*p == ',')
		p++;
	p = skip_ws(p);
	if (strncmp(p, "de ", 3) == 0)
		p = skip_ws(p + 3);
	if (read_num(&p, 4, y) != 4)
		return NULL;
	return p;
}

/* "08/02/2023", "8.2.2023", "8-2-2023": two numbers and a 4-digit year,
 * day first unless MONTH_FIRST (US English), but a number over 12 is the
 * day wherever it stands. *AMBIG is set when both readings are real days. */
static const char *
p_numeric(const char *p, int month_first, int *y, int *m, int *d, int *ambig)
{
	int a, b;
	char sep;

	if (read_num(&p, 2, &a) == 0 || (*p != '.' && *p != '/' && *p != '-'))
		return NULL;
	sep = *p++;
	if (read_num(&p, 2, &b) == 0 || *p++ != sep || read_num(&p, 4, y) != 4)
		return NULL;
	if (a > 12 || (b <= 12 && !month_first)) {
		*d = a;
		*m = b;
	} else {
		*m = a;
		*d = b;
	}
	*ambig = a <= 12 && b <= 12 && a != b;
	return p;
}

/* See date.h. Writes 10 characters and a NUL into ISO on success only. */
int
date_parse_lang(const char *s, const char *lang, char iso[11], int *ambiguous)
{
	static const char *(*forms[])(const char *, int *, int *, int *) = {
		p_iso, p_cjk, p_mdy, p_dmy,
	};
	const char *p, *end;
	int y, m, d, amb = 0;
	int us = lang && (strcasecmp(lang, "en-US") == 0 || strncasecmp(lang, "en-US-", 6) == 0);
	size_t i;

	if (s == NULL)
		return -1;
	p = skip_ws(s);
	skip_lead(&p);
	skip_listed(&p, openers);
	skip_listed(&p, weekdays);
	skip_listed(&p, openers);
	y = m = d = 0;
	end = p_numeric(p, us, &y, &m, &d, &amb);
	if (end && !isalnum((unsigned char)*end) && valid(y, m, d) == 0 && time_rest(end)) {
		if (ambiguous)
			*ambiguous = amb;
		snprintf(iso, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)d % 100u);
		return 0;
	}
	for (i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		y = m = d = 0;
		end = forms[i](p, &y, &m, &d);
		if (end == NULL || (isalnum((unsigned char)*end) && *end != 'T'))
			continue;
		if (valid(y, m, d) != 0 || !time_rest(end))
			continue;
		if (ambiguous)
			*ambiguous = 0;
		snprintf(iso, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)d % 100u);
		return 0;
	}
	return -1;
}

int
date_parse(const char *s, char iso[11])
{
	return date_parse_lang(s, NULL, iso, NULL);
}

/* Return 1 when S is a reading time: "6 min read", "5 minutes",
 * "Lesezeit: 4 Min.", "Lecture 3 min", "4 min de lectura". */
static int
reading_time(const char *s)
{
	static const char *const words[] = {"min read", "minute read", "minutes read", "mins read",
	    "min.", "mins", "min", "minutes", "minuten", "minuti", "minutos", "lesezeit",
	    "lecture", "de lectura", "di lettura", "de leitura", "leestijd", "read", NULL};
	const char *p = s;
	size_t i, n;
	int num = 0, word = 0;

	while (*p) {
		p = skip_ws(p);
		if (*p == ':' || *p == '-') {
			p++;
			continue;
		}
		if (isdigit((unsigned char)*p)) {
			while (isdigit((unsigned char)*p))
				p++;
			num = 1;
			continue;
		}
		for (i = 0; words[i]; i++) {
			n = strlen(words[i]);
			if (strncasecmp(p, words[i], n) == 0 && !isalpha((unsigned char)p[n]))
				break;
		}
		if (words[i] == NULL)
			return 0;
		p += n;
		word = 1;
	}
	return num && word;
}

/* Return 1 when S opens with a phrase saying the date is an update. */
static int
is_update(const char *s)
{
	static const char *const up[] = {"updated", "last updated", "last modified", "mis \xc3\xa0 jour",
	    "aktualisiert", "zuletzt aktualisiert", "actualizado", "atualizado", "aggiornato",
	    "bijgewerkt", "last edited", "this page was last", NULL};
	size_t i;

	for (i = 0; up[i]; i++)
		if (strncasecmp(s, up[i], strlen(up[i])) == 0)
			return 1;
	return 0;
}

/* The separators of a date line's parts. */
static size_t
part_sep(const char *p)
{
	static const char *const seps[] = {" | ", " \xe2\x80\xa2 ", " \xc2\xb7 ", " \xe2\x80\x94 ",
	    " \xe2\x80\x93 ", " / ", NULL};
	size_t i;

	for (i = 0; seps[i]; i++)
		if (strncmp(p, seps[i], strlen(seps[i])) == 0)
			return strlen(seps[i]);
	return 0;
}

void
date_line_free(struct date_line *d)
{
	free(d->text);
	free(d->mod_text);
	memset(d, 0, sizeof(*d));
}

int
date_line(const char *s, const char *lang, struct date_line *out)
{
	const char *p = s, *start = s;
	char iso[11];
	int amb = 0, ret = -1;

	memset(out, 0, sizeof(*out));
	if (s == NULL || strlen(s) > 200)
		return -1;
	for (;;) {
		size_t k = *p ? part_sep(p) : 1;

		if (k == 0) {
			p++;
			continue;
		}
		{
			char *part = xstrndup(start, (size_t)(p - start));
			char *t = str_trim(part);

			free(part);
			if (*t == '\0' || reading_time(t)) {
				if (*t)
					out->reading = 1;
			} else if (date_parse_lang(t, lang, iso, &amb) != 0) {
				free(t);
				goto out;
			} else if (is_update(t) && out->mod[0] == '\0') {
				memcpy(out->mod, iso, 11);
				out->mod_text = t;
				t = NULL;
			} else if (out->iso[0] == '\0') {
				memcpy(out->iso, iso, 11);
				out->text = t;
				t = NULL;
				out->ambiguous = amb;
			} else {
				free(t);
				goto out;
			}
			free(t);
		}
		if (*p == '\0')
			break;
		p += k;
		start = p;
	}
	if (out->iso[0] == '\0' && out->mod[0]) {
		memcpy(out->iso, out->mod, 11);
		out->text = xstrdup(out->mod_text);
	}
	ret = out->iso[0] ? 0 : -1;
out:
	if (ret != 0)
		date_line_free(out);
	return ret;
}
void
date_format(const char *iso, const char *lang, char *out, size_t n)
{
	static const char *const en[] = {"January", "February", "March", "April", "May",
	    "June", "July", "August", "September", "October", "November", "December"};
	static const char *const de[] = {"Januar", "Februar", "März", "April", "Mai",
	    "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"};
	static const char *const fr[] = {"janvier", "février", "mars", "avril", "mai",
	    "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"};
	static const char *const es[] = {"enero", "febrero", "marzo", "abril", "mayo",
	    "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"};
	int y, m, d;
	char l[3] = {0};

	snprintf(out, n, "%s", iso ? iso : "");
	if (iso == NULL || sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 ||
	    d < 1 || d > 31)
		return;
	if (lang && lang[0] && lang[1] && (lang[2] == '\0' || lang[2] == '-'))
		memcpy(l, lang, 2);
	if (strcmp(l, "en") == 0)
		snprintf(out, n, "%d %s %d", d, en[m - 1], y);
	else if (strcmp(l, "de") == 0)
		snprintf(out, n, "%d. %s %d", d, de[m - 1], y);
	else if (strcmp(l, "fr") == 0)
		snprintf(out, n, "%d%s %s %d", d, d == 1 ? "er" : "", fr[m - 1], y);
	else if (strcmp(l, "es") == 0)
		snprintf(out, n, "%d de %s de %d", d, es[m - 1], y);
	else if (strcmp(l, "zh") == 0 || strcmp(l, "ja") == 0)
		snprintf(out, n, "%d年%d月%d日", y, m, d);
}

const char *
date_shown(const char *iso, const char *text, const char *lang, char *out, size_t n)
{
	if (iso && (text == NULL || strncmp(text, iso, 10) == 0)) {
		date_format(iso, lang, out, n);
		return out;
	}
	return text ? text : iso;
}

int
date_is_iso(const char *s)
{
	static const char *pat[] = { "dddd-dd-dd", "dddd-dd", "dddd",
	    "dddd-dd-ddTdd:ddZ", "dddd-dd-ddTdd:dd:ddZ", "dddd-dd-ddTdd:dd+dd:dd",
	    "dddd-dd-ddTdd:dd:dd+dd:dd", "dddd-dd-ddTdd:dd-dd:dd", "dddd-dd-ddTdd:dd:dd-dd:dd" };

	for (size_t k = 0; s && k < sizeof(pat) / sizeof(pat[0]); k++) {
		const char *p = pat[k], *q = s;

		while (*p && *q && (*p == 'd' ? isdigit((unsigned char)*q) : *p == *q))
			p++, q++;
		if (*p == '\0' && *q == '\0')
			return 1;
	}
	return 0;
}
