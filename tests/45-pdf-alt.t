#!/bin/sh
# Alternative text in the tagged PDF: every /Figure structure element that
# holds an image carries /Alt, taken from the image's alt text, else its
# caption; a figure with neither, or with no image (a caption alone), has
# none. Checked by walking the structure tree in qpdf's JSON, in reading
# order, against the figures the model lists in the same order: for the
# sample book (a caption-only lead figure, then the chart) and for a
# generated book of two articles whose figures have non-ASCII alt text, a
# caption with an unbalanced parenthesis and a backslash, no alt at all.
# The front cover comes first, a figure whose /Alt is the title and the
# authors. The PDF passes qpdf --check, and the page labels (the cover's,
# roman, arabic) and language added by the same post-processing are still
# there.
. tests/lib.sh
need python3 qpdf

export SOURCE_DATE_EPOCH=1700000000

# alts PDF MODEL: the /Alt of each /Figure element, in the order of the
# structure tree, equals what the model's figures (in article order) call for.
alts() {
	qpdf --json "$1" >"$TMP/q.json" 2>"$TMP/q.err" || { cat "$TMP/q.err"; return 1; }
	python3 - "$TMP/q.json" "$2" <<'PY'
import json, sys
q = json.load(open(sys.argv[1])); m = json.load(open(sys.argv[2]))
objs = q["qpdf"][1]
def get(ref):
    return objs["obj:" + ref]["value"] if isinstance(ref, str) and ref.endswith(" R") else ref
def text(s):
    if s is None:
        return None
    if s.startswith("u:"):
        return s[2:]
    raise SystemExit("not a text string: %r" % s)
got = []
def walk(ref, depth=0):
    e = get(ref)
    if not isinstance(e, dict) or depth > 64:
        return
    if e.get("/S") == "/Figure":
        got.append(text(e.get("/Alt")))
    k = e.get("/K")
    for kid in (k if isinstance(k, list) else [k]):
        if isinstance(kid, str) and kid.endswith(" R"):
            walk(kid, depth + 1)
cat = get(objs["trailer"]["value"]["/Root"])
walk(cat["/StructTreeRoot"])
# the front cover first: a figure whose words are the title and authors
b = m["book"]
want = [b["title"] + "".join((" \u2014 " if i == 0 else ", ") + a for i, a in enumerate(b["authors"]))]
def figs(o):
    if isinstance(o, dict):
        if "src" in o and "alt" in o:
            want.append(((o.get("alt") or o.get("caption")) if o.get("src") else None))
            return
        for key, v in o.items():
            figs(v)
    elif isinstance(o, list):
        for v in o:
            figs(v)
for a in m["articles"]:
    figs(a)
if got != want or not want:
    print("structure tree:", got)
    print("model:         ", want)
    sys.exit(1)
print("# %d figures, %d with /Alt" % (len(got), sum(g is not None for g in got)))
PY
}

# ---- the sample book ----
$MKBOOK -q --pdf -o "$TMP/sample.pdf" content 2>"$TMP/err"
ok "sample: the book builds" test -s "$TMP/sample.pdf"
$MKBOOK --dump-model content >"$TMP/sample.json" 2>"$TMP/err"
ok "sample: qpdf --check passes" qpdf --check "$TMP/sample.pdf"
ok "sample: each figure with an image has its alt text as /Alt, the caption-only one none" \
	alts "$TMP/sample.pdf" "$TMP/sample.json"
ok "sample: the lead pictures' and the chart's /Alt are their alt text (the web page's too)" python3 - "$TMP/q.json" <<'PY'
import json, sys
q = json.load(open(sys.argv[1]))
alts = [o["value"]["/Alt"] for o in q["qpdf"][1].values()
        if isinstance(o.get("value"), dict) and "/Alt" in o["value"]]
sys.exit(0 if alts == ["u:Set in Type \u2014 The mkbook authors", "u:The Palace of Westminster at dusk, seen across the river", "u:Bar chart comparing the word spacing of seven lines of one paragraph "
    "set two ways. Filled one line at a time, the spaces stretch by between 13 and 71 per "
    "cent. Broken as a whole, they stay within 50 per cent either way, and three lines are "
    "set slightly tighter than normal instead.", "u:Rows of freshly cast lines of type on a steel galley"] else print(alts) or 1)
PY

