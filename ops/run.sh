#!/usr/bin/env bash
# Starts StatService on its embedded defaults: SQLite order store and Quartz store, the worker
# in-process, and a synthetic demo extract generated on first start (under ./data).
set -euo pipefail
cd "$(dirname "$0")/.."
bash ops/install-prerequisites.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Data (orders, Quartz store, extracts) goes to ./data at the top of the checkout unless configured.
exec dotnet run --project src/StatService.Api -c Release -- \
    --urls "${STATSERVICE_URLS:-http://127.0.0.1:5080}" \
    --Storage:DataDirectory "${STATSERVICE_DATA:-$PWD/data}" "$@"
