/* Placeholder: being written. */
#include "util.h"
#include <stdlib.h>
#include "theme.h"
struct theme *theme_load(const struct options *opt, const char *bt) { (void)opt; (void)bt; err_set(NULL, 0, "themes not built yet"); return NULL; }
void theme_free(struct theme *t) { free(t); }
char *theme_font_for_lang(const struct theme *t, const char *lang, int bold, int *index) { (void)t; (void)lang; (void)bold; (void)index; return NULL; }
