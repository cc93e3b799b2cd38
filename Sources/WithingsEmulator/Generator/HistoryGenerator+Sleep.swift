extension HistoryGenerator {
    /// One summary per night (ending on each day's morning), with every getsummary data field.
    func sleepSummaries(
        profile: GeneratedProfile, days: [GeneratedDay], devices: GeneratedDevices, nextID: inout Int64,
        random: inout SeededRandom
    ) -> [JSONValue] {
        var nights: [JSONValue] = []
        nights.reserveCapacity(days.count)
        for day in days {
            let start = day.midnight - 5_400 + Int64(random.around(0, 2_400))
            let end = day.midnight + 24_300 + Int64(random.around(0, 2_400))
            let stored = end + 600 + Int64(random.next() % 3_000)
            guard stored <= now else { continue }
            nights.append([
                "id": .int(nextID), "timezone": .string(profile.timezone), "model": 32, "model_id": 63,
                "hash_deviceid": .string(devices.sleepMat), "startdate": .int(start), "enddate": .int(end),
                "date": .string(day.date), "data": .object(Self.sleepData(durationInBed: end - start, random: &random)),
                "created": .int(stored), "modified": .int(stored),
            ])
            nextID += 1
        }
        return nights
    }

    /// Plausible values for every summary field of a night of `durationInBed` seconds.
    static func typicalSleepData(durationInBed: Int64) -> [String: JSONValue] {
        var random = SeededRandom(seed: UInt64(max(0, durationInBed)))
        return sleepData(durationInBed: durationInBed, random: &random)
    }

    static func sleepData(durationInBed: Int64, random: inout SeededRandom) -> [String: JSONValue] {
        let inBed = max(durationInBed, 3_600)
        let latency = Int64(random.around(900, 400).clamped(60, 3_600))
        let wakeupLatency = Int64(random.around(420, 200).clamped(0, 1_800))
        let wakeDuration = Int64(random.around(2_400, 900).clamped(0, Double(inBed) / 3))
        let asleep = max(600, inBed - latency - wakeupLatency - wakeDuration)
        let deep = asleep * Int64(random.around(22, 4)) / 100
        let rem = asleep * Int64(random.around(21, 4)) / 100
        let light = asleep - deep - rem
        let wakeups = Int64(random.around(3, 2).clamped(0, 12))
        let snoring = Int64(random.around(900, 600).clamped(0, 7_200))
        let hrAverage = Int64(random.around(58, 5))
        let rrAverage = Int64(random.around(15, 1.5))
        let score = Int64((Double(asleep) / 28_800 * 85 + random.around(5, 4)).clamped(20, 100))
        let efficiency = (Double(asleep) / Double(inBed) * 100).rounded() / 100
        return [
            "total_timeinbed": .int(inBed), "total_sleep_time": .int(asleep), "asleepduration": .int(asleep),
            "lightsleepduration": .int(light), "remsleepduration": .int(rem), "deepsleepduration": .int(deep),
            "sleep_efficiency": .double(efficiency), "sleep_latency": .int(latency),
            "wakeup_latency": .int(wakeupLatency), "wakeupduration": .int(wakeDuration), "wakeupcount": .int(wakeups),
            "waso": .int(wakeDuration), "nb_rem_episodes": .int(Int64(random.around(4, 1).clamped(1, 8))),
            "breathing_disturbances_intensity": .int(Int64(random.around(12, 8).clamped(0, 60))),
            "apnea_hypopnea_index": .int(Int64(random.around(6, 4).clamped(0, 40))),
            "withings_index": .int(Int64(random.around(70, 10).clamped(0, 100))),
            "durationtosleep": .int(latency), "durationtowakeup": .int(wakeupLatency),
            "out_of_bed_count": .int(Int64(random.around(0.6, 0.8).clamped(0, 4))),
            "hr_average": .int(hrAverage), "hr_min": .int(hrAverage - Int64(random.around(8, 2))),
            "hr_max": .int(hrAverage + Int64(random.around(22, 6))), "rr_average": .int(rrAverage),
            "rr_min": .int(rrAverage - Int64(random.around(4, 1))),
            "rr_max": .int(rrAverage + Int64(random.around(5, 1))),
            "snoring": .int(snoring), "snoringepisodecount": .int(snoring / 60), "sleep_score": .int(score),
            "night_events": [
                "1": [0], "2": .array([.int(latency)]), "3": .array([.int(latency + asleep)]),
                "4": .array([.int(inBed)]),
            ],
            "mvt_active_duration": .int(Int64(random.around(1_200, 400).clamped(0, 6_000))),
            "mvt_score_avg": .int(Int64(random.around(30, 10).clamped(0, 100))),
        ]
    }
}

extension Double {
    /// The value limited to `low…high`.
    func clamped(_ low: Double, _ high: Double) -> Double {
        Swift.min(Swift.max(self, low), Swift.max(low, high))
    }
}
