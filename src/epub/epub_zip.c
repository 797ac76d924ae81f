/* The EPUB writer's container: the zip, written with libzip.
 *
 * The entries are deflated before libzip sees them, on two threads (a
 * book's XHTML is most of the work of writing it), and handed to libzip
 * through a source that reports the data as already deflated, which libzip
 * then copies as it is. The bytes do not depend on which thread deflated
 * what: each entry is one deflate stream at a fixed level. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zip.h>
#include <zlib.h>

#include "epub_int.h"
#include "util.h"

#define DEFLATE_LEVEL 6

/* One entry on its way into the zip. */
struct entry {
	const char	*name;
	char		*data;		/* uncompressed; owned */
	size_t		 len;
	unsigned char	*z;		/* deflated; owned until handed to libzip */
	size_t		 zlen;
	uint32_t	 crc;
	int		 failed;
};

struct pool {
	struct entry	*v;
	size_t		 n;
	atomic_size_t	 next;
};

/* Deflate entry X (raw deflate, as zip stores it). */
static void
deflate_entry(struct entry *x)
{
	z_stream zs;
	uLong bound;

	memset(&zs, 0, sizeof(zs));
	x->crc = (uint32_t)crc32(crc32(0L, Z_NULL, 0), (const Bytef *)x->data, (uInt)x->len);
	if (deflateInit2(&zs, DEFLATE_LEVEL, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
		x->failed = 1;
		return;
	}
	bound = deflateBound(&zs, (uLong)x->len);
	x->z = xmalloc(bound);
	zs.next_in = (Bytef *)x->data;
	zs.avail_in = (uInt)x->len;
	zs.next_out = x->z;
	zs.avail_out = (uInt)bound;
	if (deflate(&zs, Z_FINISH) != Z_STREAM_END)
		x->failed = 1;
	x->zlen = zs.total_out;
	deflateEnd(&zs);
}

/* Deflate pool entries until none is left; returns NULL. */
static void *
worker(void *arg)
{
	struct pool *p = arg;
	size_t i;

	while ((i = atomic_fetch_add(&p->next, 1)) < p->n)
		deflate_entry(&p->v[i]);
	return NULL;
}

/* A libzip source over one pre-deflated entry. */
struct raw {
	unsigned char	*z;
	size_t		 zlen, pos;
	zip_uint64_t	 size;
	zip_uint32_t	 crc;
	zip_error_t	 err;
};

static zip_int64_t
raw_cb(void *ud, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
	struct raw *r = ud;

	switch (cmd) {
	case ZIP_SOURCE_OPEN:
		r->pos = 0;
		return 0;
	case ZIP_SOURCE_READ: {
		size_t n = r->zlen - r->pos;

		if (n > len)
			n = (size_t)len;
		memcpy(data, r->z + r->pos, n);
		r->pos += n;
		return (zip_int64_t)n;
	}
	case ZIP_SOURCE_CLOSE:
		return 0;
	case ZIP_SOURCE_STAT: {
		zip_stat_t *st = data;

		zip_stat_init(st);
		st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD |
		    ZIP_STAT_CRC | ZIP_STAT_ENCRYPTION_METHOD;
		st->size = r->size;
		st->comp_size = r->zlen;
		st->comp_method = ZIP_CM_DEFLATE;
		st->encryption_method = ZIP_EM_NONE;
		st->crc = r->crc;
		return sizeof(*st);
	}
	case ZIP_SOURCE_ERROR:
		return zip_error_to_data(&r->err, data, len);
	case ZIP_SOURCE_FREE:
		free(r->z);
		zip_error_fini(&r->err);
		free(r);
		return 0;
	case ZIP_SOURCE_SUPPORTS:
		return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ,
		    ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
	default:
		zip_error_set(&r->err, ZIP_ER_OPNOTSUPP, 0);
		return -1;
	}
}

/* MS-DOS date and time of T in UTC (the zip format's; 1980 at the earliest). */
static void
dos_time(time_t t, zip_uint16_t *dtime, zip_uint16_t *ddate)
{
	struct tm tm;

	if (t < 315532800)	/* 1980-01-01 */
		t = 315532800;
	gmtime_r(&t, &tm);
	if (tm.tm_year > 207)
		tm.tm_year = 207;
	*dtime = (zip_uint16_t)(tm.tm_hour << 11 | tm.tm_min << 5 | tm.tm_sec / 2);
	*ddate = (zip_uint16_t)((tm.tm_year - 80) << 9 | (tm.tm_mon + 1) << 5 | tm.tm_mday);
}

/* Give entry X's source to the zip as X->name at index *IDX. */
static int
add_source(zip_t *z, const char *path, const char *name, zip_source_t *src,
    zip_uint16_t dt, zip_uint16_t dd)
{
	zip_int64_t idx;

	if ((idx = zip_file_add(z, name, src, ZIP_FL_ENC_GUESS)) < 0) {
		zip_source_free(src);
		return err_set(path, 0, "cannot add %s: %s", name, zip_strerror(z));
	}
	if (zip_file_set_dostime(z, (zip_uint64_t)idx, dt, dd, 0) < 0 ||
	    zip_file_set_external_attributes(z, (zip_uint64_t)idx, 0, ZIP_OPSYS_UNIX,
	    (zip_uint32_t)0100644 << 16) < 0)
		return err_set(path, 0, "cannot add %s: %s", name, zip_strerror(z));
	return 0;
}

/* Copy the bytes of the in-memory zip MEM to the file PATH. Return 0, or
 * -1 with the error set. */
static int
write_source(zip_source_t *mem, const char *path)
{
	char chunk[65536];
	zip_int64_t n;
	FILE *f = NULL;
	int ret = -1, opened = 0;

	if (zip_source_open(mem) < 0) {
		err_set(path, 0, "cannot read the EPUB back: %s",
		    zip_error_strerror(zip_source_error(mem)));
		goto out;
	}
	opened = 1;
	if ((f = fopen(path, "wb")) == NULL) {
		err_set(path, 0, "cannot write: %s", strerror(errno));
		goto out;
	}
	while ((n = zip_source_read(mem, chunk, sizeof(chunk))) > 0)
		if (fwrite(chunk, 1, (size_t)n, f) != (size_t)n) {
			err_set(path, 0, "cannot write: %s", strerror(errno));
			goto out;
		}
	if (n < 0) {
		err_set(path, 0, "cannot read the EPUB back: %s",
		    zip_error_strerror(zip_source_error(mem)));
		goto out;
	}
	ret = 0;
out:
	if (f && fclose(f) != 0 && ret == 0)
		ret = err_set(path, 0, "cannot write: %s", strerror(errno));
	if (opened)
		zip_source_close(mem);
	return ret;
}

int
epub_zip(struct epub *e, const char *path, char *opf, time_t when)
{
	static const char mimetype[] = "application/epub+zip";
	static const char container[] =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n"
	    "<rootfiles>\n"
	    "<rootfile full-path=\"OEBPS/package.opf\" media-type=\"application/oebps-package+xml\"/>\n"
	    "</rootfiles>\n</container>\n";
	/* Apple Books shows embedded fonts only when the book asks it to. */
	static const char apple[] =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<display_options>\n"
	    "<platform name=\"*\">\n<option name=\"specified-fonts\">true</option>\n"
	    "</platform>\n</display_options>\n";
	struct pool pool;
	struct entry *v;
	zip_uint16_t dt, dd;
	zip_source_t *src;
	zip_t *z = NULL;
	zip_source_t *mem = NULL;
	zip_error_t ze;
	pthread_t th;
	int threaded, ret = -1;
	size_t i, n = e->nitems + 3;

	/* Every entry but the mimetype, in order, deflated on two threads. */
	v = xcalloc(n, sizeof(*v));
	v[0].name = xstrdup("META-INF/container.xml");
	v[0].data = xstrdup(container);
	v[0].len = sizeof(container) - 1;
	v[1].name = xstrdup("META-INF/com.apple.ibooks.display-options.xml");
	v[1].data = xstrdup(apple);
	v[1].len = sizeof(apple) - 1;
	v[2].name = xstrdup("OEBPS/package.opf");
	v[2].data = opf;
	v[2].len = strlen(opf);
	for (i = 0; i < e->nitems; i++) {
		v[i + 3].name = xprintf("OEBPS/%s", e->items[i].name);
		v[i + 3].data = e->items[i].data;
		v[i + 3].len = e->items[i].len;
		e->items[i].data = NULL;
	}
	pool.v = v;
	pool.n = n;
	atomic_init(&pool.next, 0);
	threaded = pthread_create(&th, NULL, worker, &pool) == 0;
	worker(&pool);
	if (threaded)
		pthread_join(th, NULL);
	for (i = 0; i < n; i++)
		if (v[i].failed) {
			err_set(path, 0, "cannot deflate %s", v[i].name);
			goto out;
		}

	/* The zip is made in memory, then written to PATH in one go: libzip
	 * writing a file itself would put a temporary file of its own beside
	 * PATH, which an interrupt could leave behind. */
	dos_time(when, &dt, &dd);
	zip_error_init(&ze);
	if ((mem = zip_source_buffer_create(NULL, 0, 0, &ze)) == NULL) {
		err_set(path, 0, "cannot create the EPUB: %s", zip_error_strerror(&ze));
		goto out;
	}
	if ((z = zip_open_from_source(mem, ZIP_TRUNCATE, &ze)) == NULL) {
		err_set(path, 0, "cannot create the EPUB: %s", zip_error_strerror(&ze));
		goto out;
	}
	zip_source_keep(mem);	/* the archive's now, and still ours after zip_close */
	/* The mimetype: first, stored, no extra field. */
	if ((src = zip_source_buffer(z, mimetype, sizeof(mimetype) - 1, 0)) == NULL) {
		err_set(path, 0, "cannot add mimetype: %s", zip_strerror(z));
		goto out;
	}
	if (add_source(z, path, "mimetype", src, dt, dd) < 0)
		goto out;
	if (zip_set_file_compression(z, 0, ZIP_CM_STORE, 0) < 0) {
		err_set(path, 0, "cannot store mimetype: %s", zip_strerror(z));
		goto out;
	}
	for (i = 0; i < n; i++) {
		struct raw *r = xcalloc(1, sizeof(*r));

		r->z = v[i].z;
		r->zlen = v[i].zlen;
		r->size = v[i].len;
		r->crc = v[i].crc;
		zip_error_init(&r->err);
		v[i].z = NULL;
		if ((src = zip_source_function(z, raw_cb, r)) == NULL) {
			free(r->z);
			free(r);
			err_set(path, 0, "cannot add %s: %s", v[i].name, zip_strerror(z));
			goto out;
		}
		if (add_source(z, path, v[i].name, src, dt, dd) < 0)
			goto out;
	}
	if (zip_close(z) < 0) {
		err_set(path, 0, "cannot write the EPUB: %s", zip_strerror(z));
		goto out;
	}
	z = NULL;
	ret = write_source(mem, path);
out:
	if (z)
		zip_discard(z);
	if (mem)
		zip_source_free(mem);
	zip_error_fini(&ze);
	for (i = 0; i < n; i++) {
		free((char *)v[i].name);
		free(v[i].data);
		free(v[i].z);
	}
	free(v);
	return ret;
}
