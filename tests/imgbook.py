#!/usr/bin/env python3
"""Pictures of every format and colour model, and a check that both books
show each one the right way up and in the right colours.

  imgbook.py make DIR            fixtures (ImageMagick) and one article each
  imgbook.py check DIR EPUB PDF  render both books and compare pixel colours

Every picture is the same 240x160 image of four quadrants (red, green /
blue, yellow; or four greys), stored in its own format, colour model or
orientation (a phone photo stored sideways, with the EXIF tag that turns
it upright; a plain CMYK JPEG beside Adobe's inverted one; an Adobe RGB
JPEG and a Display P3 PNG whose numbers differ from sRGB's, with their
profiles embedded). The check finds each picture in the rendered page (the rows
with a long run of ink: text has gaps between its letters) and in the
EPUB's own file (drawn with mutool), and samples each quadrant's centre.
"""
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib

CONVERT = "/usr/bin/convert" if os.access("/usr/bin/convert", os.X_OK) else "convert"
COLOUR = [(220, 30, 30), (30, 180, 30), (30, 30, 220), (230, 210, 20)]
GREY = [(40, 40, 40), (100, 100, 100), (160, 160, 160), (220, 220, 220)]
WHITE = (255, 255, 255)
TOL = 40

# name, ext, base ("colour", "grey", "alpha"), convert options, orientation
FIXTURES = [
    ("jpeg-baseline", "jpg", "colour", ["-quality", "92"], 1),
    ("jpeg-progressive", "jpg", "colour", ["-interlace", "Plane", "-quality", "92"], 1),
    ("jpeg-grey", "jpg", "grey", ["-colorspace", "Gray", "-type", "Grayscale"], 1),
    ("jpeg-cmyk-adobe", "jpg", "colour", ["-colorspace", "CMYK", "-quality", "95"], 1),
    ("jpeg-cmyk-plain", "jpg", "colour", "cmyk-plain", 1),
    ("jpeg-icc-adobergb", "jpg", "colour", "icc-adobergb", 1),
    ("png-icc-p3", "png", "colour", "icc-p3", 1),
    ("png-palette", "png", "colour", ["PNG8"], 1),
    ("png-grey", "png", "grey", ["-colorspace", "Gray", "-define", "png:color-type=0"], 1),
    ("png-alpha", "png", "alpha", ["PNG32"], 1),
    ("png-16bit", "png", "colour", ["PNG48"], 1),
    ("png-interlaced", "png", "colour", ["-interlace", "PNG"], 1),
    ("gif-animated", "gif", "colour", ["GIF"], 1),
    ("webp-lossy", "webp", "colour", ["-quality", "90"], 1),
    ("webp-lossless", "webp", "colour", ["-define", "webp:lossless=true"], 1),
    ("webp-alpha", "webp", "alpha", ["-define", "webp:lossless=true"], 1),
    ("tiff", "tif", "colour", [], 1),
    ("bmp", "bmp", "colour", ["BMP3"], 1),
    ("svg", "svg", "colour", None, 1),
] + [("phone-orientation-%d" % o, "jpg", "colour", ["-quality", "92"], o) for o in range(1, 9)] \
  + [("png-exif-%d" % o, "png", "colour", [], o) for o in (3, 6, 8)] \
  + [("webp-exif-%d" % o, "webp", "colour", ["-quality", "90"], o) for o in (5, 6)]

# what turns the upright picture into what a camera stores for orientation O
STORE = {1: [], 2: ["-flop"], 3: ["-rotate", "180"], 4: ["-flip"], 5: ["-transpose"],
         6: ["-rotate", "270"], 7: ["-transverse"], 8: ["-rotate", "90"]}


def run(*cmd):
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)


def quadrants(dest, colours, alpha=False):
    c = ["rgb(%d,%d,%d)" % x for x in colours]
    args = [CONVERT, "-size", "120x80", "xc:" + c[0], "xc:" + c[1], "+append",
            "(", "-size", "120x80", "xc:" + c[2], "xc:" + c[3], "+append", ")", "-append"]
    if alpha:  # the lower right quadrant transparent
        args += ["(", "-size", "240x160", "xc:white", "-fill", "black", "-draw",
                 "rectangle 120,80 239,159", ")", "-alpha", "off", "-compose",
                 "CopyOpacity", "-composite"]
    run(*(args + ["PNG32:" + dest]))


