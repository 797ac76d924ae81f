#!/bin/sh
# Decided once (issue 11, step 4): the theme is loaded in one place, main.c,
# and the one theme is handed to both writers; neither writer loads its own.
# (The byte identity of the books before and after: tests/same-books.sh.)
. tests/lib.sh

# callers SRC FUNC: the files under SRC that call FUNC (its definition and
# its prototype aside).
callers() {
	grep -rlE "[^a-z_]$2 *\(" "$1" --include='*.c' | grep -v "/model/theme\.c$" | sort
}

is "$(callers src theme_load)" "src/main.c" "the theme is loaded in main.c alone"
cp -R src "$TMP/src"
printf 'static void t(void) { theme_load(NULL, NULL); }\n' >>"$TMP/src/pdf/pdf.c"
is "$(callers "$TMP/src" theme_load | sed "s|$TMP/||")" "src/main.c
src/pdf/pdf.c" "a writer loading a theme of its own is seen"

# One theme error, said once, with no book written, whichever books are asked.
mkdir -p "$TMP/in" "$TMP/bad"
printf 'One paragraph.\n' >"$TMP/in/a.txt"
cp -R templates/default/. "$TMP/bad/"
printf 'size: [unclosed\n' >"$TMP/bad/theme.yaml"
for fmt in --epub --pdf ""; do
	"$MKBOOK" -q $fmt --theme "$TMP/bad" -o "$TMP/o$fmt" "$TMP/in" >"$TMP/err" 2>&1
	is "$?" 1 "a broken theme stops the book (${fmt:-both books})"
	is "$(grep -c 'theme.yaml' "$TMP/err")" 1 "the theme's error is said once (${fmt:-both books})"
	is "$(ls "$TMP" | grep -c "^o$fmt")" 0 "no book is written (${fmt:-both books})"
done
done_testing
