import Foundation

/// What `systemd/withings2mqtt.service` sets for the daemon, so tests and benchmarks run it as installed.
public enum ServiceUnit {
    /// The unit's `Environment=` assignments for the libraries (its `WITHINGS2MQTT_*` paths left out: callers pass
    /// `--config`). Empty if the unit file is missing.
    public static let environment: [String: String] = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("systemd/withings2mqtt.service").path
        guard let unit = try? String(contentsOfFile: path, encoding: .utf8) else { return [:] }
        var environment: [String: String] = [:]
        for line in unit.split(separator: "\n") where line.hasPrefix("Environment=") {
            for assignment in line.dropFirst("Environment=".count).split(separator: " ") {
                let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
                if parts.count == 2, !parts[0].hasPrefix("WITHINGS2MQTT_") { environment[parts[0]] = parts[1] }
            }
        }
        return environment
    }()
}
