/* libFuzzer harness: the HTML reader from the bytes on disk (encoding
 * sniffing and decoding, nesting flattened, gumbo, the metadata, the
 * article finder and the converter), then the punctuation pass. */
#include <stdint.h>
#include <stdlib.h>

#include "read/punct.h"
#include "read/read_html.h"
#include "util.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct article *a;
	char *bytes = xmemdup(data, size);

	util_quiet = 1;
	if ((a = html_read("fuzz.html", bytes, size, NULL)) != NULL) {
		free(a->lang);
		a->lang = xstrdup("en");
		punct_quotes(a);
		article_free(a);
	}
	err_clear();
	free(bytes);
	return 0;
}
