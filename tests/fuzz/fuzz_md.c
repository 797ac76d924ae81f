/* libFuzzer harness: the Markdown reader and its YAML front matter, then
 * the punctuation pass. */
#include <stdint.h>
#include <stdlib.h>

#include "read/punct.h"
#include "read/reader.h"
#include "util.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct article *a;
	char *text = xmemdup(data, size);

	util_quiet = 1;
	if (utf8_check("fuzz.md", text, size) == 0 && (a = md_read("fuzz.md", text, size)) != NULL) {
		/* then its punctuation, in a language the first byte picks */
		static const char *const langs[] = {"en", "de", "fr"};

		free(a->lang);
		a->lang = xstrdup(langs[size ? data[0] % 3 : 0]);
		punct_article(a);
		article_free(a);
	}
	free(text);
	return 0;
}
