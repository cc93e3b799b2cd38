import Foundation

/// Start-up settings of an emulator; the mutable ones can later be changed through `/_emulator/config`.
public struct EmulatorSettings: Sendable, Equatable {
    /// When set, the token endpoint requires this `client_id` (and authorize checks it too).
    public var clientID: String?
    /// When set, the token endpoint requires this `client_secret`.
    public var clientSecret: String?
    /// Items per page for getmeas, getactivity, getworkouts and getsummary.
    public var pageSize: Int
    /// Access token lifetime in seconds, reported as `expires_in`.
    public var accessTokenLifetime: Int64
    /// Seconds a replaced refresh token is still honoured.
    public var refreshGrace: TimeInterval
    /// Seconds an authorisation code stays valid.
    public var codeLifetime: TimeInterval
    /// Seconds allowed for the HEAD check of a callback URL on subscribe.
    public var callbackCheckTimeout: TimeInterval
    /// Seconds allowed for one webhook delivery.
    public var webhookTimeout: TimeInterval

    /// Creates settings with Withings' defaults.
    public init(
        clientID: String? = nil, clientSecret: String? = nil, pageSize: Int = 200, accessTokenLifetime: Int64 = 10_800,
        refreshGrace: TimeInterval = 8 * 3600, codeLifetime: TimeInterval = 30, callbackCheckTimeout: TimeInterval = 2,
        webhookTimeout: TimeInterval = 5
    ) {
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.pageSize = pageSize
        self.accessTokenLifetime = accessTokenLifetime
        self.refreshGrace = refreshGrace
        self.codeLifetime = codeLifetime
        self.callbackCheckTimeout = callbackCheckTimeout
        self.webhookTimeout = webhookTimeout
    }
}
