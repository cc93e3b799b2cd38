/// A failure below HTTP: the request never produced a response.
public struct TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure it was, for deciding whether to retry.
    public enum Kind: Sendable, Equatable {
        /// Name resolution failed.
        case resolve
        /// The TCP or TLS connection could not be made.
        case connect
        /// TLS verification or handshake failed.
        case tls
        /// The connect or total timeout elapsed.
        case timeout
        /// The connection broke while sending or receiving.
        case io
        /// Anything else (bad URL, out of memory).
        case other
    }

    /// What kind of failure it was.
    public var kind: Kind
    /// A readable message without secrets (URLs are logged without their query).
    public var message: String

    /// Creates a transport error.
    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
