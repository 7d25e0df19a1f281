#!/usr/bin/env bash
# Debian's Chromium for the browser tests (tests/browser, Playwright for Python).
#
# Usage:
#   scripts/chromium.sh install   install Debian's `chromium` package when missing (apt-get, as root),
#                                 with fonts for the screenshots (Liberation, Noto colour emoji:
#                                 the country flags)
#   scripts/chromium.sh path      print the path of the Chromium executable
#
# Playwright never downloads a browser here (`playwright install` is not used): the tests
# launch this executable (CHROMIUM, default /usr/bin/chromium) headless.
set -euo pipefail

say() { printf 'chromium: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

PACKAGES=(chromium fonts-liberation fonts-noto-color-emoji)

installed() {  # installed PACKAGE: is this Debian package installed?
    [[ $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) == "install ok installed" ]]
}

install_chromium() {
    local missing=() package
    for package in "${PACKAGES[@]}"; do
        installed "$package" || missing+=("$package")
    done
    [[ -x $CHROMIUM && ${#missing[@]} == 0 ]] && return 0
    [[ $(id -u) == 0 ]] || die "missing ${missing[*]}; installing needs root (apt-get install ${missing[*]})"
    say "installing Debian's ${missing[*]} (apt-get install)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
    [[ -x $CHROMIUM ]] || die "no $CHROMIUM after installing chromium"
}

case ${1:-} in
    install) install_chromium ;;
    path) [[ -x $CHROMIUM ]] || die "no Chromium at $CHROMIUM (scripts/chromium.sh install)"; printf '%s\n' "$CHROMIUM" ;;
    *) die "usage: $0 install|path" ;;
esac
