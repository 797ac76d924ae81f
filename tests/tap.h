/* A tiny TAP producer for the C unit tests: prove reads the output. */
#ifndef MKBOOK_TAP_H
#define MKBOOK_TAP_H

#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed;

#define ok(cond, ...) do {                                              \
	int ok_ = !!(cond);                                             \
	printf("%s %d - ", ok_ ? "ok" : "not ok", ++tap_n);             \
	printf(__VA_ARGS__);                                            \
	printf("\n");                                                   \
	if (!ok_) {                                                     \
		tap_failed++;                                           \
		printf("#   failed at %s:%d: %s\n", __FILE__, __LINE__, #cond); \
	}                                                               \
} while (0)

#define is_str(got, want, ...) do {                                     \
	const char *g_ = (got), *w_ = (want);                           \
	int same_ = (g_ == NULL && w_ == NULL) ||                       \
	    (g_ && w_ && strcmp(g_, w_) == 0);                          \
	ok(same_, __VA_ARGS__);                                         \
	if (!same_)                                                     \
		printf("#   got:  '%s'\n#   want: '%s'\n", g_ ? g_ : "(null)", w_ ? w_ : "(null)"); \
} while (0)

#define done_testing() (printf("1..%d\n", tap_n), tap_failed ? 1 : 0)

#endif
