#!/bin/sh
# The PDF for the print shop: every page has a TrimBox (the paper asked
# for) and a BleedBox; --bleed (or the theme's bleed:) grows the media by
# the bleed on every side; --crop-marks adds a 5 mm slug with trim marks
# (and a 3 mm bleed when none is asked for); the catalog carries XMP
# metadata that matches the document information and an sRGB output
# intent; qpdf --check is clean and every font is embedded.
. tests/lib.sh
need python3 qpdf pdffonts pdfinfo
export SOURCE_DATE_EPOCH=1700000000

# boxes PDF PAGE: "Media x0 y0 x1 y1|Bleed …|Trim …" as pdfinfo shows them.
boxes() {
	pdfinfo -box -f "$2" -l "$2" "$1" | awk '/(Media|Bleed|Trim)Box/ {
	    sub("Box:", "", $3); printf "%s%s %s %s %s %s", s, $3, $4, $5, $6, $7; s = "|" }'
}

# clean PDF: qpdf --check passes without a warning, every font embedded.
clean() {
	qpdf --check "$1" >"$TMP/check" 2>&1 || { cat "$TMP/check"; return 1; }
	! grep -qi warning "$TMP/check" || { cat "$TMP/check"; return 1; }
	pdffonts "$1" | awk 'NR > 2 && $(NF-4) != "yes" { print; bad = 1 } END { exit bad || NR < 3 }'
}

$MKBOOK -q --pdf -o "$TMP/plain.pdf" content
is "$(boxes "$TMP/plain.pdf" 1)" "Media 0.00 0.00 595.28 841.89|Bleed 0.00 0.00 595.28 841.89|Trim 0.00 0.00 595.28 841.89" \
    "no bleed: MediaBox = BleedBox = TrimBox = A4"
ok "no bleed: qpdf --check clean, every font embedded" clean "$TMP/plain.pdf"

$MKBOOK -q --pdf --bleed 3mm -o "$TMP/bleed.pdf" content
n=$(pdfinfo "$TMP/bleed.pdf" | awk '/^Pages:/ { print $2 }')
is "$(boxes "$TMP/bleed.pdf" 1)" "Media -8.50 -8.50 603.78 850.39|Bleed -8.50 -8.50 603.78 850.39|Trim 0.00 0.00 595.28 841.89" \
    "--bleed 3mm on A4: the media and the bleed box 3 mm beyond the trim on every side"
is "$(boxes "$TMP/bleed.pdf" "$n")" "$(boxes "$TMP/bleed.pdf" 1)" "the last page ($n) has the same boxes as the first"
ok "--bleed 3mm: qpdf --check clean, every font embedded" clean "$TMP/bleed.pdf"
pdftotext -f 2 -l 2 "$TMP/plain.pdf" "$TMP/plain.txt"
pdftotext -f 2 -l 2 "$TMP/bleed.pdf" "$TMP/bleed.txt"
ok "the bleed leaves the words where they were" cmp "$TMP/plain.txt" "$TMP/bleed.txt"

cp -R templates/default "$TMP/th"
echo "bleed: 0.125in" >>"$TMP/th/theme.yaml"
$MKBOOK -q --pdf --theme "$TMP/th" -o "$TMP/th.pdf" content
is "$(boxes "$TMP/th.pdf" 1)" "Media -9.00 -9.00 604.28 850.89|Bleed -9.00 -9.00 604.28 850.89|Trim 0.00 0.00 595.28 841.89" \
    "the theme's bleed: 0.125in"

$MKBOOK -q --pdf --crop-marks -o "$TMP/marks.pdf" content
is "$(boxes "$TMP/marks.pdf" 1)" "Media -22.68 -22.68 617.95 864.57|Bleed -8.50 -8.50 603.78 850.39|Trim 0.00 0.00 595.28 841.89" \
    "--crop-marks: a 3 mm bleed and a 5 mm slug beyond it"
ok "--crop-marks: qpdf --check clean, every font embedded" clean "$TMP/marks.pdf"
qpdf --qdf --object-streams=disable "$TMP/marks.pdf" "$TMP/marks-q.pdf"
ok "--crop-marks: the marks are drawn (an artifact of hairlines in the slug)" \
    grep -aq "Q q /Artifact BMC 0.25 w 0 G" "$TMP/marks-q.pdf"
$MKBOOK -q --pdf --crop-marks -o "$TMP/marks2.pdf" content
ok "--crop-marks: two builds are byte-identical" cmp "$TMP/marks.pdf" "$TMP/marks2.pdf"

out=$($MKBOOK --pdf --bleed 3furlongs -o "$TMP/bad.pdf" content 2>&1); rc=$?
is "$rc" 2 "--bleed 3furlongs is bad usage"
like "$out" "bleed 3furlongs: expected a length" "and the error says what a bleed is"
not_ok "and nothing is written" test -e "$TMP/bad.pdf"
out=$($MKBOOK --pdf --bleed 30mm -o "$TMP/bad.pdf" content 2>&1); rc=$?
is "$rc" 2 "--bleed 30mm is out of range"

# the XMP packet against the document information
pdfinfo "$TMP/marks.pdf" >"$TMP/info"
ok "XMP: dc:title, dc:creator, dates and producer match the information dictionary" \
    python3 - "$TMP/marks-q.pdf" "$TMP/info" "$TMP/marks.pdf" <<'PY'
import re, sys
d = open(sys.argv[1], 'rb').read().decode('utf-8', 'replace')
info = dict(l.split(':', 1) for l in open(sys.argv[2]) if ':' in l)
info = {k: v.strip() for k, v in info.items()}
m = re.search(r'<\?xpacket begin.*?<\?xpacket end="w"\?>', d, re.S)
assert m, 'no XMP packet'
x = m.group(0)
raw = open(sys.argv[3], 'rb').read().decode('latin1')
cat = [o for o in raw.split('endobj') if '/Type /Catalog' in o][-1]
assert '/Metadata' in cat, 'the newest catalog has no /Metadata'
title = re.search(r'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">(.*?)</rdf:li>', x).group(1)
assert title == info['Title'], (title, info['Title'])
who = re.findall(r'<rdf:li>(.*?)</rdf:li>', re.search(r'<dc:creator>(.*?)</dc:creator>', x).group(1))
assert ', '.join(who) == info['Author'], (who, info['Author'])
assert '<xmp:CreateDate>2023-11-14T22:13:20Z</xmp:CreateDate>' in x, 'the creation date'
assert '<pdf:Producer>%s</pdf:Producer>' % info['Producer'] in x, 'the producer'
assert '<xmp:CreatorTool>%s</xmp:CreatorTool>' % info['Creator'] in x, 'the creator tool'
assert 'pdfaid' not in x and 'GTS_PDFX' not in d, 'no conformance is claimed'
PY
if [ -r /usr/share/color/icc/sRGB.icc ]; then
	ok "an sRGB output intent with the ICC profile embedded" \
	    python3 -c 'import re,sys; d=open(sys.argv[1],"rb").read(); assert re.search(rb"/OutputIntents \[ << /Type /OutputIntent /S /GTS_PDFA1\s+/OutputConditionIdentifier \(sRGB IEC61966-2.1\).*?/DestOutputProfile \d+ 0 R", d, re.S)' "$TMP/marks.pdf"
else
	skip "no /usr/share/color/icc/sRGB.icc (icc-profiles-free): no output intent to check"
fi
done_testing
