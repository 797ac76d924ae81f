/* mkbook: articles to an EPUB 3 and a print-quality PDF. The command line
 * chooses; the builder reads; the writers write. Only this file prints
 * errors and decides exit codes: 0 success, 1 bad input or failed output,
 * 2 bad usage. */
#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "read/book.h"
#include "datadir.h"
#include "read/web.h"
#include "model/date.h"
#include "epub/epub.h"
#include "typo/hyph.h"
#include "model/lang.h"
#include "options.h"
#include "output.h"
#include "pdf/pdf.h"
#include "model/theme.h"
#include "util.h"

enum { OPT_BLEED = 200, OPT_CROP, OPT_NOCOVER, OPT_COVERPDF, OPT_THICK, OPT_LINKS,
	OPT_TITLE = 256, OPT_AUTHOR, OPT_LANG, OPT_THEME, OPT_PAPER, OPT_DUMP, OPT_HELP,
       OPT_VERSION, OPT_EPUB, OPT_PDF, OPT_STRICT, OPT_IMGQ, OPT_URLS, OPT_CACHE, OPT_OFFLINE,
       OPT_ALLOW_PRIVATE, OPT_SINCE, OPT_MAX, OPT_TIMEOUT, OPT_MAX_SIZE, OPT_MAX_REDIRECTS,
       OPT_OLDEST };

static const struct option longopts[] = {
	{"epub", no_argument, NULL, OPT_EPUB},
	{"pdf", no_argument, NULL, OPT_PDF},
	{"output", required_argument, NULL, 'o'},
	{"title", required_argument, NULL, OPT_TITLE},
	{"author", required_argument, NULL, OPT_AUTHOR},
	{"lang", required_argument, NULL, OPT_LANG},
	{"theme", required_argument, NULL, OPT_THEME},
	{"paper", required_argument, NULL, OPT_PAPER},
	{"bleed", required_argument, NULL, OPT_BLEED},
	{"crop-marks", no_argument, NULL, OPT_CROP},
	{"no-cover", no_argument, NULL, OPT_NOCOVER},
	{"cover-pdf", required_argument, NULL, OPT_COVERPDF},
	{"paper-thickness", required_argument, NULL, OPT_THICK},
	{"links", required_argument, NULL, OPT_LINKS},
	{"dump-model", no_argument, NULL, OPT_DUMP},
	{"strict", no_argument, NULL, OPT_STRICT},
	{"image-quality", required_argument, NULL, OPT_IMGQ},
	{"jobs", required_argument, NULL, 'j'},
	{"urls", required_argument, NULL, OPT_URLS},
	{"cache", required_argument, NULL, OPT_CACHE},
	{"offline", no_argument, NULL, OPT_OFFLINE},
	{"allow-private", no_argument, NULL, OPT_ALLOW_PRIVATE},
	{"since", required_argument, NULL, OPT_SINCE},
	{"max", required_argument, NULL, OPT_MAX},
	{"oldest-first", no_argument, NULL, OPT_OLDEST},
	{"timeout", required_argument, NULL, OPT_TIMEOUT},
	{"max-size", required_argument, NULL, OPT_MAX_SIZE},
	{"max-redirects", required_argument, NULL, OPT_MAX_REDIRECTS},
	{"quiet", no_argument, NULL, 'q'},
	{"help", no_argument, NULL, OPT_HELP},
	{"version", no_argument, NULL, OPT_VERSION},
	{NULL, 0, NULL, 0},
};

static void
usage(FILE *f)
{
	fputs("usage: mkbook [--epub] [--pdf] [-o PATH] [--title T] [--author A] [--lang L]\n"
	    "              [--theme DIR] [--paper SIZE] [--strict] [--image-quality N]\n"
	    "              [--bleed LEN] [--crop-marks] [--no-cover] [-j N]\n"
	    "              [--cover-pdf FILE] [--paper-thickness T]\n"
	    "              [--links footnotes|after|none]\n"
	    "              [--dump-model] [-q] [--help] [--version]\n"
	    "              [--urls FILE] [--cache DIR] [--offline] [--allow-private]\n"
	    "              [--since DATE] [--max N] [--oldest-first] [--timeout S] [--max-size MB]\n"
	    "              [--max-redirects N] [INPUT...]\n", f);
}

