import Foundation

/// The state messages a subscriber received, each with the event it shows, and the latency of every event
/// measured against them.
///
/// The bridge keeps only the newest payload of a retained topic when it falls behind (docs/MQTT.md), so in a
/// burst most `in_bed` messages stand for the newest of several events. An event shown on its own counts until
/// its own message. An event folded into a newer one counts until the first message, after it was sent, that
/// shows an event applied after it (the state that replaced it); the bridge's `events` topic, which carries
/// every bed event in the order the bridge applied them, gives that order. Matching on the payload alone (`ON`/`OFF`)
/// credited a folded event with whichever message of equal value came next, often one from a later write, and
/// an event with an older message of equal value still on its way: it overstated the burst's tail and
/// understated its median.
struct ShownStates {
    /// One state message and the event it shows.
    struct Arrival: Sendable {
        /// Arrival at the subscriber.
        var at: ContinuousClock.Instant
        /// Index of the event in the series.
        var event: Int
    }

    /// The messages in arrival order.
    let arrivals: [Arrival]
    /// Each event's place in the order it was applied, where known; otherwise events count in send order.
    var applied: [Int: Int] = [:]

    /// Per-event latencies in ms, and how many events had no message of their own.
    func latencies(sends: [ContinuousClock.Instant]) throws -> (samples: [Double], folded: Int) {
        guard let last = arrivals.last else { throw BenchError("no state message arrived") }
        var own = [ContinuousClock.Instant?](repeating: nil, count: sends.count)
        for arrival in arrivals where sends.indices.contains(arrival.event) && own[arrival.event] == nil {
            own[arrival.event] = arrival.at
        }
        var folded = 0
        let samples = sends.indices.map { index in
            if let at = own[index] { return (at - sends[index]).milliseconds }
            folded += 1
            let replaced = arrivals.first { $0.at >= sends[index] && isLater($0.event, than: index, sends: sends) }
            return ((replaced ?? last).at - sends[index]).milliseconds
        }
        return (samples, folded)
    }

    private func isLater(_ event: Int, than other: Int, sends: [ContinuousClock.Instant]) -> Bool {
        if let rank = applied[event], let otherRank = applied[other] { return rank > otherRank }
        return sends[event] > sends[other]
    }

    /// The bridge's `in_bed` messages, each paired with the attributes message published right after it, whose
    /// `measured_at` is the event's webhook `date` (`firstDate` plus its index). A pair whose state is not that
    /// event's is left out, which can only lengthen a latency. The order of application comes from the bed
    /// events on `eventsTopic`.
    static func bridge(
        _ entries: [Recorder.Entry], topic: String, eventsTopic: String, states: [String], firstDate: Int
    ) -> ShownStates {
        let attributesTopic = topic + "/attributes"
        var arrivals: [Arrival] = []
        var applied: [Int: Int] = [:]
        var state: Recorder.Entry?
        for entry in entries {
            if isBedEvent(entry, on: eventsTopic), let date = measuredAt(entry.payload),
                applied[date - firstDate] == nil
            {
                applied[date - firstDate] = applied.count
            } else if entry.topic == topic {
                state = entry
            } else if entry.topic == attributesTopic, let shown = state {
                state = nil
                guard let date = measuredAt(entry.payload) else { continue }
                let event = date - firstDate
                if states.indices.contains(event), states[event] == shown.payload {
                    arrivals.append(Arrival(at: shown.at, event: event))
                }
            }
        }
        return ShownStates(arrivals: arrivals, applied: applied)
    }

    /// The floor's messages, whose payload is the state and the event's index (`ON 17`).
    static func floor(_ entries: [Recorder.Entry], topic: String) -> ShownStates {
        ShownStates(
            arrivals: entries.compactMap { entry in
                guard entry.topic == topic, let index = entry.payload.split(separator: " ").last.flatMap({ Int($0) })
                else { return nil }
                return Arrival(at: entry.at, event: index)
            })
    }

    /// Whether `entry` is a bed event on the account's `events` topic.
    static func isBedEvent(_ entry: Recorder.Entry, on eventsTopic: String) -> Bool {
        entry.topic == eventsTopic && entry.payload.contains(#""event":"bed""#)
    }

    private static func measuredAt(_ json: String) -> Int? {
        struct Fields: Decodable { var measured_at: String }
        guard let text = try? JSONDecoder().decode(Fields.self, from: Data(json.utf8)).measured_at,
            let date = ISO8601DateFormatter().date(from: text)
        else { return nil }
        return Int(date.timeIntervalSince1970)
    }
}
