#!/usr/bin/env bash
# Idle memory of the single executable (issue #19): publishes it (README "Deploy" command, plus any extra publish
# arguments), copies the file alone into an empty directory, starts it on 127.0.0.1 with a fresh data directory,
# fetches /login and blazor.web.js (the first page load), waits, and prints one line: file size, start to healthy,
# VmRSS and its anon/file/shmem parts, PSS, and the load average. Nothing is kept afterwards.
#
#   scripts/measure-idle-rss.sh                                   # publish as documented, measure once
#   scripts/measure-idle-rss.sh -o /tmp/pub-compressed -- -p:EnableCompressionInSingleFile=true
#   scripts/measure-idle-rss.sh --exe /tmp/pub-compressed/ProbeDashboard --runs 3 --env DOTNET_TieredPGO=0
#   scripts/measure-idle-rss.sh --exe FILE --detail               # also the 20 mappings holding the most RSS
#
# Options: --exe FILE (measure this file, no publish), -o DIR (publish here and keep it; default a temporary
# folder), --runs N, --wait SECONDS (after the page load; default 15), --env NAME=VALUE (repeatable), --label TEXT,
# --detail. Arguments after -- go to `dotnet publish`. The machine is shared: alternate builds between runs and
# treat differences under ~10 MB as noise.
set -euo pipefail
cd "$(dirname "$0")/.."

exe="" out="" runs=1 wait_s=15 detail=0 label="" envs=() publish_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --exe) exe=$2; shift 2 ;;
    -o) out=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --wait) wait_s=$2; shift 2 ;;
    --env) envs+=("$2"); shift 2 ;;
    --label) label=$2; shift 2 ;;
    --detail) detail=1; shift ;;
    --) shift; publish_args=("$@"); break ;;
    *) echo "unknown argument: $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done

work=$(mktemp -d)
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work" || true
}
trap cleanup EXIT

if [ -z "$exe" ]; then
  out=${out:-$work/publish}
  echo "publishing to $out ${publish_args[*]:-}" >&2
  t0=$(date +%s)
  dotnet publish ProbeDashboard -c Release -r linux-x64 -p:PublishSingleFile=true \
    ${publish_args[@]+"${publish_args[@]}"} -o "$out" -v q -nologo >&2
  echo "published in $(( $(date +%s) - t0 )) s" >&2
  exe=$out/ProbeDashboard
fi
[ -x "$exe" ] || { echo "not an executable: $exe" >&2; exit 2; }
size_mb=$(awk -v b="$(stat -c %s "$exe")" 'BEGIN { printf "%.1f", b / 1048576 }')

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
kb() { awk -v k="$1" '$1 == k":" { print $2 }' "$2"; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

for run in $(seq 1 "$runs"); do
  dir=$work/run$run
  mkdir -p "$dir/data"
  cp "$exe" "$dir/ProbeDashboard"
  port=$(free_port)
  base=http://127.0.0.1:$port
  start=$(date +%s.%N)
  # Native libraries the bundle extracts go into the run's folder too: a first start, nothing left in $HOME.
  (cd "$dir" && exec env DOTNET_BUNDLE_EXTRACT_BASE_DIR="$dir/extract" ${envs[@]+"${envs[@]}"} ./ProbeDashboard --urls "$base" --data-dir "$dir/data" >"$dir/log" 2>&1) &
  pid=$!
  until curl -fs -o /dev/null "$base/healthz"; do
    kill -0 "$pid" 2>/dev/null || { echo "the server ended before it was healthy:" >&2; tail -20 "$dir/log" >&2; exit 1; }
    # Polling the health endpoint is the only signal a fresh process gives; 0.1 s keeps its cost negligible.
    sleep 0.1
  done
  healthy=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
  curl -fs -o /dev/null "$base/login"
  curl -fs -o /dev/null "$base/_framework/blazor.web.js"
  sleep "$wait_s"
  status=/proc/$pid/status
  rss=$(kb VmRSS "$status") anon=$(kb RssAnon "$status") file=$(kb RssFile "$status") shmem=$(kb RssShmem "$status")
  pss=$(kb Pss /proc/$pid/smaps_rollup)
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  printf '%s run %d: size %s MB, healthy after %s s, VmRSS %s MB (anon %s / file %s / shmem %s), PSS %s MB, load %s\n' \
    "${label:-$(basename "$(dirname "$exe")")}${envs[*]:+ ${envs[*]}}" "$run" "$size_mb" "$healthy" \
    "$(mb "$rss")" "$(mb "$anon")" "$(mb "$file")" "$(mb "$shmem")" "$(mb "$pss")" "$load"
  if [ "$detail" -eq 1 ]; then
    # Resident memory per mapping name (anonymous mappings together), largest first.
    awk '/^[0-9a-f]+-[0-9a-f]+ / { name = ($6 == "" ? "[anon]" : $6) } /^Rss:/ { rss[name] += $2 }
         END { for (n in rss) printf "%8.1f MB  %s\n", rss[n] / 1024, n }' "/proc/$pid/smaps" | sort -rn | head -20
  fi
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
done
