#!/usr/bin/env bash
# Copy the FileStorage site of VAR (filestorage/Data.fs with blobstorage/) into RelStorage
# on PostgreSQL with RelStorage's zodbconvert, then check the copy (scripts/check_migration.py:
# object ids, a sample of records byte for byte, every blob, a catalog query).
#
# Usage: PG_DSN="dbname=zodb user=zodb host=..." scripts/migrate_to_relstorage.sh VAR
#        (or: make migrate-to-relstorage PG_DSN=... [VAR_DIR=var])
# Environment:
#   PG_DSN            the destination database (required); RelStorage creates its tables
#   CLEAR=1           empty the destination first (zodbconvert --clear); without it a
#                     destination holding data is refused
#   MIGRATION_SAMPLE  records compared byte for byte (default 2000, 0: all)
#   SITE_ID           the site whose catalog is queried (default Plone)
#
# Stop the Zope instances (or the ZEO server) writing to the FileStorage first: the copy is
# of the transactions committed when it starts. Afterwards serve the copy with
#   STORAGE=relstorage PG_DSN=... make run
# Written along the way: VAR/migration/zodbconvert.conf, and a RelStorage instance used by
# the check in VAR/migration/instance (its blob cache in VAR/migration/var).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=${BIN:-$ROOT/.venv/bin}
say() { printf 'migrate-to-relstorage: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

[[ $# -eq 1 ]] || die "usage: PG_DSN=... $0 VAR"
[[ -n ${PG_DSN:-} ]] || die "set PG_DSN to the destination database, e.g. PG_DSN='dbname=zodb user=zodb host=127.0.0.1 port=5432'"
[[ $PG_DSN != *$'\n'* ]] || die "PG_DSN must be on one line"
VAR=$(cd "$1" 2>/dev/null && pwd) || die "no directory $1"
[[ -f $VAR/filestorage/Data.fs ]] || die "no FileStorage at $VAR/filestorage/Data.fs"
[[ -d $VAR/blobstorage ]] || die "no blob directory at $VAR/blobstorage"

WORK=$VAR/migration
mkdir -p "$WORK/blobcache"
DSN_ZCONFIG=${PG_DSN//\$/\$\$}  # `$` starts a substitution in ZConfig
cat >"$WORK/zodbconvert.conf" <<EOF
# zodbconvert configuration written by scripts/migrate_to_relstorage.sh:
# source = the FileStorage and blobs of make run, opened read-only;
# destination = RelStorage on PostgreSQL, history-free, blobs in the database
# (the same settings as etc/storage-relstorage.conf.in).
%import relstorage

<filestorage source>
  path $VAR/filestorage/Data.fs
  blob-dir $VAR/blobstorage
  read-only true
</filestorage>

<relstorage destination>
  keep-history false
  shared-blob-dir false
  blob-dir $WORK/blobcache
  <postgresql>
    dsn $DSN_ZCONFIG
  </postgresql>
</relstorage>
EOF

args=()
[[ ${CLEAR:-} == 1 ]] && args+=(--clear)
say "copying $VAR/filestorage/Data.fs and its blobs with zodbconvert ${args[*]:-}"
start=$SECONDS
"$BIN/zodbconvert" "${args[@]}" "$WORK/zodbconvert.conf"
say "copied in $((SECONDS - start)) s; checking the copy"

"$BIN/python" "$ROOT/scripts/instance.py" --instance "$WORK/instance" --var "$WORK/var" \
    --storage relstorage --pg-dsn "$PG_DSN" >/dev/null
SOURCE_VAR=$VAR "$BIN/zconsole" run "$WORK/instance/etc/zope.conf" "$ROOT/scripts/check_migration.py"
say "done: serve it with STORAGE=relstorage PG_DSN='...' make run"
