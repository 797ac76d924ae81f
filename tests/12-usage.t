#!/bin/sh
# Usage a new user meets: the format from -o's extension, formats that do not
# fit the file named, page sizes, languages, no input, inputs given twice,
# and both books written all or nothing.
. tests/lib.sh

cp content/01-xinjiang.txt "$TMP/w.txt"
name=cross-party-mps-shocked-by-foreign-office-talks-with

# -o FILE.epub / FILE.pdf with neither --epub nor --pdf: the extension decides.
"$MKBOOK" -q -o "$TMP/book.epub" "$TMP/w.txt" 2>"$TMP/err"; is "$?" 0 "-o book.epub alone writes an EPUB"
ok "the file is an EPUB (mimetype first)" sh -c "unzip -p '$TMP/book.epub' mimetype | grep -qx 'application/epub+zip'"
ok "and no PDF was written" test ! -e "$TMP/book.pdf"
"$MKBOOK" -q -o "$TMP/Book.PDF" "$TMP/w.txt" 2>"$TMP/err"; is "$?" 0 "-o Book.PDF alone (any case) writes a PDF"
is "$(head -c 5 "$TMP/Book.PDF")" "%PDF-" "a PDF it is"
"$MKBOOK" -q -o "$TMP/b.EPub" "$TMP/w.txt" 2>"$TMP/err"; is "$?" 0 "-o b.EPub alone writes an EPUB"
ok "an EPUB it is" sh -c "unzip -p '$TMP/b.EPub' mimetype | grep -qx 'application/epub+zip'"

# Both formats asked for, one file named.
"$MKBOOK" -q --epub --pdf -o "$TMP/one.pdf" "$TMP/w.txt" 2>"$TMP/err"; is "$?" 2 "--epub --pdf -o one.pdf is bad usage"
like "$(cat "$TMP/err")" "one file cannot hold both an EPUB and a PDF: give a directory" "saying one file cannot hold both, and to give a directory"
ok "and nothing is written" test ! -e "$TMP/one.pdf"

# A format and a file name that disagree.
"$MKBOOK" -q --pdf -o "$TMP/wrong.epub" "$TMP/w.txt" 2>"$TMP/err"; is "$?" 2 "--pdf -o x.epub is bad usage"
is "$(cat "$TMP/err")" "mkbook: --pdf writes a PDF, but -o $TMP/wrong.epub names an EPUB file: end the name in .pdf, or ask for --epub" "and says why"
ok "and no PDF named .epub is written" test ! -e "$TMP/wrong.epub"
"$MKBOOK" -q --epub -o "$TMP/wrong.PDF" "$TMP/w.txt" 2>"$TMP/err"; is "$?" 2 "--epub -o x.PDF is bad usage"
like "$(cat "$TMP/err")" "--epub writes an EPUB, but -o .*wrong.PDF names a PDF file" "and says why"
ok "and nothing is written" test ! -e "$TMP/wrong.PDF"

# --paper: malformed or out of range, both bad usage, before any work.
for p in 50x50mm 1x1in 2000x3000mm 10x5000cm; do
	"$MKBOOK" -q --pdf -o "$TMP/p.pdf" --paper "$p" "$TMP/w.txt" 2>"$TMP/err"; is "$?" 2 "--paper $p exits 2"
	is "$(cat "$TMP/err")" "mkbook: --paper $p: the page size is out of range: each side from 64 to 2000 mm (2.5 to 78 in)" \
		"--paper $p: out of range, with the range"
