#!/bin/sh
# Web pages as inputs (issue 17): a local HTTP server on 127.0.0.1 serves
# good pages and bad ones; the book is made from what worked, each failure
# named in a warning with its URL and reason; --strict, --offline, --cache,
# --allow-private, the limits and their flags.
. tests/lib.sh
. tests/web/serve.sh
need python3 java
export SOURCE_DATE_EPOCH=1700000000
if ! start_server; then
	not_ok "the test server starts" true
	done_testing
	exit 1
fi

L="--allow-private --timeout 1 --max-size 1 --max-redirects 5"
GOOD="$BASE/page.html $BASE/r1 $BASE/sjis $BASE/gzip $BASE/webp.html"
BAD="$BASE/404 $BASE/500 $BASE/slow $BASE/huge $BASE/huge-chunked $BASE/doc.pdf \
	$BASE/signin.html $BASE/loop $BASE/to-ftp $BASE/to-file"
CORPUS=
if [ -d "$SHARED/html-corpus/readability" ]; then
	CORPUS="$BASE/corpus/aclu $BASE/corpus/heise $BASE/corpus/ars-1"
else
	echo "# NOTICE: $SHARED/html-corpus is absent; the corpus pages are left out"
	skip "../shared/html-corpus is absent: no corpus pages served"
fi

# The book from what worked.
$MKBOOK $L -o "$TMP/web" $GOOD $BAD $CORPUS 2>"$TMP/err"
is "$?" 0 "a book is made from the pages that worked"
err=$(cat "$TMP/err")
like "$err" "$BASE/404: the server answered HTTP 404 \(not found\); the page is left out" "a 404 is named"
like "$err" "$BASE/500: the server answered HTTP 500 \(server error\)" "a 500 is named"
like "$err" "$BASE/slow: timed out after 1 s \(--timeout\)" "a slow page hits the timeout"
like "$err" "$BASE/huge: larger than the limit of 1 MB \(--max-size\)" "a huge page is cut at the limit (Content-Length)"
like "$err" "$BASE/huge-chunked: larger than the limit of 1 MB" "a huge page is cut at the limit (no length given)"
like "$err" "$BASE/doc.pdf: not an HTML page \(Content-Type: application/pdf\)" "a page that is not HTML is named"
like "$err" "$BASE/signin.html: no article found" "a page with no article is named"
like "$err" "$BASE/loop: more than 5 redirects \(--max-redirects\)" "a redirect loop stops at the limit"
like "$err" "$BASE/to-ftp: refused: redirected to 'ftp:" "a redirect to ftp: is refused"
like "$err" "$BASE/to-file: refused: redirected to 'file:///etc/passwd'" "a redirect to file: is refused"
# WebP: the image pipeline takes it (gdk-pixbuf's WebP loader); the EPUB
# gets it as PNG, the PDF draws it.
is "$(grep -c 'img.webp' "$TMP/err")" 0 "the WebP picture draws no warning"
like "$(unzip -l "$TMP"/web/*.epub)" "images/a05-f1.png" "the WebP picture is in the EPUB (as PNG, the fifth article's figure)"

$MKBOOK $L --dump-model $GOOD $CORPUS >"$TMP/model.json" 2>/dev/null
python3 - "$TMP/model.json" "$BASE" >"$TMP/heads" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
for a in m["articles"]:
    print("%s | %s | %s | %s" % (a["source"].replace(sys.argv[2], ""), a["headline"], a["url"], a["lang"]))
PY
heads=$(cat "$TMP/heads")
like "$heads" "^/page.html \| A Page With a Picture \| $BASE/page.html \| en" "a page's headline and source URL"
like "$heads" "^/page2.html \| The End of the Redirects \| $BASE/page2.html" "a redirect chain (302, 301, 307) ends at the final URL, which is the source"
like "$heads" "^/sjis \| 日本語の記事 \| .* \| ja" "a Shift_JIS page declared only in the HTTP header is decoded"
like "$heads" "^/gzip \| A Compressed Page" "a gzip response is decoded"
[ -n "$CORPUS" ] && like "$heads" "^/corpus/aclu \| Facebook Is Tracking Me .*\| https://www.aclu.org/" \
	"a corpus page: its headline, and its canonical URL as the source"

