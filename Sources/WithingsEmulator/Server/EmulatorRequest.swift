/// An HTTP request as the emulator sees it, independent of NIO so handlers are plain functions.
public struct EmulatorRequest: Sendable, Equatable {
    /// The method, upper case (`GET`, `POST`, …).
    public var method: String
    /// The path without query, e.g. `/measure`.
    public var path: String
    /// The decoded query string.
    public var query: FormParameters
    /// Header fields with lower-cased names.
    public var headers: [String: String]
    /// The body bytes.
    public var body: [UInt8]

    /// Creates a request; `uri` may carry a query string.
    public init(method: String, uri: String, headers: [String: String] = [:], body: [UInt8] = []) {
        self.method = method.uppercased()
        let parts = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        self.path = parts.first.map(String.init) ?? "/"
        self.query = FormParameters(encoded: parts.count > 1 ? String(parts[1]) : "")
        self.headers = Dictionary(
            headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { _, last in last })
        self.body = body
    }

    /// The body as text.
    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// Query and form body merged, the body winning, as Withings reads parameters from either.
    public var parameters: FormParameters {
        var merged = query.values
        let contentType = headers["content-type"] ?? ""
        if !body.isEmpty, !contentType.contains("json") {
            merged.merge(FormParameters(encoded: bodyText).values) { _, body in body }
        }
        return FormParameters(merged)
    }

    /// The token from `Authorization: Bearer …`, else the `access_token` parameter.
    public var accessToken: String? {
        if let header = headers["authorization"] {
            let parts = header.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" { return String(parts[1]).trimmed }
        }
        return parameters["access_token"]
    }
}

extension String {
    fileprivate var trimmed: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
