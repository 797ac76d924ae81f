#!/bin/sh
# The two books agree on style: the kicker, standfirst, byline and caption
# look alike in the EPUB (book.css) and the PDF (the fonts the text is set
# in, read back with mutool).
. tests/lib.sh

$MKBOOK -q -o "$TMP/b" content/01-xinjiang.txt || exit 1
mutool draw -F stext -o "$TMP/stext.xml" "$TMP/b"/*.pdf 2>/dev/null
font() { python3 tests/stextfont.py "$TMP/stext.xml" "$1"; }
css=$(unzip -p "$TMP/b"/*.epub OEBPS/css/book.css)
rule() {	# the declarations of selector $1 in the EPUB's stylesheet
	printf '%s\n' "$css" | awk -v sel="$1" '
		index($0, sel " {") == 1 { on = 1; next }
		on && /^}/ { on = 0 }
		on { print }'
}

like "$(font 'Erkin Tuniyaz')" 'Italic' "PDF: the standfirst is italic"
like "$(rule .standfirst)" 'font-style: italic' "EPUB: the standfirst is italic"
like "$(font 'Exclusive')" 'Bold' "PDF: the kicker is bold"
like "$(rule .kicker)" 'font-weight: bold' "EPUB: the kicker is bold"
not_like() { case "$1" in ""|*"$2"*) echo "not ok $((_n = _n + 1)) - $3"; _failed=$((_failed + 1));; *) echo "ok $((_n = _n + 1)) - $3";; esac; }
not_like "$(font 'Diplomatic Editor')" 'Italic' "PDF: the role is upright"
not_like "x$(rule '.byline .role')" 'italic' "EPUB: the role is upright"
like "$(font 'The cross-party group of MPs')" 'Italic' "PDF: the caption is italic"
like "$(rule figcaption)" 'font-style: italic' "EPUB: the caption is italic"
not_like "$(font 'Photograph: Mark')" 'Italic' "PDF: the credit is upright"
like "$(rule 'figcaption .credit')" 'font-style: normal' "EPUB: the credit is upright"

done_testing
