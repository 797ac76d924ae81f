# mkbook — articles to EPUB 3 and print-quality PDF.
#
#   make            build ./mkbook
#   make book       build the sample book from content/ into build/
#   make check      run every test (installs missing Debian packages first)
#   make asan       the same tests under AddressSanitizer + UBSan
#   make valgrind   the sample book under valgrind
#   make fuzz       libFuzzer harnesses (clang)
#   make bench      benchmarks against pandoc and WeasyPrint, and the HTML
#                   reader against Readability.js and readability-lxml
#   make install    PREFIX=/usr/local DESTDIR=

PREFIX	?= /usr/local
BINDIR	 = $(PREFIX)/bin
DATADIR	 = $(PREFIX)/share/mkbook
MANDIR	 = $(PREFIX)/share/man/man1

VERSION	 = 0.1.0
CC	?= cc
PKGS	 = libzip cairo pangocairo pangoft2 harfbuzz harfbuzz-subset fontconfig \
	   libcmark-gfm yaml-0.1 libexttextcat libpng zlib gdk-pixbuf-2.0 lcms2 libexif libjpeg gumbo json-c gmime-3.0 libcurl libxml-2.0
# pkg-config is asked once, when make reads this file. On a fresh machine
# that is before scripts/deps.sh has installed the -dev packages, so `book`
# and `check` run the deps step first and then build through a recursive
# $(MAKE), which reads this file again, after the install. Command-line
# variables (CC, WARN, SAN, CFLAGS, as CI passes them) reach the sub-make in
# MAKEFLAGS, environment ones in the environment. Chosen over deferred `=`
# variables: those would run pkg-config once per compile, and under make -j
# nothing orders the deps step before the first compile. Plain `make`
# installs nothing; with packages missing it says so (have-pkgs) instead of
# failing on a header.
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lhyphen -lm

# ?= so that CI can make warnings errors through the environment and still
# run the README's commands exactly as written.
WARN	?= -Wall -Wextra -Wno-unused-parameter
CFLAGS	?= -O2 -g
ALL_CFLAGS = -Isrc -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) \
	   -DMKBOOK_VERSION='"$(VERSION)"' -DMKBOOK_DATADIR='"$(DATADIR)"' \
	   $(PKG_CFLAGS) $(CFLAGS) $(SAN)
ALL_LDFLAGS = $(LDFLAGS) $(SAN)

# One folder per layer; a layer includes only the layers below it
# (tests/layers.sh checks): src/ (buffers, utilities, atomic output) <
# src/model/ (the article model, languages, dates, images, themes) <
# src/typo/ (line breaking, hyphenation) < src/read/ (readers and the
# builder), src/epub/ and src/pdf/ (the writers) < src/main.c.
# The shared pieces.
BASE_OBJS   = src/buf.o src/util.o src/datadir.o src/output.o
# The model: the book and its articles, and what is resolved once for both
# writers (languages, dates, words, images, the theme).
MODEL_OBJS  = src/model/model.o src/model/image.o src/model/picture.o src/model/words.o \
	      src/model/lang.o src/model/script.o src/model/shown.o \
	      src/model/date.o src/model/theme.o
# Typography shared by the typesetter and the cover: line breaking, hyphenation.
TYPO_OBJS   = src/typo/linebreak.o src/typo/hyph.o
# The generated cover, one design for both writers (the EPUB's picture, the
# PDF's front and wrap covers).
COVER_OBJS  = src/cover/cover.o
# Fetching over HTTP(S) (libcurl): limits, address checks, the cache.
NET_OBJS    = src/net/fetch.o
# Readers: plain text, Markdown with YAML front matter; the builder (inputs
# and book.yaml to one book) and typographic punctuation.
READ_OBJS   = src/read/read_txt.o src/read/read_md.o src/read/meta.o src/read/book.o \
	      src/read/punct.o src/read/html_conv.o src/read/read_html.o \
	      src/read/html_decode.o src/read/html_find.o src/read/html_meta.o \
	      src/read/feed.o src/read/web.o \
	      src/read/read_mhtml.o
# The EPUB writer.
EPUB_OBJS   = src/epub/epub.o src/epub/epub_pkg.o src/epub/epub_image.o src/epub/epub_zip.o \
	      src/epub/epub_xhtml.o src/epub/epub_opf.o \
	      src/epub/epub_fonts.o src/epub/fontsub.o
# The PDF typesetter, layer by layer, and its composer: the driver and page
# furniture (pdf.c) over the parts named for what they lay out.
PDF_OBJS    = src/pdf/pdf.o src/pdf/pdf_text.o src/pdf/pdf_block.o src/pdf/pdf_figure.o \
	      src/pdf/pdf_table.o src/pdf/pdf_notes.o src/pdf/pdf_opener.o src/pdf/pdf_front.o src/pdf/pdf_cover.o \
	      src/pdf/pdf_font.o src/pdf/pdf_shape.o src/pdf/pdf_para.o src/pdf/pdf_page.o \
	      src/pdf/pdf_draw.o src/pdf/pdf_dl.o src/pdf/pdf_update.o \
	      src/pdf/pdf_jobs.o

LIB_OBJS = $(BASE_OBJS) $(MODEL_OBJS) $(TYPO_OBJS) $(COVER_OBJS) $(NET_OBJS) $(READ_OBJS) $(EPUB_OBJS) \
	   $(PDF_OBJS)
OBJS	 = src/main.o $(LIB_OBJS)

