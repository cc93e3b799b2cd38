extension WithingsRequest {
    /// The fields asked of `getactivity`: every documented daily total.
    public static let activityDataFields = [
        "steps", "distance", "elevation", "soft", "moderate", "intense", "active", "calories", "totalcalories",
        "hr_average", "hr_min", "hr_max", "hr_zone_0", "hr_zone_1", "hr_zone_2", "hr_zone_3",
    ]

    /// The fields asked of `getworkouts`: every documented workout number.
    public static let workoutDataFields = [
        "calories", "intensity", "manual_distance", "manual_calories", "hr_average", "hr_min", "hr_max",
        "hr_zone_0", "hr_zone_1", "hr_zone_2", "hr_zone_3", "pause_duration", "algo_pause_duration",
        "spo2_average", "steps", "distance", "elevation", "pool_laps", "strokes", "pool_length",
    ]

    /// `POST /measure action=getmeas lastupdate=…`: measure groups created or changed since `lastUpdate`.
    public static func measureGroups(changedSince lastUpdate: Int64) -> WithingsRequest {
        WithingsRequest(path: "/measure", action: "getmeas", fields: [FormField("lastupdate", String(lastUpdate))])
    }

    /// `POST /measure action=getmeas startdate=… enddate=…`: groups measured in `[start, end]` (epoch seconds).
    public static func measureGroups(from start: Int64, to end: Int64) -> WithingsRequest {
        WithingsRequest(
            path: "/measure", action: "getmeas",
            fields: [FormField("startdate", String(start)), FormField("enddate", String(end))]
        )
    }

    /// `POST /v2/measure action=getactivity`: daily activity rows in `window`.
    public static func activity(_ window: FetchWindow) -> WithingsRequest {
        WithingsRequest(
            path: "/v2/measure", action: "getactivity",
            fields: window.fields + [FormField("data_fields", activityDataFields.joined(separator: ","))]
        )
    }

    /// `POST /v2/measure action=getworkouts`: workouts in `window`.
    public static func workouts(_ window: FetchWindow) -> WithingsRequest {
        WithingsRequest(
            path: "/v2/measure", action: "getworkouts",
            fields: window.fields + [FormField("data_fields", workoutDataFields.joined(separator: ","))]
        )
    }
}
