#!/usr/bin/env bash
# make fuzz: schemathesis against a live, throwaway demo portal on loopback, as four
# identities (Anonymous, the pupil lucia, the national validator val-es and the teacher
# ana, in that order: ana's calls change the most), with the checks not_a_server_error,
# status_code_conformance and response_schema_conformance against docs/openapi.yaml.
#
# Environment: FUZZ_EXAMPLES (examples per operation and phase, default 50), FUZZ_SEED (1),
#   FUZZ_RESULT (summary file, default bench/results/<date>-fuzz.json), FUZZ_VAR (var/fuzz),
#   FUZZ_IDENTITY_TIMEOUT (seconds per identity, default 0: none; a run cut short fails),
#   FUZZ_BASELINE_UPDATE=1 (add this run's failures to scripts/fuzz_baseline.json).
# scripts/fuzz_baseline.json lists accepted failures: none since a full run found none (it
# held server errors inside plone.restapi's content deserializer, since fixed: see the
# README). Exits 1 when a failure outside it was found; the summary (requests, statuses, failures per identity, seconds) is printed and
# written to FUZZ_RESULT.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
BIN=$ROOT/.venv/bin
EXAMPLES=${FUZZ_EXAMPLES:-50}
SEED=${FUZZ_SEED:-1}
RESULT=${FUZZ_RESULT:-bench/results/$(date +%F)-fuzz.json}
WORK=$(realpath -m "${FUZZ_VAR:-var/fuzz}")
IDENTITIES=(anonymous lucia val-es ana)
DEMO_PASSWORD=twinning-demo
SERVER_PID=""
say() { printf 'fuzz: %s\n' "$*"; }
cleanup() {
    if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -INT -- "-$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 20); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
        kill -KILL -- "-$SERVER_PID" 2>/dev/null || true
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

rm -rf "$WORK"
mkdir -p "$WORK"
PORT=$("$BIN/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$BIN/python" scripts/instance.py --instance "$WORK/instance" --var "$WORK/var" --port "$PORT" >/dev/null
ADMIN_PASSWORD=$("$BIN/python" -c 'import secrets; print(secrets.token_urlsafe(16))') PORT=$PORT \
    "$BIN/zconsole" run "$WORK/instance/etc/zope.conf" scripts/create_site.py >"$WORK/site.log" 2>&1 \
    || { tail -20 "$WORK/site.log"; say "FAILED: the demo site was not created"; exit 1; }
FUZZ_MAIL_QUEUE=$WORK/mailqueue "$BIN/zconsole" run "$WORK/instance/etc/zope.conf" scripts/fuzz_site.py \
    >>"$WORK/site.log" 2>&1 || { tail -20 "$WORK/site.log"; say "FAILED: mail set-up"; exit 1; }

# The server in its own process group (stopped as a group on exit).
"$BIN/python" -c '
import os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_DFL)
os.setsid()
os.execv(sys.argv[1], sys.argv[1:])
' "$BIN/runwsgi" "$WORK/instance/etc/zope.ini" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
URL=http://127.0.0.1:$PORT/Plone
for _ in $(seq 120); do
    curl -fs -o /dev/null "$URL" && break
    sleep 1
done
curl -fs -o /dev/null "$URL" || { tail -20 "$WORK/server.log"; say "FAILED: no answer"; exit 1; }
# The served document is the committed one.
curl -fs -H 'Accept: application/json' "$URL/@twinning-openapi" >"$WORK/served.json"
"$BIN/python" - "$WORK/served.json" <<'PY'
import json, sys, yaml
served = json.load(open(sys.argv[1]))
committed = yaml.safe_load(open("docs/openapi.yaml"))
served.pop("servers"), committed.pop("servers")
assert served == committed, "@twinning-openapi differs from docs/openapi.yaml"
PY
say "portal $URL; $EXAMPLES examples per operation, seed $SEED"

RUNS=()
for identity in "${IDENTITIES[@]}"; do
    auth=()
    [[ $identity != anonymous ]] && auth=(--auth "$identity:$DEMO_PASSWORD")
    reports=$WORK/reports/$identity
    start=$(date +%s.%N)
    set +e
    PYTHONPATH=$ROOT/scripts SCHEMATHESIS_HOOKS=fuzz_hooks timeout --kill-after=10 "${FUZZ_IDENTITY_TIMEOUT:-0}" \
        "$BIN/schemathesis" \
        --config-file scripts/fuzz.toml run docs/openapi.yaml \
        --url "$URL" -H "Accept: application/json" "${auth[@]}" \
        --checks not_a_server_error,status_code_conformance,response_schema_conformance \
        --max-examples "$EXAMPLES" --seed "$SEED" --workers 1 --no-color \
        --baseline scripts/fuzz_baseline.json ${FUZZ_BASELINE_UPDATE:+--baseline-update} \
        --report ndjson --report-dir "$reports" >"$WORK/$identity.log" 2>&1
    code=$?
    set -e
    seconds=$("$BIN/python" -c "import sys, time; print(time.time() - float(sys.argv[1]))" "$(date -d @"$start" +%s.%N 2>/dev/null || echo "$start")")
    say "$identity: exit $code in ${seconds%.*}s (log $WORK/$identity.log)"
    RUNS+=("$identity=$reports:$seconds:$code")
done

"$BIN/python" scripts/fuzz_summary.py "$RESULT" "$EXAMPLES" "$SEED" "${RUNS[@]}"
