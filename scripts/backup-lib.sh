# shellcheck shell=bash
# Shared by scripts/backup.sh and scripts/restore.sh (sourced, never run): which store holds the
# data and how to reach it.
#
#   MONGO_URL     the database the services use (default: the FerretDB of scripts/infra.sh)
#   POSTGRES_URL  the PostgreSQL under that FerretDB (default: infra's cluster,
#                 postgres://postgres@127.0.0.1:27029/ferretdb); PGHOST, PGPORT, PGUSER and
#                 PGDATABASE, when set, override its parts (PGPASSWORD is read as usual)

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/lib.sh
. "$ROOT/scripts/lib.sh"

# shellcheck disable=SC2034 # read by backup.sh and restore.sh
readonly BACKUP_FORMAT=grid-dispatch-backup/1 MANIFEST=manifest.txt PG_DUMP_FILE=postgres.dump \
  MONGO_ARCHIVE_FILE=mongo.archive.gz

# shellcheck disable=SC2034 # read by backup.sh
MONGO_URL_GIVEN=${MONGO_URL:+yes}
MONGO_URL="${MONGO_URL:-mongodb://127.0.0.1:27027/grid-dispatch}"
POSTGRES_URL="${POSTGRES_URL:-postgres://postgres@127.0.0.1:27029/ferretdb}"

# die MESSAGE [WHAT TO DO NEXT ...]: one error line, then one indented line per hint.
die() {
  printf '[grid-dispatch] error: %s\n' "$1" >&2
  shift
  local hint
  for hint in "$@"; do printf '  -> %s\n' "$hint" >&2; done
  exit 1
}

# A URL with its password (if any) masked, for messages and the manifest.
redacted() { sed -E 's#(://[^:/@]*):[^@/]*@#\1:***@#' <<<"$1"; }

# The database named in MONGO_URL (mongodb://[user[:pass]@]host[,host]/DB[?options]).
mongo_database() {
  local rest="${MONGO_URL#*://}"
  case "$rest" in
    */*) rest="${rest#*/}"; echo "${rest%%\?*}" ;;
    *) echo "" ;;
  esac
}

# host:port of (the first server in) MONGO_URL, and whether anything listens there.
mongo_endpoint() {
  local rest="${MONGO_URL#*://}"
  rest="${rest#*@}"; rest="${rest%%/*}"; rest="${rest%%\?*}"; rest="${rest%%,*}"
  [[ $rest == *:* ]] || rest="$rest:27017"
  echo "$rest"
}
mongo_listening() {
  local endpoint
  endpoint=$(mongo_endpoint)
  (exec 3<>"/dev/tcp/${endpoint%:*}/${endpoint##*:}") 2>/dev/null
}

# PG* from POSTGRES_URL, unless already set. Exported: every PostgreSQL tool reads them.
pg_settings() {
  local rest authority userinfo="" hostport path db user pass host port
  rest="${POSTGRES_URL#*://}"
  authority="${rest%%/*}"
  path="${rest#"$authority"}"
  db="${path#/}"; db="${db%%\?*}"
  if [[ $authority == *@* ]]; then userinfo="${authority%@*}"; hostport="${authority##*@}"; else hostport=$authority; fi
  user="${userinfo%%:*}"
  pass=""; [[ $userinfo == *:* ]] && pass="${userinfo#*:}"
  host="${hostport%:*}"; port=5432
  [[ $hostport == *:* ]] && port="${hostport##*:}"
  export PGHOST="${PGHOST:-${host:-127.0.0.1}}"
  export PGPORT="${PGPORT:-$port}"
  export PGUSER="${PGUSER:-${user:-postgres}}"
  export PGDATABASE="${PGDATABASE:-${db:-ferretdb}}"
  if [ -n "$pass" ] && [ -z "${PGPASSWORD:-}" ]; then export PGPASSWORD="$pass"; fi
  export PGCONNECT_TIMEOUT="${PGCONNECT_TIMEOUT:-10}"
}
pg_where() { echo "$PGHOST:$PGPORT/$PGDATABASE"; }

# The PostgreSQL tools, from the newest Debian PostgreSQL installed (as scripts/infra.sh picks its
# server: a pg_dump older than the server refuses to dump it), else whatever is on PATH.
pg_tool() {
  local dir
  dir=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$dir" ] && [ -x "$dir/$1" ]; then
    echo "$dir/$1"
  elif command -v "$1" >/dev/null 2>&1; then
    command -v "$1"
  else
    die "$1 not found" "install PostgreSQL's client tools: apt-get install postgresql-client (or: bash scripts/infra.sh prepare postgres)"
  fi
}

pg_sql() { PGOPTIONS="-c client_min_messages=warning" "$(pg_tool psql)" -X -q -At -v ON_ERROR_STOP=1 "$@"; }

