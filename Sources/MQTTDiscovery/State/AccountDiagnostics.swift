/// What `<base>/<acct>/diagnostics` reports about one account; `json` builds the payload.
///
/// The keys the bridge device's diagnostic entities read (`DiagnosticField`) are top-level, so their value
/// templates stay `{{ value_json.<key> }}` (what Domoticz can parse).
public struct AccountDiagnostics: Sendable, Equatable {
    /// `ok`, `refreshing`, `needs_reauth`, … as the token upkeep says.
    public var authState: String
    /// The command that fixes the auth state, when one is needed (`withings2mqtt auth --account alice`).
    public var fixCommand: String?
    /// When the access token expires, epoch seconds.
    public var tokenExpiresAt: Int64?
    /// When the last poll cycle completed, epoch seconds.
    public var lastPoll: Int64?
    /// When the last webhook for this account arrived, epoch seconds.
    public var lastWebhook: Int64?
    /// The applis Withings holds a subscription for (our callback URL only).
    public var subscribedApplis: [Int]
    /// Whether every wanted appli is subscribed; nil while unknown or with webhooks disabled.
    public var subscriptionsOK: Bool?
    /// API errors since start, by error kind (`auth`, `rate_limit`, `timeout`, …).
    public var apiErrors: [String: Int]
    /// The last error, readable and free of secrets.
    public var lastError: String?

    /// Creates diagnostics.
    public init(
        authState: String, fixCommand: String? = nil, tokenExpiresAt: Int64? = nil, lastPoll: Int64? = nil,
        lastWebhook: Int64? = nil, subscribedApplis: [Int] = [], subscriptionsOK: Bool? = nil,
        apiErrors: [String: Int] = [:], lastError: String? = nil
    ) {
        self.authState = authState
        self.fixCommand = fixCommand
        self.tokenExpiresAt = tokenExpiresAt
        self.lastPoll = lastPoll
        self.lastWebhook = lastWebhook
        self.subscribedApplis = subscribedApplis
        self.subscriptionsOK = subscriptionsOK
        self.apiErrors = apiErrors
        self.lastError = lastError
    }

    /// The diagnostics JSON (unknown values are `null`, which Home Assistant templates render as `None`).
    public var json: JSONValue {
        .object([
            "auth_state": .string(authState),
            "fix": .optional(fixCommand),
            DiagnosticField.tokenExpiry.rawValue: .timestamp(tokenExpiresAt),
            DiagnosticField.lastPoll.rawValue: .timestamp(lastPoll),
            DiagnosticField.lastWebhook.rawValue: .timestamp(lastWebhook),
            "subscribed_applis": .array(subscribedApplis.sorted().map { .integer(Int64($0)) }),
            DiagnosticField.subscriptionsOK.rawValue: subscriptionsOK.map(JSONValue.bool) ?? .null,
            DiagnosticField.apiErrors.rawValue: .integer(Int64(apiErrors.values.reduce(0, +))),
            "api_errors_by_kind": .object(apiErrors.mapValues { .integer(Int64($0)) }),
            "last_error": .optional(lastError),
        ])
    }
}
