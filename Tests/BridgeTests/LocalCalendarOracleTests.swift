import Bridge
import Foundation
import LocalTime
import Testing

/// Our zone rules and `LocalCalendar` against Foundation's `TimeZone` and `Calendar`, the implementation they
/// replace, from 1970 to 2100.
@Suite struct LocalCalendarOracleTests {
    static let zones = [
        "Europe/Berlin", "Europe/Dublin", "America/New_York", "America/Santiago", "America/Havana", "America/Nuuk",
        "Australia/Lord_Howe", "Australia/Sydney", "Asia/Kolkata", "Asia/Kathmandu", "Pacific/Chatham",
        "Pacific/Apia", "Africa/Casablanca", "Asia/Tehran", "Asia/Beirut", "UTC",
    ]
    /// Stretches of years stepped through: the early table, the present, the fat files' 2037 end, the footer.
    static let spans: [ClosedRange<Int64>] = [1970...1975, 1996...2030, 2035...2040, 2095...2100]
    /// 7 hours 13 minutes: drifts through every hour and minute of the day.
    static let step = 7 * 3600 + 13 * 60

    /// The comparison of one zone: how many instants were checked and what differed.
    struct Outcome {
        var checked = 0
        var mismatches: [String] = []
    }

    @Test(arguments: zones) func matchesFoundation(_ identifier: String) throws {
        let rules = try ZoneInfo().load(identifier: identifier)
        let timeZone = try #require(TimeZone(identifier: identifier))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let local = LocalCalendar(timezone: identifier)
        var outcome = Outcome()
        func check(_ instant: Int64) {
            outcome.checked += 1
            let date = Date(timeIntervalSince1970: TimeInterval(instant))
            let offset = timeZone.secondsFromGMT(for: date)
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            let day = CivilDate(year: Int64(parts.year ?? 0), month: parts.month ?? 0, day: parts.day ?? 0)
            let end = calendar.dateInterval(of: .day, for: date).map { Int64($0.end.timeIntervalSince1970) } ?? 0
            let (ourOffset, ourDay) = (rules.utcOffset(at: instant), local.day(of: instant))
            let ourEnd = instant + local.secondsToMidnight(from: instant)
            if ourOffset != offset || ourDay != day.description || ourEnd != end, outcome.mismatches.count < 10 {
                outcome.mismatches.append(
                    "\(identifier) at \(instant): offset \(ourOffset) vs \(offset), day \(ourDay) vs \(day), "
                        + "day ends \(ourEnd) vs \(end)")
            }
        }
        for span in Self.spans {
            let first = CivilDate(year: span.lowerBound, month: 1, day: 1).daysSinceEpoch * 86400
            let last = CivilDate(year: span.upperBound + 1, month: 1, day: 1).daysSinceEpoch * 86400
            for instant in stride(from: first, to: last, by: Self.step) { check(instant) }
        }
        // Around every change, and around the local midnights before and after it.
        var transition = rules.nextTransition(after: 0)
        while let instant = transition, instant < 4_102_444_800 {
            for nearby in [instant - 1, instant, instant + 1] { check(nearby) }
            for midnight in [rules.startOfNextDay(after: instant - 86400), rules.startOfNextDay(after: instant)] {
                for nearby in [midnight - 1, midnight, midnight + 1] { check(nearby) }
            }
            transition = rules.nextTransition(after: instant)
        }
        for mismatch in outcome.mismatches { Issue.record(Comment(rawValue: mismatch)) }
        #expect(outcome.checked > 60_000)
    }

    @Test func unknownNamesFallBackToTheSystemZone() {
        let system = ZoneInfo().system()
        for name in ["Europe/Atlantis", "../etc/passwd", ""] {
            let calendar = LocalCalendar(timezone: name)
            for instant in stride(from: Int64(1_700_000_000), to: 1_740_000_000, by: 86400 * 5) {
                #expect(calendar.day(of: instant) == LocalCalendar(rules: system).day(of: instant))
            }
        }
    }

    @Test func skippedAndRepeatedMidnights() throws {
        // Santiago 2024-09-08: 00:00 -04 became 01:00 -03, so the day began at the change, 04:00 UTC.
        let santiago = LocalCalendar(rules: try ZoneInfo().load(identifier: "America/Santiago"))
        let saturdayNoon: Int64 = 1_725_724_800
        #expect(santiago.day(of: saturdayNoon) == "2024-09-07")
        #expect(santiago.secondsToMidnight(from: saturdayNoon) == 12 * 3600)
        #expect(santiago.day(of: saturdayNoon + 12 * 3600) == "2024-09-08")
        // Santiago 2024-04-07: 24:00 -03 became 23:00 -04, so Saturday had 25 hours and ended at 04:00 UTC.
        let aprilSaturdayNoon: Int64 = 1_712_415_600
        #expect(santiago.secondsToMidnight(from: aprilSaturdayNoon) == 13 * 3600)
        #expect(santiago.day(of: 1_712_458_801) == "2024-04-06")
        #expect(santiago.secondsToMidnight(from: 1_712_458_801) == 3599)
        // Fixed offsets: midnight is whole days away, and never 0 seconds away.
        let kolkata = LocalCalendar(rules: ZoneRules(fixedOffset: 19800))
        #expect(kolkata.secondsToMidnight(from: 18 * 3600 + 1800) == 86400)
        #expect(kolkata.secondsToMidnight(from: 18 * 3600 + 1799) == 1)
        #expect(LocalCalendar(rules: .utc).secondsToMidnight(from: .max) == 1)
        #expect(LocalCalendar(rules: .utc).secondsToMidnight(from: .min) > 0)
    }
}