done
"$MKBOOK" -q --pdf -o "$TMP/p.pdf" --paper foo "$TMP/w.txt" 2>"$TMP/err"; is "$?" 2 "--paper foo exits 2"
like "$(cat "$TMP/err")" "^mkbook: --paper foo: expected a4, a5, a3, b5, letter, legal or WxH with a unit" "and lists the forms"
"$MKBOOK" -q --epub -o "$TMP/p.epub" --paper 1x1in "$TMP/w.txt" 2>/dev/null; is "$?" 2 "a bad --paper is refused for an EPUB too"
ok "and nothing is written" test ! -e "$TMP/p.pdf" -o -e "$TMP/p.epub"
"$MKBOOK" -q --pdf -o "$TMP/p.pdf" --paper 63x100mm "$TMP/w.txt" 2>/dev/null; is "$?" 2 "--paper 63x100mm, just under the range, exits 2"
# The ends of the range make real PDFs with the default theme.
for p in "64x2000mm 181.417 x 5669.29" "2.5x78in 180 x 5616" "6x9in 432 x 648"; do
	set -- $p
	"$MKBOOK" -q --pdf -o "$TMP/p.pdf" --paper "$1" "$TMP/w.txt" 2>"$TMP/err"; is "$?" 0 "--paper $1 writes a PDF"
	if command -v pdfinfo >/dev/null; then
		like "$(pdfinfo "$TMP/p.pdf" | grep 'Page size')" "$2 $3 $4 pts" "of $2 by $4 pt"
	else
		skip "pdfinfo is not installed"
	fi
	rm -f "$TMP/p.pdf"
done

# --lang: bad usage too.
"$MKBOOK" --dump-model --lang French "$TMP/w.txt" >/dev/null 2>"$TMP/err"; is "$?" 2 "--lang French exits 2"
like "$(cat "$TMP/err")" "^mkbook: --lang 'French' is not a BCP 47 language tag" "and says why"

# No input and no content/.
mkdir "$TMP/bare"
(cd "$TMP/bare" && "$MKBOOK" >/dev/null 2>"$TMP/err"); is "$?" 2 "no input and no content/ is bad usage"
like "$(cat "$TMP/err")" "^mkbook: no input was given, and there is no content/ directory here" "saying no input was given and content/ does not exist"
like "$(cat "$TMP/err")" "see mkbook --help" "pointing at mkbook --help"
(cd "$TMP/bare" && "$MKBOOK" --dump-model >/dev/null 2>&1); is "$?" 2 "the same with --dump-model"
mkdir "$TMP/bare/content"; cp "$TMP/w.txt" "$TMP/bare/content/"
(cd "$TMP/bare" && "$MKBOOK" --dump-model >/dev/null 2>&1); is "$?" 0 "no input with a content/ directory reads it"

# The same input twice on the command line.
"$MKBOOK" --dump-model "$TMP/w.txt" "$TMP/w.txt" >/dev/null 2>"$TMP/err"; is "$?" 2 "an article given twice is bad usage"
is "$(head -1 "$TMP/err")" "mkbook: '$TMP/w.txt' is given twice on the command line; each input is read once" "and names it"
(cd "$TMP" && "$MKBOOK" --dump-model w.txt ./bare/../w.txt >/dev/null 2>"$TMP/err"); is "$?" 2 "the same article spelled two ways is bad usage"
like "$(head -1 "$TMP/err")" "'w.txt' and './bare/../w.txt' are the same input" "and names both"
"$MKBOOK" --dump-model "$TMP/bare/content" "$TMP/bare/content/" >/dev/null 2>&1; is "$?" 2 "a directory given twice is bad usage"
cp "$TMP/w.txt" "$TMP/w2.txt"
"$MKBOOK" --dump-model "$TMP/w.txt" "$TMP/w2.txt" >/dev/null 2>&1; is "$?" 0 "two files with the same text are two inputs"

