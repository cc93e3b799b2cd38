import Foundation
import Locking
import MQTTDiscovery
import MosquittoClient
import Synchronization

/// Bed-event latency: webhook POST leaving the client → retained `in_bed` at a subscriber, beside the floor
/// of a plain libmosquitto publisher (our `MosquittoConnection`) doing the same broker round trip.
struct LatencyBench {
    /// The figures of one latency run.
    struct Figures: Codable, Sendable {
        /// Bridge, paced series.
        var pacedBridge: Percentiles
        /// Floor, paced series.
        var pacedFloor: Percentiles
        /// Bridge, burst.
        var burstBridge: Percentiles
        /// Floor, burst.
        var burstFloor: Percentiles
        /// Bridge: first POST to the burst's last in_bed, ms.
        var burstDrainBridgeMs: Double
        /// Floor: first publish to the burst's last message, ms.
        var burstDrainFloorMs: Double
        /// Paced events with no `in_bed` message of their own (folded into a newer state).
        var pacedFoldedBridge: Int
        /// Burst events with no `in_bed` message of their own: the bridge sent only the newest state.
        var burstFoldedBridge: Int
        /// The same for the floor, which publishes every state.
        var burstFoldedFloor: Int
        /// Bed events of the burst that arrived on the account's `events` topic, which is never folded.
        var burstEventMessages: Int
    }

    /// The running processes.
    let world: BenchWorld
    /// The broker the bridge and the floor publish to.
    let brokerPort: Int
    /// The subscriber on the world's broker.
    let recorder: Recorder
    /// The emulator user id of `account`.
    let userID: Int
    /// The account whose in_bed is measured.
    let account: String
    /// Events per latency series.
    let events: Int
    /// Events per second in the paced series.
    let rate: Double

    private var topic: String { "withings2mqtt/\(account)/in_bed" }
    private var eventsTopic: String { "withings2mqtt/\(account)/events" }
    /// The webhook `date` of event 0; event `i` has `firstDate + i`, which its attributes' `measured_at` shows.
    private static let firstDate = 1_700_000_000
    private static let floorTopic = "bench/floor/in_bed"
    /// Keep-alive connections of the bridge's burst, and publishers of the floor's.
    private static let burstLanes = 16

    /// Runs the paced and the burst series for the bridge and the floor.
    func run() async throws -> Figures {
        // Known starting point: OFF on both topics.
        _ = try await sendWebhooks([51], connections: 1, interval: nil)
        try await recorder.waitFor(topic, where: { $0 == "OFF" })
        let floor = try MosquittoConnection(
            options: MosquittoOptions(host: "127.0.0.1", port: brokerPort, clientID: "bench-floor-pub-\(brokerPort)"))
        try floor.start()
        try await floor.publish(MQTTMessage(topic: Self.floorTopic, string: "OFF", qos: 1, retain: true))
        try await recorder.waitFor(Self.floorTopic, where: { $0 == "OFF" })
        defer { Task { _ = await floor.shutdown(finalMessages: [], timeout: .seconds(1)) } }

        let applis = (0..<events).map { $0 % 2 == 0 ? 50 : 51 }
        let states = applis.map { $0 == 50 ? "ON" : "OFF" }
        let interval = Duration.seconds(1 / rate)

        // The paced series run interleaved: each floor publish half an interval after a bridge event, so both
        // see the same moments of this shared machine's noise. Run one after the other, a noisy stretch often
        // fell on one series only and decided the comparison.
        var mark = recorder.count
        let start = ContinuousClock.now + .milliseconds(100)
        async let bridgeSends = sendWebhooks(applis, connections: 1, interval: interval, start: start)
        async let floorSends = publishFloor(floor, states: states, interval: interval, start: start + interval / 2)
        let (pacedSends, floorPacedSends) = try await (bridgeSends, floorSends)
        let pacedBridge = try await bridgeLatencies(sends: pacedSends, states: states, after: mark)
        let pacedFloor = try await floorLatencies(sends: floorPacedSends, after: mark)

        mark = recorder.count
        let burstSends = try await sendWebhooks(applis, connections: Self.burstLanes, interval: nil)
        // First every bed event on `events`: the matching takes the order of application from them.
        let eventMessages = try await bedEventMessages(expected: events, after: mark)
        let burstBridge = try await bridgeLatencies(sends: burstSends, states: states, after: mark)
        let drainBridge = try drain(topic, sends: burstSends, after: mark)

        mark = recorder.count
        let floorBurstSends = try await publishFloor(floor, states: states, interval: nil, lanes: Self.burstLanes)
        let burstFloor = try await floorLatencies(sends: floorBurstSends, after: mark)
        let drainFloor = try drain(Self.floorTopic, sends: floorBurstSends, after: mark)

        return Figures(
            pacedBridge: Percentiles(pacedBridge.samples), pacedFloor: Percentiles(pacedFloor.samples),
            burstBridge: Percentiles(burstBridge.samples), burstFloor: Percentiles(burstFloor.samples),
            burstDrainBridgeMs: drainBridge, burstDrainFloorMs: drainFloor, pacedFoldedBridge: pacedBridge.folded,
            burstFoldedBridge: burstBridge.folded, burstFoldedFloor: burstFloor.folded,
            burstEventMessages: eventMessages)
    }

