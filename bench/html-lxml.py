#!/usr/bin/env python3
"""readability-lxml (Debian's python3-readability) in ONE python process
(bench/html.sh): html-lxml.py LIST OUTDIR. The clock starts after the
imports (start-up excluded) and stops after the last page; each page is
read from disk as bytes (readability-lxml finds the encoding), extracted
and its summary's text taken. Prints one JSON line: pages, ok, cpu_s,
wall_s; the articles go to OUTDIR (page N as N.json) after the clock."""
import json, os, sys, time

import lxml.html
from readability import Document

pages = [l for l in open(sys.argv[1], encoding="utf-8").read().split("\n") if l]
outdir = sys.argv[2]
out = [None] * len(pages)
ok = 0
c0, w0 = time.process_time(), time.perf_counter()
for i, p in enumerate(pages):
    try:
        with open(p, "rb") as f:
            d = Document(f.read())
        summary = d.summary()
        out[i] = {"text": lxml.html.fromstring(summary).text_content() if summary.strip() else "",
                  "title": d.short_title()}
        ok += 1
    except Exception:  # a page it cannot read: empty output, as the scorer counts it
        out[i] = None
cpu, wall = time.process_time() - c0, time.perf_counter() - w0
os.makedirs(outdir, exist_ok=True)
for i, o in enumerate(out):
    with open(os.path.join(outdir, "%d.json" % i), "w", encoding="utf-8") as f:
        json.dump(o or {}, f, ensure_ascii=False)
print(json.dumps({"pages": len(pages), "ok": ok, "cpu_s": cpu, "wall_s": wall}))
