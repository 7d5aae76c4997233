#!/usr/bin/env bash
# A private PostgreSQL server for the tests and for local scaled-out runs: its own cluster in a folder of
# its own, on 127.0.0.1 and a free port, never the system's cluster. Idempotent.
#
#   bash ops/postgres.sh start    install PostgreSQL if missing, create the cluster if missing, start it,
#                                 create the role and database; prints the connection string on stdout
#   bash ops/postgres.sh stop     stop the server (the cluster stays for the next start)
#   bash ops/postgres.sh status   exit 0 when the server runs, and print its connection string
#   bash ops/postgres.sh url      print the connection string
#   bash ops/postgres.sh destroy  stop the server and delete the cluster
#
# Settings (environment): STATSERVICE_PG_DIR (cluster folder, default /tmp/statservice-postgres),
# STATSERVICE_PG_PORT (first port tried, default 54329), STATSERVICE_PG_USER / STATSERVICE_PG_PASSWORD /
# STATSERVICE_PG_DATABASE (default statservice for each). The role may create databases: the tests make
# one per test class. Everything but the connection string goes to stderr.
set -euo pipefail

dir="${STATSERVICE_PG_DIR:-/tmp/statservice-postgres}"
first_port="${STATSERVICE_PG_PORT:-54329}"
role="${STATSERVICE_PG_USER:-statservice}"
password="${STATSERVICE_PG_PASSWORD:-statservice}"
database="${STATSERVICE_PG_DATABASE:-statservice}"
data="$dir/data"

say() { echo "postgres.sh: $*" >&2; }

sudo_cmd() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

bin_dir() {
    local found
    found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    [ -n "$found" ] && [ -x "$found/initdb" ] && echo "$found"
}

install_if_missing() {
    if [ -z "$(bin_dir)" ]; then
        say "installing PostgreSQL (Debian package postgresql)"
        sudo_cmd apt-get update -qq
        DEBIAN_FRONTEND=noninteractive sudo_cmd apt-get install -y -qq postgresql >/dev/null
    fi
    [ -n "$(bin_dir)" ] || { say "PostgreSQL is not installed and could not be installed"; exit 1; }
}

# The server refuses to run as root: as root, run its programs as the postgres user.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# Free when nothing answers a connection on it.
port_is_free() {
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

free_port() {
    local port="$first_port"
    while ! port_is_free "$port"; do port=$((port + 1)); done
    echo "$port"
}

port() { cat "$dir/port"; }

url() {
    echo "Host=127.0.0.1;Port=$(port);Username=$role;Password=$password;Database=$database"
}

running() {
    [ -f "$data/PG_VERSION" ] && as_owner "$(bin_dir)/pg_ctl" -D "$data" status >/dev/null 2>&1
}

init_cluster() {
    [ -f "$data/PG_VERSION" ] && return
    say "creating a cluster in $data"
    mkdir -p "$dir"
    [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$dir"
    # The cluster's superuser is the OS user running it; it logs in over the socket in $dir only.
    as_owner "$(bin_dir)/initdb" -D "$data" -E UTF8 --locale=C.UTF-8 --auth-local=trust --auth-host=scram-sha-256 >/dev/null
    cat >> "$data/postgresql.conf" <<CONF
# ops/postgres.sh: loopback only, socket in the cluster folder (no system paths), enough connections for
# one API and two workers per test plus the tests' own pools.
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
max_connections = 300
fsync = on
CONF
}

start() {
    install_if_missing
    init_cluster
    if ! running; then
        # The port is chosen at each start, so a port taken since the last run is no obstacle.
        if [ ! -f "$dir/port" ] || ! port_is_free "$(port)"; then
            free_port > "$dir/port"
        fi
        say "starting PostgreSQL on 127.0.0.1:$(port)"
        as_owner "$(bin_dir)/pg_ctl" -D "$data" -l "$dir/server.log" -o "-p $(port)" -w -t 60 start >/dev/null
    fi
    ensure_role_and_database
    url
}

psql_admin() {
    as_owner "$(bin_dir)/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$(port)" -d postgres "$@"
}

ensure_role_and_database() {
    psql_admin -c "DO \$\$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') THEN
            CREATE ROLE \"$role\" LOGIN CREATEDB PASSWORD '$password';
        END IF; END \$\$;"
    # DROP DATABASE ... WITH (FORCE) in the tests must end every session on the database, an autovacuum worker's too.
    psql_admin -c "SET client_min_messages TO warning; GRANT pg_signal_backend TO \"$role\""
    if [ -z "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'")" ]; then
        psql_admin -c "CREATE DATABASE \"$database\" OWNER \"$role\""
    fi
}

stop() {
    if [ -n "$(bin_dir)" ] && running; then
        say "stopping PostgreSQL"
        as_owner "$(bin_dir)/pg_ctl" -D "$data" -m fast -w stop >/dev/null
    fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) running && url ;;
    url) url ;;
    destroy) stop; rm -rf "$dir" ;;
    *) echo "usage: $0 start|stop|status|url|destroy" >&2; exit 2 ;;
esac