static void
help(void)
{
	usage(stdout);
	fputs("\n"
	    "Turn articles into a book: an EPUB 3 for e-readers and a PDF for print.\n"
	    "\n"
	    "  INPUT          article files (.txt, .md, .html, .mhtml), content directories\n"
	    "                 (default: content), http(s) URLs of web pages or RSS/Atom\n"
	    "                 feeds, or feed files (.rss, .atom, .xml)\n"
	    "  --epub         write an EPUB 3\n"
	    "  --pdf          write a PDF (neither flag: both, or what -o FILE.epub/.pdf names)\n"
	    "  -o PATH        the output file when one format is asked for ('-' is standard\n"
	    "                 output), the output directory when both (default: build)\n"
	    "  --title T      the book's title (overrides book.yaml)\n"
	    "  --author A     the book's author\n"
	    "  --lang L       the book's language, a BCP 47 tag (en, en-GB, de, fr, ar, zh, ja)\n"
	    "  --theme DIR    a theme directory (theme.yaml, book.css, fonts)\n"
	    "  --paper SIZE   PDF page size: a4 (default), a5, a3, b5, letter, legal, or WxH\n"
	    "                 with a unit (210x297mm, 6x9in), each side 64 to 2000 mm\n"
	    "  --bleed LEN    PDF bleed beyond the trim on every side, 0 to 25 mm (default:\n"
	    "                 the theme's bleed:, else 0; 3 mm with --crop-marks)\n"
	    "  --crop-marks   draw trim and bleed marks in a 5 mm slug outside the bleed\n"
	    "  --no-cover     the PDF starts with its title page, not its front cover\n"
	    "  --cover-pdf FILE\n"
	    "                 also write the PDF's wrap cover for print on demand to FILE:\n"
	    "                 back (the description), spine, front, with the bleed\n"
	    "  --paper-thickness T\n"
	    "                 the spine's paper: a sheet's thickness (0.1mm, the default)\n"
	    "                 or pages an inch (444ppi)\n"
	    "  --links HOW    what the PDF shows of a link's URL: footnotes (at the foot of\n"
	    "                 its page, lettered a, b, c), after (in brackets after the\n"
	    "                 link's words) or none (default: the theme's links:, else\n"
	    "                 footnotes); the EPUB keeps links as links\n"
	    "  --strict       an image that cannot be used (missing, not an image, too\n"
	    "                 large) or a page, feed or feed item that cannot be fetched or\n"
	    "                 read stops the book instead of a warning\n"
	    "  --image-quality N\n"
	    "                 JPEG quality (1-100, default 85) of pictures made smaller\n"
	    "                 or converted for the EPUB\n"
	    "  -j N, --jobs N threads laying out the PDF's articles while one draws the\n"
	    "                 pages (default: $MKBOOK_JOBS, else one per core; 1 to 64);\n"
	    "                 the PDF is the same, byte for byte, for every N\n"
	    "  --dump-model   print the article model as JSON and write nothing else\n"
	    "  -q             no progress, no warnings\n"
	    "\n"
	    "From the web (pages, feeds and their pictures are fetched with libcurl; a page\n"
	    "that fails is skipped with a warning, and the book is made from the rest):\n"
	    "  --urls FILE    read URLs from FILE, one a line ('#' starts a comment)\n"
	    "  --cache DIR    keep what is fetched in DIR and read it from there on reruns\n"
	    "  --offline      never fetch: only what --cache DIR holds\n"
	    "  --since DATE   feed items from DATE (YYYY-MM-DD) on\n"
	    "  --max N        the first N items of each feed\n"
	    "  --oldest-first feed items oldest first (default: newest first)\n"
	    "  --timeout S    seconds for one page or image (default 30)\n"
	    "  --max-size MB  megabytes for one page or image (default 20)\n"
	    "  --max-redirects N  redirects followed for one URL (default 10)\n"
	    "  --allow-private    fetch from loopback, link-local and private addresses\n"
	    "\n"
	    "Data (templates/ and fonts/): $MKBOOK_DATADIR when set (it wins), else the\n"
	    "first holding " DATADIR_PROBE " of: the executable's directory\n"
	    "(./mkbook in the source checkout), ../share/mkbook beside it, and the\n"
	    "compiled-in DATADIR " MKBOOK_DATADIR " (make install puts them there).\n"
	    "\n"
	    "Exit status: 0 on success, 1 on bad input or failed output, 2 on bad usage.\n", stdout);
}

