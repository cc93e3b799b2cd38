/// What can go wrong with a `MosquittoConnection`. Texts never contain the password.
public enum MosquittoError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The options cannot work; the text names the option and what is allowed.
    case invalidOptions(String)
    /// A libmosquitto call failed; `text` is `mosquitto_strerror(code)`.
    case library(operation: String, code: Int32, text: String)
    /// `start()` was not called yet.
    case notStarted
    /// `start()` was already called; a connection starts once.
    case alreadyStarted
    /// The connection was shut down before the operation finished; a message was not (known to be) delivered.
    case shutDown(operation: String)
    /// A QoS 0 message was dropped because the broker is not connected.
    case notConnected(topic: String)
    /// A QoS 0 message was queued but the connection was lost before it was sent.
    case connectionLost(topic: String)
    /// The broker refused the login; `text` is the CONNACK reason.
    case refused(code: Int32, text: String)
    /// The network thread ended for good after a fatal error; the connection must be rebuilt.
    case loopEnded(code: Int32, text: String)
    /// The broker did not acknowledge a message in time during shutdown.
    case timedOut(topic: String)

    /// A readable message saying what to do next.
    public var description: String {
        switch self {
        case .invalidOptions(let text):
            return "invalid MQTT options: \(text)"
        case .library(let operation, let code, let text):
            return "MQTT \(operation) failed: \(text) (libmosquitto error \(code))"
        case .notStarted:
            return "the MQTT connection is not started: call start() first"
        case .alreadyStarted:
            return "the MQTT connection was already started: create a new one to connect again"
        case .shutDown(let operation):
            return "the MQTT connection was shut down before \(operation) finished"
        case .notConnected(let topic):
            return "not connected to the MQTT broker: QoS 0 message on \(topic) dropped (use QoS 1 to queue it)"
        case .connectionLost(let topic):
            return "the MQTT connection was lost before the QoS 0 message on \(topic) was sent"
        case .refused(let code, let text):
            return "the MQTT broker refused the login: \(text) (code \(code)); check mqtt.username, mqtt.password "
                + "and the broker's ACL"
        case .loopEnded(let code, let text):
            return "the MQTT network thread stopped for good: \(text) (libmosquitto error \(code)); "
                + "check the broker address, TLS and credentials, then rebuild the connection"
        case .timedOut(let topic):
            return "the MQTT broker did not acknowledge the message on \(topic) in time"
        }
    }
}
