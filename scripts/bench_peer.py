"""The peer for the decade-of-history benchmark: aiowithings (the client Home Assistant's integration uses)
decoding and aggregating one getmeas answer, the same bytes the Swift side decodes.

Usage: bench_peer.py FILE [RUNS]  ->  prints JSON {"groups", "keys", "runs_ms": [...], "median_ms"}
Each run does what aiowithings does per request (json.loads of the body, MeasurementGroup.from_api for every
group) and then aiowithings.aggregate_measurements, as Home Assistant's measurement coordinator does.
"""
import json
import statistics
import sys
import time

from aiowithings import MeasurementGroup, aggregate_measurements

data = open(sys.argv[1], "rb").read()
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
times = []
groups = keys = 0
for _ in range(runs):
    start = time.perf_counter()
    answer = json.loads(data)
    parsed = [MeasurementGroup.from_api(group) for group in answer["body"]["measuregrps"]]
    latest = aggregate_measurements(parsed)
    times.append((time.perf_counter() - start) * 1000)
    groups, keys = len(parsed), len(latest)
print(json.dumps({"groups": groups, "keys": keys, "runs_ms": times, "median_ms": statistics.median(times)}))
