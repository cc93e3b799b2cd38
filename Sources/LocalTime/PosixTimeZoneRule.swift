/// A POSIX TZ rule such as `CET-1CEST,M3.5.0,M10.5.0/3`: a standard time and an optional daylight saving time
/// with the yearly days and times it starts and ends. TZif files end with one for instants after their table.
public struct PosixTimeZoneRule: Sendable, Hashable {
    /// The standard time's abbreviation, such as `CET` or `+0330`.
    public let standardAbbreviation: String
    /// The standard time's offset in seconds east of UTC (POSIX writes it west: `CET-1` is +3600).
    public let standardOffset: Int
    /// The daylight saving time's abbreviation; nil when the rule has none.
    public let daylightAbbreviation: String?
    /// The daylight saving time's offset in seconds east of UTC; may be below the standard one (Europe/Dublin).
    public let daylightOffset: Int?
    /// When daylight saving time starts each year, in standard time; nil when the rule has none.
    public let daylightStart: PosixTransition?
    /// When daylight saving time ends each year, in daylight saving time; nil when the rule has none.
    public let daylightEnd: PosixTransition?

    /// Parses a POSIX TZ string; nil when it is malformed. A daylight time without dates gets the US rules
    /// (`M3.2.0,M11.1.0`), as glibc does when it has no `posixrules` file.
    public init?(_ text: String) {
        var scanner = PosixRuleScanner(text)
        guard let standardName = scanner.abbreviation(),
            let standardWest = scanner.signedDuration(maximumHours: 24)
        else { return nil }
        standardAbbreviation = standardName
        standardOffset = -standardWest
        guard !scanner.isAtEnd else {
            (daylightAbbreviation, daylightOffset, daylightStart, daylightEnd) = (nil, nil, nil, nil)
            return
        }
        guard let daylightName = scanner.abbreviation() else { return nil }
        var daylightWest = standardWest - 3600
        if !scanner.isAtEnd, !scanner.peek(UInt8(ascii: ",")) {
            guard let west = scanner.signedDuration(maximumHours: 24) else { return nil }
            daylightWest = west
        }
        daylightAbbreviation = daylightName
        daylightOffset = -daylightWest
        if scanner.isAtEnd {
            daylightStart = PosixTransition(date: .monthWeekDay(month: 3, week: 2, weekday: 0))
            daylightEnd = PosixTransition(date: .monthWeekDay(month: 11, week: 1, weekday: 0))
            return
        }
        guard scanner.take(UInt8(ascii: ",")), let start = scanner.transition(), scanner.take(UInt8(ascii: ",")),
            let end = scanner.transition(), scanner.isAtEnd
        else { return nil }
        daylightStart = start
        daylightEnd = end
    }

    /// The UTC offset in seconds at an instant.
    public func utcOffset(at epochSeconds: Int64) -> Int {
        guard let daylightOffset else { return standardOffset }
        let instant = ZoneRules.clamped(epochSeconds)
        var latest: (instant: Int64, isDaylight: Bool)?
        for change in changes(around: instant) where change.instant <= instant {
            // At equal instants daylight wins: a year-round daylight rule ends one year where the next begins.
            if let current = latest,
                current.instant > change.instant
                    || (current.instant == change.instant && current.isDaylight)
            {
                continue
            }
            latest = change
        }
        return latest?.isDaylight == true ? daylightOffset : standardOffset
    }

    /// The first instant after `epochSeconds` at which the rule switches; nil without daylight saving time.
    public func nextTransition(after epochSeconds: Int64) -> Int64? {
        let instant = ZoneRules.clamped(epochSeconds)
        return changes(around: instant).lazy.map(\.instant).filter { $0 > instant }.min()
    }

    // The switches of the years around the instant's: transition times may reach a week past the year's end.
    private func changes(around instant: Int64) -> [(instant: Int64, isDaylight: Bool)] {
        guard let daylightOffset, let daylightStart, let daylightEnd else { return [] }
        let year = CivilDate(daysSinceEpoch: CivilDate.daysSinceEpoch(containing: instant)).year
        return (year - 1...year + 2).flatMap { year in
            [
                (daylightStart.instant(inYear: year, offsetBefore: standardOffset), true),
                (daylightEnd.instant(inYear: year, offsetBefore: daylightOffset), false),
            ]
        }
    }
}
