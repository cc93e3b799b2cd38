/// A notification that could not be delivered to systemd; the service keeps running regardless.
public struct SystemdNotifyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The `NOTIFY_SOCKET` address.
    public var socketPath: String
    /// What failed.
    public var reason: String

    /// Creates an error.
    public init(socketPath: String, reason: String) {
        self.socketPath = socketPath
        self.reason = reason
    }

    /// A readable message.
    public var description: String {
        "could not notify systemd at \(socketPath): \(reason); check NOTIFY_SOCKET and the unit's NotifyAccess"
    }
}
