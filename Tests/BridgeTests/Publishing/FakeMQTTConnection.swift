import Locking
import MQTTDiscovery

/// An `MQTTConnection` for unit tests: the test feeds events and reads what was published and subscribed.
///
/// `send` returns once the service asked for the event after it, i.e. once it has handled the one sent.
final class FakeMQTTConnection: MQTTConnection {
    let events: AsyncStream<MQTTEvent>
    private let queue = EventQueue()
    private let log = Locked<(published: [MQTTMessage], filters: [String])>(([], []))
    private let slowTopic: String?
    private let delay: Duration

    /// Creates a connection whose publishes to `slowTopic` take `delay` to be acknowledged.
    init(slowTopic: String? = nil, delay: Duration = .zero) {
        self.slowTopic = slowTopic
        self.delay = delay
        let queue = queue
        events = AsyncStream(unfolding: { await queue.next() })
    }

    /// Delivers an event and waits until the service has handled it.
    func send(_ event: MQTTEvent) async {
        let pushed = await queue.push(event)
        while await queue.pulls <= pushed { try? await Task.sleep(for: .milliseconds(1)) }
    }

    /// Ends the event stream, which ends the service's run.
    func finish() async { _ = await queue.push(nil) }

    /// Everything published so far.
    var published: [MQTTMessage] { log.withLock { $0.published } }

    /// The filters subscribed now.
    var filters: [String] { log.withLock { $0.filters } }

    func enqueue(_ message: MQTTMessage) throws -> MQTTPendingPublish {
        log.withLock { $0.published.append(message) }
        let slow = message.topic == slowTopic
        let delay = delay
        return MQTTPendingPublish {
            if slow { try? await Task.sleep(for: delay) }
        }
    }

    func subscribe(_ filter: String, qos: Int) async throws {
        log.withLock { $0.filters.append(filter) }
    }

    func unsubscribe(_ filter: String) async throws {
        log.withLock { $0.filters.removeAll { $0 == filter } }
    }
}

/// The events in flight, counting how often the consumer asked for the next one.
private actor EventQueue {
    private var buffer: [MQTTEvent?] = []
    private var waiting: CheckedContinuation<MQTTEvent?, Never>?
    private var pushed = 0
    private(set) var pulls = 0

    /// Queues an event (nil ends the stream) and returns how many were pushed so far.
    func push(_ event: MQTTEvent?) -> Int {
        pushed += 1
        if let waiting {
            self.waiting = nil
            waiting.resume(returning: event)
        } else {
            buffer.append(event)
        }
        return pushed
    }

    /// The consumer's request for the next event.
    func next() async -> MQTTEvent? {
        pulls += 1
        if !buffer.isEmpty { return buffer.removeFirst() }
        return await withCheckedContinuation { waiting = $0 }
    }
}
