# Shared by the benchmark scripts: sourced after `cd` to the repository top
# with OUT set. Generates (once) N articles of Markdown into $OUT/md with
# ../shared/bench/gen-corpus.py, counts their words, and defines median().
N=${N:-1000}
SHARED=${SHARED:-../shared}
GEN=$SHARED/bench/gen-corpus.py
export SOURCE_DATE_EPOCH=1700000000 LC_ALL=C.UTF-8

if [ ! -f "$GEN" ]; then
	echo "bench: $GEN is absent; skipped"
	exit 0
fi
mkdir -p "$OUT"
if [ ! -f "$OUT/md/$(printf '%04d' "$N").md" ]; then
	rm -rf "$OUT/md"
	python3 "$GEN" "$N" "$OUT/md" --format md >/dev/null
fi
words=$(cat "$OUT"/md/*.md | wc -w)

# median: the middle of the numbers on standard input, one a line.
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
