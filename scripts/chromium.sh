#!/usr/bin/env bash
# Debian's Chromium for the browser tests (tests/browser, Playwright for Python).
#
# Usage:
#   scripts/chromium.sh install   install Debian's `chromium` package when missing (apt-get, as root)
#   scripts/chromium.sh path      print the path of the Chromium executable
#
# Playwright never downloads a browser here (`playwright install` is not used): the tests
# launch this executable (CHROMIUM, default /usr/bin/chromium) headless.
set -euo pipefail

say() { printf 'chromium: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

install_chromium() {
    [[ -x $CHROMIUM ]] && return 0
    [[ $(id -u) == 0 ]] || die "Chromium is not installed at $CHROMIUM and installing it needs root (apt-get install chromium)"
    say "installing Debian's Chromium (apt-get install chromium)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends chromium fonts-liberation >&2
    [[ -x $CHROMIUM ]] || die "no $CHROMIUM after installing chromium"
}

case ${1:-} in
    install) install_chromium ;;
    path) [[ -x $CHROMIUM ]] || die "no Chromium at $CHROMIUM (scripts/chromium.sh install)"; printf '%s\n' "$CHROMIUM" ;;
    *) die "usage: $0 install|path" ;;
esac
