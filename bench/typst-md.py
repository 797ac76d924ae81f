#!/usr/bin/env python3
"""Typst source for bench/pdf.sh: the generated Markdown articles given on
the command line (../shared/bench/gen-corpus.py --format md: YAML front
matter with title, subtitle, author, date and lang, then paragraphs,
"## " headings, "- " lists, "> " quotes, *emphasis* and [links](url)) set
as mkbook's default theme sets them -- A4, 120 mm measure (34 mm inside,
56 mm outside, 24 mm top, 30 mm bottom), Charis SIL 10.5 pt, 14 pt from
baseline to baseline, justified, hyphenated in each article's language,
paragraphs indented by 1.2 em, the headline in bold at 1.75 times the
body size, the standfirst in italic -- each article from a new page, with
folios. Text goes in as Typst string literals, so nothing in it is read as
markup.

Usage: typst-md.py FILE.md... > book.typ
"""
import re
import sys

HEAD = """#set page(width: 210mm, height: 297mm,
  margin: (top: 24mm, bottom: 30mm, inside: 34mm, outside: 56mm),
  numbering: "1")
// a line box from the baseline up one em, and 3.5 pt between lines: 14 pt
// baseline to baseline, as mkbook's leading (Typst's default box is the
// cap height)
#set text(font: "Charis SIL", size: 10.5pt, top-edge: 1em, bottom-edge: "baseline",
  hyphenate: true)
#set par(justify: true, leading: 3.5pt, spacing: 3.5pt, first-line-indent: 12.6pt)
#show heading: set text(size: 10.5pt, weight: "bold")
#show heading: set block(above: 14pt, below: 3.5pt)
"""

INLINE = re.compile(r"\*([^*]+)\*|\[([^\]]+)\]\(([^)\s]+)\)")


def lit(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def inline(text):
    """TEXT with *emphasis* and [links](url) as Typst markup of literals."""
    out, pos = [], 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            out.append("#" + lit(text[pos:m.start()]))
        if m.group(1) is not None:
            out.append("#emph(" + lit(m.group(1)) + ")")
        else:
            out.append("#link(" + lit(m.group(3)) + ")[#" + lit(m.group(2)) + "]")
        pos = m.end()
    if pos < len(text):
        out.append("#" + lit(text[pos:]))
    return "".join(out)


def front(lines):
    """The front matter's fields and the index of the first body line."""
    meta, i = {}, 0
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() == "---":
                break
            k, _, v = lines[i].partition(":")
            v = v.strip()
            if len(v) >= 2 and v[0] == v[-1] == '"':
                v = v[1:-1].replace('\\"', '"')
            meta[k.strip()] = v
        i += 1
    return meta, i


def blocks(lines):
    """The body's blocks: (kind, [lines]) for paragraphs, headings, lists
    and quotes, split at blank lines."""
    cur = []
    for ln in lines + [""]:
        if ln.strip():
            cur.append(ln.rstrip())
            continue
        if not cur:
            continue
        if cur[0].startswith("## "):
            yield "h", [cur[0][3:]]
        elif cur[0].startswith("- "):
            yield "ul", [c[2:] for c in cur if c.startswith("- ")]
        elif cur[0].startswith(">"):
            yield "q", [" ".join(c.lstrip("> ") for c in cur)]
        else:
            yield "p", [" ".join(cur)]
        cur = []


def article(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    meta, i = front(lines)
    out = ['#[\n#set text(lang: "%s")' % meta.get("lang", "en")[:2]]
    out.append("#block(below: 14pt)[#text(size: 18.4pt, weight: \"bold\")[#%s]]"
               % lit(meta.get("title", "Untitled")))
    if meta.get("subtitle"):
        out.append("#block(below: 14pt)[#emph(%s)]" % lit(meta["subtitle"]))
    by = " · ".join(meta[k] for k in ("author", "date") if meta.get(k))
    if by:
        out.append("#block(below: 21pt)[#%s]" % lit(by))
    for kind, b in blocks(lines[i:]):
        if kind == "h":
            out.append("#heading(level: 2)[%s]" % inline(b[0]))
        elif kind == "ul":
            out.append("#list(" + ", ".join("[%s]" % inline(x) for x in b) + ")")
        elif kind == "q":
            out.append("#pad(left: 12.6pt)[%s]" % inline(b[0]))
        else:
            out.append(inline(b[0]) + "\n")
    out.append("]")
    return "\n".join(out)


def main():
    out = [HEAD]
    for n, path in enumerate(sys.argv[1:]):
        if n:
            out.append("#pagebreak()")
        out.append(article(path))
    print("\n".join(out))


if __name__ == "__main__":
    main()
