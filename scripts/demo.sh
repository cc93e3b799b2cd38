#!/usr/bin/env bash
# The demo: a local mosquitto from mosquitto/demo.conf, the Withings emulator with its demo household
# (alice and bob), both accounts authorised against it, the bridge running with webhooks, and every topic
# printed as it arrives; then a bed-in and a bed-out event for alice. Ctrl-C stops everything it started.
#
#   scripts/demo.sh              run until Ctrl-C
#   DEMO_SECONDS=20 scripts/demo.sh   stop by itself after 20 s (used by the tests)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

scripts/install-deps.sh
echo "== building (the first build takes a few minutes)"
swift build --product withings2mqtt >/dev/null
swift build --product withings-emulator >/dev/null
bin=$(swift build --show-bin-path)

state="$root/demo-state"
rm -rf "$state/bridge"
mkdir -p "$state/mosquitto" "$state/bridge"
pids=()
cleanup() {
    trap - INT TERM EXIT
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    echo "== demo stopped"
}
trap cleanup INT TERM EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
mqtt_port=${DEMO_MQTT_PORT:-$(free_port)}
emulator_port=$(free_port)
webhook_port=$(free_port)

sed -e "s/^listener 1883 127.0.0.1/listener $mqtt_port 127.0.0.1/" \
    -e "s#^persistence_location .*#persistence_location $state/mosquitto/#" mosquitto/demo.conf >"$state/mosquitto.conf"
mosquitto -c "$state/mosquitto.conf" >"$state/mosquitto.log" 2>&1 &
pids+=($!)
"$bin/withings-emulator" --listen "127.0.0.1:$emulator_port" >"$state/emulator.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$emulator_port/_emulator/health" >/dev/null && break; sleep 0.1; done

. "$root/scripts/lib/household.sh"
write_household_config "$state/config.yaml" withings2mqtt-demo demo-webhook-secret-0123456789
export WITHINGS2MQTT_CONFIG="$state/config.yaml"

echo "== authorising alice and bob against the emulator"
authorise_household demo

echo "== topics on the broker (mosquitto_sub -v -t 'withings2mqtt/#')"
mosquitto_sub -h 127.0.0.1 -p "$mqtt_port" -v -t 'withings2mqtt/#' &
pids+=($!)
"$bin/withings2mqtt" run 2>"$state/bridge.log" &
pids+=($!)

sleep 6
echo "== alice lies down (appli 50)"
curl -s -X POST "http://127.0.0.1:$emulator_port/_emulator/webhooks" -d '{"user": "alice", "appli": 50}' >/dev/null
sleep 3
echo "== alice gets up (appli 51)"
curl -s -X POST "http://127.0.0.1:$emulator_port/_emulator/webhooks" -d '{"user": "alice", "appli": 51}' >/dev/null
echo "== running; bridge log in $state/bridge.log. Ctrl-C stops the demo."
if [ -n "${DEMO_SECONDS:-}" ]; then sleep "$DEMO_SECONDS"; else wait; fi
