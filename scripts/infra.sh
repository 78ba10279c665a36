#!/usr/bin/env bash
# Provisions the real servers grid-dispatch needs on a machine without Docker:
#   kafka  Apache Kafka 4.x, one KRaft node, jars from Maven Central, run on Java 17
#   postgres  Debian's PostgreSQL, a cluster of the project's own: FerretDB's storage
#   mongo  FerretDB 1.24.2 (MongoDB wire protocol) on that PostgreSQL, built from its Go module
#   redis  Debian's redis-server, AOF on, noeviction
#
# usage: scripts/infra.sh up|down|status|logs|prepare [kafka|postgres|mongo|redis ...]
#   (`up mongo` brings its PostgreSQL up first; `down` stops servers in the reverse order)
#   prepare: fetch and build what `up` would run, without starting anything (tests that start
#   servers of their own need the binaries even when shared servers are already running)
#
# Addresses come from KAFKA_BROKERS, POSTGRES_URL, MONGO_URL and REDIS_URL (defaults below). A server already
# reachable there is used as it is and never started or stopped by this script.
# Downloads and builds are cached in .cache/, data lives in .data/, PIDs and logs in .run/
# (all git-ignored), so a second `up` takes seconds and `down` stops exactly what `up` started.
# With INFRA_STARTED_FILE set, `up` appends the names of the servers it started to that file.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="$ROOT/.cache"
DATA="$ROOT/.data"
RUN="$ROOT/.run"

KAFKA_VERSION=4.1.1
FERRETDB_VERSION=v1.24.2

KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:19092}"
POSTGRES_URL="${POSTGRES_URL:-postgres://postgres@127.0.0.1:27029/ferretdb}"
MONGO_URL="${MONGO_URL:-mongodb://127.0.0.1:27027/grid-dispatch}"
REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6389}"
# In start order: FerretDB needs its PostgreSQL.
ALL_SERVERS=(kafka postgres mongo redis)

log() { printf '[infra %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf '[infra] error: %s\n' "$*" >&2; exit 1; }

# host:port of the first address in a URL or broker list.
endpoint_of() {
  case "$1" in
    kafka) echo "${KAFKA_BROKERS%%,*}" ;;
    postgres) local u="${POSTGRES_URL#*://}"; u="${u#*@}"; echo "${u%%/*}" ;;
    mongo) local u="${MONGO_URL#*://}"; u="${u#*@}"; u="${u%%/*}"; echo "${u%%,*}" ;;
    redis) local u="${REDIS_URL#*://}"; u="${u#*@}"; echo "${u%%/*}" ;;
  esac
}
host_of() { local e; e=$(endpoint_of "$1"); echo "${e%:*}"; }
port_of() { local e; e=$(endpoint_of "$1"); echo "${e##*:}"; }

reachable() { (exec 3<>"/dev/tcp/$(host_of "$1")/$(port_of "$1")") 2>/dev/null; }

pid_file() { echo "$RUN/$1.pid"; }
log_file() { echo "$RUN/$1.log"; }

# The PID in the file, if that process is alive and still is the server we started (PIDs get reused).
running_pid() {
  local f pid
  f=$(pid_file "$1")
  [ -f "$f" ] || return 1
  pid=$(cat "$f")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  grep -q "$(cmd_marker "$1")" "/proc/$pid/cmdline" 2>/dev/null || return 1
  echo "$pid"
}
cmd_marker() {
  case "$1" in
    kafka) echo "kafka.Kafka" ;;
    postgres) echo "postgres" ;;
    mongo) echo "ferretdb" ;;
    redis) echo "redis-server" ;;
  esac
}

need_tool() { command -v "$1" >/dev/null 2>&1 || die "$1 not found: $2"; }

is_loopback() { case "$(host_of "$1")" in 127.*|localhost|::1|'[::1]') return 0 ;; *) return 1 ;; esac; }

wait_for_port() {
  local name=$1 seconds=$2 pid=$3 i
  for ((i = 0; i < seconds * 5; i++)); do
    reachable "$name" && return 0
    kill -0 "$pid" 2>/dev/null || { tail -n 20 "$(log_file "$name")" >&2; die "$name exited while starting; see $(log_file "$name")"; }
    sleep 0.2
  done
  tail -n 20 "$(log_file "$name")" >&2
  die "$name did not listen on $(endpoint_of "$name") within ${seconds}s; see $(log_file "$name")"
}

