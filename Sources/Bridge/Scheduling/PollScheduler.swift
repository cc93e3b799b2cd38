/// Decides when an account polls and what: the full cycle on an interval, goals and devices hourly,
/// and a debounced refresh of only the categories a webhook named.
///
/// Sleep is part of every cycle until the night that ended today is known; after that it is refreshed hourly
/// (or each cycle, if cycles are further apart), since a main sleep changes once a day and naps never replace
/// it. When polling every 10 minutes that saves about 80 of Home Assistant's 144 daily sleep calls without
/// making the sleep state any later.
///
/// Pure: time comes in as `now` (seconds on any monotonic scale); the worker carries out the actions.
public struct PollScheduler: Sendable, Equatable {
    /// What the worker should do next.
    public enum Action: Sendable, Equatable {
        /// Fetch these categories now.
        case poll(Set<DataCategory>)
        /// Nothing is due before this time.
        case wait(until: Double)
    }

    /// Seconds between full cycles.
    public let interval: Double
    /// Seconds a webhook refresh waits for more webhooks of a burst.
    public let debounce: Double
    /// Seconds between goal and device refreshes (no webhook covers them).
    public let slowInterval: Double

    /// The categories of every cycle (sleep joins them until the day's night is known).
    public static let cycle: Set<DataCategory> = [.measures, .activity, .workouts]

    private var nextFull: Double
    private var nextSlow: Double
    private var nextSettledSleep: Double
    private var sleepSettled = false
    private var pending: Set<DataCategory> = []
    private var pendingDue: Double?
    private var failures = 0

    /// Creates a scheduler whose first full cycle is due at `now` (the first cycle starts at once).
    public init(interval: Double, debounce: Double = 2, slowInterval: Double = 3600, now: Double) {
        self.interval = interval
        self.debounce = debounce
        self.slowInterval = slowInterval
        self.nextFull = now
        self.nextSlow = now
        self.nextSettledSleep = now
    }

    /// Tells whether the night that ended today is known; while it is, sleep is refreshed only hourly (or each
    /// cycle, when cycles are further apart).
    public mutating func sleep(settled: Bool) {
        sleepSettled = settled
    }

    /// Records a webhook that asks for `categories`; the refresh runs `debounce` seconds after the first one.
    public mutating func webhook(_ categories: Set<DataCategory>, now: Double) {
        guard !categories.isEmpty else { return }
        pending.formUnion(categories)
        if pendingDue == nil { pendingDue = now + debounce }
    }

    /// The next action at `now`.
    public func next(now: Double) -> Action {
        var due: Set<DataCategory> = []
        if now >= nextFull {
            due.formUnion(Self.cycle)
            if !sleepSettled { due.insert(.sleep) }
        }
        if sleepSettled, now >= nextSettledSleep { due.insert(.sleep) }
        if now >= nextSlow { due.formUnion([.goals, .devices]) }
        if let pendingDue, now >= pendingDue { due.formUnion(pending) }
        if !due.isEmpty { return .poll(due) }
        let settledSleep = sleepSettled ? nextSettledSleep : .infinity
        return .wait(until: [nextFull, nextSlow, settledSleep, pendingDue ?? .infinity].min()!)
    }

    /// Records that a poll of `categories` begins: the webhook refreshes it covers are taken. A webhook that
    /// arrives while it runs is pending again, since the poll may have fetched before the change it announces.
    public mutating func started(_ categories: Set<DataCategory>) {
        pending.subtract(categories)
        if pending.isEmpty { pendingDue = nil }
    }

    /// Records the outcome of polling `categories`, finished at `now`.
    ///
    /// A failure retries the failed categories with a capped exponential back-off (30 s doubling to the interval),
    /// so a Withings outage neither hammers the API nor waits a whole interval after it ends.
    public mutating func finished(_ categories: Set<DataCategory>, succeeded: Bool, now: Double) {
        let slow = categories.contains(.goals) || categories.contains(.devices)
        if succeeded {
            failures = 0
            if categories.isSuperset(of: Self.cycle) { nextFull = now + interval }
            if slow { nextSlow = now + slowInterval }
            if categories.contains(.sleep) { nextSettledSleep = now + max(interval, slowInterval) }
            return
        }
        failures += 1
        let retry = now + retryDelay
        if categories.isSuperset(of: Self.cycle) {
            nextFull = retry
        } else if !categories.isDisjoint(with: Self.cycle) || (categories.contains(.sleep) && !sleepSettled) {
            // A failed webhook refresh is folded into an earlier full cycle.
            nextFull = min(nextFull, retry)
        }
        if categories.contains(.sleep) { nextSettledSleep = retry }
        if slow { nextSlow = retry }
    }

    /// The current back-off after consecutive failures: 30 s, 60 s, 120 s, … capped at the interval.
    public var retryDelay: Double {
        let exponent = Double(min(failures, 16) - 1)
        return min(interval, 30 * pow2(max(0, exponent)))
    }

    /// Whether the last poll failed.
    public var isFailing: Bool { failures > 0 }
}

private func pow2(_ exponent: Double) -> Double {
    var result = 1.0
    var remaining = Int(exponent)
    while remaining > 0 {
        result *= 2
        remaining -= 1
    }
    return result
}
