#!/usr/bin/env bash
# make load: a throwaway instance under var/load (fresh database), the demo site and
# the load accounts, served by runwsgi (waitress, 4 threads) on a free port; then
# bench/load.py; the server is stopped at the end.
# Environment: LOAD_USERS (8), LOAD_SECONDS (30 per phase), BIN (.venv/bin).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=${BIN:-$ROOT/.venv/bin}
LOAD_VAR=$ROOT/var/load
USERS=${LOAD_USERS:-8}
SECONDS_PER_PHASE=${LOAD_SECONDS:-30}
PORT=$("$BIN/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

rm -rf "$LOAD_VAR"
"$BIN/python" "$ROOT/scripts/instance.py" --instance "$LOAD_VAR/instance" --var "$LOAD_VAR/var" --port "$PORT" >/dev/null
PORT=$PORT "$BIN/zconsole" run "$LOAD_VAR/instance/etc/zope.conf" "$ROOT/scripts/create_site.py"
"$BIN/zconsole" run "$LOAD_VAR/instance/etc/zope.conf" "$ROOT/bench/load_setup.py" "$USERS"

"$BIN/runwsgi" "$LOAD_VAR/instance/etc/zope.ini" >"$LOAD_VAR/server.log" 2>&1 &
SERVER=$!
trap 'kill -INT $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 120); do
    curl -fs -o /dev/null "http://127.0.0.1:$PORT/Plone/load-document" && break
    sleep 0.5
done
"$BIN/python" "$ROOT/bench/load.py" --url "http://127.0.0.1:$PORT/Plone" --users "$USERS" --seconds "$SECONDS_PER_PHASE" --threads 4
