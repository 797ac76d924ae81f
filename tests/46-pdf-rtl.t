#!/bin/sh
# Right-to-left articles are mirrored in the PDF, not only their lines: in
# an Arabic article a table's first column is at the right and the table
# flush right; a list's marker hangs at the right of its item, whose indent
# is on the right; a footnote's number and the short rule above the notes
# are at the right. A book in Arabic (book.yaml lang: ar, or only Arabic
# articles) heads its contents with the EPUB's word, "المحتويات", right
# aligned, each entry's page number at the left of its headline. The same
# book in English keeps everything left to right; in an English book an
# Arabic article's contents entry is mirrored, and in an Arabic book an
# English entry is flush right but read left to right. Positions come from
# pdftotext -bbox-layout (Arabic letters come out one word each, so the
# words looked for are Latin ones set inside the Arabic text) and, for the
# rule, from the page drawn by pdftoppm.
. tests/lib.sh
need python3 pdftotext pdftoppm

export SOURCE_DATE_EPOCH=1700000000

mkdir -p "$TMP/ar" "$TMP/en" "$TMP/mixed" "$TMP/armixed"
cat >"$TMP/ar/01-ar.md" <<'EOF'
---
title: جدول وقائمة وحاشية
lang: ar
author: كاتب
---

Justified هذه فقرة عربية فيها حاشية[^1] لاختبار الاتجاه من اليمين إلى اليسار في الصفحة كلها، وهي طويلة بما يكفي لتملأ سطرين على الأقل من عرض الصفحة كاملا.

| Alpha | Beta | Gamma |
| --- | --- | --- |
| واحد | اثنان | ثلاثة |
| أربعة | خمسة | ستة |

- البند Bulleted الأول في القائمة
- البند الثاني في القائمة وهو أطول قليلا من الأول حتى يلتف على سطرين في الصفحة وهكذا

7. البند Numbered السابع
8. الثامن

[^1]: نص Notetext الحاشية هنا.
EOF
cat >"$TMP/ar/book.yaml" <<'EOF'
title: كتاب تجريبي
lang: ar
articles:
  - 01-ar.md
EOF
cat >"$TMP/en/01-en.md" <<'EOF'
---
title: Tables, lists and notes
lang: en
author: A Writer
---

Justified English paragraph with a footnote[^1] to check that left to right stays as it was on the page, long enough to fill two lines of the measure at least.

| Alpha | Beta | Gamma |
| --- | --- | --- |
| one | two | three |
| four | five | six |

- The Bulleted first item
- The second item

7. The Numbered seventh
8. The eighth

[^1]: The Notetext of the note.
EOF
cp "$TMP/en/01-en.md" "$TMP/mixed/01-en.md"
cp "$TMP/ar/01-ar.md" "$TMP/mixed/02-ar.md"
# an Arabic book holding an English article whose headline ends in "?"
cp "$TMP/ar/01-ar.md" "$TMP/armixed/01-ar.md"
sed 's/^title: .*/title: Which way now?/' "$TMP/en/01-en.md" >"$TMP/armixed/02-en.md"
printf 'title: كتاب\nlang: ar\n' >"$TMP/armixed/book.yaml"

ok "an Arabic book builds" $MKBOOK -q --pdf -o "$TMP/ar.pdf" "$TMP/ar"
ok "an English book builds" $MKBOOK -q --pdf -o "$TMP/en.pdf" "$TMP/en"
ok "an English book with an Arabic article builds" $MKBOOK -q --pdf -o "$TMP/mixed.pdf" "$TMP/mixed"
ok "an Arabic article alone builds" $MKBOOK -q --pdf -o "$TMP/one.pdf" "$TMP/ar/01-ar.md"
ok "an Arabic book with an English article builds" $MKBOOK -q --pdf -o "$TMP/armixed.pdf" "$TMP/armixed"

# facts PDF: where things are, one "name=value" a line.
cat >"$TMP/facts.py" <<'PY'
import re, subprocess, sys
import xml.etree.ElementTree as ET
NS = "{http://www.w3.org/1999/xhtml}"
pdf = sys.argv[1]
xml = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True, check=True).stdout
root = ET.fromstring(re.sub(rb"<!DOCTYPE[^>]*>", b"", xml))
pages = []
for p in root.iter(NS + "page"):
    ws = [(w.text or "", float(w.get("xMin")), float(w.get("yMin")), float(w.get("xMax")),
           float(w.get("yMax"))) for w in p.iter(NS + "word")]
    pages.append((float(p.get("width")), ws))
