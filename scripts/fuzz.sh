#!/usr/bin/env bash
# Fuzzes the webhook form parser and the Withings JSON decoders with libFuzzer (and AddressSanitizer) for a
# bounded time. Usage: scripts/fuzz.sh [SECONDS]  (default 60). Prints one FUZZ: line with the figures.
# The corpus (built-in seeds plus the real Withings fixtures) is rebuilt in .build-fuzz/corpus on each run.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
scratch=.build-fuzz
swift build --product withings2mqtt-fuzz --scratch-path "$scratch" \
    -Xswiftc -DLIBFUZZER -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library 2>&1 \
    | grep -E 'error|warning: unre|Build' | grep -v 'Cannot export local symbol' || true
binary="$scratch/debug/withings2mqtt-fuzz"
[ -x "$binary" ] || { echo "fuzz build failed" >&2; exit 1; }
corpus="$scratch/corpus"
rm -rf "$corpus" && mkdir -p "$corpus"
# Every fixture as a decoder input (selector bytes 1...11) and a few webhook bodies (selector 0).
n=0
for file in fixtures/withings/*/*.json; do
    for selector in 1 2 3 4 5 6 7 8 9 10 11; do
        { printf "\\x$(printf %02x "$selector")"; cat "$file"; } > "$corpus/f$n-$selector"
    done
    n=$((n + 1))
done
printf '\x00userid=10000001&appli=50&date=1700000000&deviceid=abc' > "$corpus/w1"
printf '\x00userid=10000001&appli=1&startdate=1700000000&enddate=1700003600' > "$corpus/w2"
log="$scratch/fuzz.log"
set +e
"$binary" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -print_final_stats=1 "$corpus" > "$log" 2>&1
status=$?
set -e
runs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
peak=$(grep -E '^stat::peak_rss_mb' "$log" | awk '{print $2}')
cov=$(grep -E '#[0-9]+.*DONE' "$log" | sed -E 's/.*cov: ([0-9]+).*/\1/' | tail -1)
if [ "$status" -ne 0 ]; then
    tail -40 "$log"
    echo "FUZZ: libFuzzer FAILED (status $status) after ${runs:-?} inputs; see $log and the crash-* file"
    exit 1
fi
echo "FUZZ: libFuzzer+ASan ${seconds}s: ${runs:-?} inputs, coverage ${cov:-?} edges, peak RSS ${peak:-?} MB, no crash"
