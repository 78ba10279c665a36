#!/usr/bin/env bash
# Backs up everything grid-dispatch stores: tickets with their histories and outboxes, photos,
# users, areas, units, categories, responsibility lists, calendars, KPI records and summaries.
#
# usage: scripts/backup.sh [DIR]
#   DIR  a new (or empty) folder for the backup (default: .data/backups/grid-dispatch-<UTC time>)
#
# FerretDB on PostgreSQL (scripts/infra.sh): pg_dump -Fc of the PostgreSQL database FerretDB keeps
#   everything in, taken from the running cluster (one consistent snapshot, so the services may
#   keep running). Where: POSTGRES_URL / PGHOST, PGPORT, PGUSER, PGDATABASE (see backup-lib.sh).
# MongoDB (docker-compose.yml): mongodump --archive --gzip of MONGO_URL's database.
# The store is BACKUP_STORE (ferretdb or mongodb) when set, else whatever answers at MONGO_URL.
#
# Redis is not in a backup: it holds timers, locks, caches and stamps only, all rebuilt from the
# database (the sla service's reconciler re-arms every deadline from the tickets at start).
# Beside the data file, manifest.txt says when, from which commit and store, which databases and
# how many tickets each; scripts/restore.sh checks the restore against it.
set -euo pipefail
# shellcheck source=scripts/backup-lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/backup-lib.sh"

usage() {
  cat <<EOF
usage: scripts/backup.sh [DIR]
  DIR  a new or empty folder for the backup (default: .data/backups/grid-dispatch-<UTC time>)
Environment: MONGO_URL, BACKUP_STORE=ferretdb|mongodb, POSTGRES_URL or PGHOST/PGPORT/PGUSER/PGDATABASE.
Restore with: scripts/restore.sh DIR
EOF
}

dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    -h | --help) usage; exit 0 ;;
    --) shift; [ $# -gt 0 ] && dir=$1; break ;;
    -*) usage >&2; die "unknown option $1" ;;
    *) [ -z "$dir" ] || { usage >&2; die "one folder only (got '$dir' and '$1')"; }; dir=$1 ;;
  esac
  shift
done

started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
stamp=$(date -u +%Y%m%dT%H%M%SZ)
dir="${dir:-$ROOT/.data/backups/grid-dispatch-$stamp}"
if [ -e "$dir" ] && { [ ! -d "$dir" ] || [ -n "$(ls -A "$dir")" ]; }; then
  die "$dir exists and is not an empty folder" "give a new folder, e.g. $dir/grid-dispatch-$stamp"
fi

# ---------- which store ----------
store="${BACKUP_STORE:-}"
server_kind=""
case "$store" in
  ferretdb | mongodb) server_kind=$(mongo_ask kind 2>/dev/null) || true ;;
  "")
    if server_kind=$(mongo_ask kind 2>/dev/null); then
      store=${server_kind%% *}
    elif [ -z "$MONGO_URL_GIVEN" ]; then
      store=ferretdb
      say "backup: no FerretDB answers at $MONGO_URL; backing up its PostgreSQL anyway"
    else
      die "cannot tell whether MONGO_URL ($(redacted "$MONGO_URL")) is FerretDB or MongoDB: nothing answered (or node/npm dependencies are missing)" \
        "start the database, or say which: BACKUP_STORE=ferretdb (PostgreSQL under FerretDB) or BACKUP_STORE=mongodb (mongodump)"
    fi
    ;;
  *) die "BACKUP_STORE must be ferretdb or mongodb, not '$store'" ;;
esac
if [ "$store" = ferretdb ] && [[ $server_kind == mongodb* ]]; then
  die "BACKUP_STORE=ferretdb, but MONGO_URL ($(redacted "$MONGO_URL")) is a real MongoDB" "unset BACKUP_STORE (or set it to mongodb)"
fi
mongo_db=$(mongo_database)
if [ "$store" = mongodb ]; then need_mongo_tool mongodump backup.sh; fi

