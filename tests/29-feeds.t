#!/bin/sh
# RSS 2.0 and Atom feeds as inputs (issue 17): a feed file with the full
# text, a feed whose items only link to pages served by a local test
# server, --since, --max, the order of the items, and the feed naming the
# book and giving its cover.
. tests/lib.sh
. tests/web/serve.sh
need python3 java
export SOURCE_DATE_EPOCH=1700000000
if ! start_server; then
	not_ok "the test server starts" true
	done_testing
	exit 1
fi
heads() {	# MODEL.json: "headline | date | authors | tags | url" per article
	python3 - "$1" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
for a in m["articles"]:
    print("%s | %s | %s | %s | %s" % (a["headline"], a["date"], ", ".join(a["authors"]) or "-",
          ", ".join(a["tags"]) or "-", a["url"]))
PY
}
sed "s|@BASE@|$BASE|g" tests/web/feed.rss >"$TMP/digest.rss"

# An RSS file with the full text: no page fetched.
: >"$SERVER_LOG"
$MKBOOK --allow-private --dump-model "$TMP/digest.rss" >"$TMP/rss.json" 2>"$TMP/err"
is "$?" 0 "an RSS 2.0 file is read"
is "$(heads "$TMP/rss.json")" "Newest Story of the Week | 2024-03-07 | Ben Baker | Politics, Europe | https://example.org/2024/03/07/newest
Middle Story of the Week | 2024-03-04 | Carla Cruz | - | https://example.org/2024/03/04/middle
Oldest Story of the Week | 2024-03-01 | Ann Archer | Science | https://example.org/2024/03/01/oldest" \
	"RSS: each item an article (title, author, date, categories as tags, link as source), newest first"
like "$(grep '"title"' "$TMP/rss.json" | head -1)" '"The Weekly Digest"' "the feed's title names the book"
like "$(cat "$TMP/rss.json")" '"text": "The second paragraph of the oldest story, with emphasis and a relative link."' \
	"content:encoded is the item's body"
