/* The data lookup: the environment's override, the executable's directory,
 * the installed layout beside it, the compiled-in DATADIR. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "datadir.h"
#include "util.h"

enum { NCAND = 3 };

/* Return 1 when DIR holds DATADIR_PROBE as a regular file. */
static int
holds_data(const char *dir)
{
	char *probe = path_join(dir, DATADIR_PROBE);
	struct stat st;
	int r = stat(probe, &st) == 0 && S_ISREG(st.st_mode);

	free(probe);
	return r;
}

/* Fill CAND[] and WHY[] with the places to look, in order; set *EXE_ERR to
 * why the executable's directory is unknown (or NULL). Return how many;
 * CAND[] entries are fresh strings. */
static size_t
candidates(char *cand[NCAND], const char *why[NCAND], const char **exe_err)
{
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	size_t k = 0, i, j;

	*exe_err = NULL;
	if (n > 0 && (size_t)n < sizeof(exe) - 1) {
		char *dir, *parent;

		exe[n] = '\0';
		dir = path_dir(exe);
		parent = path_dir(dir);
		cand[k] = dir;
		why[k++] = "the executable's directory";
		cand[k] = path_join(strcmp(parent, dir) == 0 ? "/" : parent, "share/mkbook");
		why[k++] = "../share/mkbook beside the executable";
		free(parent);
	} else {
		*exe_err = n < 0 ? strerror(errno) : "the path is too long";
	}
	cand[k] = xstrdup(MKBOOK_DATADIR);
	why[k++] = "the compiled-in DATADIR";
	/* /usr/local/bin/mkbook: ../share/mkbook is the DATADIR; list it once */
	for (i = 1; i < k; i++)
		for (j = 0; j < i; j++)
			if (cand[i] && cand[j] && strcmp(cand[i], cand[j]) == 0) {
				free(cand[i]);
				cand[i] = NULL;
				break;
			}
	return k;
}

/* Set the error for a failed lookup: every place in CAND[] and why, and
 * the two fixes. Returns nothing; the error is pending. */
static void
not_found(char *const cand[NCAND], const char *const why[NCAND], size_t k,
    const char *exe_err)
{
	struct buf b = {0};
	size_t i;

	buf_puts(&b, "no templates/ and fonts/ found; looked for " DATADIR_PROBE " in:\n");
	if (exe_err)
		buf_printf(&b, "  the executable's directory (unknown: /proc/self/exe: %s)\n", exe_err);
	for (i = 0; i < k; i++)
		if (cand[i])
			buf_printf(&b, "  %s (%s)\n", cand[i], why[i]);
	buf_puts(&b, "  $MKBOOK_DATADIR (not set)\n"
	    "To fix: run 'make install' in the source checkout (PREFIX=DIR installs elsewhere),\n"
	    "or set MKBOOK_DATADIR=DIR to a directory holding templates/ and fonts/ (the checkout\n"
	    "holds them), or keep mkbook beside a templates/ and fonts/");
	err_set(NULL, 0, "%s", buf_str(&b));
	buf_free(&b);
}

char *
datadir_find(void)
{
	const char *env = getenv("MKBOOK_DATADIR"), *exe_err;
	const char *why[NCAND];
	char *cand[NCAND], *found = NULL;
	size_t k, i;

	if (env && *env) {
		if (holds_data(env))
			return xstrdup(env);
		err_set(NULL, 0, "MKBOOK_DATADIR=%s: no " DATADIR_PROBE " there; point it at a "
		    "directory holding templates/ and fonts/ (the source checkout, or the "
		    "DATADIR of 'make install'), or unset it", env);
		return NULL;
	}
	k = candidates(cand, why, &exe_err);
	for (i = 0; i < k && found == NULL; i++)
		if (cand[i] && holds_data(cand[i]))
			found = xstrdup(cand[i]);
	if (found == NULL)
		not_found(cand, why, k, exe_err);
	for (i = 0; i < k; i++)
		free(cand[i]);
	return found;
}

char *
datadir_get(const char *given)
{
	return given ? xstrdup(given) : datadir_find();
}
