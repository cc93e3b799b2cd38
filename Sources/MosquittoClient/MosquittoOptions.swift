import MQTTDiscovery

/// Everything `MosquittoConnection` needs to reach and log in to a broker.
///
/// `description` masks the password, so the options can be logged.
public struct MosquittoOptions: Sendable, Equatable, CustomStringConvertible {
    /// Broker host name or address.
    public var host: String
    /// Broker TCP port (1883 plain, 8883 TLS by convention).
    public var port: Int
    /// MQTT client id; stable and unique per instance. Empty: the broker assigns one (needs `cleanSession`).
    public var clientID: String
    /// Broker user name; nil: anonymous.
    public var username: String?
    /// Broker password; only sent when `username` is set. Never logged.
    public var password: String?
    /// TLS settings; nil: plain TCP.
    public var tls: MosquittoTLS?
    /// Keepalive in seconds: 0 (off) or 5…65535.
    public var keepalive: Int
    /// Whether the broker drops the session (subscriptions, queued QoS 1 messages for us) on disconnect.
    public var cleanSession: Bool
    /// The last will: published by the broker when the connection dies without a clean disconnect.
    public var will: MQTTMessage?
    /// First reconnect delay in seconds (at least 1).
    public var reconnectDelayMin: Int
    /// Longest reconnect delay in seconds; the delay grows from `reconnectDelayMin` up to it.
    public var reconnectDelayMax: Int
    /// MQTT protocol version.
    public var protocolVersion: MosquittoProtocolVersion
    /// How many events `events` keeps for a slow reader before dropping the oldest.
    public var eventBufferSize: Int

    /// Creates options; the defaults suit a local broker.
    public init(
        host: String = "localhost", port: Int = 1883, clientID: String, username: String? = nil,
        password: String? = nil, tls: MosquittoTLS? = nil, keepalive: Int = 60, cleanSession: Bool = true,
        will: MQTTMessage? = nil, reconnectDelayMin: Int = 1, reconnectDelayMax: Int = 60,
        protocolVersion: MosquittoProtocolVersion = .v311, eventBufferSize: Int = 4096
    ) {
        self.host = host
        self.port = port
        self.clientID = clientID
        self.username = username
        self.password = password
        self.tls = tls
        self.keepalive = keepalive
        self.cleanSession = cleanSession
        self.will = will
        self.reconnectDelayMin = reconnectDelayMin
        self.reconnectDelayMax = reconnectDelayMax
        self.protocolVersion = protocolVersion
        self.eventBufferSize = eventBufferSize
    }

    /// The options as text, password masked.
    public var description: String {
        let user = username ?? "anonymous"
        let secret = password == nil ? "" : ":***"
        let scheme = tls == nil ? "mqtt" : "mqtts"
        return "\(scheme)://\(user)\(secret)@\(host):\(port) client_id=\(clientID) keepalive=\(keepalive)"
            + " clean_session=\(cleanSession) protocol=\(protocolVersion)"
    }
}
