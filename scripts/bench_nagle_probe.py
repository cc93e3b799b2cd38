"""A/B probe for the Nagle / delayed-ACK finding in BENCHMARKS.md (not part of scripts/bench.sh).

Start a broker (once with `set_tcp_nodelay true`, once without), `withings2mqtt run` with webhooks for an
account `alice` (emulator user 10000001, webhook secret bench-secret-0123456789abcdef), then:
    .build/bench-venv/bin/pip install paho-mqtt
    .build/bench-venv/bin/python scripts/bench_nagle_probe.py MQTT_PORT WEBHOOK_PORT 150 0.02
It posts bed webhooks over one keep-alive connection and prints in_bed latency percentiles as a paho
subscriber (Home Assistant's MQTT client) sees them, plus the webhook answer time and the first message of
any topic after each post.
"""
# Latency probe: webhook POST (keep-alive) -> in_bed at a paho subscriber; N events at 20/s.
import socket, sys, threading, time
import paho.mqtt.client as mqtt
mp, wp, n = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
arrivals = []
others = []
resp = []
ev = threading.Event()
def on_message(c, u, m):
    t = time.perf_counter()
    if m.topic.endswith("/in_bed"):
        arrivals.append((t, m.payload.decode()))
    others.append((t, m.topic))
c = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id="probe-sub")
c.on_message = on_message
c.connect("127.0.0.1", mp); c.subscribe("withings2mqtt/alice/#", 1); c.loop_start()
time.sleep(1)
s = socket.create_connection(("127.0.0.1", wp)); s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
buf = b""; sends = []
for i in range(n):
    a = 50 if i % 2 == 0 else 51
    body = ("userid=10000001&appli=%d&date=%d" % (a, 1700000000 + i)).encode()
    t = time.perf_counter()
    s.sendall(b"POST /webhook/bench-secret-0123456789abcdef HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
    sends.append((t, "ON" if a == 50 else "OFF"))
    while b"\r\n\r\n" not in buf: buf += s.recv(4096)
    h, _, rest = buf.partition(b"\r\n\r\n")
    k = int([l.split(b":")[1] for l in h.split(b"\r\n") if l.lower().startswith(b"content-length")][0])
    while len(rest) < k: rest += s.recv(4096)
    buf = rest[k:]
    resp.append(time.perf_counter() - t)
    time.sleep(float(sys.argv[4]) if len(sys.argv)>4 else 0.05)
time.sleep(1)
lat = []
for t, st in sends:
    hit = next((a for a, p in arrivals if a >= t and p == st), None)
    if hit: lat.append((hit - t) * 1000)
lat.sort()
print("n=%d p50=%.2f p90=%.2f max=%.2f" % (len(lat), lat[len(lat)//2], lat[int(len(lat)*0.9)], lat[-1]))

import statistics
firsts = []
for t, st in sends:
    f = next((a for a, tp in others if a >= t), None)
    if f: firsts.append((f - t) * 1000)
firsts.sort()
r = sorted(x * 1000 for x in resp)
print("http response p50=%.2f p90=%.2f; first message of any topic p50=%.2f p90=%.2f" % (r[len(r)//2], r[int(len(r)*.9)], firsts[len(firsts)//2], firsts[int(len(firsts)*.9)]))
seq = [tp.split("/")[-1] if not tp.endswith("attributes") else "in_bed/attributes" for a, tp in others[-12:]]
print("last topics in order:", seq)
