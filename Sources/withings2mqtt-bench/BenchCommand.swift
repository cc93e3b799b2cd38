import ArgumentParser
import Foundation
import TestSupport

/// `withings2mqtt-bench`: runs the benchmarks of issue 5 against the release binaries next to it, prints the
/// table and writes the figures as JSON. `scripts/bench.sh` builds everything and calls it.
@main
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withings2mqtt-bench", abstract: "Benchmarks withings2mqtt against its floor and a peer.")

    @Option(help: "Where to write the figures.") var output = "bench-results.json"
    @Option(help: "Seconds of idle CPU measurement.") var idleSeconds: Double = 60
    @Option(help: "Bed events per latency series.") var events = 1000
    @Option(help: "Python of the venv with aiowithings (the peer); the peer is skipped without it.") var python: String?
    @Option(help: "The peer script.") var peerScript = "scripts/bench_peer.py"
    @Option(help: "Size in bytes of the stripped release binary.") var strippedBytes: Int?
    @Option(help: "Size in bytes of the stripped --static-swift-stdlib binary.") var staticBytes: Int?

    @Option(help: "Only decode and aggregate this getmeas answer --repeat times (for a profiler), then exit.")
    var decodeOnly: String?
    @Option(help: "Repetitions for --decode-only.") var `repeat` = 10
    @Flag(help: "Only run the bed-event latency series (for profiling the event path), then exit.")
    var latencyOnly = false
    @Flag(help: "Only run the decade of history (first cycles and decoding), then exit.")
    var historyOnly = false
    @Flag(help: "Only measure the idle footprint (and that of --static-binary), then exit.")
    var footprintOnly = false
    @Option(help: "The --static-swift-stdlib build of withings2mqtt, whose footprint is measured too.")
    var staticBinary: String?

    func run() async throws {
        if let decodeOnly {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: decodeOnly)))
            for _ in 0..<`repeat` {
                var started = ContinuousClock.now
                let keys = try HistoryBench.decodeAndAggregate(bytes).keys
                let sliced = (ContinuousClock.now - started).milliseconds
                started = ContinuousClock.now
                _ = try HistoryBench.decodeAndAggregateWholePage(bytes)
                let whole = (ContinuousClock.now - started).milliseconds
                print(
                    "\(keys) keys: indexed and sliced (the bridge) \(String(format: "%.1f", sliced)) ms, whole page \(String(format: "%.1f", whole)) ms"
                )
            }
            return
        }
        let environment = ServiceUnit.environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        print("the bridge runs with the systemd unit's environment: \(environment.joined(separator: " "))")
        if latencyOnly {
            let figures = try await HouseholdBench(idleSeconds: 0, events: events).latencyOnly()
            let series = [
                ("paced", figures.pacedBridge, figures.pacedFloor), ("burst", figures.burstBridge, figures.burstFloor),
            ]
            for (name, bridge, floor) in series {
                print(
                    "\(name): bridge p50 \(bridge.p50) p99 \(bridge.p99) max \(bridge.max) ms; "
                        + "floor p50 \(floor.p50) p99 \(floor.p99) max \(floor.max) ms")
            }
            print(
                "burst drain: bridge \(figures.burstDrainBridgeMs) ms, floor \(figures.burstDrainFloorMs) ms; "
                    + "folded: bridge \(figures.burstFoldedBridge) (paced \(figures.pacedFoldedBridge)), "
                    + "floor \(figures.burstFoldedFloor); bed events on the events topic \(figures.burstEventMessages)")
            return
        }
        if footprintOnly {
            let bench = HouseholdBench(idleSeconds: idleSeconds, events: events, staticBinary: staticBinary)
            let (dynamic, statically) = try await bench.footprintOnly()
            for (name, figures) in [("dynamic", dynamic), ("static", statically)] {
                guard let figures else { continue }
                print(
                    "\(name): idle RSS \(figures.idleRSSMiB) MiB (\(figures.idleAnonRSSMiB) + "
                        + "\(figures.idleFileRSSMiB)), idle CPU \(figures.idleCPUSeconds) s in \(figures.idleSeconds) s"
                )
            }
            return
        }
        print("== decade of history (generated user, 10 years)")
        let history = try await HistoryBench(python: python, peerScript: peerScript, staticBinary: staticBinary).run()
        if historyOnly {
            for cycle in [history.pagedCycle, history.onePageCycle] + [history.staticOnePageCycle].compactMap({ $0 }) {
                print(
                    "first cycle, \(cycle.pageSize) per page: \(Int(cycle.wallMs)) ms (first weight "
                        + "\(Int(cycle.firstWeightMs ?? -1)) ms), CPU \(cycle.cpuSeconds) s, "
                        + "peak RSS \(cycle.peakRSSMiB) MiB, \(cycle.apiRequests) requests")
            }
            return
        }
        print("== household (alice and bob): footprint, API economy, latency, throughput, start-up")
        let household = try await HouseholdBench(idleSeconds: idleSeconds, events: events, staticBinary: staticBinary)
            .run()
        let day = BenchResults.ApiDay(household.economy)
        let binary = BenchResults.BinarySizes(strippedBytes: strippedBytes, strippedStaticStdlibBytes: staticBytes)
        var results = BenchResults(
            machine: .current(), date: ISO8601DateFormatter().string(from: Date()), history: history,
            household: household, binary: binary, day: day, targets: [])
        results.targets = TargetEvaluation.checks(results)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(results).write(to: URL(fileURLWithPath: output))
        print(ResultTable.render(results))
        print("figures written to \(output)")
    }
}
