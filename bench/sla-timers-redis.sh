#!/usr/bin/env bash
# A private, throw-away Redis for the SLA timer benchmark's Redis-setting experiments (e.g. `hz`,
# `hash-max-listpack-value`), so the shared server's configuration is never changed.
# Same settings as infra/redis/redis.conf.template (loopback, AOF everysec, noeviction), plus any
# `--name value` overrides given after the port.
#
#   bash bench/sla-timers-redis.sh start 6399 --hz 100 --hash-max-listpack-value 512
#   REDIS_URL=redis://127.0.0.1:6399 node bench/dist/sla-timers.js --only bullmq
#   bash bench/sla-timers-redis.sh stop 6399
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cmd=${1:?usage: sla-timers-redis.sh start|stop PORT [--option value ...]}
port=${2:?port}
shift 2
dir="/tmp/bench-sla-redis-$port"

case "$cmd" in
  start)
    [ "$port" != 6389 ] || { echo "refusing to use the shared Redis port" >&2; exit 1; }
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "something already listens on 127.0.0.1:$port" >&2
      exit 1
    fi
    mkdir -p "$dir"
    sed -e "s#@@PORT@@#$port#g" -e "s#@@DATA_DIR@@#$dir#g" "$ROOT/infra/redis/redis.conf.template" >"$dir/redis.conf"
    redis-server "$dir/redis.conf" "$@" >"$dir/redis.log" 2>&1 &
    echo $! >"$dir/pid"
    for _ in $(seq 50); do
      if redis-cli -p "$port" ping >/dev/null 2>&1; then
        echo "private redis on 127.0.0.1:$port (pid $(cat "$dir/pid")) $*"
        exit 0
      fi
      sleep 0.1
    done
    echo "redis did not start; see $dir/redis.log" >&2
    exit 1
    ;;
  stop)
    if [ -f "$dir/pid" ]; then
      pid=$(cat "$dir/pid")
      if grep -q redis-server "/proc/$pid/cmdline" 2>/dev/null; then kill "$pid"; fi
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: sla-timers-redis.sh start|stop PORT [--option value ...]" >&2
    exit 1
    ;;
esac
