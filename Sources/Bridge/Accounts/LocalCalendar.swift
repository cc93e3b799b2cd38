import LocalTime

/// "Today" and the next local midnight in the configured time zone, for the activity rule.
public struct LocalCalendar: Sendable {
    private let rules: ZoneRules

    /// Creates a calendar for an IANA zone name; nil or an unknown name: the system zone.
    public init(timezone: String?) {
        let zoneInfo = ZoneInfo()
        self.init(rules: timezone.flatMap { try? zoneInfo.load(identifier: $0) } ?? zoneInfo.system())
    }

    /// Creates a calendar for already loaded zone rules.
    public init(rules: ZoneRules) {
        self.rules = rules
    }

    /// The local date of an epoch second as `YYYY-MM-DD`.
    public func day(of epochSeconds: Int64) -> String {
        rules.localDate(at: epochSeconds).description
    }

    /// Seconds from an epoch second to the next local midnight (at least 1); a skipped midnight counts from the
    /// transition that skips it.
    public func secondsToMidnight(from epochSeconds: Int64) -> Int64 {
        max(1, rules.startOfNextDay(after: epochSeconds) - epochSeconds)
    }
}
