import Locking
import MQTTDiscovery

/// Reads a connection's `events` in the background so tests can wait for what they expect.
final class EventRecorder: Sendable {
    private let items = Locked<[MQTTEvent]>([])
    private let finished = Locked(false)

    /// Starts recording `stream` until it finishes.
    static func recording(_ stream: AsyncStream<MQTTEvent>) -> EventRecorder {
        let recorder = EventRecorder()
        Task {
            for await event in stream { recorder.items.withLock { $0.append(event) } }
            recorder.finished.withLock { $0 = true }
        }
        return recorder
    }

    /// Everything recorded so far.
    var events: [MQTTEvent] { items.withLock { $0 } }

    /// Whether the stream has finished.
    var isFinished: Bool { finished.withLock { $0 } }

    /// The messages recorded so far.
    var messages: [MQTTMessage] {
        events.compactMap { if case .message(let message) = $0 { message } else { nil } }
    }

    /// How many `.connected` events were recorded.
    var connectedCount: Int { events.filter { $0 == .connected }.count }

    /// The reasons of the `.disconnected` events.
    var disconnectReasons: [String] {
        events.compactMap { if case .disconnected(let reason) = $0 { reason } else { nil } }
    }

    /// Waits until `condition` holds; false after `timeout` (a guard against hanging, not a speed check).
    func wait(timeout: Duration = .seconds(30), until condition: (EventRecorder) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition(self) { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return condition(self)
    }
}
