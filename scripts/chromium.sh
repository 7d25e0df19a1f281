#!/usr/bin/env bash
# Debian's Chromium for the browser tests (tests/browser, Playwright for Python).
#
# Usage:
#   scripts/chromium.sh install   install Debian's `chromium` package when missing (apt-get, as root),
#                                 with fonts for the screenshots (Liberation, Noto colour emoji:
#                                 the country flags)
#   scripts/chromium.sh ensure    the same as root; as another user, when something is missing,
#                                 say in one line that the browser tests are skipped and why, and
#                                 exit 2 (make test then runs the rest)
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

install_chromium() {  # install_chromium [ensure]
    local missing=() package
    for package in "${PACKAGES[@]}"; do
        installed "$package" || missing+=("$package")
    done
    [[ -x $CHROMIUM && ${#missing[@]} == 0 ]] && return 0
    [[ ${#missing[@]} == 0 ]] && missing=(chromium)  # installed, but not at $CHROMIUM
    if [[ $(id -u) != 0 ]]; then
        if [[ ${1:-} == ensure ]]; then
            if [[ -x $CHROMIUM ]]; then  # only fonts are missing: the tests run, the pictures differ
                say "not installed: ${missing[*]}; the screenshots may lack flags (apt-get install ${missing[*]}, as root)"
                return 0
            fi
            printf 'chromium: skipping the browser tests (tests/browser): no Chromium at %s; installing it needs root (apt-get install %s)\n' \
                "$CHROMIUM" "${missing[*]}" >&2
            exit 2
        fi
        die "missing ${missing[*]}; installing needs root (apt-get install ${missing[*]})"
    fi
    say "installing Debian's ${missing[*]} (apt-get install)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
    [[ -x $CHROMIUM ]] || die "no $CHROMIUM after installing chromium"
}

case ${1:-} in
    install) install_chromium ;;
    ensure) install_chromium ensure ;;
    path) [[ -x $CHROMIUM ]] || die "no Chromium at $CHROMIUM (scripts/chromium.sh install)"; printf '%s\n' "$CHROMIUM" ;;
    *) die "usage: $0 install|ensure|path" ;;
esac
