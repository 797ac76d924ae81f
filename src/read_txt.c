/* Placeholder: being written. */
#include "util.h"
#include "reader.h"
struct article *txt_read(const char *path, const char *text, size_t len) { (void)text; (void)len; err_set(path, 0, "plain-text reader not built yet"); return NULL; }
char *txt_kicker(const char *s, const char **rest) { (void)s; (void)rest; return NULL; }
int txt_byline(const char *s, char ***a, size_t *n, char **r) { (void)s; (void)a; (void)n; (void)r; return -1; }
char *txt_credit(const char *s, size_t *c) { (void)s; (void)c; return NULL; }
