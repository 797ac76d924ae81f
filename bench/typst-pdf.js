// bench/typo-compare.sh: compile Typst source (argv[2]) to a PDF (argv[3])
// with Typst 0.14 from npm's @myriaddreamin/typst-ts-node-compiler 0.7.0
// (which bundles Typst 0.14.2), the fonts in argv[4..] added.
const fs = require("fs");
const { NodeCompiler } = require("@myriaddreamin/typst-ts-node-compiler");
const [, , src, out, ...fonts] = process.argv;
const c = NodeCompiler.create({ workspace: "/", fontArgs: [{ fontPaths: fonts }] });
const pdf = c.pdf({ mainFileContent: fs.readFileSync(src, "utf8") });
fs.writeFileSync(out, pdf);
