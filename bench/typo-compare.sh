#!/bin/sh
# The line-level typography of mkbook's PDF beside LaTeX's and Typst's
# (issues 5 and 18): the English, German and French corpus articles and the
# Wikipedia article with its reference list (../shared/corpus/0[1-5]*.txt,
# 09-*.txt) set by mkbook with the default theme; by pdflatex from pandoc's LaTeX
# of the same text (read as plain Markdown) at the same measure (the A4
# page less the theme's inside and outside margins: 120 mm = 340.16 pt),
# body size and leading (10.5/14 pt), in Bitstream Charter (Charis SIL,
# mkbook's body face, is derived from it), with babel's hyphenation for
# each article's language. ../shared/tools/pdf-typo-stats.py measures both.
# pdflatex is not needed by mkbook: install it by hand (Debian:
# texlive-latex-base texlive-latex-recommended texlive-fonts-recommended
# texlive-lang-german texlive-lang-french, or `make bench-deps`); without
# it (or pandoc) the script says so and stops. Typst 0.14 (npm's
# @myriaddreamin/typst-ts-node-compiler 0.7.0, which bundles Typst 0.14.2;
# `npm install --prefix bench/out/node @myriaddreamin/typst-ts-node-compiler@0.7.0`
# or TYPST_NODE_PATH=DIR/node_modules) sets the same text from
# bench/typst-typo.py's source: Charis SIL 10.5 pt, 14 pt baseline to
# baseline, the same page and measure, justified and hyphenated.
set -eu
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
TOOL=$SHARED/tools/pdf-typo-stats.py
OUT=bench/out/typo
export SOURCE_DATE_EPOCH=1700000000 LC_ALL=C.UTF-8

if [ ! -d "$SHARED/corpus" ]; then
	echo "bench/typo-compare.sh: $SHARED/corpus is absent; skipped"
	exit 0
fi
rm -rf "$OUT"
mkdir -p "$OUT/in"
cp "$SHARED"/corpus/0[1-5]-*.txt "$SHARED"/corpus/09-*.txt "$OUT/in/"
./mkbook -q --pdf -o "$OUT/mkbook.pdf" "$OUT/in"
echo "mkbook:"
python3 "$TOOL" "$OUT/mkbook.pdf" | tee "$OUT/mkbook.txt"

# Typst 0.14, on the same text, font, size, leading and measure
NODE_PATH=${TYPST_NODE_PATH:-bench/out/node/node_modules}
export NODE_PATH
if command -v node >/dev/null 2>&1 &&
    node -e 'require("@myriaddreamin/typst-ts-node-compiler")' 2>/dev/null; then
	python3 bench/typst-typo.py "$OUT"/in/*.txt >"$OUT/typst.typ"
	node bench/typst-pdf.js "$OUT/typst.typ" "$OUT/typst.pdf" \
	    $(fc-list -f '%{file}\n' 'Charis SIL' | xargs -n1 dirname | sort -u)
	echo "Typst 0.14 (same measure, size, leading):"
	python3 "$TOOL" "$OUT/typst.pdf" | tee "$OUT/typst.txt"
else
	echo "bench/typo-compare.sh: Typst (npm @myriaddreamin/typst-ts-node-compiler) is absent; skipped"
	: >"$OUT/typst.txt"
fi

for c in pdflatex pandoc; do
	if ! command -v $c >/dev/null 2>&1; then
		echo "bench/typo-compare.sh: $c is not installed; LaTeX's figures skipped"
		exit 0
	fi
done
{
	cat <<'TEX'
\documentclass[10pt]{article}
\usepackage[T1]{fontenc}
\usepackage[utf8]{inputenc}
\usepackage{charter}
\usepackage[french,ngerman,english]{babel}
\usepackage[paperwidth=210mm,paperheight=297mm,textwidth=340.16pt,
  top=24mm,bottom=30mm,inner=34mm]{geometry}
\usepackage{hyperref}
\providecommand{\tightlist}{\setlength{\itemsep}{0pt}\setlength{\parskip}{0pt}}
\setlength{\parindent}{12.6pt}
\setlength{\parskip}{0pt}
\pagestyle{plain}
\begin{document}
\fontsize{10.5pt}{14pt}\selectfont
TEX
	for f in "$OUT"/in/*.txt; do
		case $(basename "$f") in
		*-de-*) lang=ngerman ;;
		*-fr-*) lang=french ;;
		*) lang=english ;;
		esac
		printf '\\begin{otherlanguage}{%s}\n' "$lang"
		pandoc -f markdown-yaml_metadata_block -t latex "$f"
		printf '\\end{otherlanguage}\n\\clearpage\n'
	done
	printf '%s\n' '\end{document}'
} >"$OUT/latex.tex"
(cd "$OUT" && pdflatex -interaction=nonstopmode latex.tex >/dev/null 2>&1 || true)
if [ ! -f "$OUT/latex.pdf" ]; then
	echo "bench/typo-compare.sh: pdflatex failed; see $OUT/latex.log"
	exit 1
fi
echo "LaTeX (pdflatex, same measure and size):"
python3 "$TOOL" "$OUT/latex.pdf" | tee "$OUT/latex.txt"
echo
echo "| figure | mkbook | LaTeX | Typst 0.14 |"
echo "| --- | ---: | ---: | ---: |"
join "$OUT/mkbook.txt" "$OUT/latex.txt" | join -a 1 - "$OUT/typst.txt" |
    awk '{ printf "| %s | %s | %s | %s |\n", $1, $2, $3, $4 == "" ? "-" : $4 }'
