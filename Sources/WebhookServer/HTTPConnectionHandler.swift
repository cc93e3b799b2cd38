import Logging
import NIOCore
import NIOHTTP1

/// Serves one connection: routing, body limit, request timeout and keep-alive.
///
/// Runs on the channel's event loop only. The timer is armed whenever the connection waits for input (a new
/// request or the rest of one) and cancelled while a request is being answered, so a client trickling a byte
/// a second is cut after `requestTimeout`.
final class HTTPConnectionHandler: ChannelInboundHandler, RemovableChannelHandler {
    /// Decoded request parts from NIO's HTTP decoder.
    typealias InboundIn = HTTPServerRequestPart
    /// Response parts for NIO's HTTP encoder.
    typealias OutboundOut = HTTPServerResponsePart

    /// A request being received.
    struct PendingRequest {
        /// Method, target, headers.
        let head: HTTPRequestHead
        /// Where it goes.
        let route: WebhookRoute
        /// The body so far (notifications only).
        var body: ByteBuffer?
        /// Body bytes seen so far, kept or not.
        var bodyBytes = 0
    }

    /// Shared routing, limits and callbacks.
    let environment: WebhookHandlerEnvironment
    private var request: PendingRequest?
    /// Set once a 413 went out: the rest of that request is discarded until the connection closes.
    private var discardingInput = false
    private var timer: Scheduled<Void>?

    /// Creates a handler.
    init(environment: WebhookHandlerEnvironment) {
        self.environment = environment
    }

    /// Starts the clock for the first request.
    func channelActive(context: ChannelHandlerContext) {
        armTimer(context: context)
        context.fireChannelActive()
    }

    /// Stops the clock.
    func channelInactive(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
        context.fireChannelInactive()
    }

    /// Dispatches request parts (ignored after a 413).
    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !discardingInput else { return }
        switch unwrapInboundIn(data) {
        case .head(let head): startRequest(context: context, head: head)
        case .body(let part): receiveBody(context: context, part: part)
        case .end: finishRequest(context: context)
        }
    }

    private func startRequest(context: ChannelHandlerContext, head: HTTPRequestHead) {
        let route = environment.router.route(method: head.method, uri: head.uri)
        request = PendingRequest(head: head, route: route)
        if let length = head.headers.first(name: "content-length").flatMap(Int.init), length > environment.maxBodyBytes
        {
            rejectTooLarge(context: context, head: head)
            return
        }
        if head.headers[canonicalForm: "expect"].contains(where: { $0.lowercased() == "100-continue" }) {
            context.writeAndFlush(
                wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: .continue))),
                promise: nil)
        }
    }

    private func receiveBody(context: ChannelHandlerContext, part: ByteBuffer) {
        guard var pending = request else { return }
        pending.bodyBytes += part.readableBytes
        guard pending.bodyBytes <= environment.maxBodyBytes else {
            rejectTooLarge(context: context, head: pending.head)
            return
        }
        // Only a notification's body is kept; other routes ignore theirs.
        if pending.route == .webhookNotification {
            var part = part
            if pending.body == nil { pending.body = context.channel.allocator.buffer(capacity: part.readableBytes) }
            pending.body?.writeBuffer(&part)
        }
        request = pending
    }

    private func finishRequest(context: ChannelHandlerContext) {
        guard let pending = request else { return }
        request = nil
        timer?.cancel()
        timer = nil
        environment.registry.setAnswering(context.channel, true)
        answer(context: context, request: pending)
    }

    /// 413, then close our side and drop whatever the client still sends, so it can read the answer
    /// instead of getting a reset.
    private func rejectTooLarge(context: ChannelHandlerContext, head: HTTPRequestHead) {
        environment.logger.notice(
            "rejecting request body over the limit",
            metadata: [
                "http.route": "\(request?.route.logName ?? "unknown")", "http.limit": "\(environment.maxBodyBytes)",
            ])
        discardingInput = true
        request = nil
        let response = WebhookResponse.text(.payloadTooLarge, "request body too large\n")
        write(response, to: context, head: head, keepAlive: false)
            .assumeIsolated().whenComplete { _ in
                context.close(mode: .output, promise: nil)
            }
        timer?.cancel()
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: .seconds(1)) {
            context.close(promise: nil)
        }
    }

    /// Writes a response and, for keep-alive, waits for the next request; otherwise closes once written.
    func respond(context: ChannelHandlerContext, head: HTTPRequestHead, _ response: WebhookResponse) {
        let keepAlive = environment.keepAlive && head.isKeepAlive
        let written = write(response, to: context, head: head, keepAlive: keepAlive)
        environment.registry.setAnswering(context.channel, false)
        if keepAlive {
            armTimer(context: context)
        } else {
            written.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
        }
    }

    private func write(
        _ response: WebhookResponse, to context: ChannelHandlerContext, head: HTTPRequestHead, keepAlive: Bool
    ) -> EventLoopFuture<Void> {
        var headers = response.headers
        headers.replaceOrAdd(name: "content-length", value: "\(response.body.utf8.count)")
        if !keepAlive {
            headers.replaceOrAdd(name: "connection", value: "close")
        } else if head.version.major == 1 && head.version.minor == 0 {
            headers.replaceOrAdd(name: "connection", value: "keep-alive")
        }
        context.write(
            wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: response.status, headers: headers))),
            promise: nil)
        if !response.body.isEmpty {
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: response.body)))), promise: nil)
        }
        return context.writeAndFlush(wrapOutboundOut(.end(nil)))
    }

    private func armTimer(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: environment.requestTimeout) { [weak self] in
            self?.environment.logger.debug(
                "closing connection: no complete request in time",
                metadata: ["http.mid_request": "\(self?.request != nil)"])
            context.close(promise: nil)
        }
    }
}
