/// The MQTT protocol version spoken to the broker.
public enum MosquittoProtocolVersion: String, Sendable, Equatable, CaseIterable, CustomStringConvertible {
    /// MQTT 3.1.1, what every broker speaks; refused logins are retried.
    case v311 = "3.1.1"
    /// MQTT 5. A refused login (bad password) stops the client for good: rebuild it after fixing the config.
    case v5 = "5"

    /// The version as text.
    public var description: String { rawValue }
}
