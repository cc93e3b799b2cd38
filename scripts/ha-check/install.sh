#!/usr/bin/env bash
# Installs Home Assistant (HA_VERSION, default 2025.4.4) and what its MQTT integration needs into a venv
# (HA_VENV, default scripts/ha-check/.venv), pinned by HA's own package_constraints.txt.
# Idempotent: does nothing when the venv already has that version.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
version=${HA_VERSION:-2025.4.4}
venv=${HA_VENV:-$here/.venv}
downloads=$here/.downloads
python=${HA_PYTHON:-$(pyenv root 2>/dev/null)/versions/3.13.0/bin/python3.13}

if [ -x "$venv/bin/hass" ] && [ "$("$venv/bin/python" -c 'from homeassistant.const import __version__; print(__version__)' 2>/dev/null)" = "$version" ] \
    && [ -f "$venv/.mqtt-deps-installed" ]; then
    echo "== Home Assistant $version already in $venv"
    exit 0
fi
[ -x "$python" ] || { echo "Python 3.13 not found at $python; set HA_PYTHON" >&2; exit 1; }

echo "== creating $venv with $python"
"$python" -m venv "$venv"
"$venv/bin/pip" install --quiet --upgrade pip wheel

echo "== reading HA $version's package_constraints.txt from its wheel"
mkdir -p "$downloads"
"$venv/bin/pip" download --quiet --no-deps --dest "$downloads" "homeassistant==$version"
wheel=$(ls "$downloads"/homeassistant-"$version"-*.whl | head -1)
"$venv/bin/python" - "$wheel" "$downloads/package_constraints.txt" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    open(sys.argv[2], "wb").write(z.read("homeassistant/package_constraints.txt"))
PY

echo "== installing homeassistant==$version (several minutes)"
"$venv/bin/pip" install --quiet -c "$downloads/package_constraints.txt" "$wheel"

echo "== installing the requirements of the components the check loads"
# The mqtt integration, plus what HA sets up on every start regardless of configuration.yaml.
reqs=$("$venv/bin/python" - <<'PY'
import json, pathlib, homeassistant.components as c
base = pathlib.Path(c.__path__[0])
reqs = []
for name in ["mqtt", "http", "frontend", "recorder", "backup", "usb", "file_upload", "isal", "ssdp", "zeroconf", "dhcp", "network", "conversation"]:
    manifest = base / name / "manifest.json"
    if manifest.exists():
        reqs += json.loads(manifest.read_text()).get("requirements", [])
print("\n".join(reqs))
PY
)
echo "$reqs" | sed 's/^/   /'
# shellcheck disable=SC2086
"$venv/bin/pip" install --quiet -c "$downloads/package_constraints.txt" $reqs
touch "$venv/.mqtt-deps-installed"
echo "== Home Assistant $version installed in $venv"
