#!/bin/sh
# The PDF typesetter end to end: the sample book (content/) and each of the
# ten real articles in ../shared/corpus, built as books, pass qpdf --check;
# every font is embedded and subset with a ToUnicode map; pdfinfo shows the
# title, the author and a tagged PDF; the outline has an entry per article
# in order; pdftotext gives back every word (every character for Arabic,
# Chinese, Japanese) in reading order; the contents link to the articles;
# page labels are the cover's (no number), roman, then arabic; no character lacks a glyph; two builds
# with the same SOURCE_DATE_EPOCH are byte-identical.
. tests/lib.sh
need python3 qpdf pdffonts pdfinfo pdftotext

export SOURCE_DATE_EPOCH=1700000000

# fonts_ok PDF: every font embedded, subset, with a ToUnicode map.
fonts_ok() {
	pdffonts "$1" >"$TMP/fonts" || return 1
	awk 'NR > 2 && !($(NF-4) == "yes" && $(NF-3) == "yes" && $(NF-2) == "yes") { print; bad = 1 }
	     END { exit bad || NR < 3 }' "$TMP/fonts"
}

# pdfjson PDF SCRIPT: run a python SCRIPT on qpdf's JSON of PDF (sys.argv[1])
# and the model (sys.argv[2]).
pdfjson() {
	qpdf --json "$1" >"$TMP/q.json" 2>/dev/null
	python3 - "$TMP/q.json" "$2" "$3"
}

# check_pdf NAME PDF MODEL: every check on one book.
check_pdf() {
	_name=$1 _pdf=$2 _model=$3
	ok "$_name: qpdf --check passes" qpdf --check "$_pdf"
	ok "$_name: every font embedded and subset, with ToUnicode" fonts_ok "$_pdf"
	pdfinfo "$_pdf" >"$TMP/info"
	like "$(grep '^Tagged:' "$TMP/info")" 'yes' "$_name: pdfinfo says Tagged: yes"
	like "$(grep '^Title:' "$TMP/info")" '^Title: +[^ ]' "$_name: pdfinfo shows a title"
	like "$(grep '^Creator:' "$TMP/info")" 'mkbook' "$_name: the creator is mkbook"
	pdftotext "$_pdf" "$TMP/text.txt"
	ok "$_name: pdftotext gives back every word in reading order" \
		python3 tests/pdfwords.py "$_model" "$TMP/text.txt"
	ok "$_name: the outline has an entry per article, in order, headings beneath" pdfjson "$_pdf" "$_model" <<'PY'
import json, sys
q = json.load(open(sys.argv[1])); m = json.load(open(sys.argv[2]))
top = [o["title"] for o in q["outlines"]]
want = [a["headline"] for a in m["articles"]]
got = [t for t in top if t != "Contents"]
if got != want:
    print("outline:", got); print("articles:", want); sys.exit(1)
PY
	ok "$_name: page labels: the cover and its inside unnumbered, roman front matter, then 1 on the first article" pdfjson "$_pdf" "$_model" <<'PY'
import json, sys
q = json.load(open(sys.argv[1]))
pl = q["pagelabels"]
ok = len(pl) == 3 and pl[0]["index"] == 0 and pl[0]["label"].get("/P") == "u:Cover" \
    and "/S" not in pl[0]["label"] and pl[1]["index"] == 2 and pl[1]["label"]["/S"] == "/r" \
    and pl[2]["label"]["/S"] == "/D" and pl[2]["index"] % 2 == 0
first = [o for o in q["outlines"] if o["title"] != "Contents"][0]
toc = [o for o in q["outlines"] if o["title"] == "Contents"]
ok = ok and first["destpageposfrom1"] == pl[2]["index"] + 1
# the contents come after the cover, the title page and its verso, in roman pages
ok = ok and len(toc) == 1 and toc[0]["destpageposfrom1"] == 5
print(pl, first.get("destpageposfrom1")); sys.exit(0 if ok else 1)
PY
	ok "$_name: the contents link to every article; structure tags present" pdfjson "$_pdf" "$_model" <<'PY'
import json, sys
q = json.load(open(sys.argv[1])); m = json.load(open(sys.argv[2]))
objs = q["qpdf"][1]
links = 0; types = set()
for k, o in objs.items():
    v = o.get("value") if isinstance(o, dict) else None
    if not isinstance(v, dict):
        continue
    if v.get("/Subtype") == "/Link" and ("/Dest" in v or "/A" in v):
        links += 1
    if "/S" in v and "/P" in v:
        types.add(v["/S"])
need = {"/Document", "/Art", "/H1", "/P", "/TOC", "/TOCI"}
print("links", links, "types", sorted(types))
sys.exit(0 if links >= len(m["articles"]) and need <= types else 1)
PY
}