facts = {}
def find(ws, pat):
    return [w for w in ws if re.fullmatch(pat, w[0])]
def same_line(ws, w):
    mid = (w[2] + w[4]) / 2
    return [o for o in ws if o is not w and o[2] < mid < o[4]]
def side(w, others):
    if not others:
        return "alone"
    if w[1] >= max(o[3] for o in others) - 0.5:
        return "right"
    if w[3] <= min(o[1] for o in others) + 0.5:
        return "left"
    return "inside"
# the article's first page: the one with the table
art = next((i for i, (pw, ws) in enumerate(pages) if find(ws, "Alpha")), None)
if art is None:
    print("error=no table found"); sys.exit(0)
pw, ws = pages[art]
# the text block's edges: the first line of the justified paragraph
j = find(ws, "Justified")[0]
line = same_line(ws, j) + [j]
L = min(w[1] for w in line); R = max(w[3] for w in line)
a, b, g = (find(ws, t)[0] for t in ("Alpha", "Beta", "Gamma"))
facts["table"] = ("rtl" if a[1] > b[3] and b[1] > g[3] else
                  "ltr" if a[3] < b[1] and b[3] < g[1] else "mixed")
facts["table_flush"] = ("right" if R - a[3] < 3 else "left" if a[1] - L < 3 else
                        "neither (%.1f..%.1f in %.1f..%.1f)" % (a[1], a[3], L, R))
for name, mark, word in (("bullet", "\u2022", "Bulleted"), ("number", r"\.?7\.?", "Numbered")):
    m = find(ws, mark)
    w = find(ws, word)
    if not m or not w:
        facts[name] = "missing"
        continue
    m, w = m[0], w[0]
    facts[name] = side(m, same_line(ws, m))
    # the item's indent is on the marker's side, the marker inside the block
    # (an indent of 1.6 em: the gap on the other side of a short item is wider)
    gr = R - max(o[3] for o in same_line(ws, m))
    gl = min(o[1] for o in same_line(ws, m)) - L
    facts[name + "_indent"] = ("right" if 10 < gr < 30 else "left" if 10 < gl < 30 else
                               "none (%.1f, %.1f)" % (gl, gr))
    facts[name + "_in_block"] = "yes" if m[1] >= L - 0.5 and m[3] <= R + 0.5 else "no"
# the note: its label "1" on the line of "Notetext", near an edge
n = find(ws, "Notetext")
if n:
    n = n[0]
    lab = [o for o in same_line(ws, n) if o[0] == "1"]
    if lab:
        lab = lab[0]
        facts["note_label"] = side(lab, [o for o in same_line(ws, lab)])
        facts["note_label_edge"] = ("right" if R - lab[3] < 6 else "left" if lab[1] - L < 6 else "neither")
        facts["note_y"] = "%.1f" % n[2]
# the contents: the fifth page (the cover and its inside, title, colophon,
# contents)
pw3, cs = pages[4]
num = [w for w in cs if w[0] == "1"]
if num:
    num = num[0]
    others = same_line(cs, num)
    facts["toc_number"] = side(num, others)
    facts["toc_number_edge"] = ("right" if R - num[3] < 3 else "left" if num[1] - L < 3 else "neither")
    if others:
        facts["toc_entry_flush"] = ("right" if R - max(o[3] for o in others) < 3 * 10.5 + 12 else
                                    "left" if min(o[1] for o in others) - L < 3 else "neither")
top = min(cs, key=lambda w: w[2]) if cs else None
if top:
    head = [w for w in cs if abs(w[2] - top[2]) < 2]
    facts["toc_heading_flush"] = ("right" if R - max(w[3] for w in head) < 3 else
                                  "left" if min(w[1] for w in head) - L < 3 else "neither")
facts["page"] = str(art + 1)
facts["L"] = "%.1f" % L
facts["R"] = "%.1f" % R
for k, v in facts.items():
    print("%s=%s" % (k, v))
PY

