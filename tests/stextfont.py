#!/usr/bin/env python3
"""stextfont.py STEXT.xml TEXT: print the font names (one a line) of the
spans in which TEXT's first 24 characters stand, read from `mutool draw -F
stext` output; exit 1 when TEXT is not found."""
import sys
import xml.etree.ElementTree as ET


def main():
    root = ET.parse(sys.argv[1]).getroot()
    want = ' '.join(sys.argv[2].split())[:24]
    chars = []  # (character, font name)
    for font in root.iter('font'):
        name = font.get('name', '')
        for ch in font.iter('char'):
            chars.append((ch.get('c', ''), name))
        chars.append((' ', name))
    text = ''.join(c for c, _ in chars)
    text_norm = text.replace('\u00a0', ' ')
    at = text_norm.find(want.replace('\u00a0', ' '))
    if at < 0:
        return 1
    for name in sorted({chars[i][1] for i in range(at, at + len(want)) if chars[i][0].strip()}):
        print(name)
    return 0


if __name__ == '__main__':
    sys.exit(main())