# ---- The sample book ----
if $MKBOOK --pdf -o "$TMP/sample.pdf" content 2>"$TMP/err"; then
	ok "sample: mkbook --pdf exits 0" true
else
	ok "sample: mkbook --pdf exits 0" sh -c "cat '$TMP/err'; false"
fi
ok "sample: no character without a glyph, no warning" sh -c "! grep -i warning '$TMP/err'"
$MKBOOK --dump-model content >"$TMP/sample.json"
check_pdf sample "$TMP/sample.pdf" "$TMP/sample.json"
like "$(grep '^Author:' "$TMP/info")" 'The mkbook authors' "sample: pdfinfo shows the author"
like "$(grep '^Keywords:' "$TMP/info")" 'typesetting' "sample: keywords from book.yaml"
like "$(grep '^Keywords:' "$TMP/info")" 'sample, typesetting, .*line breaking, .*print' \
    "sample: then the articles' tags, each once, as the EPUB's dc:subject"
like "$(grep '^CreationDate:' "$TMP/info")" '2023' "sample: the creation date is SOURCE_DATE_EPOCH"
ok "sample: the catalog names the language, shows the title and opens the outline" python3 - "$TMP/sample.pdf" <<'PY'
import json, subprocess, sys
q = json.loads(subprocess.run(["qpdf", "--json", sys.argv[1]], capture_output=True, text=True).stdout)
cat = [o["value"] for o in q["qpdf"][1].values()
       if isinstance(o, dict) and isinstance(o.get("value"), dict) and o["value"].get("/Type") == "/Catalog"]
ok = len(cat) == 1 and cat[0].get("/Lang") == "u:en" and cat[0].get("/PageMode") == "/UseOutlines"
print(cat); sys.exit(0 if ok else 1)
PY
ok "sample: the structure tree reads title page, contents, then the articles, each with its notes" python3 - "$TMP/sample.pdf" <<'PY'
import json, subprocess, sys
q = json.loads(subprocess.run(["qpdf", "--json", sys.argv[1]], capture_output=True, text=True).stdout)
objs = q["qpdf"][1]
val = lambda r: objs["obj:" + r]["value"]
root = [o["value"] for o in objs.values() if isinstance(o, dict) and isinstance(o.get("value"), dict)
        and o["value"].get("/Type") == "/StructTreeRoot"][0]
doc = val(root["/K"][0])
kids = [val(k)["/S"] for k in doc["/K"]]
def types(v, out):
    out.append(v.get("/S"))
    k = v.get("/K", [])
    for x in (k if isinstance(k, list) else [k]):
        if isinstance(x, str) and x.endswith(" R") and isinstance(val(x), dict) and "/S" in val(x):
            types(val(x), out)
    return out
arts = [types(val(k), []) for k in doc["/K"] if val(k)["/S"] == "/Art"]
print(kids)
ok = doc["/S"] == "/Document" and "/TOC" in kids and kids.index("/TOC") < kids.index("/Art") \
    and all(a[0] == "/Art" for a in arts) and "/Note" not in kids and any("/Note" in a for a in arts)
sys.exit(0 if ok else 1)
PY
ok "sample: dates in the PDF date format (D:…)" sh -c "grep -a -q '/CreationDate (D:2023' '$TMP/sample.pdf'"
like "$(grep '^Page size:' "$TMP/info")" 'A4' "sample: A4 by default"
ok "sample: the sample's words in order (pdftotext)" grep -q 'Foreign Office has shocked' "$TMP/text.txt"
ok "sample: footnote text at the foot of a page" grep -q 'Knuth and Michael F. Plass' "$TMP/text.txt"
ok "sample: each footnote at the foot of the page that references it" python3 - "$TMP/sample.pdf" <<'PY'
import subprocess, sys
pairs = [("choose all of its breaks together", "Knuth and Michael F. Plass"),
         ("Stanford thesis", "Franklin Mark Liang")]
n = int([l for l in subprocess.run(["pdfinfo", sys.argv[1]], capture_output=True, text=True).stdout.splitlines()
         if l.startswith("Pages:")][0].split()[1])
