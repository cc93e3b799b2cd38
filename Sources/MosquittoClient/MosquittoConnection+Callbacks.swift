import CMosquitto
import MQTTDiscovery

// These run on libmosquitto's network thread while it holds its callback mutex: they only touch the state mutex,
// yield events and queue (re)subscribes, and return at once. They never call mosquitto_loop*, mosquitto_destroy
// or the *_callback_set functions (that would deadlock in 2.0.x).
extension MosquittoConnection {
    /// Recovers the connection from libmosquitto's user data pointer.
    private static func from(_ userdata: UnsafeMutableRawPointer?) -> MosquittoConnection? {
        guard let userdata else { return nil }
        return Unmanaged<MosquittoConnection>.fromOpaque(userdata).takeUnretainedValue()
    }

    /// Routes libmosquitto's callbacks to the methods below (C function pointers cannot capture: self travels
    /// through the user data pointer).
    func installCallbacks() {
        mosquitto_connect_callback_set(handle) { _, userdata, result in
            MosquittoConnection.from(userdata)?.didConnect(result: result)
        }
        mosquitto_disconnect_callback_set(handle) { _, userdata, result in
            MosquittoConnection.from(userdata)?.didDisconnect(result: result)
        }
        mosquitto_publish_callback_set(handle) { _, userdata, mid in
            MosquittoConnection.from(userdata)?.didAcknowledge(mid: mid)
        }
        mosquitto_subscribe_callback_set(handle) { _, userdata, mid, _, _ in
            MosquittoConnection.from(userdata)?.didAcknowledge(mid: mid)
        }
        mosquitto_unsubscribe_callback_set(handle) { _, userdata, mid in
            MosquittoConnection.from(userdata)?.didAcknowledge(mid: mid)
        }
        mosquitto_message_callback_set(handle) { _, userdata, message in
            guard let message else { return }
            MosquittoConnection.from(userdata)?.didReceive(message.pointee)
        }
    }

    /// CONNACK: on success re-subscribes every remembered filter and reports `.connected`; a refusal is kept for
    /// the disconnect that follows it.
    private func didConnect(result: Int32) {
        guard result == 0 else {
            let refusal = MosquittoError.refused(code: result, text: MosquittoLibrary.text(ofConnack: result))
            state.withLock {
                $0.refusal = refusal
                $0.lastError = refusal
            }
            return
        }
        let filters = state.withLock { state in
            state.connected = true
            state.refusal = nil
            state.lastReportedReason = nil
            state.lastError = nil
            return state.subscriptions
        }
        // The SUBACKs are read by this same thread after this callback returns, so recording the ids afterwards
        // cannot race with them.
        var mids: [Int32] = []
        for (filter, qos) in filters.sorted(by: { $0.key < $1.key }) {
            var mid: Int32 = 0
            if mosquitto_subscribe(handle, &mid, filter, qos) == MOSQ_ERR_SUCCESS.code { mids.append(mid) }
        }
        state.withLock { state in
            for mid in mids { state.ignored[mid] = .subscription }
        }
        emit(.connected)
    }

    /// The connection ended (or a connect attempt failed): reports why, fails what cannot be delivered any more,
    /// and notices when the network thread stops for good.
    private func didDisconnect(result: Int32) {
        let (report, resumed) = state.withLock { state -> (String?, [(Waiter, Result<Void, MosquittoError>)]) in
            let wasConnected = state.connected
            state.connected = false
            state.epoch += 1
            var resumed = state.dropUnacknowledgeable()
            let reason: String
            if result == 0 || state.phase != .running {
                reason = "disconnected by the client"
            } else if MosquittoLibrary.endsLoop(result) {
                let text = state.refusal?.description ?? MosquittoLibrary.text(ofError: result)
                let failure = MosquittoError.loopEnded(code: result, text: text)
                state.failure = failure
                state.lastError = failure
                resumed += state.takeAllWaiters().map { ($0, .failure(failure)) }
                reason = failure.description
            } else if let refusal = state.refusal {
                reason = refusal.description
            } else {
                let error = MosquittoLibrary.error("connection", result)
                state.lastError = error
                reason = "connection lost: " + MosquittoLibrary.text(ofError: result)
            }
            state.refusal = nil
            // A broker that stays down fails every retry the same way: report it once, not every few seconds.
            let report = wasConnected || reason != state.lastReportedReason || state.failure != nil
            state.lastReportedReason = reason
            return (report ? reason : nil, resumed)
        }
        if let report { emit(.disconnected(reason: report)) }
        for (waiter, outcome) in resumed { waiter.continuation.resume(with: outcome) }
    }

    /// PUBACK (QoS 1), "written" (QoS 0), SUBACK or UNSUBACK for a message id.
    private func didAcknowledge(mid: Int32) {
        let waiter = state.withLock { $0.acknowledge(mid) }
        waiter?.continuation.resume()
    }

    /// A message on a subscription; copied, because libmosquitto frees it when the callback returns.
    private func didReceive(_ message: mosquitto_message) {
        let topic = message.topic.map { String(cString: $0) } ?? ""
        var payload: [UInt8] = []
        if let bytes = message.payload, message.payloadlen > 0 {
            payload = Array(UnsafeRawBufferPointer(start: bytes, count: Int(message.payloadlen)))
        }
        emit(.message(MQTTMessage(topic: topic, payload: payload, qos: Int(message.qos), retain: message.retain)))
    }
}
