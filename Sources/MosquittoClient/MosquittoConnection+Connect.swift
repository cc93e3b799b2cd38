import CMosquitto
import Dispatch

extension MosquittoConnection {
    /// Calls `mosquitto_connect_async` unless the connection stopped running; nil when it did.
    ///
    /// `connecting` tells `shutdown` to wait: a connect that lands after its disconnect would keep the network
    /// thread running and make `loop_stop` hang.
    func connectAsync() -> Int32? {
        let allowed = state.withLock { state in
            guard state.phase == .running, state.failure == nil else { return false }
            state.connecting = true
            return true
        }
        guard allowed else { return nil }
        let result = mosquitto_connect_async(handle, options.host, Int32(options.port), Int32(options.keepalive))
        state.withLock { $0.connecting = false }
        return result
    }

    /// Handles a first connect that failed before reaching the network thread (e.g. the host name does not
    /// resolve yet at boot): libmosquitto's thread then waits for a connect call forever, so retry it here with
    /// the reconnect delay until it is accepted or the connection shuts down.
    func retryFirstConnect(after result: Int32) {
        report(connectFailure: result)
        Task {
            var delay = options.reconnectDelayMin
            while true {
                try? await Task.sleep(for: .seconds(delay))
                // connect_async resolves the host name synchronously: keep that off the cooperative pool.
                let next = await withCheckedContinuation { (continuation: CheckedContinuation<Int32?, Never>) in
                    DispatchQueue.global().async { continuation.resume(returning: self.connectAsync()) }
                }
                guard let next, next != MOSQ_ERR_SUCCESS.code else { return }
                report(connectFailure: next)
                delay = min(delay * 2, options.reconnectDelayMax)
            }
        }
    }

    /// Records a failed connect call and reports it once per distinct reason.
    private func report(connectFailure result: Int32) {
        let error = MosquittoLibrary.error("connect to \(options.host):\(options.port)", result)
        let reason = "connection failed: " + MosquittoLibrary.text(ofError: result)
        let isNew = state.withLock { state in
            state.lastError = error
            defer { state.lastReportedReason = reason }
            return state.lastReportedReason != reason
        }
        if isNew { emit(.disconnected(reason: reason)) }
    }

    /// Waits until no `connectAsync` call is in progress (after the phase left `.running`, none starts).
    func waitForConnectCall() async {
        while state.withLock({ $0.connecting }) {
            try? await Task.sleep(for: .milliseconds(10))
        }
    }
}
