import Foundation
import Locking
import MQTTDiscovery
import MosquittoClient

/// Subscribes to the broker like a Home Assistant would and keeps every message with its arrival time.
public final class MessageRecorder: Sendable {
    /// One received message.
    public struct Entry: Sendable {
        /// The topic.
        public var topic: String
        /// The payload as text.
        public var payload: String
        /// Whether the broker delivered it as retained.
        public var retained: Bool
        /// When it arrived.
        public var at: ContinuousClock.Instant
    }

    private let connection: MosquittoConnection
    private let entries = Locked<[Entry]>([])
    private let reader: Locked<Task<Void, Never>?> = Locked(nil)

    private init(connection: MosquittoConnection) {
        self.connection = connection
    }

    /// Connects to the broker on `port` and subscribes to `filter`.
    public static func start(
        port: Int, filter: String = "#", username: String? = nil, password: String? = nil
    ) async throws -> MessageRecorder {
        let connection = try MosquittoConnection(
            options: MosquittoOptions(
                host: "127.0.0.1", port: port, clientID: "recorder-\(UUID().uuidString.prefix(8))",
                username: username, password: password,
                // Never drop: a test storm can keep the reading task off the pool for minutes, and a dropped
                // message would look like one the bridge never sent.
                eventBufferSize: Int.max))
        let recorder = MessageRecorder(connection: connection)
        let task = Task {
            for await event in connection.events {
                if case .message(let message) = event {
                    let entry = Entry(
                        topic: message.topic, payload: message.payloadString, retained: message.retain, at: .now)
                    recorder.entries.withLock { $0.append(entry) }
                }
            }
        }
        recorder.reader.withLock { $0 = task }
        try connection.start()
        try await connection.subscribe(filter, qos: 1)
        return recorder
    }

    /// How many messages arrived so far (a mark for `since`).
    public var count: Int { entries.withLock { $0.count } }

    /// Messages after a mark.
    public func since(_ mark: Int) -> [Entry] { entries.withLock { Array($0.dropFirst(mark)) } }

    /// The newest payload of a topic.
    public func latest(_ topic: String) -> String? { entries.withLock { $0.last { $0.topic == topic }?.payload } }

    /// Every topic's newest payload.
    public func latestByTopic() -> [String: String] {
        entries.withLock { entries in
            var result: [String: String] = [:]
            for entry in entries { result[entry.topic] = entry.payload }
            return result
        }
    }

    /// Waits until a message on `topic` after `mark` satisfies `predicate`; returns it.
    @discardableResult
    public func waitFor(
        _ topic: String, after mark: Int = 0, timeout: Duration = .seconds(20),
        where predicate: @Sendable (String) -> Bool = { _ in true }
    ) async throws -> Entry {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let hit = since(mark).first(where: { $0.topic == topic && predicate($0.payload) }) { return hit }
            try await Task.sleep(for: .milliseconds(5))
        }
        throw RecorderTimeout(topic: topic, last: latest(topic))
    }

    /// Waits until no message has arrived for `period` (the bridge has finished what it was publishing), at
    /// most `timeout`; a fixed sleep instead is too short on a loaded machine and needlessly long on an idle one.
    public func waitForQuiet(period: Duration = .milliseconds(500), timeout: Duration = .seconds(30)) async throws {
        let deadline = ContinuousClock.now + timeout
        var seen = count
        var quietSince = ContinuousClock.now
        while ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
            let now = count
            if now != seen {
                seen = now
                quietSince = ContinuousClock.now
            } else if ContinuousClock.now - quietSince >= period {
                return
            }
        }
        throw RecorderTimeout(topic: "#", last: "still busy after \(timeout)")
    }

    /// Waits until each account finished its first cycle and its subscription check (its diagnostics carry
    /// `last_poll` and `subscriptions_ok: true`), then until the bridge went quiet. A pause in the publishing
    /// alone is not enough: under a sanitizer the first cycle's requests take long enough to look quiet.
    public func waitUntilSettled(accounts: [String], base: String = "withings2mqtt") async throws {
        for account in accounts {
            try await waitFor("\(base)/\(account)/diagnostics", timeout: .seconds(90)) {
                $0.contains(#""last_poll":""#) && $0.contains(#""subscriptions_ok":true"#)
            }
        }
        try await waitForQuiet()
    }

    /// Disconnects.
    public func stop() async {
        _ = await connection.shutdown(finalMessages: [], timeout: .seconds(1))
        reader.withLock { $0?.cancel() }
    }
}

/// A topic did not get the expected message in time.
public struct RecorderTimeout: Error, CustomStringConvertible {
    /// The topic waited on.
    public var topic: String
    /// Its last payload, if any.
    public var last: String?
    /// A readable message.
    public var description: String { "no matching message on \(topic) in time (last: \(last ?? "none"))" }
}
