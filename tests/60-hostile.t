#!/bin/sh
# Hostile input: every case ends in exit 0 (legal input) or exit 1 with a
# message naming the file, never a crash, a hang or a sanitizer report; the
# EPUBs written pass epubcheck and carry no script; output is atomic.
. tests/lib.sh
need python3 timeout

H=$TMP/h
python3 tests/hostile/mkcases.py "$H"

# run EXPECTED-EXIT NAME ARGS…: mkbook must exit as expected within 300 s,
# with no sanitizer report, and a failure must name the input.
run() {
	_want=$1; _name=$2; shift 2
	timeout 300 "$MKBOOK" "$@" >"$TMP/out" 2>"$TMP/err"
	_rc=$?
	if grep -q -e 'Sanitizer' -e 'runtime error' "$TMP/err"; then
		is "sanitizer report" "none" "$_name: no sanitizer report"
		sed 's/^/#   /' "$TMP/err" | head -20
		return
	fi
	is "$_rc" "$_want" "$_name: exit $_want"
	if [ "$_want" = 1 ]; then
		like "$(head -c 2000 "$TMP/err")" '^mkbook: [^ ]*(\.md|\.txt|\.png|\.jpg|\.yaml|\.epub|\.pdf|/dev/full|dir|\.[A-Za-z0-9]{6})[:]' \
			"$_name: the message names the file"
	fi
}

run 1 "invalid UTF-8" --dump-model "$H/invalid-utf8.txt"
like "$(cat "$TMP/err")" 'invalid-utf8.txt:9: invalid UTF-8' "invalid UTF-8: the line is right"
run 1 "NUL byte" --dump-model "$H/nul.txt"
like "$(cat "$TMP/err")" 'nul.txt:9: NUL' "NUL byte: the line is right"
run 1 "empty file" --dump-model "$H/empty.txt"
run 1 "blank file" --dump-model "$H/blank.txt"
run 0 "CRLF and BOM" --dump-model "$H/crlf-bom.txt"
run 1 "an impossible date in plain text" --dump-model "$H/impossible-date.txt"
like "$(cat "$TMP/err")" "impossible-date.txt:7: '32 March 2024' looks like a date, but there is no such day" \
	"impossible date: file, line and why"
run 1 "an impossible ISO date in plain text" --dump-model "$H/impossible-iso-date.txt"
run 0 "20 MB paragraph, model" --dump-model "$H/huge-paragraph.txt"
run 0 "20 MB paragraph, EPUB" -q --epub -o "$TMP/huge.epub" "$H/huge-paragraph.txt"
run 0 "20 MB paragraph, PDF" -q --pdf -o "$TMP/huge.pdf" "$H/huge-paragraph.txt"
# Deep nesting is legal Markdown: set at a sensible depth, with a warning
for d in deep-quotes deep-lists deep-mixed; do
	run 0 "$d: model" --dump-model "$H/$d.md"
	like "$(cat "$TMP/err")" "$d.md:5: warning: quotes and lists nested deeper than" "$d: one warning"
	run 0 "$d: EPUB" -q --epub -o "$TMP/$d.epub" "$H/$d.md"
	run 0 "$d: PDF" -q --pdf -o "$TMP/$d.pdf" "$H/$d.md"
