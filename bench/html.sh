#!/bin/sh
# bench/html.sh (make bench): mkbook's HTML reader beside Readability.js
# 0.6.0 (npm, over jsdom) and readability-lxml 0.8.1 (Debian's
# python3-readability), over the same pages of ../shared/html-corpus (the
# 300 trafilatura pages and the 63 Readability pages, DEV halves) in ONE run.
#
# Speed, start-up excluded for every extractor, as pages per second of CPU
# time (user + system; the machine is shared, so CPU time is the figure to
# compare, wall time is printed beside it):
# - Readability.js: one warm node process reads every page (jsdom parse,
#   then Readability.parse()); the clock starts after node, jsdom and
#   Readability are loaded (bench/html-readability.js, process.cpuUsage).
# - readability-lxml: one python process, the clock after the imports
#   (bench/html-lxml.py, time.process_time).
# - mkbook: one process reads every page through html_read, the reader
#   --dump-model runs (bench/html-pages.c, CLOCK_PROCESS_CPUTIME_ID after
#   start-up). Checked against mkbook as users run it, one process per page
#   (`mkbook --dump-model PAGE`, the builder's passes too), minus the CPU of
#   an empty run (a one-paragraph page) per page: the per-process start-up.
# Each warm run is repeated RUNS times (default 3), alternating; the medians
# are printed. The scores are ../shared/tools/extract-score.py's, for mkbook
# with --mkbook (one process per page, as the README's table), for the other
# two on the articles of their last timed run (bench/html-cached.py hands
# the scorer what the warm process wrote).
# LIMIT=N measures the first N pages only, and
# the scores are not computed: a quick look, not figures).
# Needs `make bench-deps` for the two other extractors; each one absent is
# named and left out.
set -eu
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
C=$SHARED/html-corpus
SCORE=$SHARED/tools/extract-score.py
RUNS=${RUNS:-3}
OUT=bench/out/html
NODE_DIR=bench/out/readability
# Debian's python3 for readability-lxml (a python3 earlier on PATH may not see it)
PYLXML=${PYLXML:-/usr/bin/python3}
if [ ! -d "$C/trafilatura" ] || [ ! -d "$C/readability" ] || [ ! -f "$SCORE" ]; then
	echo "bench/html.sh: $C or $SCORE is absent; skipped"
	exit 0
fi
[ -x bench/out/html-pages ] || make -s bench/out/html-pages
[ -x ./mkbook ] || make -s mkbook
rm -rf "$OUT"
mkdir -p "$OUT"
export LC_ALL=C.UTF-8

# the pages, as the scorer finds them
python3 - "$C" >"$OUT/pages.txt" <<'PY'
import json, os, sys
c = sys.argv[1]
t = os.path.join(c, "trafilatura")
ev = json.load(open(os.path.join(t, "evaldata.json"), encoding="utf-8"))
for url in sorted(ev, key=lambda u: ev[u]["file"]):
    for sub in ("", "cache", "eval"):
        p = os.path.join(t, sub, ev[url]["file"])
        if os.path.isfile(p):
            print(p)
            break
r = os.path.join(c, "readability")
for d in sorted(os.listdir(r)):
    if os.path.isfile(os.path.join(r, d, "source.html")):
        print(os.path.join(r, d, "source.html"))
PY
if [ -n "${LIMIT:-}" ]; then	# LIMIT=N: the first N pages only (a quick look)
	head -n "$LIMIT" "$OUT/pages.txt" >"$OUT/p" && mv "$OUT/p" "$OUT/pages.txt"
fi
n=$(wc -l <"$OUT/pages.txt")

have_rjs=0
have_lxml=0
if command -v node >/dev/null && [ -d "$NODE_DIR/node_modules/@mozilla/readability" ] &&
    [ -d "$NODE_DIR/node_modules/jsdom" ]; then
	have_rjs=1
else
	echo "bench/html.sh: Readability.js is not installed (make bench-deps); left out"
fi
if "$PYLXML" -c 'import readability, lxml.html' 2>/dev/null; then
	have_lxml=1
else
	echo "bench/html.sh: readability-lxml is not installed (make bench-deps); left out"
fi

echo "HTML reader: $n pages of $C, $RUNS runs each (alternating), start-up excluded"
i=0
while [ "$i" -lt "$RUNS" ]; do
	bench/out/html-pages "$OUT/pages.txt" >>"$OUT/mkbook.runs"
	if [ "$have_rjs" = 1 ]; then
		node bench/html-readability.js "$NODE_DIR" "$OUT/pages.txt" "$OUT/rjs" \
		    >>"$OUT/rjs.runs" 2>"$OUT/rjs.err"
	fi
	if [ "$have_lxml" = 1 ]; then
		"$PYLXML" bench/html-lxml.py "$OUT/pages.txt" "$OUT/lxml" >>"$OUT/lxml.runs" \
		    2>"$OUT/lxml.err"
	fi
	i=$((i + 1))
done

