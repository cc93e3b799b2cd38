/// Why a test broker could not be started.
public enum MosquittoBrokerError: Error, CustomStringConvertible {
    /// `mosquitto` (or a mosquitto tool) is not installed.
    case missingExecutable(String)
    /// The broker exited at once.
    case exited(status: Int32, log: String)
    /// The broker ran but never accepted connections.
    case notListening(port: Int, log: String)
    /// `mosquitto_passwd` failed.
    case passwordFile(user: String, status: Int32)
    /// `mosquitto_sub` failed.
    case subscriberFailed(status: Int32, output: String)

    /// A readable message saying what to do next.
    public var description: String {
        switch self {
        case .missingExecutable(let name):
            return "\(name) not found: install the mosquitto and mosquitto-clients packages"
        case .exited(let status, let log):
            return "mosquitto exited with status \(status):\n\(log)"
        case .notListening(let port, let log):
            return "mosquitto did not accept connections on port \(port):\n\(log)"
        case .passwordFile(let user, let status):
            return "mosquitto_passwd failed for user \(user) with status \(status)"
        case .subscriberFailed(let status, let output):
            return "mosquitto_sub failed with status \(status): \(output)"
        }
    }
}
