#!/bin/sh
# Decided once (issue 11, step 4): the theme is loaded in one place, main.c,
# and the one theme is handed to both writers; neither writer loads its own.
# The scripts are one table, src/model/script.c: no other file of the model
# or the writers tests code point ranges of scripts or asks GLib, Pango or
# HarfBuzz for a script. (The readers' letter and case tests in read_txt.c
# and punct.c are about punctuation and capitals, not scripts.)
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

# script_tables SRC: lines outside the table that look like script tables.
script_tables() {
	grep -rnE ">= ?0x0*(370|400|590|591|600|900|e00|1100|2e80|3000|3040|4e00|ac00|f900|ff00)\b|G_UNICODE_SCRIPT_|PANGO_SCRIPT_|HB_SCRIPT_|g_unichar_get_script" \
	    "$1/model" "$1/typo" "$1/epub" "$1/pdf" --include='*.c' --include='*.h' |
	    grep -v "/model/script\.c:"
}
is "$(script_tables src)" "" "no table of scripts but src/model/script.c"
printf 'static int t(unsigned c) { return c >= 0x0600 && c <= 0x06ff; }\n' >>"$TMP/src/epub/epub_fonts.c"
like "$(script_tables "$TMP/src")" "epub_fonts.c:[0-9]+:" "a writer's own range of a script is seen"

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
