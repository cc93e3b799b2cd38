extension MosquittoConnection {
    /// Where the connection is in its life.
    enum Phase: Equatable {
        /// Created; `start()` not called yet.
        case idle
        /// The network thread runs and (re)connects.
        case running
        /// `shutdown` was called: final messages go out, then the thread stops.
        case shuttingDown
        /// The handle is destroyed.
        case closed
    }

    /// What an acknowledgement (PUBACK, SUBACK, UNSUBACK; or "written" for QoS 0) resumes.
    enum AckKind: Equatable {
        /// A publish with its QoS and topic.
        case publish(qos: Int32, topic: String)
        /// A subscribe or unsubscribe; re-done after a reconnect, so a lost ack is harmless.
        case subscription
    }

    /// A parked caller waiting for the acknowledgement of its message id.
    struct Waiter {
        /// Resumed once: by the ack, a disconnect, cancellation or shutdown.
        var continuation: CheckedContinuation<Void, any Error>
        /// What it waits for.
        var kind: AckKind
    }

    /// Mutable state shared by callers and libmosquitto's network thread, always behind the mutex.
    struct State {
        /// Life cycle.
        var phase: Phase = .idle
        /// Set when the network thread ended for good.
        var failure: MosquittoError?
        /// Whether the broker accepted the current connection.
        var connected = false
        /// Whether a `mosquitto_connect_async` call is in progress.
        var connecting = false
        /// Counts disconnects, so a caller can tell that the connection it queued on is gone.
        var epoch = 0
        /// Callers parked on a message id.
        var waiters: [Int32: Waiter] = [:]
        /// Acks that arrived before their caller parked (the PUBACK-before-park race).
        var early: Set<Int32> = []
        /// Message ids whose ack nobody waits for (re-subscribes, cancelled callers), with what they were.
        var ignored: [Int32: AckKind] = [:]
        /// Topic filters to (re)subscribe on every connect, with their QoS.
        var subscriptions: [String: Int32] = [:]
        /// The broker's refusal of the current connect attempt, reported by the following disconnect.
        var refusal: MosquittoError?
        /// The reason last reported in a `.disconnected` event, to report a repeated failure once.
        var lastReportedReason: String?
        /// The most recent problem, cleared by a successful connect.
        var lastError: MosquittoError?

        /// Takes the waiter for an ack of `mid`, or records the ack for a caller that has not parked yet.
        mutating func acknowledge(_ mid: Int32) -> Waiter? {
            if let waiter = waiters.removeValue(forKey: mid) { return waiter }
            if ignored.removeValue(forKey: mid) != nil { return nil }
            early.insert(mid)
            return nil
        }

        /// Forgets what a lost connection will never acknowledge; returns the callers to resume and how.
        ///
        /// QoS 1 publishes stay: libmosquitto re-sends them after the reconnect. QoS 0 ones fail (dropped with the
        /// socket); subscriptions succeed (re-done on connect).
        mutating func dropUnacknowledgeable() -> [(Waiter, Result<Void, MosquittoError>)] {
            var resumed: [(Waiter, Result<Void, MosquittoError>)] = []
            for (mid, waiter) in waiters {
                switch waiter.kind {
                case .publish(let qos, _) where qos > 0:
                    continue
                case .publish(_, let topic):
                    resumed.append((waiter, .failure(.connectionLost(topic: topic))))
                case .subscription:
                    resumed.append((waiter, .success(())))
                }
                waiters[mid] = nil
            }
            ignored = ignored.filter { _, kind in
                if case .publish(let qos, _) = kind { return qos > 0 }
                return false
            }
            return resumed
        }

        /// Takes every parked caller, to fail them all (fatal error, shutdown).
        mutating func takeAllWaiters() -> [Waiter] {
            let all = Array(waiters.values)
            waiters.removeAll()
            early.removeAll()
            ignored.removeAll()
            return all
        }
    }
}
