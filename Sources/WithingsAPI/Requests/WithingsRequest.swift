/// One Withings API call before it is sent: path, `action` and form fields.
public struct WithingsRequest: Sendable, Equatable {
    /// The path below the base URL (`/measure`, `/v2/sleep`, …).
    public var path: String
    /// The `action` field (`getmeas`, `getsummary`, …).
    public var action: String
    /// The other form fields, in order.
    public var fields: [FormField]

    /// Creates a request.
    public init(path: String, action: String, fields: [FormField] = []) {
        self.path = path
        self.action = action
        self.fields = fields
    }

    /// The same request asking for the page at `offset` (no field for offset 0).
    public func atOffset(_ offset: Int) -> WithingsRequest {
        var copy = self
        copy.fields.removeAll { $0.name == "offset" }
        if offset > 0 { copy.fields.append(FormField("offset", String(offset))) }
        return copy
    }

    /// The value of the field `name`, if present.
    public func field(_ name: String) -> String? {
        name == "action" ? action : fields.last { $0.name == name }?.value
    }

    /// The form-encoded body: `action` first, then the fields.
    public var formBody: String {
        FormURLEncoding.encode([("action", action)] + fields.map { ($0.name, $0.value) })
    }

    /// The HTTP request: a form-encoded POST to `baseURL + path`, with a bearer token when one is given.
    public func transportRequest(baseURL: String, accessToken: String?) -> TransportRequest {
        var headers = [TransportHeader("Content-Type", "application/x-www-form-urlencoded")]
        if let accessToken { headers.append(TransportHeader("Authorization", "Bearer \(accessToken)")) }
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        return TransportRequest(method: "POST", url: base + path, headers: headers, body: Array(formBody.utf8))
    }
}
