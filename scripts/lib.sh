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
  npx tsc -b || return 1
  # The web pages: typechecked on their own (DOM, JSX), then bundled into services/live/public.
  say "building the web pages (vite)"
  npx tsc -p services/live/web --noEmit || { say "web pages: type errors (above)"; return 1; }
  npx vite build --config services/live/web/vite.config.ts --logLevel warn \
    || { say "web pages: vite build failed (above)"; return 1; }
}
