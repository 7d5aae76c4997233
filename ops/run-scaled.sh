#!/usr/bin/env bash
# The production layout on one machine: PostgreSQL (a private server from ops/postgres.sh), one API process
# that takes orders but runs none (Worker:RunJobs=false) and two worker processes in a Quartz cluster.
# Ctrl-C stops the three processes (PostgreSQL keeps running: bash ops/postgres.sh stop).
#
#   API       http://127.0.0.1:5080   (STATSERVICE_URLS)            /health, /health/live, /api/...
#   worker 1  http://127.0.0.1:5081   (STATSERVICE_WORKER_PORTS)    /health, /health/live
#   worker 2  http://127.0.0.1:5082
#
# Extracts: ./data/extracts as with ops/run.sh (the API generates the demo extract on first start).
set -euo pipefail
cd "$(dirname "$0")/.."
bash ops/install-prerequisites.sh scaled
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

connection="$(bash ops/postgres.sh start)"
data="${STATSERVICE_DATA:-$PWD/data}"
api_url="${STATSERVICE_URLS:-http://127.0.0.1:5080}"
read -r -a worker_ports <<< "${STATSERVICE_WORKER_PORTS:-5081 5082}"

dotnet build src/StatService.Api -c Release -v quiet -nologo
dotnet build src/StatService.Worker.Host -c Release -v quiet -nologo

# Shared by every process: one database for orders and the Quartz cluster, one extracts folder.
export Storage__Provider=postgresql
export ConnectionStrings__Orders="$connection"
export Storage__DataDirectory="$data"

pids=()
stop() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait || true; }
trap stop EXIT INT TERM

wait_healthy() {
    for _ in $(seq 1 600); do
        curl -fsS "$1/health" >/dev/null 2>&1 && return 0
        sleep 0.5
    done
    echo "$1 did not become healthy" >&2
    return 1
}

(cd src/StatService.Api/bin/Release/net10.0 && exec dotnet StatService.Api.dll --urls "$api_url" --Worker:RunJobs false) &
pids+=($!)
wait_healthy "$api_url"

n=0
for port in "${worker_ports[@]}"; do
    n=$((n + 1))
    (cd src/StatService.Worker.Host/bin/Release/net10.0 && exec dotnet StatService.Worker.Host.dll \
        --urls "http://127.0.0.1:$port" --Worker:InstanceId "worker-$n") &
    pids+=($!)
done
for port in "${worker_ports[@]}"; do wait_healthy "http://127.0.0.1:$port"; done
echo "StatService (1 API + ${#worker_ports[@]} workers on PostgreSQL) is ready at $api_url"
wait
