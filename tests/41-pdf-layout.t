#!/bin/sh
# The PDF's layout, from the typesetter's own figures (MKBOOK_LAYOUT_STATS)
# and from the text's positions: no widow and no orphan in the sample book
# and the corpus books, no heading left without two lines after it, no
# figure parted from its caption, every footnote begun on its reference's
# page, nothing below the text block (tests/43-pages.t has the stress books); a book's measure (60-75 characters a line); no
# justified line past the measure (../shared/tools/pdf-typo-stats.py, whose
# other figures are printed for the record).
. tests/lib.sh
need python3 pdftotext

# layout NAME INPUT…: build, then check the layout's own figures.
layout() {
	_name=$1
	shift
	if MKBOOK_LAYOUT_STATS="$TMP/stats.json" $MKBOOK -q --pdf -o "$TMP/$_name.pdf" "$@" 2>"$TMP/err"; then
		ok "$_name: builds" true
	else
		ok "$_name: builds" sh -c "cat '$TMP/err'; false"
		return
	fi
	ok "$_name: no widow and no orphan (the layout's own count)" python3 - "$TMP/stats.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
print(s)
sys.exit(0 if s["widows_orphans"] == 0 and s["pages"] > 0 else 1)
PY
	ok "$_name: headings kept with what follows, figures with captions, notes on their pages, nothing below the text block" python3 - "$TMP/stats.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
sys.exit(0 if s["headings_stranded"] == 0 and s["figures_split"] == 0 and s["overflows"] == 0
         and s["max_bottom"] <= s["body_h"] + 0.01 and s["notes_placed"] == s["notes"]
         and s["notes_late"] == 0 and s["notes_gaps"] == 0 else 1)
PY
}

# measure PDF: the median length of full body lines, in characters.
measure() {
	pdftotext "$1" - | python3 -c '
import sys, statistics
lines = [l for l in sys.stdin.read().splitlines() if len(l) > 45]
print(int(statistics.median(lines and [len(l) for l in lines] or [0])))'
}

layout sample content
m=$(measure "$TMP/sample.pdf")
ok "sample: a book measure, 60-75 characters a line (median $m)" test "$m" -ge 60 -a "$m" -le 75

