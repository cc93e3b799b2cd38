#!/usr/bin/env bash
# The whole test suite: unit, adapter integration (real mosquitto, real libcurl against the emulator on
# loopback) and end-to-end tests with real processes; then the C bridges again under ThreadSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
echo "== swift format lint (.swift-format)"
swift format lint --strict -r Sources Tests Package.swift
swift build --build-tests
swift test --skip-build --parallel
if [ "${W2M_SKIP_TSAN:-}" != "1" ]; then
    echo "== ThreadSanitizer: libmosquitto and libcurl bridges =="
    swift test --sanitize=thread --scratch-path .build-tsan --filter 'MosquittoClientTests|CurlTransportTests'
fi
