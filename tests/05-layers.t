#!/bin/sh
# The tree keeps its layers: src/model, src/typo, src/read, src/epub and
# src/pdf include only what lies below them (tests/layers.py), and the check
# fails when a forbidden include is added. No two modules call each other
# round a loop and no header includes itself round a loop (tests/cycles.py,
# on the built objects), and that check fails when a cycle is added.
. tests/lib.sh

ok "src/ keeps its layers" python3 tests/layers.py src

cp -R src "$TMP/src"
printf '#include "epub/epub.h"\n' >>"$TMP/src/read/read_txt.c"
python3 tests/layers.py "$TMP/src" >"$TMP/out" 2>&1; is "$?" 1 "a reader including a writer's header fails the check"
like "$(cat "$TMP/out")" "read_txt.c:[0-9]*: src/read includes \"epub/epub.h\"" "naming the file, line and header"

cp -R src "$TMP/src2"
printf '#include "pdf_int.h"\n' >>"$TMP/src2/epub/epub_zip.c"
python3 tests/layers.py "$TMP/src2" >"$TMP/out" 2>&1; is "$?" 1 "one writer including the other's header by its bare name fails"

cp -R src "$TMP/src3"
printf '#include "read/reader.h"\n' >>"$TMP/src3/model/model.h"
python3 tests/layers.py "$TMP/src3" >"$TMP/out" 2>&1; is "$?" 1 "the model including a higher layer fails"

cp -R src "$TMP/src4"
printf '#include "model/model.h"\n' >>"$TMP/src4/util.h"
python3 tests/layers.py "$TMP/src4" >"$TMP/out" 2>&1; is "$?" 1 "a base header including the model fails"

if ls src/*.o src/*/*.o >/dev/null 2>&1 && command -v nm >/dev/null 2>&1; then
	ok "no call or include cycle between modules" python3 tests/cycles.py

	# the display list calling back up into the paragraph setter: a cycle
	cp -R src "$TMP/src5"
	printf 'void pdf_dl_cycle(void);\nvoid pdf_dl_cycle(void) { pdf_para_set(0, 0, 0, 0); }\n' \
	    >>"$TMP/src5/pdf/pdf_dl.c"
	if ${CC:-cc} -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -I"$TMP/src5" \
	    $(pkg-config --cflags pangocairo) -c "$TMP/src5/pdf/pdf_dl.c" -o "$TMP/src5/pdf/pdf_dl.o" \
	    >"$TMP/cc.out" 2>&1; then
		objs=$(ls src/*.o src/*/*.o | grep -v -e '^src/main\.o$' -e '^src/pdf/pdf_dl\.o$')
		python3 tests/cycles.py $objs "$TMP/src5/pdf/pdf_dl.o" >"$TMP/out" 2>&1
		is "$?" 1 "a call from the display list up to the paragraph setter fails the cycle check"
		like "$(cat "$TMP/out")" "pdf_dl -> pdf/pdf_para .pdf_para_set" "naming the modules and the symbol"
	else
		not_ok "compiling the display list with a call added: $(head -3 "$TMP/cc.out")" true
	fi

	# two headers including each other
	cp -R src "$TMP/src6"
	printf '#include "model/lang.h"\n' >>"$TMP/src6/model/model.h"
	python3 tests/cycles.py --src "$TMP/src6" $(ls src/*.o src/*/*.o | grep -v '^src/main\.o$') \
	    >"$TMP/out" 2>&1
	is "$?" 1 "model.h and lang.h including each other fail the cycle check"
	like "$(cat "$TMP/out")" "include cycle between .*model/lang.h, .*model/model.h" "naming both headers"
else
	skip "no object files or no nm: build first (make) for the cycle check"
fi

done_testing
