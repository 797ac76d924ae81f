# Start tests/web/server.py on 127.0.0.1 (a free port) for a web test;
# source after tests/lib.sh. Sets BASE (http://127.0.0.1:PORT) and
# SERVER_LOG; stop_server stops it (also on exit).
start_server() {
	# Hermetic: anything not on 127.0.0.1 (the corpus pages' own pictures)
	# goes to a proxy that is not there, and fails at once.
	export http_proxy=http://127.0.0.1:9 https_proxy=http://127.0.0.1:9
	export HTTPS_PROXY=$https_proxy no_proxy=127.0.0.1 NO_PROXY=127.0.0.1
	unset ALL_PROXY all_proxy
	_corpus=
	[ -d "$SHARED/html-corpus/readability" ] && _corpus=$SHARED/html-corpus
	python3 "$TOP/tests/web/server.py" "$TMP/port" $_corpus 2>"$TMP/server.err" &
	SERVER_PID=$!
	trap 'stop_server; [ -n "$KEEP" ] || rm -rf "$TMP"' EXIT
	_i=0
	while [ ! -s "$TMP/port" ] && [ $_i -lt 100 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	if [ ! -s "$TMP/port" ]; then
		echo "# the test server did not start:"
		sed 's/^/#   /' "$TMP/server.err"
		return 1
	fi
	BASE=http://127.0.0.1:$(cat "$TMP/port")
	SERVER_LOG=$TMP/port.log
	: >"$SERVER_LOG"
}

stop_server() {
	if [ -n "$SERVER_PID" ]; then
		kill "$SERVER_PID" 2>/dev/null
		wait "$SERVER_PID" 2>/dev/null
		SERVER_PID=
	fi
}
