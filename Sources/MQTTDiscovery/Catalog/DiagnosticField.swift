/// A value of the bridge's diagnostics, read from the account's diagnostics JSON by its key.
public enum DiagnosticField: String, Sendable, Equatable, CaseIterable {
    /// Time of the last completed poll cycle (ISO 8601).
    case lastPoll = "last_poll"
    /// Time of the last accepted webhook (ISO 8601).
    case lastWebhook = "last_webhook"
    /// API errors since start.
    case apiErrors = "api_errors"
    /// When the access token expires (ISO 8601).
    case tokenExpiry = "token_expires_at"
    /// Whether every wanted webhook subscription is in place.
    case subscriptionsOK = "subscriptions_ok"
}
