#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#include "fetch.h"
#include "util.h"

#define USER_AGENT "mkbook/" MKBOOK_VERSION " (articles to EPUB and PDF)"

void
fetch_opts_default(struct fetch_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->timeout_ms = FETCH_TIMEOUT_MS;
	o->max_bytes = FETCH_MAX_BYTES;
	o->max_redirects = FETCH_MAX_REDIRECTS;
}

int
fetch_is_url(const char *s)
{
	return strncasecmp(s, "http://", 7) == 0 || strncasecmp(s, "https://", 8) == 0;
}

int
fetch_is_other_url(const char *s)
{
	const char *p = s;

	if (fetch_is_url(s))
		return 0;
	if (strncasecmp(s, "file:", 5) == 0 || strncasecmp(s, "data:", 5) == 0)
		return 1;
	while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
	    *p == '+' || *p == '-' || *p == '.')
		p++;
	return p - s >= 2 && strncmp(p, "://", 3) == 0;
}

/* 1 when the IPv4 address A (host order) is not a public one. */
static int
v4_private(uint32_t a)
{
	return (a >> 24) == 0 || (a >> 24) == 10 || (a >> 24) == 127 ||
	    (a & 0xffc00000u) == 0x64400000u ||	/* 100.64/10, carrier-grade NAT */
	    (a & 0xffff0000u) == 0xa9fe0000u ||	/* 169.254/16, link-local */
	    (a & 0xfff00000u) == 0xac100000u ||	/* 172.16/12 */
	    (a & 0xffff0000u) == 0xc0a80000u ||	/* 192.168/16 */
	    (a & 0xffffff00u) == 0xc0000000u ||	/* 192.0.0/24 */
	    (a >> 28) >= 14;			/* multicast, reserved, broadcast */
}

/* 1 when SA is a loopback, link-local, private or otherwise non-public
 * address; its text goes to TEXT. */
static int
addr_private(const struct sockaddr *sa, char text[INET6_ADDRSTRLEN])
{
	if (sa->sa_family == AF_INET) {
		const struct sockaddr_in *s4 = (const struct sockaddr_in *)sa;

		inet_ntop(AF_INET, &s4->sin_addr, text, INET6_ADDRSTRLEN);
		return v4_private(ntohl(s4->sin_addr.s_addr));
	}
	if (sa->sa_family == AF_INET6) {
		const struct sockaddr_in6 *s6 = (const struct sockaddr_in6 *)sa;
		const unsigned char *b = s6->sin6_addr.s6_addr;
		static const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
		static const unsigned char zero[15] = {0};

		inet_ntop(AF_INET6, &s6->sin6_addr, text, INET6_ADDRSTRLEN);
		if (memcmp(b, mapped, 12) == 0)
			return v4_private((uint32_t)b[12] << 24 | (uint32_t)b[13] << 16 |
			    (uint32_t)b[14] << 8 | b[15]);
		return memcmp(b, zero, 15) == 0 ||	/* :: and ::1 */
		    (b[0] & 0xfe) == 0xfc ||		/* fc00::/7, unique local */
		    (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) ||	/* fe80::/10 */
		    b[0] == 0xff;			/* multicast */
	}
	snprintf(text, INET6_ADDRSTRLEN, "(address family %d)", sa->sa_family);
	return 1;
}

/* One transfer's state, shared with libcurl's callbacks. */
struct xfer {
	const struct fetch_opts *o;
	struct buf	 body;
	int		 too_big;
	char		 refused[INET6_ADDRSTRLEN];	/* a private address refused */
};

static size_t
on_data(char *p, size_t size, size_t n, void *user)
{
	struct xfer *x = user;
	size_t k = size * n;

	if (x->body.len + k > (size_t)x->o->max_bytes) {
		x->too_big = 1;
		return 0;	/* libcurl stops with CURLE_WRITE_ERROR */
	}
	buf_put(&x->body, p, k);
	return k;
}

/* Resolve URL's host here, refuse it when an address is not public
 * (unless allowed), and pin libcurl to the addresses checked, so that a
 * second lookup cannot answer otherwise. Return the list for
 * CURLOPT_RESOLVE (the caller frees it), or NULL with the error set. */