# rule PDF PAGE NOTE_Y L R: the side of the footnote rule, a short dark
# line over the notes (between 30 and 100 pt long, from pdftoppm at 72 dpi)
rule() {
	pdftoppm -gray -r 72 -singlefile -f "$2" -l "$2" "$1" "$TMP/rule" &&
	python3 - "$TMP/rule.pgm" "$3" "$4" "$5" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
parts = data.split(maxsplit=4)
w, h = int(parts[1]), int(parts[2])
px = data[len(data) - w * h:]	# P5, one byte a pixel
note_y, L, R = float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
found = []
for y in range(max(0, int(note_y) - 20), min(h, int(note_y))):
    row = px[y * w:(y + 1) * w]
    x = 0
    while x < w:
        if row[x] < 230:
            x0 = x
            while x < w and row[x] < 230:
                x += 1
            if 30 <= x - x0 <= 100:
                found.append((x0, x))
        x += 1
if not found:
    print("none")
else:
    x0, x1 = found[0]
    print("right" if R - x1 < 3 else "left" if x0 - L < 3 else "neither %d..%d" % (x0, x1))
PY
}

fact() { sed -n "s/^$1=//p" "$TMP/$2.facts"; }
for b in ar en mixed one; do
	python3 "$TMP/facts.py" "$TMP/$b.pdf" >"$TMP/$b.facts" 2>&1
done
cat "$TMP/ar.facts" | sed 's/^/# ar: /'

# (a) tables
is "$(fact table ar)" rtl "Arabic: the table's first column is at the right, then the second, the third"
is "$(fact table_flush ar)" right "Arabic: the table is flush right"
is "$(fact table en)" ltr "English: the table's first column is at the left"
is "$(fact table_flush en)" left "English: the table is flush left"
# (b) lists
is "$(fact bullet ar)" right "Arabic: a bullet hangs at the right of its item"
is "$(fact bullet_indent ar)" right "Arabic: a bulleted item is indented on the right"
is "$(fact bullet_in_block ar)" yes "Arabic: the bullet stays inside the text block"
is "$(fact number ar)" right "Arabic: a number hangs at the right of its item"
is "$(fact number_indent ar)" right "Arabic: a numbered item is indented on the right"
is "$(fact bullet en)" left "English: a bullet hangs at the left of its item"
is "$(fact number en)" left "English: a number hangs at the left of its item"
is "$(fact number_indent en)" left "English: a numbered item is indented on the left"
# (c) footnotes
is "$(fact note_label ar)" right "Arabic: the note's number is at the right of its text"
is "$(fact note_label_edge ar)" right "Arabic: the note's number is at the right edge"
is "$(fact note_label en)" left "English: the note's number is at the left of its text"
is "$(fact note_label_edge en)" left "English: the note's number is at the left edge"
is "$(rule "$TMP/ar.pdf" "$(fact page ar)" "$(fact note_y ar)" "$(fact L ar)" "$(fact R ar)")" right \
    "Arabic: the footnote rule is at the right"
is "$(rule "$TMP/en.pdf" "$(fact page en)" "$(fact note_y en)" "$(fact L en)" "$(fact R en)")" left \
    "English: the footnote rule is at the left"
# (d) contents
pdftotext -f 5 -l 5 "$TMP/ar.pdf" "$TMP/ar-toc.txt"
like "$(head -1 "$TMP/ar-toc.txt")" "المحتويات" "Arabic book: the contents are headed المحتويات"
not_ok "Arabic book: no English 'Contents'" grep -q Contents "$TMP/ar-toc.txt"
is "$(fact toc_heading_flush ar)" right "Arabic book: the contents heading is right-aligned"
if command -v mutool >/dev/null 2>&1; then
	like "$(mutool show "$TMP/ar.pdf" outline | head -1)" "المحتويات" \
	    "Arabic book: the outline's first entry is المحتويات"
else
	skip "mutool is not installed"
