#!/bin/sh
# make bench, EPUB: 1,000 generated Markdown articles into one EPUB.
# Reports mkbook's wall and CPU time (median of 5 runs), its peak RSS, and
# pandoc's time on the same Markdown in the same run when pandoc is
# installed (it is not a build dependency: `make bench-deps` installs it).
# Target: under 1 s on this 2-core machine and at least 20x faster than
# pandoc. On a shared machine compare the CPU time and the ratio.
set -eu
cd "$(dirname "$0")/.."
OUT=bench/out/epub
. bench/lib.sh

: >"$OUT/times"
for i in 1 2 3 4 5; do
	/usr/bin/time -f '%e %U %S %M' -o "$OUT/t1" ./mkbook -q --epub -o "$OUT/book.epub" "$OUT/md"
	cat "$OUT/t1" >>"$OUT/times"
done
wall=$(awk '{ print $1 }' "$OUT/times" | median)
cpu=$(awk '{ print $2 + $3 }' "$OUT/times" | median)
rss=$(awk '{ print $4 }' "$OUT/times" | sort -n | tail -1)
size=$(wc -c <"$OUT/book.epub")
echo "EPUB: $N articles, $words words: mkbook wall ${wall}s, cpu ${cpu}s (median of 5), peak RSS $((rss / 1024)) MB, book $((size / 1024)) KB"

if command -v pandoc >/dev/null 2>&1; then
	# pandoc reads every file's front matter; one run is enough to compare.
	/usr/bin/time -f '%e %U %S %M' -o "$OUT/t2" \
		pandoc -f markdown -t epub3 -o "$OUT/pandoc.epub" "$OUT"/md/*.md 2>/dev/null || true
	pwall=$(awk '{ print $1 }' "$OUT/t2")
	pcpu=$(awk '{ print $2 + $3 }' "$OUT/t2")
	echo "EPUB: pandoc $(pandoc --version | head -1 | cut -d' ' -f2): wall ${pwall}s, cpu ${pcpu}s," \
		"peak RSS $(($(awk '{ print $4 }' "$OUT/t2") / 1024)) MB"
	awk -v a="$wall" -v b="$pwall" -v c="$cpu" -v d="$pcpu" 'BEGIN {
		printf "EPUB: mkbook is %.1fx faster than pandoc (wall), %.1fx (cpu)\n", b / a, d / c }'
else
	echo "EPUB: pandoc is not installed (make bench-deps); no comparison"
fi