start_detached() {
  local name=$1; shift
  mkdir -p "$RUN"
  # setsid: the server survives the shell that started it and gets no terminal signals (Ctrl-C in npm start).
  setsid "$@" >>"$(log_file "$name")" 2>&1 < /dev/null &
  echo $! >"$(pid_file "$name")"
}

# ---------- Kafka ----------
kafka_libs() {
  local dir="$CACHE/kafka-$KAFKA_VERSION/libs"
  if [ ! -f "$dir/.complete" ]; then
    need_tool java "install Java 17 (apt-get install openjdk-17-jre-headless)"
    need_tool mvn "install Maven (apt-get install maven)"
    log "kafka: fetching broker jars $KAFKA_VERSION from Maven Central (first time only, ~45 MB)"
    rm -rf "$dir"
    mvn -q -B -Dstyle.color=never -f "$ROOT/infra/kafka/pom.xml" -Dkafka.version="$KAFKA_VERSION" \
      dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$dir" >&2 \
      || die "kafka: Maven could not fetch the broker jars (see the output above)"
    touch "$dir/.complete"
  fi
  echo "$dir"
}

up_kafka() {
  local libs port cport data conf
  libs=$(kafka_libs)
  port=$(port_of kafka); cport=$((port + 1))
  data="$DATA/kafka"; conf="$RUN/kafka.properties"
  mkdir -p "$data" "$RUN"
  sed -e "s#@@PORT@@#$port#g" -e "s#@@CONTROLLER_PORT@@#$cport#g" -e "s#@@DATA_DIR@@#$data#g" \
    "$ROOT/infra/kafka/server.properties.template" >"$conf"
  if [ ! -f "$data/meta.properties" ]; then
    log "kafka: formatting KRaft storage in $data"
    java -cp "$libs/*" -Dlog4j2.configurationFile="$ROOT/infra/kafka/log4j2.yaml" kafka.tools.StorageTool \
      format -t "$(java -cp "$libs/*" kafka.tools.StorageTool random-uuid 2>/dev/null)" -c "$conf" >/dev/null \
      || die "kafka: storage format failed"
  fi
  log "kafka: starting on 127.0.0.1:$port (controller $cport)"
  start_detached kafka java -Xms256m -Xmx${KAFKA_HEAP:-768m} -XX:+UseG1GC \
    -Dlog4j2.configurationFile="$ROOT/infra/kafka/log4j2.yaml" -cp "$libs/*" kafka.Kafka "$conf"
  wait_for_port kafka 90 "$(cat "$(pid_file kafka)")"
}

# ---------- FerretDB ----------
ferretdb_bin() {
  local bin="$CACHE/bin/ferretdb-$FERRETDB_VERSION"
  if [ ! -x "$bin" ]; then
    need_tool go "install Go 1.22 or newer"
    log "mongo: building FerretDB $FERRETDB_VERSION from its Go module (first time only, about a minute)"
    local src="$CACHE/build/ferretdb-$FERRETDB_VERSION" moddir
    mkdir -p "$CACHE"
    moddir=$(cd "$CACHE" && go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
    [ -n "$moddir" ] && [ -d "$moddir" ] || die "mongo: could not download the FerretDB module from the Go module proxy"
    rm -rf "$src"; mkdir -p "$(dirname "$src")" "$CACHE/bin"
    cp -r "$moddir" "$src"; chmod -R u+w "$src"
    # The published module leaves build/version/version.txt empty (it is generated from git in
    # FerretDB's own builds) and the binary panics at start without it.
    echo "$FERRETDB_VERSION" >"$src/build/version/version.txt"
    (cd "$src" && go build -trimpath -o "$bin.tmp" ./cmd/ferretdb) >&2 || die "mongo: go build of FerretDB failed"
    mv "$bin.tmp" "$bin"
    rm -rf "$src"
  fi
  echo "$bin"
}

up_mongo() {
  local bin port
  bin=$(ferretdb_bin)
  port=$(port_of mongo)
  reachable postgres || up_if_down postgres
  mkdir -p "$DATA/ferretdb-state"
  if compgen -G "$DATA/ferretdb/*.sqlite" >/dev/null; then
    log "mongo: $DATA/ferretdb holds an earlier version's SQLite store; it is left there unused" \
      "(the PostgreSQL store starts empty and npm start loads the demo district again; see README)"
  fi
  log "mongo: starting FerretDB $FERRETDB_VERSION (PostgreSQL) on 127.0.0.1:$port"
  # Each update FerretDB runs holds one pooled PostgreSQL connection for its query while it takes a
  # second for the write: a pool smaller than twice the updates in flight deadlocks (seen with the
  # default 50 under the test suites). PostgreSQL allows max_connections (500, see its template).
  local url="$POSTGRES_URL"
  case "$url" in *pool_max_conns=*) ;; *\?*) url="$url&pool_max_conns=400" ;; *) url="$url?pool_max_conns=400" ;; esac
  # Go's collector runs each time the heap doubles (GOGC=100); FerretDB allocates a lot per command
  # (BSON to and from jsonb), so it collected often: at 400 it took a fifth less CPU under load
  # (40 reports/s) and its memory stayed near 120 MB. FERRETDB_GOGC sets it.
  GOGC="${FERRETDB_GOGC:-400}" start_detached mongo "$bin" --handler=postgresql --postgresql-url="$url" \
    --state-dir="$DATA/ferretdb-state" --listen-addr="127.0.0.1:$port" \
    --telemetry=disable --debug-addr=- --log-level=warn
  wait_for_port mongo 30 "$(cat "$(pid_file mongo)")"
}

# ---------- PostgreSQL (FerretDB's storage) ----------
# The newest PostgreSQL server Debian installed (postgresql-15 on Debian 12).
pg_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/postgres" ] && echo "$dir"
}

ensure_postgres_server() {
  pg_bindir >/dev/null && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "postgres: installing Debian's postgresql (apt-get)"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null \
      || die "postgres: apt-get install postgresql failed"
  fi
  pg_bindir >/dev/null || die "PostgreSQL server not found: install it (apt-get install postgresql)"
}

# PostgreSQL refuses to run as root: as root, the cluster belongs to (and runs as) `postgres`.
as_pg_owner() {
  if [ "$(id -u)" = 0 ]; then setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"; else "$@"; fi
}

# As root, `postgres` must reach its folders: a clone inside a private folder (mktemp -d makes
# them 0700) gets search permission (o+x, not read) on each folder above .data that lacks it.
pg_open_path() {
  [ "$(id -u)" = 0 ] || return 0
  local dir="" part
  local IFS=/
  for part in $1; do
    [ -n "$part" ] || continue
    dir="$dir/$part"
    if ! as_pg_owner test -x "$dir" 2>/dev/null; then
      log "postgres: letting the postgres user pass through $dir (chmod o+x)"
      chmod o+x "$dir"
    fi
  done
}

pg_port() { port_of postgres; }
pg_psql() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$(pg_port)" -U postgres "$@"; }

up_postgres() {
  ensure_postgres_server
  local bin data="$DATA/postgres" sockets="$RUN/postgres-sockets" conf="$RUN/postgresql.conf" i
  bin=$(pg_bindir)
  mkdir -p "$data" "$sockets" "$RUN"
  if [ "$(id -u)" = 0 ]; then
    pg_open_path "$DATA"; pg_open_path "$RUN"
    chown postgres:postgres "$data" "$sockets"
  fi
  chmod 700 "$data"
  if [ ! -f "$data/PG_VERSION" ]; then
    log "postgres: creating the cluster in $data (UTF8, C.UTF-8)"
    as_pg_owner "$bin/initdb" -D "$data" --username=postgres --auth=trust --encoding=UTF8 \
      --locale=C.UTF-8 >>"$(log_file postgres)" 2>&1 || die "postgres: initdb failed; see $(log_file postgres)"
  fi
  sed -e "s#@@PORT@@#$(pg_port)#g" -e "s#@@SOCKET_DIR@@#$sockets#g" \
    "$ROOT/infra/postgres/postgresql.conf.template" >"$conf"
  log "postgres: starting PostgreSQL $(basename "$(dirname "$bin")") on 127.0.0.1:$(pg_port)"
  local server=("$bin/postgres" -D "$data" -c config_file="$conf")
  [ "$(id -u)" = 0 ] && server=(setpriv --reuid=postgres --regid=postgres --init-groups -- "${server[@]}")
  start_detached postgres "${server[@]}"
  wait_for_port postgres 60 "$(cat "$(pid_file postgres)")"
  for ((i = 0; i < 150; i++)); do
    "$bin/pg_isready" -q -h 127.0.0.1 -p "$(pg_port)" && break
    sleep 0.2
  done
  pg_prepare_database
}

# FerretDB's database, and the event trigger that gives its indexes a GIN sibling (the SQL file
# explains why). Idempotent; run at every start.
pg_prepare_database() {
  local db="${POSTGRES_URL##*/}"
  db="${db%%\?*}"
  if [ -z "$(pg_psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
    pg_psql -d postgres -c "CREATE DATABASE \"$db\"" || die "postgres: could not create database $db"
  fi
  pg_psql -d "$db" -f "$ROOT/infra/postgres/gin-beside-btree.sql" >/dev/null \
    || die "postgres: installing the GIN index trigger failed"
}

