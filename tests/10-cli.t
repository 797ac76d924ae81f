#!/bin/sh
# The command line: options, exit codes and messages.
. tests/lib.sh

out=$($MKBOOK --version); is "$?" 0 "--version exits 0"
like "$out" '^mkbook [0-9]+\.[0-9]+' "--version prints the version"
out=$($MKBOOK --help); is "$?" 0 "--help exits 0"
like "$out" 'dump-model' "--help lists the options"

$MKBOOK --no-such-option >/dev/null 2>"$TMP/err"; is "$?" 2 "an unknown option exits 2"
is "$(head -1 "$TMP/err")" "mkbook: unknown option '--no-such-option'" "and says why, as mkbook"
$MKBOOK -o >/dev/null 2>"$TMP/err"; is "$?" 2 "an option without its value exits 2"
is "$(head -1 "$TMP/err")" "mkbook: option '-o' needs a value" "and says which"
$MKBOOK --dump-model --epub content >/dev/null 2>&1; is "$?" 2 "--dump-model with --epub is bad usage"
$MKBOOK -o - content >/dev/null 2>&1; is "$?" 2 "-o - with both formats is bad usage"
$MKBOOK --title '' content >/dev/null 2>&1; is "$?" 2 "an empty --title is bad usage"
$MKBOOK --epub --pdf -o "$TMP/x.pdf" content >/dev/null 2>"$TMP/err"; is "$?" 2 "-o FILE.pdf with both formats is bad usage"
like "$(cat "$TMP/err")" "one file cannot hold both an EPUB and a PDF" "and says why"
ok "and no directory x.pdf is made" test ! -e "$TMP/x.pdf"
cp -R templates/default "$TMP/theme"
sed -i 's/^  body: .*/  body: No Such Font Family/' "$TMP/theme/theme.yaml"
$MKBOOK -o "$TMP/th" --theme "$TMP/theme" content/01-xinjiang.txt >/dev/null 2>"$TMP/err"
is "$?" 0 "a theme naming a font that is not installed still builds"
is "$(grep -c "font family 'No Such Font Family' is not installed" "$TMP/err")" 1 "with one warning that names the font"

$MKBOOK --dump-model "$TMP/missing.txt" >/dev/null 2>"$TMP/err"; is "$?" 1 "a missing input exits 1"
like "$(cat "$TMP/err")" "^mkbook: $TMP/missing.txt: No such file" "naming the file"

printf 'top of page\n\nHeadline\n\nA paragraph \377 of text.\n' >"$TMP/bad.txt"
$MKBOOK --dump-model "$TMP/bad.txt" >/dev/null 2>"$TMP/err"; is "$?" 1 "invalid UTF-8 exits 1"
is "$(cat "$TMP/err")" "mkbook: $TMP/bad.txt:5: invalid UTF-8 (byte 0xff)" "with FILE:LINE: message"

printf 'Headline\n' >"$TMP/x.doc"
$MKBOOK --dump-model "$TMP/x.doc" >/dev/null 2>"$TMP/err"; is "$?" 1 "an unknown input format exits 1"
like "$(cat "$TMP/err")" "x.doc: unknown input format" "and names the file"

mkdir "$TMP/empty"
$MKBOOK --dump-model "$TMP/empty" >/dev/null 2>"$TMP/err"; is "$?" 1 "a directory with no articles exits 1"
like "$(cat "$TMP/err")" "empty: no articles" "and says so"

$MKBOOK --dump-model --lang C content/01-xinjiang.txt >/dev/null 2>"$TMP/err"
is "$?" 2 "--lang C is refused as bad usage"
like "$(cat "$TMP/err")" "not a BCP 47" "as not BCP 47"

out=$($MKBOOK --dump-model --title "My Digest" --author "A. Editor" --lang en-GB content/01-xinjiang.txt)
is "$?" 0 "--dump-model on the sample exits 0"
printf '%s' "$out" > "$TMP/model.json"
ok "--dump-model prints JSON" python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$TMP/model.json"
ok "--title, --author and --lang set the book" python3 -c '
import json,sys
b = json.load(open(sys.argv[1]))["book"]
assert b["title"] == "My Digest", b
assert b["authors"] == ["A. Editor"], b
assert b["lang"] == "en-GB", b' "$TMP/model.json"

