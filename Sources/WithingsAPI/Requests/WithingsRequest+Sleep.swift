extension WithingsRequest {
    /// The fields asked of `getsummary`: every documented summary field (`night_events` is an object and is
    /// skipped when decoding; it is asked for so the answer matches what the Withings app shows).
    public static let sleepSummaryDataFields = [
        "total_timeinbed", "total_sleep_time", "asleepduration", "lightsleepduration", "remsleepduration",
        "deepsleepduration", "sleep_efficiency", "sleep_latency", "wakeup_latency", "wakeupduration", "wakeupcount",
        "waso", "nb_rem_episodes", "breathing_disturbances_intensity", "apnea_hypopnea_index", "withings_index",
        "durationtosleep", "durationtowakeup", "out_of_bed_count", "hr_average", "hr_min", "hr_max", "rr_average",
        "rr_min", "rr_max", "snoring", "snoringepisodecount", "sleep_score", "night_events", "mvt_active_duration",
        "mvt_score_avg",
    ]

    /// `POST /v2/sleep action=getsummary`: sleep summaries (nights and naps) in `window`.
    public static func sleepSummaries(_ window: FetchWindow) -> WithingsRequest {
        WithingsRequest(
            path: "/v2/sleep", action: "getsummary",
            fields: window.fields + [FormField("data_fields", sleepSummaryDataFields.joined(separator: ","))]
        )
    }
}
