import Locking
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import ServiceLifecycle
import WithingsAPI

/// The HTTP server for Withings webhooks (`/webhook/<secret>`), the OAuth callback (`/oauth/callback`) and
/// `/healthz`, as a swift-service-lifecycle `Service`.
///
/// `run()` serves until graceful shutdown or cancellation, then closes the listener, lets in-flight requests
/// finish (up to `shutdownGracePeriod`), closes every connection and returns.
public final class WebhookHTTPServer: Service, Sendable {
    /// The settings it was created with.
    public let configuration: WebhookServerConfiguration
    private let environment: WebhookHandlerEnvironment
    private let group: any EventLoopGroup
    private let registry: ConnectionRegistry
    private let binding = Locked<Task<any Channel, any Error>?>(nil)

    /// Creates a server; nothing is bound until `bind()` or `run()`.
    ///
    /// - Parameters:
    ///   - onNotification: called with each valid notification and `applied`; must return quickly (hand both to a
    ///     queue). The 200 is written when `applied` is called (from any thread), or after one second at the latest.
    ///   - onOAuthCallback: called with `code` and `state` of the OAuth redirect; its outcome is shown in the browser.
    public init(
        configuration: WebhookServerConfiguration, logger: Logger,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        onNotification: @escaping @Sendable (WebhookNotification, _ applied: @escaping @Sendable () -> Void) -> Void,
        onOAuthCallback: @escaping @Sendable (String, String) async -> OAuthCallbackOutcome
    ) {
        self.configuration = configuration
        self.group = eventLoopGroup
        let registry = ConnectionRegistry(limit: configuration.maxConnections)
        self.registry = registry
        self.environment = WebhookHandlerEnvironment(
            router: WebhookRouter(secret: configuration.secret), maxBodyBytes: configuration.maxBodyBytes,
            requestTimeout: TimeAmount(configuration.requestTimeout), keepAlive: configuration.keepAlive,
            onNotification: onNotification, onOAuthCallback: onOAuthCallback, registry: registry, logger: logger)
    }

    /// Binds the listening socket (once; later calls return the same port) and returns the bound port.
    @discardableResult
    public func bind() async throws -> Int {
        let channel = try await listeningChannel()
        return channel.localAddress?.port ?? configuration.port
    }

    /// Number of connections currently open.
    public var openConnections: Int { registry.count }

    /// Serves until graceful shutdown or task cancellation, then shuts down and returns.
    public func run() async throws {
        let channel = try await listeningChannel()
        environment.logger.info(
            "webhook server listening",
            metadata: ["http.host": "\(configuration.host)", "http.port": "\(channel.localAddress?.port ?? 0)"])
        try await withTaskCancellationOrGracefulShutdownHandler {
            try await channel.closeFuture.get()
        } onCancelOrGracefulShutdown: {
            channel.close(promise: nil)
        }
        await closeConnections()
        environment.logger.info("webhook server stopped")
    }

    private func listeningChannel() async throws -> any Channel {
        let task = binding.withLock { existing in
            if let existing { return existing }
            let created = Task {
                try await self.makeBootstrap().bind(host: self.configuration.host, port: self.configuration.port).get()
            }
            existing = created
            return created
        }
        return try await task.value
    }

    private func makeBootstrap() -> ServerBootstrap {
        let environment = self.environment
        let registry = self.registry
        return ServerBootstrap(group: group)
            // A deep accept queue: when it overflows the kernel drops SYNs and a real webhook waits seconds for
            // its retransmit, even though the connection limit would make room for it.
            .serverChannelOption(.backlog, value: 4096)
            .serverChannelOption(.maxMessagesPerRead, value: 64)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(.maxMessagesPerRead, value: 16)
            .childChannelInitializer { channel in
                switch registry.admit(channel) {
                case .refused:
                    environment.logger.debug("connection limit reached; closing new connection")
                    return channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(RejectConnectionHandler())
                    }
                case .admitted(let evicting):
                    if let evicting {
                        environment.logger.debug("connection limit reached; closing the oldest waiting connection")
                        evicting.close(promise: nil)
                    }
                }
                channel.closeFuture.whenComplete { _ in registry.remove(channel) }
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(HTTPConnectionHandler(environment: environment))
                }
            }
    }

    // Idle connections close at once; busy ones after their response; stragglers when the grace period ends.
    private func closeConnections() async {
        let channels = registry.beginShutdown()
        guard !channels.isEmpty else { return }
        for channel in channels {
            channel.pipeline.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent())
        }
        let loop = group.next()
        let deadline = loop.scheduleTask(in: TimeAmount(configuration.shutdownGracePeriod)) {
            for channel in channels { channel.close(promise: nil) }
        }
        try? await EventLoopFuture.andAllComplete(channels.map(\.closeFuture), on: loop).get()
        deadline.cancel()
    }
}
