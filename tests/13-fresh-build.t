#!/bin/sh
# `make book` and `make check` work in one run on a fresh machine: the
# pkg-config flags are read after the deps step has installed the -dev
# packages, not when make first reads the Makefile. Shown in a copy of the
# build files with a fake scripts/deps.sh (it "installs" by creating a stamp
# file), a fake pkg-config that knows no package until the stamp exists,
# and a fake compiler that records its arguments (so nothing is compiled:
# this takes a second or two). The CI variables reach the recursive make.
. tests/lib.sh

tree=$TMP/tree
mkdir -p "$tree/scripts" "$tree/tests/unit" "$TMP/bin"
cp Makefile "$tree/"
cp -R src content "$tree/"
cp tests/unit/*.c tests/tap.h "$tree/tests/unit/"
mv "$tree/tests/unit/tap.h" "$tree/tests/"
printf '#!/bin/sh\necho 1..1\necho "ok 1 - fake"\n' >"$tree/tests/00-fake.t"
# the fake install step
printf '#!/bin/sh\necho deps >>"$FAKE_LOG"\ntouch "$FAKE_STAMP"\n' >"$tree/scripts/deps.sh"
cat >"$TMP/bin/pkg-config" <<'PC'
#!/bin/sh
echo "pkg-config $*" >>"$FAKE_LOG"
if [ ! -e "$FAKE_STAMP" ]; then
	case "$*" in *--print-errors*) echo "Package libexttextcat was not found";; esac
	exit 1
fi
case "$*" in
*--cflags*) echo "-DPKG_FOUND" ;;
*--libs*) echo "-lpkgfound" ;;
esac
exit 0
PC
cat >"$TMP/bin/fakecc" <<'CC'
#!/bin/sh
echo "cc $*" >>"$FAKE_LOG"
out= compile=
while [ $# -gt 0 ]; do
	case "$1" in -o) out=$2; shift ;; -c) compile=1 ;; esac
	shift
done
if [ -n "$compile" ]; then
	: >"$out"
else
	printf '#!/bin/sh\necho 1..1\necho "ok 1 - fake"\n' >"$out"
	chmod +x "$out"
fi
CC
chmod +x "$TMP/bin/pkg-config" "$TMP/bin/fakecc"
export FAKE_LOG="$TMP/log" FAKE_STAMP="$TMP/stamp"

# fresh_make TARGET ARGS…: make in the copy, the stamp gone (nothing installed)
fresh_make() {
	rm -f "$FAKE_STAMP" "$FAKE_LOG"
	(cd "$tree" && make -s clean >/dev/null 2>&1)
	rm -f "$FAKE_STAMP" "$FAKE_LOG"
	(cd "$tree" && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL PATH="$TMP/bin:$PATH" \
		make "$@") >"$TMP/out" 2>&1
}

# every_cc PATTERN: each compile (an object or a unit test) carries PATTERN,
# and there were some
every_cc() {
	grep -E '^cc .*( -c |tests/unit/)' "$FAKE_LOG" >"$TMP/cc" &&
	! grep -qv -- "$1" "$TMP/cc"
}

fresh_make -j2 book CC="$TMP/bin/fakecc" WARN=-DWARN_MARK SAN=-DSAN_MARK CFLAGS=-DCFLAGS_MARK
is "$?" 0 "make book succeeds in one run on a machine without the packages"
ok "the deps step ran" test -e "$FAKE_STAMP"
ok "every compile has the pkg-config flags read after the install" every_cc -DPKG_FOUND
ok "the link has the pkg-config libraries" grep -q '^cc -o mkbook .*-lpkgfound' "$FAKE_LOG"
ok "WARN reaches every compile in the recursive make" every_cc -DWARN_MARK
ok "SAN does" every_cc -DSAN_MARK
ok "CFLAGS does" every_cc -DCFLAGS_MARK
ok "CC does, and SAN reaches the link" grep -q '^cc -o mkbook .*-DSAN_MARK' "$FAKE_LOG"
ok "no compile before the deps step" sh -c "head -n1 '$FAKE_LOG' | grep -vq '^cc '"

fresh_make -j2 check CC="$TMP/bin/fakecc"
is "$?" 0 "make check succeeds in one run on a machine without the packages"
ok "make check builds with the flags read after the install" every_cc -DPKG_FOUND
ok "make check builds the unit tests with them" grep -q '^cc .*-DPKG_FOUND.* -o tests/unit/t_buf ' "$FAKE_LOG"
like "$(cat "$TMP/out")" 'All tests successful|Result: PASS' "make check runs the tests after the build"

WARN=-DENV_WARN fresh_make book CC="$TMP/bin/fakecc"
is "$?" 0 "make book with WARN in the environment"
ok "WARN from the environment reaches every compile (how CI adds -Werror)" every_cc -DENV_WARN

fresh_make CC="$TMP/bin/fakecc"
is "$?" 2 "plain make, which installs nothing, stops when packages are missing"
like "$(cat "$TMP/out")" "Package libexttextcat was not found" "naming what pkg-config misses"
like "$(cat "$TMP/out")" "run 'make book' or 'make check'" "and saying how to install it"
ok "before compiling anything" sh -c "! grep -q '^cc ' '$FAKE_LOG'"
done_testing