pages = [subprocess.run(["pdftotext", "-f", str(i), "-l", str(i), sys.argv[1], "-"],
                        capture_output=True, text=True).stdout.replace("\n", " ") for i in range(1, n + 1)]
bad = 0
for ref, note in pairs:
    p1 = [i for i, t in enumerate(pages) if ref in t]
    p2 = [i for i, t in enumerate(pages) if note in t]
    if not p1 or p1 != p2:
        print(ref, p1, note, p2); bad = 1
sys.exit(bad)
PY
cat >"$TMP/notes.md" <<'EOF'
---
title: Notes
---
Text with a note.[^a]

| A | B |
|---|---|
| cell[^b] | x |

[^a]: The first note.
[^b]: The note in a table.
[^c]: A note nothing refers to.
EOF
$MKBOOK -q --pdf -o "$TMP/notes.pdf" "$TMP/notes.md"
pdftotext "$TMP/notes.pdf" "$TMP/notes.txt"
ok "notes: a note referenced from a table cell is set" grep -q 'The note in a table' "$TMP/notes.txt"
ok "notes: a note nothing refers to is still set" grep -q 'A note nothing refers to' "$TMP/notes.txt"
printf -- '---\ntitle: Small\n---\n\nOne ~~struck~~ word.\n' >"$TMP/small.md"
for i in 1 2 3 4 5 6; do
	printf -- '---\ntitle: Small %s\n---\n\n%s\n' "$i" "$(seq -s ' ' 1 $((i * 37)))" >"$TMP/small$i.md"
	$MKBOOK -q --pdf -o "$TMP/small$i.pdf" "$TMP/small.md" "$TMP/small$i.md" 2>"$TMP/err" || cat "$TMP/err"
done
ok "small books (binary bytes near the end of the file) get their page labels" \
	sh -c "for i in 1 2 3 4 5 6; do qpdf --check '$TMP/small'\$i.pdf >/dev/null || exit 1; done"
ok "sample: ligatures map back to letters" sh -c "grep -q 'first' '$TMP/text.txt' && ! grep -q \"$(printf '\357\254\201')\" '$TMP/text.txt'"

$MKBOOK -q --pdf -o "$TMP/again.pdf" content
ok "sample: two builds with the same SOURCE_DATE_EPOCH are byte-identical" cmp "$TMP/sample.pdf" "$TMP/again.pdf"

