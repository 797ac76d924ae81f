#!/bin/sh
# Links on paper (issue 15 point 4): --links / the theme's links: choose
# what the PDF shows of a link's URL. footnotes (the default): each external
# URL a note at the foot of its page, once a page however often the page
# links to it, lettered a, b, c apart from the author's numbered notes,
# the link's words still a link; after: the URL in brackets after the
# words; none: nothing. A link whose words are its URL gets no note. The
# EPUB is the same whatever the choice.
. tests/lib.sh
need python3 pdftotext qpdf cmp
export SOURCE_DATE_EPOCH=1700000000

python3 - "$TMP/links.md" <<'PY'
import random, sys
random.seed(3)
words = ("the of and to in a is that for it as was with be by on not he this are or his from "
         "at which but have an they you were her she there would their we him been has when who "
         "will more no if out so said what up its about into than them can only other new some "
         "could time these two may then do first any my now such like our over man me even most "
         "made after also did many before must through back years where much your way well down "
         "should because each just those people").split()
def para(n):
    return " ".join(random.choice(words) for _ in range(n)).capitalize() + "."
out = ["---", "title: Links on paper", "lang: en", "---", ""]
out.append(para(30) + " See [the first source](https://example.org/first/report.html) for "
           "details, and [this page](https://example.com/b?x=1&y=2) too. " + para(20))
out.append("")
out.append(para(40) + " The same [first source again](https://example.org/first/report.html) "
           "on the same page, and its address written out: <https://example.net/plain>. "
           + para(30) + "[^1]")
out.append("")
for i in range(14):
    out += [para(80), ""]
out.append("Later, on another page, [the first source](https://example.org/first/report.html) "
           "once more, and [mail me](mailto:editor@example.org). " + para(30))
out.append("")
out.append("[^1]: An author's own note, which keeps its number.")
open(sys.argv[1], "w").write("\n".join(out) + "\n")
PY

# pages PDF: the pages' text, one file per page, PDF.N.txt
pages() {
	n=$(pdfinfo "$1" | awk '/^Pages:/ {print $2}')
	i=1
	while [ "$i" -le "$n" ]; do
		pdftotext -layout -f "$i" -l "$i" "$1" "$1.$i.txt"
		i=$((i + 1))
	done
}
# page_with PDF TEXT: the text file of the page showing TEXT
page_with() {
	grep -l -- "$2" "$1".*.txt | head -1
}
# notes FILE: the lines at the foot that begin with a mark and a space
notes() {
	grep -E '^ *([a-z]{1,2}|[0-9]+) +[^ ]' "$1" | sed 's/^ *//'
}

$MKBOOK -q --pdf -o "$TMP/f.pdf" "$TMP/links.md"
ok "qpdf --check is clean" qpdf --check "$TMP/f.pdf"
pages "$TMP/f.pdf"
p1=$(page_with "$TMP/f.pdf" "See the first")
p2=$(page_with "$TMP/f.pdf" "on another page")
ok "the links' pages differ" test -n "$p1" -a -n "$p2" -a "$p1" != "$p2"
is "$(notes "$p1" | grep -c 'https://example.org/first/report.html')" 1 \
    "the first page shows the URL linked twice on it once, at its foot"
like "$(notes "$p1")" '^a https://example.org/first/report.html$' "its note is marked a"
like "$(notes "$p1")" '^b https://example.com/b\?x=1&y=2$' "the second URL is b"
like "$(notes "$p1")" "^1 An author.s own note" "the author's note keeps its number"
like "$(cat "$p1")" 'sourcea for details' "the mark follows the link's words"
like "$(cat "$p1")" 'againa on' "the second link to the URL points to the same note"
is "$(notes "$p1" | grep -c 'example.net')" 0 "a link whose words are its URL gets no note"
like "$(notes "$p2")" '^a https://example.org/first/report.html$' \
    "a later page that links to the URL shows its note again, with its mark"
like "$(notes "$p2")" '^c editor@example.org$' "an e-mail link's note shows the address"
qpdf --json "$TMP/f.pdf" >"$TMP/f.json"
ok "the links' words are still links to their URLs (and the notes' URLs too)" \
    python3 - "$TMP/f.json" <<'PY'
import json, sys
objs = json.load(open(sys.argv[1]))["qpdf"][1]
uris = [v["value"]["/A"].get("/URI") for v in objs.values()
        if isinstance(v.get("value"), dict) and v["value"].get("/Subtype") == "/Link"
        and "/A" in v["value"]]
n = sum(1 for u in uris if u and "example.org/first/report.html" in u)
print(n, "links to the first source")
assert n >= 6, uris   # three links, their marks and two notes
PY

$MKBOOK -q --links after --pdf -o "$TMP/a.pdf" "$TMP/links.md"
pdftotext "$TMP/a.pdf" "$TMP/a.txt"
like "$(tr '\n' ' ' <"$TMP/a.txt")" 'the first source \(https://example.org/first/report.html\) for' \
    "--links after: the URL in brackets after the words"
like "$(tr '\n' ' ' <"$TMP/a.txt")" 'mail me \(editor@example.org\)' "an e-mail address after its words"
is "$(grep -c '^a https://' "$TMP/a.txt")" 0 "--links after: no URL notes"
is "$(grep -c '(https://example.net' "$TMP/a.txt")" 0 "a link whose words are its URL is not repeated"

$MKBOOK -q --links none --pdf -o "$TMP/n.pdf" "$TMP/links.md"
pdftotext "$TMP/n.pdf" "$TMP/n.txt"
is "$(grep -c 'example.org\|example.com' "$TMP/n.txt")" 0 "--links none: no URL on paper"

cp -r "$TOP/templates/default" "$TMP/th"
sed -i 's/^links: .*/links: after/' "$TMP/th/theme.yaml"
$MKBOOK -q --theme "$TMP/th" --pdf -o "$TMP/t.pdf" "$TMP/links.md"
pdftotext "$TMP/t.pdf" "$TMP/t.txt"
like "$(tr '\n' ' ' <"$TMP/t.txt")" 'the first source \(https://example.org/first/report.html\)' \
    "the theme's links: after does what --links after does"
$MKBOOK -q --theme "$TMP/th" --links none --pdf -o "$TMP/tn.pdf" "$TMP/links.md"
is "$(pdftotext "$TMP/tn.pdf" - | grep -c 'example.org')" 0 "--links wins over the theme"
sed -i 's/^links: .*/links: sidenotes/' "$TMP/th/theme.yaml"
$MKBOOK -q --theme "$TMP/th" --pdf -o "$TMP/bad.pdf" "$TMP/links.md" 2>"$TMP/err"
is "$?" 1 "a theme's unknown links: is an error"
like "$(cat "$TMP/err")" 'theme.yaml:[0-9]+: .*links: expected footnotes, after or none' \
    "naming the file, the line and the choices"
$MKBOOK -q --links sidenotes --pdf -o "$TMP/bad.pdf" "$TMP/links.md" 2>"$TMP/err"
is "$?" 2 "--links with an unknown value is bad usage"

for l in footnotes after none; do
	$MKBOOK -q --links $l --epub -o "$TMP/$l.epub" "$TMP/links.md"
done
ok "the EPUB is the same with footnotes and after" cmp "$TMP/footnotes.epub" "$TMP/after.epub"
ok "the EPUB is the same with footnotes and none" cmp "$TMP/footnotes.epub" "$TMP/none.epub"
ok "the EPUB keeps the link as a link" sh -c \
    "unzip -p '$TMP/none.epub' OEBPS/text/a01.xhtml | grep -q '<a href=\"https://example.org/first/report.html\">the first source</a>'"
done_testing
