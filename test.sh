#!/usr/bin/env bash
# Runs the whole test suite. Installs what the tests need when it is missing:
# Debian's Chromium (browser tests), python3-aiosmtpd (a real SMTP server for notification tests) and prometheus
# (its promtool parses /metrics).
set -euo pipefail
cd "$(dirname "$0")"

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || need+=(python3-aiosmtpd)
command -v sqlite3 >/dev/null || need+=(sqlite3)
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
trap 'rm -f "$log"' EXIT
status=0
dotnet test Dashboard.sln --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log" || status=$?
# One plain closing line, the same whatever the runner prints above it.
passed=$(grep -E '^\s+Passed: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
failed=$(grep -E '^\s+Failed: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
# CI shows only the end of the log: repeat each failure's name, message and first stack lines here.
if [ "${failed:-0}" != 0 ]; then
  echo "=== failed tests ==="
  awk '/^  Failed [A-Za-z]/ {n=30} /^  Passed |^(info|warn|fail): / {n=0} n>0 {print; n--}' "$log"
fi
echo "tests: ${passed:-0} passed, ${failed:-0} failed"
exit $status
