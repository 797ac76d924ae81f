#!/bin/sh
# The HTML reader (issue 12): inputs and decoding (point 1), finding the
# article (point 2), metadata (point 3), images (point 5) and bad input
# (point 8: not HTML or no article is exit 1 naming the file; deep nesting,
# unclosed elements, entity floods and a 50 MB page give a book in bounded
# time and memory, never a crash or a hang). The pages are written by
# tests/html/mkcases.py.
. tests/lib.sh
# AddressSanitizer reserves terabytes of address space: no ulimit -v under it
nm "$MKBOOK" 2>/dev/null | grep -q __asan_init && ASAN_BUILD=1
need python3 timeout

H=$TMP/h
python3 tests/html/mkcases.py "$H"

# run EXPECTED-EXIT NAME FILE: --dump-model within 300 s and 2 GB, no
# sanitizer report; a refusal names the file. The model is in $TMP/m.json.
run() {
	_want=$1; _name=$2; _file=$3
	( [ -n "$ASAN_BUILD" ] || ulimit -v 2000000 2>/dev/null; timeout 300 "$MKBOOK" --dump-model "$_file" >"$TMP/m.json" 2>"$TMP/err" )
	_rc=$?
	if grep -q -e 'Sanitizer' -e 'runtime error' "$TMP/err"; then
		is "sanitizer report" "none" "$_name: no sanitizer report"
		sed 's/^/#   /' "$TMP/err" | head -20
		return
	fi
	is "$_rc" "$_want" "$_name: exit $_want"
	if [ "$_want" = 1 ]; then
		like "$(head -c 2000 "$TMP/err")" "^mkbook: $_file: " "$_name: the message names the file"
	fi
}

# field EXPR: evaluate a Python expression over the model's first article (a).
field() {
	python3 -c "import json,sys; m=json.load(open('$TMP/m.json')); a=m['articles'][0]; \
text='\n'.join(b.get('text') or '' for b in a['blocks']); print($1)"
}

run 1 "a PNG named .html" "$H/binary.html"
like "$(cat "$TMP/err")" 'not an HTML page' "a PNG named .html: says it is not HTML"
run 1 "text without tags" "$H/plain.html"
run 1 "a sign-in page" "$H/signin.html"
like "$(cat "$TMP/err")" 'no article found' "a sign-in page: no article"
run 1 "a frameset" "$H/frameset.html"
like "$(cat "$TMP/err")" 'frameset' "a frameset: says so"

run 0 "100,000 nested divs" "$H/deep-div.html"
like "$(cat "$TMP/err")" 'deeper than 512 levels' "100,000 nested divs: a warning names the flattening"
like "$(field "text")" 'The compositor set the type' "100,000 nested divs: the text is kept"
run 0 "100,000 nested <b>" "$H/deep-b.html"
run 0 "20,000 nested table/list/quote levels" "$H/deep-mixed.html"
run 0 "50,000 unclosed p/span/a/i" "$H/unclosed.html"
run 0 "an entity flood" "$H/entities.html"
like "$(field "text[:2000]")" '&😀é&bogus;' "an entity flood: entities decoded, unknown ones kept as written"
run 0 "a 50 MB page" "$H/big.html"
is "$(field "len(a['blocks']) >= 80908")" "True" "a 50 MB page: every one of its 80,908 paragraphs is read"

# point 1: decoding as a browser does
run 0 "windows-1252 without a charset" "$H/cp1252.html"
like "$(field "text")" 'Un café crème, “quoted”' "windows-1252: é, è and curly quotes"
run 0 "Shift_JIS from http-equiv" "$H/sjis.html"
like "$(field "text")" '活版印刷は' "Shift_JIS: decoded through iconv"
run 0 "UTF-16LE with a BOM" "$H/utf16.html"
like "$(field "text")" 'Sixteen bits' "UTF-16LE: decoded"
run 0 "invalid UTF-8" "$H/invalid-utf8.html"
like "$(cat "$TMP/err")" 'invalid-utf8.html:4: warning: 2 bytes that are not UTF-8 replaced by U\+FFFD' \
	"invalid UTF-8: a warning with file and line"
like "$(field "text")" 'Bad byte here: �� end' "invalid UTF-8: U+FFFD in the text"

