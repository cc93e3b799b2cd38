import Locking
import NIOCore
import NIOHTTP1
import NIOPosix

/// A tiny NIO HTTP server standing in for a webhook receiver: records requests, answers fixed statuses.
final class CallbackRecorder: Sendable {
    /// One received request.
    struct Received: Sendable, Equatable {
        var method: String
        var uri: String
        var contentType: String?
        var body: String
    }

    /// Requests shared between the server's handlers and the test.
    final class Log: Sendable {
        let entries = Locked<[Received]>([])
    }

    private let channel: any Channel
    private let log: Log

    /// The port it listens on.
    let port: Int

    /// Everything received so far.
    var received: [Received] { log.entries.withLock { $0 } }

    /// The URL of `path` on this server.
    func url(_ path: String = "/webhook") -> String { "http://127.0.0.1:\(port)\(path)" }

    private init(channel: any Channel, log: Log) {
        self.channel = channel
        self.log = log
        self.port = channel.localAddress?.port ?? 0
    }

    /// Starts listening on a free port; HEAD gets `headStatus`, everything else `postStatus`.
    static func start(headStatus: Int = 200, postStatus: Int = 200) async throws -> CallbackRecorder {
        let log = Log()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(
                        RecordingHandler(log: log, headStatus: headStatus, postStatus: postStatus))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return CallbackRecorder(channel: channel, log: log)
    }

    /// Stops listening.
    func stop() async {
        try? await channel.close()
    }
}
