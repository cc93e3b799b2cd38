import Testing
import WithingsAPI

/// Main sleep, today's activity and last workout rules.
@Suite struct LatestOtherValuesTests {
    static func sleep(_ date: String, start: Int64, end: Int64, modified: Int64? = nil) -> SleepSummary {
        SleepSummary(date: date, startDate: start, endDate: end, modified: modified, data: [:])
    }

    @Test func homeAssistantSleepFixturePicksTheNewestNight() throws {
        let summaries = try FixtureLoading.items("homeassistant-2024.1/sleep_summaries.json", as: SleepSummary.self)
        let night = try #require(LatestValues.mainSleep(current: nil, summaries: summaries))
        #expect(night.id == 2_081_804_182)
        #expect(night.date == "2021-04-18")
        #expect(night.data["deepsleepduration"] == 5820)
    }

    @Test func aNapNeverReplacesTheNight() throws {
        let night = Self.sleep("2024-03-02", start: 1_709_330_400, end: 1_709_359_200)  // 8 h
        let nap = Self.sleep("2024-03-02", start: 1_709_388_000, end: 1_709_391_600)  // 1 h, ends later
        #expect(LatestValues.mainSleep(current: night, summaries: [nap]) == night)
        #expect(LatestValues.mainSleep(current: nil, summaries: [nap, night]) == night)
        #expect(LatestValues.mainSleep(current: nap, summaries: [night]) == night)
        let nextNight = Self.sleep("2024-03-03", start: 1_709_416_800, end: 1_709_442_000)
        #expect(LatestValues.mainSleep(current: night, summaries: [nap, nextNight]) == nextNight)
        #expect(LatestValues.mainSleep(current: nil, summaries: []) == nil)
    }

    @Test func sameNightEditedKeepsTheNewerVersion() {
        let first = Self.sleep("2024-03-02", start: 100, end: 200, modified: 1)
        let edited = Self.sleep("2024-03-02", start: 100, end: 200, modified: 2)
        #expect(LatestValues.mainSleep(current: first, summaries: [edited])?.modified == 2)
    }

    @Test func activityIsTodaysRowOnly() throws {
        let rows = try FixtureLoading.items("homeassistant-2024.1/activity.json", as: ActivityDay.self)
        let today = try #require(LatestValues.todaysActivity(today: "2023-10-21", rows: rows))
        #expect(today.data["steps"] == 1155)
        #expect(LatestValues.todaysActivity(today: "2023-10-22", rows: rows) == nil)
        // Yesterday's stored row is dropped on a new day; today's stored row survives an empty poll.
        #expect(LatestValues.todaysActivity(today: "2023-10-22", rows: [], current: today) == nil)
        #expect(LatestValues.todaysActivity(today: "2023-10-21", rows: [], current: today) == today)
    }

    @Test func activityPrefersTheNewerModifiedRowOfToday() {
        let old = ActivityDay(date: "2024-01-01", modified: 10, data: ["steps": 100])
        let new = ActivityDay(date: "2024-01-01", modified: 20, data: ["steps": 500])
        #expect(LatestValues.todaysActivity(today: "2024-01-01", rows: [new, old])?.data["steps"] == 500)
        #expect(LatestValues.todaysActivity(today: "2024-01-01", rows: [new], current: old)?.data["steps"] == 500)
    }

    @Test func lastWorkoutIsTheLatestEnd() throws {
        let workouts = try FixtureLoading.items("homeassistant-2024.1/workouts.json", as: Workout.self)
        let last = try #require(LatestValues.lastWorkout(current: nil, workouts: workouts))
        #expect(last.endDate == 1_696_844_638)
        #expect(last.id == 3_752_609_178)
        // A newer workout replaces a kept one (HA's inverted comparison would keep the old one).
        let older = try #require(workouts.first { $0.id == 3_661_300_269 })
        #expect(LatestValues.lastWorkout(current: older, workouts: [last]) == last)
        #expect(LatestValues.lastWorkout(current: last, workouts: [older]) == last)
    }
}
