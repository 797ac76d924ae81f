#!/usr/bin/env python3
"""Write the HTML reader's test pages into DIR (tests/24-html-reader.t)."""
import base64, os, sys, zlib, struct

D = sys.argv[1]
os.makedirs(D, exist_ok=True)

PROSE = ("The compositor set the type by hand, letter by letter, and the proofs came back "
         "with a hundred small corrections, each of them marked in the margin in red ink. ")


def w(name, data):
    with open(os.path.join(D, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def page(body, head="", lang="en"):
    return ("<!DOCTYPE html><html lang=\"%s\"><head><meta charset=\"utf-8\"><title>A Test "
            "Page | Example Site</title>%s</head><body>%s</body></html>" % (lang, head, body))


def article(n=4):
    return "".join("<p>%s Paragraph %d, with commas, and more words.</p>" % (PROSE * 2, i)
                   for i in range(n))


def png():
    raw = b"\x00\xff\x00\x00"  # one red pixel, filter byte first
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


# point 8: not HTML, no article, frameset
w("binary.html", png() * 50)
w("plain.html", "Just some words, no markup at all.\n" * 20)
w("signin.html", page("<form><label>User</label><input name=u><input type=password>"
                      "<button>Sign in</button></form>"))
w("frameset.html", "<html><head><title>F</title></head><frameset cols='50%,50%'>"
  "<frame src='a.html'><frame src='b.html'></frameset></html>")
# point 8: deep nesting, unclosed elements, entity floods, a 50 MB page
w("deep-div.html", page("<div>" * 100000 + "<p>%s</p>" % (PROSE * 3)))
w("deep-b.html", page("<p>%s</p>" % (PROSE * 3) + "<b>" * 100000 + "deep"))
w("deep-mixed.html", page("<p>%s</p>" % (PROSE * 3) + "<table><tr><td><ul><li><blockquote>" * 20000))
w("unclosed.html", page(article() + "<p><span><a href=x><i>open " * 50000))
w("entities.html", page("<p>%s</p>" % (PROSE * 3) + "<p>" + "&amp;&#x1F600;&eacute;&bogus;&#0;&#xD800;" * 200000 + "</p>"))
big = article(2) + ("<div class='story'>" + article(20) + "</div>") * 0
para = "<p>%s</p>\n" % (PROSE * 4)
w("big.html", page(article(2) + para * (50 * 1024 * 1024 // len(para))))
# encodings (point 1)
w("cp1252.html", b"<html><head><title>Caf\xe9</title></head><body><article><p>"
  + (PROSE * 3).encode() + b" Un caf\xe9 cr\xe8me, \x93quoted\x94.</p></article></body></html>")
w("sjis.html", "<html><head><meta http-equiv='Content-Type' content='text/html; charset=Shift_JIS'>"
  "<title>組版</title></head><body><article><p>活版印刷は、文字を一つずつ組んで版を作る印刷方法です。"
  "組版の職人は、活字を拾い、行を揃え、ページを組み上げました。その技術は長い歴史を持っています。</p>"
  "</article></body></html>".encode("shift_jis"))
w("utf16.html", "\ufeff<html><head><title>Sixteen</title></head><body><article><p>%s Sixteen bits.</p>"
  "</article></body></html>".replace("%s", PROSE * 3).encode("utf-16-le"))
w("invalid-utf8.html", ("<html><head><meta charset=utf-8><title>Bad</title></head><body>\n<article>\n"
   "<p>%s</p>\n<p>Bad byte here: " % (PROSE * 3)).encode() + b"\xff\xfe" + b" end.</p></article></body></html>")
# finding the article (point 2)
w("furniture.html", page(
    "<header><nav><a href=/>Home</a><a href=/news>News MENUWORD</a></nav></header>"
    "<div class='cookie-banner'>COOKIEWORD We use cookies, and so on, to track you.</div>"
    "<main><article><h1>A Test Page</h1>"
    "<p class='byline'>By Jane Printer</p>"
    + article(3) +
    "<div class='ad-slot'>ADWORD Buy now, buy more, buy everything today.</div>"
    + article(3).replace("Paragraph", "Later paragraph") +
    "<div hidden>HIDDENWORD one</div><div aria-hidden='true'>HIDDENWORD two</div>"
    "<p style='display: none'>HIDDENWORD three</p>"
    "<div class='share-bar'><a href=#>Share SHAREWORD</a><a href=#>Tweet</a></div>"
    "<div class='newsletter-signup'>NEWSWORD Sign up, every week, for our newsletter.</div>"
    "</article>"
    "<section class='comments'><h2>Comments</h2><p>COMMENTWORD %s</p></section>"
    "<aside class='related'><ul><li><a href=/a>RELATEDWORD one</a></li><li><a href=/b>two</a></li></ul></aside>"
    "</main><footer>FOOTERWORD Copyright, imprint, contact.</footer>" % (PROSE * 3)))
# metadata (point 3)
ld = ('{"@context":"https://schema.org","@type":"NewsArticle","headline":"The Last Hot-Metal Shop",'
      '"author":[{"@type":"Person","name":"Ada Compositor"},{"@type":"Person","name":"Ben Pressman"}],'
      '"datePublished":"2024-03-17T09:00:00Z","dateModified":"2024-03-18T10:00:00Z",'
      '"publisher":{"@type":"Organization","name":"The Type Gazette"}}')
w("meta.html", page("<article><h1>The Last Hot-Metal Shop</h1>" + article(3) + "</article>",
    head="<script type='application/ld+json'><![CDATA[%s]]></script>"
         "<meta property='og:title' content='The Last Hot-Metal Shop | The Type Gazette'>"
         "<link rel=canonical href='https://example.com/news/hot-metal'>" % ld, lang="en-GB"))
w("meta-og.html", page("<article><h1>Kerning Explained</h1><p class='byline'>By Carol Setter</p>"
    + article(3) + "<time datetime='2023-02-08'>8 February 2023</time></article>",
    head="<meta property='og:title' content='Kerning Explained - Type Weekly'>"
         "<meta property='og:site_name' content='Type Weekly'>", lang="de"))
w("rtl.html", "<html lang=ar dir=rtl><head><meta charset=utf-8><title>طباعة</title></head><body>"
  "<article><p>%s</p></article></body></html>" % ("الطباعة فن قديم، وقد تطورت عبر القرون، وما زالت حية. " * 8))
# images (point 5): a data: URI, a remote one, a missing one
w("images.html", page("<article>" + article(2) +
    "<figure><img src='data:image/png;base64,%s' alt='A red dot'><figcaption>A dot</figcaption></figure>"
    % base64.b64encode(png()).decode() +
    "<figure><img src='https://example.com/remote.jpg' alt='Remote'><figcaption>Far away</figcaption></figure>"
    "<figure><img src='missing_files/nothere.png' alt='Missing'><figcaption>Not here</figcaption></figure>"
    + article(2) + "</article>"))
# an icon in running text by an absolute path (outside the page's folder)
w("abs-icon.html", page("<article>" + article(2) +
    "<div><span><img src='/static/icons/clock.svg'> Posted at nine</span>, by the press room.</div>"
    + article(2) + "</article>"))

# point 1: a UTF-8 BOM beats a <meta charset>; a <meta charset> past the
# first 1,024 bytes is not looked at; one inside them is; .htm and .xhtml
def dec_page(body, head=""):
    return ("<!DOCTYPE html><html lang='en'><head>%s<title>Decoding</title></head><body><article>"
            "<h1>Decoding</h1><p>%s</p><p>%s</p></article></body></html>" % (head, body, PROSE * 3))


w("bom-utf8.html", b"\xef\xbb\xbf" + dec_page("UTF-8 with a BOM: café", "<meta charset='windows-1252'>").encode())
w("late-meta.html", dec_page("Late meta: café", "<!--" + "x" * 1100 + "--><meta charset='Shift_JIS'>"))
w("latin2.html", dec_page("Polish: Zażółć ą", "<meta charset='iso-8859-2'>").encode("iso-8859-2"))
w("page.htm", dec_page("An .htm page."))
w("page.xhtml", '<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" '
  'xml:lang="en"><head><title>An XHTML page</title></head><body><article><h1>An XHTML page</h1>'
  '<p>XHTML: café.</p><p>%s</p></article></body></html>' % (PROSE * 3))
