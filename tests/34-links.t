#!/bin/sh
# One link-safety rule for both books (src/model/shown.c): a link whose
# scheme is http, https or mailto in any case is a link in the EPUB and in
# the PDF; javascript:, data:, an empty "http://" and relative paths are
# plain text in both.
. tests/lib.sh

mkdir -p "$TMP/in"
cat >"$TMP/in/links.md" <<'MD'
---
title: Links
---

Upper case [upper](HTTPS://EXAMPLE.COM/a), mixed [mixed](Http://example.org/b),
mail [mail](MAILTO:someone@example.net), plain [plain](https://example.com/c).

Refused: [script](javascript:alert(1)), [data](data:text/html,x),
[empty](http://) and [relative](images/x.png).
MD

export SOURCE_DATE_EPOCH=1700000000
ok "the book is made" "$MKBOOK" -q -o "$TMP/out" "$TMP/in"
epub=$(ls "$TMP"/out/*.epub) pdf=$(ls "$TMP"/out/*.pdf)
x=$(unzip -p "$epub" 'OEBPS/text/*.xhtml' | tr '\n' ' ')
qpdf --qdf --object-streams=disable "$pdf" "$TMP/q.pdf" >/dev/null 2>&1
u=$(grep -a '/URI' "$TMP/q.pdf" | tr '\n' ' ')

for pair in "HTTPS://EXAMPLE.COM/a|https://EXAMPLE.COM/a" "Http://example.org/b|http://example.org/b" \
    "MAILTO:someone@example.net|mailto:someone@example.net" "https://example.com/c|https://example.com/c"; do
	in=${pair%%|*} out=${pair#*|}
	like "$x" "<a href=\"$out\"" "EPUB: $in is a link"
	like "$u" "/URI \\($in\\)" "PDF: $in is a link"
done
for bad in "javascript:" "data:" "images/x.png"; do
	unlike_x=$(printf '%s' "$x" | grep -c "href=\"$bad")
	is "$unlike_x" 0 "EPUB: $bad is not a link"
	is "$(printf '%s' "$u" | grep -c "$bad")" 0 "PDF: $bad is not a link"
done
is "$(printf '%s' "$x" | grep -o 'href="[^"]*"' | grep -c '^href="http://"$')" 0 "EPUB: an empty http:// is not a link"
is "$(printf '%s' "$u" | grep -c '/URI (http://)')" 0 "PDF: an empty http:// is not a link"
is "$(printf '%s' "$u" | grep -o '/URI (' | wc -l | tr -d ' ')" 4 "PDF: four links, no more"
for w in script data empty relative; do
	like "$(pdftotext "$pdf" - 2>/dev/null | tr '\n' ' ')" "$w" "PDF: the refused link's text '$w' is kept"
done

done_testing
