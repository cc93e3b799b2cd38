"""Writes a minimal Home Assistant config dir with an MQTT config entry, before Home Assistant's first start.

Usage: ha_config.py CONFIG_DIR MQTT_PORT HTTP_PORT

The storage layout is Home Assistant 2025.4's (`core.config_entries` version 1.5, MQTT entry version 1.2):
data holds the broker, options the discovery settings, as the MQTT config flow writes them.
"""

import json
import pathlib
import sys
from datetime import datetime, timezone

config_dir = pathlib.Path(sys.argv[1])
mqtt_port = int(sys.argv[2])
http_port = int(sys.argv[3])

(config_dir / ".storage").mkdir(parents=True, exist_ok=True)
# A fixed location and time zone keep Home Assistant from trying to detect them over the network.
(config_dir / "configuration.yaml").write_text(
    f"""homeassistant:
  name: ha-check
  latitude: 52.37
  longitude: 4.89
  elevation: 0
  unit_system: metric
  time_zone: UTC
  currency: EUR
  country: NL
  language: en
http:
  server_host: 127.0.0.1
  server_port: {http_port}
logger:
  default: info
  logs:
    homeassistant.components.mqtt: debug
"""
)
now = datetime.now(timezone.utc).isoformat()
entry = {
    "created_at": now,
    "data": {"broker": "127.0.0.1", "port": mqtt_port},
    "discovery_keys": {},
    "disabled_by": None,
    "domain": "mqtt",
    "entry_id": "01HACHECKMQTT0000000000000",
    "minor_version": 2,
    "modified_at": now,
    "options": {"discovery": True, "discovery_prefix": "homeassistant"},
    "pref_disable_new_entities": False,
    "pref_disable_polling": False,
    "source": "user",
    "subentries": [],
    "title": "127.0.0.1",
    "unique_id": None,
    "version": 1,
}
storage = {"version": 1, "minor_version": 5, "key": "core.config_entries", "data": {"entries": [entry]}}
(config_dir / ".storage" / "core.config_entries").write_text(json.dumps(storage, indent=2))
