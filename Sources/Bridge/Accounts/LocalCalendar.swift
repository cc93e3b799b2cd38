import Foundation

/// "Today" and the next local midnight in the configured time zone, for the activity rule.
public struct LocalCalendar: Sendable {
    private let calendar: Calendar

    /// Creates a calendar for an IANA zone name; nil or an unknown name: the system zone.
    public init(timezone: String?) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timezone.flatMap(TimeZone.init(identifier:)) ?? .current
        self.calendar = calendar
    }

    /// The local date of an epoch second as `YYYY-MM-DD`.
    public func day(of epochSeconds: Int64) -> String {
        let parts = calendar.dateComponents(
            [.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(epochSeconds)))
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }

    /// Seconds from an epoch second to the next local midnight (at least 1).
    public func secondsToMidnight(from epochSeconds: Int64) -> Int64 {
        let date = Date(timeIntervalSince1970: TimeInterval(epochSeconds))
        guard let start = calendar.dateInterval(of: .day, for: date) else { return 3600 }
        return max(1, Int64(start.end.timeIntervalSince1970) - epochSeconds)
    }
}