# Both formats: all or nothing.
mkdir -p "$TMP/out/$name.pdf"
"$MKBOOK" -q -o "$TMP/out" "$TMP/w.txt" 2>"$TMP/err"; is "$?" 1 "a directory where the PDF goes fails the run"
like "$(cat "$TMP/err")" "$name.pdf: is a directory" "naming the PDF"
ok "and no EPUB is left beside no PDF" test ! -e "$TMP/out/$name.epub"
is "$(ls -A "$TMP/out")" "$name.pdf" "and no temporary file is left"
rmdir "$TMP/out/$name.pdf"
echo old-epub >"$TMP/out/$name.epub"; echo old-pdf >"$TMP/out/$name.pdf"
# The PDF step fails after the EPUB was made (its layout statistics cannot be written).
MKBOOK_LAYOUT_STATS="$TMP/no/such/dir/stats" "$MKBOOK" -q -o "$TMP/out" "$TMP/w.txt" 2>"$TMP/err"
is "$?" 1 "a PDF step that fails after the EPUB was made fails the run"
is "$(cat "$TMP/out/$name.epub")" "old-epub" "and the old EPUB is untouched"
is "$(cat "$TMP/out/$name.pdf")" "old-pdf" "as is the old PDF"
is "$(ls -A "$TMP/out" | tr '\n' ' ')" "$name.epub $name.pdf " "and no temporary file is left"
"$MKBOOK" -q -o "$TMP/out" "$TMP/w.txt" 2>"$TMP/err"; is "$?" 0 "both books are written when both succeed"
is "$(head -c 5 "$TMP/out/$name.pdf")" "%PDF-" "the new PDF is in place"
ok "beside the new EPUB" sh -c "unzip -p '$TMP/out/$name.epub' mimetype | grep -qx 'application/epub+zip'"

# Type too large for the theme or the page: a clear error, no crash, no book
cp -r templates/default "$TMP/big"
sed -i 's/^size: 10.5pt/size: 60pt/' "$TMP/big/theme.yaml"
"$MKBOOK" -q --pdf -o "$TMP/big.pdf" --theme "$TMP/big" "$TMP/w.txt" 2>"$TMP/err"
is "$?" 1 "a theme's size of 60pt exits 1"
like "$(cat "$TMP/err")" "theme.yaml:[0-9]*: theme: size 60pt is out of range: the body text takes 6pt to 24pt" \
    "naming theme.yaml, its line and the range"
sed -i 's/^size: 60pt/size: 24pt/; s/^leading: 14pt/leading: 29pt/' "$TMP/big/theme.yaml"
"$MKBOOK" -q --pdf --paper 64x64mm -o "$TMP/big.pdf" --theme "$TMP/big" "$TMP/w.txt" 2>"$TMP/err"
is "$?" 1 "24pt type on a 64 mm page exits 1 (cairo aborted there before)"
like "$(cat "$TMP/err")" "leaves room for [0-9]+ lines .* at least 8 lines" "saying how many lines the page holds"
ok "and writes no book" test ! -e "$TMP/big.pdf"

# A theme named in book.yaml is found from the book's directory, whatever
# the current one; a missing one names book.yaml's line
mkdir -p "$TMP/pub/book"
cp -r templates/default "$TMP/pub/mytheme"
sed -i 's/^size: 10.5pt/size: 11pt/' "$TMP/pub/mytheme/theme.yaml"
cp "$TMP/w.txt" "$TMP/pub/book/"
printf 'title: Pub\ntheme: ../mytheme\n' >"$TMP/pub/book/book.yaml"
(cd / && "$MKBOOK" -q --pdf -o "$TMP/pub.pdf" "$TMP/pub/book" 2>"$TMP/err")
is "$?" 0 "book.yaml's theme: ../mytheme is found from the book's directory"
printf 'title: Pub\n\ntheme: ../nowhere\n' >"$TMP/pub/book/book.yaml"
(cd / && "$MKBOOK" -q --pdf -o "$TMP/pub2.pdf" "$TMP/pub/book" 2>"$TMP/err")
is "$?" 1 "a theme that is not there exits 1"
like "$(cat "$TMP/err")" "book.yaml:3: theme '../nowhere' is not a directory" "naming book.yaml and its line"

"$MKBOOK" -q --pdf --paper 300x400 -o "$TMP/nounit.pdf" "$TMP/w.txt" 2>"$TMP/err"
is "$?" 2 "--paper 300x400 (no unit) is bad usage"
like "$(cat "$TMP/err")" "WxH with a unit" "and says a unit is wanted"

mkdir -p "$TMP/slash"
"$MKBOOK" -o "$TMP/slash/" "$TMP/w.txt" 2>"$TMP/err"
ok "-o DIR/ names what it wrote without a double slash" sh -c "grep -q 'wrote .*slash/[^/]*\.pdf' '$TMP/err' && ! grep -q '//' '$TMP/err'"

done_testing