$MKBOOK -q --epub -o "$TMP/nodir/x.epub" content/01-xinjiang.txt 2>"$TMP/err"
is "$?" 1 "an output path in a missing directory exits 1"
like "$(cat "$TMP/err")" "nodir/x.epub: output directory .* does not exist" "and names it"

printf -- '---\ntitle: "Māori tribes: the Ōtākou Whalers’ Guide to Ærø and ß, told over many more words"\n---\n\nBody.\n' >"$TMP/t.md"
"$MKBOOK" -q -o "$TMP/named" "$TMP/t.md"
is "$(ls "$TMP/named" | tr '\n' ' ')" "maori-tribes-the-otakou-whalers-guide-to-aro-and-s-told.epub maori-tribes-the-otakou-whalers-guide-to-aro-and-s-told.pdf " \
	"both books are named from the title, accents to base letters, cut at a word"
cp -R content "$TMP/ul"; cp content/01-xinjiang.txt "$TMP/ul/03-extra.txt"; : >"$TMP/ul/notes.docx"
"$MKBOOK" --dump-model "$TMP/ul" >/dev/null 2>"$TMP/err"
like "$(cat "$TMP/err")" "book.yaml: warning: '03-extra.txt' is not in the list of articles" "an article book.yaml leaves out is named in a warning"
like "$(cat "$TMP/err")" "notes.docx: warning: skipped" "a document mkbook cannot read is named in a warning"
sed -i 's/01-xinjiang.txt/01-xinjang.txt/' "$TMP/ul/book.yaml"
"$MKBOOK" --dump-model "$TMP/ul" >/dev/null 2>"$TMP/err"; is "$?" 1 "a misspelled article in book.yaml exits 1"
like "$(cat "$TMP/err")" "^mkbook: $TMP/ul/book.yaml:16: lists the article '01-xinjang.txt', which cannot be read" "naming book.yaml and the entry's line"
cp -R content "$TMP/dup"
printf '  - 01-xinjiang.txt\n' >>"$TMP/dup/book.yaml"
"$MKBOOK" --dump-model "$TMP/dup" >/dev/null 2>"$TMP/err"; is "$?" 1 "an article listed twice in book.yaml exits 1"
is "$(cat "$TMP/err")" "mkbook: $TMP/dup/book.yaml:19: lists the article '01-xinjiang.txt' again; it is already in the book ($TMP/dup/book.yaml:16), and an article is read once" \
	"naming both lines"
sed -i '$d' "$TMP/dup/book.yaml"; printf '  - ./01-xinjiang.txt\n' >>"$TMP/dup/book.yaml"
"$MKBOOK" --dump-model "$TMP/dup" >/dev/null 2>"$TMP/err"; is "$?" 1 "the same article by another name is refused too"
like "$(cat "$TMP/err")" "book.yaml:19: lists the article '\\./01-xinjiang.txt' again" "naming the line"
sed -i '$d' "$TMP/dup/book.yaml"
"$MKBOOK" --dump-model "$TMP/dup" "$TMP/dup/01-xinjiang.txt" >/dev/null 2>"$TMP/err"; is "$?" 1 "a directory's article given again on the command line exits 1"
is "$(cat "$TMP/err")" "mkbook: $TMP/dup/01-xinjiang.txt: this article is already in the book ($TMP/dup/book.yaml:16), and an article is read once" \
	"saying where it was read first"
mkdir -p "$TMP/a/b"; cp content/01-xinjiang.txt "$TMP/a/x.txt"
(cd "$TMP/a/b" && "$MKBOOK" --dump-model ../x.txt >/dev/null 2>&1)
is "$?" 0 "an input named with ../ is read"
cp content/01-xinjiang.txt "$TMP/a/.hidden.txt"
out=$("$MKBOOK" --dump-model "$TMP/a" | grep -c '"source"')
is "$out" 1 "hidden files in a content directory are passed over"

done_testing