/* A file name from the title: lower-case ASCII letters and digits joined by
 * hyphens, accented Latin letters taken as their base letter ("Māori" →
 * "maori"); "book" when nothing is left. Fresh string. */
static char *
slug(const char *title)
{
	/* U+00C0..U+017F to their base letters; '-' where there is none. */
	static const char latin[] =
	    "aaaaaaaceeeeiiiidnooooo-ouuuuytsaaaaaaaceeeeiiiidnooooo-ouuuuytyaaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnn---oooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
	struct buf b = {0};
	const char *p = title ? title : "";

	while (*p && b.len < 60) {
		uint32_t c = utf8_next(&p);

		if (c >= 0xc0 && c <= 0x17f)
			c = (unsigned char)latin[c - 0xc0];
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			buf_putc(&b, (int)c);
		else if (c >= 'A' && c <= 'Z')
			buf_putc(&b, (int)(c - 'A' + 'a'));
		else if (c == '\'' || c == 0x2019)
			continue;	/* "Beijing's" → "beijings" */
		else if (b.len && b.data[b.len - 1] != '-')
			buf_putc(&b, '-');
	}
	if (*p && b.len >= 60 && memchr(b.data, '-', b.len))
		while (b.data[b.len - 1] != '-')	/* cut at a word, not in one */
			b.data[--b.len] = '\0';
	while (b.len && b.data[b.len - 1] == '-')
		b.data[--b.len] = '\0';
	if (b.len == 0)
		BUF_PUTSL(&b, "book");
	return buf_detach(&b);
}

static int
make_dir(const char *dir)
{
	char *parent;
	struct stat st;

	if (stat(dir, &st) == 0)
		return S_ISDIR(st.st_mode) ? 0 : err_set(dir, 0, "not a directory");
	parent = path_dir(dir);
	if (strcmp(parent, dir) != 0 && make_dir(parent) != 0) {
		free(parent);
		return -1;
	}
	free(parent);
	if (mkdir(dir, 0777) != 0 && errno != EEXIST)
		return err_set(dir, 0, "cannot create directory: %s", strerror(errno));
	return 0;
}

/* The --image-quality ARG, 1..100, or 0 after saying why it is bad usage. */
static int
image_quality(const char *arg)
{
	char *end;
	long q = strtol(arg, &end, 10);

	if (*arg == '\0' || *end != '\0' || q < 1 || q > 100) {
		fprintf(stderr, "mkbook: --image-quality '%s' is not a number from 1 to 100\n", arg);
		return 0;
	}
	return (int)q;
}

/* The thread count ARG (of -j, or WHAT names where it came from), 1..64,
 * or 0 after saying why it is bad usage. */
static int
jobs_arg(const char *arg, const char *what)
{
	char *end;
	long n = strtol(arg, &end, 10);

	if (*arg == '\0' || *end != '\0' || n < 1 || n > 64) {
		fprintf(stderr, "mkbook: %s '%s' is not a number of threads from 1 to 64\n", what, arg);
		return 0;
	}
	return (int)n;
}

typedef int (*writer_fn)(const struct book *, const struct theme *, const struct options *,
    const char *);

/* Begin OPT's wrap cover (--cover-pdf) in *OUT, its temporary file in
 * *O's cover_tmp (O a copy of OPT). Return the outputs it adds (0 or 1),
 * or -1 with the error set. */
static int
begin_cover(const struct options *opt, struct options *o, struct output *out)
{
	*o = *opt;
	if (opt->cover_pdf == NULL)
		return 0;
	if (output_begin(out, opt->cover_pdf) != 0)
		return -1;
	o->cover_tmp = out->tmp;
	return 1;
}

/* Write one format atomically to TARGET in the theme TH (with --cover-pdf's
 * wrap cover, both or neither). Return 0 or -1 with the error set. */
static int
write_one(const struct book *book, const struct theme *th, const struct options *opt,
    writer_fn fn, const char *target)
{
	struct output out[2];
	struct options o;
	int n, i, ret = -1;

	memset(out, 0, sizeof(out));
	if (output_begin(&out[0], target) != 0)
		return -1;
	if ((n = begin_cover(opt, &o, &out[1])) < 0)
		goto out;
	if (fn(book, th, &o, out[0].tmp) != 0) {
		err_rename(out[0].tmp, target);
		goto out;
	}
	if (output_commit_all(out, 1 + (size_t)n) != 0)
		goto out;
	if (!opt->quiet && strcmp(target, "-") != 0)
		fprintf(stderr, "mkbook: wrote %s\n", target);
	if (!opt->quiet && n)
		fprintf(stderr, "mkbook: wrote %s\n", opt->cover_pdf);
	ret = 0;
out:
	for (i = 0; i < 2; i++)
		output_abort(&out[i]);
	return ret;
}

