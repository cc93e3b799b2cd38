import WithingsAPI

/// A `host:port` listen address (`0.0.0.0:8484`, `[::]:8484`).
struct ListenAddress: Equatable {
    /// Host or IP, without brackets.
    let host: String
    /// Port, 1 to 65535.
    let port: Int

    /// Parses `host:port`; nil when the text is not one.
    init?(parsing text: String) {
        let trimmed = text.trimmingWhitespace()
        guard let colon = trimmed.lastIndex(of: ":") else { return nil }
        var host = String(trimmed[..<colon])
        guard let port = Int(trimmed[trimmed.index(after: colon)...]), (1...65535).contains(port) else { return nil }
        if host.hasPrefix("[") && host.hasSuffix("]") {
            host = String(host.dropFirst().dropLast())
        } else if host.contains(":") {
            // A bare IPv6 address needs brackets, or its last group would read as the port.
            return nil
        }
        guard !host.isEmpty, !host.contains(where: { $0 == " " || $0 == "/" }) else { return nil }
        self.host = host
        self.port = port
    }
}