like "$(cat "$TMP/model.json")" "\"src\": \"$BASE/img.png\", \"alt\": \"A red square\", .*\"type\": \"image/png\", \"width\": 40, \"height\": 30" \
	"the article's own picture is fetched (its relative src resolved against the page)"
like "$(grep -c '/img.png ' "$SERVER_LOG")" "^[1-9]" "the server was asked for the picture"
like "$(cat "$TMP/model.json")" "\"src\": \"$BASE/img.webp\", \"alt\": \"A WebP picture\", .*\"type\": \"image/webp\", \"width\": 1, \"height\": 1" \
	"the WebP picture is fetched and read as WebP"

# A terminal shows one line per article fetched, with its size and time.
if command -v script >/dev/null 2>&1; then
	script -qec "$MKBOOK $L -o '$TMP/tty' $BASE/page.html $BASE/gzip" "$TMP/tty.log" >/dev/null 2>&1
	tty=$(tr '\r' '\n' <"$TMP/tty.log")
	like "$tty" "mkbook: fetched $BASE/page.html: [0-9.]+ (B|kB) with 1 image, [0-9.]+ s" "progress: a line per page, with its size, images and time"
	like "$tty" "mkbook: fetched $BASE/gzip: [0-9.]+ (B|kB), [0-9.]+ s" "progress: the gzip page's line"
	like "$tty" "article 2 of 2, [0-9]+ pages" "and the book's progress as before"
	$MKBOOK $L -o "$TMP/notty" $BASE/page.html 2>"$TMP/err"
	is "$(grep -c 'fetched' "$TMP/err")" 0 "no progress lines when stderr is not a terminal"
else
	skip "script(1) is not installed: no terminal for the progress lines"
fi

