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
#include <sys/stat.h>
#include <unistd.h>

#include "book.h"
#include "epub.h"
#include "hyph.h"
#include "lang.h"
#include "options.h"
#include "output.h"
#include "pdf.h"
#include "util.h"

enum { OPT_TITLE = 256, OPT_AUTHOR, OPT_LANG, OPT_THEME, OPT_PAPER, OPT_DUMP, OPT_HELP,
       OPT_VERSION, OPT_EPUB, OPT_PDF };

static const struct option longopts[] = {
	{"epub", no_argument, NULL, OPT_EPUB},
	{"pdf", no_argument, NULL, OPT_PDF},
	{"output", required_argument, NULL, 'o'},
	{"title", required_argument, NULL, OPT_TITLE},
	{"author", required_argument, NULL, OPT_AUTHOR},
	{"lang", required_argument, NULL, OPT_LANG},
	{"theme", required_argument, NULL, OPT_THEME},
	{"paper", required_argument, NULL, OPT_PAPER},
	{"dump-model", no_argument, NULL, OPT_DUMP},
	{"quiet", no_argument, NULL, 'q'},
	{"help", no_argument, NULL, OPT_HELP},
	{"version", no_argument, NULL, OPT_VERSION},
	{NULL, 0, NULL, 0},
};

static void
usage(FILE *f)
{
	fputs("usage: mkbook [--epub] [--pdf] [-o PATH] [--title T] [--author A] [--lang L]\n"
	    "              [--theme DIR] [--paper SIZE] [--dump-model] [-q] [--help] [--version]\n"
	    "              [INPUT...]\n", f);
}

static void
help(void)
{
	usage(stdout);
	fputs("\n"
	    "Turn articles into a book: an EPUB 3 for e-readers and a PDF for print.\n"
	    "\n"
	    "  INPUT          article files (.txt, .md) or content directories (default: content)\n"
	    "  --epub         write an EPUB 3\n"
	    "  --pdf          write a PDF (neither flag: both)\n"
	    "  -o PATH        the output file when one format is asked for ('-' is standard\n"
	    "                 output), the output directory when both (default: build)\n"
	    "  --title T      the book's title (overrides book.yaml)\n"
	    "  --author A     the book's author\n"
	    "  --lang L       the book's language, a BCP 47 tag (en, en-GB, de, fr, ar, zh, ja)\n"
	    "  --theme DIR    a theme directory (theme.yaml, book.css, fonts)\n"
	    "  --paper SIZE   PDF page size: a4 (default), letter, a5, or WxH (210x297mm, 6x9in)\n"
	    "  --dump-model   print the article model as JSON and write nothing else\n"
	    "  -q             no progress, no warnings\n"
	    "\n"
	    "Exit status: 0 on success, 1 on bad input or failed output, 2 on bad usage.\n", stdout);
}

/* Where templates/ and fonts/ are: $MKBOOK_DATADIR, the directory of the
 * executable (a build tree), ../share/mkbook beside it (an installed tree,
 * wherever it was moved), or the data directory compiled in. Fresh string. */
