#!/usr/bin/env bash
# Start or stop the ZEO server of an instance written with STORAGE=zeo.
#
# Usage:
#   scripts/zeo_server.sh start VAR   runzeo -C VAR/zeo/zeo.conf in the background (its
#                                     log: VAR/log/zeo.log), wait until it accepts
#                                     connections; nothing to do when it already runs
#   scripts/zeo_server.sh stop VAR    stop it (SIGTERM, then SIGKILL after 30 s)
#   scripts/zeo_server.sh status VAR  exit 0 when it runs
#   scripts/zeo_server.sh around VAR CMD...
#                                     when STORAGE=zeo, run CMD with the server up (start it
#                                     if needed, stop it afterwards if started here); with
#                                     another STORAGE just run CMD. E.g. for a benchmark:
#                                     scripts/zeo_server.sh around var/bench/var \
#                                         .venv/bin/zconsole run var/bench/instance/etc/zope.conf bench/run.py
#
# scripts/instance.py --storage zeo --var VAR writes VAR/zeo/zeo.conf and VAR/zeo/address.
# Environment: BIN, the directory of runzeo (default .venv/bin of this checkout).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=${BIN:-$ROOT/.venv/bin}
say() { printf 'zeo_server: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

[[ $# -ge 2 ]] || die "usage: $0 start|stop|status VAR, or $0 around VAR CMD..."
command=$1
if [[ $command == around && ${STORAGE:-filestorage} != zeo ]]; then
    shift 2
    exec "$@"
fi
if [[ ! -d $2 ]]; then
    case $command in
        stop) exit 0 ;;  # nothing was started there
        status) exit 1 ;;
    esac
fi
VAR=$(cd "$2" 2>/dev/null && pwd) || die "no directory $2"
shift 2
CONF=$VAR/zeo/zeo.conf
PIDFILE=$VAR/zeo/server.pid

running() {
    [[ -f $PIDFILE ]] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null
}

accepts() {  # accepts HOST:PORT
    "$BIN/python" - "$1" <<'EOF'
import socket, sys
host, _, port = sys.argv[1].rpartition(":")
try:
    socket.create_connection((host, int(port)), timeout=1).close()
except OSError:
    sys.exit(1)
EOF
}

case $command in
    start)
        [[ -f $CONF ]] || die "no $CONF: write the instance with STORAGE=zeo first"
        address=$(cat "$VAR/zeo/address")
        if running; then
            say "already running (pid $(cat "$PIDFILE")) on $address"
            exit 0
        fi
        mkdir -p "$VAR/log"
        # Its own session, so that a Ctrl-C meant for Zope does not reach it.
        setsid "$BIN/runzeo" -C "$CONF" >>"$VAR/log/zeo-stdout.log" 2>&1 </dev/null &
        echo $! >"$PIDFILE"
        for _ in $(seq 120); do
            accepts "$address" && { say "started (pid $(cat "$PIDFILE")) on $address"; exit 0; }
            running || break
            sleep 0.5
        done
        tail -20 "$VAR/log/zeo.log" "$VAR/log/zeo-stdout.log" >&2 2>/dev/null || true
        die "the ZEO server did not start on $address"
        ;;
    stop)
        running || { rm -f "$PIDFILE"; exit 0; }
        pid=$(cat "$PIDFILE")
        kill -TERM "$pid"
        for _ in $(seq 60); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.5
        done
        kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
        rm -f "$PIDFILE"
        say "stopped"
        ;;
    status)
        running
        ;;
    around)
        [[ $# -ge 1 ]] || die "usage: $0 around VAR CMD..."
        if [[ ${STORAGE:-filestorage} != zeo ]] || running; then
            exec "$@"
        fi
        bash "${BASH_SOURCE[0]}" start "$VAR"
        status=0
        "$@" || status=$?
        bash "${BASH_SOURCE[0]}" stop "$VAR"
        exit $status
        ;;
    *)
        die "usage: $0 start|stop|status VAR"
        ;;
esac
