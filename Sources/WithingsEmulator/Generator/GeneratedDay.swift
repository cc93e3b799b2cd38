/// One calendar day of a generated history.
struct GeneratedDay: Sendable {
    /// Local midnight, epoch seconds (approximate across DST changes, which only shifts times by an hour).
    var midnight: Int64
    /// `YYYY-MM-DD` in the user's zone.
    var date: String

    /// The `count` days ending today (oldest first) in `timezone`.
    static func lastDays(_ count: Int, now: Int64, timezone: String) -> [GeneratedDay] {
        let today = CalendarDay.string(epoch: now, timezone: timezone)
        let todayMidnight = CalendarDay.startEpoch(of: today, timezone: timezone) ?? now - now % 86_400
        return (0..<count).map { offset in
            let midnight = todayMidnight - Int64(count - 1 - offset) * 86_400
            let date = offset == count - 1 ? today : CalendarDay.string(epoch: midnight + 43_200, timezone: timezone)
            return GeneratedDay(midnight: midnight, date: date)
        }
    }
}
