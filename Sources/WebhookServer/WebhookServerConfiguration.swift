/// Settings of the webhook / OAuth-callback HTTP server.
public struct WebhookServerConfiguration: Sendable, Equatable {
    /// Address to bind, e.g. `0.0.0.0` or `127.0.0.1`.
    public var host: String
    /// Port to bind; 0 picks a free one (see `WebhookHTTPServer.bind()`).
    public var port: Int
    /// The path secret of `/webhook/<secret>`; nil serves no webhook route (e.g. during `auth`).
    public var secret: String?
    /// Largest accepted request body; larger ones get 413 without being read to the end.
    public var maxBodyBytes: Int
    /// Connections served at once; further ones are closed as soon as they are accepted.
    public var maxConnections: Int
    /// Time a client has to send a complete request (and that an idle keep-alive connection is kept).
    public var requestTimeout: Duration
    /// Whether connections stay open between requests when the client asks for it.
    public var keepAlive: Bool
    /// How long graceful shutdown waits for in-flight requests before closing connections hard.
    public var shutdownGracePeriod: Duration

    /// Creates a configuration; the defaults suit the daemon.
    public init(
        host: String = "0.0.0.0", port: Int = 8484, secret: String?, maxBodyBytes: Int = 16 * 1024,
        maxConnections: Int = 256, requestTimeout: Duration = .seconds(10), keepAlive: Bool = true,
        shutdownGracePeriod: Duration = .seconds(3)
    ) {
        self.host = host
        self.port = port
        self.secret = secret
        self.maxBodyBytes = maxBodyBytes
        self.maxConnections = maxConnections
        self.requestTimeout = requestTimeout
        self.keepAlive = keepAlive
        self.shutdownGracePeriod = shutdownGracePeriod
    }
}
