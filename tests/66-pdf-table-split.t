#!/bin/sh
# A table row taller than the room left on a page is cut between its lines
# and goes on at the next page (issue 15 point 5): it stays one TR in the
# structure tree, and each of its cells one TD whose marked content is on
# both pages; the parent tree names that TD for every part, so nothing in
# the tree points to a part that is no longer there.
. tests/lib.sh
need python3 pdftotext qpdf
export SOURCE_DATE_EPOCH=1700000000

python3 - "$TMP/tall.html" <<'PY'
import sys
long = " ".join(["This cell holds a long account of what happened, sentence after sentence, "
                 "so that its row is taller than the page has room left for."] * 30)
other = " ".join(["A second column with words of its own that also run on."] * 25)
html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Tall rows</title></head>
<body><article><h1>Tall rows</h1>
<p>{"Some text before the table fills part of the page. " * 20}</p>
<table><thead><tr><th>Year</th><th>Account</th><th>Comment</th></tr></thead>
<tbody><tr><td>1990</td><td>Short.</td><td>Short too.</td></tr>
<tr><td>1991</td><td><a href="https://example.org/report">The report</a>: {long}</td><td>{other}</td></tr>
<tr><td>1992</td><td>Short.</td><td>Short too.</td></tr></tbody></table>
<p>After the table.</p></article></body></html>"""
open(sys.argv[1], "w").write(html)
PY
$MKBOOK -q --pdf -o "$TMP/t.pdf" "$TMP/tall.html"
ok "qpdf --check is clean" qpdf --check "$TMP/t.pdf"
n=0
for i in $(seq 1 "$(pdfinfo "$TMP/t.pdf" | awk '/^Pages:/ {print $2}')"); do
	pdftotext -f "$i" -l "$i" "$TMP/t.pdf" - | grep -q "sentence after sentence" && n=$((n + 1))
done
ok "the tall row is cut across pages (on $n)" test "$n" -ge 2
qpdf --json "$TMP/t.pdf" >"$TMP/q.json"
ok "one TR per row, three cells in the tall row, each one element on both pages" \
    python3 - "$TMP/q.json" <<'PY'
import json, sys
objs = json.load(open(sys.argv[1]))["qpdf"][1]
def get(ref):
    return objs["obj:" + ref]["value"] if isinstance(ref, str) and ref.endswith(" R") else ref
def kl(e):
    k = e.get("/K", [])
    return k if isinstance(k, list) else [k]
def kids(e):
    return [get(r) for r in kl(e) if isinstance(get(r), dict) and "/S" in get(r)]
def pages(e):
    out = set()
    for k in kl(e):
        v = get(k)
        if isinstance(k, int):
            out.add(e.get("/Pg"))
        elif isinstance(v, dict) and v.get("/Type") == "/MCR":
            out.add(v.get("/Pg"))
        elif isinstance(v, dict) and "/S" in v:
            out |= pages(v)
    return out
table = [v["value"] for v in objs.values() if isinstance(v.get("value"), dict) and v["value"].get("/S") == "/Table"][0]
# (a note drawn at the page's foot while the table goes on is the table's
# kid, as it was before; the rows are the TRs)
rows = [r for r in kids(table) if r["/S"] == "/TR"]
print([r["/S"] for r in kids(table)], [len(kids(r)) for r in rows])
assert len(rows) == 4
assert [len(kids(r)) for r in rows] == [3, 3, 3, 3]
tall = rows[2]
assert all(c["/S"] == "/TD" for c in kids(tall))
for c in kids(tall)[1:]:
    assert len(pages(c)) >= 2, pages(c)
PY
ok "the parent tree names only elements of the tree, and each part's cell" \
    python3 - "$TMP/q.json" <<'PY'
import json, sys
objs = json.load(open(sys.argv[1]))["qpdf"][1]
def get(ref):
    return objs["obj:" + ref]["value"] if isinstance(ref, str) and ref.endswith(" R") else ref
cat = get(objs["trailer"]["value"]["/Root"])
root = get(cat["/StructTreeRoot"])
seen = set()
def walk(ref):
    if ref in seen:
        return
    seen.add(ref)
    e = get(ref)
    k = e.get("/K", [])
    for r in (k if isinstance(k, list) else [k]):
        if isinstance(r, str) and r.endswith(" R") and "/S" in get(r):
            walk(r)
k = root["/K"]
for r in (k if isinstance(k, list) else [k]):
    walk(r)
pt = get(root["/ParentTree"])["/Nums"]
bad = []
for i in range(0, len(pt), 2):
    arr = get(pt[i + 1])
    for r in (arr if isinstance(arr, list) else [arr]):
        if isinstance(r, str) and r not in seen:
            bad.append(r)
print(len(seen), "elements;", bad[:5])
assert not bad
PY
pdftotext "$TMP/t.pdf" "$TMP/t.txt"
is "$(grep -ow room "$TMP/t.txt" | wc -l | tr -d " ")" 30 "every line of the cut cell is drawn"
done_testing
