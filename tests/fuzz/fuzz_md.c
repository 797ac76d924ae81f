/* libFuzzer harness: the Markdown reader and its YAML front matter. */
#include <stdint.h>
#include <stdlib.h>

#include "reader.h"
#include "util.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct article *a;
	char *text = xmemdup(data, size);

	util_quiet = 1;
	if (utf8_check("fuzz.md", text, size) == 0 && (a = md_read("fuzz.md", text, size)) != NULL)
		article_free(a);
	free(text);
	return 0;
}
