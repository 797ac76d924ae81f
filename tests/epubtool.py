#!/usr/bin/env python3
"""Checks on an EPUB that mkbook wrote, for the tests/3N-*.t scripts.

    python3 tests/epubtool.py zip BOOK.epub        container rules
    python3 tests/epubtool.py links BOOK.epub      every internal link resolves
    python3 tests/epubtool.py order BOOK.epub      nav and NCX list every article,
                                                   in spine order
    python3 tests/epubtool.py safe BOOK.epub       no script, handler, javascript:
                                                   or data: URL, no remote resource
    python3 tests/epubtool.py words BOOK.epub MODEL.json [INPUT.txt…]
        every word of the model (and of each plain-text input) is in the
        text of its article's XHTML files
    python3 tests/epubtool.py text BOOK.epub       print the book's text

Exit 0 when the check passes, 1 with the reasons otherwise.
"""
import json
import posixpath
import re
import sys
import zipfile
from collections import Counter
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit
from xml.dom import minidom

XHTML = "application/xhtml+xml"


def fail(msgs):
    for m in msgs[:40]:
        print(m)
    if len(msgs) > 40:
        print(f"... and {len(msgs) - 40} more")
    sys.exit(1 if msgs else 0)


class Book:
    def __init__(self, path):
        self.zip = zipfile.ZipFile(path)
        self.names = self.zip.namelist()
        cont = minidom.parseString(self.zip.read("META-INF/container.xml"))
        self.opf = cont.getElementsByTagName("rootfile")[0].getAttribute("full-path")
        self.base = posixpath.dirname(self.opf)
        doc = minidom.parseString(self.zip.read(self.opf))
        self.manifest = {}
        self.props = {}
        for it in doc.getElementsByTagName("item"):
            href = posixpath.normpath(posixpath.join(self.base, unquote(it.getAttribute("href"))))
            self.manifest[it.getAttribute("id")] = (href, it.getAttribute("media-type"))
            self.props[href] = it.getAttribute("properties")
        self.spine = [self.manifest[r.getAttribute("idref")][0]
                      for r in doc.getElementsByTagName("itemref")]
        self.ncx = next((h for h, t in self.manifest.values()
                         if t == "application/x-dtbncx+xml"), None)
        self.nav = next((h for h, p in self.props.items() if "nav" in p.split()), None)

    def read(self, name):
        return self.zip.read(name).decode("utf-8")


