#!/usr/bin/env python3
"""A small HTTP server for mkbook's web tests (tests/28-web.t, 29-feeds.t).

Usage: server.py PORTFILE [CORPUS]. Listens on 127.0.0.1 on a free port,
writes the port to PORTFILE, and serves until killed:
  /corpus/NAME        ../shared/html-corpus/readability/NAME/source.html
  /page.html, /img.png, /page2.html   a small article and its picture
  /r1 -> /r2 -> /r3 -> /page2.html     a redirect chain (302, 301, 307)
  /loop               redirects to itself
  /to-ftp, /to-file   redirects to ftp: and file: URLs
  /404, /500          errors
  /slow               answers after 3 s
  /sjis               Shift_JIS, declared only in the Content-Type header
  /gzip               gzip-encoded
  /webp.html, /img.webp   a page whose picture is WebP
  /huge, /huge-chunked    30 MB (with a Content-Length, and without)
  /doc.pdf            not HTML
  /signin.html        no article
  /feed-links.rss, /feed-links.atom   feeds whose items only link to pages
  /feed.rss           a feed served over HTTP (with full text), /logo.png its image
Every request is logged to PORTFILE.log (path and User-Agent).
"""
import gzip
import http.server
import os
import socketserver
import struct
import sys
import time
import zlib

PORTFILE = sys.argv[1]
CORPUS = sys.argv[2] if len(sys.argv) > 2 else ''
HERE = os.path.dirname(os.path.abspath(__file__))


def png(w, h, rgb=(200, 40, 40)):
    def chunk(t, d):
        c = struct.pack('>I', len(d)) + t + d
        return c + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    raw = b''.join(b'\0' + bytes(rgb) * w for _ in range(h))
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0)) +
            chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))


def webp():
    # a 1x1 lossless WebP
    return bytes.fromhex('524946461a000000574542505650384c0d0000002f00000010071011118888fe0700')


def page(title, paras, extra=''):
    body = ''.join('<p>%s</p>\n' % p for p in paras)
    return ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>%s</title></head>'
            '<body><nav><a href="/">Home</a></nav><article><h1>%s</h1>\n%s%s</article>'
            '<footer>Footer text</footer></body></html>' % (title, title, body, extra)).encode()


WORDS = ('The committee met on a grey morning to weigh the proposal, and after an hour of '
         'argument the members agreed to look at the figures again before they voted. ')
PAGES = {
    '/page.html': page('A Page With a Picture', ['Alpha paragraph. ' + WORDS * 3, 'Beta paragraph. ' + WORDS * 2],
                       '<figure><img src="img.png" alt="A red square"><figcaption>The red square.</figcaption></figure>'),
    '/page2.html': page('The End of the Redirects', ['Gamma paragraph. ' + WORDS * 3]),
    '/webp.html': page('A WebP Picture', ['Delta paragraph. ' + WORDS * 3],
                       '<figure><img src="/img.webp" alt="A WebP picture"><figcaption>Served as WebP.</figcaption></figure>'),
    '/signin.html': b'<!DOCTYPE html><html><head><title>Sign in</title></head><body></body></html>',
    '/item1.html': page('Item One From Its Page', ['Item one text. ' + WORDS * 2]),
    '/item2.html': page('Item Two From Its Page', ['Item two text. ' + WORDS * 2]),
    '/item3.html': page('Item Three From Its Page', ['Item three text. ' + WORDS * 2]),
}


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'

    def log_message(self, fmt, *args):
        with open(PORTFILE + '.log', 'a') as f:
            f.write('%s %s\n' % (self.path, self.headers.get('User-Agent', '')))

    def send(self, code, body, ctype='text/html; charset=utf-8', headers=()):
        self.send_response(code)
        self.send_header('Content-Type', ctype)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, code, to):
        self.send(code, b'', headers=[('Location', to)])

    def do_GET(self):
        p = self.path.split('?')[0]
        self.log_message('')
        if p in PAGES:
            return self.send(200, PAGES[p])
        if p.startswith('/corpus/') and CORPUS:
            f = os.path.join(CORPUS, 'readability', os.path.basename(p), 'source.html')
            if os.path.exists(f):
                return self.send(200, open(f, 'rb').read())
        if p == '/img.png':
            return self.send(200, png(40, 30), 'image/png')
        if p == '/logo.png':
            return self.send(200, png(60, 90, (20, 60, 160)), 'image/png')
        if p == '/img.webp':
            return self.send(200, webp(), 'image/webp')
        if p == '/r1':
            return self.redirect(302, '/r2')
        if p == '/r2':
            return self.redirect(301, 'http://127.0.0.1:%d/r3' % self.server.server_port)
        if p == '/r3':
            return self.redirect(307, 'page2.html')
        if p == '/loop':
            return self.redirect(302, '/loop')
        if p == '/to-ftp':
            return self.redirect(302, 'ftp://127.0.0.1/x.html')
        if p == '/to-file':
            return self.redirect(302, 'file:///etc/passwd')
        if p == '/404':
            return self.send(404, b'<html><body><p>Not found</p></body></html>')
        if p == '/500':
            return self.send(500, b'<html><body><p>Oops</p></body></html>')
        if p == '/slow':
            time.sleep(3)
            return self.send(200, page('Too Slow', ['Never seen. ' + WORDS]))
        if p == '/sjis':
            body = ('<!DOCTYPE html><html lang="ja"><head><title>日本語の記事</title></head><body>'
                    '<article><h1>日本語の記事</h1><p>これは日本語で書かれた記事です。'
                    'シフトJISで送られ、その文字コードはHTTPのヘッダーだけが伝えます。</p>'
                    '</article></body></html>').encode('shift_jis')
            return self.send(200, body, 'text/html; charset=Shift_JIS')
        if p == '/gzip':
            body = gzip.compress(page('A Compressed Page', ['Epsilon paragraph. ' + WORDS * 3]))
            return self.send(200, body, headers=[('Content-Encoding', 'gzip')])
        if p == '/huge':
            self.send_response(200)
            self.send_header('Content-Type', 'text/html')
            self.send_header('Content-Length', str(30 << 20))
            self.end_headers()
            return self.stream()
        if p == '/huge-chunked':
            self.send_response(200)
            self.send_header('Content-Type', 'text/html')
            self.send_header('Connection', 'close')
            self.end_headers()
            self.close_connection = True
            return self.stream()
        if p == '/doc.pdf':
            return self.send(200, b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'application/pdf')
        for name, ctype in (('feed-links.rss', 'application/rss+xml'),
                            ('feed-links.atom', 'application/atom+xml'),
                            ('feed.rss', 'application/rss+xml')):
            if p == '/' + name:
                body = open(os.path.join(HERE, name), 'rb').read()
                body = body.replace(b'@BASE@', b'http://127.0.0.1:%d' % self.server.server_port)
                return self.send(200, body, ctype)
        return self.send(404, b'not here')

    def stream(self):
        chunk = b'<p>' + b'x' * 65536 + b'</p>\n'
        try:
            for _ in range(30 << 4):
                self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


srv = Server(('127.0.0.1', 0), Handler)
with open(PORTFILE + '.tmp', 'w') as f:
    f.write(str(srv.server_port))
os.rename(PORTFILE + '.tmp', PORTFILE)
srv.serve_forever()
