#!/usr/bin/env bash
# Prove what `make run` does, on a free port with a throwaway instance and var:
# the site is created with the demo, a second run reuses it (and applies a new
# ADMIN_PASSWORD), the server answers, /Plone/projects lists TwinSpaces to
# anonymous users, and Ctrl-C (SIGINT) stops the server.
#
# Usage: bash scripts/check_run.sh   (or: make check-run; needs `make install`)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
BIN=.venv/bin
WORK=$(mktemp -d "${TMPDIR:-/tmp}/check-run.XXXXXX")
SERVER_PID=""
say() { printf 'check-run: %s\n' "$*"; }
cleanup() {
    if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -KILL -- "-$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

PORT=$("$BIN/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$BIN/python" scripts/instance.py --instance "$WORK/instance" --var "$WORK/var" --port "$PORT" >/dev/null

first=$( { time -p ADMIN_PASSWORD=admin PORT=$PORT "$BIN/zconsole" run "$WORK/instance/etc/zope.conf" scripts/create_site.py >"$WORK/first.log" 2>&1; } 2>&1 | awk '/^real/ {print $2}')
grep -q "Creating the site Plone" "$WORK/first.log" || { tail -20 "$WORK/first.log"; say "FAILED: first run did not create the site"; exit 1; }
second=$( { time -p ADMIN_PASSWORD=second-secret PORT=$PORT "$BIN/zconsole" run "$WORK/instance/etc/zope.conf" scripts/create_site.py >"$WORK/second.log" 2>&1; } 2>&1 | awk '/^real/ {print $2}')
grep -q "Reusing the site Plone" "$WORK/second.log" || { tail -20 "$WORK/second.log"; say "FAILED: second run did not reuse the site"; exit 1; }
say "site created in ${first}s, reused in ${second}s"

# The server, in its own process group with SIGINT at its default, as in a terminal.
"$BIN/python" -c '
import os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_DFL)
os.setsid()
os.execv(sys.argv[1], sys.argv[1:])
' "$BIN/runwsgi" "$WORK/instance/etc/zope.ini" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 120); do
    curl -fs -o /dev/null "http://127.0.0.1:$PORT/Plone" && break
    sleep 1
done
curl -fs -o /dev/null "http://127.0.0.1:$PORT/Plone" || { tail -20 "$WORK/server.log"; say "FAILED: no answer"; exit 1; }

curl -fs -H 'Accept: application/json' "http://127.0.0.1:$PORT/Plone/projects" \
    | "$BIN/python" -c 'import json, sys; items = json.load(sys.stdin)["items"]; assert any(i["@type"] == "TwinSpace" for i in items), items' \
    || { say "FAILED: /Plone/projects lists no TwinSpace"; exit 1; }
code=$(curl -s -o /dev/null -w '%{http_code}' -u admin:second-secret -H 'Accept: application/json' "http://127.0.0.1:$PORT/Plone/@users")
[[ $code == 200 ]] || { say "FAILED: the new ADMIN_PASSWORD was not applied ($code)"; exit 1; }
code=$(curl -s -o /dev/null -w '%{http_code}' -u admin:admin -H 'Accept: application/json' "http://127.0.0.1:$PORT/Plone/@users")
[[ $code == 401 ]] || { say "FAILED: the old admin password still works ($code)"; exit 1; }

kill -INT -- "-$SERVER_PID"
for _ in $(seq 30); do
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.5
done
if kill -0 "$SERVER_PID" 2>/dev/null; then
    say "FAILED: the server did not stop on SIGINT"
    exit 1
fi
SERVER_PID=""
say "OK: served http://127.0.0.1:$PORT/Plone with the demo; SIGINT stopped it"
