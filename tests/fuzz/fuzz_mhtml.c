/* libFuzzer harness: the MHTML reader from the bytes on disk (GMime's
 * MIME parse, the page part and its pictures by Content-Location and
 * cid:), then the HTML reader over the page part. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "read/read_html.h"
#include "util.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct article *a;
	char *bytes = xmalloc(size + 1);

	memcpy(bytes, data, size);
	bytes[size] = 0;
	util_quiet = 1;
	if ((a = mhtml_read("fuzz.mhtml", bytes, size)) != NULL)
		article_free(a);
	err_clear();
	free(bytes);
	return 0;
}
