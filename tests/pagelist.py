#!/usr/bin/env python3
"""pagelist.py BOOK.epub BOOK.pdf [--want-split]: check the EPUB's page list against the
PDF made with it in the same run.

- every page of the PDF labelled in arabic (the articles' pages) has one
  page-break marker in the EPUB, with that label, and one page-list entry
  in the navigation document that leads to it;
- the first word after each marker in the EPUB's text is the first word
  of that page in the PDF (pdftotext per page; the running head and the
  folio, which sit at the same height on every page that has them, left
  out). Allowed: a page that begins with the second half of a hyphenated
  word ("ated") against the whole word after the marker ("hyphenated"),
  a list's marker ("•", "1.") the EPUB draws by CSS, and a line of
  Chinese or Japanese, which has no spaces, against the longer run of
  text after the marker.

With --want-split, some page must begin inside a hyphenated word.
Prints each mismatch and exits 1 when there is any."""
import collections
import json
import os
import re
import subprocess
import sys
import unicodedata
import zipfile
import xml.etree.ElementTree as ET

XHTML = '{http://www.w3.org/1999/xhtml}'
EPUB = '{http://www.idpf.org/2007/ops}'


def norm(w):
    w = unicodedata.normalize('NFKC', w)
    return w.replace('\u00ad', '')


def pdf_labels(pdf):
    """Label of each page (0-based index) from the PDF's page labels."""
    out = subprocess.run(['qpdf', '--json', '--json-key=pagelabels', pdf],
                         capture_output=True, text=True, check=True).stdout
    ranges = json.loads(out)['pagelabels']
    n = int(subprocess.run(['qpdf', '--show-npages', pdf], capture_output=True,
                           text=True, check=True).stdout)
    labels = {}
    for k, r in enumerate(ranges):
        end = ranges[k + 1]['index'] if k + 1 < len(ranges) else n
        for i in range(r['index'], end):
            if r['label'].get('/S') == '/D':
                labels[i] = str(r['label'].get('/St', 1) + i - r['index'])
    return labels


def pdf_pages(pdf):
    """The lines of each page as (yMin, yMax, [words]) in pdftotext's order."""
    out = subprocess.run(['pdftotext', '-bbox-layout', pdf, '-'], capture_output=True,
                         check=True).stdout
    root = ET.fromstring(out)
    pages = []
    for page in root.iter(XHTML + 'page'):
        lines = []
        for line in page.iter(XHTML + 'line'):
            words = [w.text or '' for w in line.iter(XHTML + 'word')]
            lines.append((float(line.get('yMin')), float(line.get('yMax')), words))
        pages.append(lines)
    return pages


first_line = {}
split = []	# (EPUB word, PDF half-word) of pages beginning inside a word


def squash(s):
    return re.sub(r'\s+', '', norm(s))


def first_words(pages, labels, heads, openers):
    """The first words of each arabic-labelled page, running head and folio
    left out: those lines are the top and bottom of most pages, at one
    height each; and a top line that reads as the book's title or an
    article's headline (whole, or cut short with an ellipsis), a bottom
    line that reads as the page's label."""
    body = [i for i in labels]
    tops = collections.Counter(round(min(l[0] for l in pages[i]), 1) for i in body if pages[i])
    bots = collections.Counter(round(max(l[1] for l in pages[i]), 1) for i in body if pages[i])
    head_y = tops.most_common(1)[0][0] if tops else None
    foot_y = bots.most_common(1)[0][0] if bots else None
    res = {}
    for i in body:
        words = []
        top = min((l[0] for l in pages[i]), default=None)
        bot = max((l[1] for l in pages[i]), default=None)
        for y0, y1, ws in pages[i]:
            if round(y0, 1) == head_y or round(y1, 1) == foot_y:
                continue
            t = squash(''.join(ws))
            if y0 == top and labels[i] not in openers and (t in heads or (t.endswith('\u2026') and any(
                    h.startswith(t[:-1]) for h in heads))):
                continue
            if y1 == bot and t == labels[i]:
                continue
            if not words:
                first_line[labels[i]] = [norm(w) for w in ws]
            words.extend(ws)
            if len(words) > 3:
                break
        res[labels[i]] = [norm(w) for w in words]
    return res


