import LocalTime
import Testing

@Suite struct CivilDateTests {
    @Test func epochAndKnownDates() {
        #expect(CivilDate(daysSinceEpoch: 0) == CivilDate(year: 1970, month: 1, day: 1))
        #expect(CivilDate(daysSinceEpoch: -1) == CivilDate(year: 1969, month: 12, day: 31))
        #expect(CivilDate(daysSinceEpoch: 11_016) == CivilDate(year: 2000, month: 2, day: 29))
        #expect(CivilDate(daysSinceEpoch: 47_541) == CivilDate(year: 2100, month: 3, day: 1))
        #expect(CivilDate(year: 2024, month: 2, day: 29).daysSinceEpoch == 19_782)
        #expect(CivilDate(year: 1600, month: 1, day: 1).daysSinceEpoch == -135_140)
    }

    @Test func theDayContainingAnInstantRoundsDownBefore1970() {
        #expect(CivilDate.daysSinceEpoch(containing: 0) == 0)
        #expect(CivilDate.daysSinceEpoch(containing: 86_399) == 0)
        #expect(CivilDate.daysSinceEpoch(containing: 86_400) == 1)
        #expect(CivilDate.daysSinceEpoch(containing: -1) == -1)
        #expect(CivilDate.daysSinceEpoch(containing: -43_200) == -1)
        #expect(CivilDate.daysSinceEpoch(containing: -86_400) == -1)
        #expect(CivilDate.daysSinceEpoch(containing: -86_401) == -2)
    }

    @Test func roundTripsEveryDayOverEightCenturies() {
        var previous = CivilDate(daysSinceEpoch: -150_001)
        for days in Int64(-150_000)...150_000 {
            let date = CivilDate(daysSinceEpoch: days)
            #expect(date.daysSinceEpoch == days)
            let continues =
                date.day == previous.day + 1
                || (date.day == 1 && (date.month == previous.month + 1 || (date.month == 1 && previous.month == 12)))
            if !continues || previous.day > CivilDate.daysInMonth(year: previous.year, month: previous.month) {
                Issue.record("\(previous) is not followed by \(date)")
                return
            }
            previous = date
        }
    }

    @Test func formatsZeroPadded() {
        #expect(CivilDate(year: 2024, month: 3, day: 5).description == "2024-03-05")
        #expect(CivilDate(year: 1999, month: 12, day: 31).description == "1999-12-31")
        #expect(CivilDate(year: 7, month: 1, day: 9).description == "0007-01-09")
        #expect(CivilDate(year: 12_345, month: 10, day: 10).description == "12345-10-10")
        #expect(CivilDate(year: -44, month: 3, day: 15).description == "-0044-03-15")
    }

    @Test func weekdaysAndMonthLengths() {
        #expect(CivilDate.weekday(daysSinceEpoch: 0) == 4)
        #expect(CivilDate.weekday(daysSinceEpoch: -4) == 0)
        #expect(CivilDate.weekday(daysSinceEpoch: CivilDate(year: 2024, month: 3, day: 31).daysSinceEpoch) == 0)
        #expect(CivilDate.isLeapYear(2000) && CivilDate.isLeapYear(2024))
        #expect(!CivilDate.isLeapYear(1900) && !CivilDate.isLeapYear(2100) && !CivilDate.isLeapYear(2023))
        #expect(CivilDate.daysInMonth(year: 2024, month: 2) == 29)
        #expect(CivilDate.daysInMonth(year: 2100, month: 2) == 28)
        #expect(CivilDate.daysInMonth(year: 2023, month: 4) == 30)
        #expect(CivilDate.daysInMonth(year: 2023, month: 12) == 31)
    }
}
