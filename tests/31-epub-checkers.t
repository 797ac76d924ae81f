#!/bin/sh
# The checks tests/30-epub.t relies on must be able to fail: each is run on
# a copy of the sample book damaged in the way it looks for.
. tests/lib.sh
need python3

export SOURCE_DATE_EPOCH=1700000000
if ! $MKBOOK -q --epub -o "$TMP/good.epub" content 2>"$TMP/err"; then
	ok "the sample book builds" sh -c "cat '$TMP/err'; false"
	done_testing
	exit 1
fi
$MKBOOK --dump-model content >"$TMP/model.json" 2>/dev/null

# damage IN OUT PYTHON: rewrite the zip IN to OUT, entry by entry, with the
# Python function body PYTHON applied to (name, data) → (name, data, method).
damage() {
	python3 - "$1" "$2" "$3" <<'PY'
import sys, zipfile
src, dst, body = sys.argv[1], sys.argv[2], sys.argv[3]
ns = {"zipfile": zipfile}
exec("def f(name, data, method):\n" + "\n".join("    " + l for l in body.splitlines()), ns)
zin = zipfile.ZipFile(src)
with zipfile.ZipFile(dst, "w") as zout:
    for info in zin.infolist():
        r = ns["f"](info.filename, zin.read(info.filename), info.compress_type)
        if r is None:
            continue
        name, data, method = r
        zout.writestr(zipfile.ZipInfo(name, info.date_time), data, compress_type=method)
PY
}

# checked FILE CMD…: fails (so not_ok passes) only when FILE was written and
# CMD fails on it; a damage step that did not happen makes the test fail.
checked() {
	_f=$1; shift
	[ -s "$_f" ] || return 0
	"$@"
}

ok "the undamaged book passes every check" sh -c "
	python3 tests/epubtool.py zip '$TMP/good.epub' &&
	python3 tests/epubtool.py links '$TMP/good.epub' &&
	python3 tests/epubtool.py order '$TMP/good.epub' &&
	python3 tests/epubtool.py safe '$TMP/good.epub' &&
	python3 tests/epubtool.py words '$TMP/good.epub' '$TMP/model.json'"

damage "$TMP/good.epub" "$TMP/d1.epub" 'return name, data, zipfile.ZIP_DEFLATED'
not_ok "zip: a compressed mimetype is caught" checked "$TMP/d1.epub" python3 tests/epubtool.py zip "$TMP/d1.epub"

damage "$TMP/good.epub" "$TMP/d2.epub" '
if name.endswith("nav.xhtml"):
    data = data.replace(b"#a02-h1", b"#nowhere")
return name, data, method'
not_ok "links: a fragment that resolves nowhere is caught" checked "$TMP/d2.epub" python3 tests/epubtool.py links "$TMP/d2.epub"

damage "$TMP/good.epub" "$TMP/d3.epub" '
if name.endswith("toc.ncx"):
    data = data.replace(b"text/a01.xhtml\"", b"text/a02.xhtml\"", 1)
return name, data, method'
not_ok "order: an NCX out of spine order is caught" checked "$TMP/d3.epub" python3 tests/epubtool.py order "$TMP/d3.epub"

damage "$TMP/good.epub" "$TMP/d4.epub" '
if name.endswith("a01.xhtml"):
    data = data.replace(b"<p>", b"<p onclick=\"x()\">", 1)
return name, data, method'
not_ok "safe: an event handler is caught" checked "$TMP/d4.epub" python3 tests/epubtool.py safe "$TMP/d4.epub"

damage "$TMP/good.epub" "$TMP/d5.epub" '
if name.endswith("a01.xhtml"):
    data = data.replace(b"</p>", b" <a href=\"javascript:alert(1)\">x</a></p>", 1)
return name, data, method'
not_ok "safe: a javascript: link is caught" checked "$TMP/d5.epub" python3 tests/epubtool.py safe "$TMP/d5.epub"

damage "$TMP/good.epub" "$TMP/d6.epub" '
if name.endswith("a01.xhtml"):
    data = data.replace(b"vociferous ", b"", 1)
return name, data, method'
not_ok "words: a lost word is caught" checked "$TMP/d6.epub" python3 tests/epubtool.py words "$TMP/d6.epub" "$TMP/model.json"

damage "$TMP/good.epub" "$TMP/d7.epub" '
if name.endswith("a02.xhtml"):
    data = data.replace(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", b"")
return name, data, method'
not_ok "zip: a file without its XML declaration is caught" checked "$TMP/d7.epub" python3 tests/epubtool.py zip "$TMP/d7.epub"

if command -v java >/dev/null 2>&1; then
	damage "$TMP/good.epub" "$TMP/d8.epub" '
if name.endswith("package.opf"):
    data = data.replace(b"<dc:language>en</dc:language>", b"")
return name, data, method'
	epubcheck "$TMP/d8.epub" >"$TMP/ec.out" 2>&1
	not_ok "epubcheck's summary shows a damaged package" \
		sh -c "grep -q '^Messages: 0 fatals / 0 errors / 0 warnings' '$TMP/ec.out'"
else
	skip "java is not installed"
fi
done_testing
