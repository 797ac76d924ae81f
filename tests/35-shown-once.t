#!/bin/sh
# What both books show is decided once (src/model/shown.c): a footnote's
# label is what its first reference shows, in the EPUB and the PDF alike,
# also for a note that only another note cites (the PDF showed its label
# as written, "zz", where the EPUB showed "2").
. tests/lib.sh

mkdir -p "$TMP/in"
cat >"$TMP/in/notes.md" <<'MD'
---
title: Notes
---

A paragraph with a note.[^kp]

[^kp]: The note, citing another.[^zz]

[^zz]: Only cited by a note.
MD

export SOURCE_DATE_EPOCH=1700000000
ok "the book is made" "$MKBOOK" -q -o "$TMP/out" "$TMP/in"
x=$(unzip -p "$TMP"/out/*.epub 'OEBPS/text/a*.xhtml' | tr '\n' ' ')
t=$(pdftotext "$TMP"/out/*.pdf - 2>/dev/null | tr '\n' ' ')
like "$x" 'note-back[^>]*>1</a> The note' "EPUB: the first note is labelled 1"
like "$x" 'note-back[^>]*>2</a> Only cited' "EPUB: the note cited by a note is labelled 2"
like "$t" '1 The note, citing another' "PDF: the first note is labelled 1"
like "$t" '2 Only cited by a note' "PDF: the note cited by a note is labelled 2, as in the EPUB"
is "$(printf '%s' "$t" | grep -c 'zz Only cited')" 0 "PDF: not by its label as written"

done_testing
