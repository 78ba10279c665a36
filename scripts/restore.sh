#!/usr/bin/env bash
# Restores a backup of scripts/backup.sh into an EMPTY system: one whose database holds no tickets
# (servers up, e.g. `bash scripts/infra.sh up`, and the services stopped). It refuses a database
# that has tickets unless --force, which replaces them.
#
# usage: scripts/restore.sh [--force] DIR
#
# FerretDB backups (postgres.dump): the backup's FerretDB databases are dropped from the target
# PostgreSQL database (POSTGRES_URL / PGHOST, PGPORT, PGUSER, PGDATABASE; see backup-lib.sh) and
# pg_restore puts them back in one transaction. FerretDB caches its catalog and does not see
# tables that appear underneath it, so it must restart: the FerretDB scripts/infra.sh runs for
# this database is stopped during the restore and started again after it; any other one is left
# alone and must be restarted by whoever runs it (the script says so).
# MongoDB backups (mongo.archive.gz): mongorestore --drop into MONGO_URL's database.
#
# Redis is not restored: start the services and they rebuild it (the sla service re-arms every
# deadline from the tickets at start). Use a fresh Redis, or the same one: stale timers find
# nothing to do and the reconciler removes them.
set -euo pipefail
# shellcheck source=scripts/backup-lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/backup-lib.sh"

usage() {
  cat <<EOF
usage: scripts/restore.sh [--force] DIR
  DIR      a folder made by scripts/backup.sh
  --force  restore even though the target already holds tickets (they are replaced)
Environment: MONGO_URL, POSTGRES_URL or PGHOST/PGPORT/PGUSER/PGDATABASE (the target).
EOF
}

force=""
dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    -h | --help) usage; exit 0 ;;
    -f | --force) force=yes ;;
    --) shift; [ $# -gt 0 ] && dir=$1; break ;;
    -*) usage >&2; die "unknown option $1" ;;
    *) [ -z "$dir" ] || { usage >&2; die "one folder only (got '$dir' and '$1')"; }; dir=$1 ;;
  esac
  shift
done
[ -n "$dir" ] || { usage >&2; die "which backup? give its folder" "list them: ls $ROOT/.data/backups"; }
[ -f "$dir/$MANIFEST" ] || die "$dir is not a backup: it has no $MANIFEST" "give a folder made by scripts/backup.sh"
dir="$(cd "$dir" && pwd)"

# ---------- the backup ----------
format=$(manifest_get "$dir" format)
[ "$format" = "$BACKUP_FORMAT" ] || die "$dir/$MANIFEST is format '$format'; this script reads $BACKUP_FORMAT" \
  "restore it with the scripts of the commit that made it ($(manifest_get "$dir" git_commit))"
store=$(manifest_get "$dir" store)
file=$(manifest_get "$dir" file)
backup_dbs=$(manifest_get "$dir" databases)
[ -f "$dir/$file" ] || die "$dir/$file is missing" "copy the whole backup folder, not only $MANIFEST"
say "restore: checking $dir/$file ($store backup of $(manifest_get "$dir" created), commit $(manifest_get "$dir" git_commit))"
[ "$(sha256sum "$dir/$file" | cut -d' ' -f1)" = "$(manifest_get "$dir" sha256)" ] \
  || die "$dir/$file does not match the checksum in $MANIFEST: it is damaged or incomplete" "copy it again from where you keep your backups"
target_db=$(mongo_database)
if [ "$store" = mongodb ]; then need_mongo_tool mongorestore restore.sh; fi

