/* mkbook's HTML reader over many pages in ONE process (bench/html.sh), the
 * measure beside Readability.js in one warm node process: html-pages LIST.
 * LIST names one page a line. The clock starts once the process is up and
 * stops after the last page; each page is read from disk and through
 * html_read (decoding, gumbo, metadata, the finder, the converter, its
 * pictures checked): the article --dump-model prints, before the builder's
 * book-wide passes. Prints one JSON line: pages, ok, cpu_s, wall_s. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "read/read_html.h"
#include "util.h"

static double
secs(clockid_t id)
{
	struct timespec t;

	clock_gettime(id, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	char line[8192];
	size_t pages = 0, ok = 0;
	double c0, w0;
	FILE *f;

	if (argc != 2 || (f = fopen(argv[1], "r")) == NULL) {
		fprintf(stderr, "usage: html-pages LIST\n");
		return 2;
	}
	util_quiet = 1;
	c0 = secs(CLOCK_PROCESS_CPUTIME_ID);
	w0 = secs(CLOCK_MONOTONIC);
	while (fgets(line, sizeof(line), f)) {
		struct article *a;
		char *text;
		size_t len;

		line[strcspn(line, "\n")] = 0;
		if (*line == 0)
			continue;
		pages++;
		if (file_read(line, &text, &len) != 0) {
			err_clear();
			continue;
		}
		if ((a = html_read(line, text, len, NULL)) != NULL) {
			ok++;
			article_free(a);
		} else
			err_clear();
		free(text);
	}
	fclose(f);
	printf("{\"pages\": %zu, \"ok\": %zu, \"cpu_s\": %.4f, \"wall_s\": %.4f}\n", pages, ok,
	    secs(CLOCK_PROCESS_CPUTIME_ID) - c0, secs(CLOCK_MONOTONIC) - w0);
	return 0;
}
