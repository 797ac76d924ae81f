#!/bin/sh
# How well the HTML reader finds the article (issue 12), scored on the DEV
# halves of both suites in ../shared/html-corpus with ../shared/tools/
# extract-score.py (the whole of each half: about a minute with -j 2).
# The test fails when a score falls below its floor. The floors are what
# main reaches now, a little below it; they only go up. The issue's
# targets are higher where main does not reach them yet (trafilatura F1
# 0.93, byline 90%): see README.md, "How well it finds the article".
# Skips visibly without ../shared/html-corpus.
. tests/lib.sh
need python3
C=$SHARED/html-corpus
S=$SHARED/tools/extract-score.py
if [ ! -d "$C/trafilatura" ] || [ ! -d "$C/readability" ] || [ ! -f "$S" ]; then
	echo "# NOTICE: $C is absent; the extraction scores are not measured"
	skip "../shared/html-corpus is absent"
	done_testing
	exit 0
fi

# floors
TRAF_F1=0.89
READ_F1=0.945
TITLE=0.95
BYLINE=0.85
DATE=0.90
LANG=1.0

python3 "$S" --suite trafilatura "$C/trafilatura" --mkbook "$MKBOOK" -j 2 --json \
	>"$TMP/t.json" 2>"$TMP/t.err"
python3 "$S" --suite readability "$C/readability" --mkbook "$MKBOOK" -j 2 --json \
	>"$TMP/r.json" 2>"$TMP/r.err"
sed 's/^/# /' "$TMP/t.err" | sed -n '1,6p'
sed 's/^/# /' "$TMP/r.err" | sed -n '1,8p'

# at LABEL VALUE FLOOR: VALUE >= FLOOR
at() {
	is "$(python3 -c "print('%.3f' % $2 if $2 >= $3 else 'below: %.3f' % $2)")" \
		"$(python3 -c "print('%.3f' % $2)")" "$1 >= $3"
}
T=$(python3 -c "import json; print(json.load(open('$TMP/t.json'))['scores']['f1'])")
R=$(python3 -c "import json; print(json.load(open('$TMP/r.json'))['saved_pages']['f1'])")
M() {
	python3 -c "import json; print(json.load(open('$TMP/r.json'))['metadata']['$1']['accuracy'])"
}
at "trafilatura DEV half: F1" "$T" "$TRAF_F1"
at "Readability DEV half, saved pages: content F1" "$R" "$READ_F1"
at "Readability DEV half: title" "$(M title)" "$TITLE"
at "Readability DEV half: byline" "$(M byline)" "$BYLINE"
at "Readability DEV half: date" "$(M publishedTime)" "$DATE"
at "Readability DEV half: lang" "$(M lang)" "$LANG"
done_testing