# ---- Paper sizes ----
for p in "letter:612 x 792" "a5:419.528 x 595.276" "150x220mm:425.197 x 623.622" "6x9in:432 x 648"; do
	name=${p%%:*} size=${p#*:}
	$MKBOOK -q --paper "$name" --pdf -o "$TMP/p.pdf" content 2>"$TMP/err"
	like "$(pdfinfo "$TMP/p.pdf" 2>&1 | grep '^Page size:')" "$size" "--paper $name gives $size pt pages"
done
not_ok "--paper 10x10furlongs is refused" $MKBOOK -q --paper 10x10furlongs --pdf -o "$TMP/p.pdf" content

# ---- A theme of one's own ----
mkdir -p "$TMP/theme"
cp templates/default/book.css "$TMP/theme/" 2>/dev/null || :
cat >"$TMP/theme/theme.yaml" <<'EOF'
fonts:
  body: DejaVu Serif
  heading: DejaVu Sans
size: 10pt
leading: 13pt
paper: letter
margins: {top: 1in, bottom: 1in, inside: 1in, outside: 1.5in}
colours: {text: "#000000", accent: "#003366"}
EOF
$MKBOOK -q --theme "$TMP/theme" --pdf -o "$TMP/theme.pdf" content 2>"$TMP/err"
like "$(pdffonts "$TMP/theme.pdf" 2>&1)" 'DejaVuSerif' "theme: the body family comes from theme.yaml"
like "$(pdfinfo "$TMP/theme.pdf" 2>&1 | grep '^Page size:')" '612 x 792' "theme: the paper comes from theme.yaml"
printf 'size: [oops\n' >"$TMP/theme/theme.yaml"
not_ok "theme: a broken theme.yaml is refused" $MKBOOK -q --theme "$TMP/theme" --pdf -o "$TMP/theme2.pdf" content
like "$($MKBOOK -q --theme "$TMP/theme" --pdf -o "$TMP/theme2.pdf" content 2>&1)" 'theme.yaml:[0-9]+: ' \
	"theme: the message names theme.yaml and the line"

# ---- Images: JPEG passed through, PNG with alpha, a bad image refused ----
mkdir -p "$TMP/img"
if command -v pdftoppm >/dev/null 2>&1; then
	pdftoppm -jpeg -r 20 -f 1 -l 1 -singlefile "$TMP/sample.pdf" "$TMP/img/photo"
	# a 32x32 PNG, red, transparent on its right half
	python3 - "$TMP/img/chart.png" <<'PY'
import struct, sys, zlib
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
rows = b"".join(b"\0" + b"".join(bytes([200, 30, 30, 255 if x < 16 else 0]) for x in range(32)) for y in range(32))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 32, 32, 8, 6, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY
	cat >"$TMP/img/a.md" <<'EOF'
---
title: Pictures
author: A. Photographer
date: 2024-01-02
image: photo.jpg
caption: A photograph passed through as it is.
credit: "Photograph: the test suite"
---
Some text before the chart.

![A chart with a transparent background](chart.png "The chart, as a PNG with alpha")

Some text after it.
EOF
	if $MKBOOK -q --pdf -o "$TMP/img.pdf" "$TMP/img/a.md" 2>"$TMP/err"; then
		ok "images: the book builds" true
	else
		ok "images: the book builds" sh -c "cat '$TMP/err'; false"
	fi
	ok "images: the JPEG's bytes are in the PDF unchanged (DCTDecode, not re-encoded)" python3 - "$TMP/img/photo.jpg" "$TMP/img.pdf" <<'PY'
import sys
j = open(sys.argv[1], "rb").read(); p = open(sys.argv[2], "rb").read()
sys.exit(0 if j in p and b"/DCTDecode" in p else 1)
PY
	ok "images: the PNG keeps its alpha as a soft mask" sh -c "grep -a -q '/SMask' '$TMP/img.pdf'"
	ok "images: qpdf --check passes" qpdf --check "$TMP/img.pdf"
	printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\000\020\000\000\000\020\010\006\000\000\000garbage' >"$TMP/img/chart.png"
	$MKBOOK --pdf -o "$TMP/warn.pdf" "$TMP/img/a.md" 2>"$TMP/err"
	rc=$?
	is "$rc" 0 "images: a broken PNG is left out, the book is made"
	like "$(cat "$TMP/err")" "warning: image 'chart.png' is a damaged PNG file" \
		"images: the warning names the image"
	$MKBOOK -q --strict --pdf -o "$TMP/bad.pdf" "$TMP/img/a.md" 2>"$TMP/err"
	rc=$?
	is "$rc" 1 "images: under --strict a broken PNG fails the build"
	like "$(cat "$TMP/err")" 'chart.png' "images: the error names the image"
	ok "images: no PDF is left behind" test ! -e "$TMP/bad.pdf"
else
	skip "pdftoppm is not installed"
fi

# ---- The corpus, each article as a book, and all ten as one ----
need_shared
for f in "$SHARED"/corpus/*.txt; do
	b=$(basename "$f" .txt)
	if $MKBOOK --pdf -o "$TMP/$b.pdf" "$f" 2>"$TMP/err"; then
		ok "$b: builds" true
	else
		ok "$b: builds" sh -c "cat '$TMP/err'; false"
		continue
	fi
	ok "$b: no character without a glyph, no warning" sh -c "! grep -i warning '$TMP/err'"
	$MKBOOK --dump-model "$f" >"$TMP/$b.json"
	ok "$b: qpdf --check passes" qpdf --check "$TMP/$b.pdf"
	ok "$b: every font embedded and subset, with ToUnicode" fonts_ok "$TMP/$b.pdf"
	pdftotext "$TMP/$b.pdf" "$TMP/$b.txt"
	ok "$b: pdftotext gives back every word (or character)" \
		python3 tests/pdfwords.py "$TMP/$b.json" "$TMP/$b.txt"
done
if $MKBOOK -q --pdf -o "$TMP/corpus.pdf" "$SHARED"/corpus/*.txt 2>"$TMP/err"; then
	$MKBOOK --dump-model "$SHARED"/corpus/*.txt >"$TMP/corpus.json"
	check_pdf corpus "$TMP/corpus.pdf" "$TMP/corpus.json"
else
	ok "corpus: builds" sh -c "cat '$TMP/err'; false"
fi

done_testing