done
run 1 "YAML alias bomb" --dump-model "$H/alias-bomb.md"
run 1 "YAML wrong type (title)" --dump-model "$H/wrong-type.md"
like "$(cat "$TMP/err")" 'wrong-type.md:2:' "wrong type: the line is right"
run 1 "YAML wrong type (author)" --dump-model "$H/wrong-type-author.md"
like "$(cat "$TMP/err")" 'wrong-type-author.md:3:' "wrong type: the line is right"
run 1 "malformed YAML" --dump-model "$H/bad-yaml.md"
run 0 "unknown front-matter key" --dump-model "$H/unknown-key.md"
like "$(cat "$TMP/err")" 'flavour' "unknown key: a warning names it"
# A picture that cannot be used leaves the book made, with a warning naming
# it (issue 13); --strict makes it an error, named the same way.
for c in "missing-image|a.md:3: warning: image 'nothere.png' not found|a.md:3: image 'nothere.png' not found" \
    "corrupt-png|a.md:3: warning: image 'bad.png' is a damaged PNG|damaged PNG" \
    "corrupt-jpeg|a.md:3: warning: image 'bad.jpg' is a damaged JPEG|damaged JPEG" \
    "huge-png|100000×100000 pixels; the limit.*left out|100000×100000 pixels"; do
	d=${c%%|*}; rest=${c#*|}; warn=${rest%%|*}; err=${rest#*|}
	run 0 "$d: the book is made" --dump-model "$H/$d"
	like "$(cat "$TMP/err")" "$warn" "$d: a warning names it, with its line"
	run 1 "$d under --strict" --strict --dump-model "$H/$d"
	like "$(cat "$TMP/err")" "$err" "$d under --strict: said so"
done
run 0 "a GIF is read (its first frame)" --dump-model "$H/gif"
like "$(cat "$TMP/out")" '"type": "image/gif"' "GIF: its picture is in the model"
run 1 "image path with .." --dump-model "$H/escape-dotdot"
like "$(cat "$TMP/err")" "outside the content directory" "..: refused as outside"
run 1 "absolute image path" --dump-model "$H/escape-abs"
like "$(cat "$TMP/err")" "absolute paths are not allowed" "absolute: refused"
run 1 "symlink pointing out" --dump-model "$H/escape-link"
like "$(cat "$TMP/err")" "outside the content directory" "symlink: refused as outside"
run 1 "body image outside" --dump-model "$H/escape-body"
run 0 "a good image" --dump-model "$H/good-image"
run 0 "dangling footnote reference" -q --epub -o "$TMP/dangling.epub" "$H/dangling-footnote.md"
run 0 "an empty footnote (fuzz regression), EPUB" -q --epub -o "$TMP/emptynote.epub" "$H/empty-footnote.md"
run 0 "an empty footnote, PDF" -q --pdf -o "$TMP/emptynote.pdf" "$H/empty-footnote.md"

# Raw HTML never becomes markup.
run 0 "raw HTML, EPUB" -q --epub -o "$TMP/html.epub" "$H/html.md"
if [ -f "$TMP/html.epub" ]; then
	rm -rf "$TMP/html"; mkdir "$TMP/html"
	(cd "$TMP/html" && unzip -q ../html.epub)
	ok "raw HTML: no script, handler, javascript: or data: URL in the book's markup" \
		python3 tests/hostile/noscript.py "$TMP/html"
	ok "raw HTML: the words survive" grep -rq 'a js link.*a markdown js link' "$TMP/html"
	ok "raw HTML: a div's words survive, its handler does not" grep -rq '<p>a div</p>' "$TMP/html"
	not_ok "raw HTML: no script's text in the book" grep -rq 'alert(' "$TMP/html"
	if command -v java >/dev/null 2>&1 && [ -f /usr/share/java/epubcheck.jar ]; then
		ok "raw HTML: epubcheck passes" epubcheck -q "$TMP/html.epub"
		ok "dangling footnote: epubcheck passes" epubcheck -q "$TMP/dangling.epub"
		ok "empty footnote: epubcheck passes" epubcheck -q "$TMP/emptynote.epub"
	fi
fi
run 0 "raw HTML, PDF" -q --pdf -o "$TMP/html.pdf" "$H/html.md"

# Output: missing directory, not a directory, full disk, devices, stdout.
run 1 "output in a missing directory" -q --epub -o "$TMP/missing/dir/x.epub" content
run 1 "output under a file" -q --epub -o "$H/empty.txt/x.epub" content
run 1 "full disk (/dev/full), EPUB" -q --epub -o /dev/full content
ok "/dev/full is still a character device" test -c /dev/full
run 1 "full disk (/dev/full), PDF" -q --pdf -o /dev/full content
ok "/dev/full is still a character device" test -c /dev/full
"$MKBOOK" -q --epub -o - content >"$TMP/stdout.epub" 2>"$TMP/err"
is "$?" 0 "-o - writes the EPUB to standard output"
is "$(head -c 38 "$TMP/stdout.epub" | tail -c 8)" "mimetype" "and it is a zip with mimetype first"

# A FIFO and /dev/stdout are written in place, never replaced.
mkfifo "$TMP/fifo"
cat "$TMP/fifo" > "$TMP/fifo.epub" &
cpid=$!
"$MKBOOK" -q --epub -o "$TMP/fifo" content 2>"$TMP/err"
is "$?" 0 "a FIFO as output is written through"
wait $cpid
ok "the FIFO is still a FIFO" test -p "$TMP/fifo"
is "$(head -c 38 "$TMP/fifo.epub" | tail -c 8)" "mimetype" "and the book came through it"
"$MKBOOK" -q --pdf -o /dev/stdout content >"$TMP/devstdout.pdf" 2>"$TMP/err"
is "$?" 0 "-o /dev/stdout writes the PDF there"
is "$(head -c 5 "$TMP/devstdout.pdf")" "%PDF-" "and it is a PDF"
ok "a PDF that qpdf accepts" qpdf --check "$TMP/devstdout.pdf"
ok "/dev/stdout is still a link" test -L /dev/stdout

# A symbolic link as output: the book replaces what it points to; the link stays.
ln -s "$TMP/real.epub" "$TMP/link.epub"
"$MKBOOK" -q --epub -o "$TMP/link.epub" content
is "$?" 0 "a link to a book not yet written is written through"
ok "the link is still a link" test -L "$TMP/link.epub"
ok "and the book is where it points" test -s "$TMP/real.epub"

# An existing book survives a failed run, byte for byte.
"$MKBOOK" -q --epub -o "$TMP/keep.epub" content
cp "$TMP/keep.epub" "$TMP/keep.orig"
run 1 "a failed run over an existing book" -q --epub -o "$TMP/keep.epub" "$H/invalid-utf8.txt"
ok "the existing book is untouched" cmp "$TMP/keep.epub" "$TMP/keep.orig"
is "$(ls -A "$TMP" | grep -c '^\.keep')" 0 "no temporary file is left behind"

# A tiny filesystem that fills up mid-write: clean failure, book intact.
mkdir "$TMP/tiny"
if mount -t tmpfs -o size=40k tmpfs "$TMP/tiny" 2>/dev/null; then
	cp "$TMP/keep.orig" "$TMP/tiny/book.epub" 2>/dev/null || true
	printf 'small' > "$TMP/tiny/book.epub"
	run 1 "a disk that fills up" -q --epub -o "$TMP/tiny/book.epub" content
	is "$(cat "$TMP/tiny/book.epub")" "small" "the existing file on the full disk is untouched"
	is "$(ls -A "$TMP/tiny" | wc -l)" 1 "no temporary file is left on the full disk"
	umount "$TMP/tiny"
else
	skip "cannot mount a tmpfs here (not root?)"
fi

# SIGTERM in the middle of a long run removes the temporary file.
"$MKBOOK" -q --pdf -o "$TMP/sig.pdf" "$H/huge-paragraph.txt" 2>/dev/null &
pid=$!
sleep 2
kill -TERM $pid 2>/dev/null
wait $pid 2>/dev/null
is "$(ls -A "$TMP" | grep -c '^\.sig\.pdf\.')" 0 "SIGTERM leaves no temporary file"
ok "and no half-written book" test ! -e "$TMP/sig.pdf"

done_testing
