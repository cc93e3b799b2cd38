import Foundation

/// Converts between epoch seconds and Withings `YYYY-MM-DD` day strings in a time zone.
enum CalendarDay {
    /// The day containing `epoch` in `timezone` (UTC when the identifier is unknown).
    static func string(epoch: Int64, timezone: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timezone) ?? TimeZone(secondsFromGMT: 0)!
        let parts = calendar.dateComponents(
            [.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(epoch)))
        return format(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    /// `YYYY-MM-DD` for the given numbers.
    static func format(year: Int, month: Int, day: Int) -> String {
        let month = month < 10 ? "0\(month)" : "\(month)"
        let day = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(month)-\(day)"
    }

    /// Epoch seconds of local midnight starting `day` (`YYYY-MM-DD`) in `timezone`, nil when malformed.
    static func startEpoch(of day: String, timezone: String) -> Int64? {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timezone) ?? TimeZone(secondsFromGMT: 0)!
        let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
        return date.map { Int64($0.timeIntervalSince1970) }
    }
}
