#!/usr/bin/env bash
# npm test: the same setup as npm start, then lint, unit, integration, end-to-end and browser
# suites with mocha against the real servers, and the chaos suite on servers of its own (it kills
# them). Stops the servers it started (and only those); exits non-zero on any failure; ends with
# one line "tests: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

started=$(mktemp)
artifacts=test-artifacts
mkdir -p "$artifacts"
cleanup() {
  if [ -s "$started" ]; then
    say "stopping the servers this run started: $(tr '\n' ' ' <"$started")"
    # shellcheck disable=SC2046
    bash scripts/infra.sh down $(cat "$started") || true
  fi
  rm -f "$started"
}
trap cleanup EXIT

t0=$SECONDS
ensure_node_modules || exit 1
if ! command -v docker-compose >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  say "installing Debian's docker-compose (validates docker-compose.yml without a Docker engine)"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose) >/dev/null 2>&1 \
    || say "warning: could not install docker-compose; its check will fail"
fi
# The browser suite drives Debian's chromium (playwright-core downloads no browser); a CJK font
# makes its screenshots readable. Without chromium that suite fails, naming the missing package.
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  want=""
  [ -x /usr/bin/chromium ] || want="chromium"
  fc-list 2>/dev/null | grep -qiE 'wqy|cjk' || want="$want fonts-wqy-microhei"
  if [ -n "$want" ]; then
    say "installing Debian's$want for the browser tests"
    # shellcheck disable=SC2086
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $want) >/dev/null 2>&1 \
      || say "warning: could not install$want"
  fi
fi
[ -x /usr/bin/chromium ] \
  || say "error: /usr/bin/chromium is missing (apt-get install chromium); the browser suite will fail"
# The binaries first: some tests start servers of their own even when shared ones are running.
bash scripts/infra.sh prepare || exit 1
INFRA_STARTED_FILE="$started" bash scripts/infra.sh up || exit 1
build || exit 1

say "lint and format check (biome)"
npx biome check . || { say "lint failed: run 'npm run format' and fix what biome reports"; exit 1; }

passed=0 failed=0 skipped=0 status=0
run_suite() {
  local name=$1 log="$artifacts/mocha-$1.log"
  say "suite: $name"
  npx mocha --config "test/.mocharc.$name.json" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  local p f s
  p=$(grep -Eo '^ +[0-9]+ passing' "$log" | grep -Eo '[0-9]+' | tail -1)
  f=$(grep -Eo '^ +[0-9]+ failing' "$log" | grep -Eo '[0-9]+' | tail -1)
  s=$(grep -Eo '^ +[0-9]+ pending' "$log" | grep -Eo '[0-9]+' | tail -1)
  passed=$((passed + ${p:-0})) failed=$((failed + ${f:-0})) skipped=$((skipped + ${s:-0}))
  if [ "$rc" -ne 0 ]; then
    status=1
    # A suite that crashed before reporting counts as a failure even with no "failing" line.
    [ -z "$f" ] && failed=$((failed + 1))
  fi
}
run_suite unit
run_suite integration
run_suite e2e
run_suite chaos
run_suite browser

say "all suites done in $((SECONDS - t0))s"
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit $status
