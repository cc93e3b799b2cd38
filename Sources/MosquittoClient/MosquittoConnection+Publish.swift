import CMosquitto
import MQTTDiscovery

extension MosquittoConnection {
    /// Hands `message` to libmosquitto now (its loop thread writes it, in the order of these calls) and returns
    /// the wait for its PUBACK (QoS 0: for its write to the socket); an acknowledgement that arrives before the
    /// wait starts is kept for it. `publish` (from `MQTTConnection`) is this and the wait.
    ///
    /// While disconnected a QoS 1 message waits in libmosquitto's queue and the wait ends after the reconnect
    /// delivered it; a QoS 0 message throws `notConnected`. Throws `MosquittoError` (the wait also
    /// `CancellationError` when its task is cancelled; the message may still be delivered later).
    public func enqueue(_ message: MQTTMessage) throws -> MQTTPendingPublish {
        guard (0...2).contains(message.qos) else {
            throw MosquittoError.invalidOptions("QoS \(message.qos) for \(message.topic) is not 0, 1 or 2")
        }
        let epoch = try usableEpoch()
        let qos = Int32(message.qos)
        var mid: Int32 = 0
        let result = message.payload.withUnsafeBytes { bytes in
            mosquitto_publish(
                handle, &mid, message.topic, Int32(clamping: bytes.count), bytes.baseAddress, qos, message.retain
            )
        }
        if result == MOSQ_ERR_NO_CONN.code {
            // QoS 1 and 2 are queued all the same and go out after the reconnect: wait for them, never retry.
            guard qos > 0 else { throw MosquittoError.notConnected(topic: message.topic) }
        } else if result != MOSQ_ERR_SUCCESS.code {
            throw MosquittoLibrary.error("publish to \(message.topic)", result)
        }
        let kind = AckKind.publish(qos: qos, topic: message.topic)
        let pendingMid = mid
        return MQTTPendingPublish { [self] in
            try await awaitAcknowledgement(of: pendingMid, kind: kind, epoch: epoch)
        }
    }

    /// Subscribes to a topic filter now (waiting for the SUBACK when connected) and after every reconnect.
    ///
    /// Received messages arrive as `.message` events.
    public func subscribe(_ filter: String, qos: Int) async throws {
        guard (0...2).contains(qos) else { throw MosquittoError.invalidOptions("QoS \(qos) is not 0, 1 or 2") }
        let check = mosquitto_sub_topic_check(filter)
        guard check == MOSQ_ERR_SUCCESS.code else { throw MosquittoLibrary.error("subscribe to '\(filter)'", check) }
        let (connected, epoch) = try state.withLock { state throws(MosquittoError) in
            try state.checkUsable()
            state.subscriptions[filter] = Int32(qos)
            return (state.connected, state.epoch)
        }
        // Not connected: the connect callback subscribes it.
        guard connected else { return }
        var mid: Int32 = 0
        let result = mosquitto_subscribe(handle, &mid, filter, Int32(qos))
        if result == MOSQ_ERR_NO_CONN.code { return }
        guard result == MOSQ_ERR_SUCCESS.code else { throw MosquittoLibrary.error("subscribe to '\(filter)'", result) }
        try await awaitAcknowledgement(of: mid, kind: .subscription, epoch: epoch)
    }

    /// Forgets a topic filter (no re-subscribe any more) and unsubscribes it when connected.
    public func unsubscribe(_ filter: String) async throws {
        let (connected, epoch) = try state.withLock { state throws(MosquittoError) in
            try state.checkUsable()
            state.subscriptions[filter] = nil
            return (state.connected, state.epoch)
        }
        guard connected else { return }
        var mid: Int32 = 0
        let result = mosquitto_unsubscribe(handle, &mid, filter)
        if result == MOSQ_ERR_NO_CONN.code { return }
        guard result == MOSQ_ERR_SUCCESS.code else {
            throw MosquittoLibrary.error("unsubscribe from '\(filter)'", result)
        }
        try await awaitAcknowledgement(of: mid, kind: .subscription, epoch: epoch)
    }

    /// The current connection epoch, after checking that the connection can take work.
    private func usableEpoch() throws(MosquittoError) -> Int {
        try state.withLock { state throws(MosquittoError) in
            try state.checkUsable()
            return state.epoch
        }
    }

    /// Parks until libmosquitto acknowledges `mid`, handling an ack that came first (`early`), a connection lost in
    /// between (`epoch`), cancellation, a fatal error and shutdown.
    func awaitAcknowledgement(of mid: Int32, kind: AckKind, epoch: Int) async throws {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome = state.withLock { state -> Result<Void, any Error>? in
                    if state.early.remove(mid) != nil { return .success(()) }
                    if let failure = state.failure { return .failure(failure) }
                    if state.phase == .closed { return .failure(MosquittoError.shutDown(operation: kind.operation)) }
                    if Task.isCancelled {
                        state.ignored[mid] = kind
                        return .failure(CancellationError())
                    }
                    if state.epoch != epoch {
                        // The connection this was queued on is gone and its ack did not come first.
                        switch kind {
                        case .publish(let qos, let topic) where qos == 0:
                            return .failure(MosquittoError.connectionLost(topic: topic))
                        case .subscription:
                            return .success(())
                        case .publish:
                            break
                        }
                    }
                    state.waiters[mid] = Waiter(continuation: continuation, kind: kind)
                    return nil
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter? in
                guard let waiter = state.waiters.removeValue(forKey: mid) else { return nil }
                state.ignored[mid] = waiter.kind
                return waiter
            }
            waiter?.continuation.resume(throwing: CancellationError())
        }
    }
}

extension MosquittoConnection.State {
    /// Throws unless the connection runs (or is shutting down and still sends final messages).
    func checkUsable() throws(MosquittoError) {
        if let failure { throw failure }
        switch phase {
        case .idle: throw .notStarted
        case .closed: throw .shutDown(operation: "the operation")
        case .running, .shuttingDown: return
        }
    }
}

extension MosquittoConnection.AckKind {
    /// What the caller was doing, for error messages.
    var operation: String {
        switch self {
        case .publish(_, let topic): "publish to \(topic)"
        case .subscription: "subscribe/unsubscribe"
        }
    }
}
