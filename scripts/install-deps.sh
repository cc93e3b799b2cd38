#!/usr/bin/env bash
# Installs the Debian packages a fresh Debian 12 machine lacks for building, testing and the demo.
# The only list of them: .ci/run, the README's commands and bench.sh all come through here.
# APT_UPDATED=1 skips `apt-get update` (the caller just ran it).
set -euo pipefail
packages=(libmosquitto-dev libcurl4-openssl-dev libyaml-dev mosquitto mosquitto-clients pkg-config curl)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    [ "${APT_UPDATED:-}" = 1 ] || $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
# The packaged broker may have been started by the package scripts; the project starts its own on free ports.
