/// Which configuration file to read, and why that one.
public struct ConfigurationPath: Sendable, Equatable {
    /// The file to read.
    public var path: String
    /// What chose it.
    public var origin: Origin

    /// What chose the configuration file.
    public enum Origin: Sendable, Equatable {
        /// `--config FILE`.
        case flag
        /// `WITHINGS2MQTT_CONFIG`.
        case environment
        /// `/etc/withings2mqtt/config.yaml`.
        case defaultPath
    }

    /// The file read when neither `--config` nor `WITHINGS2MQTT_CONFIG` is given.
    public static let defaultPath = "/etc/withings2mqtt/config.yaml"
    /// The environment variable that overrides the default path.
    public static let environmentVariable = "WITHINGS2MQTT_CONFIG"

    /// Creates a path.
    public init(path: String, origin: Origin) {
        self.path = path
        self.origin = origin
    }

    /// `--config` wins over `WITHINGS2MQTT_CONFIG`, which wins over the default; empty values count as absent.
    public static func resolve(flag: String?, environment: [String: String]) -> ConfigurationPath {
        if let flag, !flag.isEmpty { return ConfigurationPath(path: flag, origin: .flag) }
        if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty {
            return ConfigurationPath(path: fromEnvironment, origin: .environment)
        }
        return ConfigurationPath(path: defaultPath, origin: .defaultPath)
    }
}
