# Shared helpers for the end-to-end TAP scripts (tests/NN-*.t), in the
# spirit of git's t/test-lib.sh. Source it from the repository's top:
#   #!/bin/sh
#   . tests/lib.sh
# Then: ok "what" cmd…; is "$got" "$want" "what"; skip "why"; done_testing.

TOP=$(pwd)
MKBOOK=${MKBOOK:-$TOP/mkbook}
SHARED=${SHARED:-$TOP/../shared}
export MKBOOK_DATADIR=${MKBOOK_DATADIR:-$TOP}
export LC_ALL=${LC_ALL:-C.UTF-8}
# Under the sanitizer build (make asan), report leaks of mkbook's own memory.
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$TOP/tests/lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/mkbook-test.XXXXXX")
[ -n "$KEEP" ] || trap 'rm -rf "$TMP"' EXIT
_n=0
_failed=0

# ok DESCRIPTION COMMAND [ARGS…]: passes when the command exits 0.
ok() {
	_d=$1; shift
	_n=$((_n + 1))
	if "$@" >"$TMP/.out" 2>&1; then
		echo "ok $_n - $_d"
	else
		echo "not ok $_n - $_d"
		_failed=$((_failed + 1))
		sed 's/^/#   /' "$TMP/.out" | head -40
	fi
}

# not_ok DESCRIPTION COMMAND…: passes when the command fails.
not_ok() {
	_d=$1; shift
	_n=$((_n + 1))
	if "$@" >"$TMP/.out" 2>&1; then
		echo "not ok $_n - $_d (command succeeded)"
		_failed=$((_failed + 1))
	else
		echo "ok $_n - $_d"
	fi
}

# is GOT WANT DESCRIPTION
is() {
	_n=$((_n + 1))
	if [ "$1" = "$2" ]; then
		echo "ok $_n - $3"
	else
		echo "not ok $_n - $3"
		_failed=$((_failed + 1))
		printf '#   got:  %s\n#   want: %s\n' "$1" "$2"
	fi
}

# like TEXT PATTERN DESCRIPTION: TEXT matches the grep -E PATTERN.
like() {
	_n=$((_n + 1))
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then
		echo "ok $_n - $3"
	else
		echo "not ok $_n - $3"
		_failed=$((_failed + 1))
		printf '#   got:  %s\n#   want: /%s/\n' "$1" "$2"
	fi
}

skip() {
	_n=$((_n + 1))
	echo "ok $_n # skip $1"
}

# need_shared: skip the rest of the script, visibly, without ../shared.
need_shared() {
	if [ ! -d "$SHARED/corpus" ]; then
		echo "# NOTICE: $SHARED/corpus is absent; tests that read ../shared are skipped"
		skip "../shared is absent"
		done_testing
		exit 0
	fi
}

# need CMD…: skip the rest of the script when a tool is missing.
need() {
	for _c in "$@"; do
		if ! command -v "$_c" >/dev/null 2>&1; then
			echo "# NOTICE: $_c is not installed; run 'sh scripts/deps.sh'"
			skip "$_c is not installed"
			done_testing
			exit 0
		fi
	done
}

epubcheck() {
	java -jar /usr/share/java/epubcheck.jar "$@"
}

done_testing() {
	echo "1..$_n"
	[ "$_failed" -eq 0 ]
}