static struct curl_slist *
pin_host(struct xfer *x, const char *url)
{
	CURLU *u = curl_url();
	char *host = NULL, *port = NULL;
	struct addrinfo hints = {0}, *res = NULL;
	struct curl_slist *pin = NULL;
	struct buf b = {0}, seen = {0};
	int rc;

	hints.ai_socktype = SOCK_STREAM;
	if (curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) != CURLUE_OK) {
		err_set(url, 0, "not a URL mkbook can read");
		goto out;
	}
	if (host[0] == '[') {	/* an IPv6 literal */
		memmove(host, host + 1, strlen(host));
		host[strcspn(host, "]")] = '\0';
	}
	if ((rc = getaddrinfo(host, port, &hints, &res)) != 0) {
		err_set(url, 0, "cannot find the host '%s': %s", host, gai_strerror(rc));
		goto out;
	}
	buf_printf(&b, strchr(host, ':') ? "[%s]:%s:" : "%s:%s:", host, port);
	for (struct addrinfo *a = res; a; a = a->ai_next) {
		char text[INET6_ADDRSTRLEN], key[INET6_ADDRSTRLEN + 3];

		if (addr_private(a->ai_addr, text) && !x->o->allow_private) {
			memcpy(x->refused, text, sizeof(text));
			err_set(url, 0, "refused: %s is a loopback, link-local or private address "
			    "(--allow-private fetches from it)", text);
			goto out;
		}
		snprintf(key, sizeof(key), ",%s,", text);
		if (seen.len == 0 || strstr(seen.data, key) == NULL) {	/* each address once */
			buf_puts(&seen, key);
			buf_printf(&b, b.data[b.len - 1] == ':' ? "%s" : ",%s", text);
		}
	}
	pin = curl_slist_append(NULL, b.data);
out:
	if (res)
		freeaddrinfo(res);
	curl_free(host);
	curl_free(port);
	curl_url_cleanup(u);
	buf_free(&b);
	buf_free(&seen);
	return pin;
}

static int curl_ready;

/* A handle set up for one request of URL into X. NULL when libcurl fails. */
static CURL *
handle(struct xfer *x, const char *url)
{
	CURL *h;

	if (!curl_ready) {
		if (curl_global_init(CURL_GLOBAL_DEFAULT) != 0)
			return NULL;
		curl_ready = 1;
	}
	if ((h = curl_easy_init()) == NULL)
		return NULL;
	curl_easy_setopt(h, CURLOPT_URL, url);
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);	/* each hop checked here */
	curl_easy_setopt(h, CURLOPT_USERAGENT, USER_AGENT);
	curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");	/* every encoding libcurl decodes */
	curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, x->o->timeout_ms);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, x->o->timeout_ms);
	curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)x->o->max_bytes);
	curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);	/* the system's CA store */
	curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_data);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, x);
	curl_easy_setopt(h, CURLOPT_COOKIEFILE, "");	/* cookies within one run, never stored */
	return h;
}

/* Split a Content-Type into R->type and R->charset. */
static void
content_type(struct fetch_result *r, const char *ct)
{
	const char *semi, *cs;
	size_t n, i;

	if (ct == NULL || *ct == '\0')
		return;
	semi = strchr(ct, ';');
	n = semi ? (size_t)(semi - ct) : strlen(ct);
	while (n && (ct[n - 1] == ' ' || ct[n - 1] == '\t'))
		n--;
	r->type = xstrndup(ct, n);
	for (i = 0; r->type[i]; i++)
		if (r->type[i] >= 'A' && r->type[i] <= 'Z')
			r->type[i] = (char)(r->type[i] - 'A' + 'a');
	for (cs = semi; cs && *cs; cs++)
		if (strncasecmp(cs, "charset=", 8) == 0) {
			const char *v = cs + 8;
			size_t k;

			if (*v == '"')
				v++;
			k = strcspn(v, "\"; \t");
			if (k)
				r->charset = xstrndup(v, k);
			break;
		}
}

/* Where URL is kept in the cache directory DIR: a hash of the URL (the
 * file also holds the URL, checked on reading). Fresh string. */
