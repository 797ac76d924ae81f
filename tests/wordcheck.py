#!/usr/bin/env python3
"""No word lost: compare the words of a plain-text article with the words
in mkbook's --dump-model JSON of it.

    python3 tests/wordcheck.py ARTICLE.txt MODEL.json

Words are white-space separated tokens, compared exactly as multisets.
Structure the reader turns into fields is put back before comparing:
the "top of page" / "bottom of page" markers are not words; the kicker
is compared as "Kicker:" (and "Kicker :" in the input counts as that); a list item's marker is compared as the model's
numbering ("3." for the third item of an ordered list from 1, "-" for a
bullet; bullet tokens "*", "\u2022" … count as "-" on both sides). The byline is compared on its
own: its words, less "By", the joining words and dashes and with
parentheses and commas taken off, must be the words of the authors and
the role (each author's too) and the dateline, treated the same way; what
else that line holds must be the site, the date and the updated date. Quotation marks, dashes and ellipses
count as typed (straight quotes, hyphens, three dots) on both sides, as
mkbook sets them per language. Exit 0 when nothing is lost or added,
1 with the difference otherwise.
"""
import json
import re
import sys
from collections import Counter

MARKERS = {"top of page", "bottom of page"}
# The bullets a list item may open with; the model keeps only "a bullet".
BULLETS = {"*", "\u2022", "\u25e6", "\u2023"}
JOINERS = {"by", "by:", "von", "par", "por", "door", "di", "av", "af", "and", "&", "und",
           "et", "y", "e", "en", "og", "och", "-", "\u2013", "\u2014", "avec", "with",
           "mit", "con", "com", "met", "med", "in", "\u00e0", "aus", "written", "words",
           "reporting", "|", "\u2022", "\u00b7"}


def canon(words):
    """Count WORDS with every bullet token written as "-"."""
    return Counter("-" if w in BULLETS else w for w in words)


def byline_words(text):
    out = []
    for w in text.split():
        w = w.strip("()[],;")
        if w and w.lower() not in JOINERS:
            out.append(w)
    return Counter(out)


def block_words(b, out):
    if b["type"] == "list":
        n = b.get("start", 1)
        for item in b.get("blocks", []):
            out.append(f"{n}." if b.get("ordered") else "-")
            n += 1
            out.extend(item["text"].split())
    else:
        out.extend(b["text"].split())


def model_words(a):
    out = []
    for key in ("headline", "standfirst", "date_text", "date_modified_text", "site"):
        if a.get(key):
            out.extend(a[key].split())
    if a.get("kicker"):
        k = a["kicker"].split()
        k[-1] += ":"
        out.extend(k)
    if a.get("dateline") and not a.get("authors"):
        out.extend(a["dateline"].split())
    img = a.get("image") or {}
    for key in ("alt", "caption", "credit"):
        if img.get(key):
            out.extend(img[key].split())
    for b in a.get("blocks", []):
        block_words(b, out)
    for note in a.get("footnotes", []):
        out.extend(note.get("text", "").split())
    return canon(out)


def input_words(path, byline_expect, kicker, extra=Counter(), extra_raw=Counter()):
    with open(path, encoding="utf-8-sig", newline="") as f:
        text = f.read()
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    words, byline = [], None
    for line in lines:
        s = line.strip(" \t\f\v")
        if s.lower() in MARKERS:
            continue
        if byline is None and byline_expect:
            bw = byline_words(s)
            if not (byline_expect - bw) and not ((bw - byline_expect) - extra):
                byline = s
                # the line's other words (site, dates) are compared as words
                left, other = Counter(byline_expect), Counter(extra_raw)
                for t in s.split():
                    k = t.strip("()[],;")
                    if other[t] > 0:
                        other[t] -= 1
                        words.append(t)
                    elif not k or k.lower() in JOINERS:
                        continue
                    elif left[k] > 0:
                        left[k] -= 1
                    else:
                        words.append(t)
                continue
        toks = s.split()
        # a place of dispatch after a date: "発信地：PLACE" is the dateline
        toks = [t.split("\u767a\u4fe1\u5730\uff1a", 1)[-1] for t in toks]
        # "Exclusif : texte" (French spacing): the kicker's colon stands
        # apart in the input; glue it back, once
        if kicker and ":" in toks:
            i = toks.index(":")
            if i > 0 and toks[i - 1] + ":" == kicker:
                toks[i - 1:i + 1] = [kicker]
                kicker = None
        words.extend(toks)
    return canon(words), byline


# Typographic punctuation (src/punct.c) counted as what was typed.
TYPED = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201c": '"',
                       "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
                       "\u2013": "--", "\u2014": "---", "\u2026": "..."})


def typed(words):
    """WORDS (a Counter) with typographic marks written as typed."""
    out = Counter()
    for w, n in words.items():
        out[w.translate(TYPED)] += n
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: wordcheck.py ARTICLE.txt MODEL.json")
    with open(sys.argv[2], encoding="utf-8") as f:
        raw = f.read()
    # the narrow no-break spaces mkbook puts inside French guillemets
    for a, b in (("\u00ab\u202f", "\u00ab"), ("\u202f\u00bb", "\u00bb"),
                 ("\u00ab\\u202f", "\u00ab"), ("\\u202f\u00bb", "\u00bb")):
        raw = raw.replace(a, b)
    model = json.loads(raw)
    arts = model["articles"]
    if len(arts) != 1:
        sys.exit(f"expected one article in {sys.argv[2]}, found {len(arts)}")
    a = arts[0]
    expect = Counter()
    extra = Counter()
    if a.get("authors"):
        roles = " ".join(r for r in (a.get("author_roles") or []) if r)
        expect = byline_words(" ".join(a["authors"]) + " " + (a.get("role") or "") + " " +
                              roles + " " + (a.get("dateline") or ""))
        extra = byline_words(" ".join(a.get(k) or "" for k in
                                      ("site", "date_text", "date_modified_text")))
    kicker = a["kicker"].split()[-1] + ":" if a.get("kicker") else None
    extra_raw = Counter(" ".join(a.get(k) or "" for k in
                                 ("site", "date_text", "date_modified_text")).split())
    got_in, byline = input_words(sys.argv[1], expect, kicker, extra, extra_raw)
    bad = 0
    if a.get("authors") and byline is None:
        print(f"# byline: no input line has the words of authors {a['authors']}"
              f" and role {a.get('role')!r}")
        bad = 1
    got_model = model_words(a)
    got_in, got_model = typed(got_in), typed(got_model)
    lost = got_in - got_model
    added = got_model - got_in
    if lost:
        print(f"# {sum(lost.values())} word(s) of the input are not in the model:")
        for w, n in lost.most_common(20):
            print(f"#   {w!r} x{n}")
        bad = 1
    if added:
        print(f"# {sum(added.values())} word(s) in the model are not in the input:")
        for w, n in added.most_common(20):
            print(f"#   {w!r} x{n}")
        bad = 1
    if not bad:
        print(f"# {sum(got_in.values())} words, all in the model")
    return bad


if __name__ == "__main__":
    sys.exit(main())
