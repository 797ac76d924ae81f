#!/bin/sh
# Builds the same three books at two revisions and compares them byte for
# byte: the sample book (content/), the corpus book (../shared/corpus) and
# the 1,000-article benchmark book (../shared/bench/gen-corpus.py 1000),
# EPUB and PDF, with SOURCE_DATE_EPOCH=1700000000.
#
#   tests/same-books.sh REV1 [REV2]
#
# Each REV is a git commit (built in a temporary worktree), "." for the
# working tree's ./mkbook as it is, or a directory that already holds
# sample/, corpus/ and bench/ with the books (a saved reference). The
# inputs are always this tree's content/ and ../shared, so both sides set
# the same text. Exits 0 when every book is identical, 1 when one differs
# (naming it), 2 on bad usage or a failed build.
set -eu
cd "$(dirname "$0")/.."
TOP=$(pwd)
SHARED=${SHARED:-$TOP/../shared}
[ $# -ge 1 ] && [ $# -le 2 ] || { echo "usage: $0 REV1 [REV2]" >&2; exit 2; }
export SOURCE_DATE_EPOCH=1700000000 LC_ALL=C.UTF-8
TMP=${TMPDIR:-/tmp}/same-books.$$
mkdir -p "$TMP"
trees=
cleanup() {
	for t in $trees; do git worktree remove --force "$t" >/dev/null 2>&1 || true; done
	rm -rf "$TMP"
}
trap cleanup EXIT INT TERM

# The 1,000 generated articles (made once per run).
MD=$TMP/md
if [ -f "$SHARED/bench/gen-corpus.py" ]; then
	python3 "$SHARED/bench/gen-corpus.py" 1000 "$MD" --format md >/dev/null
else
	echo "same-books: $SHARED/bench/gen-corpus.py is absent; the benchmark book is skipped"
fi

# books DIR MKBOOK_TREE: the three books into DIR/{sample,corpus,bench}.
books() {
	out=$1 tree=$2
	mkdir -p "$out"
	(cd "$tree" && ./mkbook -q -o "$out/sample" "$TOP/content") || return 1
	if [ -d "$SHARED/corpus" ]; then
		(cd "$tree" && ./mkbook -q -o "$out/corpus" "$SHARED/corpus") || return 1
	fi
	if [ -d "$MD" ]; then
		(cd "$tree" && ./mkbook -q -o "$out/bench" "$MD") || return 1
	fi
}

# side N REV: the books of REV into $TMP/N, echoing the directory.
side() {
	n=$1 rev=$2
	if [ "$rev" = . ]; then
		[ -x ./mkbook ] || { echo "same-books: ./mkbook is not built" >&2; return 1; }
		books "$TMP/$n" "$TOP" >&2 || return 1
		echo "$TMP/$n"
	elif [ -d "$rev" ]; then
		echo "$(cd "$rev" && pwd)"
	else
		wt=$TMP/tree$n
		git worktree add --detach "$wt" "$rev" >/dev/null 2>&1 ||
			{ echo "same-books: $rev is neither a commit nor a directory" >&2; return 1; }
		trees="$trees $wt"
		make -C "$wt" -j2 mkbook >"$TMP/build$n.log" 2>&1 ||
			{ echo "same-books: building $rev failed (see $TMP/build$n.log)" >&2; cat "$TMP/build$n.log" >&2; return 1; }
		books "$TMP/$n" "$wt" >&2 || return 1
		echo "$TMP/$n"
	fi
}

a=$(side 1 "$1") || exit 2
b=$(side 2 "${2:-.}") || exit 2
bad=0 seen=0
for book in sample corpus bench; do
	[ -d "$a/$book" ] || [ -d "$b/$book" ] || continue
	for f in "$a/$book"/*.epub "$a/$book"/*.pdf; do
		[ -f "$f" ] || continue
		g=$b/$book/${f##*/}
		seen=$((seen + 1))
		if [ ! -f "$g" ]; then
			echo "DIFFER $book/${f##*/}: absent at ${2:-.}"; bad=1
		elif cmp -s "$f" "$g"; then
			echo "same   $book/${f##*/} ($(wc -c <"$f") bytes)"
		else
			echo "DIFFER $book/${f##*/}: $(cmp "$f" "$g" 2>&1 | head -1)"; bad=1
		fi
	done
done
[ "$seen" -gt 0 ] || { echo "same-books: no books to compare"; exit 2; }
[ "$bad" = 0 ] && echo "same-books: $1 and ${2:-.}: all $seen books byte-identical"
exit "$bad"