refuse_occupied() {
  [ $# -gt 0 ] || return 0
  local list
  list=$(printf '%s, ' "$@"); list=${list%, }
  if [ -n "$force" ]; then
    say "restore: --force: replacing $list"
    return 0
  fi
  die "the target already holds tickets: $list; restore.sh only restores into an empty system" \
    "to keep them, back them up first: bash scripts/backup.sh" \
    "to replace them with the backup: bash scripts/restore.sh --force $dir" \
    "or restore elsewhere: point MONGO_URL (and PGHOST/PGPORT/PGDATABASE) at an empty system"
}

# ---------- FerretDB on PostgreSQL ----------
ferret_pid=""
restart_infra_ferretdb() {
  [ -n "$ferret_pid" ] || return 0
  ferret_pid=""
  say "restore: starting FerretDB again (bash scripts/infra.sh up mongo)"
  bash "$ROOT/scripts/infra.sh" up mongo || printf '[grid-dispatch] error: FerretDB did not start; run: bash scripts/infra.sh up mongo\n' >&2
}

restore_ferretdb() {
  pg_settings
  pg_require_server
  local pg_restore t0=$SECONDS name n occupied=() expected
  pg_restore=$(pg_tool pg_restore)
  if ! pg_database_exists "$PGDATABASE"; then
    say "restore: creating database $PGDATABASE at $PGHOST:$PGPORT"
    pg_sql -d postgres -v db="$PGDATABASE" <<<'CREATE DATABASE :"db";'
  fi
  while read -r name n; do
    [ -n "$name" ] || continue
    if [ "$n" -gt 0 ] && [[ " $backup_dbs $target_db " == *" $name "* ]]; then occupied+=("$name (tickets: $n)"); fi
  done < <(ferret_ticket_counts)
  refuse_occupied "${occupied[@]}"

  if ferret_pid=$(infra_ferretdb_pid); then
    say "restore: stopping FerretDB (pid $ferret_pid) for the restore: it caches its catalog"
    trap restart_infra_ferretdb EXIT
    bash "$ROOT/scripts/infra.sh" down mongo
  fi

  # One transaction: the backup's databases dropped where present, then pg_restore's script (its
  # --clean drops what else of the dump exists), COMMIT only when pg_restore read the whole dump.
  # The GIN index triggers of infra/postgres/gin-beside-btree.sql go too (they would fire on the
  # restored indexes with pg_restore's empty search_path, and fail); the file puts them back below.
  say "restore: into PostgreSQL database $(pg_where), in one transaction: dropping the backup's databases ($backup_dbs) where present, then pg_restore"
  {
    echo 'BEGIN;'
    echo 'DROP EVENT TRIGGER IF EXISTS gd_add_gin_beside_btree;'
    echo 'DROP EVENT TRIGGER IF EXISTS gd_drop_gin_beside_btree;'
    for name in $backup_dbs; do printf 'DROP SCHEMA IF EXISTS "%s" CASCADE;\n' "${name//\"/\"\"}"; done
    if "$pg_restore" --clean --if-exists --no-owner --no-acl --file=- "$dir/$file"; then
      echo 'COMMIT;'
    else
      echo 'ROLLBACK;'
      # shellcheck disable=SC2016 # SQL, not shell
      echo 'DO $$ BEGIN RAISE EXCEPTION $m$pg_restore could not read the whole backup$m$; END $$;'
    fi
  } | pg_sql -d "$PGDATABASE" >/dev/null \
    || die "the restore failed (the messages above say why) and was rolled back: the target is as it was" \
      "fix the cause and run the restore again"
  # As scripts/infra.sh does at every start: FerretDB's indexes get their GIN twins (backfilled
  # for a backup taken from a database without the trigger).
  pg_sql -d "$PGDATABASE" -f "$ROOT/infra/postgres/gin-beside-btree.sql" >/dev/null
  pg_sql -d "$PGDATABASE" -c 'ANALYZE'
  say "restore: restored in $((SECONDS - t0))s; checking the ticket counts against $MANIFEST"

  local counts
  counts=$(ferret_ticket_counts)
  for name in $backup_dbs; do
    expected=$(manifest_get "$dir" "tickets.$name")
    n=$(awk -v db="$name" '$1 == db {print $2}' <<<"$counts")
    [ "$n" = "$expected" ] || die "database $name has ${n:-no} tickets after the restore, the backup says $expected" \
      "the restore is incomplete: run it again with --force"
    say "restore:   database $name: tickets $n"
  done
  if [ -n "$target_db" ] && [[ " $backup_dbs " != *" $target_db "* ]]; then
    say "restore: note: MONGO_URL names database '$target_db', the backup holds '$backup_dbs': point MONGO_URL at one of them"
  fi
  restart_infra_ferretdb
  if infra_ferretdb_pid >/dev/null; then
    return 0
  elif mongo_listening; then
    say "restore: RESTART the FerretDB at $(mongo_endpoint) now (scripts/infra.sh did not start it, so it is left alone):" \
      "it caches its catalog and neither sees the restored collections nor writes to them until it restarts"
  else
    say "restore: no FerretDB runs at $(mongo_endpoint): start it before the services (bash scripts/infra.sh up mongo)"
  fi
}

# ---------- MongoDB ----------
# MONGO_URL without its database (mongorestore takes one in the URI for --db, which archives do not
# support), authenticating against that database as the full URL would.
mongo_uri_without_db() {
  local scheme="${MONGO_URL%%://*}://" rest="${MONGO_URL#*://}" authority after opts="" db
  authority="${rest%%/*}"
  after="${rest#"$authority"}"
  [[ $after == *\?* ]] && opts="${after#*\?}"
  db=$(mongo_database)
  if [[ $authority == *@* ]] && [ -n "$db" ] && [[ "&$opts" != *"&authSource="* ]]; then
    opts="${opts:+$opts&}authSource=$db"
  fi
  echo "$scheme$authority/${opts:+?$opts}"
}

restore_mongodb() {
  local src n status=0 expected args
  src=$(manifest_get "$dir" mongo_database)
  [ -n "$target_db" ] || die "MONGO_URL ($(redacted "$MONGO_URL")) names no database" "add it, e.g. mongodb://mongo:27017/grid-dispatch"
  n=$(mongo_ask tickets 2>&1) || status=$?
  if [ "$status" = 2 ]; then
    [ -n "$force" ] || die "cannot check that $target_db is empty: this needs node and the project's npm dependencies (npm ci)" \
      "install them, or, if you know it holds nothing you need: bash scripts/restore.sh --force $dir"
    n=0
  elif [ "$status" != 0 ]; then
    die "cannot read $(redacted "$MONGO_URL"): $n" "start the database (docker compose up -d mongo) or fix MONGO_URL (address, user, password)"
  fi
  [ "$n" = 0 ] || refuse_occupied "$target_db (tickets: $n)"
  args=(--uri="$(mongo_uri_without_db)" --archive="$dir/$file" --gzip --drop --nsInclude="$src.*")
  [ "$src" = "$target_db" ] || args+=(--nsFrom="$src.*" --nsTo="$target_db.*")
  say "restore: mongorestore of $src into $target_db at $(redacted "$MONGO_URL")"
  mongorestore "${args[@]}" || die "mongorestore failed (its message is above)" "fix the cause and run the restore again with --force"
  expected=$(manifest_get "$dir" "tickets.$src")
  n=$(mongo_ask tickets 2>/dev/null || echo unknown)
  say "restore:   database $target_db: tickets $n (the backup counted $expected just after its dump)"
}

case "$store" in
  ferretdb | mongodb) "restore_$store" ;;
  *) die "$MANIFEST names an unknown store '$store'" ;;
esac
say "restore: done. Start the services (npm start, or docker compose up): the sla service re-arms every deadline from the tickets at start"
