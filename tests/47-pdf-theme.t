#!/bin/sh
# Themes in the PDF: a theme's paper sets the page exactly as --paper does;
# a font that is not installed gives way to a face of the same kind that
# covers the text (never a CJK face for Latin text), named in the warning,
# and the colophon names the faces the PDF embeds.
. tests/lib.sh
export SOURCE_DATE_EPOCH=1700000000

for p in a5 letter; do
	cp -R templates/default "$TMP/th-$p"
	sed -i "s/^paper: a4/paper: $p/" "$TMP/th-$p/theme.yaml"
	$MKBOOK -q --pdf --paper $p -o "$TMP/opt-$p.pdf" content
	$MKBOOK -q --pdf --theme "$TMP/th-$p" -o "$TMP/th-$p.pdf" content
	pdftotext -bbox "$TMP/opt-$p.pdf" "$TMP/opt-$p.html"
	pdftotext -bbox "$TMP/th-$p.pdf" "$TMP/th-$p.html"
	ok "theme.yaml's paper: $p sets every word where --paper $p does" cmp "$TMP/opt-$p.html" "$TMP/th-$p.html"
done
# the measure on A5: about 118 mm of 148, not the 58 mm column A4's margins left
w=$(awk -F'"' '/<word /{ if ($4 - $2 > 0 && $6 > m) m = $6 } END { printf "%d", m }' "$TMP/th-a5.html")
ok "the A5 theme's lines reach past 120 mm from the page's edge (got $(awk "BEGIN{print int($w/72*25.4)}") mm)" test "$w" -gt 340

cp -R templates/default "$TMP/georgia"
sed -i 's/^  body: .*/  body: Georgia/' "$TMP/georgia/theme.yaml"
cat >"$TMP/latin.md" <<'MD'
---
title: A Latin-only article
author: Ann Example
---

It's a plain "English" text: don't set it in a CJK face. Its quotes and
apostrophes must stay narrow, as in any book set in a Latin type.
MD
$MKBOOK --pdf --theme "$TMP/georgia" -o "$TMP/g.pdf" "$TMP/latin.md" 2>"$TMP/err"
is "$?" 0 "a theme naming a font that is not installed builds"
used=$(sed -n "s/.*is not installed; '\(.*\)' is used instead.*/\1/p" "$TMP/err")
like "$used" "Serif" "the warning names the face used instead, a serif for the serif Georgia ($used)"
pdffonts "$TMP/g.pdf" | awk 'NR > 2 { sub(/^[A-Z]+\+/, "", $1); sub(/-.*/, "", $1); print $1 }' | sort -u >"$TMP/fonts"
not_ok "no CJK face is embedded for the Latin text" grep -i cjk "$TMP/fonts"
ok "the face the warning names is the one embedded" grep -qx "$(echo "$used" | tr -d ' ')" "$TMP/fonts"
col=$(pdftotext "$TMP/g.pdf" - | sed -n 's/^Set in \(.*\) with mkbook.*/\1/p' | tr -d ' ')
while read -r f; do
	ok "the colophon names $f, which the PDF embeds" sh -c "echo '$col' | grep -q '$f'"
done <"$TMP/fonts"

done_testing
