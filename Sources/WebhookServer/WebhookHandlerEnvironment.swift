import Logging
import NIOCore
import WithingsAPI

/// What every connection handler shares: routing, limits, the two callbacks and the logger.
struct WebhookHandlerEnvironment: Sendable {
    /// Routes requests.
    let router: WebhookRouter
    /// Largest accepted body.
    let maxBodyBytes: Int
    /// Time allowed for a complete request, and for an idle keep-alive connection.
    let requestTimeout: TimeAmount
    /// Whether keep-alive is honoured.
    let keepAlive: Bool
    /// Receives parsed notifications and a callback to call once each is applied (its 200 waits for it).
    let onNotification: @Sendable (WebhookNotification, _ applied: @escaping @Sendable () -> Void) -> Void
    /// Handles `code`/`state` from the OAuth redirect.
    let onOAuthCallback: @Sendable (String, String) async -> OAuthCallbackOutcome
    /// The open connections, told when one is answering a request (and so must not be evicted).
    let registry: ConnectionRegistry
    /// Where requests are logged (never with the secret or the full path).
    let logger: Logger
}
