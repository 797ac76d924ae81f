#!/usr/bin/env python3
"""Write the MHTML reader's test files into DIR (tests/26-mhtml.t), the way
Chrome's "Save as single file" writes them: a multipart/related message,
the page quoted-printable, its pictures base64. JPEG and PNG are given as
files (made by the test with ImageMagick)."""
import base64, os, quopri, sys

D, JPEG, PNG = sys.argv[1:4]
os.makedirs(D, exist_ok=True)
B = "----MultipartBoundary--h12mTestBoundary0123456789----"
URL = "https://example.com/news/2026/linotype"

PROSE = ("The compositor set the type by hand, letter by letter, and the proofs came back "
         "with a hundred small corrections, each of them marked in the margin in red ink. ")

PAGE = """<!DOCTYPE html><html lang="en"><head>
<title>The Last Linotype | The Type Gazette</title>
<link rel="stylesheet" href="cid:css-1@mhtml.blink">
<script>alert("no")</script>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>The Last Linotype</h1>
<p class="byline">By Ada Compositor</p>
<p>Caf\xe9 cr\xe8me at the foundry: %s</p>
<figure><img src="../../img/press.jpg" alt="The press at work" width="600" height="400">
<figcaption>The press, from its gallery. Photograph: Ben Pressman</figcaption></figure>
<p>Second paragraph, with commas, and more words: %s</p>
<figure><img src="cid:chart-7@mhtml.blink" alt="A chart of type sizes">
<figcaption>Type sizes in use.</figcaption></figure>
<p>Third paragraph: %s</p>
<figure><img src="https://example.com/img/gone.jpg" alt="A lost picture">
<figcaption>A picture the file does not hold.</figcaption></figure>
<figure><img src="secret.png" alt="A file beside the page">
<figcaption>Only the parts count.</figcaption></figure>
<p>Last paragraph, the end of the story: %s</p>
</article>
<footer>Copyright The Type Gazette</footer>
</body></html>
""" % (PROSE * 2, PROSE * 2, PROSE, PROSE * 2)


def part(headers, body):
    return "--%s\r\n%s\r\n\r\n%s\r\n" % (B, "\r\n".join(headers), body)


def b64(path):
    data = base64.b64encode(open(path, "rb").read()).decode()
    return "\r\n".join(data[i:i + 76] for i in range(0, len(data), 76))


def message(parts, boundary=B, top="multipart/related;\r\n\ttype=\"text/html\""):
    head = ("From: <Saved by Blink>\r\nSnapshot-Content-Location: %s\r\n"
            "Subject: The Last Linotype | The Type Gazette\r\n"
            "Date: Thu, 3 Dec 2026 12:00:00 -0000\r\nMIME-Version: 1.0\r\n"
            "Content-Type: %s;\r\n\tboundary=\"%s\"\r\n\r\n\r\n" % (URL, top, boundary))
    return head + "".join(parts) + "--%s--\r\n" % B


html = part(["Content-Type: text/html; charset=\"windows-1252\"",
             "Content-ID: <frame-1@mhtml.blink>",
             "Content-Transfer-Encoding: quoted-printable",
             "Content-Location: " + URL],
            quopri.encodestring(PAGE.encode("cp1252")).decode("ascii"))
css = part(["Content-Type: text/css", "Content-Transfer-Encoding: quoted-printable",
            "Content-ID: <css-1@mhtml.blink>"], "body { color: red; }")
jpg = part(["Content-Type: image/jpeg", "Content-Transfer-Encoding: base64",
            "Content-Location: https://example.com/img/press.jpg"], b64(JPEG))
png = part(["Content-Type: image/png", "Content-Transfer-Encoding: base64",
            "Content-ID: <chart-7@mhtml.blink>"], b64(PNG))


def w(name, text):
    with open(os.path.join(D, name), "wb") as f:
        f.write(text.encode("ascii"))


w("page.mhtml", message([html, css, jpg, png]))
w("copy.mht", message([html, jpg, png]))
# damaged: no HTML part; a boundary that no part uses; not MIME at all
w("nohtml.mhtml", message([css, jpg]))
w("badboundary.mhtml", message([html, jpg], boundary="----NotTheBoundary----"))
# a part with no content at all (a picture's part saved empty)
w("empty-part.mhtml", message([html, jpg, part(["Content-Type: image/png",
                                                 "Content-ID: <chart-7@mhtml.blink>"], "")]))
w("notmime.mhtml", "\x00\x01\x02 just bytes, no headers\r\n" * 10)
