#!/usr/bin/env bash
# Times the first orders after a start, over HTTP: starts the built API (worker in-process) on a data folder,
# posts the README's patient-count order ORDERS times, one after the other, and prints for each the time from
# POST to delivered (polled every 20 ms), then stops the service it started.
#   bash ops/bench/first-orders.sh DATA_DIR [ORDERS] [--no-warm-up] [--no-wait]
# --no-warm-up starts with Extracts:WarmOnStart off; --no-wait posts as soon as the process answers instead of
# waiting for the warm-up readiness check to turn Healthy. Build first: dotnet build src/StatService.Api -c Release.
set -euo pipefail
cd "$(dirname "$0")/../.."
data=${1:?usage: first-orders.sh DATA_DIR [ORDERS] [--no-warm-up] [--no-wait]}
orders=${2:-10}
warm=true wait=true
for flag in "${@:3}"; do
    case $flag in
        --no-warm-up) warm=false ;;
        --no-wait) wait=false ;;
        *) echo "unknown option $flag" >&2; exit 2 ;;
    esac
done
url=${STATSERVICE_URLS:-http://127.0.0.1:5195}
key=demo-company
body='{"product": "patient-count", "parameters": {"diagnoses": {"include": ["DE11"], "exclude": []}, "medications": {"include": []},
  "period": {"from": "2021-01-01", "to": "2023-12-31"}, "indexDate": "2023-12-31", "age": {"min": 18, "max": null},
  "sex": null, "regions": [], "breakdown": ["region", "sex", "ageband"]}}'
now() { echo $(( $(date +%s%N) / 1000000 )); }

log=$(mktemp)
started=$(now)
# The API's folder is its content root (its appsettings.json holds the demo keys).
(cd src/StatService.Api && exec dotnet bin/Release/net10.0/StatService.Api.dll --urls "$url" --Storage:DataDirectory "$data" \
    --Extracts:WarmOnStart "$warm") >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -f "$log"' EXIT
until curl -sf -m 2 "$url/health/live" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.05
done
echo "process answers after $(( $(now) - started )) ms (warm-up $warm)"
if $wait; then
    until curl -s -m 5 "$url/health" | grep -q '"warm-up":{"status":"Healthy"'; do sleep 0.1; done
    echo "warm-up check Healthy after $(( $(now) - started )) ms $(grep -o 'ready: opened.*' "$log" | head -1)"
fi

for i in $(seq 1 "$orders"); do
    t0=$(now)
    location=$(curl -s -D - -o /dev/null -X POST "$url/api/orders" -H "Authorization: Bearer $key" \
        -H 'Content-Type: application/json' -d "$body" | tr -d '\r' | awk 'tolower($1) == "location:" {print $2}')
    [ -n "$location" ] || { echo "order $i was not accepted" >&2; exit 1; }
    while :; do
        status=$(curl -s -H "Authorization: Bearer $key" "$url$location" | grep -o '"status":"[a-z_]*"' | head -1 | cut -d'"' -f4)
        case $status in
            delivered|failed|rejected|cancelled) break ;;
        esac
        sleep 0.02
    done
    echo "order $i: $status in $(( $(now) - t0 )) ms"
done
