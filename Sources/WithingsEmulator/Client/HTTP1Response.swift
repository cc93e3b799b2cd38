/// A complete HTTP/1 response received by ``HTTP1Client``.
public struct HTTP1Response: Sendable, Equatable {
    /// The status code.
    public var status: Int
    /// Header fields in order, names as received.
    public var headers: [(String, String)]
    /// The body bytes (empty for HEAD).
    public var body: [UInt8]

    /// The body decoded as UTF-8.
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// The first header named `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    /// Creates a response.
    public init(status: Int, headers: [(String, String)], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Compares status, headers and body.
    public static func == (left: HTTP1Response, right: HTTP1Response) -> Bool {
        left.status == right.status && left.body == right.body
            && left.headers.map { [$0.0, $0.1] } == right.headers.map { [$0.0, $0.1] }
    }
}
