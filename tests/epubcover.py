#!/usr/bin/env python3
"""epubcover.py [--cmap] BOOK.epub: check that every character the book's
XHTML shows is in the cmap of some font embedded in it (read with
fc-query, or with --cmap from the fonts' cmap tables with fontTools).
Prints the characters no embedded font has, one a line, and exits 1 when
there is any; exits 0 when every character is covered."""
import os
import re
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET

NO_GLYPH = re.compile('[\x00-\x20\x7f-\xa0\xad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff]')


def cmap(path):
    """The code points of every cmap subtable of the font at PATH, read
    with fontTools (what a reading system looks characters up in)."""
    from fontTools.ttLib import TTFont
    cps = set()
    for t in TTFont(path, lazy=True)['cmap'].tables:
        if t.isUnicode():
            cps.update(t.cmap)
    return [(c, c) for c in sorted(cps)]


def charset(path):
    out = subprocess.run(['fc-query', '--format=%{charset}', path],
                         capture_output=True, text=True, check=True).stdout
    ranges = []
    for part in out.split():
        a, _, b = part.partition('-')
        ranges.append((int(a, 16), int(b or a, 16)))
    return ranges


CMAP = '--cmap' in sys.argv


def main():
    z = zipfile.ZipFile([a for a in sys.argv[1:] if not a.startswith('--')][0])
    text = set()
    fonts = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in z.namelist():
            if name.endswith(('.ttf', '.otf')):
                p = os.path.join(tmp, os.path.basename(name))
                with open(p, 'wb') as f:
                    f.write(z.read(name))
                fonts.append(cmap(p) if CMAP else charset(p))
            elif name.endswith('.xhtml'):
                root = ET.fromstring(z.read(name))
                for t in root.itertext():
                    text.update(NO_GLYPH.sub('', t))
    covered = set()
    for cs in fonts:
        for a, b in cs:
            covered.update(range(a, b + 1))
    missing = sorted(c for c in text if ord(c) not in covered)
    print('# %d characters shown, %d fonts embedded (%s)' % (
        len(text), len(fonts), 'cmap tables, fontTools' if CMAP else 'fc-query'))
    for c in missing:
        print('U+%04X %s' % (ord(c), c))
    return 1 if missing else 0


if __name__ == '__main__':
    sys.exit(main())
