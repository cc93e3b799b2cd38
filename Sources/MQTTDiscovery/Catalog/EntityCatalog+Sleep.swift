extension EntityCatalog {
    /// Sleep: Home Assistant's 17 sensors (same keys, including its `eposode` typo) and the summary fields it
    /// does not request. Durations are seconds with class `duration` (Home Assistant converts for display).
    public static let sleep: [EntityDescription] = [
        field(
            "sleep_breathing_disturbances_intensity", "Breathing disturbances intensity",
            "breathing_disturbances_intensity"),
        duration("sleep_deep_duration_seconds", "Deep sleep", "deepsleepduration", enabled: true),
        duration("sleep_tosleep_duration_seconds", "Time to sleep", "sleep_latency"),
        duration("sleep_towakeup_duration_seconds", "Time to wakeup", "wakeup_latency"),
        field("sleep_heart_rate_average_bpm", "Average heart rate", "hr_average", unit: "bpm"),
        field("sleep_heart_rate_max_bpm", "Maximum heart rate", "hr_max", unit: "bpm"),
        field("sleep_heart_rate_min_bpm", "Minimum heart rate", "hr_min", unit: "bpm"),
        duration("sleep_light_duration_seconds", "Light sleep", "lightsleepduration"),
        duration("sleep_rem_duration_seconds", "REM sleep", "remsleepduration"),
        field("sleep_respiratory_average_bpm", "Average respiratory rate", "rr_average", unit: "br/min"),
        field("sleep_respiratory_max_bpm", "Maximum respiratory rate", "rr_max", unit: "br/min"),
        field("sleep_respiratory_min_bpm", "Minimum respiratory rate", "rr_min", unit: "br/min"),
        field("sleep_score", "Sleep score", "sleep_score", unit: "points"),
        duration("sleep_snoring", "Snoring", "snoring"),
        field("sleep_snoring_eposode_count", "Snoring episode count", "snoringepisodecount"),
        field("sleep_wakeup_count", "Wakeup count", "wakeupcount", unit: "times"),
        duration("sleep_wakeup_duration_seconds", "Wakeup time", "wakeupduration"),
        // Ours. The total is what most people want from a sleep mat, so it is enabled.
        duration("sleep_total_duration_seconds", "Total sleep time", "total_sleep_time", enabled: true, ours: true),
        duration("sleep_in_bed_duration_seconds", "Time in bed", "total_timeinbed", ours: true),
        // Withings sends a ratio (0.86); published as a percentage so that the unit `%` tells the truth.
        field("sleep_efficiency_pct", "Sleep efficiency", "sleep_efficiency", unit: "%", scale: 100, ours: true),
        duration("sleep_waso_duration_seconds", "Wake after sleep onset", "waso", ours: true),
        field("sleep_out_of_bed_count", "Out of bed count", "out_of_bed_count", unit: "times", ours: true),
        field(
            "sleep_apnea_hypopnea_index", "Apnea-hypopnea index", "apnea_hypopnea_index", unit: "events/h",
            ours: true),
    ]

    private static func field(
        _ key: String, _ name: String, _ field: String, unit: String? = nil, deviceClass: String? = nil,
        scale: Double = 1, enabled: Bool = false, ours: Bool = false
    ) -> EntityDescription {
        EntityDescription(
            key: key, name: name, group: .sleep, source: .sleep(field: field), unit: unit, deviceClass: deviceClass,
            stateClass: .measurement, enabledByDefault: enabled, scale: scale, inHomeAssistant: !ours
        )
    }

    private static func duration(
        _ key: String, _ name: String, _ source: String, enabled: Bool = false, ours: Bool = false
    ) -> EntityDescription {
        field(key, name, source, unit: "s", deviceClass: "duration", enabled: enabled, ours: ours)
    }
}