# ---------- Redis ----------
ensure_redis_server() {
  if ! command -v redis-server >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      log "redis: installing Debian's redis-server (apt-get)"
      apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null \
        || die "redis: apt-get install redis-server failed"
    else
      die "redis-server not found: install it (apt-get install redis-server)"
    fi
  fi
}

up_redis() {
  ensure_redis_server
  local port=$(port_of redis) conf="$RUN/redis.conf"
  mkdir -p "$DATA/redis" "$RUN"
  sed -e "s#@@PORT@@#$port#g" -e "s#@@DATA_DIR@@#$DATA/redis#g" "$ROOT/infra/redis/redis.conf.template" >"$conf"
  log "redis: starting on 127.0.0.1:$port (AOF on, noeviction)"
  start_detached redis redis-server "$conf"
  wait_for_port redis 20 "$(cat "$(pid_file redis)")"
}

# ---------- commands ----------
# Starts one server unless something already answers at its address.
up_if_down() {
  local name=$1
  if reachable "$name"; then
    log "$name: reachable at $(endpoint_of "$name"), using it"
    return 0
  fi
  is_loopback "$name" || die "$name: nothing answers at $(endpoint_of "$name") and it is not on this machine; start it there or unset the URL"
  "up_$name"
  [ -n "${INFRA_STARTED_FILE:-}" ] && echo "$name" >>"$INFRA_STARTED_FILE"
  return 0
}

