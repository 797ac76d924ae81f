#!/usr/bin/env python3
"""Check that no function in src/ is longer than MAX lines (120), counted
from the line with its return type through its closing brace. A function
definition is found the way the code is written (STYLE.md): the return
type on its own line, the name at the start of the next, the body's braces
in column 0. Usage: funclen.py [--max N] [SRC_DIR]. Prints each function
over the limit as FILE:LINE: NAME is N lines and exits 1; 0 when none."""
import glob
import os
import re
import sys

NAME = re.compile(r'^\**([A-Za-z_]\w*)\s*\(')


def functions(path):
    """(name, first line, length) of each function defined in PATH."""
    with open(path, encoding='utf-8', errors='replace') as f:
        lines = f.read().split('\n')
    out = []
    i = 0
    while i < len(lines):
        m = NAME.match(lines[i])
        if m and i > 0 and lines[i - 1] and not lines[i - 1].startswith(('#', ' ', '\t', '/', '*', '}')) \
                and not lines[i - 1].rstrip().endswith((';', ',', '{', '}')):
            j = i
            while j < len(lines) and lines[j] != '{' and not lines[j].rstrip().endswith(';'):
                j += 1
            if j < len(lines) and lines[j] == '{':
                k = j
                while k < len(lines) and lines[k] != '}':
                    k += 1
                out.append((m.group(1), i, k - (i - 1) + 1))
                i = k
        i += 1
    return out


def main():
    args = sys.argv[1:]
    limit = 120
    if args[:1] == ['--max'] and len(args) >= 2:
        limit, args = int(args[1]), args[2:]
    src = args[0] if args else 'src'
    bad = total = 0
    for path in sorted(glob.glob(os.path.join(src, '**', '*.c'), recursive=True)):
        for name, line, n in functions(path):
            total += 1
            if n > limit:
                print('%s:%d: %s is %d lines (at most %d)' % (path, line, name, n, limit))
                bad += 1
    if bad:
        return 1
    print('funclen: %d functions, none over %d lines' % (total, limit))
    return 0


if __name__ == '__main__':
    sys.exit(main())
