#!/bin/sh
# No function in src/ is over 120 lines (tests/funclen.py), and the check
# fails, naming the function, when one is.
. tests/lib.sh

ok "no function in src/ over 120 lines" python3 tests/funclen.py src

mkdir -p "$TMP/src/model"
{
	printf '/* A long one. */\nstatic int\nlong_one(int x)\n{\n'
	i=0
	while [ $i -lt 118 ]; do printf '\tx++;\n'; i=$((i + 1)); done
	printf '\treturn x;\n}\n'
} >"$TMP/src/model/long.c"
python3 tests/funclen.py "$TMP/src" >"$TMP/out" 2>&1; is "$?" 1 "a function of 123 lines fails the check"
like "$(cat "$TMP/out")" "long.c:2: long_one is 123 lines" "naming its file, line and length"
python3 tests/funclen.py --max 123 "$TMP/src" >/dev/null 2>&1; is "$?" 0 "and passes a limit it keeps"

done_testing
