/// When a POSIX TZ rule changes between standard and daylight saving time: a day and a local time on it.
public struct PosixTransition: Sendable, Hashable {
    /// The day of the change.
    public let date: PosixTransitionDate
    /// Seconds after that day's local midnight, in the time in effect before the change; may be negative or
    /// beyond 24 hours (RFC 8536 allows -167 to 167 hours).
    public let time: Int

    /// Creates a transition; POSIX's default time is 02:00:00.
    public init(date: PosixTransitionDate, time: Int = 7200) {
        self.date = date
        self.time = time
    }

    /// The UTC instant of this change in `year`, given the UTC offset in effect just before it.
    public func instant(inYear year: Int64, offsetBefore: Int) -> Int64 {
        date.daysSinceEpoch(inYear: year) * 86400 + Int64(time) - Int64(offsetBefore)
    }
}