# mkbook as users run it: one process per page, minus an empty run's CPU
python3 - "$OUT/pages.txt" >"$OUT/mkbook-proc.json" <<'PY'
import json, os, resource, statistics, subprocess, sys, tempfile
pages = [l for l in open(sys.argv[1]).read().split("\n") if l]
def cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime
def run(p):
    c = cpu()
    subprocess.run(["./mkbook", "-q", "--dump-model", p], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return cpu() - c
with tempfile.TemporaryDirectory() as d:
    e = os.path.join(d, "empty.html")
    open(e, "w").write("<html><body><p>%s</p></body></html>" % ("One short paragraph of words. " * 3))
    empty = statistics.median(run(e) for _ in range(20))
total = sum(run(p) for p in pages)
print(json.dumps({"pages": len(pages), "cpu_s": total, "empty_s": empty,
                  "net_s": max(total - empty * len(pages), 1e-9)}))
PY

# scores
score() {	# NAME SUITE ARGS…: the scorer's JSON into $OUT/NAME-SUITE.json
	_name=$1 _suite=$2
	shift 2
	python3 "$SCORE" --suite "$_suite" "$C/$_suite" --json --timeout 60 "$@" \
	    >"$OUT/$_name-$_suite.json" 2>/dev/null || echo '{}' >"$OUT/$_name-$_suite.json"
}
for s in trafilatura readability; do
	[ -n "${LIMIT:-}" ] && break	# a quick look: not scored
	score mkbook "$s" --mkbook ./mkbook
	if [ "$have_rjs" = 1 ]; then
		score rjs "$s" -- python3 bench/html-cached.py "$OUT/pages.txt" "$OUT/rjs"
	fi
	if [ "$have_lxml" = 1 ]; then
		score lxml "$s" -- python3 bench/html-cached.py "$OUT/pages.txt" "$OUT/lxml"
	fi
done

python3 - "$OUT" "$have_rjs" "$have_lxml" <<'PY'
import json, os, statistics, sys
out, have_rjs, have_lxml = sys.argv[1], sys.argv[2] == "1", sys.argv[3] == "1"
def runs(name):
    p = os.path.join(out, name + ".runs")
    if not os.path.exists(p):
        return None
    rs = [json.loads(l) for l in open(p) if l.strip()]
    return {"pages": rs[0]["pages"], "ok": rs[0]["ok"],
            "cpu": statistics.median(r["cpu_s"] for r in rs),
            "wall": statistics.median(r["wall_s"] for r in rs)}
def scores(name):
    try:
        t = json.load(open(os.path.join(out, name + "-trafilatura.json")))
        r = json.load(open(os.path.join(out, name + "-readability.json")))
    except (OSError, ValueError):
        return "(not scored)"
    if "scores" not in t or "saved_pages" not in r:
        return "(not scored)"
    s = "%.3f / %.3f / %.3f   %.3f / %.3f" % (t["scores"]["precision"], t["scores"]["recall"],
                                            t["scores"]["f1"], r["scores"]["f1"],
                                            r["saved_pages"]["f1"])
    m = []
    for k in ("title", "byline", "lang", "publishedTime"):
        v = r.get("metadata", {}).get(k)
        m.append("%d/%d" % (v["correct"], v["scored"]) if v else "-")
    return s + "   " + " ".join(m)
rows = [("mkbook (one process)", "mkbook", "mkbook")]
if have_rjs:
    rows.append(("Readability.js 0.6.0 (warm node)", "rjs", "rjs"))
if have_lxml:
    rows.append(("readability-lxml 0.8.1 (one python)", "lxml", "lxml"))
print("%-36s %9s %9s %5s   %s" % ("extractor", "pages/s", "pages/s", "ok",
      "trafilatura P / R / F1   Readability content F1 all / saved   title byline lang date"))
print("%-36s %9s %9s" % ("", "(CPU)", "(wall)"))
got = {}
for label, runname, sname in rows:
    r = runs(runname)
    got[runname] = r
    print("%-36s %9.1f %9.1f %5d   %s" % (label, r["pages"] / r["cpu"], r["pages"] / r["wall"], r["ok"],
                                          scores(sname)))
p = json.load(open(os.path.join(out, "mkbook-proc.json")))
net_ok = p["net_s"] > 0.1 * p["cpu_s"]	# else the start-up is all there is to see
print("%-36s %9s %9s %5s   (one process per page: %.2f s CPU, %.4f s a page; an empty run %.4f s)"
      % ("mkbook --dump-model, per process", "%.1f" % (p["pages"] / p["net_s"]) if net_ok else "-",
         "", "", p["cpu_s"], p["cpu_s"] / p["pages"], p["empty_s"]))
if have_rjs:
    rj = got["rjs"]["pages"] / got["rjs"]["cpu"]
    print("mkbook / Readability.js, pages per CPU second: %.1fx in one process%s (target >= 10x)"
          % (got["mkbook"]["pages"] / got["mkbook"]["cpu"] / rj,
             ", %.1fx per process minus start-up" % (p["pages"] / p["net_s"] / rj) if net_ok else
             "; per process, mkbook's start-up is more than its reading"))
if have_lxml:
    lx = got["lxml"]["pages"] / got["lxml"]["cpu"]
    print("mkbook / readability-lxml, pages per CPU second: %.1fx in one process"
          % (got["mkbook"]["pages"] / got["mkbook"]["cpu"] / lx))
PY
