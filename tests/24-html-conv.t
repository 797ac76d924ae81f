#!/bin/sh
# The HTML converter in both books (issue 12, points 4, 6 and 7), through
# Markdown's raw HTML: every kind the converter makes reaches the EPUB as
# its element and the PDF as its words; the EPUB passes epubcheck; nothing
# active reaches either book, and what was left out is named in a warning.
. tests/lib.sh
need python3 unzip

D=$TMP/in
mkdir -p "$D/images"
cp content/images/chart.png "$D/images/"
cat >"$D/kinds.md" <<'EOF'
---
title: Every kind
lang: en
---
Water is H<sub>2</sub>O and E = mc<sup>2</sup>; <small>small print</small>,
<mark>highlighted</mark>, <del>deleted</del>, <s>struck</s>, <q>quoted <q>inside</q></q>,
<abbr title="World Health Organization">WHO</abbr>, <kbd>Ctrl</kbd>+<kbd>Q</kbd>,
<cite>a cited title</cite>, <code>x &lt; y</code> and <custom-tag>unknown words</custom-tag>.

<table>
<caption>Results by region</caption>
<thead><tr><th rowspan="2">Region</th><th colspan="2">Votes</th></tr>
<tr><th>Yes</th><th>No</th></tr></thead>
<tbody><tr><td>North</td><td>10</td><td>20</td></tr>
<tr><td>South</td><td colspan="2">no count</td></tr></tbody>
</table>

<dl><dt>Gumbo</dt><dd>An HTML5 parser.</dd><dt>Cairo</dt><dd>A 2D graphics library.</dd></dl>

<ol start="4"><li>fourth</li><li>fifth</li></ol>

<figure><img src="images/chart.png" alt="A chart"><figcaption>The chart. Photograph: Jane Roe/AP</figcaption></figure>

<pre><code class="language-sh">echo "hi"
  exit 0</code></pre>

<div onclick="steal()" style="color:red">A div with a handler.
<script>document.write("injected")</script>
<iframe src="https://evil.example/"></iframe>
<object data="x.swf"></object><embed src="y.swf">
<form action="https://evil.example/"><input name="q" value="typed"><button>Send</button></form>
<a href="javascript:alert(1)">js link</a>, <a href="vbscript:x">vb link</a>,
<a href="data:text/html,x">data link</a>, <a href="https://example.org/ok">good link</a>,
<img src="https://tracker.example/pixel.jpg" alt="remote picture">
<style>body { display: none }</style>
<meta http-equiv="refresh" content="0; url=https://evil.example/">
<base href="https://evil.example/">
<video src="clip.mp4"></video>
</div>
EOF
$MKBOOK -o "$TMP/out" "$D/kinds.md" 2>"$TMP/err"
is "$?" 0 "a book of every kind: both books"
E="$TMP/out/every-kind.epub"
P="$TMP/out/every-kind.pdf"
W=$(cat "$TMP/err")
for what in '<script>' '<iframe>' '<object>' '<embed>' '<input>' '<button>' '<style>' \
    'https://tracker.example/pixel.jpg' '<a href="javascript:' '<video clip.mp4>'; do
	like "$W" "kinds.md:[0-9]+: warning: .*$what" "left out and named with FILE:LINE: $what"
done
like "$W" 'more .* left out, the first here|<meta>|<base>' "meta and base are left out and counted"

rm -rf "$TMP/x"; mkdir "$TMP/x"
(cd "$TMP/x" && unzip -q "$E")
X=$(tr '\n' ' ' <"$TMP/x/OEBPS/text/a01.xhtml")
like "$X" 'H<sub>2</sub>O and E = mc<sup>2</sup>; <small>small print</small>, <mark>highlighted</mark>, <s>deleted</s>, <s>struck</s>' \
	"EPUB: sub, sup, small, mark, del and s"
like "$X" '<q>“quoted <q>‘inside’</q>”</q>' "EPUB: q with the language's outer and inner marks"
like "$X" '<abbr title="World Health Organization">WHO</abbr>, <kbd>Ctrl</kbd>\+<kbd>Q</kbd>, <em>a cited title</em>, <code>x &lt; y</code> and unknown words\.' \
	"EPUB: abbr with its title, kbd, cite, code, an unknown element's words"
