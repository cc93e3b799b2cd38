import Locking
import WithingsAPI

/// Time that only moves when someone sleeps: the limiter's `now`/`sleep` for instant tests.
final class VirtualTime: Sendable {
    private let state = Locked((now: 1000.0, sleeps: [Double]()))

    /// The current virtual time, seconds.
    var now: Double { state.withLock { $0.now } }

    /// Every sleep requested so far, seconds.
    var sleeps: [Double] { state.withLock { $0.sleeps } }

    /// Moves time forward without a sleep.
    func advance(_ seconds: Double) { state.withLock { $0.now += seconds } }

    /// A limiter on this time with the given jitter.
    func limiter(limit: Int = RateLimiter.defaultLimit, jitter: Double = 0.5) -> RateLimiter {
        RateLimiter(
            limit: limit, now: { [self] in now },
            sleep: { [self] seconds in
                state.withLock {
                    $0.sleeps.append(seconds)
                    $0.now += seconds
                }
            },
            jitter: { jitter }
        )
    }
}
