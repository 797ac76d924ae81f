/* Placeholder: being written. */
#include "util.h"
#include "epub.h"
int epub_write(const struct book *book, const struct options *opt, const char *path) { (void)book; (void)opt; return err_set(path, 0, "EPUB writer not built yet"); }
