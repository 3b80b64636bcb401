#!/usr/bin/env bash
# Runs a command with a throw-away PostgreSQL cluster beside it, and QUORUM_TEST_POSTGRES set to its address, then
# stops the cluster and removes it. The store's contract suite runs against it (Tests/QuorumStoreTests):
#   scripts/with-postgres.sh swift test
# Needs PostgreSQL's server programs (Debian: apt-get install postgresql). The cluster listens on 127.0.0.1 only,
# on $QUORUM_TEST_POSTGRES_PORT (else the first free port from 54329), trusts local connections and does not sync to disk: it is for tests alone.
set -euo pipefail

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
"${owner[@]}" "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -o \
    "-p $port -k $folder -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=300" start >/dev/null

export QUORUM_TEST_POSTGRES="postgres://quorum@127.0.0.1:$port/postgres?sslmode=disable"
"$@"