/* Write both formats into DIR as NAME.epub and NAME.pdf in the one theme
 * TH, all or nothing: each to a temporary file, both renamed into place
 * only when both were written; the PDF first, so that the EPUB gets its
 * page list. Return 0 or -1 with the error set. */
static int
write_both(const struct book *book, const struct theme *th, const struct options *opt,
    const char *dir, const char *name)
{
	static const char *const ext[2] = {"epub", "pdf"};
	const writer_fn fn[2] = {epub_write, pdf_write};
	struct output out[3];
	struct options o;
	char *target[2];
	struct page_list pages = {0};
	int i, k, n = 0, ret = -1;

	memset(out, 0, sizeof(out));
	for (i = 0; i < 2; i++) {
		char *file = xprintf("%s.%s", name, ext[i]);

		target[i] = path_join(dir, file);	/* "out/" makes no "out//" */
		free(file);
	}
	for (i = 0; i < 2; i++)
		if (output_begin(&out[i], target[i]) != 0)
			goto out;
	if ((n = begin_cover(opt, &o, &out[2])) < 0)
		goto out;
	/* the PDF first: where its pages begin becomes the EPUB's page list */
	o.pages = &pages;
	for (k = 0; k < 2; k++) {
		i = 1 - k;
		if (fn[i](book, th, &o, out[i].tmp) != 0) {
			err_rename(out[i].tmp, target[i]);
			goto out;
		}
	}
	if (output_commit_all(out, 2 + (size_t)n) != 0)
		goto out;
	for (i = 0; i < 2 + n; i++)
		if (!opt->quiet)
			fprintf(stderr, "mkbook: wrote %s\n", i < 2 ? target[i] : opt->cover_pdf);
	ret = 0;
out:
	for (i = 0; i < 3; i++)
		output_abort(&out[i]);	/* a no-op for a book in place or never begun */
	for (i = 0; i < 2; i++)
		free(target[i]);
	page_list_free(&pages);
	return ret;
}

/* The format a file name's extension names, case aside: 'e' for .epub,
 * 'p' for .pdf, 0 for anything else. */
static int
ext_format(const char *path)
{
	const char *ext = path_ext(path);

	if (strcasecmp(ext, ".epub") == 0)
		return 'e';
	if (strcasecmp(ext, ".pdf") == 0)
		return 'p';
	return 0;
}

/* Return 1 when two command-line inputs name the same file or directory:
 * the first such pair goes to *A and *B. */
static int
same_inputs(char *const *in, int n, const char **a, const char **b)
{
	char **real = xcalloc((size_t)n + 1, sizeof(*real));
	int i, k, found = 0;

	for (i = 0; i < n; i++)
		if ((real[i] = realpath(in[i], NULL)) == NULL)
			real[i] = xstrdup(in[i]);	/* book_load names the error */
	for (i = 0; i < n && !found; i++)
		for (k = 0; k < i && !found; k++)
			if (strcmp(real[i], real[k]) == 0) {
				*a = in[k];
				*b = in[i];
				found = 1;
			}
	for (i = 0; i < n; i++)
		free(real[i]);
	free(real);
	return found;
}

/* Set the web option C (--max, --timeout, --max-size, --max-redirects)
 * from ARG. Return 0, or -1 after saying what is wrong. */
static int
web_number(struct options *opt, int c, const char *arg)
{
	char *end;
	double v = strtod(arg, &end);
	const char *name = c == OPT_MAX ? "--max" : c == OPT_TIMEOUT ? "--timeout" :
	    c == OPT_MAX_SIZE ? "--max-size" : "--max-redirects";
	int whole = c == OPT_MAX || c == OPT_MAX_REDIRECTS;

	if (end == arg || *end || !(v >= (c == OPT_MAX_REDIRECTS ? 0 : 0.001)) || v > 1e6 ||
	    (whole && v != (double)(long)v)) {
		fprintf(stderr, "mkbook: %s '%s' is not %s\n", name, arg, whole ?
		    (c == OPT_MAX ? "a whole number of items, 1 or more" : "a whole number, 0 or more") :
		    (c == OPT_TIMEOUT ? "a number of seconds above 0" : "a number of megabytes above 0"));
		return -1;
	}
	if (c == OPT_MAX)
		opt->max_items = (long)v;
	else if (c == OPT_TIMEOUT)
		opt->timeout_ms = (long)(v * 1000 + 0.5) ? (long)(v * 1000 + 0.5) : 1;
	else if (c == OPT_MAX_SIZE)
		opt->max_bytes = (long)(v * 1024 * 1024) ? (long)(v * 1024 * 1024) : 1;
	else
		opt->max_redirects = (int)v;
	return 0;
}

