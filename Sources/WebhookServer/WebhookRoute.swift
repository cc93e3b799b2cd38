/// What a request is, decided from its method and target alone.
enum WebhookRoute: Equatable {
    /// `HEAD`/`GET /webhook/<secret>`: Withings checking the callback URL.
    case webhookCheck
    /// `POST /webhook/<secret>`: a notification.
    case webhookNotification
    /// `GET /oauth/callback?…` with the decoded query.
    case oauthCallback(query: [String: String])
    /// `GET /healthz`.
    case health
    /// Known path, wrong method; `allow` lists the methods that work.
    case methodNotAllowed(allow: String)
    /// Anything else, a wrong secret included.
    case notFound
    /// A query string that cannot be decoded.
    case badQuery

    /// A label for logs that never contains the secret.
    var logName: String {
        switch self {
        case .webhookCheck, .webhookNotification: "webhook"
        case .oauthCallback: "oauth_callback"
        case .health: "healthz"
        case .methodNotAllowed: "method_not_allowed"
        case .notFound: "not_found"
        case .badQuery: "bad_query"
        }
    }
}
