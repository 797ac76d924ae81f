#!/bin/sh
# Progress: on a terminal a long book shows "article n of N, pages" on
# stderr; nothing when stderr is not a terminal, nothing with -q.
. tests/lib.sh
need script python3
python3 - "$TMP/g" <<'PY'
import os, sys
d = sys.argv[1]
os.makedirs(d)
for i in range(12):
    with open(os.path.join(d, "%02d.md" % i), "w") as f:
        f.write("---\ntitle: Article %d\n---\n\n" % i + ("A paragraph of some words. " * 40 + "\n\n") * 6)
PY
script -qec "$MKBOOK --pdf -o $TMP/tty.pdf $TMP/g" "$TMP/tty.log" >/dev/null 2>&1
is "$?" 0 "the book builds on a terminal"
like "$(tr '\r' '\n' < "$TMP/tty.log")" "article 12 of 12, [0-9]+ pages" "a terminal shows progress by article and page"
script -qec "$MKBOOK -q --pdf -o $TMP/q.pdf $TMP/g" "$TMP/q.log" >/dev/null 2>&1
is "$(tr '\r' '\n' < "$TMP/q.log" | grep -c 'article ')" 0 "-q shows none"
"$MKBOOK" --pdf -o "$TMP/file.pdf" "$TMP/g" 2>"$TMP/err"
is "$(grep -c 'article ' "$TMP/err")" 0 "stderr that is not a terminal gets none"
done_testing
