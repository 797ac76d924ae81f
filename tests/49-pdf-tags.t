#!/bin/sh
# The PDF's structure tree speaks each article's language and tags lists
# fully: every /Art element carries its article's /Lang (the BCP 47 tag of
# the model, in article order) on a book of the German, French, Arabic and
# Chinese corpus articles and an English one with lists; every LI holds a
# Lbl (the marker) then an LBody.
. tests/lib.sh
need_shared
need python3 qpdf
export SOURCE_DATE_EPOCH=1700000000

C=$SHARED/corpus
set -- "$C"/02-en-*.txt "$C"/04-de-*.txt "$C"/05-fr-*.txt "$C"/06-ar-*.txt "$C"/07-zh-*.txt
$MKBOOK -q --pdf -o "$TMP/book.pdf" "$@"
$MKBOOK -q --dump-model "$@" >"$TMP/model.json"
qpdf --json "$TMP/book.pdf" >"$TMP/q.json"

# tree SCRIPT: run a python check on the structure tree (objs, get, walk).
tree() {
	cat >"$TMP/check.py"
	python3 - "$TMP/q.json" "$TMP/model.json" <<PY
import json, sys
q = json.load(open(sys.argv[1])); m = json.load(open(sys.argv[2]))
objs = q["qpdf"][1]
def get(ref):
    return objs["obj:" + ref]["value"] if isinstance(ref, str) and ref.endswith(" R") else ref
def kids(e):
    k = e.get("/K", [])
    return [get(r) for r in (k if isinstance(k, list) else [k]) if isinstance(get(r), dict) and "/S" in get(r)]
def walk(e, out, depth=0):
    if depth < 64:
        out.append(e)
        for c in kids(e):
            walk(c, out, depth + 1)
    return out
cat = get(objs["trailer"]["value"]["/Root"])
root = get(cat["/StructTreeRoot"])
elems = [x for k in kids(root) for x in walk(k, [])]
exec(open("$TMP/check.py").read())
PY
}

ok "every Art element has its article's /Lang, in article order" tree <<'PY'
arts = [e for e in elems if e["/S"] == "/Art"]
want = ["u:" + a["lang"] for a in m["articles"]]
got = [a.get("/Lang") for a in arts]
print("got", got, "want", want)
assert got == want and len(set(want)) == 5
PY
ok "every LI holds a Lbl then an LBody, and there are list items" tree <<'PY'
lis = [e for e in elems if e["/S"] == "/LI"]
print(len(lis), "list items")
assert lis
for li in lis:
    assert [k["/S"] for k in kids(li)] == ["/Lbl", "/LBody"], [k["/S"] for k in kids(li)]
PY
ok "the catalog keeps the book's /Lang" tree <<'PY'
assert cat.get("/Lang") == "u:" + m["book"]["lang"], cat.get("/Lang")
PY
done_testing
