#!/bin/sh
# make bench: every benchmark, each on the same generated corpus.
# Figures are medians of several runs; compare ratios, not absolute times,
# on a shared machine.
set -eu
cd "$(dirname "$0")/.."
for b in bench/epub.sh bench/pdf.sh bench/images.sh bench/typo-compare.sh bench/html.sh; do
	[ -f "$b" ] && sh "$b"
done