class Ids(HTMLParser):
    """Ids, links and text of one XHTML file."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.links, self.text, self.tags = set(), [], [], []
        self.in_head = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "head":
            self.in_head = True
        self.tags.append((tag, a))
        if "id" in a:
            self.ids.add(a["id"])
        for k in ("href", "src"):
            if k in a:
                self.links.append((tag, a[k]))
        if tag == "img" and a.get("alt"):
            self.text.append(" " + a["alt"] + " ")
        self.text.append(" ")

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False
        self.text.append(" ")

    def handle_data(self, data):
        if not self.in_head:
            self.text.append(data)


def parse(book, name):
    p = Ids()
    p.feed(book.read(name))
    return p


def check_zip(path):
    errs = []
    with open(path, "rb") as f:
        head = f.read(30 + 28)
    if head[:4] != b"PK\x03\x04":
        errs.append("not a zip file")
    elif head[30:38] != b"mimetype":
        errs.append("the first entry is not 'mimetype'")
    else:
        method = int.from_bytes(head[8:10], "little")
        extra = int.from_bytes(head[28:30], "little")
        if method != 0:
            errs.append("mimetype is compressed")
        if extra != 0:
            errs.append(f"mimetype has an extra field of {extra} bytes")
        if head[38:58] != b"application/epub+zip":
            errs.append("mimetype does not say application/epub+zip")
    z = zipfile.ZipFile(path)
    for i, info in enumerate(z.infolist()):
        if i and info.compress_type != zipfile.ZIP_DEFLATED:
            errs.append(f"{info.filename} is not deflated")
        if info.extra:
            errs.append(f"{info.filename} has an extra field")
    book = Book(path)
    for h, t in book.manifest.values():
        if t == XHTML and not book.read(h).startswith('<?xml version="1.0" encoding="UTF-8"?>'):
            errs.append(f"{h} does not start with an XML declaration naming UTF-8")
    fail(errs)


def resolve(book, src, href):
    """The (file, fragment) HREF in SRC points to, or None for external."""
    u = urlsplit(href)
    if u.scheme or href.startswith("//"):
        return None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(src), unquote(u.path))) \
        if u.path else src
    return target, u.fragment


def check_links(path):
    book = Book(path)
    errs, parsed = [], {}
    docs = [h for h, t in book.manifest.values() if t == XHTML]
    for d in docs:
        parsed[d] = parse(book, d)
    for d in docs:
        for tag, href in parsed[d].links:
            r = resolve(book, d, href)
            if r is None:
                continue
            f, frag = r
            if f not in book.names:
                errs.append(f"{d}: <{tag}> {href}: no such file")
            elif frag and (f not in parsed or frag not in parsed[f].ids):
                errs.append(f"{d}: <{tag}> {href}: no such id")
    if book.ncx:
        ncx = minidom.parseString(book.zip.read(book.ncx))
        for c in ncx.getElementsByTagName("content"):
            f, frag = resolve(book, book.ncx, c.getAttribute("src"))
            if f not in book.names or (frag and frag not in parsed.get(f, Ids()).ids):
                errs.append(f"{book.ncx}: {c.getAttribute('src')} does not resolve")
    for h, _ in book.manifest.values():
        if h not in book.names:
            errs.append(f"manifest item {h} is not in the zip")
    fail(errs)


def articles(book):
    """The first file of each article in spine order: text/a01.xhtml …"""
    return [s for s in book.spine if re.search(r"/a\d+\.xhtml$", s)]


def check_order(path):
    book = Book(path)
    errs = []
    arts = articles(book)
    if not arts:
        errs.append("no article in the spine")
    nav = parse(book, book.nav)
    navl = []
    for tag, href in nav.links:
        r = resolve(book, book.nav, href)
        if r and r[0] in arts and not r[1] and r[0] not in navl:
            navl.append(r[0])
    if navl != arts:
        errs.append(f"nav lists {navl}, spine has {arts}")
    ncx = minidom.parseString(book.zip.read(book.ncx))
    ncxl, orders = [], []
    for np in ncx.getElementsByTagName("navPoint"):
        orders.append(int(np.getAttribute("playOrder")))
        depth = 0
        p = np.parentNode
        while p.nodeName == "navPoint":
            depth += 1
            p = p.parentNode
        if depth > 1:
            errs.append("the NCX is more than two levels deep")
        src = np.getElementsByTagName("content")[0].getAttribute("src")
        f, frag = resolve(book, book.ncx, src)
        if depth == 0:
            ncxl.append(f)
    if ncxl != arts:
        errs.append(f"NCX lists {ncxl}, spine has {arts}")
    if orders != sorted(orders):
        errs.append("NCX playOrder is not in document order")
    fail(errs)


def check_safe(path):
    book = Book(path)
    errs = []
    for h, t in book.manifest.values():
        if t != XHTML:
            continue
        p = parse(book, h)
        for tag, a in p.tags:
            if tag in ("script", "iframe", "object", "embed", "form", "base"):
                errs.append(f"{h}: <{tag}>")
            for k, v in a.items():
                if k.startswith("on"):
                    errs.append(f"{h}: <{tag} {k}>")
                if k in ("href", "src", "xlink:href", "action", "formaction", "poster"):
                    s = re.sub(r"\s", "", v or "").lower()
                    if s.startswith(("javascript:", "data:", "vbscript:", "file:")):
                        errs.append(f"{h}: <{tag} {k}={v!r}>")
                    if k == "src" and re.match(r"^[a-z]+:", s):
                        errs.append(f"{h}: remote resource <{tag} src={v!r}>")
    opf = book.read(book.opf)
    if "remote-resources" in opf or "scripted" in opf:
        errs.append("package claims remote resources or scripts")
    fail(errs)


WORD = re.compile(r"\w+")


def words(s):
    return Counter(WORD.findall(s or ""))


def model_words(a):
    c = Counter()
    for k in ("kicker", "headline", "standfirst", "role", "date_text", "url"):
        c += words(a.get(k))
    for au in (a.get("authors") or []) + [r for r in a.get("author_roles") or [] if r]:
        c += words(au)
    c += words(a.get("dateline"))
    im = a.get("image")
    if im:
        for k in ("caption", "credit", "alt"):
            c += words(im.get(k))
    for b in a.get("blocks") or []:
        c += words(b.get("text"))
        c += figure_words(b)
    # A note's label is markup ([^kp]); the book shows its reference's number.
    for n in a.get("footnotes") or []:
        c += words(n.get("text"))
    return c


def figure_words(b):
    c = Counter()
    if b.get("type") == "figure" and b.get("image"):
        for k in ("caption", "credit", "alt"):
            c += words(b["image"].get(k))
    for k in b.get("blocks") or []:
        c += figure_words(k)
    return c


def input_words(path):
    """Words of a plain-text article, less its page markers, list marks and
    the "By" that may open a line (a byline's, which mkbook writes in the
    article's language)."""
    c = Counter()
    for line in open(path, encoding="utf-8-sig"):
        line = line.strip()
        if line in ("top of page", "bottom of page"):
            continue
        line = re.sub(r"^(?:\d+\.|[-*\u2022]) +", "", line)
        # a byline's "By" is the book's to word, in the article's language
        if re.match(r"^(?:By|by|Von|Par|Por|Door) (?=\S)", line):
            # so is the word that opens co-authors in brackets: "(avec B et C)"
            line = re.sub(r"\((?:avec|with|mit|con|com|met|med) ", "(", line)
        line = re.sub(r"^(?:By|by|Von|Par|Por|Door) (?=\S)", "", line)
        c += words(line)
    return c


def check_words(path, model, inputs):
    book = Book(path)
    errs = []
    m = json.load(open(model, encoding="utf-8"))
    for i, a in enumerate(m["articles"]):
        aid = a.get("id") or f"a{i + 1:02d}"
        files = [s for s in book.spine if re.search(rf"/{re.escape(aid)}(-\d+)?\.xhtml$", s)]
        if not files:
            errs.append(f"{aid}: no XHTML file in the spine")
            continue
        have = Counter()
        for f in files:
            have += words("".join(parse(book, f).text))
        want = [(a.get("source"), model_words(a))]
        for inp in inputs:
            src = a.get("source") or ""
            if posixpath.basename(inp) == posixpath.basename(src):
                want.append((inp, input_words(inp)))
        for what, w in want:
            lost = w - have
            if lost:
                errs.append(f"{aid} ({what}): {sum(lost.values())} words missing: "
                            + " ".join(sorted(lost)[:20]))
    fail(errs)


def print_text(path):
    book = Book(path)
    for s in book.spine:
        print(re.sub(r"\s+", " ", "".join(parse(book, s).text)).strip())


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        sys.exit(2)
    cmd, path = sys.argv[1], sys.argv[2]
    if cmd == "zip":
        check_zip(path)
    elif cmd == "links":
        check_links(path)
    elif cmd == "order":
        check_order(path)
    elif cmd == "safe":
        check_safe(path)
    elif cmd == "words":
        check_words(path, sys.argv[3], sys.argv[4:])
    elif cmd == "text":
        print_text(path)
    else:
        print(__doc__)
        sys.exit(2)


if __name__ == "__main__":
    main()
