#!/usr/bin/env bash
# Installs what StatService needs on a fresh Debian machine with the .NET 10 SDK, for one purpose:
#   run    (default) running the service: nothing beyond the SDK
#   scaled the scaled-out layout: curl for its health checks
#   test   the tests: python3 (result summary) and Debian's Chromium for the browser tests
# Idempotent: installs only what is missing. --dry-run prints the missing packages and installs nothing.
set -euo pipefail

purpose=run
dry_run=0
for argument in "$@"; do
    case "$argument" in
        --dry-run) dry_run=1 ;;
        run|scaled|test) purpose="$argument" ;;
        *) echo "usage: $0 [run|scaled|test] [--dry-run]" >&2; exit 2 ;;
    esac
done

need=()
case "$purpose" in
    scaled) command -v curl >/dev/null || need+=(curl) ;;
    test)
        command -v python3 >/dev/null || need+=(python3)
        command -v curl >/dev/null || need+=(curl)
        # The browser tests drive Debian's headless Chromium (never a downloaded browser).
        [ -x /usr/bin/chromium ] || need+=(chromium)
        ;;
esac

if ((dry_run)); then
    if ((${#need[@]})); then printf '%s\n' "${need[@]}"; fi
    exit 0
fi

if ((${#need[@]})); then
    sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    echo "Installing ${need[*]} (for $purpose) ..."
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null
fi

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (dotnet on PATH)." >&2; exit 1; }