UNIT_TESTS = tests/unit/t_buf tests/unit/t_image tests/unit/t_picture tests/unit/t_date tests/unit/t_txt tests/unit/t_lang \
	     tests/unit/t_linebreak tests/unit/t_hyph tests/unit/t_md tests/unit/t_epub tests/unit/t_pdfpara \
	     tests/unit/t_punct tests/unit/t_paginate tests/unit/t_html tests/unit/t_cover tests/unit/t_script

all: mkbook

deps:
	@sh scripts/deps.sh

have-pkgs:
	@pkg-config --exists $(PKGS) 2>/dev/null || { \
		echo "mkbook: the build needs packages that are not installed:" >&2; \
		pkg-config --print-errors --exists $(PKGS) 2>&1 | sed 's/^/  /' >&2; \
		echo "run 'make book' or 'make check' (they install them first), or 'sh scripts/deps.sh'" >&2; \
		exit 1; }

mkbook: $(OBJS)
	$(CC) -o $@ $(OBJS) $(ALL_LDFLAGS) $(PKG_LIBS)

HDRS	 = $(wildcard src/*.h src/*/*.h)

src/%.o: src/%.c $(HDRS)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

tests/unit/%: tests/unit/%.c tests/tap.h $(LIB_OBJS)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB_OBJS) $(ALL_LDFLAGS) $(PKG_LIBS)

# deps first, then a fresh make for the build (see PKG_CFLAGS above).
book: deps
	@$(MAKE) --no-print-directory mkbook
	./mkbook -o build content

check: deps
	@$(MAKE) --no-print-directory mkbook $(UNIT_TESTS)
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
		prove -f $(UNIT_TESTS) tests/*.t

asan:
	$(MAKE) clean
	$(MAKE) check SAN='-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all' CFLAGS='-O1 -g'
	$(MAKE) clean

valgrind: mkbook
	valgrind --error-exitcode=9 --leak-check=full --errors-for-leak-kinds=definite \
		--suppressions=tests/valgrind.supp ./mkbook -q -o /tmp/mkbook-valgrind content

# libFuzzer harnesses, built with clang from the sources (not the objects,
# which may carry other flags). FUZZ_SECONDS per harness; corpora grow in
# tests/fuzz/corpus_*/ (not committed), seeded from content/.
FUZZ_SECONDS ?= 60
FUZZ_CC	 ?= clang
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -std=c11 \
	   -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -DMKBOOK_VERSION='"fuzz"' \
	   -DMKBOOK_DATADIR='"$(CURDIR)"' -Isrc $(PKG_CFLAGS) $(shell pkg-config --cflags libxml-2.0)
FUZZERS	 = tests/fuzz/fuzz_txt tests/fuzz/fuzz_md tests/fuzz/fuzz_xhtml tests/fuzz/fuzz_html \
	   tests/fuzz/fuzz_mhtml

# Nothing compiles before have-pkgs has found the packages (order-only: it
# never makes a target out of date).
$(OBJS) $(UNIT_TESTS) $(FUZZERS): | have-pkgs

tests/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(LIB_OBJS:.o=.c) $(HDRS)
	$(FUZZ_CC) $(FUZZ_FLAGS) -o $@ $< $(LIB_OBJS:.o=.c) $(PKG_LIBS) $(shell pkg-config --libs libxml-2.0)

fuzz: $(FUZZERS)
	@for f in $(FUZZERS); do \
		n=$${f##*/fuzz_}; mkdir -p tests/fuzz/corpus_$$n; \
		cp content/*.txt content/*.md content/*.html tests/fuzz/corpus_$$n/ 2>/dev/null; \
		echo "== $$f ($(FUZZ_SECONDS) s)"; \
		$$f -max_total_time=$(FUZZ_SECONDS) -timeout=20 -rss_limit_mb=4096 \
			-print_final_stats=1 tests/fuzz/corpus_$$n 2>&1 | \
			grep -E 'stat::number_of_executed_units|ERROR|SUMMARY|crash-' || exit 1; \
	done

bench: mkbook bench/out/html-pages
	sh bench/run.sh

# mkbook's HTML reader over many pages in one process, for bench/html.sh.
bench/out/html-pages: bench/html-pages.c $(LIB_OBJS)
	@mkdir -p bench/out
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB_OBJS) $(ALL_LDFLAGS) $(PKG_LIBS)

# Tools the benchmarks compare against (not needed to build or test).
bench-deps:
	apt-get install -y --no-install-recommends pandoc weasyprint hyperfine \
	    texlive-latex-base texlive-latex-recommended texlive-fonts-recommended \
	    texlive-lang-german texlive-lang-french nodejs npm
	# Typst 0.14.2 for bench/pdf.sh and bench/typo-compare.sh (bundled by this npm package)
	npm install --no-audit --no-fund --prefix bench/out/node \
	    @myriaddreamin/typst-ts-node-compiler@0.7.0
	# bench/html.sh: Readability.js 0.6.0 over jsdom, and readability-lxml
	apt-get install -y --no-install-recommends python3-readability python3-lxml
	npm install --no-audit --no-fund --prefix bench/out/readability \
	    @mozilla/readability@0.6.0 jsdom@29.1.1

install: mkbook
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(DATADIR)
	install -m 755 mkbook $(DESTDIR)$(BINDIR)/mkbook
	install -m 644 mkbook.1 $(DESTDIR)$(MANDIR)/mkbook.1
	cp -R templates $(DESTDIR)$(DATADIR)/
	cp -R fonts $(DESTDIR)$(DATADIR)/

clean:
	rm -f mkbook src/*.o src/*/*.o $(UNIT_TESTS) $(FUZZERS)
	rm -rf build tests/tmp

.PHONY: all deps have-pkgs book check asan valgrind fuzz bench bench-deps install clean
