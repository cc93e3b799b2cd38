import NIOHTTP1
import WithingsAPI

/// Maps method and request target to a `WebhookRoute`; the secret is compared in constant time.
struct WebhookRouter: Sendable {
    /// The path secret; nil: no webhook route.
    let secret: String?

    /// The route for a request.
    func route(method: HTTPMethod, uri: String) -> WebhookRoute {
        let target = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = target[0]
        let query = target.count > 1 ? target[1] : ""
        let isRead = method == .GET || method == .HEAD

        if path.hasPrefix("/webhook/") {
            var segment = path.dropFirst("/webhook/".count)
            if segment.hasSuffix("/") { segment = segment.dropLast() }
            guard let secret, ConstantTime.equals(segment.utf8, secret.utf8) else { return .notFound }
            if isRead { return .webhookCheck }
            return method == .POST ? .webhookNotification : .methodNotAllowed(allow: "GET, HEAD, POST")
        }
        switch path {
        case "/oauth/callback":
            guard isRead else { return .methodNotAllowed(allow: "GET, HEAD") }
            guard let pairs = try? FormURLEncoding.decode(Array(query.utf8)) else { return .badQuery }
            var fields: [String: String] = [:]
            for (name, value) in pairs where fields[name] == nil { fields[name] = value }
            return .oauthCallback(query: fields)
        case "/healthz":
            return isRead ? .health : .methodNotAllowed(allow: "GET, HEAD")
        default:
            return .notFound
        }
    }
}
