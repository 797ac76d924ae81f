#!/bin/sh
# make install PREFIX=… DESTDIR=… puts the binary, the man page and the
# data where they belong, and the installed binary finds its templates.
. tests/lib.sh

make -s install PREFIX=/opt/mk DESTDIR="$TMP/root" >"$TMP/log" 2>&1
is "$?" 0 "make install with DESTDIR succeeds"
ok "the binary is installed" test -x "$TMP/root/opt/mk/bin/mkbook"
ok "the man page is installed" test -f "$TMP/root/opt/mk/share/man/man1/mkbook.1"
ok "the default theme is installed" test -f "$TMP/root/opt/mk/share/mkbook/templates/default/theme.yaml"
ok "the fonts directory is installed" test -d "$TMP/root/opt/mk/share/mkbook/fonts"
out=$(env -u MKBOOK_DATADIR "$TMP/root/opt/mk/bin/mkbook" --version)
like "$out" '^mkbook ' "the installed binary runs"
cp -R content "$TMP/c"
(cd "$TMP" && env -u MKBOOK_DATADIR "$TMP/root/opt/mk/bin/mkbook" -q --epub -o "$TMP/i.epub" c)
is "$?" 0 "the installed binary builds a book away from the source tree"
done_testing
