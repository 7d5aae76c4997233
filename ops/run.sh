#!/usr/bin/env bash
# Starts StatService on its embedded defaults: SQLite order store and Quartz store, the worker
# in-process, and a synthetic demo extract generated on first start (under ./data).
set -euo pipefail
cd "$(dirname "$0")/.."
bash ops/install-prerequisites.sh run
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Built first, with each project shown as it is done: the first build takes a few minutes.
echo "Building StatService (the first build takes a few minutes; later starts reuse it) ..."
if ! dotnet build src/StatService.Api -c Release -v minimal -tl:off -nologo | grep --line-buffered -E ' -> |error|Elapsed'; then
    echo "The build failed; see the errors above." >&2
    exit 1
fi
echo "Starting; the address is printed when the service is ready."
# Data (orders, Quartz store, extracts) goes to ./data at the top of the checkout unless configured.
exec dotnet run --no-build --project src/StatService.Api -c Release -- \
    --urls "${STATSERVICE_URLS:-http://127.0.0.1:5080}" \
    --Storage:DataDirectory "${STATSERVICE_DATA:-$PWD/data}" "$@"
