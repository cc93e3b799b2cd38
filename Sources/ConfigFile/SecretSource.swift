/// Where a secret's effective value came from (shown by `check-config`, never the value itself).
public enum SecretSource: Sendable, Equatable, CustomStringConvertible {
    /// Not set anywhere.
    case notSet
    /// Written inline in the configuration file.
    case configuration
    /// Read from the file at this path (`*_file` key).
    case file(String)
    /// Taken from this environment variable.
    case environment(String)

    /// `from the config file`, `from file /run/secrets/x`, `from env WITHINGS2MQTT_…`, `not set`.
    public var description: String {
        switch self {
        case .notSet: "not set"
        case .configuration: "from the config file"
        case .file(let path): "from file \(path)"
        case .environment(let name): "from env \(name)"
        }
    }
}