/* Take the web option C with its value ARG into OPT (SINCE holds the
 * --since date, 11 bytes). Return 1 when C is one, 0 when it is not, 2
 * after saying what is wrong with ARG. */
static int
web_option(struct options *opt, int c, const char *arg, char *since)
{
	switch (c) {
	case OPT_URLS: opt->urls = arg; return 1;
	case OPT_CACHE: opt->cache = arg; return 1;
	case OPT_OFFLINE: opt->offline = 1; return 1;
	case OPT_ALLOW_PRIVATE: opt->allow_private = 1; return 1;
	case OPT_OLDEST: opt->feed_oldest = 1; return 1;
	case OPT_SINCE:
		if (date_parse(arg, since) != 0) {
			fprintf(stderr, "mkbook: --since '%s' is not a date (like %s)\n", arg,
			    DATE_FORMS);
			return 2;
		}
		opt->since = since;
		return 1;
	case OPT_MAX: case OPT_TIMEOUT: case OPT_MAX_SIZE: case OPT_MAX_REDIRECTS:
		if (web_number(opt, c, arg) != 0) {
			usage(stderr);
			return 2;
		}
		return 1;
	default:
		return 0;
	}
}

/* --cover-pdf without the PDF (PDF 0): print why and return 2; else 0. */
static int
cover_usage(const struct options *opt, int pdf)
{
	if (opt->cover_pdf && !pdf) {	/* the spine needs the page count */
		fputs("mkbook: --cover-pdf needs the PDF: the spine is as wide as its pages are thick\n",
		    stderr);
		return 2;
	}
	return 0;
}

/* Check the options OPT and the inputs ARGV[0..ARGC) before any work: print
 * what is wrong and return 2 (bad usage), or return 0. */
static int
check_args(const struct options *opt, int argc, char **argv)
{
	if (opt->title && !*opt->title) {
		fputs("mkbook: --title must not be empty\n", stderr);
		return 2;
	}
	if (opt->lang && !lang_valid(opt->lang)) {
		fprintf(stderr, "mkbook: --lang '%s' is not a BCP 47 language tag (like en, en-GB, fr)\n",
		    opt->lang);
		return 2;
	}
	if (opt->paper && theme_paper_check(opt->paper) != 0) {
		fprintf(stderr, "mkbook: %s\n", err_msg());
		return 2;
	}
	if (opt->thickness) {
		double t;

		if (theme_thickness_parse(opt->thickness, &t) != 0) {
			fprintf(stderr, "mkbook: --%s\n", err_msg());
			return 2;
		}
	}
	if (opt->bleed) {
		double b;

		if (theme_bleed_parse(opt->bleed, &b) != 0) {
			fprintf(stderr, "mkbook: --%s\n", err_msg());
			return 2;
		}
	}
	if (opt->links) {
		enum theme_links l;

		if (theme_links_parse(opt->links, &l) != 0) {
			fprintf(stderr, "mkbook: --%s\n", err_msg());
			return 2;
		}
	}
	if (argc == 0 && opt->urls == NULL) {
		struct stat st;

		if (stat("content", &st) != 0) {
			fputs("mkbook: no input was given, and there is no content/ directory here to "
			    "read: name article files (.txt, .md, .html, .mhtml), a content directory, "
			    "http(s) URLs or feeds (or --urls FILE); "
			    "see mkbook --help\n", stderr);
			return 2;
		}
	} else {
		const char *a = NULL, *b = NULL;

		if (same_inputs(argv, argc, &a, &b)) {
			if (strcmp(a, b) == 0)
				fprintf(stderr, "mkbook: '%s' is given twice on the command line; "
				    "each input is read once\n", a);
			else
				fprintf(stderr, "mkbook: '%s' and '%s' are the same input, given twice "
				    "on the command line; each input is read once\n", a, b);
			usage(stderr);
			return 2;
		}
	}
	return 0;
}

