#!/bin/sh
# valgrind: no invalid access and no leak of mkbook's own memory while
# building the sample book (both formats). Skipped in the sanitizer build,
# which does the same job and cannot run under valgrind.
. tests/lib.sh
need valgrind
if nm "$MKBOOK" 2>/dev/null | grep -q __asan_init; then
	skip "a sanitizer build (ASan checks memory instead)"
	done_testing
	exit 0
fi
valgrind -q --error-exitcode=9 --leak-check=full --errors-for-leak-kinds=definite \
	--suppressions=tests/valgrind.supp "$MKBOOK" -q -o "$TMP/out" content 2>"$TMP/vg"
is "$?" 0 "the sample book under valgrind: no error, no definite leak"
sed 's/^/#   /' "$TMP/vg" | head -30
ok "both books were written" test -s "$TMP/out/set-in-type.epub" -a -s "$TMP/out/set-in-type.pdf"
done_testing
