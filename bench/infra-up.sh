#!/usr/bin/env bash
# Times `scripts/infra.sh up`: cold (project caches and data removed: the Kafka jars are copied
# again and FerretDB is built again) and warm (everything cached, servers stopped).
# Stops only servers this script's `up` started. Appends to bench/results/infra-up.jsonl.
#   bash bench/infra-up.sh [--keep-caches]
set -euo pipefail
cd "$(dirname "$0")/.."
status=$(bash scripts/infra.sh status 2>/dev/null || true)
if echo "$status" | grep -q ' up '; then
  if echo "$status" | grep ' up ' | grep -qv 'started by infra'; then
    echo "a server not started by scripts/infra.sh is running; stop it first" >&2
    exit 1
  fi
  bash scripts/infra.sh down
fi
cold=null
if [ "${1:-}" != "--keep-caches" ]; then
  rm -rf .cache .data .run
  t0=$(date +%s%N)
  bash scripts/infra.sh up
  cold=$((($(date +%s%N) - t0) / 1000000))
  bash scripts/infra.sh down
fi
t0=$(date +%s%N)
bash scripts/infra.sh up
warm=$((($(date +%s%N) - t0) / 1000000))
line=$(printf '{"at":"%s","benchmark":"infra-up","coldMs":%s,"warmMs":%s,"note":"cold = .cache/.data removed; Maven (~/.m2) and Go build caches of the machine stay warm"}' \
  "$(date -u +%FT%TZ)" "$cold" "$warm")
echo "$line"
mkdir -p bench/results && echo "$line" >>bench/results/infra-up.jsonl
