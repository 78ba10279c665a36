#!/usr/bin/env bash
# Provisions the real servers grid-dispatch needs on a machine without Docker:
#   kafka  Apache Kafka 4.x, one KRaft node, jars from Maven Central, run on Java 17
#   mongo  FerretDB 1.24.2 (MongoDB wire protocol) on SQLite, built from its Go module
#   redis  Debian's redis-server, AOF on, noeviction
#
# usage: scripts/infra.sh up|down|status|logs|prepare [kafka|mongo|redis ...]
#   prepare: fetch and build what `up` would run, without starting anything (tests that start
#   servers of their own need the binaries even when shared servers are already running)
#
# Addresses come from KAFKA_BROKERS, MONGO_URL and REDIS_URL (defaults below). A server already
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
MONGO_URL="${MONGO_URL:-mongodb://127.0.0.1:27027/grid-dispatch}"
REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6389}"
ALL_SERVERS=(kafka mongo redis)

log() { printf '[infra %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf '[infra] error: %s\n' "$*" >&2; exit 1; }

# host:port of the first address in a URL or broker list.
endpoint_of() {
  case "$1" in
    kafka) echo "${KAFKA_BROKERS%%,*}" ;;
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
  mkdir -p "$DATA/ferretdb" "$DATA/ferretdb-state"
  log "mongo: starting FerretDB $FERRETDB_VERSION (SQLite) on 127.0.0.1:$port"
  start_detached mongo "$bin" --handler=sqlite --sqlite-url="file:$DATA/ferretdb/" \
    --state-dir="$DATA/ferretdb-state" --listen-addr="127.0.0.1:$port" \
    --telemetry=disable --debug-addr=- --log-level=warn
  wait_for_port mongo 30 "$(cat "$(pid_file mongo)")"
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
cmd_up() {
  local t0=$SECONDS name
  for name in "$@"; do
    if reachable "$name"; then
      log "$name: reachable at $(endpoint_of "$name"), using it"
      continue
    fi
    is_loopback "$name" || die "$name: nothing answers at $(endpoint_of "$name") and it is not on this machine; start it there or unset the URL"
    "up_$name"
    [ -n "${INFRA_STARTED_FILE:-}" ] && echo "$name" >>"$INFRA_STARTED_FILE"
  done
  log "all servers up in $((SECONDS - t0))s"
}

cmd_down() {
  local name pid i
  for name in "$@"; do
    if ! pid=$(running_pid "$name"); then
      rm -f "$(pid_file "$name")"
      log "$name: not started by this script, leaving it alone"
      continue
    fi
    log "$name: stopping pid $pid"
    kill -TERM "$pid" 2>/dev/null || true
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
    printf '%-6s %-5s %-28s %s\n' "$name" "$state" "$(endpoint_of "$name")" "$pid"
  done
  return $rc
}

cmd_prepare() {
  local name
  for name in "$@"; do
    case "$name" in
      kafka) kafka_libs >/dev/null ;;
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
    case "$n" in kafka|mongo|redis) ;; *) die "unknown server '$n' (kafka, mongo or redis)" ;; esac
  done
  case "$cmd" in
    up) cmd_up "${names[@]}" ;;
    down) cmd_down "${names[@]}" ;;
    status) cmd_status "${names[@]}" ;;
    logs) cmd_logs "${names[@]}" ;;
    prepare) cmd_prepare "${names[@]}" ;;
    *) echo "usage: scripts/infra.sh up|down|status|logs|prepare [kafka|mongo|redis ...]" >&2; exit 2 ;;
  esac
}

main "$@"
