import Testing
import WithingsAPI

/// The rolling-minute limit and the 601 backoff, on virtual time.
@Suite struct RateLimiterTests {
    @Test func atMostLimitRequestsPerRollingMinute() async throws {
        let time = VirtualTime()
        let limiter = time.limiter(limit: 120)
        let start = time.now
        for _ in 0..<120 {
            try await limiter.acquire()
            time.advance(0.1)
        }
        #expect(time.sleeps.isEmpty)
        try await limiter.acquire()  // the 121st waits until the first leaves the window
        #expect(time.now - start == 60)
        #expect(await limiter.requestsInWindow == 120)
        #expect(time.sleeps.count == 1)
    }

    @Test func backoffAfterTooManyRequestsDelaysEveryCallerAndGrows() async throws {
        let time = VirtualTime()
        let limiter = time.limiter(jitter: 0)  // jitter 0 → half the nominal delay
        let first = await limiter.recordTooManyRequests()
        #expect(first == RateLimiter.defaultBackoffBase / 2)
        let before = time.now
        try await limiter.acquire()
        #expect(time.now - before == first)
        let second = await limiter.recordTooManyRequests()
        #expect(second == RateLimiter.defaultBackoffBase)  // doubled
        for _ in 0..<10 { await limiter.recordTooManyRequests() }
        let capped = await limiter.recordTooManyRequests()
        #expect(capped == RateLimiter.defaultBackoffCap / 2)
        await limiter.recordSuccess()
        let reset = await limiter.recordTooManyRequests()
        #expect(reset == RateLimiter.defaultBackoffBase / 2)
    }

    @Test func jitterSpreadsTheDelay() async {
        let low = await VirtualTime().limiter(jitter: 0).recordTooManyRequests()
        let high = await VirtualTime().limiter(jitter: 0.999).recordTooManyRequests()
        #expect(low < high)
        #expect(high <= RateLimiter.defaultBackoffBase)
    }
}
