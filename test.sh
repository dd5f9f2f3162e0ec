#!/usr/bin/env bash
# The whole test suite: formatting, unit and integration tests on SQLite, the integration tests again on a real
# PostgreSQL 15 started here, and browser tests in Chromium. Ends with "Summary: N passed, N failed".
# With CI=true a missing PostgreSQL or Chromium fails the run; nothing is ever skipped silently.
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
CI=${CI:-false}
PG_VERSION=15
PGBIN=/usr/lib/postgresql/$PG_VERSION/bin
CHROMIUM=${REGISTER_CHROMIUM:-/usr/bin/chromium}
RESULTS=$ROOT/artifacts/test-results
WORK=$(mktemp -d /tmp/register-test.XXXXXX)
notes=()
failed_steps=()
passed=0
failed=0

log() { printf '\n== %s\n' "$*"; }

can_install() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; }

apt_install() {
  if [ -z "${APT_UPDATED:-}" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 || true
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1
}

stop_postgres() {
  if [ -n "${PGDATA_DIR:-}" ] && [ -f "$PGDATA_DIR/postmaster.pid" ]; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m fast stop >/dev/null 2>&1 \
      || "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m fast stop >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap stop_postgres EXIT

start_postgres() {
  if [ ! -x "$PGBIN/initdb" ]; then
    if can_install; then
      log "Installing PostgreSQL $PG_VERSION with apt-get"
      apt_install postgresql-$PG_VERSION postgresql-contrib-$PG_VERSION || apt_install postgresql
    fi
  fi
  if [ ! -x "$PGBIN/initdb" ]; then
    return 1
  fi
  PGDATA_DIR=$WORK/pgdata
  mkdir -p "$PGDATA_DIR" "$WORK/sock"
  PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 55432)
  local as=()
  if [ "$(id -u)" = 0 ]; then
    chown -R postgres:postgres "$WORK"
    as=(runuser -u postgres --)
  fi
  "${as[@]}" "$PGBIN/initdb" -D "$PGDATA_DIR" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 || { cat "$WORK/initdb.log"; return 1; }
  "${as[@]}" "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -l "$WORK/server.log" \
    -o "-p $PG_PORT -k $WORK/sock -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    -w start >/dev/null || { cat "$WORK/server.log"; return 1; }
  export REGISTER_TEST_PG="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=20"
  return 0
}

# Runs one dotnet test pass and adds its counts to the totals.
run_tests() {
  local name=$1; shift
  log "Tests: $name"
  local out=$RESULTS/$name.log
  rm -f "$RESULTS/$name.trx"
  dotnet test tests/CustomerRegister.Tests --no-build --logger "console;verbosity=normal" \
    --logger "trx;LogFileName=$name.trx" --results-directory "$RESULTS" "$@" 2>&1 | tee "$out" \
    | grep -E "^\s+(Failed|Skipped) [A-Z]|^\s+Passed |Error Message|Assert" | grep -v "Failed executing" || true
  local trx=$RESULTS/$name.trx counters
  counters=$(grep -oE '<Counters [^>]*>' "$trx" 2>/dev/null | head -n 1)
  if [ -z "$counters" ]; then
    failed_steps+=("$name (no test results: see $out)")
    failed=$((failed + 1))
    return
  fi
  local f p total executed
  f=$(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")
  p=$(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")
  total=$(sed -E 's/.* total="([0-9]+)".*/\1/' <<<"$counters")
  executed=$(sed -E 's/.* executed="([0-9]+)".*/\1/' <<<"$counters")
  passed=$((passed + p)); failed=$((failed + f))
  [ "$total" != "$executed" ] && notes+=("$name: $((total - executed)) NOT EXECUTED (skipped)")
  if [ "$f" != 0 ]; then
    failed_steps+=("$name ($f failed)")
    # Each failed test by name with the first line of its message, printed under Results so a log tail says what broke.
    python3 - "$trx" "$name" >>"$WORK/failed-tests.txt" <<'PY' || true
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for r in ET.parse(sys.argv[1]).getroot().iterfind(".//t:UnitTestResult", ns):
    if r.get("outcome") == "Failed":
        m = r.find(".//t:Message", ns)
        lines = (m.text or "").strip().splitlines() if m is not None else []
        print(f"{sys.argv[2]}: {r.get('testName')}: {lines[0][:300] if lines else ''}")
PY
  fi
  [ "$p" = 0 ] && failed_steps+=("$name ran no test")
  notes+=("$name: $p passed, $f failed")
}

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p "$RESULTS"

log "Restore, format check, build"
dotnet tool restore >/dev/null || failed_steps+=("dotnet tool restore")
if dotnet build CustomerRegister.sln -nologo -clp:ErrorsOnly 2>&1 | tail -n 30; [ "${PIPESTATUS[0]}" -ne 0 ]; then
  echo "Build failed."
  echo "Summary: 0 passed, 1 failed"
  exit 1
fi
if dotnet format CustomerRegister.sln --verify-no-changes --no-restore >"$WORK/format.log" 2>&1; then
  notes+=("format: clean")
else
  cat "$WORK/format.log" | head -n 40
  failed_steps+=("dotnet format --verify-no-changes")
  failed=$((failed + 1))
fi

# Redocly CLI for the OpenAPI lint test (OpenApiDocumentTests), pinned by tools/openapi-lint/package-lock.json. Without
# it that test fails, so a missing npm is named here too.
log "Installing the OpenAPI linter (npm ci)"
if ! command -v npm >/dev/null 2>&1 && can_install; then
  apt_install nodejs npm || true
fi
if ! npm ci --prefix tools/openapi-lint --no-audit --no-fund --loglevel=error >"$WORK/npm.log" 2>&1; then
  cat "$WORK/npm.log" | tail -n 20
  failed_steps+=("npm ci --prefix tools/openapi-lint (the OpenAPI lint test will fail)")
  failed=$((failed + 1))
fi

browser_filter=""
if [ ! -x "$CHROMIUM" ] && can_install; then
  log "Installing Chromium with apt-get"
  apt_install chromium || true
fi
if [ ! -x "$CHROMIUM" ]; then
  if [ "$CI" = true ]; then
    failed_steps+=("Chromium missing at $CHROMIUM (CI=true)")
    failed=$((failed + 1))
  fi
  notes+=("BROWSER TESTS NOT RUN: no Chromium at $CHROMIUM")
  browser_filter="Category!=Browser"
fi

REGISTER_TEST_DB=sqlite run_tests sqlite --filter "Category!=Postgres${browser_filter:+&$browser_filter}"

log "Starting PostgreSQL $PG_VERSION"
if start_postgres; then
  REGISTER_TEST_DB=postgres run_tests postgres --filter "Category=Integration|Category=Postgres"
else
  if [ "$CI" = true ]; then
    failed_steps+=("PostgreSQL $PG_VERSION could not be started (CI=true)")
    failed=$((failed + 1))
  fi
  notes+=("POSTGRESQL TESTS NOT RUN: PostgreSQL $PG_VERSION could not be started")
fi

log "Results"
for n in "${notes[@]}"; do echo "  $n"; done
for s in "${failed_steps[@]}"; do echo "  FAILED: $s"; done
[ -s "$WORK/failed-tests.txt" ] && sed 's/^/  FAILED TEST: /' "$WORK/failed-tests.txt"
echo "Summary: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ ${#failed_steps[@]} -eq 0 ]
