import MQTTDiscovery

/// The one place that writes to the broker: holds the `RetainedStateStore` and sends what is pending while
/// the connection is up.
///
/// Workers call `set`/`clear`/`event` and return at once; `MQTTSessionService` runs `drain` when connected.
public actor StatePublisher {
    private var store = RetainedStateStore()
    private var connected = false
    private let wake: AsyncStream<Void>.Continuation
    /// Signals that something is pending or the connection changed; consumed by the session service.
    nonisolated let wakeups: AsyncStream<Void>

    /// Creates a publisher with nothing to send.
    public init() {
        (wakeups, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Sets a retained topic (see `RetainedStateStore.set`).
    public func set(_ topic: String, _ payload: String, force: Bool = true) {
        if store.set(topic, Array(payload.utf8), force: force) { wake.yield() }
    }

    /// Sets many retained topics at once.
    public func set(_ messages: [(topic: String, payload: String)], force: Bool) {
        var queued = false
        for message in messages where store.set(message.topic, Array(message.payload.utf8), force: force) {
            queued = true
        }
        if queued { wake.yield() }
    }

    /// Applies built messages: retained ones replace the topic's payload (an empty one clears it, and every
    /// one is sent even when unchanged), others are queued as events.
    public func apply(_ messages: [MQTTMessage]) {
        guard !messages.isEmpty else { return }
        for message in messages {
            if !message.retain {
                store.enqueueEvent(message)
            } else if message.payload.isEmpty {
                store.clear(message.topic)
            } else {
                store.set(message.topic, message.payload, force: true)
            }
        }
        wake.yield()
    }

    /// Removes a retained topic from the broker.
    public func clear(_ topic: String) {
        store.clear(topic)
        wake.yield()
    }

    /// Queues a non-retained event.
    public func event(_ topic: String, _ payload: String) {
        store.enqueueEvent(MQTTMessage(topic: topic, string: payload, qos: 1, retain: false))
        wake.yield()
    }

    /// Records a connection change; on connect every retained topic is sent again, since the broker may
    /// have lost them (no persistence) or lost our last updates.
    public func connectionChanged(connected: Bool) {
        self.connected = connected
        if connected { store.markAllDirty() }
        wake.yield()
    }

    /// Marks the topics matching `predicate` to be sent again (Home Assistant came online).
    public func republish(where predicate: @Sendable (String) -> Bool) {
        store.markAllDirty(matching: predicate)
        wake.yield()
    }

    /// Takes the next batch to send, or nothing while disconnected.
    func nextBatch(limit: Int) -> [MQTTMessage] {
        guard connected else { return [] }
        return store.take(limit: limit)
    }

    /// Puts a message back after a failed send, unless a newer payload replaced it meanwhile.
    func requeue(_ message: MQTTMessage) {
        if message.retain {
            if store.payload(of: message.topic) == message.payload || store.payload(of: message.topic) == nil {
                store.set(message.topic, message.payload, force: true)
            }
        } else {
            store.enqueueEvent(message)
        }
    }

    /// Whether a batch is waiting and can be sent.
    var canDrain: Bool { connected && store.hasPending }

    /// The retained topics the bridge owns now.
    public var ownedTopics: Set<String> { store.topics }

    /// The payload the bridge holds for a topic.
    public func payload(of topic: String) -> String? {
        store.payload(of: topic).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Events dropped during a long outage since start.
    public var droppedEvents: Int { store.droppedEvents }
}