static char *
cache_path(const char *dir, const char *url)
{
	uint64_t h = 0xcbf29ce484222325ull;
	char name[32];

	for (const unsigned char *p = (const unsigned char *)url; *p; p++)
		h = (h ^ *p) * 0x100000001b3ull;
	snprintf(name, sizeof(name), "%016llx.http", (unsigned long long)h);
	return path_join(dir, name);
}

/* Read URL's entry from the cache into R. Return 0, or -1 when there is none. */
static int
cache_read(const char *dir, const char *url, struct fetch_result *r)
{
	char *path = cache_path(dir, url), *text = NULL, *p, *end;
	size_t len, n;
	int ret = -1;

	if (access(path, F_OK) != 0 || file_read(path, &text, &len) != 0) {
		err_clear();
		goto out;
	}
	/* "mkbook-cache 1\nURL\nFINAL\nCONTENT-TYPE\nLENGTH\n" then the body */
	if (!str_startswith(text, "mkbook-cache 1\n"))
		goto out;
	p = text + 15;
	if ((end = strchr(p, '\n')) == NULL || (size_t)(end - p) != strlen(url) ||
	    memcmp(p, url, strlen(url)) != 0)
		goto out;
	p = end + 1;
	if ((end = strchr(p, '\n')) == NULL)
		goto out;
	r->url = xstrndup(p, (size_t)(end - p));
	p = end + 1;
	if ((end = strchr(p, '\n')) == NULL)
		goto out;
	*end = '\0';
	content_type(r, p);
	p = end + 1;
	n = strtoul(p, &end, 10);
	if (*end != '\n' || n != len - (size_t)(end + 1 - text))
		goto out;
	r->data = xmemdup(end + 1, n);
	r->len = n;
	r->cached = 1;
	ret = 0;
out:
	if (ret)
		fetch_result_free(r);
	free(text);
	free(path);
	return ret;
}

/* Store R, fetched for URL, in the cache (a temporary file renamed into
 * place). Return 0, or -1 with the error set. */
static int
cache_write(const char *dir, const char *url, const struct fetch_result *r, const char *ct)
{
	char *path = cache_path(dir, url), *tmp = xprintf("%s.tmp%ld", path, (long)getpid());
	FILE *f;
	int ret = -1;

	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		err_set(dir, 0, "cannot create the cache directory: %s", strerror(errno));
		goto out;
	}
	if ((f = fopen(tmp, "wb")) == NULL) {
		err_set(tmp, 0, "cannot write to the cache: %s", strerror(errno));
		goto out;
	}
	fprintf(f, "mkbook-cache 1\n%s\n%s\n%s\n%zu\n", url, r->url, ct ? ct : "", r->len);
	fwrite(r->data, 1, r->len, f);
	if (ferror(f) | fclose(f) || rename(tmp, path) != 0) {
		err_set(path, 0, "cannot write to the cache: %s", strerror(errno));
		unlink(tmp);
		goto out;
	}
	ret = 0;
out:
	free(tmp);
	free(path);
	return ret;
}

/* The error for a failed transfer of URL. Always -1. */
static int
transfer_error(const struct xfer *x, const char *url, CURLcode rc, const char *detail)
{
	if (x->refused[0])
		return err_set(url, 0, "refused: %s is a loopback, link-local or private address "
		    "(--allow-private fetches from it)", x->refused);
	if (x->too_big || rc == CURLE_FILESIZE_EXCEEDED)
		return err_set(url, 0, "larger than the limit of %.4g MB (--max-size)",
		    (double)x->o->max_bytes / (1024 * 1024));
	if (rc == CURLE_OPERATION_TIMEDOUT)
		return err_set(url, 0, "timed out after %.3g s (--timeout)",
		    (double)x->o->timeout_ms / 1000);
	if (rc == CURLE_UNSUPPORTED_PROTOCOL)
		return err_set(url, 0, "refused: only http and https URLs are fetched");
	return err_set(url, 0, "%s", detail && *detail ? detail : curl_easy_strerror(rc));
}

/* One hop: fetch URL into X. On a redirect set *NEXT to the absolute
 * target. Set *STATUS and *CT (fresh). Return 0, or -1 with the error set. */
