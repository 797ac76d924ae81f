#!/usr/bin/env python3
"""Write the hostile-input cases into DIR: one sub-directory or file per
case. Generated, not committed, because some are large (a 20 MB paragraph)
and some are binary (corrupt images)."""
import os, struct, sys, zlib

d = sys.argv[1]
os.makedirs(d, exist_ok=True)

def w(name, data, mode="wb"):
    path = os.path.join(d, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, mode) as f:
        f.write(data if isinstance(data, bytes) else data.encode())
    return path

def png(width, height, rgba=True, corrupt=False, huge=False):
    def chunk(t, body):
        c = struct.pack(">I", len(body)) + t + body
        return c + struct.pack(">I", zlib.crc32(t + body) & 0xffffffff)
    ihdr = struct.pack(">IIBBBBB", 100000 if huge else width, 100000 if huge else height,
                       8, 6 if rgba else 2, 0, 0, 0)
    bpp = 4 if rgba else 3
    raw = b"".join(b"\0" + bytes([(x * 7) % 256 for x in range(width * bpp)])
                   for _ in range(min(height, 64)))
    idat = zlib.compress(raw)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    if corrupt:
        data = data[:40] + bytes(b ^ 0x5a for b in data[40:60]) + data[60:]
    return data

HEAD = "top of page\n\nA headline for a hostile case\n\nBy Ann Other\n\nFebruary 8, 2023\n\n"

w("invalid-utf8.txt", HEAD.encode() + b"Bad bytes \xc3\x28 here.\n")
w("nul.txt", HEAD.encode() + b"A NUL \x00 byte.\n")
w("empty.txt", b"")
w("blank.txt", b"\n\n   \n")
w("huge-paragraph.txt", HEAD + " ".join(["word%d" % (i % 977) for i in range(2_600_000)]) + "\n")
w("deep-quotes.md", "---\ntitle: Deep quotes\n---\n\n" + "> " * 10000 + "deep\n")
w("deep-lists.md", "---\ntitle: Deep lists\n---\n\n" +
  "- " * 10000 + "deep\n")
w("deep-mixed.md", "---\ntitle: Deep mixed\n---\n\n" + "> 1. - " * 3400 + "deep\n")
w("alias-bomb.md", "---\n" +
  'a: &a ["x","x","x","x","x","x","x","x","x"]\n' +
  "".join('%s: &%s [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n' % ((chr(98 + i),) * 2 + (chr(97 + i),) * 9)
          for i in range(8)) + "title: Bomb\n---\n\nBody.\n")
w("wrong-type.md", "---\ntitle: [1, 2]\nauthor: {name: x}\n---\n\nBody.\n")
w("wrong-type-author.md", "---\ntitle: Fine\nauthor: {name: x}\n---\n\nBody.\n")
w("unknown-key.md", "---\ntitle: Unknown keys\nflavour: vanilla\n---\n\nBody text.\n")
w("bad-yaml.md", "---\ntitle: \"unterminated\nauthor: x\n---\n\nBody.\n")
w("missing-image/a.md", "---\ntitle: Missing image\nimage: nothere.png\nimage-alt: x\n---\n\nBody.\n")
w("corrupt-png/a.md", "---\ntitle: Corrupt PNG\nimage: bad.png\nimage-alt: x\n---\n\nBody.\n")
w("corrupt-png/bad.png", png(32, 32, corrupt=True))
w("corrupt-jpeg/a.md", "---\ntitle: Corrupt JPEG\nimage: bad.jpg\nimage-alt: x\n---\n\nBody.\n")
w("corrupt-jpeg/bad.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" +
  b"\xff\xc0\x00\x11\x08\x00\x10" + b"garbage" * 20)
w("huge-png/a.md", "---\ntitle: Huge PNG\nimage: huge.png\nimage-alt: x\n---\n\nBody.\n")
w("huge-png/huge.png", png(8, 8, huge=True))  # IHDR claims 100000x100000
w("gif/a.md", "---\ntitle: A GIF\nimage: x.gif\nimage-alt: x\n---\n\nBody.\n")
# a whole 1x1 GIF: screen, palette, one frame (a GIF with no frame has no
# picture, and is found damaged when the book is read)
w("gif/x.gif", b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00"
  b"!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")
w("escape-dotdot/a.md", "---\ntitle: Dot dot\nimage: ../outside.png\nimage-alt: x\n---\n\nBody.\n")
w("outside.png", png(8, 8))
w("escape-abs/a.md", "---\ntitle: Absolute\nimage: /etc/passwd\nimage-alt: x\n---\n\nBody.\n")
w("escape-link/a.md", "---\ntitle: Symlink\nimage: link.png\nimage-alt: x\n---\n\nBody.\n")
link = os.path.join(d, "escape-link", "link.png")
if not os.path.lexists(link):
    os.symlink(os.path.abspath(os.path.join(d, "outside.png")), link)
w("escape-body/a.md", "---\ntitle: Body image outside\n---\n\n![x](../outside.png)\n")
w("good-image/a.md", "---\ntitle: A good image\nimage: ok.png\nimage-alt: A grey square\n"
  "caption: \"A caption. Photograph: Somebody\"\n---\n\nBody text.\n")
w("good-image/ok.png", png(64, 48))
w("html.md", """---
title: Raw HTML
---

<script>alert("block")</script>

A paragraph with <script>alert(1)</script> inline, <img src=x onerror="alert(2)">,
<a href="javascript:alert(3)">a js link</a> and [a markdown js link](javascript:alert(4))
and [data](data:text/html;base64,PHNjcmlwdD4=) and <iframe src="http://x"></iframe>.

<div onclick="alert(5)">a div</div>
""")
w("dangling-footnote.md", "---\ntitle: Dangling footnote\n---\n\nA reference[^nope] to nothing.\n")
# Found by fuzz_xhtml: a footnote with no content (UBSan: null + 0).
w("empty-footnote.md", "---\ntitle: Empty note\n---\n\nText[^a] here.\n\n[^a]:\n")
w("impossible-date.txt", HEAD.replace("February 8, 2023", "32 March 2024") + "Body.\n")
w("impossible-iso-date.txt", HEAD.replace("February 8, 2023", "2024-02-30") + "Body.\n")
w("crlf-bom.txt", "\ufeff" + HEAD.replace("\n", "\r\n") + "Body.\r\n")
