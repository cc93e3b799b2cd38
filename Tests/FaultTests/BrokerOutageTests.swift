import Foundation
import TestSupport
import Testing

/// Issue 6.1: mosquitto killed (SIGKILL, no persistence: every retained message is gone) and restarted while
/// webhooks and polls go on. After each restart every retained state and discovery config must be back within
/// 2 s of the broker accepting connections, and `in_bed` must equal the last bed event, including the events
/// that arrived while the broker was down.
@Suite(.timeLimit(.minutes(10)))
struct BrokerOutageTests {
    @Test func retainedStateComesBackAfterEveryBrokerRestart() async throws {
        let scale = FaultScale.current
        let world = try await FaultWorld.start(pollInterval: "60s")
        defer { Task { await world.shutdown() } }
        #expect(try await world.authorize("alice", as: "alice").status == 0)
        #expect(try await world.authorize("bob", as: "bob").status == 0)
        try world.startBridge()
        let recorder = world.recorder
        try await recorder.waitUntilSettled(accounts: ["alice", "bob"])
        try await recorder.waitFor("withings2mqtt/alice/in_bed") { $0 == "None" }
        try await Task.sleep(for: .seconds(1))
        let baseline = try await world.broker.retainedStrings("#")
        let configs = baseline.keys.filter { $0.hasPrefix("homeassistant/") }.count
        #expect(configs > 100, "only \(configs) discovery configs retained")
        figure("outage", "baseline: \(baseline.count) retained topics (\(configs) discovery configs)")

        var random = SystemRandomNumberGenerator()
        var inBed = "None"
        var weight = 80.0
        var recoveries: [Duration] = []
        var downtimes: [Duration] = []
        var eventsWhileDown = 0
        for round in 1...scale.outages {
            await world.broker.stop(abruptly: true)
            let down = ContinuousClock.now
            // Bed events for alice and a new weigh-in (a webhook-triggered refresh, i.e. a poll) for bob.
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let appli = Bool.random(using: &random) ? 50 : 51
                let status = try await world.fireWebhook(user: "alice", appli: appli)
                #expect(status == 200, "round \(round): the bridge answered \(String(describing: status))")
                inBed = appli == 50 ? "ON" : "OFF"
                eventsWhileDown += 1
            }
            weight += 0.1
            try await world.control("POST", "/_emulator/measurements", ["user": "bob", "type": 1, "value": weight])
            _ = try await world.fireWebhook(user: "bob", appli: 1)
            try await Task.sleep(for: .milliseconds(Int.random(in: 300...2500, using: &random)))

            try await world.broker.restart()
            let accepting = ContinuousClock.now
            downtimes.append(accepting - down)
            let fresh = try await MessageRecorder.start(port: world.broker.port)
            let expectedBed = inBed
            let back = try await waitUntilBack(fresh, topics: Set(baseline.keys), inBed: expectedBed)
            recoveries.append(back - accepting)
            #expect(back - accepting <= .seconds(2), "round \(round): retained state back after \(back - accepting)")
            let expectedWeight = String(format: "%g", (weight * 10).rounded() / 10)
            try await fresh.waitFor("withings2mqtt/bob/weight_kg", timeout: .seconds(15)) { $0 == expectedWeight }
            await fresh.stop()
            let retained = try await world.broker.retainedStrings("withings2mqtt/alice/in_bed")
            #expect(retained["withings2mqtt/alice/in_bed"] == expectedBed, "round \(round)")
        }
        #expect(world.bridge?.isRunning == true)
        figure(
            "outage",
            "\(scale.outages) broker SIGKILL/restarts, \(eventsWhileDown) bed events while down, "
                + "downtime \(spread(downtimes))")
        figure(
            "outage",
            "all \(baseline.count) retained topics back and in_bed = last event after the broker accepted: "
                + spread(recoveries) + " (bound 2 s)")
    }

    /// Waits until the recorder has seen every topic and the expected `in_bed`; returns when the last arrived.
    private func waitUntilBack(
        _ recorder: MessageRecorder, topics: Set<String>, inBed: String
    ) async throws -> ContinuousClock.Instant {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            let entries = recorder.since(0)
            var firstArrival: [String: ContinuousClock.Instant] = [:]
            for entry in entries where firstArrival[entry.topic] == nil && !entry.payload.isEmpty {
                firstArrival[entry.topic] = entry.at
            }
            let bed = entries.last { $0.topic == "withings2mqtt/alice/in_bed" }
            if topics.isSubset(of: firstArrival.keys), let bed, bed.payload == inBed {
                return max(topics.compactMap { firstArrival[$0] }.max() ?? bed.at, bed.at)
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        let missing = topics.subtracting(recorder.latestByTopic().keys)
        throw FaultWorldError(
            "not back in 30 s: \(missing.count) topics missing (\(missing.sorted().prefix(5))), in_bed "
                + "\(recorder.latest("withings2mqtt/alice/in_bed") ?? "none"), expected \(inBed)")
    }
}