# point 2: the article without the page around it
run 0 "page furniture" "$H/furniture.html"
T=$(field "text")
for w in MENUWORD COOKIEWORD ADWORD HIDDENWORD SHAREWORD NEWSWORD COMMENTWORD RELATEDWORD FOOTERWORD; do
	case "$T" in *$w*) is "$w kept" "$w dropped" "page furniture: $w is left out" ;;
	*) is ok ok "page furniture: $w is left out" ;; esac
done
like "$T" 'Paragraph 2, with commas' "page furniture: the article before the ad is kept"
like "$T" 'Later paragraph 2, with commas' "page furniture: the article after the ad is joined"
is "$(field "a['headline']")" "A Test Page" "page furniture: the headline without ' | Example Site'"
is "$(field "a['authors']")" "['Jane Printer']" "page furniture: the byline without 'By'"

# point 3: metadata
run 0 "JSON-LD metadata" "$H/meta.html"
is "$(field "a['headline']")" "The Last Hot-Metal Shop" "JSON-LD: headline"
is "$(field "a['authors']")" "['Ada Compositor', 'Ben Pressman']" "JSON-LD: two authors"
is "$(field "a['date'], a['date_modified']")" "2024-03-17 2024-03-18" "JSON-LD: published and modified dates"
is "$(field "a['site'], a['url'], a['lang']")" "The Type Gazette https://example.com/news/hot-metal en-GB" \
	"JSON-LD: site, canonical URL, lang"
run 0 "Open Graph and visible metadata" "$H/meta-og.html"
is "$(field "a['headline'], a['site'], a['lang']")" "Kerning Explained Type Weekly de" \
	"og: headline without ' - Type Weekly', site, lang"
is "$(field "a['authors'], a['date']")" "['Carol Setter'] 2023-02-08" "byline element and <time>"
run 0 "right to left" "$H/rtl.html"
is "$(field "a['lang'], a['dir']")" "ar rtl" "lang and dir from <html>"

run 0 "a UTF-8 BOM before a windows-1252 <meta charset>" "$H/bom-utf8.html"
like "$(field "text")" 'UTF-8 with a BOM: café' "the BOM wins over the <meta charset>"
run 0 "a <meta charset> past the first 1,024 bytes" "$H/late-meta.html"
like "$(field "text")" 'Late meta: café' "a late <meta charset> is not looked at (UTF-8, not Shift_JIS)"
run 0 "<meta charset=iso-8859-2>" "$H/latin2.html"
like "$(field "text")" 'Polish: Zażółć ą' "a legacy charset from <meta> through iconv"
run 0 ".htm" "$H/page.htm"
like "$(field "text")" 'An .htm page' ".htm is read as HTML"
run 0 ".xhtml" "$H/page.xhtml"
is "$(field "a['headline']")" "An XHTML page" ".xhtml is read (XML declaration, namespace)"

# point 5: images
run 0 "images" "$H/images.html"
is "$(field "[(b['image'].get('type'), b['image'].get('bytes'), b['image']['caption']) for b in a['blocks'] if b['type'] == 'figure']")" \
	"[('image/png', 69, 'A dot'), (None, None, 'Far away'), (None, None, 'Not here')]" \
	"images: a data: URI decoded; a remote and a missing picture keep their captions"
like "$(cat "$TMP/err")" "images.html:1: warning: remote image .*https://example.com/remote.jpg" \
	"images: the remote picture is named in a warning"
like "$(cat "$TMP/err")" "nothere.png' not found" "images: the missing picture is named in a warning"
run 0 "an inline picture by an absolute path" "$H/abs-icon.html"
like "$(cat "$TMP/err")" "abs-icon.html:[0-9]*: image '/static/icons/clock.svg': absolute paths" \
	"an inline picture by an absolute path: a warning names it, the page is still read"

# inputs: a folder with .html and .md together
mkdir -p "$TMP/mixed"
cp "$H/meta.html" "$TMP/mixed/a.html"
printf '# A Markdown piece\n\nSome words of the second article, set in Markdown.\n' >"$TMP/mixed/b.md"
"$MKBOOK" --dump-model "$TMP/mixed" >"$TMP/m.json" 2>"$TMP/err"
is "$(python3 -c "import json; m=json.load(open('$TMP/m.json')); print([a['headline'] for a in m['articles']])")" \
	"['The Last Hot-Metal Shop', 'A Markdown piece']" "a folder of .html and .md: both read, in name order"

done_testing
