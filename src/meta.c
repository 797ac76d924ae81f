/* Placeholder: being written. */
#include "util.h"
#include "meta.h"
int meta_front_matter(struct article *a, const char *file, int line0, const char *yaml, size_t len) { (void)a; (void)line0; (void)yaml; (void)len; return err_set(file, 0, "front matter not built yet"); }
int meta_book(struct book *b, const char *path, char ***order, size_t *norder) { (void)b; (void)order; (void)norder; return err_set(path, 0, "book.yaml not built yet"); }
