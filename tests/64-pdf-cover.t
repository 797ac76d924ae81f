#!/bin/sh
# The PDF's covers (issue 15, point 2, and the bleed of point 1): the PDF
# starts with its front cover (the generated one, the EPUB's design, or
# book.yaml's cover: picture), labelled "Cover" without a number, tagged as
# a Figure with the title and authors as /Alt, then a blank inside of the
# cover; --no-cover starts with the title page. The cover's ground and
# picture run out into the bleed, and no further (the slug stays white for
# the marks); --crop-marks draws bleed marks beside the trim marks.
# --cover-pdf FILE writes the wrap cover: back (the description), spine (as
# wide as the pages are thick, the title along it) and front, one sheet as
# wide as back + spine + front + 2 x bleed, its TrimBox the wrap.
. tests/lib.sh
need python3 qpdf pdfinfo pdftotext pdftoppm
export SOURCE_DATE_EPOCH=1700000000

# px PDF PAGE RES X Y: the RGB of pixel (X, Y) of PAGE rendered at RES dpi,
# as "r g b".
px() {
	pdftoppm -r "$3" -f "$2" -l "$2" "$1" >"$TMP/px.ppm" || return 1
	python3 - "$TMP/px.ppm" "$4" "$5" <<'PY'
import sys
d = open(sys.argv[1], 'rb').read()
f = d.split(None, 4)
w, h = int(f[1]), int(f[2])
data = f[4]
x, y = int(sys.argv[2]), int(sys.argv[3])
o = (y * w + x) * 3
print(*data[o:o + 3])
PY
}
# dark "r g b": passes when the pixel is not near white.
dark() { set -- $1; [ $(( $1 + $2 + $3 )) -lt 600 ]; }
# white "r g b"
white() { set -- $1; [ $(( $1 + $2 + $3 )) -gt 750 ]; }
# boxes PDF PAGE: "Media …|Trim …" as pdfinfo shows them.
boxes() {
	pdfinfo -box -f "$2" -l "$2" "$1" | awk '/(Media|Trim)Box/ {
	    sub("Box:", "", $3); printf "%s%s %s %s %s %s", s, $3, $4, $5, $6, $7; s = "|" }'
}
clean() {
	qpdf --check "$1" >"$TMP/check" 2>&1 || { cat "$TMP/check"; return 1; }
	! grep -qi warning "$TMP/check" || { cat "$TMP/check"; return 1; }
}

$MKBOOK -q --pdf -o "$TMP/c.pdf" content
$MKBOOK -q --pdf --no-cover -o "$TMP/n.pdf" content
nc=$(pdfinfo "$TMP/c.pdf" | awk '/^Pages:/ { print $2 }')
nn=$(pdfinfo "$TMP/n.pdf" | awk '/^Pages:/ { print $2 }')
is "$nc" "$((nn + 2))" "the cover and its inside are two pages more than --no-cover's"
like "$(pdftotext -f 1 -l 1 "$TMP/c.pdf" - | tr '\n' ' ')" "Set in Type.*THE MKBOOK AUTHORS" \
    "page 1 is the generated cover: the title and the authors, set in vectors"
is "$(pdftotext -f 2 -l 2 "$TMP/c.pdf" - | tr -d ' \n\f')" "" "page 2, the inside of the cover, is blank"
is "$(pdftotext -f 3 -l 3 "$TMP/c.pdf" - | head -1)" "$(pdftotext -f 1 -l 1 "$TMP/n.pdf" - | head -1)" \
    "page 3 is the title page, page 1 under --no-cover"
ok "the cover's pages are labelled Cover, no number; the title page is i" python3 - "$TMP/c.pdf" "$TMP/n.pdf" <<'PY'
import json, subprocess, sys
def labels(p):
    return json.loads(subprocess.run(['qpdf', '--json', p], capture_output=True).stdout)['pagelabels']
c, n = labels(sys.argv[1]), labels(sys.argv[2])
assert c[0] == {'index': 0, 'label': {'/P': 'u:Cover', '/St': 1}}, c
assert c[1]['index'] == 2 and c[1]['label']['/S'] == '/r', c
assert n[0]['index'] == 0 and n[0]['label']['/S'] == '/r' and len(n) == 2, n
PY
ok "the cover is the structure's first element: a Figure whose /Alt is the title and authors" \
    python3 - "$TMP/c.pdf" <<'PY'
import json, subprocess, sys
q = json.loads(subprocess.run(['qpdf', '--json', sys.argv[1]], capture_output=True).stdout)
objs = {k[4:]: v.get('value') for k, v in q['qpdf'][1].items() if k.startswith('obj:')}
def kids(o):
    return o['/K'] if isinstance(o['/K'], list) else [o['/K']]
