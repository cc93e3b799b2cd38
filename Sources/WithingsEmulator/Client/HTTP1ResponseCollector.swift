import NIOCore
import NIOHTTP1

/// Sends one request when the connection becomes active and gathers the response into a promise.
final class HTTP1ResponseCollector: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundOut = HTTPClientRequestPart

    private let requestHead: HTTPRequestHead
    private let requestBody: ByteBuffer?
    private let promise: EventLoopPromise<HTTP1Response>
    private var responseHead: HTTPResponseHead?
    private var responseBody: [UInt8] = []
    private var finished = false

    init(head: HTTPRequestHead, body: ByteBuffer?, promise: EventLoopPromise<HTTP1Response>) {
        self.requestHead = head
        self.requestBody = body
        self.promise = promise
    }

    func channelActive(context: ChannelHandlerContext) {
        context.write(wrapOutboundOut(.head(requestHead)), promise: nil)
        if let requestBody { context.write(wrapOutboundOut(.body(.byteBuffer(requestBody))), promise: nil) }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            responseHead = head
        case .body(let buffer):
            responseBody.append(contentsOf: buffer.readableBytesView)
        case .end:
            guard let head = responseHead else { return finish(.failure(HTTP1ClientError.connectionClosed), context) }
            let headers = head.headers.map { ($0.name, $0.value) }
            finish(
                .success(HTTP1Response(status: Int(head.status.code), headers: headers, body: responseBody)), context)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        finish(.failure(HTTP1ClientError.connectionClosed), context)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        finish(.failure(HTTP1ClientError.connectFailed("\(error)")), context)
    }

    private func finish(_ result: Result<HTTP1Response, any Error>, _ context: ChannelHandlerContext) {
        guard !finished else { return }
        finished = true
        promise.completeWith(result)
        context.close(promise: nil)
    }
}