def exif_tiff(orientation):
    """A bare EXIF blob (big-endian TIFF) holding only the Orientation tag."""
    ifd = struct.pack(">H", 1) + struct.pack(">HHIHH", 0x0112, 3, 1, orientation, 0) + b"\0\0\0\0"
    return b"MM\0*" + struct.pack(">I", 8) + ifd


def exif_app1(orientation):
    """An APP1 segment holding only the Orientation tag."""
    body = b"Exif\0\0" + exif_tiff(orientation)
    return b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body


def png_with_exif(data, orientation):
    """DATA (a PNG) with an eXIf chunk after its IHDR."""
    tiff = exif_tiff(orientation)
    crc = zlib.crc32(b"eXIf" + tiff) & 0xFFFFFFFF
    chunk = struct.pack(">I", len(tiff)) + b"eXIf" + tiff + struct.pack(">I", crc)
    return data[:33] + chunk + data[33:]


def webp_with_exif(data, orientation, w, h):
    """DATA (a simple WebP) as an extended one (VP8X) with an EXIF chunk."""
    tiff = exif_tiff(orientation)
    vp8x = struct.pack("<I", 0x08) + struct.pack("<I", w - 1)[:3] + struct.pack("<I", h - 1)[:3]
    body = (b"WEBP" + b"VP8X" + struct.pack("<I", 10) + vp8x + data[12:]
            + b"EXIF" + struct.pack("<I", len(tiff)) + tiff + b"\0" * (len(tiff) & 1))
    return b"RIFF" + struct.pack("<I", len(body)) + body


def jpeg_markers(data, drop=(), add=b""):
    """DATA with ADD after SOI and the APPn markers in DROP removed."""
    out, i = bytearray(data[:2]) + add, 2
    while i < len(data) and data[i] == 0xFF and data[i + 1] != 0xDA:
        m, n = data[i + 1], struct.unpack(">H", data[i + 2:i + 4])[0]
        if m not in drop:
            out += data[i:i + 2 + n]
        i += 2 + n
    return bytes(out + data[i:])


# ---- colour profiles: a Display P3 or Adobe RGB picture holds other numbers
# for the same colours; they are worked out here (not by lcms, which mkbook
# uses) from the spaces' primaries, and the profile is written here too.
D65 = (0.3127, 0.3290)
PRIMARIES = {"srgb": ((0.64, 0.33), (0.30, 0.60), (0.15, 0.06)),
             "adobergb": ((0.64, 0.33), (0.21, 0.71), (0.15, 0.06)),
             "p3": ((0.680, 0.320), (0.265, 0.690), (0.150, 0.060))}
ADOBE_GAMMA = 563 / 256


