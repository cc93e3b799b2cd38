import Foundation

/// Reads one user's data from a directory of Withings body fragments (see fixtures/withings/homeassistant-2024.1).
public enum EmulatorDataLoader {
    /// Loads `measurements.json`, `sleep_summaries.json`, `activity.json`, `workouts.json`, `goals.json` and
    /// `devices.json` from `directory`; a missing file means no data of that kind.
    public static func loadUser(directory: URL, userID: Int64, name: String? = nil) throws -> EmulatorUser {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue
        else { throw EmulatorDataError.missingDirectory(directory.path) }

        let groups = try list(directory, "measurements.json", bodyKey: "measuregrps")
        let sleep = try list(directory, "sleep_summaries.json", bodyKey: "series")
        let activities = try list(directory, "activity.json", bodyKey: "activities")
        let workouts = try list(directory, "workouts.json", bodyKey: "series")
        let devices = try list(directory, "devices.json", bodyKey: "devices")
        let goals = try fragment(directory, "goals.json", bodyKey: "goals") ?? .array([])
        let timezone = (devices + activities + sleep + workouts).lazy.compactMap { $0["timezone"]?.stringValue }.first
        return EmulatorUser(
            userID: userID, name: name ?? directory.lastPathComponent, timezone: timezone ?? "Europe/Paris",
            measureGroups: groups, sleepSummaries: sleep, activities: activities, workouts: workouts,
            goals: goals, devices: devices
        )
    }

    private static func list(_ directory: URL, _ file: String, bodyKey: String) throws -> [JSONValue] {
        guard let value = try fragment(directory, file, bodyKey: bodyKey) else { return [] }
        guard let items = value.arrayValue else {
            throw EmulatorDataError.unreadableFile(
                path: directory.appendingPathComponent(file).path, reason: "expected an array")
        }
        return items
    }

    // Accepts both the bare fragment and a full envelope so real captured responses can be dropped in as is.
    private static func fragment(_ directory: URL, _ file: String, bodyKey: String) throws -> JSONValue? {
        let url = directory.appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let value: JSONValue
        do {
            value = try JSONValue.parse(Data(contentsOf: url))
        } catch {
            throw EmulatorDataError.unreadableFile(path: url.path, reason: "not valid JSON (\(error))")
        }
        if let body = value["body"], value["status"] != nil {
            return body[bodyKey] ?? .array([])
        }
        return value
    }
}
