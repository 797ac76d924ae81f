#!/bin/sh
# make bench, PDF: 1,000 generated Markdown articles into one PDF, by
# mkbook with one thread (-j 1) and with two (-j 2: two layout threads and
# the drawing one), by Typst 0.14 and (on the first WP_N, 100, articles) by
# WeasyPrint, in one run. For each: pages, wall and CPU time (user +
# system; medians of RUNS, 3, runs for mkbook, of TYPST_RUNS, 1, for
# Typst), pages per second by wall and by CPU, peak RSS; then mkbook -j 2's
# ratios to each in pages per second.
#
# Typst is given the same text (bench/typst-md.py converts the generated
# Markdown: headlines, standfirsts, bylines, headings, lists, quotes,
# emphasis, links) in the theme's font, size, margins and 14 pt from
# baseline to baseline, justified and hyphenated; `make bench-deps`
# installs it (npm's @myriaddreamin/typst-ts-node-compiler 0.7.0 bundles
# Typst 0.14.2; TYPST_NODE_PATH=DIR/node_modules points elsewhere).
# WeasyPrint gets pandoc's HTML of the same Markdown; pandoc and weasyprint
# are Debian packages, installed when missing if run as root.
# Targets (issue 16; wall on a quiet 2-core machine): mkbook -j 2 within
# 5.0 s for the 1,000 articles, CPU per page no worse than -j 1, peak RSS
# within 128 MB, at least 3x Typst and 25x WeasyPrint in pages per second
# by wall. On a shared machine compare the CPU figures.
set -eu
cd "$(dirname "$0")/.."
WP_N=${WP_N:-100}
RUNS=${RUNS:-3}
TYPST_RUNS=${TYPST_RUNS:-1}
OUT=bench/out/pdf
. bench/lib.sh

# timed NAME RUNS CMD...: run CMD RUNS times under /usr/bin/time, keeping
# "wall cpu rss_kb" medians (the largest RSS) in $OUT/NAME.t.
timed() {
	name=$1 runs=$2
	shift 2
	: >"$OUT/$name.times"
	i=0
	while [ "$i" -lt "$runs" ]; do
		/usr/bin/time -f '%e %U %S %M' -o "$OUT/$name.one" "$@" >/dev/null 2>&1 || return 1
		cat "$OUT/$name.one" >>"$OUT/$name.times"
		i=$((i + 1))
	done
	echo "$(awk '{ print $1 }' "$OUT/$name.times" | median)" \
	    "$(awk '{ print $2 + $3 }' "$OUT/$name.times" | median)" \
	    "$(awk '{ print $4 }' "$OUT/$name.times" | sort -n | tail -1)" >"$OUT/$name.t"
}

# report NAME LABEL PDF: one line of figures for the run NAME made PDF.
report() {
	p=$(pdfinfo "$3" 2>/dev/null | awk '/^Pages:/ { print $2 }')
	echo "$p" >"$OUT/$1.pages"
	awk -v l="$2" -v p="$p" '{
	    printf "PDF: %-34s %5d pages, wall %6.2fs (%5.0f pages/s), cpu %6.2fs (%5.0f pages/s), peak RSS %4d MB\n",
	        l, p, $1, p / $1, $2, p / $2, $3 / 1024 }' "$OUT/$1.t"
}

# ratio A B WHAT: A's pages per second over B's, by wall and by CPU.
ratio() {
	awk -v pa="$(cat "$OUT/$1.pages")" -v pb="$(cat "$OUT/$2.pages")" -v w="$3" '
	    NR == FNR { wa = $1; ca = $2; next }
	    { printf "PDF: mkbook -j 2 is %.1fx %s in pages/s by wall, %.1fx by cpu\n",
	        (pa / wa) / (pb / $1), w, (pa / ca) / (pb / $2) }' "$OUT/$1.t" "$OUT/$2.t"
}

echo "PDF: $N articles, $words words"
for j in 1 2; do
	timed "j$j" "$RUNS" ./mkbook -q --pdf -j "$j" -o "$OUT/book-j$j.pdf" "$OUT/md"
	report "j$j" "mkbook -j $j, median of $RUNS" "$OUT/book-j$j.pdf"
done
cmp -s "$OUT/book-j1.pdf" "$OUT/book-j2.pdf" || echo "PDF: -j 1 and -j 2 wrote different books!"
awk -v p1="$(cat "$OUT/j1.pages")" -v p2="$(cat "$OUT/j2.pages")" 'NR == FNR { c1 = $2; next }
    { printf "PDF: CPU per page, -j 2 over -j 1: %.2f\n", ($2 / p2) / (c1 / p1) }' "$OUT/j1.t" "$OUT/j2.t"

# Typst 0.14, on the same text
NODE_PATH=${TYPST_NODE_PATH:-bench/out/node/node_modules}
export NODE_PATH
if command -v node >/dev/null 2>&1 &&
    node -e 'require("@myriaddreamin/typst-ts-node-compiler")' 2>/dev/null; then
	python3 bench/typst-md.py "$OUT"/md/*.md >"$OUT/typst.typ"
	fonts=$(fc-list -f '%{file}\n' 'Charis SIL' | xargs -n1 dirname | sort -u)
	# shellcheck disable=SC2086
	if timed typst "$TYPST_RUNS" node bench/typst-pdf.js "$OUT/typst.typ" "$OUT/typst.pdf" $fonts; then
		report typst "Typst 0.14, median of $TYPST_RUNS" "$OUT/typst.pdf"
		ratio j2 typst "Typst 0.14"
	else
		echo "PDF: Typst failed; no comparison"
	fi
else
	echo "PDF: Typst 0.14 (npm @myriaddreamin/typst-ts-node-compiler, make bench-deps) is absent; no comparison"
fi

# WeasyPrint, on the first WP_N articles of the same corpus.
if [ "$(id -u)" = 0 ] && { ! command -v weasyprint >/dev/null 2>&1 || ! command -v pandoc >/dev/null 2>&1; }; then
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends pandoc weasyprint >/dev/null 2>&1 || true
fi
if command -v weasyprint >/dev/null 2>&1 && command -v pandoc >/dev/null 2>&1; then
	rm -rf "$OUT/wp"
	mkdir -p "$OUT/wp"
	ls "$OUT"/md/*.md | head -n "$WP_N" | while read -r f; do cp "$f" "$OUT/wp/"; done
	if timed wp 1 sh -c "
		pandoc -s -f markdown -t html5 --metadata title=Bench -o '$OUT/wp.html' '$OUT'/wp/*.md &&
		weasyprint -q '$OUT/wp.html' '$OUT/wp.pdf'" && [ -s "$OUT/wp.pdf" ]; then
		report wp "WeasyPrint 57, first $WP_N articles" "$OUT/wp.pdf"
		ratio j2 wp "WeasyPrint"
		# and mkbook on the same articles, like for like
		timed sub "$RUNS" ./mkbook -q --pdf -j 2 -o "$OUT/sub.pdf" "$OUT/wp"
		report sub "mkbook -j 2, first $WP_N articles" "$OUT/sub.pdf"
		ratio sub wp "WeasyPrint on the same $WP_N articles"
	else
		echo "PDF: WeasyPrint failed; no comparison"
	fi
else
	echo "PDF: weasyprint or pandoc is not installed (apt-get install weasyprint pandoc); no comparison"
fi
