/// Makes realistic, deterministic Withings histories ending at `now`.
public struct HistoryGenerator: Sendable {
    /// The seed; the same seed and `now` give the same data.
    public var seed: UInt64
    /// The end of the history, epoch seconds.
    public var now: Int64

    /// Creates a generator.
    public init(seed: UInt64, now: Int64) {
        self.seed = seed
        self.now = now
    }

    /// `spec.users` fully equipped users with `spec.years` of history (plus today, so every year has all its nights),
    /// ids counting up from `firstUserID`.
    public func makeUsers(_ spec: GeneratorSpec, firstUserID: Int64) -> [EmulatorUser] {
        (0..<spec.users).map { index in
            var random = SeededRandom(seed: seed &+ UInt64(index) &* 0x2545_F491_4F6C_DD1D)
            let profile = GeneratedProfile.random(index: index, using: &random)
            return makeUser(
                profile: profile, userID: firstUserID + Int64(index), days: spec.years * 365 + 1, random: &random)
        }
    }

    /// One user with `days` days of measurements, nights, activity, workouts, goals and devices.
    public func makeUser(
        profile: GeneratedProfile, userID: Int64, days: Int, random: inout SeededRandom
    ) -> EmulatorUser {
        let calendar = GeneratedDay.lastDays(days, now: now, timezone: profile.timezone)
        let devices = GeneratedDevices(profile: profile, random: &random)
        var nextID = 4_000_000_000 + (userID % 1000) * 100_000_000
        let groups = measureGroups(profile: profile, days: calendar, devices: devices, nextID: &nextID, random: &random)
        let nights = sleepSummaries(
            profile: profile, days: calendar, devices: devices, nextID: &nextID, random: &random)
        let activities = activityRows(profile: profile, days: calendar, devices: devices, random: &random)
        let workouts = workoutSeries(
            profile: profile, days: calendar, devices: devices, nextID: &nextID, random: &random)
        let target = (profile.weight * 0.95 * 10).rounded() * 100
        let goals: JSONValue = [
            "steps": .int(random.chance(0.5) ? 10_000 : 8_000), "sleep": 28_800,
            "weight": ["value": .int(Int64(target)), "unit": -3],
        ]
        let firstSession = calendar.first?.midnight ?? now
        return EmulatorUser(
            userID: userID, name: profile.name, timezone: profile.timezone, measureGroups: groups,
            sleepSummaries: nights, activities: activities, workouts: workouts, goals: goals,
            devices: devices.list(profile: profile, firstSession: firstSession, now: now, random: &random))
    }
}
