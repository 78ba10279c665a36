#!/usr/bin/env bash
# npm start: the whole system with demo data on this machine.
# Installs dependencies if missing, brings the servers up (or uses the ones at KAFKA_BROKERS,
# MONGO_URL, REDIS_URL), builds, then runs every service in one process. Ctrl-C stops the
# services; the servers keep running for a fast next start (`npm run infra down` stops them).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

ensure_node_modules
bash scripts/infra.sh up
build
say "starting grid-dispatch (all services in one process)"
exec node services/all-in-one/dist/main.js
