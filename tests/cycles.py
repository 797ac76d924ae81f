#!/usr/bin/env python3
"""Check that no two modules of src/ call each other, directly or round a
loop, and that no header includes itself round a loop.

Calls: the module graph is built from the object files (a module is one .c
file; A -> B when A's .o leaves undefined a symbol that B's .o defines) and
every cycle is printed with the symbols that close it. Includes: the graph
of the headers under src/ (A.h -> B.h when A.h includes B.h).

Usage: cycles.py [--src DIR] [OBJ...] (default: every DIR/**/*.o except
main.o; DIR is src). Exits 1 when there is a cycle, 0 when both graphs are
acyclic, 2 when there are no objects or nm fails."""
import glob
import os
import re
import subprocess
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def symbols(obj):
    """Defined and undefined global symbols of one object file."""
    out = subprocess.run(['nm', '-g', '--defined-only', obj], capture_output=True,
                         text=True, check=True).stdout
    defined = {l.split()[-1] for l in out.splitlines() if len(l.split()) >= 3}
    out = subprocess.run(['nm', '-g', '--undefined-only', obj], capture_output=True,
                         text=True, check=True).stdout
    undefined = {l.split()[-1] for l in out.splitlines() if l.split()}
    return defined, undefined


def components(edges):
    """Strongly connected components of the graph EDGES (node -> iterable
    of nodes), by Tarjan's algorithm without recursion."""
    index, low, stack, on, comps = {}, {}, [], set(), []
    counter = [0]

    def strong(v):
        work = [(v, iter(sorted(edges[v])))]
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        while work:
            node, it = work[-1]
            nxt = next(it, None)
            if nxt is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    comp = []
                    while True:
                        w = stack.pop()
                        on.discard(w)
                        comp.append(w)
                        if w == node:
                            break
                    comps.append(sorted(comp))
            elif nxt not in index:
                index[nxt] = low[nxt] = counter[0]
                counter[0] += 1
                stack.append(nxt)
                on.add(nxt)
                work.append((nxt, iter(sorted(edges[nxt]))))
            elif nxt in on:
                low[node] = min(low[node], index[nxt])

    for v in sorted(edges):
        if v not in index:
            strong(v)
    return comps


def header_cycles(src):
    """Cycles among the headers under SRC, each a sorted list of paths."""
    headers = sorted(glob.glob(os.path.join(src, '**', '*.h'), recursive=True))
    edges = {h: set() for h in headers}
    for h in headers:
        with open(h, encoding='utf-8', errors='replace') as f:
            for line in f:
                m = INCLUDE.match(line)
                if not m:
                    continue
                for cand in (os.path.join(os.path.dirname(h), m.group(1)),
                             os.path.join(src, m.group(1))):
                    cand = os.path.normpath(cand)
                    if cand in edges:
                        edges[h].add(cand)
                        break
    return [c for c in components(edges) if len(c) > 1], edges


def module(obj):
    return obj[:-2].replace('src/', '', 1) if obj.startswith('src/') else obj[:-2]


def main():
    args = sys.argv[1:]
    src = 'src'
    if args[:1] == ['--src'] and len(args) >= 2:
        src, args = args[1], args[2:]
    objs = args or sorted(o for o in glob.glob(os.path.join(src, '**', '*.o'), recursive=True)
                          if not o.endswith('/main.o'))
    if not objs:
        print('cycles: no object files (build first)')
        return 2
    try:
        syms = {module(o): symbols(o) for o in objs}
    except (OSError, subprocess.CalledProcessError) as e:
        print('cycles: nm failed: %s' % e)
        return 2
    owner = {}
    for m, (d, _) in syms.items():
        for s in d:
            owner.setdefault(s, m)
    edges = {m: {} for m in syms}  # m -> {callee: [symbols]}
    for m, (_, u) in syms.items():
        for s in sorted(u):
            to = owner.get(s)
            if to and to != m:
                edges[m].setdefault(to, []).append(s)
    comps = components(edges)
    bad = [c for c in comps if len(c) > 1]
    for c in bad:
        print('cycle between %s:' % ', '.join(c))
        for m in c:
            for to in sorted(edges[m]):
                if to in c:
                    print('  %s -> %s (%s)' % (m, to, ', '.join(edges[m][to][:6]) +
                                                (' ...' if len(edges[m][to]) > 6 else '')))
    hbad, hedges = header_cycles(src)
    for c in hbad:
        print('include cycle between %s:' % ', '.join(c))
        for h in c:
            for to in sorted(hedges[h]):
                if to in c:
                    print('  %s includes %s' % (h, to))
    if bad or hbad:
        return 1
    print('cycles: %d headers, no include cycle' % len(hedges))
    print('cycles: %d modules, %d calls between them, no cycle' % (
        len(edges), sum(len(e) for e in edges.values())))
    return 0


if __name__ == '__main__':
    sys.exit(main())
