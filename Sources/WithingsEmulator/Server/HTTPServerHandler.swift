import NIOCore
import NIOHTTP1

/// Collects one HTTP request, hands it to the emulator and writes the answer back.
final class HTTPServerHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let emulator: Emulator
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []

    init(emulator: Emulator) {
        self.emulator = emulator
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let requestHead):
            head = requestHead
            body.removeAll(keepingCapacity: true)
        case .body(let buffer):
            body.append(contentsOf: buffer.readableBytesView)
        case .end:
            guard let requestHead = head else { return }
            head = nil
            var headers: [String: String] = [:]
            for field in requestHead.headers { headers[field.name.lowercased()] = field.value }
            let request = EmulatorRequest(
                method: requestHead.method.rawValue, uri: requestHead.uri, headers: headers, body: body)
            let emulator = self.emulator
            let future = context.eventLoop.makeFutureWithTask { await emulator.handle(request) }
            future.assumeIsolated().whenSuccess { response in
                self.write(response, for: requestHead, context: context)
            }
        }
    }

    private func write(_ response: EmulatorResponse, for request: HTTPRequestHead, context: ChannelHandlerContext) {
        var headers = HTTPHeaders()
        for (name, value) in response.headers { headers.add(name: name, value: value) }
        headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
        let keepAlive = request.isKeepAlive
        headers.replaceOrAdd(name: "Connection", value: keepAlive ? "keep-alive" : "close")
        let head = HTTPResponseHead(
            version: request.version, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        if request.method != .HEAD, !response.body.isEmpty {
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: response.body)))), promise: nil)
        }
        let done = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive {
            done.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
