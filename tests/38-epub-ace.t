#!/bin/sh
# DAISY Ace (the EPUB accessibility checker, axe-core over each document
# in a headless Chromium) on the corpus book made with its PDF, page list
# and all: no violation. Ace is not a Debian package; the test runs it when
# it is installed and skips visibly when not:
#   PUPPETEER_SKIP_DOWNLOAD=1 npm install --ignore-scripts @daisy/ace  (in /opt/ace)
#   apt-get install chromium
# ACE (default: ace-puppeteer on PATH, else /opt/ace/node_modules/.bin/)
# and PUPPETEER_EXECUTABLE_PATH (default /usr/bin/chromium) say where.
. tests/lib.sh
need python3
need_shared

ACE=${ACE:-$(command -v ace-puppeteer || echo /opt/ace/node_modules/.bin/ace-puppeteer)}
export PUPPETEER_EXECUTABLE_PATH=${PUPPETEER_EXECUTABLE_PATH:-/usr/bin/chromium}
if [ ! -x "$ACE" ] || [ ! -x "$PUPPETEER_EXECUTABLE_PATH" ]; then
	echo "# NOTICE: DAISY Ace ($ACE) or chromium ($PUPPETEER_EXECUTABLE_PATH) is not installed; skipped"
	skip "DAISY Ace or chromium is not installed"
	done_testing
	exit 0
fi

export SOURCE_DATE_EPOCH=1700000000
$MKBOOK -q -o "$TMP/book" "$SHARED/corpus" 2>/dev/null
is "$?" 0 "the corpus book, EPUB and PDF in one run"
"$ACE" -f -s -o "$TMP/ace" "$TMP/book/corpus.epub" >"$TMP/ace.log" 2>&1
is "$?" 0 "Ace runs to the end"
tail -3 "$TMP/ace.log" | sed 's/^/#   /'
ok "Ace reports no violation (page breaks, page list and page source included)" \
	python3 tests/acecheck.py "$TMP/ace/report.json"
like "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["properties"]["hasPageBreaks"])' "$TMP/ace/report.json")" \
	'^True$' "Ace sees the page breaks"

done_testing
