/// Lets the stale-config sweep wait until every account finished (or failed) its first cycle, so that a
/// config generated only after the first fetch is not removed and re-created.
public actor StartupBarrier {
    private var remaining: Int
    private var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
    private var nextWaiter = 0

    /// Creates a barrier for `parties` arrivals.
    public init(parties: Int) {
        remaining = parties
    }

    /// Records one arrival; the last one releases the waiters. Extra arrivals are ignored.
    public func arrive() {
        guard remaining > 0 else { return }
        remaining -= 1
        if remaining == 0 {
            for waiter in waiters.values { waiter.resume() }
            waiters = [:]
        }
    }

    /// Waits until every party arrived, or at most `limit`; returns whether every party arrived.
    @discardableResult
    public func wait(atMost limit: Duration) async -> Bool {
        if remaining == 0 { return true }
        let id = nextWaiter
        nextWaiter += 1
        // The timer is a separate task because a continuation cannot be cancelled; whichever of arrival and
        // timer comes first resumes the waiter, the other finds it gone.
        let timer = Task { [weak self] in
            try? await Task.sleep(for: limit)
            await self?.expire(id)
        }
        await withCheckedContinuation { waiters[id] = $0 }
        timer.cancel()
        return remaining == 0
    }

    private func expire(_ id: Int) {
        waiters.removeValue(forKey: id)?.resume()
    }
}
