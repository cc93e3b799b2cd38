import Foundation

/// How a test broker is set up, on top of `mosquitto/test.conf`.
public struct MosquittoBrokerConfiguration: Sendable, Equatable {
    /// Keep retained messages and persistent sessions across `restart()` (a database in the broker's temp dir).
    public var persistence: Bool
    /// User names and passwords for a `password_file` (made with `mosquitto_passwd -b`); non-empty turns
    /// anonymous access off.
    public var users: [String: String]
    /// Contents of an `acl_file`; nil: every client may use every topic.
    public var acl: String?

    /// Creates a configuration; the defaults give an anonymous broker without persistence.
    public init(persistence: Bool = false, users: [String: String] = [:], acl: String? = nil) {
        self.persistence = persistence
        self.users = users
        self.acl = acl
    }

    /// Rewrites `mosquitto/test.conf` for a port and a directory holding the password, ACL and database files.
    func render(template: String, port: Int, directory: String) -> String {
        var lines: [String] = []
        for line in template.split(separator: "\n", omittingEmptySubsequences: false) {
            let text = line.replacingOccurrences(of: "@PORT@", with: String(port))
            if text.hasPrefix("persistence ") {
                lines.append("persistence \(persistence)")
                if persistence { lines.append("persistence_location \(directory)/") }
            } else if text.hasPrefix("log_dest ") {
                lines.append("log_dest file \(directory)/mosquitto.log")
            } else if text.hasPrefix("allow_anonymous ") {
                lines.append("allow_anonymous \(users.isEmpty)")
            } else {
                lines.append(text)
            }
        }
        // Started as root, mosquitto switches to the `mosquitto` user, which cannot use the test's temp directory.
        if geteuid() == 0 { lines.append("user root") }
        if !users.isEmpty { lines.append("password_file \(directory)/passwd") }
        if acl != nil { lines.append("acl_file \(directory)/acl") }
        return lines.joined(separator: "\n") + "\n"
    }
}
