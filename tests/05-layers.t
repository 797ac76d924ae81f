#!/bin/sh
# The tree keeps its layers: src/model, src/typo, src/read, src/epub and
# src/pdf include only what lies below them (tests/layers.py), and the check
# fails when a forbidden include is added.
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

done_testing
