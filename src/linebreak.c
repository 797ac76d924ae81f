/* Placeholder: being written. */
#include "util.h"
#include "linebreak.h"
void lb_defaults(struct lb_params *p) { (void)p; }
size_t lb_break(const struct lb_item *items, size_t n, const double *w, size_t nw, const struct lb_params *p, struct lb_line **lines) { (void)items; (void)n; (void)w; (void)nw; (void)p; *lines = NULL; return 0; }
