#!/usr/bin/env python3
"""Typst source for bench/typo-compare.sh: the corpus articles given on the
command line (mkbook's .txt: a title, then paragraphs split by blank lines)
set as mkbook's default theme sets them -- A4, 120 mm measure (34 mm inside,
56 mm outside), Charis SIL 10.5 pt, 14 pt from baseline to baseline,
justified, hyphenated in each article's language, paragraphs indented by
1.2 em -- each article on new pages. Text goes in as Typst string literals,
so nothing in it is read as markup.

Usage: typst-typo.py FILE.txt... > book.typ
"""
import re, sys

HEAD = """#set page(width: 210mm, height: 297mm,
  margin: (top: 24mm, bottom: 30mm, inside: 34mm, outside: 56mm))
// a line box from the baseline up one em, and 3.5 pt between lines: 14 pt
// baseline to baseline, as mkbook's leading (Typst's default box is the
// cap height)
#set text(font: "Charis SIL", size: 10.5pt, top-edge: 1em, bottom-edge: "baseline",
  hyphenate: true)
#set par(justify: true, leading: 3.5pt, spacing: 3.5pt, first-line-indent: 12.6pt)
"""


def lit(s):
    return '#"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    out = [HEAD]
    for i, path in enumerate(sys.argv[1:]):
        lang = re.match(r"\d+-([a-z]{2})-", path.rsplit("/", 1)[-1])
        lang = lang.group(1) if lang else "en"
        paras = [p.strip().replace("\n", " ") for p in
                 open(path, encoding="utf-8").read().split("\n\n") if p.strip()]
        if i:
            out.append("#pagebreak()")
        out.append('#[\n#set text(lang: "%s")' % lang)
        out.append("#text(size: 18.4pt, weight: \"bold\")[%s]\n" % lit(paras[0]))
        for p in paras[1:]:
            out.append(lit(p) + "\n")
        out.append("]")
    print("\n".join(out))


if __name__ == "__main__":
    main()
