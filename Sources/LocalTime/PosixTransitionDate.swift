/// The day of a POSIX TZ rule's daylight saving change, in one of the three forms POSIX allows.
public enum PosixTransitionDate: Sendable, Hashable {
    /// `Jn`: day `n` (1 to 365) of the year, February 29 never counted, so `J60` is always March 1.
    case julianNoLeap(Int)
    /// `n`: zero-based day `n` (0 to 365) of the year, February 29 counted.
    case zeroBased(Int)
    /// `Mm.w.d`: weekday `d` (0 is Sunday) of week `w` (1 to 5, 5 meaning the last) of month `m` (1 to 12).
    case monthWeekDay(month: Int, week: Int, weekday: Int)

    /// The days from 1970-01-01 to this date in `year`.
    public func daysSinceEpoch(inYear year: Int64) -> Int64 {
        let january1 = CivilDate(year: year, month: 1, day: 1).daysSinceEpoch
        switch self {
        case .julianNoLeap(let day):
            let skipsLeapDay = CivilDate.isLeapYear(year) && day >= 60
            return january1 + Int64(day - 1) + (skipsLeapDay ? 1 : 0)
        case .zeroBased(let day):
            return january1 + Int64(day)
        case .monthWeekDay(let month, let week, let weekday):
            let first = CivilDate(year: year, month: month, day: 1).daysSinceEpoch
            let firstMatch = (weekday - CivilDate.weekday(daysSinceEpoch: first) + 7) % 7
            var day = firstMatch + (week - 1) * 7
            if day >= CivilDate.daysInMonth(year: year, month: month) { day -= 7 }
            return first + Int64(day)
        }
    }
}
