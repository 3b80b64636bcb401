#!/usr/bin/env bash
# Runs a command with a throw-away PostgreSQL cluster beside it, and QUORUM_TEST_POSTGRES set to its address, then
# stops the cluster and removes it. The store's contract suite runs against it (Tests/QuorumStoreTests):
#   scripts/with-postgres.sh swift test
# Needs PostgreSQL's server programs (Debian: apt-get install postgresql). The cluster listens on 127.0.0.1 only,
# on $QUORUM_TEST_POSTGRES_PORT (else the first free port from 54329), and trusts local connections: it is for tests
# alone. It does not sync to disk, unless --durable comes first: then every commit is durable as in production, and
# QUORUM_TEST_POSTGRES_CRASH and QUORUM_TEST_POSTGRES_START name commands that crash it (an immediate stop) and start
# it again, for the load and fault test (bench/load.py --kill postgres).
set -euo pipefail
durable=0
if [ "${1:-}" = --durable ]; then durable=1; shift; fi

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bin/initdb" ] || bin=$(dirname "$(command -v initdb || echo /nonexistent/initdb)")
if [ ! -x "$bin/initdb" ]; then
    echo "with-postgres: no PostgreSQL server programs (initdb, pg_ctl); install Debian's postgresql package" >&2
    exit 1
fi
# The first free port from 54329 (another run may hold one), unless QUORUM_TEST_POSTGRES_PORT names it.
port=${QUORUM_TEST_POSTGRES_PORT:-54329}
if [ -z "${QUORUM_TEST_POSTGRES_PORT:-}" ]; then
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
fi
folder=$(mktemp -d /tmp/quorum-postgres.XXXXXX)
chmod 755 "$folder"

# PostgreSQL refuses to run as root: as root, run it as the postgres account the package created.
owner=()
if [ "$(id -u)" = 0 ]; then
    chown postgres "$folder"
    owner=(runuser -u postgres --)
fi
stop() {
    "${owner[@]}" "$bin/pg_ctl" -D "$folder/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$folder"
}
trap stop EXIT

"${owner[@]}" "$bin/initdb" -D "$folder/data" -U quorum -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
settings="-c fsync=off -c synchronous_commit=off"
[ "$durable" = 1 ] && settings=""
printf '#!/bin/sh\nexec %s "%s/pg_ctl" -D "%s/data" -l "%s/server.log" -w -o "-p %s -k %s -c listen_addresses=127.0.0.1 %s -c max_connections=300" start >/dev/null\n' \
    "${owner[*]}" "$bin" "$folder" "$folder" "$port" "$folder" "$settings" > "$folder/start"
printf '#!/bin/sh\nexec %s "%s/pg_ctl" -D "%s/data" -m immediate stop >/dev/null\n' "${owner[*]}" "$bin" "$folder" > "$folder/crash"
chmod 755 "$folder/start" "$folder/crash"
"$folder/start"

export QUORUM_TEST_POSTGRES="postgres://quorum@127.0.0.1:$port/postgres?sslmode=disable"
if [ "$durable" = 1 ]; then
    export QUORUM_TEST_POSTGRES_CRASH="$folder/crash" QUORUM_TEST_POSTGRES_START="$folder/start"
fi
"$@"
