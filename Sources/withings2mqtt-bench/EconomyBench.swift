import Foundation

/// API economy: what one account's simulated day costs in Withings requests, measured on the emulator.
///
/// Measured for real: the requests of one poll cycle, of the hourly goal/device refresh and subscription
/// check (a warm restart does exactly these), and of the day's events delivered as webhooks. The day is then
/// composed from the bridge's documented schedule (see BENCHMARKS.md) rather than waited out.
struct EconomyBench {
    /// Measured unit costs for one account (alice).
    struct Figures: Codable, Sendable {
        /// Requests of a warm start (one cycle, goals/devices, subscription check).
        var warmStartByEndpoint: [String: Int]
        /// Requests caused by the day's webhooks.
        var dayEventsByEndpoint: [String: Int]
        /// The day's events, in order.
        var dayEvents: [String]
    }

    /// The running processes.
    let world: BenchWorld
    /// The subscriber on the world's broker.
    let recorder: Recorder

    /// Runs it; the bridge is running with its first cycle done.
    func run() async throws -> Figures {
        let alice = String(try await world.userIDs()["alice"] ?? 0)
        await world.stopBridge()
        try await world.resetRequestCounts()
        let mark = recorder.count
        try world.startBridge()
        _ = try await world.waitForFirstCycle(recorder, after: mark)
        try await Task.sleep(for: .seconds(3))
        let warm = try await perUser(alice)

        try await world.resetRequestCounts()
        var events: [String] = []
        func webhook(_ appli: Int, _ label: String, settle: Duration = .milliseconds(3500)) async throws {
            try await world.control("POST", "/_emulator/webhooks", ["user": "alice", "appli": appli])
            events.append(label)
            try await Task.sleep(for: settle)
        }
        for (index, weight) in [63.9, 64.2].enumerated() {
            try await world.control("POST", "/_emulator/measurements", ["user": "alice", "type": 1, "value": weight])
            try await webhook(1, "weigh-in \(index + 1) (appli 1)")
        }
        try await webhook(50, "bed in (appli 50)", settle: .milliseconds(300))
        try await webhook(51, "bed out (appli 51)", settle: .milliseconds(300))
        try await world.control("POST", "/_emulator/sleep", ["user": "alice"])
        try await webhook(44, "sleep summary (appli 44)")
        for step in 1...4 {
            try await world.control("POST", "/_emulator/activity", ["user": "alice", "steps": step * 2500])
            try await webhook(16, "activity sync \(step) (appli 16)")
        }
        return Figures(warmStartByEndpoint: warm, dayEventsByEndpoint: try await perUser(alice), dayEvents: events)
    }

    private func perUser(_ userID: String) async throws -> [String: Int] {
        let answer = try await world.control("GET", "/_emulator/requests")
        let users = answer["users"] as? [String: Any] ?? [:]
        guard let mine = users[userID] as? [String: Int] else {
            // Token calls may not carry a user; keep the whole picture then.
            return answer["endpoints"] as? [String: Int] ?? [:]
        }
        return mine
    }
}
