/* Atomic output: a book is written to a temporary file beside its target
 * and renamed into place only when complete. A failed or interrupted run
 * removes the temporary file and leaves any existing book untouched. */
#ifndef MKBOOK_OUTPUT_H
#define MKBOOK_OUTPUT_H

#include <stddef.h>

/* How many outputs may be open at once (one per format). */
#define OUTPUT_MAX 4

struct output {
	char	*target;	/* the path asked for; "-" is standard output */
	char	*tmp;		/* the file the writer writes */
	int	 inplace;	/* target exists and is not a regular file */
	int	 flushed;	/* tmp's bytes are on disk already */
};

/* Prepare to write TARGET: create the temporary file (mode 0644 less umask)
 * and register it for removal on SIGINT/SIGTERM. Return 0 and set
 * OUT->tmp for the writer to write, or -1 with the error set. */
int output_begin(struct output *out, const char *target);
/* Move the finished temporary file into place (rename; or copy into a
 * device, FIFO or standard output). Return 0, or -1 with the error set
 * (the temporary file is removed either way). */
int output_commit(struct output *out);
/* Commit the N outputs of V together: every temporary file is flushed to
 * disk first, and only then are they renamed into place, one after the
 * other. Return 0, or -1 with the error set; every temporary file not in
 * place is removed. A rename that fails after an earlier one succeeded
 * (rare: the files are on disk and beside their targets) says which books
 * were replaced and which was not. */
int output_commit_all(struct output *v, size_t n);
/* Remove the temporary file; the target is untouched. */
void output_abort(struct output *out);

#endif
