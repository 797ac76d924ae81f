#!/bin/sh
# A book keeps its identity: without an identifier in book.yaml, the EPUB's
# dc:identifier comes from what names the book (title, subtitle, authors,
# the articles' file names), so a corrected edition is the same book to an
# e-reader while a new title or a new list of articles is a new one.
. tests/lib.sh

ident() { unzip -p "$1" OEBPS/package.opf | sed -n 's/.*<dc:identifier id="bookid">\([^<]*\)<.*/\1/p'; }

cp -R content "$TMP/c"
$MKBOOK -q --epub -o "$TMP/1.epub" "$TMP/c"; is "$?" 0 "the sample book builds"
id1=$(ident "$TMP/1.epub")
like "$id1" '^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$' "its identifier is a urn:uuid"

sed -i 's/the/teh/' "$TMP/c/01-xinjiang.txt"
sed -i '0,/^[A-Z]/s/\([a-z]\)\([a-z]\) /\2\1 /' "$TMP/c/02-the-paragraph-is-the-unit.md"
$MKBOOK -q --epub -o "$TMP/2.epub" "$TMP/c"
ok "the corrected text really differs" sh -c "! cmp -s '$TMP/1.epub' '$TMP/2.epub'"
is "$(ident "$TMP/2.epub")" "$id1" "a typo fixed in the articles keeps the identifier"

(cd "$TMP" && $MKBOOK -q --epub -o "$TMP/3.epub" c)
is "$(ident "$TMP/3.epub")" "$id1" "so does building from another directory"

$MKBOOK -q --epub --title "Another Title" -o "$TMP/4.epub" "$TMP/c"
ok "a new title makes a new identifier" test "$(ident "$TMP/4.epub")" != "$id1"
$MKBOOK -q --epub --author "Someone Else" -o "$TMP/5.epub" "$TMP/c"
ok "so does a new author" test "$(ident "$TMP/5.epub")" != "$id1"
sed -i '/01-xinjiang/d' "$TMP/c/book.yaml"
$MKBOOK -q --epub -o "$TMP/6.epub" "$TMP/c" 2>/dev/null
ok "and a new list of articles" test "$(ident "$TMP/6.epub")" != "$id1"

printf 'identifier: "urn:isbn:9780000000002"\n' >>"$TMP/c/book.yaml"
$MKBOOK -q --epub -o "$TMP/7.epub" "$TMP/c"
is "$(ident "$TMP/7.epub")" "urn:isbn:9780000000002" "an identifier in book.yaml is used as given"

done_testing
