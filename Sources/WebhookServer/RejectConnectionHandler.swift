import NIOCore

/// Closes a connection as soon as it becomes active (used above the connection limit).
final class RejectConnectionHandler: ChannelInboundHandler, Sendable {
    /// Raw bytes; never read.
    typealias InboundIn = ByteBuffer

    /// Closes the connection at once.
    func channelActive(context: ChannelHandlerContext) {
        context.close(promise: nil)
    }
}