static char *
find_datadir(void)
{
	const char *env = getenv("MKBOOK_DATADIR");
	char exe[4096], *dir, *probe;
	struct stat st;
	ssize_t n;

	if (env && *env)
		return xstrdup(env);
	if ((n = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) > 0) {
		exe[n] = '\0';
		static const char *const rel[] = {"", "/../share/mkbook"};

		dir = path_dir(exe);
		for (size_t i = 0; i < sizeof(rel) / sizeof(rel[0]); i++) {
			char *cand = xprintf("%s%s", dir, rel[i]);

			probe = path_join(cand, "templates/default");
			if (stat(probe, &st) == 0 && S_ISDIR(st.st_mode)) {
				free(probe);
				free(dir);
				return cand;
			}
			free(probe);
			free(cand);
		}
		free(dir);
	}
	return xstrdup(MKBOOK_DATADIR);
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

typedef int (*writer_fn)(const struct book *, const struct options *, const char *);

/* Write one format atomically to TARGET. Return 0 or -1 with the error set. */
static int
write_one(const struct book *book, const struct options *opt, writer_fn fn, const char *target)
{
	struct output out;

	if (output_begin(&out, target) != 0)
		return -1;
	if (fn(book, opt, out.tmp) != 0) {
		err_rename(out.tmp, target);
		output_abort(&out);
		return -1;
	}
	if (output_commit(&out) != 0)
		return -1;
	if (!opt->quiet && strcmp(target, "-") != 0)
		fprintf(stderr, "mkbook: wrote %s\n", target);
	return 0;
}

int
main(int argc, char *argv[])
{
	struct options opt = {0};
	struct book *book = NULL;
	const char *outpath = NULL;
	int want_epub = 0, want_pdf = 0, dump = 0, c, ret = 1;
	char *datadir = NULL, *name = NULL;

	setlocale(LC_ALL, "");
	setlocale(LC_NUMERIC, "C");	/* Cairo's tag attributes and our own printf */
	opterr = 0;	/* our own messages, with our own name */
	while ((c = getopt_long(argc, argv, ":o:q", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_EPUB: want_epub = 1; break;
		case OPT_PDF: want_pdf = 1; break;
		case 'o': outpath = optarg; break;
		case OPT_TITLE: opt.title = optarg; break;
		case OPT_AUTHOR: opt.author = optarg; break;
		case OPT_LANG: opt.lang = optarg; break;
		case OPT_THEME: opt.theme = optarg; break;
		case OPT_PAPER: opt.paper = optarg; break;
		case OPT_DUMP: dump = 1; break;
		case 'q': opt.quiet = 1; break;
		case OPT_HELP: help(); return 0;
		case OPT_VERSION: printf("mkbook %s\n", MKBOOK_VERSION); return 0;
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
	if (dump && (want_epub || want_pdf || outpath)) {
		fputs("mkbook: --dump-model writes nothing else; drop --epub, --pdf and -o\n", stderr);
		usage(stderr);
		return 2;
	}
	if (!want_epub && !want_pdf)
		want_epub = want_pdf = 1;
	if (want_epub && want_pdf && outpath && strcmp(outpath, "-") == 0) {
		fputs("mkbook: -o - needs one format: add --epub or --pdf\n", stderr);
		return 2;
	}
	if (want_epub && want_pdf && outpath &&
	    (str_endswith(outpath, ".pdf") || str_endswith(outpath, ".epub"))) {
		fprintf(stderr, "mkbook: -o %s names a file, but both formats were asked for: "
		    "add --epub or --pdf, or give a directory\n", outpath);
		return 2;
	}
	if (opt.title && !*opt.title) {
		fputs("mkbook: --title must not be empty\n", stderr);
		return 2;
	}
	util_quiet = opt.quiet;
	opt.progress = !opt.quiet && isatty(STDERR_FILENO);
	datadir = find_datadir();
	opt.datadir = datadir;

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
	name = slug(book->title);
	if (want_epub && want_pdf) {
		const char *dir = outpath ? outpath : "build";
		char *file;

		if (make_dir(dir) != 0)
			goto out;
		file = xprintf("%s/%s.epub", dir, name);
		c = write_one(book, &opt, epub_write, file);
		free(file);
		if (c != 0)
			goto out;
		file = xprintf("%s/%s.pdf", dir, name);
		c = write_one(book, &opt, pdf_write, file);
		free(file);
		if (c != 0)
			goto out;
	} else {
		char *file = outpath ? xstrdup(outpath) :
		    xprintf("build/%s.%s", name, want_epub ? "epub" : "pdf");

		if (outpath == NULL && make_dir("build") != 0) {
			free(file);
			goto out;
		}
		c = write_one(book, &opt, want_epub ? epub_write : pdf_write, file);
		free(file);
		if (c != 0)
			goto out;
	}
	ret = 0;
out:
	if (ret)
		fprintf(stderr, "mkbook: %s\n", err_msg());
	book_free(book);
	free(name);
	free(datadir);
	lang_cleanup();
	hy_cleanup();
	return ret;
}