fi
is "$(fact toc_number ar)" left "Arabic book: an entry's page number is at the left of its headline"
is "$(fact toc_number_edge ar)" left "Arabic book: the page numbers are at the left edge"
is "$(fact toc_entry_flush ar)" right "Arabic book: an entry's headline is right-aligned"
pdftotext -f 5 -l 5 "$TMP/one.pdf" "$TMP/one-toc.txt"
like "$(head -1 "$TMP/one-toc.txt")" "المحتويات" "a book of Arabic articles alone: the contents are headed المحتويات"
is "$(fact toc_heading_flush one)" right "a book of Arabic articles alone: the heading is right-aligned"
pdftotext -f 5 -l 5 "$TMP/en.pdf" "$TMP/en-toc.txt"
like "$(head -1 "$TMP/en-toc.txt")" "^Contents" "English book: the contents are headed Contents"
is "$(fact toc_heading_flush en)" left "English book: the contents heading is left-aligned"
is "$(fact toc_number en)" right "English book: an entry's page number is at the right of its headline"
is "$(fact toc_number_edge en)" right "English book: the page numbers are at the right edge"
# an English book with an Arabic article: the Arabic article mirrored, its
# contents entry too, the English one not
is "$(fact table mixed)" ltr "mixed book: the English article's table runs left to right"
is "$(fact toc_number mixed)" right "mixed book: the English entry's number is at the right"
python3 - "$TMP/mixed.pdf" <<'PY' >"$TMP/mixed-ar.txt"
import re, subprocess, sys
import xml.etree.ElementTree as ET
NS = "{http://www.w3.org/1999/xhtml}"
xml = subprocess.run(["pdftotext", "-bbox-layout", "-f", "5", "-l", "5", sys.argv[1], "-"],
                     capture_output=True, check=True).stdout
root = ET.fromstring(re.sub(rb"<!DOCTYPE[^>]*>", b"", xml))
ws = [(w.text or "", float(w.get("xMin")), float(w.get("yMin")), float(w.get("xMax")), float(w.get("yMax")))
      for w in root.iter(NS + "word")]
# the Arabic entry: the line holding Arabic letters and a page number
for n in (w for w in ws if re.fullmatch(r"\d+", w[0])):
    mid = (n[2] + n[4]) / 2
    line = [o for o in ws if o is not n and o[2] < mid < o[4]]
    if any("\u0600" <= o[0][:1] <= "\u06ff" for o in line):
        print("left" if n[3] <= min(o[1] for o in line) else "right")
PY
is "$(head -1 "$TMP/mixed-ar.txt")" right "mixed book: the Arabic entry's number stays in the book's column, at the right"
# in an Arabic book, an English entry is flush right with its number at
# the left, and read left to right: the "?" ends its last word
python3 - "$TMP/armixed.pdf" <<'PY' >"$TMP/armixed.txt"
import re, subprocess, sys
import xml.etree.ElementTree as ET
NS = "{http://www.w3.org/1999/xhtml}"
xml = subprocess.run(["pdftotext", "-bbox-layout", "-f", "5", "-l", "5", sys.argv[1], "-"],
                     capture_output=True, check=True).stdout
root = ET.fromstring(re.sub(rb"<!DOCTYPE[^>]*>", b"", xml))
ws = [(w.text or "", float(w.get("xMin")), float(w.get("yMin")), float(w.get("xMax")), float(w.get("yMax")))
      for w in root.iter(NS + "word")]
now = [w for w in ws if w[0].startswith("now") or w[0].endswith("now")]
if not now:
    print("no 'now'"); sys.exit()
n = now[0]
mid = (n[2] + n[4]) / 2
line = [o for o in ws if o[2] < mid < o[4]]
num = [o for o in line if re.fullmatch(r"\d+", o[0])]
right = max(o[3] for o in line)
print("word=" + n[0])
print("number=" + ("left" if num and num[0][3] < min(o[1] for o in line if o is not num[0]) else "other"))
print("last=" + ("now?" if n[3] == right else "not last"))
PY
like "$(cat "$TMP/armixed.txt")" "word=now\?" "Arabic book: an English headline keeps its ? after its last word"
like "$(cat "$TMP/armixed.txt")" "number=left" "Arabic book: an English entry's number is at the left"
like "$(cat "$TMP/armixed.txt")" "last=now\?" "Arabic book: an English entry is flush right"

# the corpus's Arabic article still builds
if [ -f "$SHARED/corpus/06-ar-cnn-arabic-syria-rtl.txt" ]; then
	ok "corpus 06 (Arabic) builds" $MKBOOK -q --pdf -o "$TMP/06.pdf" "$SHARED"/corpus/06-ar-*.txt
	pdftotext -f 5 -l 5 "$TMP/06.pdf" "$TMP/06-toc.txt"
	like "$(head -1 "$TMP/06-toc.txt")" "المحتويات" "corpus 06: the contents are headed المحتويات"
else
	skip "../shared/corpus is absent"
fi

done_testing
