/// The device ids of one generated user.
struct GeneratedDevices: Sendable {
    var scale: String
    var sleepMat: String
    var bloodPressureMonitor: String?
    var watch: String?

    init(profile: GeneratedProfile, random: inout SeededRandom) {
        scale = random.hexID()
        sleepMat = random.hexID()
        bloodPressureMonitor = profile.hasBloodPressureMonitor ? random.hexID() : nil
        watch = profile.hasWatch ? random.hexID() : nil
    }

    /// getdevice `devices` items.
    func list(profile: GeneratedProfile, firstSession: Int64, now: Int64, random: inout SeededRandom) -> [JSONValue] {
        let batteries: [JSONValue] = ["high", "high", "medium", "low"]
        func device(_ type: String, _ model: String, _ modelID: Int64, _ id: String) -> JSONValue {
            [
                "type": .string(type), "battery": batteries[Int(random.next() % 4)], "model": .string(model),
                "model_id": .int(modelID), "timezone": .string(profile.timezone),
                "first_session_date": .int(firstSession),
                "last_session_date": .int(now - Int64(random.next() % 86_400)),
                "deviceid": .string(id), "hash_deviceid": .string(id),
            ]
        }
        var devices = [
            profile.hasCardioScale ? device("Scale", "Body Cardio", 6, scale) : device("Scale", "Body+", 5, scale),
            device("Sleep Monitor", "Aura Sensor V2", 63, sleepMat),
        ]
        if let bloodPressureMonitor {
            devices.append(device("Blood Pressure Monitor", "BPM Connect", 45, bloodPressureMonitor))
        }
        if let watch { devices.append(device("Activity Tracker", "ScanWatch", 93, watch)) }
        return devices
    }
}
