#!/bin/sh
# Images as people have them (issue 13): every format and colour model, and
# phone photos stored sideways, appear in both books the right way up and in
# the right colours (rendered, pixels compared); 12-megapixel photos come
# out of the EPUB within what e-readers take; inline images sit in the line
# or become figures and pass the same checks as figures; what cannot be
# used is left out with a warning naming file, line and image (an error
# under --strict), what leaves the content directory is refused; plain
# text names its picture by a sidecar or by book.yaml.
. tests/lib.sh
need python3 java mutool pdftoppm pdftotext
CONVERT=convert
[ -x /usr/bin/convert ] && CONVERT=/usr/bin/convert
need "$CONVERT"
export SOURCE_DATE_EPOCH=1700000000

# ---- every format, colour model and orientation ----
python3 tests/imgbook.py make "$TMP/fmt"
"$MKBOOK" --title "Every format" -o "$TMP/fmt-out" "$TMP/fmt" 2>"$TMP/fmt.err"
is "$?" 0 "a book of every format and orientation is made"
like "$(cat "$TMP/fmt.err")" "the EPUB's 32 images take" "the EPUB's total image bytes are reported"
like "$(grep -c warning "$TMP/fmt.err")" '^0$' "no picture is left out"
ok "every picture is upright and in its colours in the EPUB's files and on the PDF's pages" \
	python3 tests/imgbook.py check "$TMP/fmt" "$TMP/fmt-out"/*.epub "$TMP/fmt-out"/*.pdf
grep BAD "$TMP/.out" | sed 's/^/#   /'
epubcheck "$TMP/fmt-out"/*.epub >"$TMP/ec1" 2>&1
like "$(grep '^Messages:' "$TMP/ec1")" '0 fatals / 0 errors / 0 warnings' "epubcheck: the format book is clean"
unzip -l "$TMP/fmt-out"/*.epub | awk '/OEBPS\/images\//{print $4}' | grep -Ev '\.(jpg|png)$' >"$TMP/odd"
is "$(cat "$TMP/odd")" "" "the EPUB holds only JPEG and PNG pictures"

# ---- 12-megapixel photos: what e-readers take ----
mkdir -p "$TMP/big"
"$CONVERT" -size 4000x3000 xc:gray +noise Random -quality 92 "$TMP/big/noise.jpg"
"$CONVERT" -size 3000x4000 gradient:'#203060-#e0a060' -quality 90 "$TMP/big/sky.jpg"
printf -- '---\ntitle: Big photos\n---\n\nTwo photos.\n\n![Noise](noise.jpg)\n\n![Sky](sky.jpg)\n' \
	>"$TMP/big/a.md"
"$MKBOOK" --epub -o "$TMP/big.epub" "$TMP/big" 2>"$TMP/big.err"
is "$?" 0 "a book of 12-megapixel photos is made"
like "$(cat "$TMP/big.err")" "the EPUB's 2 images take 1?[0-9]\.[0-9] MB \([0-9]+\.[0-9] MB as given\)" \
	"the notice gives the EPUB's image bytes and the input's"
python3 - "$TMP/big.epub" >"$TMP/big.sizes" <<'EOF'
import re, subprocess, sys, tempfile, zipfile
z = zipfile.ZipFile(sys.argv[1])
for n in z.namelist():
    if n.startswith("OEBPS/images/") and "cover" not in n:
        d = z.read(n)
        t = tempfile.NamedTemporaryFile(suffix=n[-4:])
        t.write(d); t.flush()
        wh = subprocess.run(["/usr/bin/convert" if __import__("os").access("/usr/bin/convert", 1) else "convert",
                             t.name, "-format", "%w %h", "info:"], capture_output=True, text=True).stdout.split()
        w, h = int(wh[0]), int(wh[1])
        ok = w * h <= 4000000 and max(w, h) <= 3200 and len(d) < 2 * 1024 * 1024
        print("%s %s %dx%d %d bytes" % ("ok" if ok else "BAD", n, w, h, len(d)))
EOF
like "$(cat "$TMP/big.sizes")" "ok OEBPS/images/a01-f1.jpg 2309x1732 " \
	"the noisy photo: scaled to 4 MP, under 2 MB"
like "$(cat "$TMP/big.sizes")" "ok OEBPS/images/a01-f2.jpg 1732x2309 " "the portrait photo: scaled to 4 MP, aspect kept"
is "$(grep -c BAD "$TMP/big.sizes")" 0 "no EPUB picture over the limits"
sed 's/^/#   /' "$TMP/big.sizes"
epubcheck "$TMP/big.epub" >"$TMP/ec2" 2>&1
like "$(grep '^Messages:' "$TMP/ec2")" '0 fatals / 0 errors / 0 warnings' "epubcheck: the big-photo book is clean"
"$MKBOOK" --pdf -o "$TMP/big.pdf" "$TMP/big" 2>/dev/null
pdfimages -list "$TMP/big.pdf" | awk 'NR > 2 {print $4, $5, $13}' >"$TMP/big.ppi"
like "$(awk '{ if ($3 > 305) print "over" }' "$TMP/big.ppi")" '^$' \
	"the PDF keeps at most 300 pixels per inch of the printed size"
sed 's/^/#   /' "$TMP/big.ppi"

# ---- inline images and what cannot be used ----
mkdir -p "$TMP/in" "$TMP/outside"
"$CONVERT" -size 24x24 xc:red "$TMP/in/icon.png"
"$CONVERT" -size 600x400 xc:blue "$TMP/in/chart.png"
"$CONVERT" -size 10x10 xc:green "$TMP/outside/secret.png"
echo "just text" >"$TMP/in/fake.png"
ln -s ../outside/secret.png "$TMP/in/link.png"
python3 - "$TMP/in/huge.png" <<'EOF'
import struct, sys, zlib
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
ihdr = struct.pack(">IIBBBBB", 60000, 60000, 8, 2, 0, 0, 0)
idat = zlib.compress(b"\0" * (1 + 60000 * 3) * 4)
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b""))
EOF
inline_md() {	# inline_md SRC: an article with SRC inside a sentence on line 5
	printf -- '---\ntitle: Inline\n---\n\nText with ![a picture](%s) inside.\n' "$1" >"$TMP/in/a.md"
}
inline_md icon.png
"$MKBOOK" -o "$TMP/in-out" "$TMP/in/a.md" 2>"$TMP/in.err"
is "$?" 0 "an icon inside a sentence: the book is made"
unzip -p "$TMP/in-out"/*.epub OEBPS/text/a01.xhtml >"$TMP/in.xhtml"
like "$(cat "$TMP/in.xhtml")" '<p>Text with <img class="inline" src="../images/[^"]+\.png" alt="a picture"/> inside\.</p>' \
	"EPUB: the icon sits in the line"
pdftoppm -r 100 -f 7 -l 7 "$TMP/in-out"/*.pdf "$TMP/in-p" 2>/dev/null	# the opener, after the cover
python3 - "$TMP"/in-p*.ppm >"$TMP/in.px" <<'EOF'
import re, sys
d = open(sys.argv[1], "rb").read()
m = re.match(rb"P6\s+(\d+)\s+(\d+)\s+\d+\s", d)
w, h = int(m.group(1)), int(m.group(2))
px = d[m.end():]
red = [(i // 3 % w, i // 3 // w) for i in range(0, len(px), 3) if px[i] > 200 and px[i+1] < 60 and px[i+2] < 60]
ys = sorted(set(y for x, y in red))
print(len(ys), len(set(x for x, y in red)))
EOF
like "$(cat "$TMP/in.px")" '^1[0-9] 1[0-9]$' "PDF: the icon is drawn in the line at the text's height"
inline_md chart.png
"$MKBOOK" --dump-model "$TMP/in/a.md" >"$TMP/chart.json" 2>&1
like "$(tr -d '\n' <"$TMP/chart.json")" '"type": "paragraph".*"type": "figure", "line": 5, "image": \{"src": "chart.png"' \
	"a large picture inside a sentence becomes a figure after its paragraph"
for bad in /etc/passwd link.png ../outside/secret.png; do
	inline_md "$bad"
	"$MKBOOK" -o "$TMP/refused" "$TMP/in/a.md" >"$TMP/bad.err" 2>&1
	is "$?" 1 "inline '$bad' is refused"
	like "$(cat "$TMP/bad.err")" "a\.md:5: image '$bad'.*(absolute|outside the content directory)" \
		"inline '$bad': the error names file, line and image"
done
is "$(ls "$TMP/refused" 2>/dev/null)" "" "nothing is written for a refused image"
check_left_out() {	# check_left_out SRC PATTERN WHAT
	inline_md "$1"
	/usr/bin/time -f 'rss=%M' "$MKBOOK" -o "$TMP/lo" "$TMP/in/a.md" >"$TMP/lo.err" 2>&1
	is "$?" 0 "$3: the book is made"
	like "$(cat "$TMP/lo.err")" "a\.md:5: warning: image '$1' $2.*left out" "$3: a warning names file, line and image"
	like "$(unzip -p "$TMP/lo"/*.epub OEBPS/text/a01.xhtml)" "Text with a picture inside" "$3: its words stay"
	"$MKBOOK" --strict -o "$TMP/lo-strict" "$TMP/in/a.md" >"$TMP/lo.err" 2>&1
	is "$?" 1 "$3: an error under --strict"
}
check_left_out fake.png "is not an image file" "a text file named .png"
check_left_out huge.png "is 60000×60000 pixels" "a 60000×60000 PNG"
inline_md huge.png
/usr/bin/time -f '%M' "$MKBOOK" -q -o "$TMP/lo" "$TMP/in/a.md" 2>"$TMP/rss"
like "$(tail -1 "$TMP/rss")" '^[0-9]{4,6}$' "a 60000×60000 PNG is refused from its header (peak $(tail -1 "$TMP/rss") KB)"
check_left_out missing.png "not found" "a missing image"
check_left_out https://example.com/a.png "is on the web" "a remote image"

# ---- damaged past the header: found when the book is read ----
# A header that reads well over data that does not: a PNG whose IDAT is not
# zlib (its CRC right), a JPEG whose scan is garbage up to its end marker, a
# GIF and a WebP cut short, a GIF with garbage after its header. Each is
# left out when the book is read, with a warning naming file, line and
# image, its alt text and caption kept in both books; --strict refuses it.
mkdir -p "$TMP/dmg"
"$CONVERT" -size 200x150 plasma:fractal -quality 90 "$TMP/dmg/good.jpg"
"$CONVERT" -size 200x150 gradient:red-blue "$TMP/dmg/good.png"
"$CONVERT" "$TMP/dmg/good.png" "$TMP/dmg/good.gif"
"$CONVERT" "$TMP/dmg/good.png" "$TMP/dmg/good.webp"
python3 - "$TMP/dmg" <<'EOF'
import os, random, struct, sys, zlib
d = sys.argv[1]
def rd(n): return open(os.path.join(d, n), "rb").read()
def wr(n, b): open(os.path.join(d, n), "wb").write(b)
def chunk(t, b): return struct.pack(">I", len(b)) + t + b + struct.pack(">I", zlib.crc32(t + b) & 0xffffffff)
wr("idat.png", b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 200, 150, 8, 2, 0, 0, 0))
   + chunk(b"IDAT", b"not zlib " * 40) + chunk(b"IEND", b""))
j = rd("good.jpg")
i = j.find(b"\xff\xda"); s = i + 2 + struct.unpack(">H", j[i + 2:i + 4])[0]
random.seed(13)
wr("scan.jpg", j[:s] + bytes(random.choice(range(255)) for _ in range(300)) + b"\xff\xd9")
g = rd("good.gif"); wr("cut.gif", g[:len(g) // 2]); wr("after.gif", g[:40] + b"\0garbage" * 30)
w = rd("good.webp"); wr("cut.webp", w[:len(w) // 2])
for n in ("good.jpg", "good.png", "good.gif", "good.webp"): os.remove(os.path.join(d, n))
EOF
for f in idat.png:PNG scan.jpg:JPEG cut.gif:GIF after.gif:GIF cut.webp:WebP; do
	img=${f%%:*} kind=${f#*:}
	rm -rf "$TMP/dmg-out" "$TMP/dmg-strict"
	printf -- '---\ntitle: Damaged\n---\n\nBefore.\n\n![Alt words of %s](%s "Caption of %s")\n\nAfter.\n' \
		"$img" "$img" "$img" >"$TMP/dmg/a.md"
	"$MKBOOK" -o "$TMP/dmg-out" "$TMP/dmg/a.md" >"$TMP/dmg.err" 2>&1
	is "$?" 0 "$img: both books are made"
	like "$(cat "$TMP/dmg.err")" "a\.md:7: warning: image '$img' is a damaged $kind file.*; it is left out" \
		"$img: the warning names file, line and image, when the book is read"
	like "$(ls "$TMP/dmg-out" | tr '\n' ' ')" '\.epub .*\.pdf' "$img: both files written"
	like "$(unzip -p "$TMP/dmg-out"/*.epub OEBPS/text/a01.xhtml 2>/dev/null)" \
		"<figcaption><span class=\"alt\">Alt words of $img</span> <span class=\"caption\">Caption of $img</span>" \
		"$img: EPUB keeps the alt text and the caption"
	like "$(pdftotext "$TMP/dmg-out"/*.pdf - 2>/dev/null | tr '\n' ' ')" "Alt words of $img Caption of $img" \
		"$img: PDF keeps the alt text and the caption"
	"$MKBOOK" --strict -o "$TMP/dmg-strict" "$TMP/dmg/a.md" >"$TMP/dmg.err" 2>&1
	is "$?" 1 "$img: --strict exits 1"
	like "$(cat "$TMP/dmg.err")" "a\.md:7: image '$img' is a damaged $kind file" "$img: --strict names it"
	is "$(ls "$TMP/dmg-strict" 2>/dev/null)" "" "$img: --strict writes no file"
done

# ---- plain text names its picture ----
mkdir -p "$TMP/txt"
printf 'A headline\n\nBy A Writer\n\nThe body of the article.\n' >"$TMP/txt/01-a.txt"
printf 'Another headline\n\nBy B Writer\n\nThe body of the other.\n' >"$TMP/txt/02-b.txt"
"$CONVERT" -size 300x200 xc:orange "$TMP/txt/01-a.jpg"
"$CONVERT" -size 300x200 xc:purple "$TMP/txt/photo.png"
cat >"$TMP/txt/book.yaml" <<'EOF'
title: Plain text with pictures
articles:
  - 01-a.txt
  - file: 02-b.txt
    image: photo.png
    image-alt: A purple square
    kicker: Analysis
EOF
"$MKBOOK" --dump-model "$TMP/txt" >"$TMP/txt.json"
python3 - "$TMP/txt.json" >"$TMP/txt.out" <<'EOF'
import json, sys
m = json.load(open(sys.argv[1]))
for a in m["articles"]:
    i = a.get("image") or {}
    print(a.get("kicker"), i.get("src"), i.get("alt"), i.get("type"))
EOF
is "$(sed -n 1p "$TMP/txt.out")" "None 01-a.jpg None image/jpeg" "a sidecar picture is the plain-text article's lead"
is "$(sed -n 2p "$TMP/txt.out")" "Analysis photo.png A purple square image/png" \
	"a book.yaml entry names the picture, its words and a kicker"
"$MKBOOK" --dump-model content >"$TMP/sample.json"
like "$(tr -d '\n' <"$TMP/sample.json")" '"image": \{"src": "01-xinjiang.jpg", "alt": "The Palace' \
	"the sample plain-text report shows its lead picture"
"$MKBOOK" -o "$TMP/sample" content 2>/dev/null
like "$(unzip -p "$TMP/sample"/*.epub OEBPS/text/a01.xhtml)" '<figure class="lead"><img src="../images/a01-lead.jpg"' \
	"the sample EPUB holds the lead picture"

done_testing
