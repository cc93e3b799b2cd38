/// The fixed settings of every transfer made by one `CurlHTTPTransport`.
public struct CurlTransferSettings: Sendable, Equatable {
    /// The `User-Agent` header value.
    public var userAgent: String
    /// The limit for name resolution plus the TCP and TLS handshakes.
    public var connectTimeout: Duration
    /// The limit for the whole transfer.
    public var totalTimeout: Duration
    /// The largest response body accepted, in bytes.
    public var maxResponseBytes: Int
    /// Whether `3xx` responses are followed (at most five hops) instead of returned.
    public var followRedirects: Bool

    /// Creates settings.
    public init(
        userAgent: String,
        connectTimeout: Duration,
        totalTimeout: Duration,
        maxResponseBytes: Int,
        followRedirects: Bool
    ) {
        self.userAgent = userAgent
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.maxResponseBytes = maxResponseBytes
        self.followRedirects = followRedirects
    }
}

extension Duration {
    /// The duration in whole milliseconds, at least 1 so curl never reads 0 as "no limit".
    var curlMilliseconds: Int {
        let (seconds, attoseconds) = components
        let millis = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        return Int(max(1, millis))
    }
}
