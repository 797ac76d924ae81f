#!/bin/sh
# Hyphenation beyond en/de/fr: a real Spanish article (from the shared HTML
# corpus, written out in the sample's plain-text layout) is hyphenated in
# the PDF and set evenly (pdf-typo-stats: space_p95 <= 1.3); every language
# Debian ships patterns for is found; a language without patterns is named
# in one warning.
. tests/lib.sh
need python3
need pdftotext

# the languages scripts/deps.sh installs patterns for
for l in es it pt pt-BR nl pl sv da nb ru uk cs hu ca ro sk sl hr el bg lt lv; do
	printf -- '---\ntitle: T\nlang: %s\n---\nWord.\n' "$l" >"$TMP/l-$l.md"
	$MKBOOK --pdf -o "$TMP/l-$l.pdf" "$TMP/l-$l.md" >/dev/null 2>"$TMP/err"
	is "$(grep -c 'no hyphenation patterns' "$TMP/err")" 0 "$l: hyphenation patterns are installed"
done
printf -- '---\ntitle: Habari\nlang: sw\n---\nHii ni makala fupi.\n' >"$TMP/sw.md"
printf -- '---\ntitle: Habari tena\nlang: sw\n---\nMakala nyingine.\n' >"$TMP/sw2.md"
$MKBOOK --pdf -o "$TMP/sw.pdf" "$TMP/sw.md" "$TMP/sw2.md" >/dev/null 2>"$TMP/err"
is "$(grep -c 'no hyphenation patterns for sw' "$TMP/err")" 1 "a language with no patterns is named in one warning"
$MKBOOK --epub -o "$TMP/sw.epub" "$TMP/sw.md" >/dev/null 2>"$TMP/err"
is "$(grep -c 'no hyphenation patterns' "$TMP/err")" 0 "not for an EPUB, which the reader hyphenates"

if [ ! -d "$SHARED/html-corpus/trafilatura" ]; then
	skip "Spanish article: $SHARED/html-corpus is absent"
	done_testing
	exit 0
fi
python3 - "$SHARED/html-corpus/trafilatura/losandes.com-mendoza.html" >"$TMP/es.txt" <<'PY'
import html.parser, re, sys

class Paras(html.parser.HTMLParser):
    """The page's h1 and its paragraphs of a dozen words or more."""
    def __init__(self):
        super().__init__()
        self.cur, self.paras, self.h1, self.skip = None, [], None, 0
    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        if tag in ("p", "h1"):
            self.cur = [tag, ""]
    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1
        if self.cur and tag == self.cur[0]:
            text = re.sub(r"\s+", " ", self.cur[1]).strip()
            if tag == "h1" and not self.h1:
                self.h1 = text
            elif tag == "p" and len(text.split()) >= 12:
                self.paras.append(text)
            self.cur = None
    def handle_data(self, data):
        if self.cur and not self.skip:
            self.cur[1] += data

p = Paras()
p.feed(open(sys.argv[1], encoding="utf-8", errors="replace").read())
print("top of page\n\n%s\n" % p.h1)
for t in p.paras:
    print(t + "\n")
print("bottom of page")
PY
$MKBOOK --dump-model "$TMP/es.txt" >"$TMP/es.json" 2>/dev/null
ok "the article reads as Spanish" python3 -c '
import json, sys
assert json.load(open(sys.argv[1]))["articles"][0]["lang"] == "es"' "$TMP/es.json"
$MKBOOK -q --pdf --paper a5 -o "$TMP/es.pdf" "$TMP/es.txt"
is "$?" 0 "a PDF of the Spanish article"
python3 "$SHARED/tools/pdf-typo-stats.py" "$TMP/es.pdf" --json >"$TMP/es-stats.json"
ok "it is hyphenated and evenly spaced (space_p95 <= 1.3)" python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))
print("# %s" % s)
assert s["lines"] >= 40, s
assert s["hyph_pct"] > 0, s
assert s["space_p95"] <= 1.3, s' "$TMP/es-stats.json"
done_testing
