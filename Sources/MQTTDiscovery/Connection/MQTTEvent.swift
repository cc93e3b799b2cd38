/// What a connection reports while it runs.
public enum MQTTEvent: Sendable, Equatable {
    /// The broker accepted the connection (also after every automatic reconnect).
    case connected
    /// The connection was lost or closed; `reason` is readable text.
    case disconnected(reason: String)
    /// A message arrived on a subscription.
    case message(MQTTMessage)
}
