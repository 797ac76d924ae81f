#!/bin/sh
# The EPUB writer end to end: the sample book (content/) and a book of the
# ten real articles in ../shared/corpus pass epubcheck with no error and no
# warning, render in MuPDF with their headlines in the text, keep every word
# of every input, list every article in nav and NCX in spine order, resolve
# every internal link, follow the container rules, and come out
# byte-identical from two builds with the same SOURCE_DATE_EPOCH.
. tests/lib.sh
need python3 java mutool

export SOURCE_DATE_EPOCH=1700000000

# check_book NAME EPUB MODEL [INPUT.txt…]: every check on one book.
check_book() {
	_name=$1 _epub=$2 _model=$3
	shift 3
	epubcheck "$_epub" >"$TMP/epubcheck.out" 2>&1
	like "$(grep '^Messages:' "$TMP/epubcheck.out")" '^Messages: 0 fatals / 0 errors / 0 warnings' \
		"$_name: epubcheck reports no error and no warning"
	grep -E '^(ERROR|WARNING|FATAL)' "$TMP/epubcheck.out" | head -20 | sed 's/^/#   /'
	ok "$_name: mimetype first, stored, no extra field; the rest deflated; XML declarations" \
		python3 tests/epubtool.py zip "$_epub"
	ok "$_name: every internal link resolves" python3 tests/epubtool.py links "$_epub"
	ok "$_name: nav and NCX list every article in spine order" \
		python3 tests/epubtool.py order "$_epub"
	ok "$_name: no script, handler, javascript: or data: URL" \
		python3 tests/epubtool.py safe "$_epub"
	ok "$_name: every word of every input is in the book" \
		python3 tests/epubtool.py words "$_epub" "$_model" "$@"
	if mutool draw -F txt -o "$TMP/mutool.txt" "$_epub" >/dev/null 2>"$TMP/mutool.err"; then
		ok "$_name: MuPDF shows every headline" python3 - "$_model" "$TMP/mutool.txt" <<'PY'
import json, re, sys
m = json.load(open(sys.argv[1], encoding="utf-8"))
text = re.sub(r"\s+", "", open(sys.argv[2], encoding="utf-8").read())
bad = [a["headline"] for a in m["articles"]
       if a.get("headline") and re.sub(r"\s+", "", a["headline"]) not in text]
for h in bad:
    print("missing:", h)
sys.exit(1 if bad else 0)
PY
	else
		ok "$_name: mutool draw -F txt renders the book" sh -c "cat '$TMP/mutool.err'; false"
	fi
}

# ---- The sample book ----
if $MKBOOK -q --epub -o "$TMP/sample.epub" content 2>"$TMP/err"; then
	ok "sample: mkbook --epub exits 0" true
else
	ok "sample: mkbook --epub exits 0" sh -c "cat '$TMP/err'; false"