/* Name, in one warning, the languages of BOOK's articles that the PDF
 * cannot hyphenate (no hyphen-* patterns installed); scripts set without
 * hyphens (CJK, Arabic, Hebrew …) are not named. */
static void
warn_no_patterns(const struct book *book)
{
	static const char *const unhyphenated[] = {"zh", "ja", "ko", "ar", "he", "fa", "ur",
		"yi", "lo", "km", "my", "bo", NULL};
	struct buf w = {0};
	char **seen = NULL;
	size_t nseen = 0, i, k;

	for (i = 0; i < book->narticles; i++) {
		const char *l = book->articles[i]->lang;

		if (l == NULL || hy_available(l))
			continue;
		for (k = 0; unhyphenated[k]; k++)
			if (lang_has_prefix(l, unhyphenated[k]))
				break;
		if (unhyphenated[k])
			continue;
		for (k = 0; k < nseen; k++)
			if (strcmp(seen[k], l) == 0)
				break;
		if (k < nseen)
			continue;
		strv_push(&seen, &nseen, l);
		buf_printf(&w, "%s%s (%s)", w.len ? ", " : "", l, book->articles[i]->source);
	}
	if (w.len)
		warn_at(NULL, 0, "no hyphenation patterns for %s: the PDF breaks lines between "
		    "words only (install the hyphen-* package for the language)", buf_str(&w));
	for (k = 0; k < nseen; k++)
		free(seen[k]);
	free(seen);
	buf_free(&w);
}

/* Settle which books to write from --epub, --pdf, -o OUTPATH and --dump-model
 * (DUMP): set *EPUB and *PDF, or print what is wrong and return 2. */
static int
pick_formats(int dump, const char *outpath, int *epub, int *pdf)
{
	int want_epub = *epub, want_pdf = *pdf;

	if (dump && (want_epub || want_pdf || outpath)) {
		fputs("mkbook: --dump-model writes nothing else; drop --epub, --pdf and -o\n", stderr);
		usage(stderr);
		return 2;
	}
	if (!want_epub && !want_pdf && outpath && ext_format(outpath)) {
		/* -o book.epub, -o Book.PDF: the file names its format */
		want_epub = ext_format(outpath) == 'e';
		want_pdf = ext_format(outpath) == 'p';
	}
	if (!want_epub && !want_pdf)
		want_epub = want_pdf = 1;
	if (want_epub && want_pdf && outpath && strcmp(outpath, "-") == 0) {
		fputs("mkbook: -o - needs one format: add --epub or --pdf\n", stderr);
		return 2;
	}
	if (want_epub && want_pdf && outpath && ext_format(outpath)) {
		fprintf(stderr, "mkbook: -o %s names one file, but one file cannot hold both an EPUB "
		    "and a PDF: give a directory (-o build), or drop --epub or --pdf\n", outpath);
		return 2;
	}
	if (outpath && want_epub != want_pdf && ext_format(outpath) &&
	    ext_format(outpath) != (want_epub ? 'e' : 'p')) {
		fprintf(stderr, "mkbook: %s writes %s, but -o %s names %s file: "
		    "end the name in %s, or ask for %s\n",
		    want_epub ? "--epub" : "--pdf", want_epub ? "an EPUB" : "a PDF", outpath,
		    want_epub ? "a PDF" : "an EPUB", want_epub ? ".epub" : ".pdf",
		    want_epub ? "--pdf" : "--epub");
		return 2;
	}
	*epub = want_epub;
	*pdf = want_pdf;
	return 0;
}

