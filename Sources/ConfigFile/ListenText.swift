/// Formats a listen address the way it is written in the file.
enum ListenText {
    /// `host:port`, with brackets around IPv6 hosts.
    static func format(host: String, port: Int) -> String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