cmd_up() {
  local t0=$SECONDS name
  for name in "$@"; do up_if_down "$name"; done
  log "all servers up in $((SECONDS - t0))s"
}

# PostgreSQL's TERM waits for every client to leave; INT is its "fast" shutdown (still clean).
stop_signal() { [ "$1" = postgres ] && echo INT || echo TERM; }

cmd_down() {
  local name pid i k
  # Reverse order: FerretDB stops before the PostgreSQL under it.
  for ((k = $#; k >= 1; k--)); do
    name=${!k}
    if ! pid=$(running_pid "$name"); then
      rm -f "$(pid_file "$name")"
      log "$name: not started by this script, leaving it alone"
      continue
    fi
    log "$name: stopping pid $pid"
    kill -"$(stop_signal "$name")" "$pid" 2>/dev/null || true
    for ((i = 0; i < 150; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then
      log "$name: still running after 30s, killing"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$(pid_file "$name")"
  done
}

cmd_status() {
  local name pid state rc=0
  for name in "$@"; do
    if reachable "$name"; then state=up; else state=down; rc=1; fi
    if pid=$(running_pid "$name"); then pid="pid $pid (started by infra)"; else pid="not started by infra"; fi
    printf '%-8s %-5s %-28s %s\n' "$name" "$state" "$(endpoint_of "$name")" "$pid"
  done
  return $rc
}

cmd_prepare() {
  local name
  for name in "$@"; do
    case "$name" in
      kafka) kafka_libs >/dev/null ;;
      postgres) ensure_postgres_server ;;
      mongo) ferretdb_bin >/dev/null ;;
      redis) ensure_redis_server ;;
    esac
  done
}

cmd_logs() {
  local name
  for name in "$@"; do
    echo "==> $(log_file "$name") <=="
    tail -n "${LINES_TO_SHOW:-40}" "$(log_file "$name")" 2>/dev/null || echo "(no log)"
  done
}

main() {
  local cmd=${1:-}; shift || true
  local names=("$@")
  [ ${#names[@]} -gt 0 ] || names=("${ALL_SERVERS[@]}")
  for n in "${names[@]}"; do
    case "$n" in kafka|postgres|mongo|redis) ;; *) die "unknown server '$n' (kafka, postgres, mongo or redis)" ;; esac
  done
  case "$cmd" in
    up) cmd_up "${names[@]}" ;;
    down) cmd_down "${names[@]}" ;;
    status) cmd_status "${names[@]}" ;;
    logs) cmd_logs "${names[@]}" ;;
    prepare) cmd_prepare "${names[@]}" ;;
    *) echo "usage: scripts/infra.sh up|down|status|logs|prepare [kafka|postgres|mongo|redis ...]" >&2; exit 2 ;;
  esac
}

main "$@"
