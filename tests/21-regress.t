#!/bin/sh
# Regress pairs: an input article and the --dump-model JSON expected of it,
# checked field by field by eye once and diffed ever since.
#   tests/regress/sample.json      content/01-xinjiang.txt (the sample)
#   tests/regress/NAME.json        tests/regress/NAME.txt or NAME.md
# After a deliberate change to the model, rewrite the expectations with
#   REGRESS_UPDATE=1 sh tests/21-regress.t
# and read the diff (git diff tests/regress) before committing it.
. tests/lib.sh

pairs() {
	echo "sample content/01-xinjiang.txt"
	for in in tests/regress/*.txt tests/regress/*.md; do
		[ -f "$in" ] || continue
		name=$(basename "$in")
		echo "${name%.*} $in"
	done
}

pairs >"$TMP/pairs"
while read -r name in; do
	want=tests/regress/$name.json
	if ! $MKBOOK --dump-model "$in" >"$TMP/$name.json" 2>"$TMP/err"; then
		ok "$name: --dump-model $in" sh -c "cat '$TMP/err'; false"
		continue
	fi
	if [ -n "$REGRESS_UPDATE" ]; then
		cp "$TMP/$name.json" "$want"
		skip "$name: expectation rewritten"
		continue
	fi
	if [ ! -f "$want" ]; then
		ok "$name: $want exists (REGRESS_UPDATE=1 makes it)" false
		continue
	fi
	ok "$name: --dump-model $in matches $want" diff -u "$want" "$TMP/$name.json"
done <"$TMP/pairs"

# The sample's must-show fields, spelled out, so that a wrong expectation
# file cannot pass unnoticed.
if command -v python3 >/dev/null 2>&1; then
	ok "sample: kicker, headline, standfirst, byline, date, caption, 11 paragraphs" python3 -c '
import json, sys
a = json.load(open(sys.argv[1]))["articles"][0]
assert a["kicker"] == "Exclusive", a["kicker"]
assert a["headline"] == "Cross-party MPs shocked by Foreign Office talks with Xinjiang governor"
assert a["standfirst"].startswith("Erkin Tuniyaz \u2018played central role\u2019"), a["standfirst"]
assert a["authors"] == ["Patrick Wintour"] and a["role"] == "Diplomatic Editor"
assert a["date"] == "2023-02-08" and a["date_text"] == "February 8, 2023"
assert a["image"]["credit"] == "Photograph: Mark Schiefelbein/AP", a["image"]
assert a["image"]["caption"].startswith("The cross-party group") and a["image"]["caption"].endswith("genocide\u2019."), a["image"]
assert [b["type"] for b in a["blocks"]] == ["paragraph"] * 11
assert a["blocks"][0]["text"].startswith("The Foreign Office has shocked")
assert a["blocks"][-1]["text"].endswith("how the meeting went.")
assert a["lang"] == "en" and a["dir"] == "ltr"' "tests/regress/sample.json"
else
	skip "python3 is not installed"
fi
done_testing