like "$(cat "$TMP/rss.json")" '"href": "https://example.org/about"' "a relative link in the item resolves against the item's link"
is "$(grep -vc logo.png "$SERVER_LOG")" 0 "full text in the feed: no page is fetched"
$MKBOOK --allow-private --oldest-first --dump-model "$TMP/digest.rss" 2>/dev/null | grep '"headline"' | head -1 >"$TMP/first"
like "$(cat "$TMP/first")" "Oldest Story" "--oldest-first turns the order round"
$MKBOOK --allow-private -o "$TMP/rss" "$TMP/digest.rss" 2>"$TMP/err"
is "$?" 0 "the RSS file becomes a book"
epub=$(ls "$TMP"/rss/*.epub)
like "$epub" "the-weekly-digest.epub" "the book is named after the feed"
like "$(epubcheck "$epub" 2>&1)" "0 fatals / 0 errors / 0 warnings" "epubcheck: the RSS book is clean"
ok "no remote resource or script in the RSS book" python3 tests/epubtool.py safe "$epub"
ok "the feed's image is the book's cover" python3 -c "
import sys, urllib.request, zipfile
logo = urllib.request.urlopen(sys.argv[2]).read()
z = zipfile.ZipFile(sys.argv[1])
sys.exit(0 if 'OEBPS/images/cover.png' in z.namelist() and z.read('OEBPS/images/cover.png') == logo else 1)
" "$epub" "$BASE/logo.png"
like "$(grep '"cover"' "$TMP/rss.json")" "$BASE/logo.png" "--dump-model names the feed's image as the cover"
# the PDF's cover is the same picture (logo.png is one blue, 20,60,160):
# its first page, rendered, is that blue at its centre and at a third of
# its width and height, where the generated cover has its ground and title
pdftoppm -r 20 -f 1 -l 1 -singlefile "$TMP"/rss/*.pdf "$TMP/cover" 2>/dev/null
ok "the feed's image is the PDF's cover too" python3 -c "
import sys
d = open(sys.argv[1], 'rb').read().split(b'\n', 3)
w, h = map(int, d[1].split()); px = d[3]
bad = []
for fx, fy in ((0.5, 0.5), (0.33, 0.33), (0.67, 0.75)):
    o = (int(h * fy) * w + int(w * fx)) * 3
    if any(abs(a - b) > 12 for a, b in zip(px[o:o + 3], (20, 60, 160))):
        bad.append((fx, fy, tuple(px[o:o + 3])))
print('# off the feed image\'s blue:', bad) if bad else None
sys.exit(1 if bad else 0)
" "$TMP/cover.ppm"

mkdir "$TMP/intro"
printf 'title: Digest With an Introduction\nfeed-order: oldest-first\narticles:\n  - intro.md\n' >"$TMP/intro/book.yaml"
printf -- '---\ntitle: Introduction\n---\n\nA few words before the feed.\n' >"$TMP/intro/intro.md"
$MKBOOK --dump-model "$TMP/intro" "$TMP/digest.rss" 2>/dev/null | grep '"headline"' | sed 's/ *"headline": //' >"$TMP/order"
is "$(cat "$TMP/order")" '"Introduction",
"Oldest Story of the Week",
"Middle Story of the Week",
"Newest Story of the Week",' "book.yaml's feed-order: oldest-first turns the feed's order round"
printf 'feed-order: sideways\n' >"$TMP/intro/book.yaml"
$MKBOOK --dump-model "$TMP/intro" >/dev/null 2>"$TMP/err"
like "$(cat "$TMP/err")" "book.yaml:1: feed-order must be newest-first or oldest-first" "a bad feed-order is an error naming its line"

# An Atom file: escaped HTML and XHTML content.
$MKBOOK --dump-model tests/web/feed.atom >"$TMP/atom.json" 2>"$TMP/err"
is "$?" 0 "an Atom file is read"
is "$(heads "$TMP/atom.json")" "Second Atom Entry | 2024-05-02 | Eli Evans | - | https://atom.example.org/second
First Atom Entry | 2024-05-01 | Dana Diaz | Notes | https://atom.example.org/first" \
	"Atom: each entry an article (published, else updated; category label), newest first"
like "$(cat "$TMP/atom.json")" '"type": "strong"' "Atom xhtml content keeps its markup"
like "$(cat "$TMP/atom.json")" '"text": "The first Atom entry carries its text as escaped HTML' "Atom html content is unescaped"
$MKBOOK -o "$TMP/atom.epub" tests/web/feed.atom 2>/dev/null
like "$(epubcheck "$TMP/atom.epub" 2>&1)" "0 fatals / 0 errors / 0 warnings" "epubcheck: the Atom book is clean"

# Feeds over HTTP whose items only link to pages: each page is fetched.
$MKBOOK --allow-private -o "$TMP/links" "$BASE/feed-links.rss" 2>"$TMP/err"
is "$?" 0 "an RSS feed by URL, links only, becomes a book"
like "$(cat "$TMP/err")" "$BASE/404: the server answered HTTP 404 \(not found\); the feed item is left out" \
	"an item whose page fails is left out, named"
$MKBOOK --allow-private --dump-model "$BASE/feed-links.rss" >"$TMP/links.json" 2>/dev/null
is "$(heads "$TMP/links.json" | cut -d'|' -f1,2,4,5)" "Item One From Its Page | 2024-06-03 | One | $BASE/item1.html
Item Two From Its Page | 2024-06-02 | - | $BASE/item2.html
Item Three From Its Page | 2024-05-31 | - | $BASE/item3.html" \
	"each item's text comes from its link; the feed's date and tags are kept"
epub=$(ls "$TMP"/links/*.epub)
like "$(epubcheck "$epub" 2>&1)" "0 fatals / 0 errors / 0 warnings" "epubcheck: the links-only RSS book is clean"
ok "no remote resource in the links-only book" python3 tests/epubtool.py safe "$epub"
$MKBOOK --allow-private -o "$TMP/alinks.epub" "$BASE/feed-links.atom" 2>"$TMP/err"
is "$?" 0 "an Atom feed by URL, links only, becomes a book"
like "$(python3 tests/epubtool.py text "$TMP/alinks.epub")" "Item two text" "the Atom entries' pages are in the book"
like "$(epubcheck "$TMP/alinks.epub" 2>&1)" "0 fatals / 0 errors / 0 warnings" "epubcheck: the links-only Atom book is clean"

# --max and --since choose items.
$MKBOOK --allow-private --max 2 --dump-model "$BASE/feed-links.rss" >"$TMP/max.json" 2>/dev/null
is "$(heads "$TMP/max.json" | cut -d'|' -f1)" "Item One From Its Page 
Item Two From Its Page " "--max 2: the two newest items"
$MKBOOK --allow-private --since 2024-06-02 --dump-model "$BASE/feed-links.rss" >"$TMP/since.json" 2>/dev/null
is "$(heads "$TMP/since.json" | cut -d'|' -f1)" "Item One From Its Page 
Item Two From Its Page " "--since 2024-06-02: items of that day and later"
$MKBOOK --since 2024-03-04 --max 1 --dump-model "$TMP/digest.rss" 2>/dev/null | grep -c '"headline"' >"$TMP/n"
is "$(cat "$TMP/n")" 1 "--since and --max together"
$MKBOOK --since 2030-01-01 --dump-model "$TMP/digest.rss" >/dev/null 2>"$TMP/err"
is "$?" 1 "--since after every item: nothing left, exit 1"

# Bad feeds.
printf '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>x</title>\n<item><title>a</item></channel></rss>\n' >"$TMP/bad.rss"
$MKBOOK --dump-model "$TMP/bad.rss" >/dev/null 2>"$TMP/err"
is "$?" 1 "a malformed feed file is an error"
like "$(cat "$TMP/err")" "bad.rss:3: not a well-formed feed" "the error names FILE:LINE"
printf '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<rss version="2.0"><channel><title>T</title><item><title>&x;</title><description>d</description></item></channel></rss>\n' >"$TMP/xxe.rss"
$MKBOOK --dump-model "$TMP/xxe.rss" >"$TMP/xxe.json" 2>/dev/null
ok "an external entity is never read (no file contents in the book)" sh -c "! grep -q 'root:' '$TMP/xxe.json'"
done_testing
