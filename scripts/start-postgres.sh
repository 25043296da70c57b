#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for the tests: a fresh cluster in a temp directory, owned by the postgres user
# (it refuses to run as root), listening on 127.0.0.1 only, on a free port, its socket in the same directory.
# Prints the two lines to eval: PROBEDASHBOARD_TEST_POSTGRES (an Npgsql connection string to the server's
# postgres database, as the superuser) and PG_TEST_DIR (pass it to stop-postgres.sh).
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
dir=$(mktemp -d /tmp/probedashboard-pg.XXXXXX)
chown postgres "$dir"
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
runuser -u postgres -- "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=300" start >/dev/null
echo "PROBEDASHBOARD_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres'"
echo "PG_TEST_DIR='$dir'"
