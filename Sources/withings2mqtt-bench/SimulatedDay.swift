import Bridge

/// One account's day as the bridge's own `PollScheduler` plans it, stepped through 24 hours: the requests of
/// the planned polls per category. The night ends at 07:00 and is seen by the first sleep request after that
/// (or by the sleep webhook's refresh, which the measured webhook costs already include).
enum SimulatedDay {
    /// Requests per category over one day at the given cycle interval, in seconds.
    static func plannedRequests(interval: Double, nightEnds: Double = 7 * 3600) -> [DataCategory: Int] {
        var scheduler = PollScheduler(interval: interval, now: 0)
        var counts: [DataCategory: Int] = [:]
        var nightSeen = false
        var now = 0.0
        while now < 86_400 {
            scheduler.sleep(settled: nightSeen)
            switch scheduler.next(now: now) {
            case .poll(let due):
                scheduler.started(due)
                for category in due { counts[category, default: 0] += 1 }
                if due.contains(.sleep), now >= nightEnds { nightSeen = true }
                scheduler.finished(due, succeeded: true, now: now)
            case .wait(let until):
                now = until
            }
        }
        return counts
    }

    /// The total of `plannedRequests`.
    static func total(interval: Double) -> Int {
        plannedRequests(interval: interval).values.reduce(0, +)
    }
}
