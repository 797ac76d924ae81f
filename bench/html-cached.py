#!/usr/bin/env python3
"""The extractor command bench/html.sh gives extract-score.py for the warm
runs: html-cached.py LIST OUTDIR PAGE prints the article that the warm
process wrote for PAGE (OUTDIR/N.json, N its line in LIST), so that the
scores are of the very run that was timed."""
import os, sys

lst, outdir, page = sys.argv[1:4]
pages = [l for l in open(lst, encoding="utf-8").read().split("\n") if l]
want = os.path.realpath(page)
for i, p in enumerate(pages):
    if os.path.realpath(p) == want:
        sys.stdout.write(open(os.path.join(outdir, "%d.json" % i), encoding="utf-8").read())
        sys.exit(0)
sys.exit("html-cached.py: %s was not in the timed run" % page)
