#!/usr/bin/env python3
"""Check that src/ keeps its layers: each folder includes only the folders
below it. Usage: layers.py [SRC_DIR]. Prints each forbidden include as
FILE:LINE and exits 1 when there is one, 0 when the tree is clean.

  src/        buffers, utilities, atomic output (main.c may include anything)
  src/model/  the article model and what is resolved once for both writers
  src/typo/   line breaking and hyphenation
  src/cover/  the generated cover, drawn alike for both writers
  src/net/    fetching over HTTP(S) (libcurl), below the readers
  src/read/   the readers and the builder
  src/epub/   the EPUB writer
  src/pdf/    the PDF typesetter
"""
import os
import re
import sys

# What each layer may include besides itself.
ALLOWED = {
    '': set(),
    'model': {''},
    'typo': {''},
    'cover': {'', 'model', 'typo'},
    'net': {''},
    'read': {'', 'model', 'net'},
    'epub': {'', 'model', 'typo', 'cover'},
    'pdf': {'', 'model', 'typo', 'cover'},
}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else 'src'
    headers = {}  # bare header name -> its folder ('' for src/)
    files = []
    for layer in ALLOWED:
        d = os.path.join(src, layer)
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            if name.endswith(('.c', '.h')):
                files.append((layer, os.path.join(d, name), name))
                if name.endswith('.h'):
                    headers.setdefault(name, layer)
    unknown = [d for d in sorted(os.listdir(src))
               if os.path.isdir(os.path.join(src, d)) and d not in ALLOWED]
    bad = 0
    for d in unknown:
        print('%s/%s: a folder with no place in the layers (tests/layers.py)' % (src, d))
        bad += 1
    for layer, path, name in files:
        if layer == '' and name == 'main.c':
            continue
        with open(path, encoding='utf-8', errors='replace') as f:
            for n, line in enumerate(f, 1):
                m = INCLUDE.match(line)
                if not m:
                    continue
                inc = m.group(1)
                if '/' in inc:
                    to = inc.split('/')[0]
                    if to == '..':
                        to = '?'
                elif os.path.exists(os.path.join(os.path.dirname(path), inc)):
                    to = layer
                else:
                    to = headers.get(inc, '?')
                if to == layer or to in ALLOWED.get(layer, ()):
                    continue
                print('%s:%d: %s includes "%s" (src/%s may include %s)' % (
                    path, n, 'src/' + layer if layer else 'src', inc, layer or '',
                    ', '.join(sorted('src/' + a if a else 'src' for a in ALLOWED[layer]))
                    or 'only itself'))
                bad += 1
    if bad:
        return 1
    print('layers: %d files, no forbidden include' % len(files))
    return 0


if __name__ == '__main__':
    sys.exit(main())
