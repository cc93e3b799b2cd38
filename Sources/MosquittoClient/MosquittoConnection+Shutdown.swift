import CMosquitto
import Dispatch
import MQTTDiscovery

extension MosquittoConnection {
    /// Publishes `finalMessages` (e.g. the retained `offline` state) waiting up to `timeout` for their
    /// acknowledgements, then disconnects cleanly, stops the network thread and finishes `events`.
    ///
    /// A clean disconnect makes the broker discard the will, which is why the final state is published here.
    /// Returns the problems with final messages (not acknowledged in time, not connected); empty when all went
    /// out. Parked publishes of other tasks fail with `shutDown`. Calling it again does nothing.
    @discardableResult
    public func shutdown(finalMessages: [MQTTMessage] = [], timeout: Duration = .seconds(5)) async -> [MosquittoError] {
        let previous = state.withLock { state in
            let previous = state.phase
            if previous == .idle || previous == .running { state.phase = previous == .idle ? .closed : .shuttingDown }
            return previous
        }
        switch previous {
        case .idle:
            eventSink.finish()
            return []
        case .shuttingDown, .closed:
            return []
        case .running:
            break
        }
        let problems = await publishFinal(finalMessages, timeout: timeout)
        await waitForConnectCall()
        // NO_CONN while disconnected is fine: it still moves the thread to "disconnecting" so it ends.
        mosquitto_disconnect(handle)
        await stopLoop()
        let waiters = state.withLock { state in
            state.phase = .closed
            state.connected = false
            return state.takeAllWaiters()
        }
        for waiter in waiters {
            waiter.continuation.resume(throwing: MosquittoError.shutDown(operation: waiter.kind.operation))
        }
        eventSink.finish()
        // Balances `passRetained` in `start`: the thread is joined, no callback can run any more.
        Unmanaged.passUnretained(self).release()
        return problems
    }

    /// Publishes the final messages concurrently; those not acknowledged within `timeout` are reported.
    private func publishFinal(_ messages: [MQTTMessage], timeout: Duration) async -> [MosquittoError] {
        guard !messages.isEmpty, failure == nil else { return [] }
        enum Outcome: Sendable {
            case published(MosquittoError?)
            case timerFired
        }
        return await withTaskGroup(of: Outcome.self) { group in
            for message in messages {
                group.addTask {
                    do {
                        try await self.publish(message)
                        return .published(nil)
                    } catch let error as MosquittoError {
                        return .published(error)
                    } catch {
                        return .published(.timedOut(topic: message.topic))
                    }
                }
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return .timerFired
            }
            var problems: [MosquittoError] = []
            var remaining = messages.count
            while remaining > 0, let outcome = await group.next() {
                switch outcome {
                case .published(let problem):
                    remaining -= 1
                    if let problem { problems.append(problem) }
                case .timerFired:
                    group.cancelAll()
                }
            }
            group.cancelAll()
            return problems
        }
    }

    /// `mosquitto_loop_stop(false)` joins the network thread, which can take a moment (a blocking reconnect):
    /// run it on a Dispatch thread instead of blocking the cooperative pool. Never `force`: that is pthread_cancel.
    private func stopLoop() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                mosquitto_loop_stop(self.handle, false)
                continuation.resume()
            }
        }
    }
}
