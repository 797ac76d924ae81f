#!/bin/sh
# Both books from saved web pages of the shared corpus (issue 12): every word
# the extraction scorer counts as article text is in the EPUB and in the PDF
# (tests/html/bookwords.py), epubcheck is clean, and the EPUB has no script
# and no remote resource. Skips visibly without ../shared.
. tests/lib.sh
need python3 java pdftotext
R=$SHARED/html-corpus/readability
if [ ! -d "$R" ] || [ ! -f "$SHARED/tools/extract-score.py" ]; then
	echo "# NOTICE: $R is absent; the corpus books are not built"
	skip "../shared/html-corpus is absent"
	done_testing
	exit 0
fi
mkdir -p "$TMP/pages"
for p in 002 aclu wikipedia-4 nytimes-3 heise rtl-4; do
	cp "$R/$p/source.html" "$TMP/pages/$p.html"
done
ok "the corpus pages make both books" "$MKBOOK" -q -o "$TMP/out" "$TMP/pages"
"$MKBOOK" -q --dump-model "$TMP/pages" >"$TMP/model.json"
ok "every article word is in the EPUB and in the PDF; no script, no remote resource" \
	python3 tests/html/bookwords.py "$SHARED/tools/extract-score.py" "$TMP/model.json" \
	"$TMP/out/"*.epub "$TMP/out/"*.pdf
python3 -c "import json,sys; m=json.load(open(sys.argv[1])); m['articles'][0]['blocks'][0]['text'] += ' zzyzxword'; json.dump(m, open(sys.argv[2], 'w'))" \
	"$TMP/model.json" "$TMP/added.json"
not_ok "the check notices a word that is in neither book" \
	python3 tests/html/bookwords.py "$SHARED/tools/extract-score.py" "$TMP/added.json" \
	"$TMP/out/"*.epub "$TMP/out/"*.pdf
ok "epubcheck: no errors, no warnings" sh -c \
	"java -jar /usr/share/java/epubcheck.jar '$TMP/out/'*.epub 2>&1 | grep -q 'Messages: 0 fatals / 0 errors / 0 warnings'"
done_testing
