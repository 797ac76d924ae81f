/* libFuzzer harness: the plain-text reader. Any bytes in; an article or a
 * clean error out, never a crash. */
#include <stdint.h>
#include <stdlib.h>

#include "reader.h"
#include "util.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct article *a;
	char *text = xmemdup(data, size);

	if (utf8_check("fuzz.txt", text, size) == 0 && (a = txt_read("fuzz.txt", text, size)) != NULL)
		article_free(a);
	free(text);
	return 0;
}