need_shared
for f in "$SHARED"/corpus/*.txt; do
	layout "$(basename "$f" .txt)" "$f"
done
layout edf "$SHARED"/corpus/0[1-5]-*.txt
m=$(measure "$TMP/edf.pdf")
ok "English, German, French: 60-75 characters a line (median $m)" test "$m" -ge 60 -a "$m" -le 75
if [ -f "$SHARED/tools/pdf-typo-stats.py" ]; then
	python3 "$SHARED/tools/pdf-typo-stats.py" "$TMP/edf.pdf" --json >"$TMP/typo.json"
	sed 's/^/# pdf-typo-stats: /' "$TMP/typo.json"
	ok "English, German, French: no justified line runs past the measure" python3 - "$TMP/typo.json" <<'PY'
import json, sys
sys.exit(0 if json.load(open(sys.argv[1]))["overfull"] == 0 else 1)
PY
else
	skip "pdf-typo-stats.py is absent"
fi

# The byline's date: after a middle dot on the byline's line when it fits,
# else on a line of its own; never a dot left at a line's end or start.
mkdir -p "$TMP/by"
cp "$SHARED"/corpus/0[1-5]-*.txt "$TMP/by/"
for paper in a4 letter a5; do
	$MKBOOK -q --pdf --paper $paper -o "$TMP/by-$paper.pdf" "$TMP/by" &&
	    pdftotext -layout "$TMP/by-$paper.pdf" "$TMP/by-$paper.txt"
	ok "byline, $paper: no middle dot ends or starts a line" python3 - "$TMP/by-$paper.txt" <<'PY'
import sys
lines = [l.strip() for l in open(sys.argv[1], encoding="utf-8")]
bad = [l for l in lines if l.endswith("\u00b7") or l.startswith("\u00b7")]
print("#", bad[:3])
sys.exit(1 if bad else 0)
PY
done
ok "byline, a4: a date after a middle dot on the byline's line" python3 -c '
import re, sys
t = open(sys.argv[1], encoding="utf-8").read()
sys.exit(0 if re.search(r"\S\s+\u00b7\s+\w+ \d+, 20\d\d", t) else 1)' "$TMP/by-a4.txt"

# Figures: a picture is never enlarged past 150 pixels an inch (a 40-pixel
# icon stays small, a 1,400-pixel one fills what it may); a tall lead
# picture is made smaller so that the head (kicker to the rule under the
# caption) stands whole on one page with the text's first lines and their
# footnote; a date
# written the ISO way is shown in words.
need pdfimages
mkdir -p "$TMP/img/images"
python3 - "$TMP/img" <<'PY' || exit 1
import os, struct, sys, zlib
top = sys.argv[1]
def png(path, w, h):
    def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
    raw = b"".join(b"\0" + bytes(((x * 255 // w) ^ (y * 255 // h)) & 0xff for x in range(w)) for y in range(h))
    open(path, "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
                           + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
png(os.path.join(top, "images", "tall.png"), 600, 1400)
png(os.path.join(top, "images", "tiny.png"), 40, 30)
# tall lead pictures under heads of twelve heights (a standfirst a few
# words longer each time), so that some caption ends near a page's foot
os.makedirs(os.path.join(top, "lead", "images"))
for k in range(12):
    png(os.path.join(top, "lead", "images", "p%02d.png" % k), 300, 1200)
    open(os.path.join(top, "lead", "a%02d.md" % k), "w").write("""---
title: Lead picture %d with a headline long enough to take two lines
kicker: "Long read:"
standfirst: A standfirst that runs on in the opener, as they do in the papers every day %s.
author: [Ana Lima, Bo Chen]
role: Staff writers
date: 2024-03-03
image: images/p%02d.png
caption: The caption of picture %d, which runs on for a line or two when it is set under it.
---

Article %d begins here.[^n] %s

[^n]: A footnote to the first paragraph, which must share the opener's page with it, set on two lines or so.
""" % (k, " ".join(["and more"] * (3 * k)), k, k, k,
       " ".join(["The page is a unit of reading and a column of type must stand on it."] * 12)))
body = " ".join(["The page is a unit of reading and a column of type must stand on it without loose ends."] * 8)
open(os.path.join(top, "s.md"), "w").write("""---
title: A tall lead picture with a long headline that takes several lines to set in full
standfirst: A standfirst of some length that goes on for two lines or so in the opener of this article.
author: Test Desk
date: 2024-03-03
image: images/tall.png
caption: A caption for the tall picture, which runs to two lines or perhaps even more than that when set.
credit: "Photograph: Test"
---

%s

![A tiny icon](images/tiny.png)

%s
""" % (body, body))
PY
ok "figures: builds" $MKBOOK -q --pdf -o "$TMP/img.pdf" "$TMP/img/s.md"
pdfimages -list "$TMP/img.pdf" >"$TMP/img.list"
ok "figures: no picture drawn at under 150 pixels an inch" awk 'NR > 2 && $13 < 149 { bad = 1 } END { exit bad }' "$TMP/img.list"
ok "figures: the 40-pixel icon is drawn 40/150 inch wide, not across the measure" \
    awk 'NR > 2 && $4 == 40 && $13 >= 149 && $13 <= 151 { found = 1 } END { exit !found }' "$TMP/img.list"
$MKBOOK -q --pdf -o "$TMP/lead.pdf" "$TMP/img/lead"
pdfimages -list "$TMP/lead.pdf" >"$TMP/lead.list"
ok "figures: under twelve lead pictures, the head (headline to the opener's rule) stands whole on the picture's page with the text's first lines" \
    python3 - "$TMP/lead.pdf" "$TMP/lead.list" <<'PY'
import subprocess, sys
pdf = sys.argv[1]
pages = [int(l.split()[0]) for l in open(sys.argv[2]).read().splitlines()[2:]]
def text(p):
    return subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), pdf, "-"],
                          capture_output=True, text=True).stdout
bad = 0
for k, p in enumerate(pages):
    t = " ".join(text(p).split())
    rule = ".54902 .137255 .0941176" in subprocess.run(["mutool", "trace", pdf, str(p)],
        capture_output=True, text=True).stdout
    head = "Lead picture %d with a headline long enough to take two lines" % k
    if head not in t or not rule:
        bad += 1
        print("# picture %d, page %d: headline whole %s, rule there %s" % (k, p, head in t, rule))
    if "Article %d begins here" % k not in t:
        bad += 1
        print("# picture %d: the text does not begin on its page" % k)
sys.exit(1 if bad or len(pages) != 12 else 0)
PY
p=$(awk 'NR > 2 && $4 == 600 { print $1 }' "$TMP/img.list")
like "$(pdftotext -f $p -l $p "$TMP/img.pdf" - | grep 'Test Desk')" "3 March 2024" "figures: the byline shows an ISO date in words"

# A table wider than the measure: set smaller, with narrower gutters, each
# column at least as wide as its longest number or word, so that no number
# and no short word is cut (114,963,|588 and Ethiopi|an were); on a4 and
# a5. (On a page much narrower still, 70% of the body is the least size,
# and such a table's words are cut where they must be.)
mkdir -p "$TMP/wide"
cat >"$TMP/wide/w.md" <<'EOF'
---
title: A table that is too wide
lang: en
---

Populations, by country.

| Country | Population 2020 | Population 2025 | Change | Capital city | Official languages | Currency |
| --- | ---: | ---: | ---: | --- | --- | --- |
| Federal Democratic Republic of Ethiopia | 114,963,588 | 129,719,719 | +12.8% | Addis Ababa | Amharic, Oromo, Somali, Tigrinya, Afar | Ethiopian birr |
| Germany | 83,240,525 | 84,075,075 | +1.0% | Berlin | German | Euro |
EOF
for paper in a4 a5; do
	$MKBOOK -q --pdf --paper $paper -o "$TMP/wide-$paper.pdf" "$TMP/wide/w.md"
	ok "wide table, $paper: no number or short word is cut" python3 - "$TMP/wide-$paper.pdf" <<'PY'
import re, subprocess, sys
words = []
for w in subprocess.run(["pdftotext", "-bbox-layout", sys.argv[1], "-"], capture_output=True,
                        text=True).stdout.split("<word ")[1:]:
    words.append(re.sub(r"<.*", "", w.split(">", 1)[1]).strip())
want = ["114,963,588", "129,719,719", "83,240,525", "84,075,075", "+12.8%", "+1.0%",
        "Ethiopian", "Germany", "Berlin", "Amharic,", "Tigrinya,"]
missing = [w for w in want if w not in words]
print("# cut:", missing)
sys.exit(1 if missing else 0)
PY
done

# A code block keeps its indentation (a tab to the next multiple of four);
# a line too long for the measure wraps two columns further in.
mkdir -p "$TMP/code"
printf -- '---\ntitle: Code\n---\n\nSome text.\n\n```\ndef f(x):\n    if x:\n        return 1\n\treturn "a very long line of code that will certainly not fit in the measure of a book page at all, no"\n```\n\nMore text.\n' >"$TMP/code/c.md"
$MKBOOK -q --pdf -o "$TMP/code.pdf" "$TMP/code/c.md"
printf -- '---\ntitle: Code2\n---\n\n```\nfits_0123456789_0123456789_0123456789_0123456789_0123456789_012\n```\n' >"$TMP/code/d.md"
$MKBOOK -q --pdf -o "$TMP/code2.pdf" "$TMP/code/d.md"
ok "code: a line as wide as the measure (63 characters) stays whole" \
    sh -c "pdftotext -layout '$TMP/code2.pdf' - | grep -q 'fits_0123456789_0123456789_0123456789_0123456789_0123456789_012'"
ok "code: indentation kept, wrapped lines hang further in" python3 - "$TMP/code.pdf" <<'PY'
import re, subprocess, sys
x = {}
for line in subprocess.run(["pdftotext", "-bbox-layout", sys.argv[1], "-"], capture_output=True,
                           text=True).stdout.split("<line ")[1:]:
    words = re.findall(r'<word xMin="([\d.]+)"[^>]*>([^<]*)<', line)
    if words:
        x.setdefault(words[0][1], []).append(float(words[0][0]))
d, i, r, fit = x["def"][0], x["if"][0], x["return"], x["fit"][0]
print("# def %.1f if %.1f return %s fit %.1f" % (d, i, r, fit))
sys.exit(0 if d < i < r[0] and abs(r[1] - i) < 0.5 and fit > r[1] + 1 else 1)
PY

done_testing
