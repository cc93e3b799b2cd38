/// An HTTP request as the Withings client needs it: small, fully buffered.
public struct TransportRequest: Sendable, Equatable {
    /// The HTTP method, such as `POST` or `HEAD`.
    public var method: String
    /// The absolute URL.
    public var url: String
    /// Header fields in order; names are sent as given.
    public var headers: [TransportHeader]
    /// The request body, if any.
    public var body: [UInt8]?

    /// Creates a request.
    public init(method: String, url: String, headers: [TransportHeader] = [], body: [UInt8]? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// One header field.
public struct TransportHeader: Sendable, Equatable {
    /// The field name.
    public var name: String
    /// The field value.
    public var value: String

    /// Creates a header field.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
