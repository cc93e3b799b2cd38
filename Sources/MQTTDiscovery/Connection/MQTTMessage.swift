/// One MQTT message to publish or that was received.
public struct MQTTMessage: Sendable, Equatable {
    /// The topic.
    public var topic: String
    /// The payload bytes; empty with `retain` deletes a retained message.
    public var payload: [UInt8]
    /// 0 or 1 (the bridge never needs 2).
    public var qos: Int
    /// Whether the broker keeps it for new subscribers.
    public var retain: Bool

    /// Creates a message from bytes.
    public init(topic: String, payload: [UInt8], qos: Int = 1, retain: Bool = true) {
        self.topic = topic
        self.payload = payload
        self.qos = qos
        self.retain = retain
    }

    /// Creates a message from a UTF-8 string.
    public init(topic: String, string: String, qos: Int = 1, retain: Bool = true) {
        self.init(topic: topic, payload: Array(string.utf8), qos: qos, retain: retain)
    }

    /// The payload as UTF-8 text (invalid bytes repaired).
    public var payloadString: String { String(decoding: payload, as: UTF8.self) }
}
