#!/bin/sh
# Blocks inside list items make a PDF whose structure tags nest: a quote as
# an item's first block used to open its BlockQuote before the item's LI,
# and cairo aborted the whole book on the crossing tags.
. tests/lib.sh

n=0
for s in '- > a quote in an item' '1. > a quote in a numbered item' '> 1. - > quote, list, list, quote' \
    '- ## a heading in an item' '- ```\n  code in an item\n  ```'; do
	n=$((n + 1))
	printf -- "---\ntitle: Nesting $n\n---\n\n$s\n" >"$TMP/n$n.md"
	$MKBOOK -q --pdf -o "$TMP/n$n.pdf" "$TMP/n$n.md" 2>"$TMP/err$n"
	is "$?" 0 "a PDF of: $(printf "$s" | head -1)"
	ok "… that qpdf finds sound" qpdf --check "$TMP/n$n.pdf"
done
like "$(pdftotext "$TMP/n1.pdf" - | tr '\n' ' ')" "• +a quote in an item" "the item's bullet stands on the quote's first line"

done_testing
