#!/usr/bin/env python3
"""Every word of the book is in the PDF, in reading order.

    python3 tests/pdfwords.py MODEL.json PDF.txt

MODEL.json is mkbook's --dump-model of the book, PDF.txt is `pdftotext` of
the PDF built from it. For each article the words a reader reads (kicker,
headline, standfirst, authors, role, date, the lead figure's caption and
credit, every block's text) must appear in PDF.txt in that order, as a
subsequence: running heads, folios and footnotes may come in between. A
comma the byline puts after a name is allowed; a
word broken at the end of a line ("gover-" "nor") counts as one word, and
so does a word pdftotext splits before a raised note mark ("together." "1").
Footnotes are checked the same way on their own. Chinese, Japanese and
Korean articles are compared character by character (every character but
spaces, in order); Arabic and Hebrew ones by the count of each character,
since pdftotext orders mixed-direction lines its own way. Table cell separators ("|") are not words; a table's words
need only be present, since pdftotext reads columns in an order of its own. Exit 0 when every
word is found, 1 naming the first missing word of each article otherwise.
"""
import json
import sys
from collections import Counter

CHAR_LANGS = ("ar", "fa", "ur", "he", "zh", "ja", "ko")
RTL_LANGS = ("ar", "fa", "ur", "he")


def block_texts(b, out, tables=None):
    if b.get("type") == "table" and tables is not None:
        tables.append(b.get("text") or "")
        return
    t = b.get("text")
    if t:
        out.append(t)
    elif b.get("blocks"):
        for k in b["blocks"]:
            block_texts(k, out)


def article_texts(a, tables=None):
    out = []
    for key in ("kicker", "headline", "standfirst"):
        if a.get(key):
            out.append(a[key])
    roles = a.get("author_roles") or []
    for i, au in enumerate(a.get("authors") or []):
        out.append(au)
        if i < len(roles) and roles[i]:
            out.append("(%s)" % roles[i])	# the byline sets it after the name
    for key in ("role", "dateline", "date_text"):
        if a.get(key):
            out.append(a[key])
    img = a.get("image") or {}
    for key in ("caption", "credit"):
        if img.get(key):
            out.append(img[key])
    for b in a.get("blocks", []):
        block_texts(b, out, tables)
    return out


def note_texts(a):
    out = []
    for n in a.get("footnotes") or []:
        if isinstance(n, dict):
            for b in n.get("blocks", []):
                block_texts(b, out)
            if n.get("text"):
                out.append(n["text"])
    return out


def words(texts):
    out = []
    for t in texts:
        out.extend(w for w in t.split() if w != "|")
    return out


def chars(texts):
    return [c for t in texts for c in t if not c.isspace() and c != "|"]


def same(a, b):
    """pdftotext drops a hyphen that ends a line, even a real one."""
    return a == b or a.replace("-", "") == b.replace("-", "")


def find_words(want, toks, start=0):
    """Return (index of the first word not found, or None)."""
    j = start
    n = len(toks)
    for i, w in enumerate(want):
        while j < n:
            t = toks[j]
            if same(t, w) or (t.endswith(",") and same(t[:-1], w)):
                j += 1
                break
            if j + 1 < n and same(t + toks[j + 1], w):
                j += 2
                break
            j += 1
        else:
            return i
    return None


def find_chars(want, have):
    j = 0
    n = len(have)
    for i, c in enumerate(want):
        while j < n and have[j] != c:
            j += 1
        if j == n:
            return i
        j += 1
    return None


def main():
    model = json.load(open(sys.argv[1], encoding="utf-8"))
    text = open(sys.argv[2], encoding="utf-8").read()
    toks = text.split()
    have = [c for c in text if not c.isspace()]
    bad = 0
    count = Counter(toks)
    for a in model["articles"]:
        lang = (a.get("lang") or "en").split("-")[0]
        tables = []
        body = article_texts(a, tables)
        # pdftotext reads a table's columns in an order of its own: its
        # words need only be there
        for w in words(tables):
            if lang not in CHAR_LANGS and count[w] == 0:
                print(f"{a['id']} table: word {w!r} not found")
                bad += 1
        for what, texts in (("body", body), ("notes", note_texts(a))):
            if not texts:
                continue
            if lang in RTL_LANGS:
                # pdftotext's order of mixed-direction Arabic lines is its
                # own: every character must be there, as many times
                want = Counter(chars(texts))
                lost = want - Counter(have)
                if lost:
                    print(f"{a['id']} {what}: characters not found: {dict(lost)!r}"[:300])
                    bad += 1
            elif lang in CHAR_LANGS:
                want = chars(texts)
                miss = find_chars(want, have)
                if miss is not None:
                    ctx = "".join(want[max(0, miss - 10):miss + 10])
                    print(f"{a['id']} {what}: character {miss} of {len(want)} not found: "
                          f"{want[miss]!r} in {ctx!r}")
                    bad += 1
            else:
                want = words(texts)
                miss = find_words(want, toks)
                if miss is not None:
                    ctx = " ".join(want[max(0, miss - 5):miss + 5])
                    print(f"{a['id']} {what}: word {miss} of {len(want)} not found: "
                          f"{want[miss]!r} in {ctx!r}")
                    bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
