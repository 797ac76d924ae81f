#!/bin/sh
# Themes and covers in the EPUB: a theme's own book.css replaces the
# default; a theme whose heading family differs from the body's embeds it
# too; a theme without a stylesheet falls back to the default one; the
# cover named in book.yaml is the book's cover image, byte for byte.
. tests/lib.sh
need python3 java

export SOURCE_DATE_EPOCH=1700000000

# A theme with its own stylesheet and a sans-serif heading family.
mkdir -p "$TMP/theme"
sed 's/^  heading: .*/  heading: Noto Sans/' templates/default/theme.yaml >"$TMP/theme/theme.yaml"
{ echo '/* my-theme-marker */'; cat templates/default/book.css; } >"$TMP/theme/book.css"
if $MKBOOK -q --epub --theme "$TMP/theme" -o "$TMP/themed.epub" content 2>"$TMP/err"; then
	ok "--theme DIR builds" true
else
	ok "--theme DIR builds" sh -c "cat '$TMP/err'; false"
fi
like "$(unzip -p "$TMP/themed.epub" OEBPS/css/book.css 2>/dev/null | grep -c my-theme-marker)" '^1$' \
	"the theme's book.css is the book's stylesheet"
like "$(unzip -l "$TMP/themed.epub" 2>/dev/null | grep -c 'fonts/heading-')" '^[12]$' \
	"a heading family of its own is embedded"
like "$(unzip -p "$TMP/themed.epub" OEBPS/css/book.css 2>/dev/null | grep -c 'font-family: "mkbook-heading";')" '^2$' \
	"and declared in @font-face"
epubcheck "$TMP/themed.epub" >"$TMP/ec" 2>&1
like "$(grep '^Messages:' "$TMP/ec")" '^Messages: 0 fatals / 0 errors / 0 warnings' \
	"the themed book passes epubcheck"

# A theme with no stylesheet of its own.
mkdir -p "$TMP/bare"
cp templates/default/theme.yaml "$TMP/bare/"
$MKBOOK -q --epub --theme "$TMP/bare" -o "$TMP/bare.epub" content 2>"$TMP/err"
like "$(unzip -p "$TMP/bare.epub" OEBPS/css/book.css 2>/dev/null | grep -c 'hanging figure captions')" '^1$' \
	"a theme without book.css gets the default stylesheet"

# A cover named in book.yaml.
mkdir -p "$TMP/c"
cp -R content/* "$TMP/c/"
printf 'cover: images/chart.png\nidentifier: urn:uuid:0f4e5b6a-1c2d-4e3f-8a9b-0c1d2e3f4a5b\n' >>"$TMP/c/book.yaml"
if $MKBOOK -q --epub -o "$TMP/cover.epub" "$TMP/c" 2>"$TMP/err"; then
	ok "a book with a cover image builds" true
else
	ok "a book with a cover image builds" sh -c "cat '$TMP/err'; false"
fi
unzip -p "$TMP/cover.epub" OEBPS/images/cover.png >"$TMP/cover.png" 2>/dev/null
ok "the cover image is the one book.yaml names, byte for byte" cmp "$TMP/cover.png" content/images/chart.png
like "$(unzip -p "$TMP/cover.epub" OEBPS/package.opf 2>/dev/null | grep -o '<dc:identifier[^<]*')" \
	'>urn:uuid:0f4e5b6a-1c2d-4e3f-8a9b-0c1d2e3f4a5b$' "the identifier comes from book.yaml"
like "$(unzip -p "$TMP/cover.epub" OEBPS/toc.ncx 2>/dev/null | grep -o 'dtb:uid" content="[^"]*')" \
	'0f4e5b6a-1c2d-4e3f-8a9b-0c1d2e3f4a5b$' "and the NCX carries the same one"
epubcheck "$TMP/cover.epub" >"$TMP/ec" 2>&1
like "$(grep '^Messages:' "$TMP/ec")" '^Messages: 0 fatals / 0 errors / 0 warnings' \
	"the book with a cover image passes epubcheck"

# The generated cover is a picture of the right size, not a blank.
unzip -p "$TMP/themed.epub" OEBPS/images/cover.png >"$TMP/gen.png" 2>/dev/null
ok "the generated cover is a 1600x2560 PNG with more than a flat ground" python3 - "$TMP/gen.png" <<'PY'
import struct, sys, zlib
d = open(sys.argv[1], "rb").read()
assert d[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
w, h = struct.unpack(">II", d[16:24])
assert (w, h) == (1600, 2560), (w, h)
idat, off = b"", 8
while off < len(d):
    n = struct.unpack(">I", d[off:off + 4])[0]
    if d[off + 4:off + 8] == b"IDAT":
        idat += d[off + 8:off + 8 + n]
    off += 12 + n
raw = zlib.decompress(idat)
# Text and rules make rows differ from their neighbours: count the rows
# whose filtered bytes are not all alike.
stride = 1 + w * 3
busy = sum(1 for y in range(h) if len(set(raw[y * stride + 4:(y + 1) * stride])) > 2)
assert busy > 200, f"only {busy} rows hold anything"
PY

# theme.yaml's accent colour reaches the EPUB's kickers, as the PDF's
mkdir -p "$TMP/blue"
sed 's/accent: "#8c2318"/accent: "#1f5fa8"/' templates/default/theme.yaml >"$TMP/blue/theme.yaml"
$MKBOOK -q --epub --theme "$TMP/blue" -o "$TMP/blue.epub" content
like "$(unzip -p "$TMP/blue.epub" OEBPS/css/book.css | tail -n 40)" '\.kicker \{ color: #1f5fa8; \}' \
    "theme.yaml's accent colours the EPUB's kickers"
done_testing
