#!/bin/sh
# Typographic punctuation end to end: typed quotes, double hyphens and
# three dots become each language's marks in the model (and so in both
# books) for plain-text and Markdown articles alike, front matter and
# book.yaml included; code stays as typed; `smart-quotes: false` in
# book.yaml keeps everything as typed; a bad value is refused with its line.
. tests/lib.sh
need python3

mkdir -p "$TMP/book"
cat >"$TMP/book/01-de.txt" <<'EOF'
"Wir bleiben" -- sagt der Chef

Von Anna Beispiel

3. März 2024

Der Verlag sagte "Nein" und meinte 'vielleicht'... Das war in den '90ern.
EOF
cat >"$TMP/book/02-fr.md" <<'EOF'
---
title: Le "projet" de loi
lang: fr
---

Il a dit "non" puis "oui", et `printf("--x")` reste tel quel. L'Assemblée --
quant à elle -- a voté.

```
x = "raw" -- y...
```
EOF
cat >"$TMP/book/book.yaml" <<'EOF'
title: "The \"weekly\" digest"
lang: en
EOF

$MKBOOK --dump-model "$TMP/book" >"$TMP/model.json" 2>"$TMP/err"
is "$?" 0 "--dump-model exits 0"
ok "German and French marks, dashes, ellipsis; code as typed" python3 - "$TMP/model.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
de, fr = m["articles"]
def want(got, exp):
    assert got == exp, (got, exp)
want(m["book"]["title"], "The \u201cweekly\u201d digest")
want(de["headline"], "\u201eWir bleiben\u201c\u00a0\u2013 sagt der Chef")
want(de["blocks"][0]["text"], "Der Verlag sagte \u201eNein\u201c und meinte \u201avielleicht\u2018\u2026 Das war in den \u201990ern.")
want(fr["headline"], "Le \u00ab\u202fprojet\u202f\u00bb de loi")
t = fr["blocks"][0]["text"]
assert t.startswith("Il a dit \u00ab\u202fnon\u202f\u00bb puis \u00ab\u202foui\u202f\u00bb, et "), t
assert "printf(\"--x\")" in t and "L\u2019Assembl\u00e9e\u00a0\u2013" in t and "elle\u00a0\u2013 a vot\u00e9" in t, t
want(fr["blocks"][1]["text"], "x = \"raw\" -- y...")
PY

printf 'smart-quotes: false\n' >>"$TMP/book/book.yaml"
$MKBOOK --dump-model "$TMP/book" >"$TMP/plain.json" 2>"$TMP/err"
is "$?" 0 "with smart-quotes: false, --dump-model exits 0"
ok "smart-quotes: false keeps what was typed" python3 - "$TMP/plain.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
de, fr = m["articles"]
assert m["book"]["title"] == "The \"weekly\" digest", m["book"]["title"]
assert de["headline"] == "\"Wir bleiben\" -- sagt der Chef", de["headline"]
assert fr["blocks"][0]["text"].startswith("Il a dit \"non\""), fr["blocks"][0]["text"]
PY

printf 'title: T\nsmart-quotes: maybe\n' >"$TMP/book/book.yaml"
$MKBOOK --dump-model "$TMP/book" >/dev/null 2>"$TMP/err"
is "$?" 1 "smart-quotes: maybe is refused"
like "$(cat "$TMP/err")" "book.yaml:2: 'smart-quotes' must be true or false" "naming book.yaml and its line"

done_testing
