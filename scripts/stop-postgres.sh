#!/usr/bin/env bash
# Stops and removes a PostgreSQL that start-postgres.sh started: stop-postgres.sh <PG_TEST_DIR>.
set -uo pipefail
dir=${1:?PG_TEST_DIR}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null 2>&1 \
  || echo "stop-postgres: pg_ctl stop failed; removing the directory anyway" >&2
rm -rf "$dir"
