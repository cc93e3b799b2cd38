import CMosquitto
import Locking
import MQTTDiscovery

/// A connection to an MQTT broker through libmosquitto's own network thread (`mosquitto_loop_start`).
///
/// Life cycle: `init(options:)` → `start()` → use → `shutdown(finalMessages:timeout:)`. The thread reconnects by
/// itself with a growing delay and every subscription is re-done on each connect. A started connection keeps
/// itself alive until `shutdown` is called: always call it.
///
/// Publishing while disconnected: QoS 1 messages are queued by libmosquitto and `publish` returns once the broker
/// acknowledged them after the reconnect (never retried here: that would duplicate them); QoS 0 messages are
/// dropped and `publish` throws `MosquittoError.notConnected`.
///
/// If the network thread ends for good (a fatal error such as an MQTT 5 login refusal or a TLS failure), `events`
/// reports `.disconnected` with the reason, `failure` is set, and every operation throws `.loopEnded`: shut this
/// connection down and build a new one.
public final class MosquittoConnection: MQTTConnection, Sendable {
    /// The options the connection was made with.
    public let options: MosquittoOptions
    /// `.connected`, `.disconnected(reason:)` and received messages, in order; finishes after `shutdown`.
    /// Read it from one task; when nobody reads, the oldest events beyond `options.eventBufferSize` are dropped.
    public let events: AsyncStream<MQTTEvent>

    let eventSink: AsyncStream<MQTTEvent>.Continuation
    let state = Locked(State())
    // `OpaquePointer` is not Sendable, hence `nonisolated(unsafe)`. It is safe because the pointer never changes
    // after init; libmosquitto (built with threads) allows publish/subscribe/unsubscribe/disconnect from any thread
    // while its own loop thread runs; `loop_start`/`loop_stop` are only called by `start`/`shutdown`, which the
    // phase in `state` lets run once each; callbacks never call the loop functions; and `mosquitto_destroy` runs in
    // deinit, when no other reference (and so no concurrent caller or callback) can exist.
    nonisolated(unsafe) let handle: OpaquePointer

    /// Creates a connection (not yet connected) after checking the options.
    public init(options: MosquittoOptions) throws(MosquittoError) {
        try options.validate()
        let initResult = MosquittoLibrary.initialise()
        guard initResult == MOSQ_ERR_SUCCESS.code else { throw MosquittoLibrary.error("library init", initResult) }
        let clientID: String? = options.clientID.isEmpty ? nil : options.clientID
        guard let handle = mosquitto_new(clientID, options.cleanSession, nil) else {
            throw .library(
                operation: "client creation", code: MOSQ_ERR_NOMEM.code, text: "mosquitto_new failed (out of memory?)"
            )
        }
        self.handle = handle
        self.options = options
        (events, eventSink) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(options.eventBufferSize))
    }

    deinit {
        eventSink.finish()
        mosquitto_destroy(handle)
    }

    /// Whether the broker accepted the current connection.
    public var isConnected: Bool { state.withLock { $0.connected } }

    /// The error that ended the network thread for good, if it did; the connection must then be rebuilt.
    public var failure: MosquittoError? { state.withLock { $0.failure } }

    /// The most recent problem (refused login, lost connection, fatal error); nil after a successful connect.
    public var lastError: MosquittoError? { state.withLock { $0.lastError } }

    /// Starts the network thread and the first (asynchronous) connect; returns without waiting for the broker.
    ///
    /// Watch `events` for `.connected`; a broker that is down is retried with the reconnect delay.
    public func start() throws(MosquittoError) {
        try state.withLock { state throws(MosquittoError) in
            guard state.phase == .idle else { throw .alreadyStarted }
            state.phase = .running
        }
        MosquittoLibrary.ignoreSIGPIPE()
        // Balanced in `shutdown` after the thread is joined: callbacks get this pointer and must never see a
        // deallocated object.
        mosquitto_user_data_set(handle, Unmanaged.passRetained(self).toOpaque())
        installCallbacks()
        do throws(MosquittoError) {
            try configure()
            // The loop thread must exist before connect_async: otherwise a first connect that fails leaves the
            // client in its "new" state and the thread never connects (see reference/libmosquitto.md §6).
            let loopResult = mosquitto_loop_start(handle)
            guard loopResult == MOSQ_ERR_SUCCESS.code else { throw MosquittoLibrary.error("start", loopResult) }
        } catch {
            abandonStart()
            throw error
        }
        let connectResult = connectAsync() ?? MOSQ_ERR_SUCCESS.code
        if connectResult == MOSQ_ERR_INVAL.code {
            // The thread waits for a first connect that will never come; disconnect moves it on so it can end.
            mosquitto_disconnect(handle)
            mosquitto_loop_stop(handle, false)
            abandonStart()
            throw MosquittoLibrary.error("connect to \(options.host):\(options.port)", connectResult)
        }
        if connectResult != MOSQ_ERR_SUCCESS.code {
            retryFirstConnect(after: connectResult)
        }
    }

    /// Undoes the parts of `start` that ran, when it fails before the thread could connect.
    private func abandonStart() {
        state.withLock { $0.phase = .closed }
        eventSink.finish()
        Unmanaged.passUnretained(self).release()
    }

    /// Sends an event to the reader of `events`.
    func emit(_ event: MQTTEvent) {
        eventSink.yield(event)
    }
}
