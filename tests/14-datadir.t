#!/bin/sh
# mkbook finds templates/ and fonts/ without being installed: beside the
# executable first, then ../share/mkbook beside it, then the compiled-in
# DATADIR; $MKBOOK_DATADIR, when set, wins. With no data anywhere, one error
# names every place looked and how to fix it, and nothing is written.
. tests/lib.sh
need unzip

datadir=$("$MKBOOK" --help | tr '\n' ' ' | sed -n 's/.*compiled-in DATADIR \([^ ]*\) .*/\1/p')
like "$datadir" '^/' "--help names the compiled-in DATADIR"
like "$("$MKBOOK" --help)" 'MKBOOK_DATADIR' "--help names MKBOOK_DATADIR"
cp -R content "$TMP/c"

# the executable copied beside copies of templates/ and fonts/
mkdir "$TMP/app"
cp "$MKBOOK" "$TMP/app/mkbook"
cp -R templates fonts "$TMP/app/"
printf '/* beside-the-executable */\n' >>"$TMP/app/templates/default/book.css"
(cd "$TMP" && env -u MKBOOK_DATADIR app/mkbook -q -o "$TMP/out" c) >"$TMP/err" 2>&1
is "$?" 0 "a copied mkbook beside templates/ and fonts/ builds the sample book, MKBOOK_DATADIR unset"
ok "the EPUB is written" test -s "$TMP/out/set-in-type.epub"
ok "the PDF is written" test -s "$TMP/out/set-in-type.pdf"
like "$(unzip -p "$TMP/out/set-in-type.epub" OEBPS/css/book.css)" 'beside-the-executable' \
	"its stylesheet is the one beside the executable"

# MKBOOK_DATADIR wins over the data beside the executable
mkdir "$TMP/alt"
cp -R templates fonts "$TMP/alt/"
printf '/* from-the-override */\n' >>"$TMP/alt/templates/default/book.css"
(cd "$TMP" && MKBOOK_DATADIR="$TMP/alt" app/mkbook -q --epub -o "$TMP/alt.epub" c)
is "$?" 0 "MKBOOK_DATADIR=DIR builds"
css=$(unzip -p "$TMP/alt.epub" OEBPS/css/book.css)
like "$css" 'from-the-override' "MKBOOK_DATADIR wins over the executable's directory"
is "$(printf '%s' "$css" | grep -c beside-the-executable)" 0 "and the data beside it is not used"

# a wrong override is an error, not skipped in silence
(cd "$TMP" && MKBOOK_DATADIR="$TMP/nowhere" app/mkbook -q --epub -o "$TMP/bad.epub" c) >"$TMP/err" 2>&1
is "$?" 1 "MKBOOK_DATADIR naming a directory without the data fails"
like "$(cat "$TMP/err")" "MKBOOK_DATADIR=$TMP/nowhere: no templates/default/book.css there" \
	"naming the override and what it lacks"
ok "and writes nothing" test ! -e "$TMP/bad.epub"

# no data anywhere
mkdir -p "$TMP/lone/bin" "$TMP/lone/run"
cp "$MKBOOK" "$TMP/lone/bin/mkbook"
cp -R content "$TMP/lone/run/c"
if [ -e "$datadir" ]; then
	echo "# NOTICE: the compiled-in DATADIR $datadir exists on this machine"
	skip "no data anywhere: the compiled-in DATADIR $datadir exists here"
else
	(cd "$TMP/lone/run" && env -u MKBOOK_DATADIR ../bin/mkbook c) >"$TMP/err" 2>&1
	is "$?" 1 "with no data anywhere mkbook fails"
	msg=$(cat "$TMP/err")
	like "$msg" "^mkbook: no templates/ and fonts/ found" "saying what is missing"
	like "$msg" "^  $TMP/lone/bin \\(the executable's directory\\)" "naming the executable's directory"
	like "$msg" "^  $TMP/lone/share/mkbook \\(\\.\\./share/mkbook beside the executable\\)" \
		"naming ../share/mkbook beside it"
	like "$msg" "^  $datadir \\(the compiled-in DATADIR\\)" "naming the compiled-in DATADIR"
	like "$msg" 'MKBOOK_DATADIR \(not set\)' "saying MKBOOK_DATADIR is not set"
	like "$msg" "make install" "saying make install fixes it"
	like "$msg" "MKBOOK_DATADIR=DIR" "or MKBOOK_DATADIR=DIR"
	ok "and writes nothing" test ! -e "$TMP/lone/run/build"
fi
out=$(cd "$TMP/lone/run" && env -u MKBOOK_DATADIR ../bin/mkbook --dump-model c)
like "$out" '"title": "Set in Type"' "--dump-model needs no data"
done_testing
