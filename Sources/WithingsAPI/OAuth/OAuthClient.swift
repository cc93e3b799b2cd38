/// The token endpoint: trades an authorisation code or a refresh token for a new `OAuthToken`.
///
/// Needs no `TokenProvider`; it still goes through the shared `RateLimiter`. The client secret is sent in the
/// form body only and never appears in errors.
public struct OAuthClient: Sendable {
    private let transport: any HTTPTransport
    private let baseURL: String
    private let limiter: RateLimiter
    private let clientID: String
    private let clientSecret: String
    private let now: @Sendable () -> Int64

    /// Creates the client; `now` gives epoch seconds, to turn `expires_in` into `expiresAt`.
    public init(
        transport: some HTTPTransport, baseURL: String = WithingsClient.defaultBaseURL, limiter: RateLimiter,
        clientID: String, clientSecret: String, now: @escaping @Sendable () -> Int64
    ) {
        self.transport = transport
        self.baseURL = baseURL
        self.limiter = limiter
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.now = now
    }

    /// The browser URL that asks the user to grant access; Withings redirects to `redirectURI?code=…&state=…`.
    public func authorizeURL(
        redirectURI: String, state: String, base: String = WithingsRequest.defaultAuthorizeURL
    )
        -> String
    {
        WithingsRequest.authorizeURL(clientID: clientID, redirectURI: redirectURI, state: state, base: base)
    }

    /// Trades the callback's `code` (single-use, valid about 30 s) for tokens.
    public func exchange(code: String, redirectURI: String) async throws -> OAuthToken {
        try await requestToken(
            .exchangeCode(code, redirectURI: redirectURI, clientID: clientID, clientSecret: clientSecret)
        )
    }

    /// Trades `refreshToken` for a new pair; store the returned refresh token before using the access token.
    public func refresh(refreshToken: String) async throws -> OAuthToken {
        try await requestToken(.refreshToken(refreshToken, clientID: clientID, clientSecret: clientSecret))
    }

    private func requestToken(_ request: WithingsRequest) async throws -> OAuthToken {
        let issuedAt = now()
        let body = try await WithingsExchange.perform(
            request, accessToken: nil, as: TokenBody.self, transport: transport, baseURL: baseURL, limiter: limiter
        )
        return OAuthToken(body: body, issuedAt: issuedAt)
    }
}
