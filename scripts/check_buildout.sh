#!/usr/bin/env bash
# Prove that buildout.cfg works: build bin/instance with zc.buildout and
# plone.recipe.zope2instance from the pins of versions.cfg, create the demo
# site with `bin/instance run`, serve it with `bin/instance fg` and query it.
#
# Usage: bash scripts/check_buildout.sh   (or: make check-buildout)
#
# Environment:
#   BUILDOUT_PYTHON          interpreter for .buildout-venv (default python3.11)
#   BUILDOUT_DOWNLOAD_CACHE  buildout download cache, kept between runs
#                            (default ~/.cache/collective.twinning/buildout-downloads)
#   ADMIN_PASSWORD, SITE_ID  as for scripts/create_site.py (admin, Plone)
#
# The check builds with its own port and a throwaway var directory (given on
# the buildout command line), then runs buildout once more without them, so
# bin/instance ends as buildout.cfg says (127.0.0.1:8080, var-buildout/).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
VENV=.buildout-venv
PY=${BUILDOUT_PYTHON:-python3.11}
CACHE=${BUILDOUT_DOWNLOAD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/collective.twinning/buildout-downloads}
ADMIN_PASSWORD=${ADMIN_PASSWORD:-admin}
SITE_ID=${SITE_ID:-Plone}
WAIT_SECONDS=120
# What the venv needs to run buildout; the versions come from versions.cfg.
TOOLING=(zc.buildout setuptools pip wheel packaging platformdirs)

WORK=$(mktemp -d "${TMPDIR:-/tmp}/check-buildout.XXXXXX")
SERVER_PID=""
BUILT=0
RESTORED=0
STEP="start"

say() { printf 'check-buildout: %s\n' "$*"; }

show_log() {  # show_log FILE: the end of a log, to explain a failure
    if [[ -s $1 ]]; then
        printf -- '----- last lines of %s -----\n' "$1" >&2
        tail -n 40 "$1" >&2
        printf -- '-----\n' >&2
    fi
}

fail() {
    say "FAILED at ${STEP}: $*" >&2
    exit 1
}

stop_server() {
    [[ -n $SERVER_PID ]] || return 0
    # bin/instance fg runs Zope in a child process: stop the whole group.
    kill -TERM -- "-$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 20); do
        kill -0 -- "-$SERVER_PID" 2>/dev/null || break
        sleep 0.5
    done
    kill -KILL -- "-$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
}

buildout() {  # buildout LOG [option=value ...]: bin/buildout, quiet, into LOG
    local log=$1
    shift
    bin/buildout -q -c buildout.cfg "buildout:download-cache=$CACHE" "$@" >"$log" 2>&1
}

