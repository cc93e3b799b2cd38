/// The person and equipment behind a generated history.
public struct GeneratedProfile: Sendable, Equatable {
    /// Display name.
    public var name: String
    /// IANA time zone.
    public var timezone: String
    /// Starting weight in kg.
    public var weight: Double
    /// Height in m.
    public var height: Double
    /// Body fat ratio, 0…1.
    public var fatRatio: Double
    /// Owns a blood-pressure monitor (BPM Connect).
    public var hasBloodPressureMonitor: Bool
    /// Owns a watch (ScanWatch) for activity; otherwise a phone app reports steps.
    public var hasWatch: Bool
    /// The scale reports pulse wave velocity (Body Cardio) rather than only composition (Body+).
    public var hasCardioScale: Bool

    /// Creates a profile.
    public init(
        name: String, timezone: String = "Europe/Paris", weight: Double, height: Double, fatRatio: Double,
        hasBloodPressureMonitor: Bool, hasWatch: Bool, hasCardioScale: Bool
    ) {
        self.name = name
        self.timezone = timezone
        self.weight = weight
        self.height = height
        self.fatRatio = fatRatio
        self.hasBloodPressureMonitor = hasBloodPressureMonitor
        self.hasWatch = hasWatch
        self.hasCardioScale = hasCardioScale
    }

    /// A fully equipped random person for `--generate` (every device, so histories are as dense as possible).
    public static func random(index: Int, using random: inout SeededRandom) -> GeneratedProfile {
        GeneratedProfile(
            name: "user\(index + 1)", weight: random.around(76, 12), height: random.around(1.74, 0.08),
            fatRatio: random.around(0.24, 0.05), hasBloodPressureMonitor: true, hasWatch: true, hasCardioScale: true)
    }
}
