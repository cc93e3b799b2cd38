/// Why ``HTTP1Client`` got no response.
public enum HTTP1ClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The URL could not be parsed or has no host.
    case invalidURL(String)
    /// Only plain `http://` is supported (the emulator has no TLS).
    case unsupportedScheme(String)
    /// No complete response arrived within the timeout.
    case timedOut
    /// The connection could not be opened.
    case connectFailed(String)
    /// The peer closed the connection before the response was complete.
    case connectionClosed

    /// A readable explanation.
    public var description: String {
        switch self {
        case .invalidURL(let url): return "invalid URL '\(url)'; use http://host:port/path"
        case .unsupportedScheme(let scheme):
            return "scheme '\(scheme)' is not supported; the emulator only speaks plain http:// on loopback"
        case .timedOut: return "no complete response before the timeout"
        case .connectFailed(let reason): return "cannot connect: \(reason)"
        case .connectionClosed: return "the server closed the connection before the response was complete"
        }
    }
}