on_exit() {
    local rc=$?
    trap - EXIT INT TERM
    stop_server
    if ((BUILT && !RESTORED)); then
        # Leave bin/instance as buildout.cfg says, not on the check's port.
        buildout "$WORK/buildout-restore.log" || say "could not restore bin/instance: run bin/buildout" >&2
    fi
    if ((rc == 0)); then
        rm -rf "$WORK"
    else
        say "FAILED (exit $rc); logs kept in $WORK" >&2
    fi
    exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT TERM

# 1. versions.cfg must be the one generated from constraints.txt.
STEP="versions.cfg"
"$PY" scripts/versions_cfg.py constraints.txt >"$WORK/versions.cfg"
if ! diff -u versions.cfg "$WORK/versions.cfg" >"$WORK/versions.diff"; then
    show_log "$WORK/versions.diff"
    fail "versions.cfg is not generated from constraints.txt: run '$PY scripts/versions_cfg.py constraints.txt > versions.cfg'"
fi

pin() {  # pin NAME: the version of NAME in versions.cfg
    awk -v name="$1" -F '[ \t]*=[ \t]*' 'tolower($1) == tolower(name) { print $2; exit }' versions.cfg
}
specs=()
for name in "${TOOLING[@]}"; do
    version=$(pin "$name")
    [[ -n $version ]] || fail "no pin for $name in versions.cfg"
    specs+=("$name==$version")
done

# 2. The venv that runs buildout, reused when it works.
STEP="venv"
if ! "$VENV/bin/python" -c 'import sys' 2>/dev/null; then
    say "creating $VENV with $PY"
    rm -rf "$VENV"
    "$PY" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install -q "${specs[@]}" >"$WORK/pip.log" 2>&1 || {
    show_log "$WORK/pip.log"
    fail "pip could not install ${specs[*]}"
}

# 3. bin/buildout, then the buildout on a free port and a throwaway var directory.
STEP="buildout bootstrap"
"$VENV/bin/buildout" -q -c buildout.cfg bootstrap >"$WORK/bootstrap.log" 2>&1 || {
    show_log "$WORK/bootstrap.log"
    fail "buildout bootstrap failed"
}
STEP="buildout"
PORT=$("$VENV/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$CACHE"
say "running buildout (zc.buildout $(pin zc.buildout), plone.recipe.zope2instance $(pin plone.recipe.zope2instance)); log: $WORK/buildout.log"
started=$SECONDS
buildout "$WORK/buildout.log" "instance:http-address=127.0.0.1:$PORT" "instance:var=$WORK/var" || {
    show_log "$WORK/buildout.log"
    fail "bin/buildout failed"
}
BUILT=1
build_seconds=$((SECONDS - started))
[[ -x bin/instance ]] || fail "buildout wrote no bin/instance"
say "buildout done in ${build_seconds}s"

# 4. The site, created while no server holds the FileStorage.
STEP="create site"
ADMIN_PASSWORD=$ADMIN_PASSWORD SITE_ID=$SITE_ID PORT=$PORT \
    bin/instance run scripts/create_site.py >"$WORK/create_site.log" 2>&1 || {
    show_log "$WORK/create_site.log"
    fail "bin/instance run scripts/create_site.py failed"
}

# 5. Serve it, in a process group of its own so that it can be stopped whole.
STEP="bin/instance fg"
setsid bin/instance fg >"$WORK/instance.log" 2>&1 &
SERVER_PID=$!
URL="http://127.0.0.1:$PORT/$SITE_ID"
deadline=$((SECONDS + WAIT_SECONDS))
status=000
while ((SECONDS < deadline)); do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
        show_log "$WORK/instance.log"
        fail "bin/instance fg exited before serving"
    fi
    status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$URL" || true)
    [[ $status == 200 ]] && break
    sleep 1
done
if [[ $status != 200 ]]; then
    show_log "$WORK/instance.log"
    fail "$URL answered ${status} (not 200) within ${WAIT_SECONDS}s"
fi

# 6. The REST API lists the demo TwinSpaces.
STEP="REST API"
curl -sS --fail --max-time 30 -H 'Accept: application/json' "$URL/projects" >"$WORK/projects.json" || {
    show_log "$WORK/instance.log"
    fail "GET $URL/projects (JSON) failed"
}
twinspaces=$("$VENV/bin/python" - "$WORK/projects.json" <<'EOF'
import json, sys
with open(sys.argv[1], encoding="utf-8") as answer:
    items = json.load(answer).get("items", [])
print(sum(1 for item in items if item.get("@type") == "TwinSpace"))
EOF
) || fail "$URL/projects did not answer JSON"
((twinspaces > 0)) || {
    show_log "$WORK/projects.json"
    fail "$URL/projects lists no TwinSpace"
}

# 7. Stop, and put bin/instance back to buildout.cfg's own settings.
STEP="restore"
stop_server
buildout "$WORK/buildout-restore.log" || {
    show_log "$WORK/buildout-restore.log"
    fail "bin/buildout without the check's options failed"
}
RESTORED=1

say "OK: zc.buildout $(pin zc.buildout) + plone.recipe.zope2instance $(pin plone.recipe.zope2instance) built bin/instance in ${build_seconds}s; it served $URL (200) and /projects lists ${twinspaces} TwinSpace(s)"
