// swift-tools-version: 6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "withings2mqtt",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "withings2mqtt", targets: ["withings2mqtt"]),
        .executable(name: "withings-emulator", targets: ["withings-emulator"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", exact: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", exact: "2.13.0"),
    ],
    targets: [
        // One lock type for the whole project, visible to ThreadSanitizer.
        .target(name: "Locking", swiftSettings: strict),
        // Pure core: Withings models, decoding, errors, latest-value rules, the client over HTTPTransport.
        .target(name: "WithingsAPI", swiftSettings: strict),
        // Pure core: entity catalog, topic layout, discovery and state payloads.
        .target(name: "MQTTDiscovery", dependencies: ["WithingsAPI", "LocalTime"], swiftSettings: strict),
        // Time zones and civil dates without Foundation: TZif files, POSIX TZ rules.
        .target(name: "LocalTime", swiftSettings: strict),
        // libyaml, the C parser the configuration is read with (Yams' Swift layer needs the full Foundation).
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        // YAML configuration: decoding, defaults, validation, masking.
        .target(
            name: "ConfigFile",
            dependencies: ["WithingsAPI", "CYAML", "LocalTime"],
            swiftSettings: strict
        ),
        // The daemon's services: per-account workers, stores in state_dir, diagnostics.
        .target(
            name: "Bridge",
            dependencies: [
                "WithingsAPI", "MQTTDiscovery", "ConfigFile", "Locking", "LocalTime",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        // libcurl behind HTTPTransport.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(name: "CCurlShim", dependencies: ["CCurl"]),
        .target(
            name: "CurlTransport", dependencies: ["WithingsAPI", "CCurl", "CCurlShim", "Locking"], swiftSettings: strict
        ),
        // libmosquitto behind MQTTConnection.
        .systemLibrary(name: "CMosquitto", pkgConfig: "libmosquitto", providers: [.apt(["libmosquitto-dev"])]),
        .target(
            name: "MosquittoClient", dependencies: ["MQTTDiscovery", "CMosquitto", "Locking"], swiftSettings: strict),
        // SwiftNIO HTTP/1 server for webhooks and the OAuth callback.
        .target(
            name: "WebhookServer",
            dependencies: [
                "WithingsAPI", "Locking",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "withings2mqtt",
            dependencies: [
                "WithingsAPI", "MQTTDiscovery", "ConfigFile", "Bridge", "CurlTransport", "MosquittoClient",
                "WebhookServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict,
            // A smaller resident binary (BENCHMARKS.md, footprint): lld packs the ~58k relative relocations
            // (DT_RELR, glibc 2.36 = Debian 12), and no symbol table is exported for a program nobody links to.
            linkerSettings: [
                .unsafeFlags(
                    [
                        "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs", "-Xlinker",
                        "--no-export-dynamic",
                    ],
                    .when(platforms: [.linux], configuration: .release))
            ]
        ),
        // The local Withings cloud.
        .target(
            name: "WithingsEmulator",
            dependencies: [
                "WithingsAPI", "Locking",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "withings-emulator",
            dependencies: [
                "WithingsEmulator", "Locking",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // Fuzz entry points for the webhook form parser and the Withings JSON decoders: libFuzzer when built by
        // scripts/fuzz.sh (-DLIBFUZZER, ASan, coverage), else a self-contained random-mutation driver.
        .executableTarget(
            name: "withings2mqtt-fuzz", dependencies: ["WithingsAPI", "CLibFuzzer"], swiftSettings: strict),
        // Header-only: declares libFuzzer's LLVMFuzzerRunDriver for the -DLIBFUZZER build; links nothing.
        .systemLibrary(name: "CLibFuzzer"),
        // The benchmarks of issue 5 (scripts/bench.sh runs them against the release binaries).
        .executableTarget(
            name: "withings2mqtt-bench",
            dependencies: [
                "MosquittoClient", "CMosquitto", "CurlTransport", "WithingsAPI", "MQTTDiscovery", "TestSupport",
                "Bridge", "Locking",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // Test-only helpers: broker and emulator launchers, fixtures, fakes.
        .target(
            name: "TestSupport", dependencies: ["WithingsAPI", "MQTTDiscovery", "MosquittoClient", "Locking"],
            swiftSettings: strict),

        .testTarget(
            name: "WithingsAPITests", dependencies: ["WithingsAPI", "TestSupport", "WithingsEmulator", "Locking"],
            swiftSettings: strict),
        .testTarget(
            name: "MQTTDiscoveryTests", dependencies: ["MQTTDiscovery", "WithingsAPI", "TestSupport"],
            swiftSettings: strict),
        // The emulator's seeded generator drives the decoder's mutation test.
        .testTarget(name: "LocalTimeTests", dependencies: ["LocalTime", "WithingsEmulator"], swiftSettings: strict),
        .testTarget(
            name: "ConfigFileTests", dependencies: ["ConfigFile", "TestSupport", "LocalTime"], swiftSettings: strict),
        .testTarget(
            name: "BridgeTests",
            dependencies: [
                "Bridge", "WithingsAPI", "MQTTDiscovery", "TestSupport", "Locking", "LocalTime",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict),
        .testTarget(
            name: "CurlTransportTests",
            dependencies: ["CurlTransport", "WithingsAPI", "TestSupport", "Locking"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "MosquittoClientTests",
            dependencies: ["MosquittoClient", "MQTTDiscovery", "TestSupport", "Locking"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "WebhookServerTests",
            dependencies: [
                "WebhookServer", "WithingsAPI", "TestSupport", "Locking",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "WithingsEmulatorTests",
            dependencies: [
                "WithingsEmulator", "CurlTransport", "TestSupport", "Locking",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        // The benchmark's own rules (which message shows which event), checked without running it.
        .testTarget(name: "BenchTests", dependencies: ["withings2mqtt-bench"], swiftSettings: strict),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "withings2mqtt", "withings-emulator", "TestSupport", "MosquittoClient", "CurlTransport", "WithingsAPI",
                "MQTTDiscovery",
            ],
            swiftSettings: strict
        ),
        // The reliability and security fault suite (issue 6); W2M_FAULTS=full scales it to the full run.
        .testTarget(
            name: "FaultTests",
            dependencies: [
                "withings2mqtt", "withings-emulator", "withings2mqtt-fuzz", "TestSupport", "MosquittoClient",
                "CurlTransport", "WithingsAPI", "MQTTDiscovery", "Locking",
            ],
            swiftSettings: strict
        ),
    ]
)
