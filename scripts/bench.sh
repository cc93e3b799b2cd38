#!/usr/bin/env bash
# The benchmarks (issue 5): release build, the Withings emulator and a real mosquitto on loopback, the peer
# (aiowithings from PyPI in a venv made here). Prints the table and writes bench-results.json.
#
#   scripts/bench.sh                      everything (about 3 minutes after the builds)
#   BENCH_STATIC=0 scripts/bench.sh       skip the --static-swift-stdlib build (it has its own build folder)
#   scripts/bench.sh --idle-seconds 10    options are passed to withings2mqtt-bench (see --help)
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
command -v strip >/dev/null || { echo "strip (binutils) is needed for the binary sizes" >&2; exit 1; }

venv=.build/bench-venv
if ! "$venv/bin/python" -c 'import aiowithings' 2>/dev/null; then
    echo "== making $venv with aiowithings (the Python client Home Assistant uses)"
    python3 -m venv "$venv" || { sudo apt-get install -y -q python3-venv && python3 -m venv "$venv"; }
    "$venv/bin/pip" install -q aiowithings
fi
echo "== peer: aiowithings $("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("aiowithings"))')"

echo "== release build (the first one takes several minutes)"
for product in withings2mqtt withings-emulator withings2mqtt-bench; do
    swift build -c release --product "$product" 2>&1 | grep -E 'error|warning: unre' || true
done
bin=$(swift build -c release --show-bin-path)
sizes=()
static_args=()
strip -o "$bin/withings2mqtt.stripped" "$bin/withings2mqtt"
sizes+=(--stripped-bytes "$(stat -c %s "$bin/withings2mqtt.stripped")")
if [ "${BENCH_STATIC:-1}" != 0 ]; then
    echo "== release build with --static-swift-stdlib (in .build-static)"
    swift build -c release --static-swift-stdlib --scratch-path .build-static --product withings2mqtt 2>&1 |
        grep -E 'error|warning: unre' || true
    static_bin=$(swift build -c release --static-swift-stdlib --scratch-path .build-static --show-bin-path)
    strip -o "$static_bin/withings2mqtt.stripped" "$static_bin/withings2mqtt"
    sizes+=(--static-bytes "$(stat -c %s "$static_bin/withings2mqtt.stripped")")
    static_args=(--static-binary "$static_bin/withings2mqtt")
fi

echo "== running the benchmarks"
"$bin/withings2mqtt-bench" --python "$venv/bin/python" --peer-script scripts/bench_peer.py \
    --output bench-results.json "${sizes[@]}" "${static_args[@]}" "$@"