epub=$(ls "$TMP"/web/*.epub)
pdf=$(ls "$TMP"/web/*.pdf)
epubcheck "$epub" >"$TMP/ec" 2>&1
like "$(cat "$TMP/ec")" "0 fatals / 0 errors / 0 warnings" "epubcheck: the book from the web is clean"
ok "no remote resource or script in the EPUB" python3 tests/epubtool.py safe "$epub"
text=$(python3 tests/epubtool.py text "$epub")
like "$text" "Alpha paragraph" "the EPUB holds the first page's text"
like "$text" "シフトJISで送られ" "the EPUB holds the Shift_JIS page's text"
like "$(pdftotext "$pdf" - 2>/dev/null)" "Epsilon paragraph" "the PDF holds the gzip page's text"
like "$(head -1 "$SERVER_LOG")" " mkbook/[0-9]" "the User-Agent names mkbook and its version"

# Loopback, link-local and private addresses need --allow-private.
$MKBOOK -o "$TMP/priv" $BASE/page.html 2>"$TMP/err"
is "$?" 1 "without --allow-private nothing is fetched from 127.0.0.1, and nothing is left"
like "$(cat "$TMP/err")" "127.0.0.1 is a loopback, link-local or private address \(--allow-private" "the refusal names the address and the flag"
like "$(cat "$TMP/err")" "no article is left" "nothing left: exit 1 with a clear error"
is "$(ls "$TMP/priv" 2>/dev/null | wc -l)" 0 "nothing left: no book written"
$MKBOOK --dump-model http://[::1]:1/x http://169.254.169.254/latest/meta-data http://10.0.0.1:1/ 2>"$TMP/err" >/dev/null
like "$(cat "$TMP/err")" "::1 is a loopback" "::1 is refused"
like "$(cat "$TMP/err")" "169.254.169.254 is a loopback, link-local" "a link-local address (cloud metadata) is refused"
like "$(cat "$TMP/err")" "10.0.0.1 is a loopback, link-local or private" "a private address is refused"

# --strict: any failure is fatal, no partial book.
$MKBOOK $L --strict -o "$TMP/strict" $BASE/page.html $BASE/404 2>"$TMP/err"
is "$?" 1 "--strict: a 404 is an error"
like "$(cat "$TMP/err")" "mkbook: $BASE/404: the server answered HTTP 404" "--strict names the URL and the reason"
is "$(ls "$TMP/strict" 2>/dev/null | wc -l)" 0 "--strict: no book written"

# Only http and https.
$MKBOOK --dump-model file:///etc/passwd >/dev/null 2>"$TMP/err"
is "$?" 1 "a file: URL is refused"
like "$(cat "$TMP/err")" "file:///etc/passwd: refused: only http:// and https:// URLs" "the refusal says why"
$MKBOOK --dump-model ftp://127.0.0.1/x >/dev/null 2>"$TMP/err"
is "$?" 1 "an ftp:// URL is refused"

# --offline never fetches.
: >"$SERVER_LOG"
$MKBOOK --offline --allow-private --dump-model $BASE/page.html >/dev/null 2>"$TMP/err"
is "$?" 1 "--offline without a cache: nothing to read"
like "$(cat "$TMP/err")" "$BASE/page.html: not fetched: --offline" "--offline names what it did not fetch"
is "$(wc -l <"$SERVER_LOG")" 0 "--offline: the server saw no request"

# --urls FILE
printf '# reading list\n%s\n\n  %s   # the redirect chain\n#%s\n' "$BASE/page.html" "$BASE/r1" "$BASE/404" >"$TMP/list"
$MKBOOK $L --urls "$TMP/list" --dump-model >"$TMP/list.json" 2>"$TMP/err"
is "$?" 0 "--urls FILE reads the URLs of a file"
is "$(grep -c '"headline"' "$TMP/list.json")" 2 "--urls: one article a URL line, comments left out"
printf '%s#section-2 # a comment after a space\n' "$BASE/page.html" >"$TMP/fraglist"
$MKBOOK $L --urls "$TMP/fraglist" --dump-model >"$TMP/frag.json" 2>"$TMP/err"
like "$(grep '"source"' "$TMP/frag.json")" "\"$BASE/page.html#section-2\"" \
	"--urls: a '#' inside a URL is its fragment, not a comment"
printf '%s\nnot a url\n' "$BASE/page.html" >"$TMP/badlist"
$MKBOOK $L --urls "$TMP/badlist" --dump-model >/dev/null 2>"$TMP/err"
like "$(cat "$TMP/err")" "badlist:2: 'not a url' is not an http:// or https:// URL" "--urls: a line that is not a URL is an error naming FILE:LINE"

# Nothing fetched is written anywhere but the book; --cache DIR then
# --offline make the same book byte for byte, with the server stopped.
mkdir "$TMP/empty" "$TMP/tmpdir"
(cd "$TMP/empty" && TMPDIR=$TMP/tmpdir HOME=$TMP/empty $MKBOOK $L -q -o "$TMP/one" $GOOD $BASE/404 $CORPUS)
is "$(ls -A "$TMP/empty" "$TMP/tmpdir" | grep -vc ':$\|^$')" 0 "without --cache nothing fetched is written outside the book"
$MKBOOK $L -q --cache "$TMP/cache" -o "$TMP/c1" $GOOD $BASE/404 $CORPUS
is "$?" 0 "--cache DIR: the book builds and fills the cache"
ok "--cache DIR holds what was fetched" test -n "$(ls "$TMP/cache")"
stop_server
$MKBOOK -q --offline --cache "$TMP/cache" -o "$TMP/c2" $GOOD $BASE/404 $CORPUS
is "$?" 0 "--cache DIR --offline: the book builds with the server gone"
ok "--cache then --offline: the same EPUB byte for byte" cmp "$TMP"/c1/*.epub "$TMP"/c2/*.epub
ok "--cache then --offline: the same PDF byte for byte" cmp "$TMP"/c1/*.pdf "$TMP"/c2/*.pdf
# both books, as --cache makes them: the EPUB made with its PDF has its page list
ok "the cached book is the book made without a cache (EPUB)" cmp "$TMP"/c1/*.epub "$TMP"/one/*.epub
ok "the cached book is the book made without a cache (PDF)" cmp "$TMP"/c1/*.pdf "$TMP"/one/*.pdf
epubcheck "$TMP"/c2/*.epub >"$TMP/ec2" 2>&1
like "$(cat "$TMP/ec2")" "0 fatals / 0 errors / 0 warnings" "epubcheck: the book rebuilt offline from the cache is clean"
ok "no remote resource or script in the book rebuilt offline" python3 tests/epubtool.py safe "$TMP"/c2/*.epub

# Limits and their flags are checked.
for bad in "--timeout 0" "--timeout x" "--max-size -1" "--max 0" "--max 1.5" "--max-redirects -1" "--since yesterday"; do
	$MKBOOK $bad --dump-model http://example.org/ >/dev/null 2>"$TMP/err"
	is "$?" 2 "'$bad' is bad usage"
done
done_testing
