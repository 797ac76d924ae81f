/* Placeholder: being written. */
#include "util.h"
#include "lang.h"
const char *lang_detect(const char *text) { (void)text; return NULL; }
int lang_valid(const char *tag) { return tag && *tag; }
enum direction lang_dir(const char *tag) { (void)tag; return DIR_LTR; }
void lang_cleanup(void) {}
