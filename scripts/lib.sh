# Shared by start.sh and test.sh: one place that makes a fresh clone runnable.
say() { printf '[grid-dispatch %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

# Installs node_modules when missing or older than the lockfile (npm ci: exactly the lockfile).
ensure_node_modules() {
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm dependencies (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

build() {
  say "building TypeScript (tsc -b)"
  npx tsc -b
}
