#!/bin/sh
# The line-level typography of mkbook's PDF beside LaTeX's (issue 5): the
# English, German and French corpus articles (../shared/corpus/0[1-5]*.txt)
# set by mkbook with the default theme, and by pdflatex from pandoc's LaTeX
# of the same text (read as plain Markdown) at the same measure (the A4
# page less the theme's inside and outside margins: 120 mm = 340.16 pt),
# body size and leading (10.5/14 pt), in Bitstream Charter (Charis SIL,
# mkbook's body face, is derived from it), with babel's hyphenation for
# each article's language. ../shared/tools/pdf-typo-stats.py measures both.
# pdflatex is not needed by mkbook: install it by hand (Debian:
# texlive-latex-base texlive-latex-recommended texlive-fonts-recommended
# texlive-lang-german texlive-lang-french, or `make bench-deps`); without
# it (or pandoc) the script says so and stops.
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
cp "$SHARED"/corpus/0[1-5]-*.txt "$OUT/in/"
./mkbook -q --pdf -o "$OUT/mkbook.pdf" "$OUT/in"
echo "mkbook:"
python3 "$TOOL" "$OUT/mkbook.pdf" | tee "$OUT/mkbook.txt"

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
echo "| figure | mkbook | LaTeX |"
echo "| --- | ---: | ---: |"
join "$OUT/mkbook.txt" "$OUT/latex.txt" | awk '{ printf "| %s | %s | %s |\n", $1, $2, $3 }'