static int
hop(struct xfer *x, const char *url, long *status, char **next, char **ct)
{
	char errbuf[CURL_ERROR_SIZE] = "", *s = NULL;
	struct curl_slist *pin;
	CURL *h;
	CURLcode rc;

	if ((pin = pin_host(x, url)) == NULL)
		return -1;
	if ((h = handle(x, url)) == NULL) {
		curl_slist_free_all(pin);
		return err_set(url, 0, "cannot set up libcurl");
	}
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
	curl_easy_setopt(h, CURLOPT_RESOLVE, pin);
	rc = curl_easy_perform(h);
	curl_slist_free_all(pin);
	if (rc != CURLE_OK) {
		transfer_error(x, url, rc, errbuf);
		curl_easy_cleanup(h);
		return -1;
	}
	curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, status);
	curl_easy_getinfo(h, CURLINFO_CONTENT_TYPE, &s);
	*ct = xstrdup(s);
	s = NULL;
	if (*status >= 300 && *status < 400 && curl_easy_getinfo(h, CURLINFO_REDIRECT_URL, &s) ==
	    CURLE_OK && s)
		*next = xstrdup(s);
	curl_easy_cleanup(h);
	return 0;
}

/* Check the redirect from FROM to TO. Return 0, or -1 with the error set. */
static int
redirect_ok(const char *from, const char *to, const char *url)
{
	if (!fetch_is_url(to))
		return err_set(url, 0, "refused: redirected to '%s', which is not an http(s) URL", to);
	if (strncasecmp(from, "https:", 6) == 0 && strncasecmp(to, "https:", 6) != 0)
		return err_set(url, 0, "refused: redirected from https to '%s', which is not https", to);
	return 0;
}

/* Fetch from the network, following redirects. */
static int
fetch_net(const struct fetch_opts *o, const char *url, struct fetch_result *r, char **ctp)
{
	struct xfer x = {.o = o};
	char *cur = xstrdup(url), *ct = NULL;
	struct timespec t0, t1;
	long status = 0;
	int hops = 0, ret = -1;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		char *next = NULL;

		buf_reset(&x.body);
		free(ct);
		ct = NULL;
		if (hop(&x, cur, &status, &next, &ct) != 0)
			goto out;
		if (next == NULL)
			break;
		if (redirect_ok(cur, next, url) != 0 || ++hops > o->max_redirects) {
			if (hops > o->max_redirects)
				err_set(url, 0, "more than %d redirects (--max-redirects)",
				    o->max_redirects);
			free(next);
			goto out;
		}
		free(cur);
		cur = next;
	}
	if (status < 200 || status >= 300) {
		err_set(url, 0, "the server answered HTTP %ld%s", status,
		    status == 404 ? " (not found)" : status >= 500 ? " (server error)" : "");
		goto out;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	r->seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	r->url = cur;
	cur = NULL;
	content_type(r, ct);
	r->len = x.body.len;
	buf_putc(&x.body, 0);	/* never NULL, even for an empty body */
	r->data = buf_detach(&x.body);
	*ctp = ct;
	ct = NULL;
	ret = 0;
out:
	buf_free(&x.body);
	free(cur);
	free(ct);
	return ret;
}

int
fetch_get(const struct fetch_opts *o, const char *url, struct fetch_result *r)
{
	char *ct = NULL;
	int ret;

	memset(r, 0, sizeof(*r));
	if (!fetch_is_url(url))
		return err_set(url, 0, "refused: only http and https URLs are fetched");
	if (o->cache && cache_read(o->cache, url, r) == 0)
		return 0;
	if (o->offline)
		return err_set(url, 0, o->cache ? "not fetched: --offline, and it is not in the "
		    "cache %s" : "not fetched: --offline", o->cache);
	if ((ret = fetch_net(o, url, r, &ct)) == 0 && o->cache &&
	    (ret = cache_write(o->cache, url, r, ct)) != 0)
		fetch_result_free(r);
	free(ct);
	return ret;
}

void
fetch_result_free(struct fetch_result *r)
{
	free(r->url);
	free(r->type);
	free(r->charset);
	free(r->data);
	memset(r, 0, sizeof(*r));
}

void
fetch_cleanup(void)
{
	if (curl_ready)
		curl_global_cleanup();
	curl_ready = 0;
}
