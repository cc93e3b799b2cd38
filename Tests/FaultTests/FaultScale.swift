import Foundation

/// How hard the suite pushes: the reduced run by default (part of `swift test` and `.ci/run`), the issue's
/// full figures with `W2M_FAULTS=full` (`scripts/faults.sh`).
struct FaultScale: Sendable {
    /// Broker kill/restart cycles.
    var outages: Int
    /// Bridge SIGKILL/restart cycles.
    var crashes: Int
    /// Generated hostile webhook requests.
    var hostileRequests: Int
    /// Idle connections held open during the storm.
    var idleConnections: Int
    /// Slow-loris connections sending a byte a second.
    var slowLoris: Int
    /// Seconds the mutation fuzz driver runs.
    var fuzzSeconds: Int
    /// Whether this is the full run.
    var isFull: Bool

    /// The scale chosen by `W2M_FAULTS`.
    static let current: FaultScale = {
        if ProcessInfo.processInfo.environment["W2M_FAULTS"] == "full" {
            return FaultScale(
                outages: 20, crashes: 50, hostileRequests: 20_000, idleConnections: 1_000, slowLoris: 20,
                fuzzSeconds: 60, isFull: true)
        }
        return FaultScale(
            outages: 3, crashes: 10, hostileRequests: 2_000, idleConnections: 300, slowLoris: 5, fuzzSeconds: 8,
            isFull: false)
    }()

    /// "full" or "reduced", for the figures.
    var name: String { isFull ? "full" : "reduced" }
}

/// Prints one figure line with a prefix RELIABILITY.md can quote (`FIGURE <area>: …`).
func figure(_ area: String, _ text: String) {
    print("FIGURE \(area) [\(FaultScale.current.name)]: \(text)")
}

/// Summary of a list of durations: min / median / max in milliseconds.
func spread(_ values: [Duration]) -> String {
    guard !values.isEmpty else { return "none" }
    let ms = values.map { Double($0.components.seconds) * 1000 + Double($0.components.attoseconds) / 1e15 }.sorted()
    func text(_ value: Double) -> String { String(format: "%.0f ms", value) }
    return "min \(text(ms.first!)), median \(text(ms[ms.count / 2])), max \(text(ms.last!)) (n=\(ms.count))"
}

/// The longest of `values` (zero when empty).
func longest(_ values: [Duration]) -> Duration { values.max() ?? .zero }
