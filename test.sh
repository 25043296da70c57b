#!/usr/bin/env bash
# Runs the whole test suite, then the API and Core tests a second time on PostgreSQL. Installs what the tests need
# when it is missing, from Debian's packages: Chromium (browser tests), python3-aiosmtpd (a real SMTP server),
# sqlite3, a CJK font (Chinese screenshots), postgresql (the second pass), dnsmasq-base (a real DNS server for DNS
# monitors), prometheus (its promtool parses /metrics) and redis-server (the cluster pass).
set -euo pipefail
cd "$(dirname "$0")"

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || need+=(python3-aiosmtpd)
command -v sqlite3 >/dev/null || need+=(sqlite3)
# Chinese pages in browser tests and their screenshots need a CJK font (else every character is a box).
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/sbin/dnsmasq ] || need+=(dnsmasq-base)
command -v redis-server >/dev/null || need+=(redis-server)
# Only promtool is wanted from prometheus: no recommended extras (node exporter and the like).
lean=()
command -v promtool >/dev/null || lean+=(prometheus)
if [ $(( ${#need[@]} + ${#lean[@]} )) -gt 0 ]; then
  echo "Installing test prerequisites: ${need[*]} ${lean[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  [ ${#need[@]} -eq 0 ] || DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
  [ ${#lean[@]} -eq 0 ] || DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${lean[@]}" >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log=$(mktemp)
pg_dir=""
# Cleaning up must never change the verdict: under `set -e` a failing command in the EXIT trap would turn a green
# run into exit 1 (a run with 0 failed tests once ended so), so every step here reports and carries on.
cleanup() {
  rm -f "$log" || true
  if [ -n "$pg_dir" ] && ! scripts/stop-postgres.sh "$pg_dir"; then
    echo "warning: the test PostgreSQL could not be stopped and removed cleanly" >&2
  fi
}
trap cleanup EXIT
status=0 first=0 second=0 third=0
# The cluster tests (several server processes, PostgreSQL, Redis) run in a pass of their own at the end.
first_args=("$@")
[ $# -gt 0 ] || first_args=(--filter "Category!=Cluster")
dotnet test Dashboard.sln --logger "console;verbosity=normal" "${first_args[@]}" 2>&1 | tee "$log" || first=$?

# The same API and pipeline tests on a throwaway PostgreSQL (Storage:Provider=PostgreSQL), except the ones that
# are about SQLite itself (its file, schema, backup and compaction: Category=SqliteOnly). Skipped when the caller
# narrowed the first pass with arguments of its own.
if [ $# -eq 0 ]; then
  eval "$(scripts/start-postgres.sh)"
  pg_dir=$PG_TEST_DIR
  echo "=== second pass: API and Core tests on PostgreSQL ==="
  PROBEDASHBOARD_TEST_POSTGRES=$PROBEDASHBOARD_TEST_POSTGRES dotnet test Dashboard.sln --no-build --logger "console;verbosity=normal" \
    --filter "Category!=Browser&Category!=SqliteOnly&(FullyQualifiedName~ProbeDashboard.Tests.Api|FullyQualifiedName~ProbeDashboard.Tests.Core)" \
    2>&1 | tee -a "$log" || second=$?
  # Multi-process cluster tests on the same PostgreSQL server (each in a database of its own) with a real
  # redis-server: bounded, a few minutes.
  echo "=== third pass: cluster tests (server processes on PostgreSQL and Redis) ==="
  PROBEDASHBOARD_TEST_POSTGRES=$PROBEDASHBOARD_TEST_POSTGRES timeout 900 dotnet test Dashboard.sln --no-build \
    --logger "console;verbosity=normal" --filter "Category=Cluster" 2>&1 | tee -a "$log" || third=$?
fi
[ "$first" -eq 0 ] || status=$first
[ "$second" -eq 0 ] || status=$second
[ "$third" -eq 0 ] || status=$third

# One plain closing line for both passes, whatever the runner prints above it.
passed=$(awk '/^[ \t]+Passed: [0-9]+/ {n += $2} END {print n + 0}' "$log")
failed=$(awk '/^[ \t]+Failed: [0-9]+/ {n += $2} END {print n + 0}' "$log")
# CI shows only the end of the log: repeat each failure's name, message and first stack lines here.
if [ "${failed:-0}" != 0 ]; then
  echo "=== failed tests ==="
  awk '/^  Failed [A-Za-z]/ {n=30} /^  Passed |^(info|warn|fail): / {n=0} n>0 {print; n--}' "$log"
fi
# A run can fail with no failed test (a test host that crashed or aborted, a fixture whose cleanup threw): say why.
if [ "$status" -ne 0 ]; then
  echo "=== the test runner exited with $first (first pass), $second (PostgreSQL pass) and $third (cluster pass); its own errors ==="
  grep -E "Test Run Aborted|aborted|crashed|Catastrophic|Cleanup Failure|error [A-Z]+[0-9]+:" "$log" | sort | uniq -c | head -20 || true
fi
echo "tests: ${passed:-0} passed, ${failed:-0} failed"
exit $status
