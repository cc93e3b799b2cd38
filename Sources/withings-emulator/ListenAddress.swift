/// A `host:port` pair from `--listen` (IPv6 hosts in brackets: `[::1]:8080`).
struct ListenAddress: Equatable {
    /// The host or IP to bind.
    var host: String
    /// The port; 0 asks the system for a free one.
    var port: Int

    /// Parses `127.0.0.1:8089`, `[::1]:0` or `localhost:8089`; nil when malformed.
    init?(_ text: String) {
        guard let colon = text.lastIndex(of: ":") else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty, let port = Int(text[text.index(after: colon)...]), (0...65_535).contains(port) else {
            return nil
        }
        self.host = host
        self.port = port
    }
}
