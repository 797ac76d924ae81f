#!/bin/sh
# Page breaking, from the typesetter's own figures (MKBOOK_LAYOUT_STATS):
# no widow or orphan, headings kept with two lines of what follows, a
# figure on the page of its caption, tables split only with two body rows
# on each side of the break and kept with the heading above them, footnotes beginning on the page of
# their reference and continued on the very next page only when they
# cannot fit, and nothing below the text block (long notes, long tables, a
# 200-line code block). Each check is also run on the same books made with
# MKBOOK_LAYOUT_NAIVE=1 (keeps ignored, notes never split), where it must
# find the faults, so the checks are known to be able to fail.
. tests/lib.sh
need python3 pdftotext

# The stress articles: generated PNGs, figures at awkward places, a
# 120-line footnote, a paragraph with 40 notes, a 150-row table, a table
# with a row taller than a page, a 200-line code block.
mkdir -p "$TMP/fig/images" "$TMP/notes" "$TMP/blocks" "$TMP/tables"
python3 - "$TMP" <<'PY' || exit 1
import os, random, struct, sys, zlib

top = sys.argv[1]
rnd = random.Random(43)
WORDS = ("the page is a unit of reading and a column of type must stand on it "
         "without loose ends every line counts where the eye turns over a leaf "
         "printers weigh each break against the next and the whole book").split()

def words(n):
    return " ".join(rnd.choice(WORDS) for _ in range(n))

def para(n):
    s = words(n)
    return s[0].upper() + s[1:] + "."

def png(path, w, h):
    raw = b"".join(b"\0" + bytes(((x * 255 // w) ^ (y * 255 // h)) & 0xff
                                 for x in range(w)) for y in range(h))
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))

def head(title):
    return "---\ntitle: %s\nauthor: Test Desk\nlang: en\n---\n\n" % title

# figures: tall, wide and square images after paragraphs of every length,
# straight after headings, with captions of one to six sentences
sizes = [(300, 700), (900, 300), (500, 500), (240, 800), (800, 520)]
for k, (w, h) in enumerate(sizes):
    png(os.path.join(top, "fig", "images", "f%d.png" % k), w, h)
out = [head("Figures at awkward places")]
for s in range(24):
    out.append("## Section %d of the figures\n" % (s + 1))
    if s % 4 == 1:
        out.append("![Figure](images/f%d.png)\n\n*%s*\n" % (s % 5, " ".join(para(14) for _ in range(1 + s % 6))))
    for p in range(1 + s % 3):
        out.append(para(20 + rnd.randrange(160)) + "\n")
    out.append("![Figure](images/f%d.png)\n\n*%s*\n" % (s % 5, " ".join(para(12) for _ in range(1 + (s * 7) % 6))))
    out.append(para(10 + rnd.randrange(90)) + "\n")
open(os.path.join(top, "fig", "figures.md"), "w").write("\n".join(out))

# notes: a 120-line note in mid-article, a second long one soon after,
# and one paragraph with 40 notes of one to six lines
out = [head("Long footnotes")]
for p in range(6):
    out.append(para(120) + "\n")
out.append(para(60) + " The long note is here.[^long] " + para(40) + "\n")
for p in range(3):
    out.append(para(100) + "\n")
out.append(para(50) + " Another long one.[^long2] " + para(50) + "\n")
for p in range(8):
    out.append(para(110) + "\n")
out.append("[^long]: " + " ".join(para(16) for _ in range(125)) + "\n")
out.append("[^long2]: " + " ".join(para(16) for _ in range(50)) + "\n")
open(os.path.join(top, "notes", "long.md"), "w").write("\n".join(out))
# the long notes again, one article per length of its first paragraph
# (20 words more each time), so that the note is cut on pages where a
# body paragraph goes on over the page and on pages where none does
os.makedirs(os.path.join(top, "shift"))
for k in range(12):
    out = [head("Long footnotes %d" % k), para(40 + 20 * k) + "\n", para(120) + "\n",
           para(60) + " The long note is here.[^long] " + para(40) + "\n"]
    for p in range(5):
        out.append(para(100) + "\n")
    out.append("[^long]: " + " ".join(para(16) for _ in range(90)) + "\n")
    open(os.path.join(top, "shift", "s%02d.md" % k), "w").write("\n".join(out))
