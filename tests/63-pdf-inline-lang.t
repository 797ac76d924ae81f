#!/bin/sh
# Inline changes of language (issue 15 point 5): an HTML element with
# lang="" inside an article (an inline element, a paragraph, a heading),
# and the same raw HTML in a Markdown article, becomes an INL_SPAN in the
# model, a Span structure element with its own /Lang in the tagged PDF, and
# a span with lang and xml:lang in the EPUB. A span in the article's own
# language (kept in the model, as the page said it) gets no Span: it
# says nothing new.
. tests/lib.sh
need python3 qpdf unzip
export SOURCE_DATE_EPOCH=1700000000

cat >"$TMP/words.html" <<'HTML'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Borrowed words</title></head>
<body><article><h1>Borrowed words</h1>
<p>English has borrowed many words and phrases over the centuries, and writers keep using them in running text without a second thought about where they came from.</p>
<p>She said it had a certain <i lang="fr">je ne sais quoi</i> that nobody could name, and he felt a little <span lang="de">Schadenfreude</span> when the rival paper made the same mistake, <span lang="la">mutatis mutandis</span>, in <span lang="en">plain English</span>.</p>
<p lang="es">Esta frase entera está en español, dentro de un artículo en inglés.</p>
<p>A Japanese phrase: <span lang="ja">木漏れ日</span> is light through leaves.</p>
</article></body></html>
HTML
cat >"$TMP/mots.md" <<'MD'
---
title: Mots
lang: en
---

Markdown carries it as raw HTML: a <span lang="it">dolce far niente</span> afternoon.
MD

$MKBOOK -q --dump-model "$TMP/words.html" "$TMP/mots.md" >"$TMP/model.json"
ok "the model holds the spans with their languages" python3 - "$TMP/model.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
def spans(x, out):
    for i in x:
        if i["type"] == "span":
            out.append(i["lang"])
        spans(i.get("kids", []), out)
    return out
got = [l for a in m["articles"] for b in a["blocks"] for l in spans(b.get("inlines", []), [])]
print(got)
assert got == ["fr", "de", "la", "en", "es", "ja", "it"], got
PY

$MKBOOK -q --pdf -o "$TMP/book.pdf" "$TMP/words.html" "$TMP/mots.md"
ok "qpdf --check is clean" qpdf --check "$TMP/book.pdf"
qpdf --json "$TMP/book.pdf" >"$TMP/q.json"
ok "each span is a Span in the structure tree with its /Lang, in order, inside a P" \
    python3 - "$TMP/q.json" <<'PY'
import json, sys
objs = json.load(open(sys.argv[1]))["qpdf"][1]
def get(ref):
    return objs["obj:" + ref]["value"] if isinstance(ref, str) and ref.endswith(" R") else ref
def kids(e):
    k = e.get("/K", [])
    return [get(r) for r in (k if isinstance(k, list) else [k]) if isinstance(get(r), dict) and "/S" in get(r)]
def walk(e, out, parent=None):
    out.append((e, parent))
    for c in kids(e):
        walk(c, out, e)
    return out
cat = get(objs["trailer"]["value"]["/Root"])
elems = [x for k in kids(get(cat["/StructTreeRoot"])) for x in walk(k, [])]
spans = [(e, p) for e, p in elems if e["/S"] == "/Span"]
got = [e.get("/Lang") for e, p in spans]
print(got)
assert got == ["u:fr", "u:de", "u:la", "u:es", "u:ja", "u:it"], got
assert all(p["/S"] == "/P" for e, p in spans), [p["/S"] for e, p in spans]
# each Span holds marked content (its words), not an empty element
assert all("/K" in e for e, p in spans)
PY
$MKBOOK -q --epub -o "$TMP/book.epub" "$TMP/words.html" "$TMP/mots.md"
unzip -p "$TMP/book.epub" 'OEBPS/text/a0*.xhtml' >"$TMP/all.xhtml"
like "$(cat "$TMP/all.xhtml")" '<span lang="de" xml:lang="de">Schadenfreude</span>' \
    "the EPUB sets a span with lang and xml:lang"
like "$(cat "$TMP/all.xhtml")" '<span lang="fr" xml:lang="fr"><em>je ne sais quoi</em></span>' \
    "an <i lang> becomes a span around the emphasis"
like "$(cat "$TMP/all.xhtml")" '<span lang="it" xml:lang="it">dolce far niente</span>' \
    "Markdown's raw HTML span keeps its language"
done_testing
