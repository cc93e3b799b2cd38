/// Lets the stale-config sweep wait until every account finished (or failed) its first cycle, so that a
/// config generated only after the first fetch is not removed and re-created.
public actor StartupBarrier {
    private var remaining: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// Creates a barrier for `parties` arrivals.
    public init(parties: Int) {
        remaining = parties
    }

    /// Records one arrival; the last one releases the waiters. Extra arrivals are ignored.
    public func arrive() {
        guard remaining > 0 else { return }
        remaining -= 1
        if remaining == 0 {
            for waiter in waiters { waiter.resume() }
            waiters = []
        }
    }

    /// Waits until every party arrived.
    public func wait() async {
        if remaining == 0 { return }
        await withCheckedContinuation { waiters.append($0) }
    }
}
