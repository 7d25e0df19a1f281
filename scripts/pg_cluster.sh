#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback, for tests, CI and trying RelStorage.
#
# Usage:
#   scripts/pg_cluster.sh start DIR [DBNAME]   start (initdb the first time) a cluster
#                                              kept in DIR on a random free port, create
#                                              DBNAME (default zodb) if missing, print
#                                              its DSN on stdout
#   scripts/pg_cluster.sh dsn DIR [DBNAME]     print the DSN of DBNAME (cluster running)
#   scripts/pg_cluster.sh stop DIR             stop the cluster (keeps its data)
#   scripts/pg_cluster.sh remove DIR           stop it and delete its data
#   scripts/pg_cluster.sh run CMD...           run CMD with PG_DSN set to a database of a new
#                                              cluster in a temporary directory, removed after
#   scripts/pg_cluster.sh install              install Debian's PostgreSQL server if missing
#   scripts/pg_cluster.sh ensure               the same as root; as another user, when it is
#                                              missing, say in one line that the scale-out tests
#                                              are skipped and why, and exit 2 (make test)
#
# Installs Debian's `postgresql` package (apt-get, as root) when no initdb is found under
# /usr/lib/postgresql/*/bin. Authentication is `trust` on 127.0.0.1 only: never use this
# for real data. Run as root, the server runs as the `postgres` system user (PostgreSQL
# refuses root); its data directory is then DIR/data, or a directory under /tmp linked
# from DIR/data when `postgres` cannot reach DIR.
#
# Example (CI): STORAGE=relstorage bash scripts/pg_cluster.sh run make bench
set -euo pipefail

say() { printf 'pg_cluster: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

PG_LIB=${PG_LIB:-/usr/lib/postgresql}  # where Debian puts the server's versions

find_bindir() {
    local dir
    for dir in $(ls -d "$PG_LIB"/*/bin 2>/dev/null | sort -V -r); do
        if [[ -x $dir/initdb && -x $dir/pg_ctl ]]; then
            printf '%s\n' "$dir"
            return 0
        fi
    done
    return 1
}

install_postgresql() {  # install_postgresql [ensure]
    find_bindir >/dev/null && return 0
    if [[ $(id -u) != 0 ]]; then
        if [[ ${1:-} == ensure ]]; then
            printf 'pg_cluster: skipping the scale-out tests (tests/scaleout, make test-scaleout): PostgreSQL is not installed and installing it needs root (apt-get install postgresql)\n' >&2
            exit 2
        fi
        die "PostgreSQL is not installed and installing it needs root (apt-get install postgresql)"
    fi
    say "installing Debian's PostgreSQL server (apt-get install postgresql)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends postgresql >&2
    find_bindir >/dev/null || die "no initdb under /usr/lib/postgresql/*/bin after installing postgresql"
}

# run_pg CMD...: run a PostgreSQL server program as the cluster's owner.
run_pg() {
    if [[ $(id -u) == 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

dsn_of() {  # dsn_of DIR DBNAME
    printf 'dbname=%s user=zodb host=127.0.0.1 port=%s\n' "$2" "$(cat "$1/port")"
}

datadir_of() { readlink -f "$1/data"; }  # the real path: postgres may not enter DIR

is_running() {  # is_running DIR
    local data
    data=$(datadir_of "$1")
    [[ -f $data/PG_VERSION ]] && run_pg "$BINDIR/pg_ctl" -D "$data" status >/dev/null 2>&1
}

make_datadir() {  # make_datadir DIR: DIR/data, owned by the server's user
    local dir=$1 data=$1/data
    [[ -e $data ]] && return 0
    if [[ $(id -u) == 0 ]]; then
        mkdir -p "$data"
        chown postgres: "$data"
        if ! runuser -u postgres -- test -w "$data"; then
            # DIR is below a directory postgres may not enter (e.g. a 0700 temp dir).
            rmdir "$data"
            local elsewhere
            elsewhere=$(mktemp -d "${TMPDIR:-/tmp}/pg_cluster.XXXXXX")
            chmod 0755 "$elsewhere"
            chown postgres: "$elsewhere"
            ln -s "$elsewhere" "$data"
        fi
    else
        mkdir -p "$data"
    fi
}

start() {  # start DIR [DBNAME]
    local dir=$1 db=${2:-zodb} data
    install_postgresql
    BINDIR=$(find_bindir)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    data=$(datadir_of "$dir")
    if [[ ! -f $data/PG_VERSION ]]; then
        make_datadir "$dir"
        data=$(datadir_of "$dir")
        run_pg "$BINDIR/initdb" -D "$data" -U zodb -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
            || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
        # Loopback only; the Unix socket goes into the data directory.
        cat >>"$data/postgresql.conf" <<EOF

# pg_cluster.sh: a throwaway cluster on loopback
listen_addresses = '127.0.0.1'
unix_socket_directories = '$(readlink -f "$data")'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
shared_buffers = 128MB
EOF
    fi
    if ! is_running "$dir"; then
        free_port >"$dir/port"
        run_pg "$BINDIR/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
            -o "-p $(cat "$dir/port")" start >/dev/null \
            || { tail -20 "$data/server.log" >&2 || true; die "the server did not start"; }
    fi
    local port
    port=$(cat "$dir/port")
    if [[ -z $(run_pg "$BINDIR/psql" -h 127.0.0.1 -p "$port" -U zodb -d postgres -tAc \
            "SELECT 1 FROM pg_database WHERE datname = '$db'") ]]; then
        run_pg "$BINDIR/createdb" -h 127.0.0.1 -p "$port" -U zodb "$db"
    fi
    dsn_of "$dir" "$db"
}

stop() {  # stop DIR
    local dir=$1
    BINDIR=$(find_bindir) || return 0
    [[ -d $dir ]] || return 0
    if is_running "$dir"; then
        run_pg "$BINDIR/pg_ctl" -D "$(datadir_of "$dir")" -m fast -w -t 60 stop >/dev/null
    fi
}

remove() {  # remove DIR
    local dir=$1 data
    [[ -d $dir ]] || return 0
    stop "$dir"
    data=$(datadir_of "$dir")
    rm -rf "$data" "$dir/data" "$dir/port" "$dir/initdb.log"
}

RUN_DIR=""
run_with() {  # run_with CMD...
    local status=0
    RUN_DIR=$(mktemp -d "${TMPDIR:-/tmp}/pg_cluster-run.XXXXXX")
    trap 'remove "$RUN_DIR/pg"; rm -rf "$RUN_DIR"' EXIT
    PG_DSN=$(start "$RUN_DIR/pg")
    export PG_DSN
    say "PG_DSN=$PG_DSN"
    "$@" || status=$?
    exit $status
}

command=${1:-}
case $command in
    run) [[ $# -ge 2 ]] || die "usage: $0 run CMD..."; shift; run_with "$@" ;;
    start) [[ $# -ge 2 ]] || die "usage: $0 start DIR [DBNAME]"; start "$2" "${3:-}" ;;
    dsn) [[ $# -ge 2 ]] || die "usage: $0 dsn DIR [DBNAME]"; dsn_of "$2" "${3:-zodb}" ;;
    stop) [[ $# -eq 2 ]] || die "usage: $0 stop DIR"; stop "$2" ;;
    remove) [[ $# -eq 2 ]] || die "usage: $0 remove DIR"; remove "$2" ;;
    install) install_postgresql ;;
    ensure) install_postgresql ensure ;;
    *) die "usage: $0 start|dsn|stop|remove DIR, $0 run CMD..., or $0 install|ensure" ;;
esac
