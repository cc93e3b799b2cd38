/// Keeps all accounts of one developer app under Withings' rate limit, and backs everyone off after a 601.
///
/// Every request calls `acquire()` first. At most `limit` requests start in any rolling `window`; after
/// `recordTooManyRequests()` every caller waits out an exponential backoff with jitter, capped at `backoffCap`.
/// Time comes from the injected `now`/`sleep` closures (seconds), so tests run instantly.
public actor RateLimiter {
    /// Withings' standard plan allows 120 requests per minute per app.
    public static let defaultLimit = 120
    /// The first backoff after a 601, seconds (doubled for each 601 in a row).
    public static let defaultBackoffBase: Double = 5
    /// The longest backoff, seconds.
    public static let defaultBackoffCap: Double = 300

    private let limit: Int
    private let window: Double
    private let backoffBase: Double
    private let backoffCap: Double
    private let now: @Sendable () -> Double
    private let sleep: @Sendable (Double) async throws -> Void
    private let jitter: @Sendable () -> Double
    private var starts: [Double] = []
    private var backoffUntil: Double = -.infinity
    private var consecutiveTooMany = 0

    /// Creates a limiter; `jitter` returns a number in `0..<1` and scales each backoff into `[½, 1]` of its length.
    public init(
        limit: Int = defaultLimit, window: Double = 60, backoffBase: Double = defaultBackoffBase,
        backoffCap: Double = defaultBackoffCap, now: @escaping @Sendable () -> Double,
        sleep: @escaping @Sendable (Double) async throws -> Void,
        jitter: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.limit = max(1, limit)
        self.window = window
        self.backoffBase = backoffBase
        self.backoffCap = backoffCap
        self.now = now
        self.sleep = sleep
        self.jitter = jitter
    }

    /// Creates a limiter on the continuous clock with real sleeps.
    public init(limit: Int = defaultLimit) {
        let origin = ContinuousClock.now
        self.init(
            limit: limit,
            now: {
                let elapsed = ContinuousClock.now - origin
                return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            },
            sleep: { seconds in try await Task.sleep(for: .seconds(seconds)) }
        )
    }

    /// Waits until a request may start, then counts it. Throws only when the sleep is cancelled.
    public func acquire() async throws {
        while true {
            let time = now()
            if backoffUntil > time {
                try await sleep(backoffUntil - time)
                continue
            }
            let cutoff = time - window
            if let stale = starts.firstIndex(where: { $0 > cutoff }) {
                starts.removeFirst(stale)
            } else {
                starts.removeAll()
            }
            if starts.count < limit {
                starts.append(time)
                return
            }
            try await sleep(starts[0] + window - time)
        }
    }

    /// Notes a 601 answer: every caller waits out the next backoff. Returns that backoff in seconds.
    @discardableResult
    public func recordTooManyRequests() -> Double {
        consecutiveTooMany += 1
        var delay = backoffBase
        for _ in 1..<min(consecutiveTooMany, 30) { delay *= 2 }
        delay = min(backoffCap, delay) * (0.5 + 0.5 * min(max(jitter(), 0), 1))
        backoffUntil = max(backoffUntil, now() + delay)
        return delay
    }

    /// Notes an answer that was not a 601, ending the backoff escalation.
    public func recordSuccess() {
        consecutiveTooMany = 0
    }

    /// How many requests started within the current window (for diagnostics).
    public var requestsInWindow: Int {
        let cutoff = now() - window
        return starts.count { $0 > cutoff }
    }
}
