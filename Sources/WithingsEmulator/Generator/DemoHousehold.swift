/// The built-in data served when neither `--data` nor `--generate` is given.
public enum DemoHousehold {
    /// Alice (scale, sleep mat, blood-pressure monitor, watch) and Bob (scale, sleep mat, phone steps), with the
    /// last 30 days up to `now`, ids 10000001 and 10000002.
    public static func users(now: Int64, seed: UInt64 = 1) -> [EmulatorUser] {
        let generator = HistoryGenerator(seed: seed, now: now)
        let alice = GeneratedProfile(
            name: "alice", weight: 64.2, height: 1.68, fatRatio: 0.26, hasBloodPressureMonitor: true, hasWatch: true,
            hasCardioScale: true)
        let bob = GeneratedProfile(
            name: "bob", weight: 82.5, height: 1.81, fatRatio: 0.21, hasBloodPressureMonitor: false, hasWatch: false,
            hasCardioScale: false)
        var aliceRandom = SeededRandom(seed: seed)
        var bobRandom = SeededRandom(seed: seed &+ 1)
        return [
            generator.makeUser(profile: alice, userID: 10_000_001, days: 30, random: &aliceRandom),
            generator.makeUser(profile: bob, userID: 10_000_002, days: 30, random: &bobRandom),
        ]
    }
}
