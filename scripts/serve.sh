#!/usr/bin/env bash
# What `make site` and `make run` do once the instance is written (scripts/instance.py):
# start the ZEO server when STORAGE=zeo, create or reuse the demo site, then (run) serve
# INSTANCES Zope instances on PORT, PORT+1, ... until Ctrl-C, and stop what was started.
#
# run also starts the demo's mail sink first: aiosmtpd on 127.0.0.1:MAIL_PORT writing the
# Maildir VAR/mail, which the site sends through and administrators read at @@demo-mails.
#
# Usage: scripts/serve.sh site|run INSTANCE VAR
# Environment: STORAGE (filestorage|zeo|relstorage), INSTANCES (1), PORT (8080),
#              MAIL_PORT (PORT + 1000), ADMIN_PASSWORD, SITE_ID; BIN (default .venv/bin).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=${BIN:-$ROOT/.venv/bin}
STORAGE=${STORAGE:-filestorage}
INSTANCES=${INSTANCES:-1}
PORT=${PORT:-8080}
HOST=${HOST:-127.0.0.1}
MAIL_PORT=${MAIL_PORT:-$((PORT + 1000))}
say() { printf 'serve: %s\n' "$*" >&2; }

[[ $# -eq 3 && ( $1 == site || $1 == run ) ]] || { say "usage: $0 site|run INSTANCE VAR"; exit 2; }
MODE=$1
INSTANCE=$2
VAR=$3
ZEO_STARTED=0
PIDS=()

cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do
        kill -INT "$pid" 2>/dev/null || true
    done
    for _ in $(seq 40); do
        alive=0
        for pid in "${PIDS[@]}"; do
            kill -0 "$pid" 2>/dev/null && alive=1
        done
        [[ $alive == 0 ]] && break
        sleep 0.5
    done
    for pid in "${PIDS[@]}"; do
        kill -KILL "$pid" 2>/dev/null || true
    done
    if [[ $ZEO_STARTED == 1 ]]; then
        "$ROOT/scripts/zeo_server.sh" stop "$VAR"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ $STORAGE == zeo ]] && ! "$ROOT/scripts/zeo_server.sh" status "$VAR"; then
    "$ROOT/scripts/zeo_server.sh" start "$VAR"
    ZEO_STARTED=1
fi

if [[ $MODE == run ]]; then
    # The demo's mail sink, on loopback only: every mail of the demo is kept in VAR/mail.
    mkdir -p "$VAR/mail"
    "$BIN/python" -m aiosmtpd -n -l "127.0.0.1:$MAIL_PORT" -c aiosmtpd.handlers.Mailbox "$VAR/mail" &
    PIDS+=($!)
    for _ in $(seq 50); do
        "$BIN/python" -c 'import socket, sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1).close()' \
            "$MAIL_PORT" 2>/dev/null && break
        sleep 0.2
    done
    export MAIL_SINK_PORT=$MAIL_PORT TWINNING_MAIL_SINK=$VAR/mail
    say "mail sink: 127.0.0.1:$MAIL_PORT, read the mails at http://$HOST:$PORT/Plone/@@demo-mails (as admin)"
fi

"$BIN/zconsole" run "$INSTANCE/etc/zope.conf" "$ROOT/scripts/create_site.py"
[[ $MODE == site ]] && exit 0

for ((k = 1; k <= INSTANCES; k++)); do
    ini=$INSTANCE/etc/zope.ini
    [[ $k -gt 1 ]] && ini=$INSTANCE/etc/zope-$k.ini
    # A background job of a script ignores SIGINT: give it back, so that Ctrl-C stops it.
    "$BIN/python" -c '
import os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_DFL)
os.execv(sys.argv[1], sys.argv[1:])
' "$BIN/runwsgi" "$ini" &
    PIDS+=($!)
    say "instance $k ($STORAGE): http://$HOST:$((PORT + k - 1))/Plone"
done
if [[ $ZEO_STARTED == 1 ]]; then say "Ctrl-C stops the instances and the ZEO server"; else say "Ctrl-C stops the instances"; fi
# When one instance ends, stop the others (cleanup runs on exit).
wait -n