    /// Posts bed webhooks over `connections` keep-alive connections (one thread each), every `interval` from
    /// `start` or back to back; returns each event's send instant (taken just before its request is written).
    private func sendWebhooks(
        _ applis: [Int], connections: Int, interval: Duration?, start: ContinuousClock.Instant = .now
    ) async throws
        -> [ContinuousClock.Instant]
    {
        let sends = Locked([ContinuousClock.Instant?](repeating: nil, count: applis.count))
        let failure = Locked<String?>(nil)
        let path = "/webhook/\(BenchWorld.secret)"
        let port = world.webhookPort
        let user = userID
        await withTaskGroup(of: Void.self) { group in
            for lane in 0..<connections {
                group.addTask {
                    await onThread {
                        do {
                            let client = try KeepAliveClient(port: port)
                            for index in stride(from: lane, to: applis.count, by: connections) {
                                if let interval {
                                    let due = start + interval * index
                                    let wait = due - ContinuousClock.now
                                    if wait > .zero { Thread.sleep(forTimeInterval: Double(wait.milliseconds) / 1000) }
                                }
                                let at = ContinuousClock.now
                                let status = try client.post(
                                    path: path,
                                    form: "userid=\(user)&appli=\(applis[index])&date=\(Self.firstDate + index)")
                                guard status == 200 else { throw BenchError("webhook answered \(status)") }
                                sends.withLock { $0[index] = at }
                            }
                        } catch {
                            failure.withLock { $0 = "\(error)" }
                        }
                    }
                }
            }
        }
        if let message = failure.withLock({ $0 }) { throw BenchError(message) }
        return sends.withLock { $0.map { $0! } }
    }

    /// Publishes the states straight to the broker, retained, QoS 1: every `interval` from `start`, or as a burst
    /// over `lanes` publishers that each send their next state once the broker acknowledged the previous one, as
    /// the bridge's burst comes over keep-alive connections that each wait for their answer. Each payload carries
    /// the event's index after the state (`ON 17`), so every message is matched to its event.
    private func publishFloor(
        _ floor: MosquittoConnection, states: [String], interval: Duration?, lanes: Int = 1,
        start: ContinuousClock.Instant = .now
    ) async throws
        -> [ContinuousClock.Instant]
    {
        var sends = [ContinuousClock.Instant](repeating: .now, count: states.count)
        if let interval {
            for (index, state) in states.enumerated() {
                try await Task.sleep(until: start + interval * index, clock: .continuous)
                sends[index] = .now
                try await floor.publish(
                    MQTTMessage(topic: Self.floorTopic, string: "\(state) \(index)", qos: 1, retain: true))
            }
            return sends
        }
        let stamped = Locked(sends)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for lane in 0..<lanes {
                group.addTask {
                    for index in stride(from: lane, to: states.count, by: lanes) {
                        let at = ContinuousClock.now
                        stamped.withLock { $0[index] = at }
                        try await floor.publish(
                            MQTTMessage(
                                topic: Self.floorTopic, string: "\(states[index]) \(index)", qos: 1, retain: true))
                    }
                }
            }
            try await group.waitForAll()
        }
        return stamped.withLock { $0 }
    }

    /// The bridge's latency per event (see `ShownStates`), once the series' messages have settled.
    private func bridgeLatencies(
        sends: [ContinuousClock.Instant], states: [String], after mark: Int
    ) async throws -> (samples: [Double], folded: Int) {
        let entries = try await settled(topic, after: mark)
        return try ShownStates.bridge(
            entries, topic: topic, eventsTopic: eventsTopic, states: states, firstDate: Self.firstDate
        ).latencies(sends: sends)
    }

    /// The floor's latency per message.
    private func floorLatencies(
        sends: [ContinuousClock.Instant], after mark: Int
    ) async throws -> (samples: [Double], folded: Int) {
        let entries = try await settled(Self.floorTopic, after: mark)
        return try ShownStates.floor(entries, topic: Self.floorTopic).latencies(sends: sends)
    }

    /// The messages after `mark`, once one arrived on `topic` and half a second has passed.
    private func settled(_ topic: String, after mark: Int) async throws -> [Recorder.Entry] {
        try await recorder.waitFor(topic, after: mark, timeout: .seconds(30)) { _ in true }
        try await Task.sleep(for: .milliseconds(500))
        return recorder.since(mark)
    }

    /// How many bed events arrived on the `events` topic after `mark`, waiting up to 10 s for `expected`.
    private func bedEventMessages(expected: Int, after mark: Int) async throws -> Int {
        let deadline = ContinuousClock.now + .seconds(10)
        while true {
            let count = recorder.since(mark).count { ShownStates.isBedEvent($0, on: eventsTopic) }
            if count >= expected || ContinuousClock.now >= deadline { return count }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// First send → the last message of the burst on `topic`, in ms.
    private func drain(_ topic: String, sends: [ContinuousClock.Instant], after mark: Int) throws -> Double {
        guard let last = recorder.since(mark).last(where: { $0.topic == topic }) else {
            throw BenchError("nothing arrived on \(topic)")
        }
        return (last.at - sends.min()!).milliseconds
    }
}

/// Runs blocking work on its own thread, off Swift's small cooperative pool.
func onThread(_ work: @escaping @Sendable () -> Void) async {
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
        let thread = Thread {
            work()
            continuation.resume()
        }
        thread.start()
    }
}
