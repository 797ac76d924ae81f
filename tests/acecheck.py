#!/usr/bin/env python3
"""acecheck.py REPORT.json: read a DAISY Ace report and print each
violation (rule, impact, file, what it says). Exits 1 when there is any
violation (an assertion whose outcome is "fail") or the report's outcome
is not "pass"."""
import json
import sys


def main():
    r = json.load(open(sys.argv[1], encoding='utf-8'))
    bad = 0
    for doc in r.get('assertions', []):
        url = doc.get('earl:testSubject', {}).get('url', '?')
        for a in doc.get('assertions', []):
            if a.get('earl:result', {}).get('earl:outcome') != 'fail':
                continue
            bad += 1
            t = a.get('earl:test', {})
            print('%s: %s (%s): %s' % (url, t.get('dct:title'), t.get('earl:impact'),
                                       a['earl:result'].get('dct:description', '')[:300]))
    outcome = r.get('earl:result', {}).get('earl:outcome')
    props = r.get('properties', {})
    print('# outcome %s, %d violations, page breaks: %s' % (outcome, bad, props.get('hasPageBreaks')))
    sys.exit(1 if bad or outcome != 'pass' else 0)


if __name__ == '__main__':
    main()
