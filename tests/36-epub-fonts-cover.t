#!/bin/sh
# The EPUB's fonts cover its text: every character the book shows is in
# some embedded font (the body face, a language's face, or a subset
# fallback for the symbols they lack), or a warning names the characters
# and the article they stand in.
. tests/lib.sh

# a Python that has fontTools (python3-fonttools; a pyenv python3 on PATH may not)
FT=
for p in python3 /usr/bin/python3; do
	if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import fontTools' 2>/dev/null; then
		FT=$p
		break
	fi
done

math=$SHARED/corpus/10-en-wikipedia-hermitian-matrix-math.txt
if [ -f "$math" ]; then
	$MKBOOK -q --epub -o "$TMP/math.epub" "$math"
	ok "the maths article: every character is in an embedded font (Λ ℂ ℝ ∈ ⟺ …)" \
		python3 tests/epubcover.py "$TMP/math.epub"
	ok "and epubcheck finds nothing" sh -c "java -jar /usr/share/java/epubcheck.jar '$TMP/math.epub' 2>&1 | grep -q '0 fatals / 0 errors / 0 warnings'"
	if [ -n "$FT" ]; then
		ok "the maths article: every character is in the cmap table of an embedded font (fontTools)" \
			"$FT" tests/epubcover.py --cmap "$TMP/math.epub"
		# the control: without its symbol fonts the book lacks ℂ ℝ ∈ ⟺
		cp "$TMP/math.epub" "$TMP/nosym.epub"
		zip -q -d "$TMP/nosym.epub" 'OEBPS/fonts/symbols-*' >/dev/null
		"$FT" tests/epubcover.py --cmap "$TMP/nosym.epub" >"$TMP/nosym.out"
		is "$?" 1 "the check fails on the same book without its symbol fonts"
		like "$(tr '\n' ' ' <"$TMP/nosym.out")" 'U\+2102 ℂ.*U\+211D ℝ.*U\+2208 ∈' \
			"and names the characters they held"
	else
		echo "# NOTICE: fontTools (python3-fonttools) is absent; the cmap checks are skipped"
		skip "fontTools is absent" 3
	fi
else
	skip "$math is absent" 5
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
if [ -n "$FT" ]; then
	ok "by the fonts' cmap tables too" "$FT" tests/epubcover.py --cmap "$TMP/sym.epub"
else
	skip "fontTools is absent"
fi
like "$(unzip -p "$TMP/sym.epub" OEBPS/css/book.css | grep -m1 'font-family: "mkbook-mono",')" \
	'"mkbook-mono", "mkbook-sym' "the code's font list takes the symbol fonts too"
is "$(grep -v ': wrote ' "$TMP/err")" "" "with no warning"

printf -- '---\ntitle: A private sign\n---\n\nA character no font has: \364\217\277\275 here.\n' >"$TMP/pua.md"
$MKBOOK --epub -o "$TMP/pua.epub" "$TMP/pua.md" 2>"$TMP/err"
is "$?" 0 "a character no installed font has still builds"
like "$(cat "$TMP/err")" "pua.md: warning: EPUB: no installed font has U\+10FFFD" \
	"a warning names the character and the article"

done_testing
