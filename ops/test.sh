#!/usr/bin/env bash
# Runs every test of StatService against real components (DuckDB, SQLite, PostgreSQL, Kestrel/test host).
# Installs what the tests need on a fresh machine first. Prints a closing "N passed, N failed" line.
set -euo pipefail
cd "$(dirname "$0")/.."

bash ops/install-prerequisites.sh test

# The PostgreSQL tests (order store contract, clustered workers) run on a private server started here; they
# read its connection string from STATSERVICE_TEST_POSTGRES and fail (never skip) in CI without it.
pg_was_running=0
bash ops/postgres.sh status >/dev/null 2>&1 && pg_was_running=1
STATSERVICE_TEST_POSTGRES="$(bash ops/postgres.sh start)"
export STATSERVICE_TEST_POSTGRES
[ "$pg_was_running" -eq 1 ] || trap 'bash ops/postgres.sh stop || true' EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
results="artifacts/test-results"
rm -rf "$results" && mkdir -p "$results"

dotnet restore StatService.sln
dotnet build StatService.sln -c Release --no-restore -warnaserror

status=0
dotnet test StatService.sln -c Release --no-build \
    --results-directory "$results" --logger "trx" --logger "console;verbosity=minimal" \
    -- RunConfiguration.CollectSourceInformation=false || status=$?

# One closing line summed over every test project's TRX report.
python3 - "$results" <<'PY' || true
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for f in glob.glob(f"{sys.argv[1]}/**/*.trx", recursive=True):
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0))
    skipped += int(c.get("notExecuted", 0))
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
