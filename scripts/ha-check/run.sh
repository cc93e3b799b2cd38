#!/usr/bin/env bash
# Checks withings2mqtt's discovery payloads against a real Home Assistant (default 2025.4.4):
# a private mosquitto, the emulator's demo household (alice and bob, authorised), Home Assistant with an MQTT
# config entry on that broker, then the bridge. After HA_CHECK_SECONDS (default 60) Home Assistant is restarted
# (retained discovery), after HA_CHECK_RESTART_SECONDS (default 20) stopped, and both of its logs and its
# entity registry are compared with the discovery configs retained on the broker.
# Exits 1 when Home Assistant logged any MQTT warning or error, or an entity is missing; see README.md.
#
#   scripts/ha-check/run.sh                  everything (installs Home Assistant into scripts/ha-check/.venv)
#   HA_CHECK_SECONDS=30 scripts/ha-check/run.sh
#   HA_CHECK_UNITS=imperial scripts/ha-check/run.sh    the bridge publishes lb, °F, ft, mi
#   HA_CHECK_INJECT_BAD=1 scripts/ha-check/run.sh   self-test: adds a config HA must reject; the run must fail
# Each run starts from an empty scripts/ha-check/state/ and leaves it for inspection.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
venv=${HA_VENV:-$here/.venv}
seconds=${HA_CHECK_SECONDS:-60}
restart_seconds=${HA_CHECK_RESTART_SECONDS:-20}
units=${HA_CHECK_UNITS:-metric}
state=$here/state

"$here/install.sh"
"$root/scripts/install-deps.sh"
echo "== building withings2mqtt and the emulator"
(cd "$root" && swift build --product withings2mqtt >/dev/null && swift build --product withings-emulator >/dev/null)
bin=$(cd "$root" && swift build --show-bin-path)

rm -rf "$state"
mkdir -p "$state/mosquitto" "$state/bridge" "$state/ha/.storage"
pids=()
cleanup() {
    trap - INT TERM EXIT
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap cleanup INT TERM EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
mqtt_port=$(free_port)
emulator_port=$(free_port)
webhook_port=$(free_port)
ha_port=$(free_port)

cat >"$state/mosquitto.conf" <<CONF
listener $mqtt_port 127.0.0.1
allow_anonymous true
persistence false
log_dest stdout
connection_messages true
CONF
mosquitto -c "$state/mosquitto.conf" >"$state/mosquitto.log" 2>&1 &
pids+=($!)
"$bin/withings-emulator" --listen "127.0.0.1:$emulator_port" >"$state/emulator.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$emulator_port/_emulator/health" >/dev/null && break; sleep 0.1; done

. "$root/scripts/lib/household.sh"
write_household_config "$state/config.yaml" withings2mqtt-ha-check ha-check-webhook-secret-0123456789 \
    "units: $units"
export WITHINGS2MQTT_CONFIG="$state/config.yaml"

echo "== authorising alice and bob against the emulator"
authorise_household ha-check >>"$state/auth.log" 2>&1

echo "== configuring Home Assistant in $state/ha (MQTT on 127.0.0.1:$mqtt_port, HTTP on $ha_port)"
"$venv/bin/python" "$here/ha_config.py" "$state/ha" "$mqtt_port" "$ha_port"

ha_version=$("$venv/bin/python" -c 'from homeassistant.const import __version__; print(__version__)')
ha_pid=
ha_log=
start_ha() {  # start_ha PHASE: logs to $state/ha/PHASE.log
    ha_log=$state/ha/$1.log
    "$venv/bin/hass" -c "$state/ha" --log-file "$ha_log" >>"$state/hass.stdout" 2>&1 &
    ha_pid=$!
    pids+=($ha_pid)
    # "birth message sent" comes after every discovery subscription and the discovery cool-down.
    for _ in $(seq 600); do
        grep -q "MQTT client initialized, birth message sent" "$ha_log" 2>/dev/null && return 0
        kill -0 "$ha_pid" 2>/dev/null || { echo "Home Assistant exited; see $state/hass.stdout" >&2; exit 1; }
        sleep 0.5
    done
    echo "Home Assistant's MQTT integration never came up; see $ha_log" >&2
    exit 1
}
stop_ha() {
    kill -TERM "$ha_pid"
    for _ in $(seq 120); do kill -0 "$ha_pid" 2>/dev/null || return 0; sleep 0.5; done
    echo "Home Assistant did not stop within 60 s" >&2
    exit 1
}

echo "== starting Home Assistant $ha_version (empty broker, so discovery arrives live)"
start_ha live

echo "== starting the bridge ($units units); bed-in and bed-out for alice; waiting ${seconds}s"
"$bin/withings2mqtt" run 2>"$state/bridge.log" &
pids+=($!)
sleep 8
curl -s -X POST "http://127.0.0.1:$emulator_port/_emulator/webhooks" -d '{"user": "alice", "appli": 50}' >/dev/null
sleep 4
curl -s -X POST "http://127.0.0.1:$emulator_port/_emulator/webhooks" -d '{"user": "alice", "appli": 51}' >/dev/null
if [ -n "${HA_CHECK_INJECT_BAD:-}" ]; then
    # Self-test of the check: a payload Home Assistant must reject (weight in bpm) has to make the run fail.
    mosquitto_pub -h 127.0.0.1 -p "$mqtt_port" -r -t homeassistant/sensor/ha_check_selftest/bad/config -m \
        '{"name":"Bad","unique_id":"ha_check_selftest_bad","state_topic":"ha-check/bad","device_class":"weight","unit_of_measurement":"bpm"}'
fi
sleep $((seconds > 12 ? seconds - 12 : 1))
stop_ha

# A restart is the common case: retained configs against an existing registry, then HA's birth message
# (homeassistant/status online) makes the bridge publish every state again.
echo "== restarting Home Assistant (retained discovery, existing registry); waiting ${restart_seconds}s"
start_ha restart
sleep "$restart_seconds"

echo "== reading the retained discovery configs from the broker"
mosquitto_sub -h 127.0.0.1 -p "$mqtt_port" -t 'homeassistant/+/+/+/config' -t 'homeassistant/+/+/config' \
    -F '%t\t%p' --retained-only -W 3 >"$state/configs.tsv" 2>/dev/null || true

echo "== stopping Home Assistant (its registries and last states are written on stop)"
stop_ha

"$venv/bin/python" "$here/analyse.py" "$state" "$state/ha/live.log" "$state/ha/restart.log"
