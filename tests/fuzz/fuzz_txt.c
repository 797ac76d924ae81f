/* libFuzzer harness: the plain-text reader and the punctuation pass. Any bytes in; an article or a
 * clean error out, never a crash. */
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

	if (utf8_check("fuzz.txt", text, size) == 0 && (a = txt_read("fuzz.txt", text, size)) != NULL) {
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