# ---- a generated book: two articles, five figures ----
mkdir -p "$TMP/book"
python3 - "$TMP/book" <<'PY'
import os, struct, sys, zlib
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
for name, w, h in (("a.png", 40, 20), ("b.png", 20, 30), ("c.png", 30, 30), ("d.png", 50, 10)):
    rows = b"".join(b"\0" + bytes([30, 90, 200]) * w for y in range(h))
    open(os.path.join(sys.argv[1], name), "wb").write(b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
PY
cat >"$TMP/book/1-first.md" <<'EOF'
---
title: Figures with words
author: A. Writer
date: 2024-01-02
lang: en
image: d.png
image-alt: A lead picture (plain ASCII, with parentheses)
caption: The lead picture's caption, not its alt text.
---
Some text before the first figure.

![Café in Zürich — 北京](a.png "A café")

More text.

![](b.png "Only a caption (unbalanced \ backslash")

The end of the first article.
EOF
cat >"$TMP/book/2-second.md" <<'EOF'
---
title: Figures without words
author: B. Writer
date: 2024-01-03
lang: en
---
A caption with no image, though it names an alt text.

![Ignored alt](<> "Caption only, no image")

An image with neither alt text nor a caption.

![](c.png)

The end.
EOF
$MKBOOK -q --pdf -o "$TMP/book.pdf" "$TMP/book" 2>"$TMP/err"
ok "book: builds" sh -c "test -s '$TMP/book.pdf' || { cat '$TMP/err'; false; }"
$MKBOOK --dump-model "$TMP/book" >"$TMP/book.json" 2>"$TMP/err"
ok "book: qpdf --check passes" qpdf --check "$TMP/book.pdf"
ok "book: /Alt from alt text, else the caption; none without an image or words" \
	alts "$TMP/book.pdf" "$TMP/book.json"
ok "book: the expected /Alt strings, in reading order" python3 - "$TMP/q.json" <<'PY'
import json, sys
q = json.load(open(sys.argv[1])); objs = q["qpdf"][1]
def get(ref):
    return objs["obj:" + ref]["value"] if isinstance(ref, str) and ref.endswith(" R") else ref
got = []
def walk(ref):
    e = get(ref)
    if not isinstance(e, dict):
        return
    if e.get("/S") == "/Figure":
        got.append(e.get("/Alt"))
    k = e.get("/K")
    for kid in (k if isinstance(k, list) else [k]):
        walk(kid)
walk(get(objs["trailer"]["value"]["/Root"])["/StructTreeRoot"])
want = ["u:book \u2014 A. Writer", "u:A lead picture (plain ASCII, with parentheses)", "u:Café in Zürich\u00a0— 北京",
        "u:Only a caption (unbalanced \\ backslash", None, None]
sys.exit(0 if got == want else print(got) or 1)
PY
ok "book: each figure with a picture holds it as content (an MCID), its caption a sibling" \
    python3 - "$TMP/q.json" <<'PY'
import json, sys
q = json.load(open(sys.argv[1])); objs = q["qpdf"][1]
def get(ref):
    return objs["obj:" + ref]["value"] if isinstance(ref, str) and ref.endswith(" R") else ref
bad = []
def walk(ref):
    e = get(ref)
    if not isinstance(e, dict):
        return
    k = e.get("/K")
    kids = k if isinstance(k, list) else [k]
    if e.get("/S") == "/Figure" and e.get("/Alt") is not None:
        # marked content: an integer MCID or an /MCR dictionary
        if not any(isinstance(x, int) or (isinstance(get(x), dict) and "/MCID" in get(x)) for x in kids):
            bad.append(e.get("/Alt"))
    for kid in kids:
        walk(kid)
walk(get(objs["trailer"]["value"]["/Root"])["/StructTreeRoot"])
print("# figures without their picture:", bad)
sys.exit(1 if bad else 0)
PY
# the raw strings: UTF-16BE with a byte order mark for the non-ASCII one,
# an escaped literal for the others
ok "book: non-ASCII alt text is UTF-16BE with a BOM" \
	grep -a -q '/Alt <FEFF00430061006600E9' "$TMP/book.pdf"
ok "book: an ASCII caption is a literal string, parenthesis and backslash escaped" \
	grep -a -q -F '/Alt (Only a caption \(unbalanced \\ backslash)' "$TMP/book.pdf"
ok "book: page labels and the language are still there" python3 - "$TMP/q.json" <<'PY'
import json, sys
q = json.load(open(sys.argv[1])); objs = q["qpdf"][1]
cat = objs["obj:" + objs["trailer"]["value"]["/Root"]]["value"]
sys.exit(0 if len(q["pagelabels"]) == 3 and cat.get("/Lang") == "u:en" else print(cat) or 1)
PY
if command -v pdfinfo >/dev/null 2>&1; then
	like "$(pdfinfo "$TMP/book.pdf" | grep '^Tagged:')" 'yes' "book: pdfinfo still says Tagged: yes"
else
	skip "pdfinfo is absent"
fi

done_testing
