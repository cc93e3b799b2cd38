import NIOCore
import NIOHTTP1

/// The channel handler of ``CallbackRecorder``: stores each request and answers with a fixed status.
final class RecordingHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let log: CallbackRecorder.Log
    private let headStatus: Int
    private let postStatus: Int
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []

    init(log: CallbackRecorder.Log, headStatus: Int, postStatus: Int) {
        self.log = log
        self.headStatus = headStatus
        self.postStatus = postStatus
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let requestHead):
            head = requestHead
            body = []
        case .body(let buffer):
            body.append(contentsOf: buffer.readableBytesView)
        case .end:
            guard let requestHead = head else { return }
            let entry = CallbackRecorder.Received(
                method: requestHead.method.rawValue, uri: requestHead.uri,
                contentType: requestHead.headers.first(name: "Content-Type"),
                body: String(decoding: body, as: UTF8.self))
            log.entries.withLock { $0.append(entry) }
            let status = requestHead.method == .HEAD ? headStatus : postStatus
            var headers = HTTPHeaders()
            headers.add(name: "Content-Length", value: "0")
            headers.add(name: "Connection", value: "close")
            let responseHead = HTTPResponseHead(
                version: requestHead.version, status: HTTPResponseStatus(statusCode: status), headers: headers)
            context.write(wrapOutboundOut(.head(responseHead)), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
                context.close(promise: nil)
            }
        }
    }
}