out = [head("Many footnotes")]
for p in range(3):
    out.append(para(120) + "\n")
out.append(" ".join(para(12) + "[^n%d]" % i for i in range(40)) + "\n")
for p in range(6):
    out.append(para(120) + "\n")
for i in range(40):
    out.append("[^n%d]: %s\n" % (i, " ".join(para(14) for _ in range(1 + i % 6))))
open(os.path.join(top, "notes", "many.md"), "w").write("\n".join(out))

# blocks: a long table, a 200-line code block, each after some text
out = [head("Long blocks")]
out.append(para(150) + "\n")
out.append("| Row | Name | Value | Remark |\n|---:|---|---:|---|")
for r in range(150):
    out.append("| %d | %s | %d | %s |" % (r + 1, words(2), rnd.randrange(100000), words(3 + r % 9)))
out.append("")
out.append(para(90) + "\n")
# a table whose one row is taller than a page
out.append("| Term | Gloss |\n|---|---|")
out.append("| short | " + para(30) + " |")
out.append("| long | " + " ".join(para(20) for _ in range(60)) + " |")
out.append("| after | " + para(30) + " |")
out.append("")
out.append(para(90) + "\n")
out.append("```")
for r in range(200):
    out.append("line %03d = compute(%s);" % (r + 1, ", ".join(words(1) for _ in range(1 + r % 7))))
out.append("```\n")
out.append(para(80) + "\n")
open(os.path.join(top, "blocks", "blocks.md"), "w").write("\n".join(out))

# short tables near a page's foot: one article per length of the paragraph
# before them (a line more each time), each with a heading and a 3-row
# table, a heading and a 5-row table, and a 5-row table after text
t3 = ("| Item | Cost |\n|---|---:|\n| Land | 4 million |\n| Buildings | 22 million |\n"
      "| Foundations | 15 million |\n")
