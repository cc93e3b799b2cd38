/// An HTTP response, fully buffered.
public struct TransportResponse: Sendable, Equatable {
    /// The HTTP status code.
    public var status: Int
    /// Header fields in the order received.
    public var headers: [TransportHeader]
    /// The response body.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: Int, headers: [TransportHeader] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first header value with this name, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.value(of: name)
    }
}

extension [TransportHeader] {
    /// The first value of the header with this name, compared case-insensitively.
    public func value(of name: String) -> String? {
        let wanted = name.lowercased()
        return first { $0.name.lowercased() == wanted }?.value
    }
}