def inv3(m):
    (a, b, c), (d, e, f), (g, h, i) = m
    det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g)
    return [[(e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det],
            [(f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det],
            [(d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det]]


def mul(m, v):
    return [sum(m[r][k] * v[k] for k in range(3)) for r in range(3)]


def mmul(a, b):
    return [[sum(a[r][k] * b[k][c] for k in range(3)) for c in range(3)] for r in range(3)]


def xyz(xy):
    return [xy[0] / xy[1], 1.0, (1 - xy[0] - xy[1]) / xy[1]]


def to_d50(space):
    """The RGB -> XYZ matrix of SPACE (D65 white) adapted to D50 (Bradford)."""
    cols = [xyz(p) for p in PRIMARIES[space]]
    m = [[cols[c][r] for c in range(3)] for r in range(3)]
    s = mul(inv3(m), xyz(D65))
    m = [[m[r][c] * s[c] for c in range(3)] for r in range(3)]
    brad = [[0.8951, 0.2664, -0.1614], [-0.7502, 1.7135, 0.0367], [0.0389, -0.0685, 1.0296]]
    src, dst = mul(brad, xyz(D65)), mul(brad, [0.9642, 1.0, 0.8249])
    scale = [[dst[i] / src[i] if i == j else 0 for j in range(3)] for i in range(3)]
    return mmul(mmul(mmul(inv3(brad), scale), brad), m)


def srgb_decode(c):
    c /= 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def srgb_encode(v):
    return 12.92 * v if v <= 0.0031308 else 1.055 * v ** (1 / 2.4) - 0.055


def encode_in(space, rgb):
    """The sRGB colour RGB as the 8-bit values of SPACE (adobergb, p3)."""
    lin = mul(mmul(inv3(to_d50(space)), to_d50("srgb")), [srgb_decode(c) for c in rgb])
    enc = (lambda v: v ** (1 / ADOBE_GAMMA)) if space == "adobergb" else srgb_encode
    return tuple(round(255 * enc(min(max(v, 0.0), 1.0))) for v in lin)


def icc_profile(space, desc):
    """A version 2 matrix/TRC display profile of SPACE, described as DESC."""
    s15 = lambda v: struct.pack(">i", round(v * 65536))
    xyz_tag = lambda v: b"XYZ \0\0\0\0" + b"".join(s15(c) for c in v)
    m = to_d50(space)
    if space == "adobergb":
        trc = b"curv\0\0\0\0" + struct.pack(">IH", 1, round(ADOBE_GAMMA * 256)) + b"\0\0"
    else:
        trc = b"curv\0\0\0\0" + struct.pack(">I", 1024) + b"".join(
            struct.pack(">H", round(65535 * srgb_decode(i * 255 / 1023))) for i in range(1024))
    d = desc.encode() + b"\0"
    tags = [(b"desc", b"desc\0\0\0\0" + struct.pack(">I", len(d)) + d + b"\0" * 8 + b"\0" * 3 + b"\0" * 67),
            (b"cprt", b"text\0\0\0\0" + b"No copyright, made by tests/imgbook.py\0"),
            (b"wtpt", xyz_tag((0.9642, 1.0, 0.8249))),
            (b"rXYZ", xyz_tag([m[r][0] for r in range(3)])),
            (b"gXYZ", xyz_tag([m[r][1] for r in range(3)])),
            (b"bXYZ", xyz_tag([m[r][2] for r in range(3)])),
            (b"rTRC", trc), (b"gTRC", trc), (b"bTRC", trc)]
    table, body = b"", b""
    at = 128 + 4 + 12 * len(tags)
    for sig, data in tags:
        data += b"\0" * (-len(data) % 4)
        table += sig + struct.pack(">II", at + len(body), len(data))
        body += data
    size = at + len(body)
    head = (struct.pack(">I", size) + b"lcms" + struct.pack(">I", 0x02100000) + b"mntrRGB XYZ "
            + struct.pack(">6H", 2026, 1, 1, 0, 0, 0) + b"acsp" + b"\0" * 24
            + struct.pack(">I", 0) + s15(0.9642) + s15(1.0) + s15(0.8249) + b"\0" * 48)
    return head + struct.pack(">I", len(tags)) + table + body



def png_with_icc(data, name, profile):
    """DATA (a PNG) with an iCCP chunk holding PROFILE, and no sRGB, gAMA or
    cHRM chunk (which would say otherwise)."""
    body = name.encode() + b"\0\0" + zlib.compress(profile)
    chunk = (struct.pack(">I", len(body)) + b"iCCP" + body
             + struct.pack(">I", zlib.crc32(b"iCCP" + body) & 0xFFFFFFFF))
    out, i = bytearray(data[:33]) + chunk, 33
    while i < len(data):
        n = struct.unpack(">I", data[i:i + 4])[0]
        if data[i + 4:i + 8] not in (b"sRGB", b"gAMA", b"cHRM", b"iCCP"):
            out += data[i:i + 12 + n]
        i += 12 + n
    return bytes(out)


def icc_app2(profile):
    """An APP2 segment holding PROFILE whole (one of one)."""
    body = b"ICC_PROFILE\0\1\1" + profile
    return b"\xff\xe2" + struct.pack(">H", len(body) + 2) + body


def cmyk_of(rgb):
    """The plain ink amounts (0 none, 255 full) of RGB: K from the brightest
    channel, the rest of each ink relative to what K leaves."""
    k = 255 - max(rgb)
    return tuple(round(255 * (255 - c - k) / (255 - k)) for c in rgb) + (k,)


def plain_cmyk_jpeg(dest):
    """A CMYK JPEG of the colour quadrants with plain (not inverted) ink
    values and no Adobe marker, as some RIPs and scanners write: libjpeg
    through PIL (ImageMagick only writes Adobe's inverted YCCK)."""
    code = ("import sys\nfrom PIL import Image\nq = %r\n"
            "im = Image.new('CMYK', (240, 160))\n"
            "for n, c in enumerate(q):\n"
            "    im.paste(tuple(255 - v for v in c), ((n %% 2) * 120, (n // 2) * 80, (n %% 2) * 120 + 120, (n // 2) * 80 + 80))\n"
            "im.save(sys.argv[1], quality=95)\n" % [cmyk_of(c) for c in COLOUR])
    for py in (sys.executable, "/usr/bin/python3"):
        if subprocess.run([py, "-c", "import PIL"], stderr=subprocess.DEVNULL).returncode == 0:
            break
    else:
        sys.exit("imgbook.py: a plain CMYK JPEG needs PIL (python3-pil, sh scripts/deps.sh)")
    run(py, "-c", code, dest)
    # PIL writes Adobe's convention (an APP14 marker, inverted values): the
    # values went in inverted, so without the marker they are plain
    data = jpeg_markers(open(dest, "rb").read(), drop=(0xEE,))
    if b"Adobe" in data[:200]:
        sys.exit("imgbook.py: the plain CMYK JPEG still has an Adobe marker")
    open(dest, "wb").write(data)


def make(d):
    os.makedirs(d, exist_ok=True)
    tmp = tempfile.mkdtemp()
    quadrants(os.path.join(tmp, "colour.png"), COLOUR)
    quadrants(os.path.join(tmp, "grey.png"), GREY)
    quadrants(os.path.join(tmp, "alpha.png"), COLOUR, alpha=True)
    quadrants(os.path.join(tmp, "other.png"), COLOUR[::-1])
    for k, (name, ext, base, opts, o) in enumerate(FIXTURES):
        dest = os.path.join(d, name + "." + ext)
        src = os.path.join(tmp, base + ".png")
        if ext == "svg":
            rects = "".join('<rect x="%d" y="%d" width="120" height="80" fill="rgb(%d,%d,%d)"/>'
                            % (((q % 2) * 120, (q // 2) * 80) + COLOUR[q]) for q in range(4))
            with open(dest, "w") as f:
                f.write('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" '
                        'width="240" height="160">%s</svg>\n' % rects)
        elif opts == "cmyk-plain":
            plain_cmyk_jpeg(dest)
        elif opts in ("icc-adobergb", "icc-p3"):
            space = opts[4:]
            desc = {"adobergb": "Adobe RGB (1998) compatible", "p3": "Display P3 compatible"}[space]
            quadrants(os.path.join(tmp, "in-" + space + ".png"), [encode_in(space, c) for c in COLOUR])
            if ext == "jpg":
                run(CONVERT, os.path.join(tmp, "in-" + space + ".png"), "-strip", "-quality", "95", dest)
                data = jpeg_markers(open(dest, "rb").read(), add=icc_app2(icc_profile(space, desc)))
            else:
                run(CONVERT, os.path.join(tmp, "in-" + space + ".png"), "-strip", "PNG24:" + dest)
                data = png_with_icc(open(dest, "rb").read(), desc, icc_profile(space, desc))
            open(dest, "wb").write(data)
        elif opts and opts[0] in ("PNG8", "PNG32", "PNG48", "GIF", "BMP3"):
            if ext == "gif":  # two frames: the first is the picture
                run(CONVERT, src, os.path.join(tmp, "other.png"), "-loop", "0", dest)
            else:
                run(CONVERT, src, *opts[1:], opts[0] + ":" + dest)
        else:
            run(CONVERT, src, *STORE[o], "-strip", *opts, dest)
        if ext == "jpg":
            data = open(dest, "rb").read()
            if o != 1:
                data = jpeg_markers(data, drop=(0xE1,), add=exif_app1(o))
            open(dest, "wb").write(data)
        elif ext in ("png", "webp") and o != 1:  # stored turned, with the tag
            data = open(dest, "rb").read()
            w, h = (160, 240) if o >= 5 else (240, 160)
            data = png_with_exif(data, o) if ext == "png" else webp_with_exif(data, o, w, h)
            open(dest, "wb").write(data)
        with open(os.path.join(d, "%02d-%s.md" % (k + 1, name)), "w") as f:
            f.write("---\ntitle: Fixture %s\nlang: en\n---\n\nThe picture %s follows.\n\n"
                    "![Four quadrants, %s](%s.%s)\n\nAfter the picture.\n"
                    % (name, name, name, name, ext))
    shutil.rmtree(tmp)


def read_pnm(path):
    data = open(path, "rb").read()
    m = re.match(rb"P([56])\s+(?:#.*\s+)*(\d+)\s+(\d+)\s+(\d+)\s", data)
    kind, w, h = m.group(1), int(m.group(2)), int(m.group(3))
    px = data[m.end():]
    n = 3 if kind == b"6" else 1
    rows = []
    for y in range(h):
        r = px[y * w * n:(y + 1) * w * n]
        rows.append([tuple(r[x * n:x * n + n]) * (3 if n == 1 else 1) for x in range(w)])
    return rows


def ink(p):
    return min(p) < 235 or max(p) - min(p) > 30


def find_picture(rows):
    """The bounding box of the rows with a long unbroken run of ink."""
    w = len(rows[0])
    hits = []
    for y, r in enumerate(rows):
        best, run_start, x0 = 0, None, 0
        for x, p in enumerate(r + [WHITE]):
            if ink(p):
                run_start = x if run_start is None else run_start
            elif run_start is not None:
                if x - run_start > best:
                    best, x0 = x - run_start, run_start
                run_start = None
        if best > w * 0.07:
            hits.append((y, x0, x0 + best))
    groups = []  # runs of consecutive rows: a rule is one or two, a picture many
    for h in hits:
        if groups and h[0] == groups[-1][-1][0] + 1:
            groups[-1].append(h)
        else:
            groups.append([h])
    if not groups:
        return None
    g = max(groups, key=len)
    return (min(h[1] for h in g), g[0][0], max(h[2] for h in g), g[-1][0] + 1)


def expected(name):
    base = [b for n, _, b, _, _ in FIXTURES if n == name][0]
    if base == "grey":
        return GREY
    if base == "alpha":
        return COLOUR[:3] + [WHITE]
    return COLOUR


def close(a, b):
    return all(abs(x - y) <= TOL for x, y in zip(a, b))


def sample(rows, box):
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    return [rows[int(y0 + h * fy)][int(x0 + w * fx)] for fy, fx in
            ((0.25, 0.25), (0.25, 0.75), (0.75, 0.25), (0.75, 0.75))]


def verdict(where, name, got, want, box):
    ok = all(close(g, e) for g, e in zip(got, want))
    w, h = box[2] - box[0], box[3] - box[1]
    if abs(w / h - 1.5) > 0.12:
        ok = False
    print("%s %s %s: %s (want %s), %dx%d" % ("ok" if ok else "BAD", where, name, got, want, w, h))
    return ok


def check_epub(epub, tmp):
    z = zipfile.ZipFile(epub)
    good = True
    for k, (name, *_rest) in enumerate(FIXTURES):
        xhtml = [n for n in z.namelist() if re.search(r"a%02d[^/]*\.xhtml$" % (k + 1), n)]
        srcs = re.findall(r'<img src="\.\./([^"]+)"', z.read(xhtml[0]).decode()) if xhtml else []
        if not srcs:
            print("BAD epub %s: no <img>" % name)
            good = False
            continue
        img = os.path.join(tmp, os.path.basename(srcs[0]))
        open(img, "wb").write(z.read("OEBPS/" + srcs[0]))
        out = os.path.join(tmp, "e.pnm")
        subprocess.run(["mutool", "draw", "-q", "-c", "rgb", "-F", "pnm", "-o", out, img],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        rows = read_pnm(out)
        box = (0, 0, len(rows[0]), len(rows))
        good &= verdict("epub", name, sample(rows, box), expected(name), box)
    return good


def check_pdf(pdf, tmp):
    good = True
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(
        ["pdfinfo", pdf], capture_output=True, text=True).stdout).group(1))
    where = {}
    for p in range(1, pages + 1):
        t = subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), pdf, "-"],
                           capture_output=True, text=True).stdout
        for m in re.finditer(r"The picture (\S+) follows", t):
            where.setdefault(m.group(1), p)
    for name, *_rest in FIXTURES:
        if name not in where:
            print("BAD pdf %s: not found" % name)
            good = False
            continue
        base = os.path.join(tmp, "p")
        run("pdftoppm", "-r", "60", "-f", str(where[name]), "-l", str(where[name]),
            "-singlefile", pdf, base)
        rows = read_pnm(base + ".ppm")
        box = find_picture(rows)
        if box is None:
            print("BAD pdf %s: no picture on page %d" % (name, where[name]))
            good = False
            continue
        if expected(name)[3] == WHITE:  # the transparent quadrant leaves no ink
            box = (box[0], box[1], box[2], box[1] + round((box[2] - box[0]) / 1.5))
        good &= verdict("pdf", name, sample(rows, box), expected(name), box)
    return good


def main():
    if sys.argv[1] == "make":
        make(sys.argv[2])
        return 0
    tmp = tempfile.mkdtemp()
    try:
        good = check_epub(sys.argv[3], tmp)
        good &= check_pdf(sys.argv[4], tmp)
    finally:
        shutil.rmtree(tmp)
    return 0 if good else 1


if __name__ == "__main__":
    sys.exit(main())