root = [o for o in objs.values() if isinstance(o, dict) and o.get('/Type') == '/StructTreeRoot'][0]
doc = objs[kids(root)[0]]
assert doc['/S'] == '/Document', doc
first = objs[kids(doc)[0]]
assert first['/S'] == '/Figure', first
assert first['/Alt'] == 'u:Set in Type \u2014 The mkbook authors', first['/Alt']
PY
ok "the cover: qpdf --check clean" clean "$TMP/c.pdf"

# the bleed: the ground runs out to the media's edge with --bleed, to the
# bleed's edge and not into the slug with --crop-marks
$MKBOOK -q --pdf --bleed 3mm -o "$TMP/b.pdf" content
ok "--bleed 3mm: the cover's ground reaches the media's corner" dark "$(px "$TMP/b.pdf" 1 72 1 1)"
ok "--bleed 3mm: the title page's corner stays white" white "$(px "$TMP/b.pdf" 3 72 1 1)"
$MKBOOK -q --pdf --crop-marks -o "$TMP/m.pdf" content
ok "--crop-marks: qpdf --check clean with the cover's bleed" clean "$TMP/m.pdf"
# the slug is 5 mm (14.17 pt), the bleed 3 mm (8.50 pt): at 288 dpi (4 px a
# pt) the bleed starts at 56.7 px from the media's edge, the trim at 90.7
ok "--crop-marks: the slug outside the bleed is white" white "$(px "$TMP/m.pdf" 1 288 30 300)"
ok "--crop-marks: the bleed (outside the trim) holds the ground" dark "$(px "$TMP/m.pdf" 1 288 70 300)"
# a bleed mark: in line with the bleed's top edge (56.7 px down), from 1 pt
# outside the bleed to half the slug (x 28 to 53 px)
ok "--crop-marks: a bleed mark in line with the bleed's edge, outside it" python3 - "$TMP/m.pdf" <<'PY'
import subprocess, sys
d = subprocess.run(['pdftoppm', '-r', '288', '-f', '3', '-l', '3', '-gray', sys.argv[1]],
                   capture_output=True).stdout
f = d.split(None, 4); w = int(f[1]); px = f[4]
col = [px[y * w + 40] for y in range(50, 64)]
assert min(col) < 200, col          # the bleed mark, at y = 56.7
col = [px[y * w + 40] for y in range(84, 98)]
assert min(col) < 200, col          # the trim mark, at y = 90.7
col = [px[y * w + 40] for y in range(62, 82)]
assert min(col) > 240, col          # nothing between them
PY
pdftoppm -png -r 60 -f 1 -l 1 "$TMP/m.pdf" "$TMP/look"
ok "a cover with crop marks renders at 60 dpi" sh -c "ls '$TMP'/look-*1.png"

