#!/bin/sh
# make bench, images: a book of 50 large photos (12-megapixel JPEGs, some
# stored sideways with an EXIF orientation, as phones do) into an EPUB and a
# PDF. Reports the wall and CPU time of each (median of 3 runs), the peak
# RSS, the EPUB's and the PDF's size beside the photos' own, and the
# EPUB's image bytes (mkbook's notice). Every photo is decoded at the size
# its book needs (libjpeg's 1/2, 1/4, 1/8 scaling), once more when the book
# is read (the check that it decodes whole), so the time is mostly
# decoding, the memory one photo at a time.
set -eu
cd "$(dirname "$0")/.."
OUT=bench/out/images
CONVERT=convert
[ -x /usr/bin/convert ] && CONVERT=/usr/bin/convert
if ! command -v "$CONVERT" >/dev/null 2>&1; then
	echo "images: ImageMagick is not installed (sh scripts/deps.sh); skipped"
	exit 0
fi
export SOURCE_DATE_EPOCH=1700000000 LC_ALL=C.UTF-8
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
mkdir -p "$OUT/in"
if [ ! -f "$OUT/in/50.md" ]; then
	# five different photos (sky, noise, grain), each ten times under its own name
	for k in 1 2 3 4 5; do
		"$CONVERT" -size 4000x3000 "plasma:#3060a0-#e0b070" -seed "$k" \
			-attenuate 0.3 +noise Gaussian -quality 88 "$OUT/p$k.jpg"
	done
	for i in $(seq 1 50); do
		k=$(( (i - 1) % 5 + 1 ))
		cp "$OUT/p$k.jpg" "$OUT/in/photo$i.jpg"
		printf -- '---\ntitle: Photo %d\n---\n\nA photograph, and words about it.\n\n![Photo %d](photo%d.jpg)\n' \
			"$i" "$i" "$i" >"$OUT/in/$(printf '%02d' "$i").md"
	done
fi
given=$(cat "$OUT"/in/*.jpg | wc -c)
for fmt in epub pdf; do
	: >"$OUT/times"
	for i in 1 2 3; do
		/usr/bin/time -f '%e %U %S %M' -o "$OUT/t1" ./mkbook --$fmt -o "$OUT/book.$fmt" "$OUT/in" \
			2>"$OUT/err"
		cat "$OUT/t1" >>"$OUT/times"
	done
	wall=$(awk '{ print $1 }' "$OUT/times" | median)
	cpu=$(awk '{ print $2 + $3 }' "$OUT/times" | median)
	rss=$(awk '{ print $4 }' "$OUT/times" | sort -n | tail -1)
	size=$(wc -c <"$OUT/book.$fmt")
	echo "images: 50 photos of 12 MP ($((given / 1048576)) MB) into $(echo $fmt | tr a-z A-Z):" \
		"wall ${wall}s, cpu ${cpu}s (median of 3), peak RSS $((rss / 1024)) MB, book $((size / 1048576)) MB"
	# mkbook's own notice: the EPUB's image bytes beside the input's
	if [ "$fmt" = epub ]; then
		sed -n "s/^mkbook: the EPUB's/images: the EPUB's/p" "$OUT/err"
	fi
done
