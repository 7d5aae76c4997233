#!/usr/bin/env bash
# Every product's documented example on DuckDB (the service) and on PostgreSQL 15 (the same SQL translated, over the
# same extract's registers with a DBA's indexes), side by side: medians of warm runs, whether the cells agree, ratios.
#
#   bash ops/bench/postgres-side-by-side.sh EXTRACT_DIR [--runs 5] [--period-year 2023] [--reload]
#
# PostgreSQL is a private server of its own (ops/postgres.sh with STATSERVICE_PG_DIR, default
# /tmp/statservice-bench-postgres, so the tests' server is not touched), tuned as a DBA would for one reader with the
# data in memory. The extract is loaded once per version into a schema of its own; stop the server afterwards with
#   STATSERVICE_PG_DIR=/tmp/statservice-bench-postgres bash ops/postgres.sh stop
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
extract="${1:?usage: $0 EXTRACT_DIR [--runs N] [--period-year YEAR] [--reload]}"
shift
export STATSERVICE_PG_DIR="${STATSERVICE_PG_DIR:-/tmp/statservice-bench-postgres}"
export STATSERVICE_PG_PORT="${STATSERVICE_PG_PORT:-54349}"

connection="$(bash "$here/../postgres.sh" start | tail -1)"
conf="$STATSERVICE_PG_DIR/data/postgresql.conf"
if ! grep -q "postgres-side-by-side" "$conf"; then
    cat >> "$conf" <<CONF
# ops/bench/postgres-side-by-side.sh: a DBA's settings for analytical reads on this machine (2 cores, 24 GB)
shared_buffers = 4GB
effective_cache_size = 12GB
work_mem = 256MB
maintenance_work_mem = 1GB
random_page_cost = 1.1
max_parallel_workers_per_gather = 2
fsync = off
CONF
    bash "$here/../postgres.sh" stop
    connection="$(bash "$here/../postgres.sh" start | tail -1)"
fi

dotnet build "$here/side-by-side/SideBySide.csproj" -c Release -warnaserror -v q -nologo >&2
dotnet "$here/side-by-side/bin/Release/net10.0/side-by-side.dll" --extract "$extract" --postgres "$connection;Command Timeout=0" "$@"
