/// A connection to an MQTT broker, as the bridge needs it.
///
/// The live implementation is `MosquittoConnection`; tests of the core use a recording fake.
/// Implementations reconnect by themselves and re-subscribe every filter after each reconnect.
public protocol MQTTConnection: Sendable {
    /// Connection state changes and received messages, in order.
    var events: AsyncStream<MQTTEvent> { get }

    /// Hands a message to the connection now, so messages go out in the order of these calls, and returns the
    /// wait for its acknowledgement; while disconnected, QoS 1 messages are queued and sent after the reconnect.
    func enqueue(_ message: MQTTMessage) throws -> MQTTPendingPublish

    /// Subscribes to a topic filter now (if connected) and after every reconnect.
    func subscribe(_ filter: String, qos: Int) async throws

    /// Stops re-subscribing a filter and unsubscribes it.
    func unsubscribe(_ filter: String) async throws
}

extension MQTTConnection {
    /// Publishes a message and returns once the broker acknowledged it (QoS 1: PUBACK): `enqueue`, then the wait.
    public func publish(_ message: MQTTMessage) async throws {
        try await enqueue(message).acknowledged()
    }
}
