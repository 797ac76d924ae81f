#!/bin/sh
# make bench, PDF: 1,000 generated Markdown articles into one PDF.
# Reports pages, mkbook's wall and CPU time (median of 3 runs), pages per
# second (by wall and by CPU time), peak RSS, and WeasyPrint's time on the
# same text (pandoc → HTML → weasyprint) in the same run, on the first
# WP_N (100) articles, scaled to pages per second. pandoc and weasyprint
# are Debian packages; run as root, this script installs them when missing.
# Targets on one core: at least 300 pages/s, peak RSS under 150 MB, at
# least 10x faster than WeasyPrint. On a shared machine the CPU figures are
# the ones to compare.
set -eu
cd "$(dirname "$0")/.."
WP_N=${WP_N:-100}
OUT=bench/out/pdf
. bench/lib.sh

: >"$OUT/times"
for i in 1 2 3; do
	/usr/bin/time -f '%e %U %S %M' -o "$OUT/t1" ./mkbook -q --pdf -o "$OUT/book.pdf" "$OUT/md"
	cat "$OUT/t1" >>"$OUT/times"
done
pages=$(pdfinfo "$OUT/book.pdf" | awk '/^Pages:/ { print $2 }')
wall=$(awk '{ print $1 }' "$OUT/times" | median)
cpu=$(awk '{ print $2 + $3 }' "$OUT/times" | median)
rss=$(awk '{ print $4 }' "$OUT/times" | sort -n | tail -1)
awk -v n="$N" -v w="$words" -v p="$pages" -v a="$wall" -v c="$cpu" -v r="$rss" 'BEGIN {
	printf "PDF: %d articles, %d words, %d pages: mkbook wall %.2fs (%.0f pages/s), cpu %.2fs (%.0f pages/s), median of 3; peak RSS %d MB\n",
	    n, w, p, a, p / a, c, p / c, r / 1024 }'

# WeasyPrint, on the first WP_N articles of the same corpus.
if [ "$(id -u)" = 0 ] && { ! command -v weasyprint >/dev/null 2>&1 || ! command -v pandoc >/dev/null 2>&1; }; then
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends pandoc weasyprint >/dev/null 2>&1 || true
fi
if command -v weasyprint >/dev/null 2>&1 && command -v pandoc >/dev/null 2>&1; then
	rm -rf "$OUT/wp"
	mkdir -p "$OUT/wp"
	ls "$OUT"/md/*.md | head -n "$WP_N" | while read -r f; do cp "$f" "$OUT/wp/"; done
	# mkbook on the same subset, for a like-for-like ratio
	/usr/bin/time -f '%e %U %S %M' -o "$OUT/t3" ./mkbook -q --pdf -o "$OUT/sub.pdf" "$OUT/wp"
	spages=$(pdfinfo "$OUT/sub.pdf" | awk '/^Pages:/ { print $2 }')
	/usr/bin/time -f '%e %U %S %M' -o "$OUT/t2" sh -c "
		pandoc -s -f markdown -t html5 --metadata title=Bench -o '$OUT/wp.html' '$OUT'/wp/*.md &&
		weasyprint -q '$OUT/wp.html' '$OUT/wp.pdf'" 2>/dev/null || true
	if [ -s "$OUT/wp.pdf" ]; then
		wpages=$(pdfinfo "$OUT/wp.pdf" | awk '/^Pages:/ { print $2 }')
		awk -v n="$WP_N" -v wp="$wpages" -v mp="$spages" \
		    -v ww="$(awk '{ print $1 }' "$OUT/t2")" -v wc="$(awk '{ print $2 + $3 }' "$OUT/t2")" \
		    -v mw="$(awk '{ print $1 }' "$OUT/t3")" -v mc="$(awk '{ print $2 + $3 }' "$OUT/t3")" 'BEGIN {
			printf "PDF: WeasyPrint (pandoc -> HTML -> weasyprint), %d articles: %d pages, wall %.2fs (%.0f pages/s), cpu %.2fs (%.0f pages/s)\n",
			    n, wp, ww, wp / ww, wc, wp / wc
			printf "PDF: mkbook, the same %d articles: %d pages, wall %.2fs, cpu %.2fs\n", n, mp, mw, mc
			printf "PDF: mkbook is %.1fx faster than WeasyPrint on the same text (wall), %.1fx (cpu); %.1fx in pages/s (cpu)\n",
			    ww / mw, wc / mc, (mp / mc) / (wp / wc) }'
	else
		echo "PDF: WeasyPrint failed; no comparison"
	fi
else
	echo "PDF: weasyprint or pandoc is not installed (apt-get install weasyprint pandoc); no comparison"
fi