int
main(int argc, char *argv[])
{
	struct options opt = {.max_redirects = -1};
	struct book *book = NULL;
	char since[11];
	struct theme *th = NULL;
	const char *outpath = NULL;
	int want_epub = 0, want_pdf = 0, dump = 0, c, ret = 1;
	char *datadir = NULL, *name = NULL;

	setlocale(LC_ALL, "");
	setlocale(LC_NUMERIC, "C");	/* Cairo's tag attributes and our own printf */
	opterr = 0;	/* our own messages, with our own name */
	while ((c = getopt_long(argc, argv, ":o:qj:", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_EPUB: want_epub = 1; break;
		case OPT_PDF: want_pdf = 1; break;
		case 'o': outpath = optarg; break;
		case OPT_TITLE: opt.title = optarg; break;
		case OPT_AUTHOR: opt.author = optarg; break;
		case OPT_LANG: opt.lang = optarg; break;
		case OPT_THEME: opt.theme = optarg; break;
		case OPT_PAPER: opt.paper = optarg; break;
		case OPT_BLEED: opt.bleed = optarg; break;
		case OPT_CROP: opt.crop_marks = 1; break;
		case OPT_NOCOVER: opt.no_cover = 1; break;
		case OPT_COVERPDF: opt.cover_pdf = optarg; break;
		case OPT_THICK: opt.thickness = optarg; break; case OPT_LINKS: opt.links = optarg; break;
		case OPT_DUMP: dump = 1; break;
		case OPT_STRICT: opt.strict = 1; break;
		case OPT_IMGQ:
			if ((opt.image_quality = image_quality(optarg)) == 0)
				return 2;
			break;
		case 'q': opt.quiet = 1; break;
		case 'j':
			if ((opt.jobs = jobs_arg(optarg, "-j")) == 0)
				return 2;
			break;
		case OPT_HELP: help(); return 0;
		case OPT_VERSION: printf("mkbook %s\n", MKBOOK_VERSION); return 0;
		case OPT_URLS: case OPT_CACHE: case OPT_OFFLINE: case OPT_ALLOW_PRIVATE:
		case OPT_OLDEST: case OPT_SINCE: case OPT_MAX: case OPT_TIMEOUT:
		case OPT_MAX_SIZE: case OPT_MAX_REDIRECTS:
			if (web_option(&opt, c, optarg, since) == 2)
				return 2;
			break;
		case ':':
			fprintf(stderr, "mkbook: option '%s' needs a value\n", argv[optind - 1]);
			usage(stderr);
			return 2;
		default:
			fprintf(stderr, "mkbook: unknown option '%s'\n", argv[optind - 1]);
			usage(stderr);
			return 2;
		}
	}
	if (pick_formats(dump, outpath, &want_epub, &want_pdf) != 0 ||
	    cover_usage(&opt, want_pdf && !dump) != 0)
		return 2;
	if (opt.jobs == 0 && getenv("MKBOOK_JOBS") && *getenv("MKBOOK_JOBS") &&
	    (opt.jobs = jobs_arg(getenv("MKBOOK_JOBS"), "MKBOOK_JOBS")) == 0)
		return 2;
	if (check_args(&opt, argc - optind, argv + optind) != 0)
		return 2;
	util_quiet = opt.quiet;
	opt.progress = !opt.quiet && isatty(STDERR_FILENO);
	/* the data first, so that a missing one is said before any reading */
	if (!dump && (opt.datadir = datadir = datadir_find()) == NULL)
		goto out;
	if ((book = book_load(argv + optind, (size_t)(argc - optind), &opt)) == NULL)
		goto out;
	if (dump) {
		struct buf b = {0};

		model_json(&b, book);
		ret = fwrite(b.data, 1, b.len, stdout) == b.len && fflush(stdout) == 0 ? 0 : 1;
		if (ret)
			err_set("standard output", 0, "write failed: %s", strerror(errno));
		buf_free(&b);
		goto out;
	}
	/* one theme for both books: --theme, else book.yaml's, else the default */
	if ((th = theme_load(&opt, book->theme)) == NULL)
		goto out;
	if (want_pdf)
		warn_no_patterns(book);
	name = slug(book->title);
	if (want_epub && want_pdf) {
		const char *dir = outpath ? outpath : "build";

		if (make_dir(dir) != 0 || write_both(book, th, &opt, dir, name) != 0)
			goto out;
	} else {
		char *file = outpath ? xstrdup(outpath) :
		    xprintf("build/%s.%s", name, want_epub ? "epub" : "pdf");

		if (outpath == NULL && make_dir("build") != 0) {
			free(file);
			goto out;
		}
		c = write_one(book, th, &opt, want_epub ? epub_write : pdf_write, file);
		free(file);
		if (c != 0)
			goto out;
	}
	ret = 0;
out:
	if (ret)
		fprintf(stderr, "mkbook: %s\n", err_msg());
	theme_free(th);
	book_free(book);
	free(name);
	free(datadir);
	lang_cleanup();
	hy_cleanup();
	web_cleanup();
	return ret;
}
