#!/bin/sh
# The EPUB's page list (issue 15, point 6): when both books are made in one
# run, the PDF's page breaks become the EPUB's page-break markers, with the
# PDF's page labels, listed in a page-list nav, and the package names the
# print edition as their source. For every marker the first word after it
# in the EPUB is the first word of that page in the PDF (tests/pagelist.py);
# a page that begins inside a hyphenated word gets its marker before the
# word. Without the PDF in the same run there is no page list.
. tests/lib.sh
need python3 pdftotext qpdf java
need_shared

export SOURCE_DATE_EPOCH=1700000000
$MKBOOK -q -o "$TMP/both" "$SHARED/corpus" 2>"$TMP/err"
is "$?" 0 "the corpus book: both formats in one run"
epub=$TMP/both/corpus.epub pdf=$TMP/both/corpus.pdf
ok "every article page of the PDF has its marker, and the word after it begins that page" \
	python3 tests/pagelist.py "$epub" "$pdf"
java -jar /usr/share/java/epubcheck.jar "$epub" >"$TMP/check" 2>&1
like "$(grep '^Messages:' "$TMP/check")" '0 fatals / 0 errors / 0 warnings' \
	"epubcheck: no error and no warning with the page list"
grep -E '^(ERROR|WARNING|FATAL)' "$TMP/check" | head -5 | sed 's/^/#   /'
unzip -p "$epub" OEBPS/package.opf >"$TMP/opf"
like "$(grep -o '<dc:source id="page-source">[^<]*' "$TMP/opf")" \
	'corpus, print edition \(PDF, 210 × 297 mm\), urn:uuid:' "dc:source names the print edition"
like "$(grep -c 'refines="#page-source" property="source-of">pagination<' "$TMP/opf")" '^1$' \
	"and is refined as the source of the pagination"
like "$(grep -c 'accessibilityFeature">pageBreakMarkers<' "$TMP/opf")" '^1$' \
	"the accessibility metadata claims page-break markers"
unzip -p "$epub" OEBPS/nav.xhtml >"$TMP/nav"
like "$(grep -o '<nav epub:type="page-list"[^>]*>' "$TMP/nav")" 'role="doc-pagelist".*hidden' \
	"the navigation document has a hidden page-list nav"
$MKBOOK -q -o "$TMP/both2" "$SHARED/corpus" 2>/dev/null
ok "two runs give the same EPUB, page list and all" cmp "$epub" "$TMP/both2/corpus.epub"

# pages made without keeps (the tests' MKBOOK_LAYOUT_NAIVE) begin inside words
MKBOOK_LAYOUT_NAIVE=1 $MKBOOK -q -o "$TMP/naive" "$SHARED/corpus" 2>/dev/null
ok "a page that begins with the second half of a hyphenated word: its marker before the word" \
	python3 tests/pagelist.py "$TMP/naive/corpus.epub" "$TMP/naive/corpus.pdf" --want-split

# the EPUB alone: no page list, no page source
$MKBOOK -q --epub -o "$TMP/alone.epub" "$SHARED/corpus" 2>/dev/null
is "$(unzip -p "$TMP/alone.epub" 'OEBPS/*.xhtml' | grep -c 'pagebreak')" 0 \
	"the EPUB made alone has no page-break marker"
is "$(unzip -p "$TMP/alone.epub" OEBPS/package.opf OEBPS/nav.xhtml | grep -c 'page-source\|page-list\|pageBreak')" 0 \
	"nor a page list or page source"
ok "and it is the same book otherwise (epubcheck clean)" sh -c \
	"java -jar /usr/share/java/epubcheck.jar '$TMP/alone.epub' 2>&1 | grep -q '0 fatals / 0 errors / 0 warnings'"

done_testing
