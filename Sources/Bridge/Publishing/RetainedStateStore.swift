import MQTTDiscovery

/// What the broker should hold: the latest retained payload of every topic the bridge owns, and which of them
/// still have to be sent.
///
/// Workers only write here and never wait for the broker; the publisher drains it while connected. During a
/// broker outage memory stays bounded (one payload per topic, the newest wins) and nothing is lost: on reconnect
/// every topic is marked to send again. Non-retained event messages wait in a bounded queue.
public struct RetainedStateStore: Sendable {
    private var payloads: [String: [UInt8]] = [:]
    private var dirty: [String] = []
    private var dirtySet: Set<String> = []
    private var events: [MQTTMessage] = []

    /// How many non-retained events are kept while they cannot be sent; the oldest go first.
    public let eventCapacity: Int
    /// Events dropped because the queue was full, since start.
    public private(set) var droppedEvents = 0

    /// Creates an empty store.
    public init(eventCapacity: Int = 10_000) {
        self.eventCapacity = eventCapacity
    }

    /// Sets a retained topic's payload. With `force` false an unchanged payload is not sent again (discovery
    /// configs); with `force` true it is (states are re-published every cycle). Returns whether it was queued.
    @discardableResult
    public mutating func set(_ topic: String, _ payload: [UInt8], force: Bool) -> Bool {
        if !force, payloads[topic] == payload { return false }
        payloads[topic] = payload
        markDirty(topic)
        return true
    }

    /// Clears a retained topic on the broker (an empty retained payload) and forgets it.
    public mutating func clear(_ topic: String) {
        payloads[topic] = []
        markDirty(topic)
    }

    /// Queues a non-retained event message.
    public mutating func enqueueEvent(_ message: MQTTMessage) {
        if events.count >= eventCapacity {
            events.removeFirst(events.count - eventCapacity + 1)
            droppedEvents += 1
        }
        events.append(message)
    }

    /// Marks every known topic to be sent again (after a reconnect, or when the broker may have lost them).
    public mutating func markAllDirty(matching predicate: (String) -> Bool = { _ in true }) {
        for topic in payloads.keys.sorted() where predicate(topic) { markDirty(topic) }
    }

    /// Takes up to `limit` messages to send: retained topics in the order they became dirty, then events in
    /// the order they happened. Cleared topics are forgotten once taken.
    public mutating func take(limit: Int) -> [MQTTMessage] {
        var batch: [MQTTMessage] = []
        // States first: a burst of events must not hold back the `in_bed` state automations wait for.
        var taken = 0
        while batch.count < limit, taken < dirty.count {
            let topic = dirty[taken]
            taken += 1
            dirtySet.remove(topic)
            let payload = payloads[topic] ?? []
            if payload.isEmpty { payloads[topic] = nil }
            batch.append(MQTTMessage(topic: topic, payload: payload, qos: 1, retain: true))
        }
        dirty.removeFirst(taken)
        let eventCount = min(limit - batch.count, events.count)
        batch.append(contentsOf: events.prefix(eventCount))
        events.removeFirst(eventCount)
        return batch
    }

    /// Whether anything waits to be sent.
    public var hasPending: Bool { !dirty.isEmpty || !events.isEmpty }

    /// The retained payload the broker should hold for `topic`.
    public func payload(of topic: String) -> [UInt8]? { payloads[topic] }

    /// Every retained topic the bridge currently owns.
    public var topics: Set<String> { Set(payloads.keys) }

    private mutating func markDirty(_ topic: String) {
        if dirtySet.insert(topic).inserted { dirty.append(topic) }
    }
}