fi
$MKBOOK --dump-model content >"$TMP/sample.json" 2>/dev/null
check_book sample "$TMP/sample.epub" "$TMP/sample.json" content/*.txt

$MKBOOK -q --epub -o "$TMP/sample2.epub" content 2>/dev/null
ok "sample: two builds with the same SOURCE_DATE_EPOCH are byte-identical" \
	cmp "$TMP/sample.epub" "$TMP/sample2.epub"
TZ=Pacific/Kiritimati $MKBOOK -q --epub -o "$TMP/sample3.epub" content 2>/dev/null
ok "sample: the time zone does not change a byte" cmp "$TMP/sample.epub" "$TMP/sample3.epub"
unzip -p "$TMP/sample.epub" OEBPS/package.opf >"$TMP/opf" 2>/dev/null
like "$(grep -o 'dcterms:modified">[^<]*' "$TMP/opf")" '2023-11-14T22:13:20Z' \
	"sample: dcterms:modified comes from SOURCE_DATE_EPOCH"
like "$(zipinfo -T "$TMP/sample.epub" 2>/dev/null | sed -n 3p)" ' 20231114\.2213' \
	"sample: zip times come from SOURCE_DATE_EPOCH, in UTC"
like "$(grep -o '<dc:identifier[^<]*' "$TMP/opf")" \
	'>urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' \
	"sample: dc:identifier is a urn:uuid"
like "$(grep -o '<dc:language>[^<]*' "$TMP/opf")" '>en$' "sample: dc:language is the book's"
SOURCE_DATE_EPOCH=1800000000 $MKBOOK -q --epub -o "$TMP/later.epub" content 2>/dev/null
is "$(unzip -p "$TMP/later.epub" OEBPS/package.opf | grep -o '<dc:identifier[^<]*')" \
	"$(grep -o '<dc:identifier[^<]*' "$TMP/opf")" \
	"sample: a rebuild at another time keeps the identifier"
like "$(grep -c 'properties="cover-image"' "$TMP/opf")" '^1$' "sample: a cover-image item"
like "$(grep -o '<meta name="cover" content="[^"]*"' "$TMP/opf")" 'cover-image' \
	"sample: meta name=cover names it"
like "$(unzip -p "$TMP/sample.epub" OEBPS/text/cover.xhtml)" '<img role="doc-cover" src="../images/cover\.(png|jpg)"' \
	"sample: the cover page shows the cover image"
fonts=$(unzip -l "$TMP/sample.epub" | awk '/OEBPS\/fonts\// { s += $1; n++ } END { print n + 0, s + 0 }')
like "$fonts" '^[1-9][0-9]* ' "sample: fonts are embedded ($fonts bytes)"
like "$(echo "$fonts" | awk '{ print ($2 < 400000) }')" '^1$' "sample: the fonts are subset"
like "$(unzip -p "$TMP/sample.epub" OEBPS/css/book.css)" '@font-face' "sample: @font-face rules"
unzip -p "$TMP/sample.epub" OEBPS/text/a02.xhtml >"$TMP/a02" 2>/dev/null
like "$(grep -c 'epub:type="noteref"' "$TMP/a02")" '^[1-9]' "sample: footnote references are noterefs"
like "$(grep -c '<aside epub:type="footnote"' "$TMP/a02")" '^[1-9]' "sample: footnotes are asides"
like "$(grep -o '<a class="note-back" role="doc-backlink" href="a02.xhtml#a02-ref1"' "$TMP/a02")" 'note-back' \
	"sample: footnotes link back to their reference"
like "$(grep -o '<figure class="lead"><img [^>]*alt="[^"]' "$TMP/a02")" 'alt=' \
	"sample: the lead figure has its image with alt text"
like "$(grep -o '<figcaption><span class="caption">[^<]*</span> <span class="credit">' "$TMP/a02")" \
	'credit' "sample: the caption and the credit are separate elements"
like "$(grep -c '<time datetime="2026-11-27">' "$TMP/a02")" '^1$' "sample: the date is a <time datetime>"

# ---- The ten real articles ----
need_shared
corpus=$(cd "$SHARED/corpus" && pwd)
if $MKBOOK -q --epub -o "$TMP/corpus.epub" "$corpus"/*.txt 2>"$TMP/err"; then
	ok "corpus: mkbook --epub exits 0" true
else
	ok "corpus: mkbook --epub exits 0" sh -c "cat '$TMP/err'; false"
fi
$MKBOOK --dump-model "$corpus"/*.txt >"$TMP/corpus.json" 2>/dev/null
check_book corpus "$TMP/corpus.epub" "$TMP/corpus.json" "$corpus"/*.txt
$MKBOOK -q --epub -o "$TMP/corpus2.epub" "$corpus"/*.txt 2>/dev/null
ok "corpus: two builds are byte-identical" cmp "$TMP/corpus.epub" "$TMP/corpus2.epub"

unzip -p "$TMP/corpus.epub" OEBPS/text/a06.xhtml >"$TMP/a06" 2>/dev/null
like "$(grep -o '<article[^>]*>' "$TMP/a06")" 'lang="ar" xml:lang="ar" dir="rtl"' \
	"corpus: the Arabic article is right to left in an English book"
big=$(unzip -l "$TMP/corpus.epub" | awk '/OEBPS\/fonts\/(zh|ja)-/ { if ($1 > m) m = $1 } END { print m + 0 }')
like "$(echo "$big" | awk '{ print ($1 > 1000 && $1 < 1000000) }')" '^1$' \
	"corpus: CJK fonts are embedded and subset (largest $big bytes)"
unzip -p "$TMP/corpus.epub" OEBPS/text/a09.xhtml >"$TMP/a09" 2>/dev/null
like "$(grep -c '<th' "$TMP/a09")" '^[1-9]' "corpus: tables have header cells"
unzip -p "$TMP/corpus.epub" OEBPS/text/a04.xhtml >"$TMP/a04" 2>/dev/null
like "$(grep -o '<p class="byline">[^<]*' "$TMP/a04")" 'byline">Von $' \
	"corpus: a German article's byline is worded in German (Von …)"
unzip -p "$TMP/corpus.epub" OEBPS/text/a05.xhtml >"$TMP/a05" 2>/dev/null
like "$(grep -o '<p class="byline">[^<]*' "$TMP/a05")" 'byline">Par $' \
	"corpus: a French article's byline is worded in French (Par …)"

done_testing
