#!/bin/sh
# The plain-text reader over the real-world corpus in ../shared/corpus:
# every article parses, no word of the input is lost in the model
# (tests/wordcheck.py), and the language detected is the right one.
. tests/lib.sh
need_shared
need python3

# The checker itself must be able to fail: drop one word from a model,
# add one to another, and it has to notice.
f=$(ls "$SHARED"/corpus/*.txt | head -1)
if $MKBOOK --dump-model "$f" >"$TMP/one.json" 2>"$TMP/err"; then
	python3 - "$TMP/one.json" "$TMP/lost.json" "$TMP/added.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
blk = next(b for b in m["articles"][0]["blocks"] if b["type"] == "paragraph")
words = blk["text"].split()
blk["text"] = " ".join(words[:3] + words[4:])
json.dump(m, open(sys.argv[2], "w"))
blk["text"] = " ".join(words + ["extra"])
json.dump(m, open(sys.argv[3], "w"))
PY
	not_ok "wordcheck notices a lost word" python3 tests/wordcheck.py "$f" "$TMP/lost.json"
	not_ok "wordcheck notices an added word" python3 tests/wordcheck.py "$f" "$TMP/added.json"
else
	ok "--dump-model $(basename "$f")" false
fi

for f in "$SHARED"/corpus/*.txt; do
	name=$(basename "$f" .txt)
	# the file names say the language: 04-de-spiegel-… is German
	want=$(echo "$name" | cut -d- -f2)
	if ! $MKBOOK --dump-model "$f" >"$TMP/$name.json" 2>"$TMP/err"; then
		ok "$name: --dump-model exits 0" sh -c "cat '$TMP/err'; false"
		continue
	fi
	ok "$name: no word lost" python3 tests/wordcheck.py "$f" "$TMP/$name.json"
	got=$(python3 -c 'import json,sys; a=json.load(open(sys.argv[1]))["articles"][0]; print(a["lang"] if a.get("lang") else "-", a["dir"])' "$TMP/$name.json")
	case $want in
	ar) wantdir=rtl ;;
	*) wantdir=ltr ;;
	esac
	is "$got" "$want $wantdir" "$name: language $want, direction $wantdir"
done

# The corpus's header lines were rewritten into the template's English
# form; SOURCES.md gives the original strings. Put them back (copies in a
# temporary folder) and every header field must still come out right, with
# no word lost.
mkdir -p "$TMP/orig"
python3 - "$SHARED/corpus" "$TMP/orig" <<'PY'
import glob, os, sys
src, dst = sys.argv[1], sys.argv[2]
# file prefix: (line as normalised, original line); None deletes the line
subs = {
    "01": [("By Eleanor Ainge Roy (reporting) and Adrian Malloch (photography)",
            "by Eleanor Ainge Roy (reporting) and Adrian Malloch (photography)"),
           ("January 3, 2019", "Thu 3 Jan 2019 02.00 EST")],
    "04": [("By Clemens H\u00f6ges", "Von Clemens H\u00f6ges"),
           ("December 22, 2018", "22.12.2018")],
    "05": [("By Martin Untersinger (avec Damien Leloup et Morgane Tual) - Journaliste au Monde",
            "Le Monde | 04.05.2015 \u00e0 13h36 \u2022 Mis \u00e0 jour le 05.05.2015 \u00e0 20h13 | "
            "Par Martin Untersinger (avec Damien Leloup et Morgane Tual)"),
           ("May 4, 2015", None)],
    "06": [("August 28, 2013", "\u0627\u0644\u0623\u0631\u0628\u0639\u0627\u0621\u060c 28 "
            "\u0622\u0628/\u0627\u063a\u0633\u0637\u0633 2013\u060c \u0622\u062e\u0631 "
            "\u062a\u062d\u062f\u064a\u062b 14:00 (GMT+0400)")],
    "07": [("December 10, 2012", "\u66f4\u65b0\u65f6\u95f4 2012\u5e7412\u670810\u65e5, "
            "\u683c\u6797\u5c3c\u6cbb\u6807\u51c6\u65f6\u95f410:41")],
    "08": [("June 18, 2018", "2018\u5e746\u670818\u65e5 10:01\u3000\u767a\u4fe1\u5730\uff1a"
            "\u30ab\u30ce/\u30ca\u30a4\u30b8\u30a7\u30ea\u30a2")],
}
for pre, pairs in subs.items():
    path = glob.glob(os.path.join(src, pre + "-*.txt"))[0]
    lines = open(path, encoding="utf-8").read().split("\n")
    for old, new in pairs:
        i = lines.index(old)	# the normalised line must be there
        if new is None:
            del lines[i:i + 2]	# the line and the blank after it
        else:
            lines[i] = new
    open(os.path.join(dst, pre + ".txt"), "w", encoding="utf-8").write("\n".join(lines))
PY
orig() {	# orig NN PYTHON-ASSERTS
	if $MKBOOK --dump-model "$TMP/orig/$1.txt" >"$TMP/orig/$1.json" 2>"$TMP/err"; then
		ok "$1 with its original header lines: the fields" python3 -c "
import json, sys
a = json.load(open(sys.argv[1]))['articles'][0]
$2" "$TMP/orig/$1.json"
		ok "$1 with its original header lines: no word lost" \
			python3 tests/wordcheck.py "$TMP/orig/$1.txt" "$TMP/orig/$1.json"
	else
		ok "$1: --dump-model" sh -c "cat '$TMP/err'; false"
	fi
}
orig 01 'assert a["authors"] == ["Eleanor Ainge Roy", "Adrian Malloch"], a["authors"]
assert a["author_roles"] == ["reporting", "photography"], a.get("author_roles")
assert a["date"] == "2019-01-03" and a["date_text"] == "Thu 3 Jan 2019 02.00 EST", a["date"]
assert a["standfirst"].startswith("New Zealand"), a["standfirst"]
assert a["image"]["credit"] == "Photograph: Adrian Malloch for the Guardian", a["image"]'
orig 04 'assert a["authors"] == ["Clemens H\u00f6ges"], a["authors"]
assert a["date"] == "2018-12-22" and a["date_text"] == "22.12.2018", a["date"]
assert a["standfirst"].startswith("Der Reporter"), a["standfirst"]'
orig 05 'assert a["authors"] == ["Martin Untersinger", "Damien Leloup", "Morgane Tual"], a["authors"]
assert a["site"] == "Le Monde", a.get("site")
assert a["date"] == "2015-05-04" and a["date_modified"] == "2015-05-05", (a["date"], a.get("date_modified"))
assert a["date_text"] == "04.05.2015 \u00e0 13h36", a["date_text"]
assert a["headline"].startswith("Le projet de loi"), a["headline"]'
orig 06 'assert a["authors"] == [] and a["date"] == "2013-08-28", (a["authors"], a["date"])
assert a["blocks"][0]["type"] == "paragraph"'
orig 07 'assert a["authors"] == [] and a["date"] == "2012-12-10", (a["authors"], a["date"])'
orig 08 'assert a["date"] == "2018-06-18", a["date"]
assert a["dateline"] == "\u30ab\u30ce/\u30ca\u30a4\u30b8\u30a7\u30ea\u30a2", a.get("dateline")'
done_testing
