extension HistoryGenerator {
    /// Weigh-ins (composition, pulse, pulse wave velocity), blood-pressure series, the odd temperature.
    func measureGroups(
        profile: GeneratedProfile, days: [GeneratedDay], devices: GeneratedDevices, nextID: inout Int64,
        random: inout SeededRandom
    ) -> [JSONValue] {
        var groups: [JSONValue] = []
        groups.reserveCapacity(days.count * 6 + 1)
        var weight = profile.weight
        var fatRatio = profile.fatRatio
        func add(_ date: Int64, attrib: Int64, device: String?, model: (String, Int64)?, _ measures: [JSONValue]) {
            guard date <= now else { return }
            let stored = min(now, date + Int64(random.next() % 120))
            var group: [String: JSONValue] = [
                "grpid": .int(nextID), "attrib": .int(attrib), "date": .int(date), "created": .int(stored),
                "modified": .int(stored), "category": 1, "deviceid": device.map(JSONValue.string) ?? .null,
                "hash_deviceid": device.map(JSONValue.string) ?? .null, "measures": .array(measures), "comment": .null,
                "timezone": .string(profile.timezone),
            ]
            if let model { group["model"] = .string(model.0); group["modelid"] = .int(model.1) }
            groups.append(.object(group))
            nextID += 1
        }
        func measure(_ type: Int64, _ value: Double, unit: Int64) -> JSONValue {
            var scale = 1.0
            for _ in 0..<(-unit) { scale *= 10 }
            return ["type": .int(type), "value": .int(Int64((value * scale).rounded())), "unit": .int(unit)]
        }
        let scaleModel = profile.hasCardioScale ? ("Body Cardio", Int64(6)) : ("Body+", Int64(5))
        func weighIn(at date: Int64) {
            // A guest on the shared scale now and then produces an ambiguous (attrib 1) group.
            let guest = random.chance(0.02)
            let kg = guest ? random.around(weight + 12, 6) : random.around(weight, 0.3)
            let fat = guest ? random.around(0.2, 0.05) : random.around(fatRatio, 0.004)
            let fatMass = kg * fat
            let freeMass = kg - fatMass
            add(
                date, attrib: guest ? 1 : 0, device: devices.scale, model: scaleModel,
                [
                    measure(1, kg, unit: -3), measure(6, fat * 100, unit: -3), measure(8, fatMass, unit: -3),
                    measure(5, freeMass, unit: -3), measure(76, freeMass * 0.94, unit: -2),
                    measure(77, freeMass * 0.72, unit: -2), measure(88, freeMass * 0.05, unit: -2),
                ])
            add(
                date, attrib: guest ? 1 : 0, device: devices.scale, model: scaleModel,
                [
                    measure(11, random.around(68, 6), unit: 0)
                ])
            if profile.hasCardioScale, random.chance(0.8) {
                add(
                    date, attrib: guest ? 1 : 0, device: devices.scale, model: scaleModel,
                    [
                        measure(91, random.around(7.4, 0.5), unit: -3)
                    ])
            }
        }
        add(
            days.first.map { $0.midnight + 36_000 } ?? now, attrib: 2, device: nil, model: nil,
            [
                measure(4, profile.height, unit: -2)
            ])
        for day in days {
            weight += random.around(0, 0.06) + (profile.weight - weight) * 0.002
            fatRatio = min(0.45, max(0.08, fatRatio + random.around(0, 0.0008)))
            if random.chance(0.95) { weighIn(at: day.midnight + 25_200 + Int64(random.next() % 5_400)) }
            if random.chance(0.6) { weighIn(at: day.midnight + 75_600 + Int64(random.next() % 3_600)) }
            if let monitor = devices.bloodPressureMonitor, random.chance(0.5) {
                let start = day.midnight + 28_800 + Int64(random.next() % 3_600)
                var systolic = 0.0
                var diastolic = 0.0
                var pulse = 0.0
                for reading in 0..<3 {
                    let values = (random.around(124, 8), random.around(79, 5), random.around(66, 5))
                    systolic += values.0 / 3
                    diastolic += values.1 / 3
                    pulse += values.2 / 3
                    add(
                        start + Int64(reading * 60), attrib: 0, device: monitor, model: ("BPM Connect", 45),
                        [
                            measure(9, values.1, unit: 0), measure(10, values.0, unit: 0),
                            measure(11, values.2, unit: 0),
                        ])
                }
                add(
                    start + 180, attrib: 5, device: monitor, model: ("BPM Connect", 45),
                    [
                        measure(9, diastolic, unit: 0), measure(10, systolic, unit: 0), measure(11, pulse, unit: 0),
                    ])
            }
            if random.chance(0.03) {
                add(
                    day.midnight + 30_000, attrib: 2, device: nil, model: nil,
                    [
                        measure(71, random.around(36.8, 0.3), unit: -2)
                    ])
            }
        }
        return groups
    }
}
