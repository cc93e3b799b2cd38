import Foundation
import Testing

@testable import withings2mqtt_bench

@Suite struct ShownStatesTests {
    private let topic = "withings2mqtt/alice/in_bed"
    private let eventsTopic = "withings2mqtt/alice/events"
    private let firstDate = 1_700_000_000
    private let start = ContinuousClock.now

    private func at(_ milliseconds: Double) -> ContinuousClock.Instant {
        start + .microseconds(Int(milliseconds * 1000))
    }

    private func measuredAt(_ event: Int) -> String {
        ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval(firstDate + event)))
    }

    /// The two messages the bridge publishes for a shown event, `in_bed` and its attributes.
    private func shown(_ event: Int, _ state: String, atMs milliseconds: Double) -> [Recorder.Entry] {
        [
            Recorder.Entry(topic: topic, payload: state, at: at(milliseconds)),
            Recorder.Entry(
                topic: topic + "/attributes", payload: #"{"measured_at":"\#(measuredAt(event))"}"#,
                at: at(milliseconds + 0.01)),
        ]
    }

    private func applied(_ event: Int, atMs milliseconds: Double) -> Recorder.Entry {
        Recorder.Entry(
            topic: eventsTopic, payload: #"{"event":"bed","in_bed":"ON","measured_at":"\#(measuredAt(event))"}"#,
            at: at(milliseconds))
    }

    private func bridgeLatencies(
        _ entries: [Recorder.Entry], states: [String], sends: [ContinuousClock.Instant]
    ) throws -> (samples: [Double], folded: Int) {
        try ShownStates.bridge(entries, topic: topic, eventsTopic: eventsTopic, states: states, firstDate: firstDate)
            .latencies(sends: sends)
    }

    @Test func anEventShownOnItsOwnCountsUntilItsOwnMessage() throws {
        let entries = shown(0, "ON", atMs: 0.7) + shown(1, "OFF", atMs: 2.5)
        let result = try bridgeLatencies(entries, states: ["ON", "OFF"], sends: [at(0), at(2)])
        #expect(result.folded == 0)
        #expect(abs(result.samples[0] - 0.7) < 0.001)
        #expect(abs(result.samples[1] - 0.5) < 0.001)
    }

    @Test func aFoldedEventCountsUntilTheStateOfAnEventAppliedAfterIt() throws {
        // Event 2 (ON) was applied before event 0 (ON) and shown 0.3 ms after event 0 was sent: it is older than
        // event 0, so it does not show it, although its value is the same. Event 1, applied after event 0,
        // replaced it and is shown at 3 ms.
        let entries =
            [applied(2, atMs: 0.1)] + shown(2, "ON", atMs: 0.3) + [applied(0, atMs: 0.4), applied(1, atMs: 0.5)]
            + shown(1, "OFF", atMs: 3)
        let result = try bridgeLatencies(entries, states: ["ON", "OFF", "ON"], sends: [at(0), at(0.05), at(0.02)])
        #expect(result.folded == 1)
        #expect(abs(result.samples[0] - 3) < 0.001)
    }

    @Test func aPairWhoseStateIsNotItsEventsIsLeftOut() throws {
        let entries = shown(0, "OFF", atMs: 0.5) + shown(1, "OFF", atMs: 4)
        let result = try bridgeLatencies(entries, states: ["ON", "OFF"], sends: [at(0), at(1)])
        #expect(result.folded == 1)
        #expect(abs(result.samples[0] - 4) < 0.001)
    }

    @Test func theFloorsPayloadCarriesItsIndex() throws {
        let entries = [
            Recorder.Entry(topic: "bench/floor/in_bed", payload: "OFF", at: at(0)),
            Recorder.Entry(topic: "bench/floor/in_bed", payload: "OFF 1", at: at(0.9)),
            Recorder.Entry(topic: "bench/floor/in_bed", payload: "ON 0", at: at(1.2)),
        ]
        let shown = ShownStates.floor(entries, topic: "bench/floor/in_bed")
        #expect(shown.arrivals.map(\.event) == [1, 0])
        let result = try shown.latencies(sends: [at(0.1), at(0.2)])
        #expect(result.folded == 0)
        #expect(abs(result.samples[0] - 1.1) < 0.001)
        #expect(abs(result.samples[1] - 0.7) < 0.001)
    }

    @Test func noMessageAtAllIsAnError() {
        #expect(throws: BenchError.self) {
            try ShownStates(arrivals: []).latencies(sends: [at(0)])
        }
    }
}
