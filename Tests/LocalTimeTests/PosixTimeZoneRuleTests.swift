import LocalTime
import Testing

@Suite struct PosixTimeZoneRuleTests {
    /// Epoch seconds of a UTC date and time.
    static func utc(_ year: Int64, _ month: Int, _ day: Int, _ hour: Int64 = 0, _ minute: Int64 = 0) -> Int64 {
        CivilDate(year: year, month: month, day: day).daysSinceEpoch * 86400 + hour * 3600 + minute * 60
    }

    @Test func parsesCentralEurope() throws {
        let rule = try #require(PosixTimeZoneRule("CET-1CEST,M3.5.0,M10.5.0/3"))
        #expect(rule.standardAbbreviation == "CET" && rule.standardOffset == 3600)
        #expect(rule.daylightAbbreviation == "CEST" && rule.daylightOffset == 7200)
        #expect(rule.daylightStart == PosixTransition(date: .monthWeekDay(month: 3, week: 5, weekday: 0), time: 7200))
        #expect(rule.daylightEnd == PosixTransition(date: .monthWeekDay(month: 10, week: 5, weekday: 0), time: 10800))
        // 2024: summer time from 31 March 01:00 UTC to 27 October 01:00 UTC.
        #expect(rule.utcOffset(at: Self.utc(2024, 3, 31, 0, 59)) == 3600)
        #expect(rule.utcOffset(at: Self.utc(2024, 3, 31, 1)) == 7200)
        #expect(rule.utcOffset(at: Self.utc(2024, 10, 27, 0, 59)) == 7200)
        #expect(rule.utcOffset(at: Self.utc(2024, 10, 27, 1)) == 3600)
        #expect(rule.nextTransition(after: Self.utc(2024, 1, 1)) == Self.utc(2024, 3, 31, 1))
        #expect(rule.nextTransition(after: Self.utc(2024, 3, 31, 1)) == Self.utc(2024, 10, 27, 1))
        #expect(rule.nextTransition(after: Self.utc(2024, 12, 1)) == Self.utc(2025, 3, 30, 1))
    }

    @Test func fixedOffsetsWithAndWithoutQuotes() throws {
        let tehran = try #require(PosixTimeZoneRule("<+0330>-3:30"))
        #expect(tehran.standardAbbreviation == "+0330" && tehran.standardOffset == 12600)
        #expect(tehran.daylightOffset == nil && tehran.nextTransition(after: 0) == nil)
        #expect(tehran.utcOffset(at: Self.utc(2050, 6, 1)) == 12600)
        #expect(PosixTimeZoneRule("UTC0")?.standardOffset == 0)
        #expect(PosixTimeZoneRule("EST+5")?.standardOffset == -18000)
        #expect(PosixTimeZoneRule("<-0930>9:30")?.standardOffset == -34200)
        #expect(PosixTimeZoneRule("XXX-5:45:30")?.standardOffset == 20730)
    }

    @Test func unitedStatesAndDefaultRules() throws {
        let explicit = try #require(PosixTimeZoneRule("EST5EDT,M3.2.0,M11.1.0"))
        let defaulted = try #require(PosixTimeZoneRule("EST5EDT"))
        #expect(explicit == defaulted)
        #expect(explicit.daylightOffset == -14400)
        // 2024: EDT from 10 March 07:00 UTC to 3 November 06:00 UTC.
        #expect(explicit.utcOffset(at: Self.utc(2024, 3, 10, 6, 59)) == -18000)
        #expect(explicit.utcOffset(at: Self.utc(2024, 3, 10, 7)) == -14400)
        #expect(explicit.utcOffset(at: Self.utc(2024, 11, 3, 5, 59)) == -14400)
        #expect(explicit.utcOffset(at: Self.utc(2024, 11, 3, 6)) == -18000)
        #expect(PosixTimeZoneRule("EST5EDT4")?.daylightOffset == -14400)
        #expect(PosixTimeZoneRule("EST5EDT3")?.daylightOffset == -10800)
    }

    @Test func southernHemisphere() throws {
        let sydney = try #require(PosixTimeZoneRule("AEST-10AEDT,M10.1.0,M4.1.0/3"))
        // 2024: AEDT until 7 April 16:00 UTC, again from 6 October 16:00 UTC.
        #expect(sydney.utcOffset(at: Self.utc(2024, 1, 15)) == 39600)
        #expect(sydney.utcOffset(at: Self.utc(2024, 4, 6, 15, 59)) == 39600)
        #expect(sydney.utcOffset(at: Self.utc(2024, 4, 6, 16)) == 36000)
        #expect(sydney.utcOffset(at: Self.utc(2024, 10, 5, 15, 59)) == 36000)
        #expect(sydney.utcOffset(at: Self.utc(2024, 10, 5, 16)) == 39600)
        #expect(sydney.utcOffset(at: Self.utc(2024, 12, 31, 23)) == 39600)
    }

