#!/usr/bin/env python3
"""Fail when any XHTML/SVG/NCX/OPF file under DIR holds active content in
its markup: a script, iframe, object or embed element, an on* event handler
attribute, or a javascript:, vbscript: or data: URL in any attribute."""
import os, sys
import xml.etree.ElementTree as ET

BAD_TAGS = {"script", "iframe", "object", "embed", "frame", "frameset", "applet", "form"}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")
bad = []
for root, _, files in os.walk(sys.argv[1]):
    for f in files:
        if not f.endswith((".xhtml", ".html", ".svg", ".ncx", ".opf")):
            continue
        path = os.path.join(root, f)
        for el in ET.parse(path).iter():
            tag = el.tag.rsplit("}", 1)[-1].lower()
            if tag in BAD_TAGS:
                bad.append("%s: <%s>" % (path, tag))
            for k, v in el.attrib.items():
                name = k.rsplit("}", 1)[-1].lower()
                if name.startswith("on"):
                    bad.append("%s: %s=" % (path, name))
                if v.strip().lower().replace("\t", "").replace("\n", "").startswith(BAD_SCHEMES):
                    bad.append("%s: %s=%r" % (path, name, v[:40]))
for b in bad:
    print(b)
sys.exit(1 if bad else 0)