t5 = "| Item | Cost |\n|---|---:|\n" + "".join("| Item %d | %d million |\n" % (k, k * 3) for k in range(1, 6))
for n in range(20, 440, 7):
    out = [head("Costs %d" % n), para(n) + "\n", "## Estimates by item\n", t3, para(n // 2 + 30) + "\n",
           "## Estimates by item again\n", t5, para(n // 3 + 40) + "\n", t5, para(60) + "\n"]
    open(os.path.join(top, "tables", "t%03d.md" % n), "w").write("\n".join(out))
PY

# build NAME [env…] -- INPUT…: the book, its figures in $TMP/NAME.json
build() {
	_name=$1
	shift
	_env=
	while [ "$1" != -- ]; do
		_env="$_env $1"
		shift
	done
	shift
	env $_env MKBOOK_LAYOUT_STATS="$TMP/$_name.json" $MKBOOK -q --pdf -o "$TMP/$_name.pdf" "$@" \
	    >"$TMP/$_name.err" 2>&1
	_rc=$?
	[ $_rc -eq 0 ] || sed 's/^/#   /' "$TMP/$_name.err"
	[ -f "$TMP/$_name.json" ] && sed "s/^/# $_name: /" "$TMP/$_name.json"
	return $_rc
}

# check NAME WHAT: WHAT holds in $TMP/NAME.json (python expression on s)
check() {
	python3 - "$TMP/$1.json" "$2" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
sys.exit(0 if eval(sys.argv[2], {"s": s}) else 1)
PY
}

# naive NAME EXPR INPUT…: made without keeps or note splitting, the book
# shows the faults EXPR finds
naive() {
	_nn=$1
	_ne=$2
	shift 2
	build "$_nn" MKBOOK_LAYOUT_NAIVE=1 -- "$@" && check "$_nn" "$_ne"
}

clean='s["widows_orphans"] == 0 and s["headings_stranded"] == 0 and s["figures_split"] == 0'
fits='s["overflows"] == 0 and s["max_bottom"] <= s["body_h"] + 0.01'
notes='s["notes_placed"] == s["notes"] and s["notes_late"] == 0 and s["notes_gaps"] == 0'

ok "figures: builds" build fig -- "$TMP/fig"
ok "figures: no widow, orphan, stranded heading or figure parted from its caption" check fig "$clean"
ok "figures: nothing below the text block" check fig "$fits"
ok "figures, naive: the checks find parted figures, stranded headings, widows" \
    naive fign 's["figures_split"] > 0 and s["headings_stranded"] > 0 and s["widows_orphans"] > 0' "$TMP/fig"

ok "long notes: builds" build long -- "$TMP/notes/long.md"
ok "long notes: every note begins on its reference's page, parts on consecutive pages" check long "$notes"
ok "long notes: both long notes are continued" check long 's["notes_split"] == 2'
ok "long notes: nothing below the text block" check long "$fits"
ok "long notes: no widow, orphan or stranded heading" check long "$clean"
ok "long notes at 12 offsets: builds (each page's part of a note is whole in the tag stream)" \
    build shift -- "$TMP/shift"
ok "long notes at 12 offsets: each note begins on its reference's page and is continued" \
    check shift "$notes"' and s["notes_split"] == 12'
ok "long notes, naive: the check finds notes run past the text block" \
    naive longn 's["overflows"] > 0 and s["max_bottom"] > s["body_h"]' "$TMP/notes/long.md"

ok "many notes: builds" build many -- "$TMP/notes/many.md"
ok "many notes: 40 notes, each begun on its reference's page" check many "s['notes'] == 40 and $notes"
ok "many notes: nothing below the text block" check many "$fits"
ok "many notes: no widow, orphan or stranded heading" check many "$clean"

ok "tables and code: builds" build blocks -- "$TMP/blocks"
ok "tables and code: nothing below the text block" check blocks "$fits"
ok "tables and code: no widow, orphan or stranded heading" check blocks "$clean"
ok "tables and code: they run over several pages" check blocks 's["body_pages"] >= 6'
ok "tables and code: the long table's header row is drawn again on the pages it goes on to" \
    check blocks 's["table_heads_repeated"] >= 2'
n=$(pdftotext "$TMP/blocks.pdf" - 2>/dev/null | grep -c 'Remark')
ok "tables and code: the header row's text is on $n pages (3 at least)" test "$n" -ge 3

# short tables at every place on a page, on three paper sizes
tables='s["table_rows_stranded"] == 0 and s["headings_stranded_tables"] == 0'
for paper in a4 a5 6x9in; do
	ok "short tables, $paper: builds" build "tab$paper" -- --paper $paper "$TMP/tables"
	ok "short tables, $paper: no table split with fewer than two body rows on a side, no heading parted from its table" \
	    check "tab$paper" "$tables"
	ok "short tables, $paper: no widow, orphan or stranded heading; nothing below the block" \
	    check "tab$paper" "$clean and $fits"
	ok "short tables, $paper: 5-row tables still split (header drawn again)" \
	    check "tab$paper" 's["table_heads_repeated"] > 0'
done
ok "short tables, naive: the checks find stranded rows and headings parted from their tables" \
    naive tabn 's["table_rows_stranded"] > 0 and s["headings_stranded_tables"] > 0' --paper a5 "$TMP/tables"
ok "tables and code: no table split with fewer than two rows on a side" check blocks "$tables"

# a book of all of it, with the sample book's articles
ok "together with the sample: builds" build all -- content "$TMP/fig" "$TMP/notes" "$TMP/blocks"
ok "together: no widow, orphan, stranded heading or parted figure" check all "$clean and $tables"
ok "together: notes on their pages, nothing below the text block" check all "$notes and $fits"

need_shared
if [ -f "$SHARED/bench/gen-corpus.py" ]; then
	python3 "$SHARED/bench/gen-corpus.py" 60 "$TMP/gen" --format md >/dev/null
	ok "60 generated articles: builds" build gen -- "$TMP/gen"
	ok "60 generated articles: no widow, orphan or stranded heading" check gen "$clean"
	ok "60 generated articles: nothing below the text block" check gen "$fits and $notes"
	ok "60 generated articles, naive: the check finds widows and stranded headings" \
	    naive genn 's["widows_orphans"] > 0 and s["headings_stranded"] > 0' "$TMP/gen"
else
	skip "gen-corpus.py is absent"
fi
ok "the corpus: builds" build corpus -- "$SHARED"/corpus/*.txt
ok "the corpus: no widow, orphan or stranded heading; nothing below the block" \
    check corpus "$clean and $fits and $notes"

done_testing
