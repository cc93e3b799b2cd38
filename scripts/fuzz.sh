#!/usr/bin/env bash
# Fuzzes the webhook form parser and the Withings JSON decoders with libFuzzer (and AddressSanitizer) for a
# bounded time. Usage: scripts/fuzz.sh [SECONDS]  (default 60). Prints one FUZZ: line with the figures.
# The corpus (every Withings fixture under every decoder's selector, plus webhook bodies) is rebuilt in
# .build-fuzz/corpus on each run; libFuzzer adds the inputs it finds there.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
scratch=.build-fuzz
# Not -sanitize=fuzzer: that links the whole libFuzzer runtime, its own main included, while SwiftPM links every
# executable with --defsym main=withings2mqtt_fuzz_main (gold dies with an internal error on the pair). So: ASan
# plus the coverage -sanitize=fuzzer would add, libFuzzer without its main (C++, hence libstdc++), and the
# target's @main (LibFuzzerDriver.swift, under -DLIBFUZZER) is withings2mqtt_fuzz_main and calls LLVMFuzzerRunDriver.
fuzzer_lib="$(dirname "$(dirname "$(command -v swift)")")/lib/clang"
fuzzer_lib="$(ls "$fuzzer_lib"/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a 2>/dev/null | tail -1)"
[ -f "$fuzzer_lib" ] || { echo "libclang_rt.fuzzer_no_main-x86_64.a not found in the Swift toolchain" >&2; exit 1; }
binary="$scratch/debug/withings2mqtt-fuzz"
rm -f "$binary"
swift build --product withings2mqtt-fuzz --scratch-path "$scratch" \
    -Xswiftc -DLIBFUZZER -Xswiftc -sanitize=address \
    -Xswiftc -sanitize-coverage=edge,indirect-calls,inline-8bit-counters,pc-table,trace-cmp \
    -Xlinker "$fuzzer_lib" -Xlinker -lstdc++ 2>&1 \
    | grep -E 'error|warning: unre|Build' | grep -v 'Cannot export local symbol' || true
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
printf '\x00userid=%%FF%%FE&appli=%%%%&&==&startdate=-1' > "$corpus/w3"
log="$scratch/fuzz.log"
set +e
# Crash, leak, timeout and out-of-memory inputs go to $scratch/artifacts (libFuzzer's default is the current
# directory, the repository root).
artifacts="$scratch/artifacts"
mkdir -p "$artifacts"
"$binary" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" "$corpus" > "$log" 2>&1
status=$?
# The figures come from the log; an absent one (a crash prints no final stats) is "?", not an exit of set -e.
set +o pipefail
runs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
peak=$(grep -E '^stat::peak_rss_mb' "$log" | awk '{print $2}')
cov=$(grep -E '#[0-9]+.*DONE' "$log" | sed -E 's/.*cov: ([0-9]+).*/\1/' | tail -1)
counters=$(grep -E 'inline 8-bit counters' "$log" | sed -E 's/.*\(([0-9]+) inline.*/\1/' | head -1)
input=$(grep -E 'Test unit written to' "$log" | sed -E 's/.*written to //' | tail -1)
set -eo pipefail
if [ "$status" -ne 0 ]; then
    tail -40 "$log"
    echo "FUZZ: libFuzzer FAILED (status $status) after ${runs:-?} inputs; input: ${input:-none written}; log: $log"
    exit 1
fi
echo "FUZZ: libFuzzer+ASan ${seconds}s: ${runs:-?} inputs, coverage ${cov:-?} of ${counters:-?} edges," \
    "peak RSS ${peak:-?} MB, no crash"
