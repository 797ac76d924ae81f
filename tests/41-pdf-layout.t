#!/bin/sh
# The PDF's layout, from the typesetter's own figures (MKBOOK_LAYOUT_STATS)
# and from the text's positions: no widow and no orphan in the sample book
# and the corpus books, no heading left without two lines after it, no
# figure parted from its caption, every footnote begun on its reference's
# page, nothing below the text block (tests/43-pages.t has the stress books); a book's measure (60-75 characters a line); no
# justified line past the measure (../shared/tools/pdf-typo-stats.py, whose
# other figures are printed for the record).
. tests/lib.sh
need python3 pdftotext

# layout NAME INPUT…: build, then check the layout's own figures.
layout() {
	_name=$1
	shift
	if MKBOOK_LAYOUT_STATS="$TMP/stats.json" $MKBOOK -q --pdf -o "$TMP/$_name.pdf" "$@" 2>"$TMP/err"; then
		ok "$_name: builds" true
	else
		ok "$_name: builds" sh -c "cat '$TMP/err'; false"
		return
	fi
	ok "$_name: no widow and no orphan (the layout's own count)" python3 - "$TMP/stats.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
print(s)
sys.exit(0 if s["widows_orphans"] == 0 and s["pages"] > 0 else 1)
PY
	ok "$_name: headings kept with what follows, figures with captions, notes on their pages, nothing below the text block" python3 - "$TMP/stats.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
sys.exit(0 if s["headings_stranded"] == 0 and s["figures_split"] == 0 and s["overflows"] == 0
         and s["max_bottom"] <= s["body_h"] + 0.01 and s["notes_placed"] == s["notes"]
         and s["notes_late"] == 0 and s["notes_gaps"] == 0 else 1)
PY
}

# measure PDF: the median length of full body lines, in characters.
measure() {
	pdftotext "$1" - | python3 -c '
import sys, statistics
lines = [l for l in sys.stdin.read().splitlines() if len(l) > 45]
print(int(statistics.median(lines and [len(l) for l in lines] or [0])))'
}

layout sample content
m=$(measure "$TMP/sample.pdf")
ok "sample: a book measure, 60-75 characters a line (median $m)" test "$m" -ge 60 -a "$m" -le 75

need_shared
for f in "$SHARED"/corpus/*.txt; do
	layout "$(basename "$f" .txt)" "$f"
done
layout edf "$SHARED"/corpus/0[1-5]-*.txt
m=$(measure "$TMP/edf.pdf")
ok "English, German, French: 60-75 characters a line (median $m)" test "$m" -ge 60 -a "$m" -le 75
if [ -f "$SHARED/tools/pdf-typo-stats.py" ]; then
	python3 "$SHARED/tools/pdf-typo-stats.py" "$TMP/edf.pdf" --json >"$TMP/typo.json"
	sed 's/^/# pdf-typo-stats: /' "$TMP/typo.json"
	ok "English, German, French: no justified line runs past the measure" python3 - "$TMP/typo.json" <<'PY'
import json, sys
sys.exit(0 if json.load(open(sys.argv[1]))["overfull"] == 0 else 1)
PY
else
	skip "pdf-typo-stats.py is absent"
fi

# The byline's date: after a middle dot on the byline's line when it fits,
# else on a line of its own; never a dot left at a line's end or start.
mkdir -p "$TMP/by"
cp "$SHARED"/corpus/0[1-5]-*.txt "$TMP/by/"
for paper in a4 letter a5; do
	$MKBOOK -q --pdf --paper $paper -o "$TMP/by-$paper.pdf" "$TMP/by" &&
	    pdftotext -layout "$TMP/by-$paper.pdf" "$TMP/by-$paper.txt"
	ok "byline, $paper: no middle dot ends or starts a line" python3 - "$TMP/by-$paper.txt" <<'PY'
import sys
lines = [l.strip() for l in open(sys.argv[1], encoding="utf-8")]
bad = [l for l in lines if l.endswith("\u00b7") or l.startswith("\u00b7")]
print("#", bad[:3])
sys.exit(1 if bad else 0)
PY
done
ok "byline, a4: a date after a middle dot on the byline's line" python3 -c '
import re, sys
t = open(sys.argv[1], encoding="utf-8").read()
sys.exit(0 if re.search(r"\S\s+\u00b7\s+\w+ \d+, 20\d\d", t) else 1)' "$TMP/by-a4.txt"

done_testing
