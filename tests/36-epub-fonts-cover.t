#!/bin/sh
# The EPUB's fonts cover its text: every character the book shows is in
# some embedded font (the body face, a language's face, or a subset
# fallback for the symbols they lack), or a warning names the characters
# and the article they stand in.
. tests/lib.sh

math=$SHARED/corpus/10-en-wikipedia-hermitian-matrix-math.txt
if [ -f "$math" ]; then
	$MKBOOK -q --epub -o "$TMP/math.epub" "$math"
	ok "the maths article: every character is in an embedded font (Λ ℂ ℝ ∈ ⟺ …)" \
		python3 tests/epubcover.py "$TMP/math.epub"
	ok "and epubcheck finds nothing" sh -c "java -jar /usr/share/java/epubcheck.jar '$TMP/math.epub' 2>&1 | grep -q '0 fatals / 0 errors / 0 warnings'"
else
	skip "$math is absent" 2
fi

cat >"$TMP/sym.md" <<'MD'
---
title: Sets of numbers
---

## Over ℝ and ℂ

Every λ ∈ ℝ is a number; x ⟺ y. In code: `ℤ ⊂ ℚ`.

    for x ∈ ℕ
MD
$MKBOOK --epub -o "$TMP/sym.epub" "$TMP/sym.md" 2>"$TMP/err"
is "$?" 0 "a book of symbols builds"
ok "its headings, body and code are covered" python3 tests/epubcover.py "$TMP/sym.epub"
like "$(unzip -p "$TMP/sym.epub" OEBPS/css/book.css | grep -m1 'font-family: "mkbook-mono",')" \
	'"mkbook-mono", "mkbook-sym' "the code's font list takes the symbol fonts too"
is "$(grep -v ': wrote ' "$TMP/err")" "" "with no warning"

printf -- '---\ntitle: A private sign\n---\n\nA character no font has: \364\217\277\275 here.\n' >"$TMP/pua.md"
$MKBOOK --epub -o "$TMP/pua.epub" "$TMP/pua.md" 2>"$TMP/err"
is "$?" 0 "a character no installed font has still builds"
like "$(cat "$TMP/err")" "pua.md: warning: EPUB: no installed font has U\+10FFFD" \
	"a warning names the character and the article"

done_testing
