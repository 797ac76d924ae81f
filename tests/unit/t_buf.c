/* The buffer, XML and JSON escaping, UTF-8 checks. */
#include <stdlib.h>

#include "buf.h"
#include "util.h"
#include "../tap.h"

int
main(void)
{
	struct buf b = {0};
	char *s;

	ok(strcmp(buf_str(&b), "") == 0, "an empty buffer reads as \"\"");
	buf_printf(&b, "%d-%s", 42, "x");
	BUF_PUTSL(&b, "!");
	is_str(b.data, "42-x!", "printf and literals append");
	buf_reset(&b);
	buf_xml(&b, "a<b>&\"c'\x01");
	is_str(b.data, "a&lt;b&gt;&amp;&quot;c&#39;", "XML escaping drops control characters");
	buf_reset(&b);
	buf_json(&b, "q\"\\\n\x02");
	is_str(b.data, "\"q\\\"\\\\\\n\\u0002\"", "JSON escaping");
	buf_free(&b);

	ok(utf8_check("f", "caf\xc3\xa9", 5) == 0, "valid UTF-8 passes");
	ok(utf8_check("f.txt", "ok\nbad \xc3\x28", 9) == -1, "invalid UTF-8 fails");
	is_str(err_msg(), "f.txt:2: invalid UTF-8 (byte 0xc3)", "the error names file and line");
	ok(utf8_check("f", "a\0b", 3) == -1, "a NUL byte fails");
	ok(utf8_check("f", "\xed\xa0\x80", 3) == -1, "a surrogate fails");
	ok(utf8_check("f", "\xe0\x80\xaf", 3) == -1, "an overlong form fails");

	s = str_squash("  a \t b\n\nc  ");
	is_str(s, "a b c", "white space collapses");
	free(s);
	s = path_join("content", "x.md");
	is_str(s, "content/x.md", "path_join");
	free(s);
	is_str(path_ext("a/b.tar.md"), ".md", "path_ext");
	return done_testing();
}
