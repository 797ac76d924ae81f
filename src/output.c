#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output.h"
#include "util.h"

/* The temporary files to remove if a signal ends the run (one per book
 * being written; two when both formats are). Fixed buffers: the handler
 * may only touch what is already there. */
static char pending[OUTPUT_MAX][4096];
/* Set once a slot's name is whole, cleared before it is reused: the
 * handler never reads a name half written. */
static volatile sig_atomic_t ready[OUTPUT_MAX];

static void
on_signal(int sig)
{
	for (int i = 0; i < OUTPUT_MAX; i++)
		if (ready[i])
			unlink(pending[i]);
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Register TMP for removal on SIGINT, SIGTERM and SIGHUP. */
static void
watch(const char *tmp)
{
	static int installed;
	struct sigaction sa;
	size_t n = strlen(tmp);

	for (int i = 0; i < OUTPUT_MAX; i++)
		if (!ready[i]) {
			if (n < sizeof(pending[i])) {
				memcpy(pending[i], tmp, n + 1);
				atomic_signal_fence(memory_order_seq_cst);	/* the name, then the flag */
				ready[i] = 1;
			}
			break;
		}
	if (installed)
		return;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	installed = 1;
}

/* Forget TMP: it is gone or in place. */
static void
unwatch(const char *tmp)
{
	for (int i = 0; i < OUTPUT_MAX; i++)
		if (tmp && ready[i] && strcmp(pending[i], tmp) == 0)
			ready[i] = 0;
}

/* Return 1 when PATH is, or leads to, something that must be written in
 * place and never renamed over: standard output, anything that is not a
 * regular file, or anything in /dev or /proc (such as /dev/stdout, a link
 * to /proc/self/fd/1, which is a link to whatever the shell opened). */
static int
write_in_place(const char *path, const char *real)
{
	struct stat st;

	if (strcmp(path, "-") == 0 || str_startswith(path, "/dev/") || str_startswith(path, "/proc/"))
		return 1;
	if (real && (str_startswith(real, "/dev/") || str_startswith(real, "/proc/")))
		return 1;
	return stat(path, &st) == 0 && !S_ISREG(st.st_mode);
}

int
output_begin(struct output *out, const char *target)
{
	struct stat st;
	mode_t mask;
	char *dir, *real = NULL;
	int fd;

	memset(out, 0, sizeof(*out));
	/* A symbolic link is followed, so the book replaces the file it
	 * points to and the link itself stays. */
	if (lstat(target, &st) == 0 && S_ISLNK(st.st_mode)) {
		char link[4096];
		ssize_t n;

		if ((real = realpath(target, NULL)) == NULL &&
		    (n = readlink(target, link, sizeof(link) - 1)) > 0) {
			/* A link to a book not written yet: write it there. */
			char *dir = path_dir(target);

			link[n] = '\0';
			real = link[0] == '/' ? xstrdup(link) : path_join(dir, link);
			free(dir);
		}
	}
	if (stat(target, &st) == 0 && S_ISDIR(st.st_mode)) {
		free(real);
		return err_set(target, 0, "is a directory");
	}
	if (write_in_place(target, real)) {
		const char *tmpdir = getenv("TMPDIR");

		out->target = xstrdup(target);
		out->inplace = 1;
		out->tmp = xprintf("%s/mkbook.XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
		free(real);
	} else {
		out->target = real ? real : xstrdup(target);
		dir = path_dir(out->target);
		if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
			err_set(target, 0, "output directory %s does not exist", dir);
			free(dir);
			free(out->target);
			out->target = NULL;
			return -1;
		}
		out->tmp = xprintf("%s/.%s.XXXXXX", dir, path_base(out->target));
		free(dir);
	}
	if ((fd = mkstemp(out->tmp)) < 0) {
		err_set(target, 0, "cannot create a temporary file: %s", strerror(errno));
		free(out->tmp);
		free(out->target);
		out->tmp = out->target = NULL;
		return -1;
	}
	mask = umask(0);
	umask(mask);
	fchmod(fd, 0644 & ~mask);
	close(fd);
	watch(out->tmp);
	return 0;
}

/* Copy the finished file into a target that is not a regular file. */
static int
copy_into(const char *tmp, const char *target)
{
	char chunk[65536];
	ssize_t n, w, off;
	int in, outfd, ret = -1;

	if ((in = open(tmp, O_RDONLY)) < 0)
		return err_set(tmp, 0, "cannot reopen: %s", strerror(errno));
	if (strcmp(target, "-") == 0)
		outfd = STDOUT_FILENO;
	else if ((outfd = open(target, O_WRONLY)) < 0) {
		err_set(target, 0, "cannot open for writing: %s", strerror(errno));
		goto out;
	}
	while ((n = read(in, chunk, sizeof(chunk))) > 0) {
		for (off = 0; off < n; off += w) {
			if ((w = write(outfd, chunk + off, (size_t)(n - off))) < 0) {
				if (errno == EINTR) {
					w = 0;
					continue;
				}
				err_set(strcmp(target, "-") ? target : "standard output", 0,
				    "write failed: %s", strerror(errno));
				goto out;
			}
		}
	}
	if (n < 0) {
		err_set(tmp, 0, "read failed: %s", strerror(errno));
		goto out;
	}
	ret = 0;
out:
	close(in);
	if (outfd >= 0 && outfd != STDOUT_FILENO && close(outfd) != 0 && ret == 0)
		ret = err_set(target, 0, "write failed: %s", strerror(errno));
	return ret;
}

/* Make sure the temporary file's bytes are on disk before it replaces a
 * book: a full disk must fail here, not leave a truncated book. */
static int
flush_file(const char *path)
{
	int fd, ret = 0;

	if ((fd = open(path, O_RDONLY)) < 0)
		return err_set(path, 0, "cannot reopen: %s", strerror(errno));
	if (fsync(fd) != 0 && errno != EINVAL && errno != EROFS)
		ret = err_set(path, 0, "cannot write: %s", strerror(errno));
	close(fd);
	return ret;
}

int
output_commit(struct output *out)
{
	int ret = -1;

	if (out->tmp == NULL)
		return err_set(out->target, 0, "nothing was written");
	if (out->inplace)
		ret = copy_into(out->tmp, out->target);
	else if (out->flushed || flush_file(out->tmp) == 0) {
		if (rename(out->tmp, out->target) == 0)
			ret = 0;
		else
			err_set(out->target, 0, "cannot rename into place: %s", strerror(errno));
	}
	if (ret != 0 || out->inplace)
		unlink(out->tmp);
	unwatch(out->tmp);
	free(out->tmp);
	free(out->target);
	out->tmp = out->target = NULL;
	return ret;
}

void
output_abort(struct output *out)
{
	if (out->tmp)
		unlink(out->tmp);
	unwatch(out->tmp);
	free(out->tmp);
	free(out->target);
	out->tmp = out->target = NULL;
}

int
output_commit_all(struct output *v, size_t n)
{
	char *done = NULL;
	size_t i;
	int ret = -1;

	for (i = 0; i < n; i++) {
		if (v[i].tmp == NULL) {
			err_set(v[i].target, 0, "nothing was written");
			goto out;
		}
		if (!v[i].inplace) {
			if (flush_file(v[i].tmp) != 0)
				goto out;
			v[i].flushed = 1;
		}
	}
	for (i = 0; i < n; i++) {
		char *target = xstrdup(v[i].target);

		if (output_commit(&v[i]) != 0) {
			if (done) {
				char *msg = xstrdup(err_msg());

				err_set(NULL, 0, "%s; the new %s is in place but the new %s is not, "
				    "so the two books do not match: run mkbook again", msg, done, target);
				free(msg);
			}
			free(target);
			goto out;
		}
		if (done == NULL)
			done = target;
		else {
			char *both = xprintf("%s and %s", done, target);

			free(done);
			free(target);
			done = both;
		}
	}
	ret = 0;
out:
	for (i = 0; i < n; i++)
		output_abort(&v[i]);	/* nothing left to do for those in place */
	free(done);
	return ret;
}
