#!/bin/sh
# Parallel typesetting (issue 16): -j N / MKBOOK_JOBS lay the articles out
# on N threads while one draws the pages, and the PDF is the same byte for
# byte for every N: the sample book and the corpus book (../shared/corpus)
# with -j 1, -j 2 and -j 8, the layout's own figures (MKBOOK_LAYOUT_STATS)
# too; a bad thread count is bad usage.
. tests/lib.sh
need cmp pdfinfo
export SOURCE_DATE_EPOCH=1700000000

# same BOOK DIR: BOOK built from DIR with -j 1, 2 and 8 (and MKBOOK_JOBS=3)
# gives one PDF and one set of layout figures.
same() {
	for j in 1 2 8; do
		MKBOOK_LAYOUT_STATS="$TMP/$1-$j.json" $MKBOOK -q --pdf -j $j -o "$TMP/$1-$j.pdf" "$2" ||
			return 1
	done
	MKBOOK_JOBS=3 $MKBOOK -q --pdf -o "$TMP/$1-e.pdf" "$2" || return 1
	for j in 2 8 e; do
		cmp "$TMP/$1-1.pdf" "$TMP/$1-$j.pdf" || return 1
	done
	for j in 2 8; do
		cmp "$TMP/$1-1.json" "$TMP/$1-$j.json" || return 1
	done
}

ok "the sample book: -j 1, -j 2, -j 8 and MKBOOK_JOBS=3 write the same PDF and figures" same sample content
if [ -d "$SHARED/corpus" ]; then
	ok "the corpus book: -j 1, -j 2, -j 8 and MKBOOK_JOBS=3 write the same PDF and figures" \
	    same corpus "$SHARED/corpus"
	pages=$(pdfinfo "$TMP/corpus-2.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
	like "$pages" '^[0-9]+$' "the corpus book with -j 2 has pages ($pages)"
else
	skip "$SHARED/corpus is absent: the corpus book is not compared"
	skip "$SHARED/corpus is absent"
fi

# one article: nothing to share out, the same book
mkdir -p "$TMP/one"
cp content/02-the-paragraph-is-the-unit.md "$TMP/one/"
ok "one article: -j 1 and -j 4 the same" sh -c "
	$MKBOOK -q --pdf -j 1 -o '$TMP/one-1.pdf' '$TMP/one' &&
	$MKBOOK -q --pdf -j 4 -o '$TMP/one-4.pdf' '$TMP/one' && cmp '$TMP/one-1.pdf' '$TMP/one-4.pdf'"

for bad in 0 65 x ''; do
	$MKBOOK -q --pdf -j "$bad" -o "$TMP/bad.pdf" content 2>"$TMP/err"
	is "$?" 2 "-j '$bad' is bad usage (exit 2)"
done
like "$(cat "$TMP/err")" "number of threads" "and says what -j takes"
MKBOOK_JOBS=zero $MKBOOK -q --pdf -o "$TMP/bad.pdf" content 2>"$TMP/err"
is "$?" 2 "MKBOOK_JOBS=zero is bad usage (exit 2)"
like "$(cat "$TMP/err")" "MKBOOK_JOBS 'zero'" "and names MKBOOK_JOBS"
ok "no PDF is left after bad usage" test ! -e "$TMP/bad.pdf"

done_testing