    @Test func negativeDaylightSavingOfDublin() throws {
        let dublin = try #require(PosixTimeZoneRule("IST-1GMT0,M10.5.0,M3.5.0/1"))
        #expect(dublin.standardOffset == 3600 && dublin.daylightOffset == 0)
        #expect(dublin.utcOffset(at: Self.utc(2024, 1, 15)) == 0)
        #expect(dublin.utcOffset(at: Self.utc(2024, 3, 31, 0, 59)) == 0)
        #expect(dublin.utcOffset(at: Self.utc(2024, 3, 31, 1)) == 3600)
        #expect(dublin.utcOffset(at: Self.utc(2024, 10, 27, 0, 59)) == 3600)
        #expect(dublin.utcOffset(at: Self.utc(2024, 10, 27, 1)) == 0)
    }

    @Test func negativeAndLongTransitionTimes() throws {
        let nuuk = try #require(PosixTimeZoneRule("<-03>3<-02>,M3.5.0/-2,M10.5.0/-1"))
        #expect(nuuk.daylightStart?.time == -7200 && nuuk.daylightEnd?.time == -3600)
        // 2024: -02 from Saturday 30 March 22:00 local (01:00 UTC on the 31st) to Saturday 26 October 23:00 local.
        #expect(nuuk.utcOffset(at: Self.utc(2024, 3, 31, 0, 59)) == -10800)
        #expect(nuuk.utcOffset(at: Self.utc(2024, 3, 31, 1)) == -7200)
        #expect(nuuk.utcOffset(at: Self.utc(2024, 10, 27, 0, 59)) == -7200)
        #expect(nuuk.utcOffset(at: Self.utc(2024, 10, 27, 1)) == -10800)
        let santiago = try #require(PosixTimeZoneRule("<-04>4<-03>,M9.1.6/24,M4.1.6/24"))
        // 2024: -03 from Sunday 8 September 04:00 UTC to Sunday 7 April 03:00 UTC.
        #expect(santiago.utcOffset(at: Self.utc(2024, 4, 7, 2, 59)) == -10800)
        #expect(santiago.utcOffset(at: Self.utc(2024, 4, 7, 3)) == -14400)
        #expect(santiago.utcOffset(at: Self.utc(2024, 9, 8, 3, 59)) == -14400)
        #expect(santiago.utcOffset(at: Self.utc(2024, 9, 8, 4)) == -10800)
        #expect(PosixTimeZoneRule("XXX3YYY,M3.5.0/167,M10.5.0/-167")?.daylightEnd?.time == -601_200)
    }

    @Test func julianAndZeroBasedDays() throws {
        let julian = try #require(PosixTimeZoneRule("AAA0BBB,J60/0,J300/0"))
        #expect(julian.daylightStart?.date == .julianNoLeap(60))
        // J60 is 1 March in leap and common years; day 59 counting from 0 is 29 February in a leap year.
        #expect(julian.nextTransition(after: Self.utc(2024, 1, 1)) == Self.utc(2024, 3, 1))
        #expect(julian.nextTransition(after: Self.utc(2023, 1, 1)) == Self.utc(2023, 3, 1))
        let zeroBased = try #require(PosixTimeZoneRule("AAA0BBB,59/0,299/0"))
        #expect(zeroBased.nextTransition(after: Self.utc(2024, 1, 1)) == Self.utc(2024, 2, 29))
        #expect(zeroBased.nextTransition(after: Self.utc(2023, 1, 1)) == Self.utc(2023, 3, 1))
        #expect(zeroBased.utcOffset(at: Self.utc(2024, 6, 1)) == 3600)
        #expect(zeroBased.utcOffset(at: Self.utc(2024, 12, 1)) == 0)
    }

    @Test func yearRoundDaylightSaving() throws {
        let rule = try #require(PosixTimeZoneRule("EST5EDT4,0/0,J365/25"))
        for instant in stride(from: Self.utc(2023, 12, 30), through: Self.utc(2025, 1, 3), by: 3 * 3600) {
            #expect(rule.utcOffset(at: instant) == -14400)
        }
    }

    @Test(arguments: [
        "", "C", "CE-1", "CET", "CET-", "CET-25", "CET-1CEST,", "CET-1CEST,M3.5.0", "CET-1CEST,M3.5.0,",
        "CET-1CEST,M13.5.0,M10.5.0", "CET-1CEST,M3.6.0,M10.5.0", "CET-1CEST,M3.5.7,M10.5.0",
        "CET-1CEST,M3.5.0,M10.5.0/168", "CET-1CEST,J0,J365", "CET-1CEST,J366,J1", "CET-1CEST,366,1",
        "CET-1:60", "CET-1:30:60", "<+03", "<+3>-3", "<+03>-3jk", "CET-1CEST,M3.5.0,M10.5.0 ", "CET-1CEST-",
        "CE1T", "CET-1CEST,M3.5,M10.5.0", "CET-1CEST+25",
    ])
    func rejectsMalformed(_ text: String) {
        #expect(PosixTimeZoneRule(text) == nil)
    }

    @Test func extremeInstantsDoNotTrap() throws {
        let rule = try #require(PosixTimeZoneRule("CET-1CEST,M3.5.0,M10.5.0/3"))
        #expect([3600, 7200].contains(rule.utcOffset(at: .max)))
        #expect([3600, 7200].contains(rule.utcOffset(at: .min)))
        #expect(rule.nextTransition(after: .max) != nil)
    }
}