like "$X" '<th scope="col" rowspan="2">Region</th><th scope="col" colspan="2">Votes</th>' "EPUB: rowspan, colspan"
like "$X" '<td colspan="2">no count</td>' "EPUB: colspan in the body"
like "$X" '<p>Results by region</p>' "EPUB: the caption before the table"
like "$X" '<p><strong>Gumbo</strong></p> <p>An HTML5 parser\.</p>' "EPUB: dl as a bold term and its description"
like "$X" '<ol start="4">' "EPUB: ol start"
like "$X" '<img src="../images/[^"]*" alt="A chart"/><figcaption><span class="caption">The chart\.</span> <span class="credit">Photograph: Jane Roe/AP</span>' \
	"EPUB: figure, caption, credit split off"
like "$X" '<pre><code>echo &quot;hi&quot;|<pre><code>echo "hi"' "EPUB: pre"
like "$X" '<p>A div with a handler\.</p> <p>js link, vb link, data link, <a href="https://example.org/ok">good link</a>,</p> <figure class="figure"><figcaption><span class="caption">remote picture</span>' \
	"EPUB: the words stay (the form ends a paragraph); only the good link is a link; a remote picture's words"
ok "EPUB: no script, handler, frame, object, form, javascript:/vbscript:/data: URL" \
	python3 tests/hostile/noscript.py "$TMP/x"
ok "EPUB: nothing remote but the good link, no style attribute" sh -c \
	"! grep -rqE 'evil.example|tracker.example|style=|<style|<meta http-equiv|<base|injected|typed|Send' '$TMP/x/OEBPS/text'"
epubcheck "$E"

if command -v pdftotext >/dev/null; then
	T=$(pdftotext "$P" - | tr '\n' ' ')
	like "$T" 'Water is H2O and E = mc2; small print, highlighted, deleted, struck, “quoted ‘inside’”, WHO, Ctrl\+Q, a cited title, x < y and unknown words\.' \
		"PDF: the words of every inline kind, q's marks"
	like "$T" 'Results by region' "PDF: the table's caption"
	like "$T" 'Region +Votes' "PDF: the spanning header"
	like "$T" 'no count' "PDF: a spanning cell"
	like "$T" 'Gumbo +An HTML5 parser\.' "PDF: dl"
	# (the good link carries its URL note's mark, links: footnotes)
	like "$T" 'A div with a handler\. js link, vb link, data link, good link(a)?, +remote picture' "PDF: the words stay, a remote picture's too"
	ok "PDF: no script text, no form text, nothing of evil.example" sh -c \
		"! pdftotext '$P' - | grep -qE 'injected|typed|Send|evil.example|tracker'"
	ok "PDF: the only link is the good one" sh -c \
		"python3 - '$P' <<'PY'
import re, sys
d = open(sys.argv[1], 'rb').read()
uris = set(re.findall(rb'/URI\s*\(([^)]*)\)', d))
assert uris == {b'https://example.org/ok'}, uris
PY"
else
	for _i in 1 2 3 4 5 6 7 8; do skip "pdftotext missing"; done
fi
if command -v pdftoppm >/dev/null; then
	ok "PDF: the highlight and the table draw" pdftoppm -r 30 -png -f 5 -l 6 "$P" "$TMP/pg"
else
	skip "pdftoppm missing"
fi

# Deep nesting: gumbo's time grows with the square of the depth, so raw
# HTML nested past 10,000 elements is refused (naming FILE:LINE); deep
# but parseable HTML keeps its words, its structure flattened, with a warning.
python3 -c "print('# Deep\n\n' + '<div>' * 100000 + 'deep' + '</div>' * 100000)" >"$TMP/deep.md"
timeout 60 $MKBOOK --dump-model "$TMP/deep.md" >/dev/null 2>"$TMP/err"
is "$?" 1 "raw HTML nested 100,000 deep: refused"
like "$(cat "$TMP/err")" 'deep.md:3: raw HTML nested more than 10000 elements deep' "… naming FILE:LINE"
python3 -c "print('# Deep\n\n' + '<blockquote>' * 3000 + 'quoted words' + '</blockquote>' * 3000)" >"$TMP/deep2.md"
timeout 120 $MKBOOK -q -o "$TMP/deep2" "$TMP/deep2.md" 2>"$TMP/err"
is "$?" 0 "quotes nested 3,000 deep: both books"
ok "… the words kept" sh -c "unzip -p '$TMP/deep2/deep.epub' OEBPS/text/a01.xhtml | grep -q 'quoted words'"

done_testing
