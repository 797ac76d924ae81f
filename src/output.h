/* Atomic output: a book is written to a temporary file beside its target
 * and renamed into place only when complete. A failed or interrupted run
 * removes the temporary file and leaves any existing book untouched. */
#ifndef MKBOOK_OUTPUT_H
#define MKBOOK_OUTPUT_H

struct output {
	char	*target;	/* the path asked for; "-" is standard output */
	char	*tmp;		/* the file the writer writes */
	int	 inplace;	/* target exists and is not a regular file */
};

/* Prepare to write TARGET: create the temporary file (mode 0644 less umask)
 * and register it for removal on SIGINT/SIGTERM. Return 0 and set
 * OUT->tmp for the writer to write, or -1 with the error set. */
int output_begin(struct output *out, const char *target);
/* Move the finished temporary file into place (rename; or copy into a
 * device, FIFO or standard output). Return 0, or -1 with the error set
 * (the temporary file is removed either way). */
int output_commit(struct output *out);
/* Remove the temporary file; the target is untouched. */
void output_abort(struct output *out);

#endif
