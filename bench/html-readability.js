// Readability.js 0.6.0 over jsdom in ONE warm node process (bench/html.sh):
// node html-readability.js NODE_DIR LIST OUTDIR. LIST names one page a
// line. The clock starts after node, jsdom and Readability are loaded (start-up
// excluded) and stops after the last page; each page is read from disk
// (as bytes: jsdom sniffs the encoding as a browser does), parsed by jsdom
// and extracted. Prints one JSON line: pages, ok, cpu_s, wall_s. The
// articles are written to OUTDIR (page N as N.json) after the clock stops,
// for extract-score.py.
'use strict';
const fs = require('fs');
const path = require('path');
const [nodeDir, list, outDir] = process.argv.slice(2);
const { JSDOM, VirtualConsole } = require(path.resolve(nodeDir, 'node_modules', 'jsdom'));
const { Readability } = require(path.resolve(nodeDir, 'node_modules', '@mozilla', 'readability'));
const pages = fs.readFileSync(list, 'utf8').split('\n').filter(Boolean);
const vc = new VirtualConsole();	// the pages' console output is not ours
const out = new Array(pages.length).fill(null);
let ok = 0;
const c0 = process.cpuUsage(), w0 = process.hrtime.bigint();
for (let i = 0; i < pages.length; i++) {
	try {
		const dom = new JSDOM(fs.readFileSync(pages[i]), { url: 'https://example.invalid/page.html',
			virtualConsole: vc });
		const r = new Readability(dom.window.document).parse();
		if (r) {
			ok++;
			out[i] = { text: r.textContent || '', title: r.title, byline: r.byline,
				lang: r.lang, dir: r.dir, publishedTime: r.publishedTime };
		}
		dom.window.close();
	} catch (e) {
		out[i] = null;
	}
}
const c = process.cpuUsage(c0), wall = Number(process.hrtime.bigint() - w0) / 1e9;
fs.mkdirSync(outDir, { recursive: true });
out.forEach((o, i) => fs.writeFileSync(path.join(outDir, i + '.json'), JSON.stringify(o || {})));
console.log(JSON.stringify({ pages: pages.length, ok, cpu_s: (c.user + c.system) / 1e6, wall_s: wall }));