# book.yaml's cover picture, run out into the bleed
mkdir "$TMP/pic"
cp content/*.txt "$TMP/pic/"
python3 - "$TMP/pic/cover.png" 420 595 <<'PY'
import struct, sys, zlib
w, h = int(sys.argv[2]), int(sys.argv[3])
raw = b''.join(b'\0' + bytes((20, 90, 60)) * w for _ in range(h))
def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d))
open(sys.argv[1], 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0))
    + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))
PY
printf 'title: A Green Book\nauthor: Ann Author\ncover: cover.png\n' >"$TMP/pic/book.yaml"
$MKBOOK --pdf --bleed 3mm -o "$TMP/pic.pdf" "$TMP/pic" 2>"$TMP/pic.err"
is "$(px "$TMP/pic.pdf" 1 72 1 1)" "20 90 60" "book.yaml's cover picture fills page 1 out to the bleed's corner"
not_ok "a picture in the page's proportions is cut without a warning" grep -q "cut off" "$TMP/pic.err"
python3 - "$TMP/pic/cover.png" 800 595 <<'PY'
import struct, sys, zlib
w, h = int(sys.argv[2]), int(sys.argv[3])
raw = b''.join(b'\0' + bytes((20, 90, 60)) * w for _ in range(h))
def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d))
open(sys.argv[1], 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0))
    + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))
PY
$MKBOOK --pdf -o "$TMP/wide.pdf" "$TMP/pic" 2>"$TMP/wide.err"
like "$(cat "$TMP/wide.err")" "cover.png: warning: the cover picture \(800x595 pixels\) is not in the page's proportions.*of its width is cut off" \
    "a wide picture: the warning says how much of its width is cut off"

# the wrap cover of a book of about 300 A5 pages
mkdir "$TMP/big"
python3 - "$TMP/big/long.txt" <<'PY'
import random, sys
random.seed(1)
w = ("the lighthouse keeper walked along the shore at dawn counting the boats that came "
     "back from the night with their catch and the gulls that followed them in").split()
with open(sys.argv[1], 'w') as f:
    f.write("A long article for the spine\n\n")
    for p in range(1950):
        f.write(' '.join(random.choice(w) for _ in range(60)).capitalize() + '.\n\n')
PY
printf 'title: The Lighthouse Keepers\nauthor: Ann Author\ndescription: A blurb for the back cover, about lighthouses.\n' \
    >"$TMP/big/book.yaml"
$MKBOOK -q --pdf --no-cover --paper a5 --bleed 3mm --paper-thickness 0.1mm --cover-pdf "$TMP/wrap.pdf" \
    -o "$TMP/big.pdf" "$TMP/big"
pages=$(pdfinfo "$TMP/big.pdf" | awk '/^Pages:/ { print $2 }')
ok "the book is about 300 pages ($pages)" test "$pages" -ge 280 -a "$pages" -le 320
ok "the wrap cover is one page" test "$(pdfinfo "$TMP/wrap.pdf" | awk '/^Pages:/ { print $2 }')" = 1
ok "the wrap: qpdf --check clean" clean "$TMP/wrap.pdf"
# back and front 148 mm (419.53 pt), the spine a 0.1 mm sheet for each two
# pages, 3 mm (8.50 pt) of bleed on each side
# boxes_are PDF MEDIA_W TRIM_W B H: the MediaBox -B -B MEDIA_W-B H+B and
# the TrimBox 0 0 TRIM_W H, to the hundredth of a point
boxes_are() {
	python3 - "$(boxes "$1" 1)" "$2" "$3" "$4" "$5" <<'PY'
import sys
got = [[float(v) for v in part.split()[1:]] for part in sys.argv[1].split('|')]
mw, tw, b, h = (float(v) for v in sys.argv[2:])
want = [[-b, -b, mw - b, h + b], [0, 0, tw, h]]
for g, w in zip(got, want):
    assert all(abs(x - y) < 0.011 for x, y in zip(g, w)), (got, want)
PY
}
spine=$(python3 -c "import math; print(math.ceil($pages / 2) * 0.1 / 25.4 * 72)")
b=$(python3 -c "print(3 / 25.4 * 72)")
a5w=$(python3 -c "print(148 / 25.4 * 72)")
a5h=$(python3 -c "print(210 / 25.4 * 72)")
ok "MediaBox width = back + spine ($pages pages at 0.1 mm a sheet) + front + 2 x bleed; TrimBox the wrap" \
    boxes_are "$TMP/wrap.pdf" "$(python3 -c "print(2 * $a5w + $spine + 2 * $b)")" \
    "$(python3 -c "print(2 * $a5w + $spine)")" "$b" "$a5h"
txt=$(pdftotext -raw "$TMP/wrap.pdf" - | tr '\n' ' ')
like "$txt" "A blurb for the back cover, about lighthouses" "the back holds the book's description"
is "$(printf '%s' "$txt" | grep -o 'The Lighthouse Keepers' | wc -l)" 2 "the title twice: along the spine and on the front"
like "$txt" "A ?N ?N +A ?U ?T ?H ?O ?R.*ANN AUTHOR" "the authors on the spine (tracked) and the front"
$MKBOOK -q --pdf --no-cover --paper a5 --paper-thickness 444ppi --cover-pdf "$TMP/wrap2.pdf" \
    -o "$TMP/big2.pdf" "$TMP/big"
spine=$(python3 -c "import math; print(math.ceil($pages / 2) * 2 / 444 * 72)")
ok "--paper-thickness 444ppi: the spine is the pages over 444 inches (no bleed)" \
    boxes_are "$TMP/wrap2.pdf" "$(python3 -c "print(2 * $a5w + $spine)")" \
    "$(python3 -c "print(2 * $a5w + $spine)")" 0 "$a5h"
$MKBOOK --pdf --no-cover --paper a5 --cover-pdf "$TMP/thin.pdf" -o "$TMP/thin-book.pdf" content 2>"$TMP/thin.err"
like "$(cat "$TMP/thin.err")" "the spine is [0-9.]+ mm wide .*too narrow for its title" "a thin book's spine is left plain, and the warning says why"
is "$(pdftotext "$TMP/thin.pdf" - | grep -c 'Set in Type')" 1 "and its title is on the front only"

out=$($MKBOOK --epub --cover-pdf "$TMP/x.pdf" -o "$TMP/x.epub" content 2>&1); rc=$?
is "$rc" 2 "--cover-pdf without the PDF is bad usage"
like "$out" "--cover-pdf needs the PDF" "and the error says why"
out=$($MKBOOK --pdf --paper-thickness 3furlongs -o "$TMP/x.pdf" content 2>&1); rc=$?
is "$rc" 2 "--paper-thickness 3furlongs is bad usage"
like "$out" "expected the thickness of a sheet" "and the error says what a thickness is"
not_ok "and nothing is written" test -e "$TMP/x.pdf"
done_testing
