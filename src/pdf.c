/* Placeholder: being written. */
#include "util.h"
#include "pdf.h"
int pdf_write(const struct book *book, const struct options *opt, const char *path) { (void)book; (void)opt; return err_set(path, 0, "PDF writer not built yet"); }
