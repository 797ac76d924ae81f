#!/bin/sh
# PDF tables with spanning cells (issue 12 point 4, as well as the writers
# can set them): a cell with colspan takes the widths of its columns (the
# cells after it move on by as many), a cell with rowspan is one cell box
# down across its rows (its words run on beside the next rows, which do
# not move down for it; the header's rule is not drawn through it), and
# the structure tree says so: TH/TD with /ColSpan and /RowSpan attributes
# (owner /Table), each row one TR.
. tests/lib.sh
need python3 pdftotext pdftoppm qpdf
export SOURCE_DATE_EPOCH=1700000000

cat >"$TMP/spans.html" <<'HTML'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Spanning cells</title></head>
<body><article><h1>Spanning cells</h1>
<p>The table below has a header cell spanning two columns, a header cell spanning two rows, and a body cell spanning three rows, as many statistics tables do.</p>
<table>
<thead>
<tr><th rowspan="2">Region</th><th colspan="2">Population</th><th rowspan="2">Notes</th></tr>
<tr><th>2010</th><th>2020</th></tr>
</thead>
<tbody>
<tr><td>North</td><td>1,200</td><td>1,350</td><td rowspan="3">Counted by the regional offices in the same week of each year.</td></tr>
<tr><td>South</td><td>980</td><td>1,010</td></tr>
<tr><td>East</td><td>2,400</td><td>2,650</td></tr>
<tr><td>West</td><td colspan="2">no census</td><td>Estimated.</td></tr>
</tbody>
</table>
<p>After the table the text goes on as before.</p>
</article></body></html>
HTML
$MKBOOK -q --pdf -o "$TMP/t.pdf" "$TMP/spans.html"
ok "qpdf --check is clean" qpdf --check "$TMP/t.pdf"
pdftotext -bbox "$TMP/t.pdf" "$TMP/bbox.html"
pg=$(python3 - "$TMP/bbox.html" <<'PY'
import re, sys
pages = open(sys.argv[1]).read().split("<page ")[1:]
print([i + 1 for i, p in enumerate(pages) if ">Region<" in p][0])
PY
)
pdftoppm -r 144 -gray -f "$pg" -l "$pg" "$TMP/t.pdf" "$TMP/pg"
img=$(ls "$TMP"/pg*.pgm | head -1)

check_py() {
	sed "s|\"CHECK\"|\"$TMP/check.py\"|" >"$TMP/run.py" <<'PY'
import re, sys
pages = open(sys.argv[1]).read().split("<page ")[1:]
page = [p for p in pages if ">Region<" in p][0]
w = {}
for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page):
    w.setdefault(m.group(5), []).append(tuple(float(m.group(i)) for i in range(1, 5)))
def pgm(path):
    d = open(path, "rb").read()
    parts = d.split(None, 4)
    W, H = int(parts[1]), int(parts[2])
    return W, H, parts[4][-W * H:]
exec(open("CHECK").read())
PY
	cat >"$TMP/check.py"
	python3 "$TMP/run.py" "$TMP/bbox.html" "$img"
}

ok "a colspan cell takes its columns: the cell after it stands in the column after them" check_py <<'PY'
est, counted, c1350 = w["Estimated."][0], w["Counted"][0], w["1,350"][0]
print("Estimated at", est[0], "Notes column at", counted[0], "2020 column at", c1350[0])
assert abs(est[0] - counted[0]) < 0.5 and abs(est[0] - c1350[0]) > 10
PY
ok "the colspan cell begins in its first column" check_py <<'PY'
assert abs(w["no"][0][0] - w["1,200"][0][0]) < 0.5, (w["no"], w["1,200"])
PY
ok "a header cell spanning two columns is as wide as both: Population over 2010 and 2020" check_py <<'PY'
pop, y10, y20, notes = w["Population"][0], w["2010"][0], w["2020"][0], w["Notes"][0]
print(pop, y10, y20, notes)
assert abs(pop[0] - y10[0]) < 0.5 and notes[0] > y20[2] and abs(notes[0] - w["Counted"][0][0]) < 0.5
PY
ok "a rowspan cell runs on beside the next rows, which do not move down for it" check_py <<'PY'
north, south, counted, year = w["North"][0], w["South"][0], w["Counted"][0], w["year."][0]
print("rows", north[1], south[1], "cell lines", counted[1], year[1])
assert abs(counted[1] - north[1]) < 0.5          # its first line in its first row
assert year[1] > counted[1] + 1                   # its words go on below
assert south[1] < year[1] + 5                     # the next row beside its second line
PY
ok "a header cell spanning two rows: its column's next header cell is empty, 2010 stands under Population" check_py <<'PY'
region, pop, y10 = w["Region"][0], w["Population"][0], w["2010"][0]
assert y10[1] > pop[3] and abs(region[1] - pop[1]) < 0.5
PY
ok "the header's first rule runs under Population, not through Region or Notes" check_py <<'PY'
W, H, px = pgm(sys.argv[2])
s = 144 / 72.0
pop, y10, region, notes = w["Population"][0], w["2010"][0], w["Region"][0], w["Notes"][0]
y0, y1 = int(pop[1] * s), int(y10[3] * s)
def dark(x0, x1):
    # a rule: a pixel row dark all across the word's width
    return any(all(px[y * W + x] < 200 for x in range(int(x0 * s) + 1, int(x1 * s) - 1))
               for y in range(y0, y1))
assert dark(pop[0], pop[2]), "no rule under Population"
assert not dark(region[0], region[2]), "a rule through Region"
assert not dark(notes[0], notes[2]), "a rule through Notes"
PY

qpdf --json "$TMP/t.pdf" >"$TMP/q.json"
ok "the tree: one TR per row, TH/TD with ColSpan and RowSpan (owner Table)" \
    python3 - "$TMP/q.json" <<'PY'
import json, sys
objs = json.load(open(sys.argv[1]))["qpdf"][1]
def get(ref):
    return objs["obj:" + ref]["value"] if isinstance(ref, str) and ref.endswith(" R") else ref
def kids(e):
    k = e.get("/K", [])
    return [get(r) for r in (k if isinstance(k, list) else [k]) if isinstance(get(r), dict) and "/S" in get(r)]
tables = [v["value"] for v in objs.values() if isinstance(v.get("value"), dict) and v["value"].get("/S") == "/Table"]
assert len(tables) == 1
rows = [[(c["/S"], c.get("/A", {}).get("/ColSpan", 1), c.get("/A", {}).get("/RowSpan", 1),
          c.get("/A", {}).get("/O")) for c in kids(tr)] for tr in kids(tables[0]) if tr["/S"] == "/TR"]
for r in rows:
    print(r)
assert len(rows) == 6
assert [(s, cs, rs) for s, cs, rs, o in rows[0]] == [("/TH", 1, 2), ("/TH", 2, 1), ("/TH", 1, 2)]
assert [(s, cs, rs) for s, cs, rs, o in rows[1]] == [("/TH", 1, 1), ("/TH", 1, 1)]
assert [(s, cs, rs) for s, cs, rs, o in rows[2]] == [("/TD", 1, 1)] * 3 + [("/TD", 1, 3)]
assert len(rows[3]) == 3 and len(rows[4]) == 3
assert [(s, cs, rs) for s, cs, rs, o in rows[5]] == [("/TD", 1, 1), ("/TD", 2, 1), ("/TD", 1, 1)]
assert all(o == "/Table" for r in rows for s, cs, rs, o in r if cs > 1 or rs > 1)
PY
done_testing
