import NIOHTTP1

/// A small, complete HTTP response.
struct WebhookResponse {
    /// Status code.
    var status: HTTPResponseStatus
    /// Headers besides content-length and connection.
    var headers: HTTPHeaders
    /// The body text (dropped by NIO's encoder for HEAD).
    var body: String

    /// A `text/plain` response.
    static func text(_ status: HTTPResponseStatus, _ body: String) -> WebhookResponse {
        WebhookResponse(status: status, headers: ["content-type": "text/plain; charset=utf-8"], body: body)
    }

    /// An `application/json` response.
    static func json(_ status: HTTPResponseStatus, _ body: String) -> WebhookResponse {
        WebhookResponse(status: status, headers: ["content-type": "application/json"], body: body)
    }

    /// A `text/html` response.
    static func html(_ status: HTTPResponseStatus, _ body: String) -> WebhookResponse {
        WebhookResponse(
            status: status, headers: ["content-type": "text/html; charset=utf-8", "cache-control": "no-store"],
            body: body)
    }
}
