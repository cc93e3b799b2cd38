import Glibc

/// Tells systemd about the service's state through `$NOTIFY_SOCKET` (the `sd_notify` protocol).
///
/// Each message is one datagram of `KEY=value` lines sent to a unix socket given as a path or, with a
/// leading `@`, as an abstract name. Without a socket every call does nothing, so callers need no checks.
public struct SystemdNotifier: Sendable, Equatable {
    /// The socket address from `NOTIFY_SOCKET`, or nil when not running under systemd's notify protocol.
    public let socketPath: String?

    /// Creates a notifier for an explicit socket; nil or empty disables it.
    public init(socketPath: String?) {
        self.socketPath = socketPath.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Creates a notifier from an environment such as the process's: uses `NOTIFY_SOCKET` when set.
    public init(environment: [String: String]) {
        self.init(socketPath: environment["NOTIFY_SOCKET"])
    }

    /// Whether messages are actually sent.
    public var isEnabled: Bool { socketPath != nil }

    /// Reports that start-up finished (`READY=1`), with an optional status line.
    public func ready(status: String? = nil) throws(SystemdNotifyError) {
        try send(["READY=1"] + (status.map { ["STATUS=\($0)"] } ?? []))
    }

    /// Reports that shutdown began (`STOPPING=1`).
    public func stopping() throws(SystemdNotifyError) {
        try send(["STOPPING=1"])
    }

    /// Pets the watchdog (`WATCHDOG=1`).
    public func watchdog() throws(SystemdNotifyError) {
        try send(["WATCHDOG=1"])
    }

    /// Sets the free-form status shown by `systemctl status` (`STATUS=...`); line breaks become spaces.
    public func status(_ text: String) throws(SystemdNotifyError) {
        try send(["STATUS=\(text)"])
    }

    /// Sends `assignments` (such as `READY=1`) as one datagram; does nothing when disabled.
    public func send(_ assignments: [String]) throws(SystemdNotifyError) {
        guard let socketPath else { return }
        let lines = assignments.map { String($0.map { $0 == "\n" || $0 == "\r" ? " " : $0 }) }
        try SystemdNotifySocket.send(Array(lines.joined(separator: "\n").utf8), to: socketPath)
    }

    /// How often to pet the watchdog: half of `WATCHDOG_USEC`, or nil when the watchdog is off or meant for
    /// another process (`WATCHDOG_PID` names a different pid).
    public static func watchdogInterval(environment: [String: String], pid: Int32 = getpid()) -> Duration? {
        guard let text = environment["WATCHDOG_USEC"], let micros = Int64(text), micros > 0 else { return nil }
        if let owner = environment["WATCHDOG_PID"], let ownerPid = Int32(owner), ownerPid != pid { return nil }
        return .microseconds(micros / 2)
    }
}
