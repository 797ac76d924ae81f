#!/bin/sh
# Install every Debian package mkbook needs to build, to make the sample
# book and to run its tests. Safe to run again: installs only what is missing.
set -eu

PKGS="
build-essential pkg-config clang
libzip-dev zlib1g-dev libpng-dev libcairo2-dev libpango1.0-dev libharfbuzz-dev libfontconfig-dev
libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-dev libhyphen-dev libxml2-dev
libjpeg62-turbo-dev libgdk-pixbuf-2.0-dev webp-pixbuf-loader librsvg2-common liblcms2-dev libexif-dev imagemagick
libexttextcat-dev libexttextcat-data libgumbo-dev libjson-c-dev libgmime-3.0-dev libcurl4-openssl-dev ca-certificates
hyphen-en-us hyphen-en-gb hyphen-de hyphen-fr
hyphen-af hyphen-be hyphen-bg hyphen-ca hyphen-cs hyphen-da hyphen-el hyphen-es hyphen-gl
hyphen-hr hyphen-hu hyphen-id hyphen-is hyphen-it hyphen-lt hyphen-lv hyphen-mn hyphen-nl
hyphen-no hyphen-pl hyphen-pt-br hyphen-pt-pt hyphen-ro hyphen-ru hyphen-sk hyphen-sl
hyphen-sr hyphen-sv hyphen-th hyphen-uk hyphen-zu
hyphen-as hyphen-bn hyphen-gu hyphen-hi hyphen-kn hyphen-ml hyphen-mr hyphen-or hyphen-pa
hyphen-ta hyphen-te
fonts-sil-charis fonts-noto-core fonts-noto-cjk fonts-noto-mono
epubcheck default-jre-headless qpdf poppler-utils mupdf-tools libxml2-utils
icc-profiles-free
python3 python3-fonttools python3-pil perl zip unzip valgrind
"

missing=""
for p in $PKGS; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ]; then
	echo "mkbook: missing packages:$missing" >&2
	echo "mkbook: run 'sudo sh scripts/deps.sh' to install them" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends $missing >/dev/null
