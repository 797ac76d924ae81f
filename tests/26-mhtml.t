#!/bin/sh
# MHTML input (issue 12, point 1; Chrome's "Save as single file"): a
# multipart/related message written by tests/html/mkmhtml.py, its page
# quoted-printable in windows-1252 (the charset from the part's header),
# a base64 JPEG by Content-Location (a relative src resolved against the
# page's address), a base64 PNG by cid:, a picture no part holds and a file
# beside the page (neither used: only the parts count). Both books, the two
# pictures in both, epubcheck clean; a damaged file is exit 1 naming it.
. tests/lib.sh
need python3 convert java pdfimages pdftotext unzip

M=$TMP/m
convert -size 600x400 gradient:navy-gold "$TMP/press.jpg"
convert -size 300x200 xc:white -fill black -draw 'rectangle 20,20 120,180' "$TMP/chart.png"
python3 tests/html/mkmhtml.py "$M" "$TMP/press.jpg" "$TMP/chart.png"
convert -size 40x40 xc:red "$M/secret.png"

"$MKBOOK" --dump-model "$M/page.mhtml" >"$TMP/m.json" 2>"$TMP/err"
is "$?" 0 "an MHTML page is read"
field() {
	python3 -c "import json,sys; m=json.load(open('$TMP/m.json')); a=m['articles'][0]; \
text='\n'.join(b.get('text') or '' for b in a['blocks']); \
figs=[b['image'] for b in a['blocks'] if b['type'] == 'figure']; print($1)"
}
is "$(field "a['headline'], a['authors'], a['url']")" \
	"The Last Linotype ['Ada Compositor'] https://example.com/news/2026/linotype" \
	"headline, byline, and the page part's Content-Location as the source URL"
like "$(field "text")" '^Café crème at the foundry: The compositor set the type by hand, letter by letter' \
	"quoted-printable undone, soft line breaks joined, windows-1252 from the part's Content-Type"
is "$(field "[(f.get('type'), f.get('width'), f.get('bytes') and f['bytes'] > 100) for f in figs]")" \
	"[('image/jpeg', 600, True), ('image/png', 300, True), (None, None, None), (None, None, None)]" \
	"pictures from the parts: by Content-Location and by cid:; the absent one and the file beside the page are not used"
is "$(field "[f['caption'] for f in figs]")" \
	"['The press, from its gallery.', 'Type sizes in use.', 'A picture the file does not hold.', 'Only the parts count.']" \
	"every figure keeps its caption"
like "$(cat "$TMP/err")" "page.mhtml:[0-9]+: warning: picture 'https://example.com/img/gone.jpg' is not among the parts" \
	"a picture named but absent: a warning names the file and the picture"
like "$(cat "$TMP/err")" "page.mhtml:[0-9]+: warning: picture '[^']*secret.png' is not among the parts" \
	"a file beside the page is not read: a warning names it"
ok "no script text, no CSS" sh -c "! grep -e alert -e 'color: red' '$TMP/m.json'"
"$MKBOOK" --dump-model "$M/copy.mht" >"$TMP/m.json" 2>/dev/null
is "$(field "len([f for f in figs if f.get('type')])")" "2" ".mht is read too"

# a folder mixing .mhtml, .md, .txt and .html: both books
D=$TMP/mix
mkdir -p "$D"
cp "$M/page.mhtml" "$D/01-page.mhtml"
printf '# A Markdown piece\n\nSome words of the second article, set in Markdown.\n' >"$D/02-b.md"
printf 'A plain text piece\n\nWords of the third article, set in plain text, long enough.\n' >"$D/03-c.txt"
cp tests/html/../../content/03-the-last-linotype.html "$D/04-d.html" 2>/dev/null ||
	printf '<html><body><article><p>%s</p></article></body></html>' "$(seq -s ' word' 60)" >"$D/04-d.html"
"$MKBOOK" -q -o "$TMP/out" --title "Saved pages" "$D" 2>"$TMP/err"
is "$?" 0 "a folder of .mhtml, .md, .txt and .html: both books"
E=$TMP/out/Saved-pages.epub
[ -f "$E" ] || E=$(ls "$TMP/out/"*.epub | head -1)
P=$(ls "$TMP/out/"*.pdf | head -1)
"$MKBOOK" --dump-model "$D" >"$TMP/m.json" 2>/dev/null
is "$(python3 -c "import json; m=json.load(open('$TMP/m.json')); print(len(m['articles']))")" "4" \
	"all four articles are in the book"
is "$(unzip -Z1 "$E" | grep -c '^OEBPS/images/a01-.*[.]\(jpg\|png\)$')" "2" \
	"EPUB: the MHTML's JPEG and PNG are in the book"
like "$(unzip -p "$E" OEBPS/package.opf)" 'images/a01-[^"]*[.]jpg" media-type="image/jpeg"' \
	"EPUB: the JPEG is in the manifest"
like "$(unzip -p "$E" OEBPS/package.opf)" 'images/a01-[^"]*[.]png" media-type="image/png"' \
	"EPUB: the PNG is in the manifest"
ok "EPUB: nothing from example.com but the source link" sh -c \
	"! unzip -p '$E' 'OEBPS/*.xhtml' 'OEBPS/text/*.xhtml' | grep -o '\(src\|href\)=\"[^\"]*example.com[^\"]*\"' | grep -v 'href=\"https://example.com/news/2026/linotype\"'"
is "$(pdfimages -list "$P" | awk '$4 == 600 && $5 == 400 || $4 == 300 && $5 == 200' | wc -l)" "2" \
	"PDF: the 600x400 JPEG and the 300x200 PNG are placed"
like "$(pdftotext "$P" - | tr '\n' ' ')" 'Café crème at the foundry' "PDF: the page's text"
ok "epubcheck: no errors, no warnings" sh -c \
	"java -jar /usr/share/java/epubcheck.jar '$E' 2>&1 | grep -q 'Messages: 0 fatals / 0 errors / 0 warnings'"

# an empty part (UBSan found its NULL data passed to memcpy): the page is
# read, the empty picture named in a warning
"$MKBOOK" --dump-model "$M/empty-part.mhtml" >"$TMP/m.json" 2>"$TMP/err"
is "$?" 0 "an MHTML with an empty part is read"
like "$(cat "$TMP/err")" "empty-part.mhtml:[0-9]+: .*cid:chart-7@mhtml.blink" \
	"the empty picture part is named in a warning"

# damaged files: exit 1 naming the file, no book
for f in nohtml badboundary notmime; do
	rm -rf "$TMP/bad"
	"$MKBOOK" -o "$TMP/bad" "$M/$f.mhtml" >/dev/null 2>"$TMP/err"
	is "$?" 1 "$f.mhtml: exit 1"
	like "$(cat "$TMP/err")" "^mkbook: $M/$f.mhtml: " "$f.mhtml: the message names the file"
	ok "$f.mhtml: no partial output" sh -c "! ls '$TMP/bad/'*.epub '$TMP/bad/'*.pdf 2>/dev/null | grep -q ."
done
like "$(cat "$TMP/err")" 'not an MHTML file' "not MIME at all: says so"
"$MKBOOK" --dump-model "$M/nohtml.mhtml" >/dev/null 2>"$TMP/err"
like "$(cat "$TMP/err")" 'no text/html part' "no HTML part: says so"
"$MKBOOK" --dump-model "$M/badboundary.mhtml" >/dev/null 2>"$TMP/err"
like "$(cat "$TMP/err")" "boundary '----NotTheBoundary----'" "a boundary no part uses: names it"

done_testing
