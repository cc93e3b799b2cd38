import Foundation
import Testing
import WithingsEmulator

@Suite struct GeneratorTests {
    private static let now: Int64 = 1_767_225_600  // 2026-01-01T00:00:00Z

    @Test func tenYearsMeetTheSizes() throws {
        let started = ContinuousClock.now
        let users = HistoryGenerator(seed: 7, now: Self.now).makeUsers(
            GeneratorSpec(users: 1, years: 10), firstUserID: 1)
        print("generated 10 years for 1 user in \(ContinuousClock.now - started)")
        let user = try #require(users.first)
        print(
            "groups \(user.measureGroups.count), nights \(user.sleepSummaries.count), days \(user.activities.count), workouts \(user.workouts.count)"
        )
        #expect(user.measureGroups.count >= 20_000)
        #expect(user.sleepSummaries.count >= 3_650)
        #expect(user.activities.count >= 3_650)
        #expect(user.workouts.count >= 520)
        #expect(Set(user.activities.compactMap { $0["date"]?.stringValue }).count == user.activities.count)
        #expect(Set(user.sleepSummaries.compactMap { $0["date"]?.stringValue }).count == user.sleepSummaries.count)
        #expect(user.measureGroups.allSatisfy { ($0["modified"]?.intValue ?? .max) <= Self.now })
        let dates = user.measureGroups.compactMap { $0["date"]?.intValue }
        #expect(dates == dates.sorted(by: >), "groups are kept newest first")
    }

    @Test func historiesAreRealistic() throws {
        let user = try #require(
            HistoryGenerator(seed: 3, now: Self.now)
                .makeUsers(GeneratorSpec(users: 1, years: 1), firstUserID: 1).first)
        let types = Set(
            user.measureGroups.flatMap { $0["measures"]?.arrayValue ?? [] }.compactMap { $0["type"]?.intValue })
        #expect(types.isSuperset(of: [1, 4, 5, 6, 8, 9, 10, 11, 76, 77, 88, 91]))
        let weights = user.measureGroups.filter { $0["attrib"] == 0 }
            .flatMap { $0["measures"]?.arrayValue ?? [] }.filter { $0["type"] == 1 }
            .compactMap { measure -> Double? in
                guard let value = measure["value"]?.doubleValue, let unit = measure["unit"]?.doubleValue else {
                    return nil
                }
                return value * pow(10, unit)
            }
        #expect(weights.allSatisfy { (30...200).contains($0) })
        let sleepFields = Set(user.sleepSummaries.first?["data"]?.objectValue?.keys.map { $0 } ?? [])
        #expect(
            sleepFields.isSuperset(of: [
                "breathing_disturbances_intensity", "deepsleepduration", "sleep_latency", "wakeup_latency",
                "hr_average",
                "hr_min", "hr_max", "lightsleepduration", "remsleepduration", "rr_average", "rr_min", "rr_max",
                "sleep_score", "snoring", "snoringepisodecount", "wakeupcount", "wakeupduration", "total_sleep_time",
                "total_timeinbed", "sleep_efficiency",
            ]))
        #expect(user.activities.last?["date"] == "2026-01-01")
        #expect(user.devices.contains { $0["type"] == "Sleep Monitor" && $0["model_id"] == 63 })
        #expect(user.goals["steps"] != nil)
    }

    @Test func sameSeedGivesSameData() throws {
        let spec = GeneratorSpec(users: 2, years: 1)
        let one = HistoryGenerator(seed: 11, now: Self.now).makeUsers(spec, firstUserID: 1)
        let two = HistoryGenerator(seed: 11, now: Self.now).makeUsers(spec, firstUserID: 1)
        let other = HistoryGenerator(seed: 12, now: Self.now).makeUsers(spec, firstUserID: 1)
        #expect(one == two)
        #expect(one != other)
        #expect(one.map(\.name) == ["user1", "user2"])
        #expect(one.map(\.userID) == [1, 2])
    }

    @Test func generatorSpecParsing() throws {
        #expect(try GeneratorSpec.parse("users=3,years=10") == GeneratorSpec(users: 3, years: 10))
        #expect(try GeneratorSpec.parse("years=2") == GeneratorSpec(users: 1, years: 2))
        #expect(throws: EmulatorDataError.invalidGeneratorSpec("users=0")) { try GeneratorSpec.parse("users=0") }
        #expect(throws: EmulatorDataError.invalidGeneratorSpec("people=2")) { try GeneratorSpec.parse("people=2") }
    }

    @Test func demoHouseholdHasTodayAndASleepMonitor() throws {
        let now = Int64(Date().timeIntervalSince1970)
        let users = DemoHousehold.users(now: now)
        #expect(users.map(\.name) == ["alice", "bob"])
        let alice = users[0]
        #expect(alice.devices.contains { $0["type"] == "Sleep Monitor" && $0["model"] == "Aura Sensor V2" })
        #expect(alice.devices.contains { $0["type"] == "Blood Pressure Monitor" })
        #expect(!users[1].devices.contains { $0["type"] == "Blood Pressure Monitor" })
        let today = users.map { user in
            user.activities.contains { $0["date"]?.stringValue == Self.day(now, user.timezone) }
        }
        #expect(today == [true, true])
        #expect(alice.measureGroups.count > 30)
    }

    private static func day(_ epoch: Int64, _ zone: String) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: zone)
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(epoch)))
    }
}