class Text:
    """The EPUB's documents in spine order as text, with where each
    page-break marker is in it."""

    def __init__(self, epub):
        z = zipfile.ZipFile(epub)
        opf_name = ET.fromstring(z.read('META-INF/container.xml')).find(
            './/{urn:oasis:names:tc:opendocument:xmlns:container}rootfile').get('full-path')
        opf = ET.fromstring(z.read(opf_name))
        ns = '{http://www.idpf.org/2007/opf}'
        base = opf_name.rsplit('/', 1)[0] + '/' if '/' in opf_name else ''
        items = {i.get('id'): i for i in opf.iter(ns + 'item')}
        self.z, self.base = z, base
        self.parts, self.marks, self.nav = [], [], None
        self.openers = set()	# labels of the markers at an article's start
        self.heads = {squash(''.join(e.itertext()))
                      for e in opf.iter('{http://purl.org/dc/elements/1.1/}title')}
        for it in items.values():
            if 'nav' in (it.get('properties') or '').split():
                self.nav = ET.fromstring(z.read(base + it.get('href')))
        for ref in opf.iter(ns + 'itemref'):
            href = items[ref.get('idref')].get('href')
            root = ET.fromstring(z.read(base + href))
            self.cur = []
            self.href = href
            self.walk(root.find(XHTML + 'body'))
            self.parts.append(''.join(self.cur))

    def walk(self, el):
        if el.tag == XHTML + 'h1':
            self.heads.add(squash(''.join(el.itertext())))
        if el.get(EPUB + 'type') == 'pagebreak':
            self.marks.append((el.get('aria-label'), len(self.parts),
                               len(''.join(self.cur)), self.href, el.get('id'),
                               el.get('role')))
        if el.tag in (XHTML + 'img',):
            self.cur.append(' ')
        self.cur.append(el.text or '')
        block = el.tag in {XHTML + t for t in ('p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'td',
                                                 'th', 'tr', 'figure', 'figcaption', 'div', 'aside',
                                                 'section', 'pre', 'blockquote', 'header', 'br')}
        kids = list(el)
        for n, k in enumerate(kids):
            if (el.tag == XHTML + 'article' and k.get(EPUB + 'type') == 'pagebreak' and
                    n + 1 < len(kids) and kids[n + 1].tag == XHTML + 'header'):
                self.openers.add(k.get('aria-label'))
            self.walk(k)
            self.cur.append(k.tail or '')
        if block:
            self.cur.append(' ')

    def words_after(self, part, off, n=4):
        return [norm(w) for w in self.parts[part][off:].split()[:n]]


def is_marker(w):
    return w in ('\u2022', '\u2013', '\u25e6') or re.fullmatch(r'\d+[.)]', w) is not None


def cjk(s):
    return any(unicodedata.east_asian_width(ch) in 'WF' for ch in s)


def rtl(words):
    """The line WORDS as pdftotext gives a right-to-left line: its letters
    one by one, in visual order."""
    return all(len(w) == 1 for w in words) and any(
        unicodedata.bidirectional(ch) in ('R', 'AL') for ch in ''.join(words))


def same(e, p):
    """The EPUB's word E after a marker against the PDF's first word P."""
    if e == p:
        return True
    if len(p) >= 2 and e.endswith(p):	# a word hyphenated across the turn
        split.append((e, p))
        return True
    if cjk(e + p) and len(p) >= 2 and len(e) >= 2 and (e.startswith(p) or p.startswith(e)):
        return True
    # a note's label glued to the word, or a word the PDF joined with its
    # punctuation differently
    core = lambda w: re.sub(r'\W+$', '', w)
    return core(e) != '' and core(e) == core(p)


def main():
    epub, pdf = sys.argv[1], sys.argv[2]
    labels = pdf_labels(pdf)
    t = Text(epub)
    firsts = first_words(pdf_pages(pdf), labels, t.heads, t.openers)
    firsts_line = first_line
    bad = []
    seen = collections.Counter(m[0] for m in t.marks)
    for lab in sorted(firsts, key=int):
        if seen[lab] != 1:
            bad.append('page %s of the PDF has %d markers in the EPUB' % (lab, seen[lab]))
    for lab in seen:
        if lab not in firsts:
            bad.append('marker %s names no page of the PDF\'s articles' % lab)
    for lab, part, off, href, ident, role in t.marks:
        if role != 'doc-pagebreak' or ident != 'page-' + lab:
            bad.append('marker %s: role %s, id %s' % (lab, role, ident))
        e = t.words_after(part, off)
        p = firsts.get(lab, [])
        if p and e and is_marker(p[0]) and not is_marker(e[0]):
            p = p[1:]
        if p and e and rtl(p):
            # the first line read back in logical order against the words
            # after the marker, spaces aside
            line = ''.join(firsts_line[lab])[::-1]
            if ''.join(t.words_after(part, off, 40)).startswith(line) and len(line) >= 4:
                continue
        if os.environ.get('PAGELIST_VERBOSE'):
            print('# %s: %s | %s' % (lab, ' '.join(e), ' '.join(p)))
        if not e or not p or not same(e[0], p[0]):
            bad.append('page %s: the EPUB reads %r after its marker, the PDF begins %r'
                       % (lab, ' '.join(e), ' '.join(p)))
    # the page list: one entry per marker, in order, each leading to it
    plist = [n for n in t.nav.iter(XHTML + 'nav') if n.get(EPUB + 'type') == 'page-list']
    if len(plist) != 1:
        bad.append('the navigation document has %d page-list navs' % len(plist))
    else:
        ents = [(a.text, a.get('href')) for a in plist[0].iter(XHTML + 'a')]
        want = [(m[0], 'text/' + m[3].split('/')[-1] + '#' + m[4]) for m in t.marks]
        got = [(lab, h) for lab, h in ents]
        if got != want:
            bad.append('the page list %r… does not match the markers %r…' % (got[:3], want[:3]))
    if '--want-split' in sys.argv and not split:
        bad.append('no page begins inside a hyphenated word')
    for e, p in split:
        print('# a page begins inside %r (%r): its marker is before the word' % (e, p))
    for b in bad:
        print(b)
    print('%d pages, %d markers, %d problems' % (len(firsts), len(t.marks), len(bad)))
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
