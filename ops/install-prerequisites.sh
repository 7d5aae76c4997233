#!/usr/bin/env bash
# Installs what StatService needs on a fresh Debian machine with the .NET 10 SDK.
# Idempotent: installs only what is missing.
set -euo pipefail

need=()
command -v python3 >/dev/null || need+=(python3)
command -v curl >/dev/null || need+=(curl)

if ((${#need[@]})); then
    sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}"
fi

# The browser tests drive Debian's headless Chromium (never a downloaded browser).
if [ ! -x /usr/bin/chromium ]; then
    sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (dotnet on PATH)." >&2; exit 1; }
