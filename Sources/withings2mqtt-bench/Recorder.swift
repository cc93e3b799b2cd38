import CMosquitto
import Foundation
import Locking

/// A subscriber that keeps every message with its arrival time, stamped in libmosquitto's network thread.
///
/// Plain libmosquitto with `TCP_NODELAY`, as paho (Home Assistant's MQTT client) sets it: without it, a QoS 1
/// subscriber's PUBACKs meet the broker's Nagle and the kernel's delayed ACK, and a message that follows
/// another one closely waits about 40 ms, which would be measured as the bridge's latency.
final class Recorder: @unchecked Sendable {
    /// One received message.
    struct Entry: Sendable {
        /// Topic.
        var topic: String
        /// Payload as UTF-8.
        var payload: String
        /// Arrival, stamped in the network thread.
        var at: ContinuousClock.Instant
    }

    private let entries = Locked<[Entry]>([])
    private var handle: OpaquePointer?
    private static let initialised: Int32 = mosquitto_lib_init()

    private init() {}

    /// Connects to the broker on `port` and subscribes to `filter` (QoS 1); returns once the SUBACK is in.
    static func start(port: Int, filter: String = "#") async throws -> Recorder {
        _ = initialised
        let recorder = Recorder()
        let context = Unmanaged.passUnretained(recorder).toOpaque()
        guard let handle = mosquitto_new("bench-sub-\(UUID().uuidString.prefix(8))", true, context) else {
            throw BenchError("mosquitto_new failed")
        }
        recorder.handle = handle
        mosquitto_int_option(handle, MOSQ_OPT_TCP_NODELAY, 1)
        mosquitto_message_callback_set(handle) { _, context, message in
            guard let context, let message else { return }
            let at = ContinuousClock.now
            let recorder = Unmanaged<Recorder>.fromOpaque(context).takeUnretainedValue()
            let topic = String(cString: message.pointee.topic)
            let payload =
                message.pointee.payload.map {
                    String(
                        decoding: UnsafeRawBufferPointer(start: $0, count: Int(message.pointee.payloadlen)),
                        as: UTF8.self)
                } ?? ""
            recorder.entries.withLock { $0.append(Entry(topic: topic, payload: payload, at: at)) }
        }
        guard mosquitto_connect(handle, "127.0.0.1", Int32(port), 60) == MOSQ_ERR_SUCCESS.rawValue,
            mosquitto_subscribe(handle, nil, filter, 1) == MOSQ_ERR_SUCCESS.rawValue,
            mosquitto_loop_start(handle) == MOSQ_ERR_SUCCESS.rawValue
        else { throw BenchError("the subscriber cannot connect to port \(port)") }
        // The SUBACK has no callback here: wait for retained messages to settle instead.
        try await Task.sleep(for: .milliseconds(300))
        return recorder
    }

    /// How many messages arrived so far (a mark for `since`).
    var count: Int { entries.withLock { $0.count } }

    /// Messages after a mark.
    func since(_ mark: Int) -> [Entry] { entries.withLock { Array($0.dropFirst(mark)) } }

    /// Waits until a message on `topic` after `mark` satisfies `predicate`; returns it.
    @discardableResult
    func waitFor(
        _ topic: String, after mark: Int = 0, timeout: Duration = .seconds(60),
        where predicate: @Sendable (String) -> Bool = { _ in true }
    ) async throws -> Entry {
        let deadline = ContinuousClock.now + timeout
        var checked = mark
        while ContinuousClock.now < deadline {
            let fresh = since(checked)
            if let hit = fresh.first(where: { $0.topic == topic && predicate($0.payload) }) { return hit }
            checked += fresh.count
            try await Task.sleep(for: .milliseconds(2))
        }
        throw BenchError("no matching message on \(topic) within \(timeout)")
    }

    /// Disconnects and frees the handle.
    func stop() async {
        guard let handle else { return }
        self.handle = nil
        mosquitto_disconnect(handle)
        mosquitto_loop_stop(handle, false)
        mosquitto_destroy(handle)
    }
}
