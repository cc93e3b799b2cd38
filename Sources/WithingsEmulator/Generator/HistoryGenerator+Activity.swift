extension HistoryGenerator {
    /// One activity row per day; today's row holds the steps so far and `modified` a few minutes ago.
    func activityRows(
        profile: GeneratedProfile, days: [GeneratedDay], devices: GeneratedDevices, random: inout SeededRandom
    ) -> [JSONValue] {
        days.compactMap { day in
            guard day.midnight <= now else { return nil }
            let endOfDay = day.midnight + 86_400
            let dayShare = min(1, Double(now - day.midnight) / 86_400)
            let steps = random.around(8_000, 3_500).clamped(500, 30_000) * dayShare
            let moderate = steps * random.around(0.12, 0.03).clamped(0.01, 1)
            let intense = steps * random.around(0.03, 0.02).clamped(0, 1)
            let calories = steps * 0.045
            var row = Self.emptyActivityRow(
                day: day.date, timezone: profile.timezone,
                devices: devices.watch.map {
                    [["deviceid": .string($0), "type": "Activity Tracker", "model": "ScanWatch", "model_id": 93]]
                } ?? [])
            row["steps"] = .int(Int64(steps))
            row["distance"] = .double((steps * 0.76 * 1000).rounded() / 1000)
            row["elevation"] = .int(Int64(random.around(8, 6).clamped(0, 60) * dayShare))
            row["soft"] = .int(Int64(steps * random.around(0.6, 0.1).clamped(0.1, 2)))
            row["moderate"] = .int(Int64(moderate))
            row["intense"] = .int(Int64(intense))
            row["active"] = .int(Int64(moderate + intense))
            row["calories"] = .double((calories * 1000).rounded() / 1000)
            row["totalcalories"] = .double(((calories + 1_750 * dayShare) * 1000).rounded() / 1000)
            if devices.watch != nil {
                let average = Int64(random.around(74, 6))
                row["hr_average"] = .int(average)
                row["hr_min"] = .int(average - 22)
                row["hr_max"] = .int(average + Int64(random.around(60, 15)))
                row["hr_zone_0"] = .int(Int64(random.around(40_000, 8_000) * dayShare))
                row["hr_zone_1"] = .int(Int64(random.around(6_000, 2_000) * dayShare))
                row["hr_zone_2"] = .int(Int64(random.around(1_200, 600).clamped(0, 9_000) * dayShare))
                row["hr_zone_3"] = .int(Int64(random.around(200, 200).clamped(0, 3_600) * dayShare))
            }
            row["modified"] = .int(endOfDay <= now ? endOfDay + 3_600 + Int64(random.next() % 7_200) : now - 300)
            if let modified = row["modified"]?.intValue, modified > now { row["modified"] = .int(now - 60) }
            return .object(row)
        }
    }

    /// About one workout every five days, in the evening, from the watch (or the phone).
    func workoutSeries(
        profile: GeneratedProfile, days: [GeneratedDay], devices: GeneratedDevices, nextID: inout Int64,
        random: inout SeededRandom
    ) -> [JSONValue] {
        let categories: [Int64] = [1, 2, 6, 7, 16, 28, 308, 1, 2]
        var series: [JSONValue] = []
        for day in days where random.chance(0.2) {
            let start = day.midnight + 63_000 + Int64(random.next() % 7_200)
            let duration = Int64(random.around(2_700, 1_200).clamped(900, 7_200))
            let end = start + duration
            guard end + 600 <= now else { continue }
            let category = categories[Int(random.next() % UInt64(categories.count))]
            let moving = [1, 2, 6].contains(category)
            let steps = moving && category != 6 ? Int64(Double(duration) * random.around(2.2, 0.3)) : 0
            let average = Int64(random.around(128, 12))
            series.append([
                "id": .int(nextID), "category": .int(category), "timezone": .string(profile.timezone),
                "model": .int(devices.watch == nil ? 1_055 : 93), "attrib": 0, "startdate": .int(start),
                "enddate": .int(end), "date": .string(day.date),
                "deviceid": devices.watch.map(JSONValue.string) ?? .null,
                "modified": .int(end + 600),
                "data": [
                    "calories": .int(duration / 6), "intensity": .int(Int64(random.around(50, 20).clamped(0, 100))),
                    "manual_distance": 0, "manual_calories": 0, "hr_average": .int(average),
                    "hr_min": .int(average - 40), "hr_max": .int(average + 35), "hr_zone_0": .int(duration / 10),
                    "hr_zone_1": .int(duration / 3), "hr_zone_2": .int(duration / 3), "hr_zone_3": .int(duration / 6),
                    "pause_duration": .int(Int64(random.next() % 300)), "algo_pause_duration": .null,
                    "spo2_average": .null, "steps": .int(steps),
                    "distance": .int(moving ? Int64(Double(duration) * (category == 6 ? 6.5 : 2.4)) : 0),
                    "elevation": .int(moving ? Int64(random.next() % 80) : 0),
                    "pool_laps": .int(category == 7 ? duration / 90 : 0),
                    "strokes": .int(category == 7 ? duration / 3 : 0), "pool_length": .int(category == 7 ? 25 : 0),
                ],
            ])
            nextID += 1
        }
        return series
    }

    /// A zeroed activity row for `day`, attributed to the user's watch or, without one, a phone app.
    static func emptyActivityRow(day: String, timezone: String, devices: [JSONValue]) -> [String: JSONValue] {
        var row: [String: JSONValue] = [
            "steps": 0, "distance": 0, "elevation": 0, "soft": 0, "moderate": 0, "intense": 0, "active": 0,
            "calories": 0, "totalcalories": 0, "timezone": .string(timezone), "date": .string(day), "modified": 0,
        ]
        if let watch = devices.first(where: { $0["type"]?.stringValue == "Activity Tracker" }) {
            row["deviceid"] = watch["deviceid"] ?? .null
            row["hash_deviceid"] = watch["deviceid"] ?? .null
            row["brand"] = 1
            row["is_tracker"] = true
            row["model"] = watch["model"] ?? "ScanWatch"
            row["modelid"] = watch["model_id"] ?? 93
        } else {
            row["deviceid"] = .null
            row["hash_deviceid"] = .null
            row["brand"] = 18
            row["is_tracker"] = false
            row["model"] = "GoogleFit tracker"
            row["modelid"] = 1_055
        }
        return row
    }
}
