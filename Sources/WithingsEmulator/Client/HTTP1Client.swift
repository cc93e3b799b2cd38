import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A minimal HTTP/1 client (one request per connection, plain http) for callback checks and webhook delivery.
public struct HTTP1Client: Sendable {
    /// The event loops connections run on.
    public let group: any EventLoopGroup
    /// The limit for connecting and for receiving the whole response.
    public let timeout: TimeAmount

    /// Creates a client on `group` that gives up after `timeout`.
    public init(group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton, timeout: TimeAmount = .seconds(5)) {
        self.group = group
        self.timeout = timeout
    }

    /// Sends one request and returns the complete response.
    public func send(
        method: HTTPMethod, url: String, headers: [(String, String)] = [], body: [UInt8]? = nil
    ) async throws -> HTTP1Response {
        let target = try Self.parse(url)
        var head = HTTPRequestHead(version: .http1_1, method: method, uri: target.pathAndQuery)
        head.headers.add(name: "Host", value: target.port == 80 ? target.host : "\(target.host):\(target.port)")
        head.headers.add(name: "Connection", value: "close")
        head.headers.add(name: "User-Agent", value: "withings-emulator")
        for (name, value) in headers { head.headers.add(name: name, value: value) }
        var buffer: ByteBuffer?
        if let body {
            head.headers.add(name: "Content-Length", value: String(body.count))
            buffer = ByteBuffer(bytes: body)
        }

        let eventLoop = group.next()
        let promise = eventLoop.makePromise(of: HTTP1Response.self)
        let timeoutTask = eventLoop.scheduleTask(in: timeout) { promise.fail(HTTP1ClientError.timedOut) }
        promise.futureResult.whenComplete { _ in timeoutTask.cancel() }
        let requestHead = head
        let requestBody = buffer
        let bootstrap = ClientBootstrap(group: eventLoop)
            .connectTimeout(timeout)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(
                        HTTP1ResponseCollector(head: requestHead, body: requestBody, promise: promise))
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: target.host, port: target.port).get()
        } catch {
            promise.fail(HTTP1ClientError.connectFailed("\(error)"))
            throw HTTP1ClientError.connectFailed("\(error)")
        }
        do {
            return try await promise.futureResult.get()
        } catch {
            channel.close(promise: nil)
            throw error
        }
    }

    private struct Target {
        var host: String
        var port: Int
        var pathAndQuery: String
    }

    private static func parse(_ url: String) throws -> Target {
        guard let components = URLComponents(string: url), let host = components.host, !host.isEmpty else {
            throw HTTP1ClientError.invalidURL(url)
        }
        guard components.scheme?.lowercased() == "http" else {
            throw HTTP1ClientError.unsupportedScheme(components.scheme ?? "")
        }
        var path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        if let query = components.percentEncodedQuery { path += "?" + query }
        let bareHost = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
        return Target(host: bareHost, port: components.port ?? 80, pathAndQuery: path)
    }
}
