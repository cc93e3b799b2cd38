import NIOCore
import NIOHTTP1
import NIOPosix

/// The emulator listening on one TCP port for OAuth, data, notify and control requests.
public final class EmulatorServer: Sendable {
    /// The emulator answering requests.
    public let emulator: Emulator
    /// The address actually bound.
    public let host: String
    /// The port actually bound (the real one when 0 was asked for).
    public let port: Int
    private let channel: any Channel

    private init(emulator: Emulator, host: String, port: Int, channel: any Channel) {
        self.emulator = emulator
        self.host = host
        self.port = port
        self.channel = channel
    }

    /// `http://host:port`, the base URL clients use.
    public var baseURL: String { "http://\(host.contains(":") ? "[\(host)]" : host):\(port)" }

    /// Binds `host:port` (port 0 picks a free one) and starts answering.
    public static func start(
        emulator: Emulator, host: String = "127.0.0.1", port: Int = 0,
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> EmulatorServer {
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(.backlog, value: 256)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(HTTPServerHandler(emulator: emulator))
                }
            }
            .bind(host: host, port: port)
            .get()
        let boundPort = channel.localAddress?.port ?? port
        return EmulatorServer(emulator: emulator, host: host, port: boundPort, channel: channel)
    }

    /// Stops accepting connections.
    public func stop() async {
        try? await channel.close()
    }
}