# ---------- the folder, removed again if the backup fails ----------
umask 077 # a backup holds password hashes, reporters' contacts and photos
created_dir=""
[ -d "$dir" ] || created_dir=yes
mkdir -p "$dir" || die "cannot create $dir" "check the path and its permissions, or give another folder"
dir="$(cd "$dir" && pwd)"
finished=""
cleanup() {
  [ -n "$finished" ] && return
  if [ -n "$created_dir" ]; then rm -rf "$dir"; else rm -f "$dir"/*.partial "$dir/$MANIFEST"; fi
  printf '[grid-dispatch] backup failed; nothing was kept in %s\n' "$dir" >&2
}
trap cleanup EXIT

commit=$(git -C "$ROOT" rev-parse HEAD 2>/dev/null || echo unknown)
if [ "$commit" != unknown ] && [ -n "$(git -C "$ROOT" --no-optional-locks status --porcelain --untracked-files=no 2>/dev/null)" ]; then
  commit="$commit (with uncommitted changes)"
fi
manifest=(
  "format=$BACKUP_FORMAT"
  "created=$started"
  "git_commit=$commit"
  "store=$store"
  "mongo_url=$(redacted "$MONGO_URL")"
  "mongo_database=$mongo_db"
)

# Rows of the COPY blocks pg_restore prints for one table of the dump.
dump_rows() {
  "$(pg_tool pg_restore)" --data-only --schema="$1" --table="$2" -f - "$dir/$PG_DUMP_FILE" \
    | awk '/^COPY /{on=1; next} /^\\\.$/{on=0} on{n++} END{print n+0}'
}
# The table FerretDB keeps a collection in, from the catalog inside the dump.
dump_table_of() {
  "$(pg_tool pg_restore)" --data-only --schema="$1" --table=_ferretdb_database_metadata -f - "$dir/$PG_DUMP_FILE" \
    | awk -v id="\"_id\": \"$2\"" 'index($0, id) && t == "" && match($0, /"table": "[^"]*"/) {
        t = substr($0, RSTART + 10, RLENGTH - 11)
      }
      END { print t }'
}

backup_ferretdb() {
  pg_settings
  pg_require_server
  pg_database_exists "$PGDATABASE" || die "PostgreSQL at $PGHOST:$PGPORT has no database '$PGDATABASE'" \
    "is this the cluster under your FerretDB? set PGDATABASE (or POSTGRES_URL) to the database FerretDB uses"
  # The PostgreSQL must be the one under the FerretDB at MONGO_URL (when that answers).
  local live
  live=$(ferret_ticket_counts | cut -d' ' -f1 | tr '\n' ' ')
  if [ -n "$mongo_db" ] && [[ " $live " != *" $mongo_db "* ]]; then
    local served=""
    [[ $server_kind == ferretdb* ]] && served=$(mongo_ask databases 2>/dev/null || true)
    if [[ " $served " == *" $mongo_db "* ]]; then
      die "the FerretDB at MONGO_URL has a database '$mongo_db', but $(pg_where) does not: this PostgreSQL is not the one under that FerretDB" \
        "point PGHOST/PGPORT/PGDATABASE (or POSTGRES_URL) at the PostgreSQL database your FerretDB uses"
    fi
    say "backup: note: MONGO_URL's database '$mongo_db' does not exist (yet) in $(pg_where)"
  fi
  local pg_dump server_version t0=$SECONDS
  pg_dump=$(pg_tool pg_dump)
  server_version=$(pg_sql -d postgres -c 'SHOW server_version')
  say "backup: FerretDB store: pg_dump of PostgreSQL $server_version database $(pg_where) into $dir"
  "$pg_dump" --format=custom --lock-wait-timeout=60s --file="$dir/$PG_DUMP_FILE.partial" "$PGDATABASE" \
    || die "pg_dump failed (its message is above)" "check the PostgreSQL log (bash scripts/infra.sh logs postgres) and try again"
  mv "$dir/$PG_DUMP_FILE.partial" "$dir/$PG_DUMP_FILE"
  say "backup: dumped $(du -h "$dir/$PG_DUMP_FILE" | cut -f1) in $((SECONDS - t0))s; reading it back to count tickets"

  # The FerretDB databases and their tickets, read from the dump itself: exactly what it holds.
  local dbs db table n
  dbs=$("$(pg_tool pg_restore)" --list "$dir/$PG_DUMP_FILE" \
    | awk '$4 == "TABLE" && $5 == "DATA" && $7 == "_ferretdb_database_metadata" {print $6}' | sort -u | tr '\n' ' ')
  dbs=${dbs% }
  manifest+=(
    "ferretdb_version=$(if [[ $server_kind == ferretdb* ]]; then echo "${server_kind#* }"; else echo unknown; fi)"
    "postgres_server=$server_version"
    "pg_dump=$("$pg_dump" --version)"
    "source=$PGHOST:$PGPORT/$PGDATABASE"
    "databases=$dbs"
  )
  for db in $dbs; do
    table=$(dump_table_of "$db" tickets)
    n=0
    [ -z "$table" ] || n=$(dump_rows "$db" "$table")
    manifest+=("tickets.$db=$n")
    say "backup:   database $db: tickets $n"
  done
  manifest+=("file=$PG_DUMP_FILE")
}

backup_mongodb() {
  [ -n "$mongo_db" ] || die "MONGO_URL ($(redacted "$MONGO_URL")) names no database" "add it, e.g. mongodb://mongo:27017/grid-dispatch"
  local t0=$SECONDS n
  say "backup: MongoDB store: mongodump of database $mongo_db at $(redacted "$MONGO_URL") into $dir"
  mongodump --uri="$MONGO_URL" --archive="$dir/$MONGO_ARCHIVE_FILE.partial" --gzip \
    || die "mongodump failed (its message is above)" "check that MONGO_URL reaches the database from here, with a user allowed to read it"
  mv "$dir/$MONGO_ARCHIVE_FILE.partial" "$dir/$MONGO_ARCHIVE_FILE"
  say "backup: dumped $(du -h "$dir/$MONGO_ARCHIVE_FILE" | cut -f1) in $((SECONDS - t0))s"
  n=$(mongo_ask tickets 2>/dev/null || echo unknown)
  say "backup:   database $mongo_db: tickets $n (counted just after the dump)"
  manifest+=(
    "mongodb_version=$(if [[ $server_kind == mongodb* ]]; then echo "${server_kind#* }"; else echo unknown; fi)"
    "mongodump=$(mongodump --version 2>/dev/null | head -n 1)"
    "databases=$mongo_db"
    "tickets.$mongo_db=$n"
    "file=$MONGO_ARCHIVE_FILE"
  )
}

"backup_$store"

file=$(printf '%s\n' "${manifest[@]}" | sed -n 's/^file=//p')
manifest+=("bytes=$(stat -c %s "$dir/$file")" "sha256=$(sha256sum "$dir/$file" | cut -d' ' -f1)")
printf '%s\n' "${manifest[@]}" >"$dir/$MANIFEST.partial"
mv "$dir/$MANIFEST.partial" "$dir/$MANIFEST"
finished=yes
say "backup: done: $dir ($file + $MANIFEST)"
say "backup: keep a copy off this machine; restore into an empty system with: bash scripts/restore.sh $dir"
