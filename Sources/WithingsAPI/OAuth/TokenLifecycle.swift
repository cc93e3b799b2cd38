/// Decides when an access token must be refreshed; pure arithmetic on epoch seconds.
public enum TokenLifecycle {
    /// What to do with a stored token.
    public enum Decision: Sendable, Equatable {
        /// The access token is good for longer than the margin.
        case useCurrent
        /// The access token expires within the margin (or already has): refresh first.
        case refresh
    }

    /// Refresh this many seconds before expiry (10 min): covers a slow poll cycle, clock skew between this
    /// host and Withings, and a few retries, while using about 95 % of the 3 h lifetime.
    public static let defaultRefreshMargin: Int64 = 600

    /// How long Withings issues access tokens for (3 h), for reference and emulators.
    public static let accessTokenLifetime: Int64 = 10_800

    /// `.refresh` when `token` expires at or before `now + refreshMargin`, else `.useCurrent`.
    public static func decide(token: OAuthToken, now: Int64, refreshMargin: Int64 = defaultRefreshMargin) -> Decision {
        token.expiresAt - max(0, refreshMargin) <= now ? .refresh : .useCurrent
    }
}
