"""Compares what the bridge published with what Home Assistant made of it, after Home Assistant stopped.

Usage: analyse.py STATE_DIR LOG...   (STATE_DIR as run.sh fills it: configs.tsv, ha/.storage/; LOG: HA log files)

Prints a summary and exits 1 when Home Assistant logged a warning or error that concerns MQTT or our
entities, or when a published config has no registered entity.
"""

import json
import pathlib
import re
import sys
from collections import Counter

state = pathlib.Path(sys.argv[1])
storage = state / "ha" / ".storage"

# Retained discovery configs (topic TAB payload), empty payloads are removals.
configs = {}
for line in (state / "configs.tsv").read_text().splitlines():
    topic, _, payload = line.partition("\t")
    if payload:
        configs[topic] = json.loads(payload)
by_unique_id = {c["unique_id"]: (t, c) for t, c in configs.items()}
components = Counter(t.split("/")[1] for t in configs)

registry = json.loads((storage / "core.entity_registry").read_text())["data"]["entities"]
mqtt_entities = {e["unique_id"]: e for e in registry if e["platform"] == "mqtt"}
devices = json.loads((storage / "core.device_registry").read_text())["data"]["devices"]
mqtt_devices = [d for d in devices if any(i[0] == "mqtt" for i in d["identifiers"])]

restored = {}
restore_file = storage / "core.restore_state"
if restore_file.exists():
    for item in json.loads(restore_file.read_text())["data"]:
        restored[item["state"]["entity_id"]] = item["state"]["state"]

# Home Assistant log records: a timestamped header line, then continuation lines (tracebacks, payloads).
header = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ (\w+) \(([^)]*)\) \[([^\]]+)\] (.*)$")
records = []
for log in sys.argv[2:]:
    for line in pathlib.Path(log).read_text(errors="replace").splitlines():
        m = header.match(line)
        if m:
            records.append({"level": m[1], "logger": m[3], "text": m[4], "log": pathlib.Path(log).stem})
        elif records:
            records[-1]["text"] += "\n" + line

# Loggers whose complaints can only come from our payloads or states; other integrations' noise is listed apart.
ours_loggers = (
    "homeassistant.components.mqtt",
    "homeassistant.components.sensor",
    "homeassistant.components.binary_sensor",
    "homeassistant.helpers.template",
    "homeassistant.helpers.entity",
    "homeassistant.helpers.entity_platform",
    "homeassistant.helpers.entity_registry",
    "homeassistant.helpers.device_registry",
    "homeassistant.helpers.frame",
)
ours_words = re.compile(r"mqtt|withings|when processing MQTT discovery|is not a valid|deprecat", re.IGNORECASE)
problems, other = [], []
for r in records:
    if r["level"] not in ("WARNING", "ERROR", "CRITICAL"):
        # A debug/info line can still carry a rejection (discovery errors are logged at various levels).
        if r["logger"].startswith("homeassistant.components.mqtt") and re.search(
            r"Error '.*' when processing MQTT discovery message|is not a valid|deprecated", r["text"]
        ):
            problems.append(r)
        continue
    if r["logger"].startswith(ours_loggers) or ours_words.search(r["text"]):
        problems.append(r)
    else:
        other.append(r)

missing = sorted(u for u in by_unique_id if u not in mqtt_entities)
extra = sorted(u for u in mqtt_entities if u not in by_unique_id)
disabled = sum(1 for u in by_unique_id if u in mqtt_entities and mqtt_entities[u]["disabled_by"])
disabled_expected = sum(1 for c in configs.values() if c.get("enabled_by_default") is False)
entity_id_differs = [
    (c.get("default_entity_id"), mqtt_entities[u]["entity_id"])
    for u, (_, c) in by_unique_id.items()
    if u in mqtt_entities and c.get("default_entity_id") and c["default_entity_id"] != mqtt_entities[u]["entity_id"]
]

print()
print("== summary")
print(f"discovery configs on the broker:   {len(configs)}  ({', '.join(f'{k} {v}' for k, v in sorted(components.items()))})")
print(f"MQTT entities registered in HA:    {len(mqtt_entities)}  (disabled by integration: {disabled}, "
      f"configs with enabled_by_default false: {disabled_expected})")
print(f"MQTT devices registered in HA:     {len(mqtt_devices)}")
if restored:
    kinds = Counter(
        "unavailable" if s == "unavailable" else "unknown" if s == "unknown" else "with a value"
        for e, s in restored.items()
        if any(e == m["entity_id"] for m in mqtt_entities.values())
    )
    print(f"states saved at stop (enabled):    {dict(kinds)}")
print(f"configs without an entity:         {len(missing)}")
for u in missing:
    print(f"   {u}  ({by_unique_id[u][0]})")
if extra:
    print(f"MQTT entities without a config:    {len(extra)}: {', '.join(extra)}")
print(f"entity ids differing from default_entity_id: {len(entity_id_differs)}"
      + (" (Home Assistant before 2025.10 ignores default_entity_id)" if entity_id_differs else ""))
for wanted, got in entity_id_differs[:5]:
    print(f"   wanted {wanted}, got {got}")
if len(entity_id_differs) > 5:
    print(f"   ... and {len(entity_id_differs) - 5} more")
print(f"MQTT/entity warnings and errors:   {len(problems)}")
for r in problems:
    print(f"   ({r['log']}) {r['level']} [{r['logger']}] {r['text']}")
print(f"other warnings and errors (not about MQTT, listed for information): {len(other)}")
for r in other:
    print(f"   ({r['log']}) {r['level']} [{r['logger']}] {r['text'].splitlines()[0][:200]}")

failed = bool(problems or missing or not configs)
print()
print("== FAILED" if failed else "== PASSED", "(Home Assistant logs:", ", ".join(sys.argv[2:]) + ")")
sys.exit(1 if failed else 0)
