/* Placeholder: being written. */
#include "util.h"
#include "reader.h"
struct article *md_read(const char *path, const char *text, size_t len) { (void)text; (void)len; err_set(path, 0, "Markdown reader not built yet"); return NULL; }