pg_require_server() {
  if ! "$(pg_tool pg_isready)" -q -t 10 -d postgres >/dev/null 2>&1; then
    die "no PostgreSQL answers at $PGHOST:$PGPORT" \
      "start the project's servers: bash scripts/infra.sh up postgres mongo" \
      "or point PGHOST/PGPORT (or POSTGRES_URL) at the cluster under your FerretDB"
  fi
}

pg_database_exists() {
  [ -n "$(pg_sql -d postgres -v db="$1" <<<"SELECT 1 FROM pg_database WHERE datname = :'db';")" ]
}

# One line per FerretDB database (a PostgreSQL schema with FerretDB's catalog table) in
# $PGDATABASE: "<name> <tickets>". The count is read straight from the ticket table the catalog
# names, so it works while FerretDB is down and never sees FerretDB's cached view.
ferret_ticket_counts() {
  pg_sql -F ' ' <<'SQL'
WITH dbs AS (
  SELECT schemaname AS db FROM pg_tables WHERE tablename = '_ferretdb_database_metadata'
), tables AS (
  SELECT db, (xpath('/row/t/text()', NULLIF(query_to_xml(format(
    'SELECT _jsonb->>%L AS t FROM %I._ferretdb_database_metadata WHERE _jsonb->>%L = %L',
    'table', db, '_id', 'tickets'), false, true, '')::text, '')::xml))[1]::text AS tbl
  FROM dbs
)
SELECT db, CASE WHEN tbl IS NULL THEN 0 ELSE (xpath('/row/c/text()', query_to_xml(format(
    'SELECT count(*) AS c FROM %I.%I', db, tbl), false, true, '')))[1]::text::bigint END
FROM tables ORDER BY db;
SQL
}

# Asks the server at MONGO_URL with the MongoDB driver the project already installed:
#   kind       "ferretdb <version>" or "mongodb <version>"
#   databases  the database names, space-separated (without admin, local, config)
#   tickets    the number of tickets in MONGO_URL's database
# Fails (status 2) when node or the driver is missing, 1 when the server does not answer.
mongo_ask() {
  command -v node >/dev/null 2>&1 && [ -d "$ROOT/node_modules/mongodb" ] || return 2
  # shellcheck disable=SC2016 # JavaScript, not shell
  (cd "$ROOT" && MONGO_URL="$MONGO_URL" timeout 30 node -e '
const { MongoClient } = require("mongodb");
const client = new MongoClient(process.env.MONGO_URL, { serverSelectionTimeoutMS: 5000 });
const ask = {
  async kind() {
    const info = await client.db("admin").command({ buildInfo: 1 });
    return info.ferretdbVersion ? `ferretdb ${info.ferretdbVersion}` : `mongodb ${info.version}`;
  },
  async databases() {
    const { databases } = await client.db("admin").command({ listDatabases: 1, nameOnly: true });
    return databases.map((d) => d.name).filter((n) => !["admin", "local", "config"].includes(n)).sort().join(" ");
  },
  async tickets() {
    return String(await client.db().collection("tickets").countDocuments());
  },
};
ask[process.argv[1]]()
  .then((answer) => console.log(answer))
  .catch((error) => {
    console.error(error.message);
    process.exitCode = 1;
  })
  .finally(() => client.close());
' "$1")
}

need_mongo_tool() {
  command -v "$1" >/dev/null 2>&1 && return 0
  die "$1 not found: it comes with MongoDB's Database Tools, which this machine lacks" \
    "install them: the mongodb-database-tools package from MongoDB's own apt repository (or its .deb/.tgz download)" \
    "or run scripts/$2 on a machine or container that has $1 and reaches MONGO_URL"
}

# The FerretDB that scripts/infra.sh started, if it is the one serving MONGO_URL from this very
# PostgreSQL database: its PID. Nothing (status 1) for any other FerretDB, which this script
# must leave alone.
infra_ferretdb_pid() {
  local pid_file="$ROOT/.run/mongo.pid" pid cmdline port
  [ -f "$pid_file" ] || return 1
  pid=$(cat "$pid_file")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
  port=$(mongo_endpoint); port="${port##*:}"
  [[ $cmdline == *ferretdb* ]] || return 1
  [[ $cmdline == *"--listen-addr=127.0.0.1:$port "* ]] || return 1
  case "$PGHOST" in 127.*|localhost) ;; *) return 1 ;; esac
  [[ $cmdline == *"--postgresql-url="*":$PGPORT/$PGDATABASE"[?\ ]* ]] || return 1
  echo "$pid"
}

# key=value from a manifest.
manifest_get() { sed -n "s/^$2=//p" "$1/$MANIFEST" | head -n 1; }
