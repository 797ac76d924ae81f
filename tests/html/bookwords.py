#!/usr/bin/env python3
"""Every word the extraction scorer counts as article text is in the books.

    python3 tests/html/bookwords.py SCORER.py MODEL.json BOOK.epub BOOK.pdf

Takes the article text from mkbook's --dump-model JSON as
../shared/tools/extract-score.py does (its model_text and words), and checks
that each of those words is among the words of the EPUB's XHTML and of the
PDF's text (pdftotext, hyphenated line ends joined; a link's last word
may carry its URL note's letter mark). Also: no <script> and
no remote resource (http:, https: or // in a src, a stylesheet link or a
CSS url()) in the EPUB. Exit 0, or 1 naming what is missing.
"""
import importlib.util
import json
import re
import subprocess
import sys
import zipfile
from html.parser import HTMLParser

spec = importlib.util.spec_from_file_location("es", sys.argv[1])
es = importlib.util.module_from_spec(spec)
spec.loader.exec_module(es)
model = json.load(open(sys.argv[2], encoding="utf-8"))
want = set(es.words(es.model_text(model)))


class Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []

    def handle_data(self, d):
        self.out.append(d)

    def handle_starttag(self, tag, attrs):
        self.out.append(" ")


bad = []
epub_text = []
with zipfile.ZipFile(sys.argv[3]) as z:
    for name in z.namelist():
        if not re.search(r"\.(x?html|css|opf|ncx)$", name):
            continue
        s = z.read(name).decode("utf-8", "replace")
        if re.search(r"<script\b", s, re.I):
            bad.append("%s: a <script>" % name)
        for m in re.finditer(r"""(?:\bsrc|xlink:href)\s*=\s*["'](?:https?:|//)[^"']*|url\(\s*["']?(?:https?:|//)""", s, re.I):
            bad.append("%s: a remote resource: %s" % (name, m.group(0)[:80]))
        if name.endswith("html"):
            p = Text()
            p.feed(s)
            epub_text.append("".join(p.out))
epub = set(es.words(" ".join(epub_text)))
pdf_raw = subprocess.run(["pdftotext", "-enc", "UTF-8", sys.argv[4], "-"], capture_output=True,
                         text=True, check=True).stdout
# a line that ends in a hyphen: a word broken there ("typeset-ting") or a
# hyphenated compound broken at its hyphen ("opt-outs"); read both ways
pdf = set(es.words(re.sub(r"[-\u00ad\u2010]\n\s*", "", pdf_raw)))
# (pdftotext joins those itself, so its -layout text is read as well)
layout = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", sys.argv[4], "-"],
                        capture_output=True, text=True, check=True).stdout
pdf |= set(es.words(layout))
# a link's last word carries its URL note's letter mark in the PDF
# ("sourcea" for "source", links: footnotes)
def link_ends(node, out):
    if isinstance(node, dict):
        if node.get("type") == "link":
            def text(ks):
                return "".join((" " if k.get("type") == "break" else (k.get("text") or "")) +
                               text(k.get("kids") or []) for k in ks)
            ws = es.words(text(node.get("kids") or []))
            out.update(ws[-1:])
        for v in node.values():
            link_ends(v, out)
    elif isinstance(node, list):
        for v in node:
            link_ends(v, out)
    return out
ends = link_ends(model, set())
# (also inside a word, when the page sets the link's text against the
# next word with no space: "ServiceWorker" "specifications")
pdf |= {w[:i] + w[i + k:] for w in pdf for i in range(1, len(w)) if w[:i] in ends
        for k in (1, 2) if len(w) >= i + k and w[i:i + k].isalpha()}
for label, have in (("EPUB", epub), ("PDF", pdf)):
    lost = sorted(want - have)
    if lost:
        bad.append("%s lacks %d of %d words: %s" % (label, len(lost), len(want), " ".join(lost[:30])))
for b in bad:
    print(b)
sys.exit(1 if bad else 0)
