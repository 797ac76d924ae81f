#!/bin/sh
# The EPUB writer over a hand-built hostile model (tests/unit/t_epub.c):
# javascript: and data: links, raw HTML, footnotes nested and repeated, a
# split article, right-to-left and CJK text, an image without alt text.
# The book it writes must still pass epubcheck with no error and no warning
# and every structural check.
. tests/lib.sh
need java python3

if [ ! -x tests/unit/t_epub ]; then
	ok "tests/unit/t_epub is built (make tests/unit/t_epub)" false
	done_testing
	exit 1
fi
export SOURCE_DATE_EPOCH=1700000000
T_EPUB_OUT=$TMP/model.epub T_EPUB_EMPTY=$TMP/empty.epub tests/unit/t_epub >"$TMP/unit.out" 2>&1
ok "t_epub writes its book and passes its own checks" sh -c "! grep '^not ok' '$TMP/unit.out' && test -s '$TMP/model.epub'"
epubcheck "$TMP/model.epub" >"$TMP/epubcheck.out" 2>&1
like "$(grep '^Messages:' "$TMP/epubcheck.out")" '^Messages: 0 fatals / 0 errors / 0 warnings' \
	"epubcheck reports no error and no warning"
grep -E '^(ERROR|WARNING|FATAL)' "$TMP/epubcheck.out" | head -20 | sed 's/^/#   /'
ok "container rules" python3 tests/epubtool.py zip "$TMP/model.epub"
ok "every internal link resolves, across split parts" python3 tests/epubtool.py links "$TMP/model.epub"
ok "nav and NCX list every article in spine order" python3 tests/epubtool.py order "$TMP/model.epub"
ok "no script, handler, javascript: or data: URL" python3 tests/epubtool.py safe "$TMP/model.epub"
epubcheck "$TMP/empty.epub" >"$TMP/epubcheck.out" 2>&1
like "$(grep '^Messages:' "$TMP/epubcheck.out")" '^Messages: 0 fatals / 0 errors / 0 warnings' \
	"a book without articles passes epubcheck too"
T_EPUB_OUT=$TMP/model2.epub tests/unit/t_epub >/dev/null 2>&1
ok "two builds are byte-identical" cmp "$TMP/model.epub" "$TMP/model2.epub"
done_testing
