import WithingsAPI

/// Hands out one account's access token, refreshing it ahead of expiry and once after an auth failure.
///
/// One refresh at a time: concurrent callers share the refresh in flight. The rotated refresh token is saved
/// before the new access token is handed out, so a crash never loses the only valid refresh token (the old one
/// stays valid at Withings until the new access token is first used). While re-authorisation is required the
/// token file is re-read on every call, so `withings2mqtt auth` brings the account back without a restart.
public actor TokenManager: TokenProvider {
    /// Exchanges a refresh token for new tokens (Withings' `requesttoken` with `grant_type=refresh_token`).
    public typealias Refresher = @Sendable (_ refreshToken: String) async throws -> OAuthToken

    private let account: String
    private let storage: any TokenStorage
    private let refresher: Refresher
    private let now: @Sendable () -> Int64
    private var token: OAuthToken?
    private var inFlight: Task<OAuthToken, any Error>?
    /// Whether the account can call Withings.
    public private(set) var state: AuthState = .authorized

    /// Creates a manager for `account`.
    public init(
        account: String, storage: any TokenStorage, now: @escaping @Sendable () -> Int64, refresher: @escaping Refresher
    ) {
        self.account = account
        self.storage = storage
        self.now = now
        self.refresher = refresher
    }

    /// The stored token's expiry, epoch seconds, if any.
    public var expiresAt: Int64? { token?.expiresAt }

    /// The Withings user of the stored token, if any.
    public var userID: Int64? {
        if token == nil { token = try? storage.load() }
        return token?.userID
    }

    /// A valid access token, refreshed first when it expires within the margin.
    public func accessToken() async throws -> String {
        let current = try currentToken()
        if TokenLifecycle.decide(token: current, now: now()) == .refresh {
            return try await refresh(current).accessToken
        }
        return current.accessToken
    }

    /// Refreshes once after Withings rejected `rejected`, unless another caller already replaced it.
    public func refreshAfterAuthFailure(rejected: String) async throws -> String {
        let current = try currentToken()
        if current.accessToken != rejected { return current.accessToken }
        return try await refresh(current).accessToken
    }

    /// Forgets the cached token so the next call reads the file (after `auth` stored a new one).
    public func reload() {
        token = nil
        state = .authorized
    }

    private func currentToken() throws -> OAuthToken {
        if state == .reauthorizationRequired {
            // `auth` may have stored a new token since; anything else keeps failing fast without API calls.
            guard let stored = try storage.load(), stored.refreshToken != token?.refreshToken else {
                throw AuthorizationRequired(account: account, reason: "Withings refused the refresh token")
            }
            token = stored
            state = .authorized
        }
        if let token { return token }
        guard let stored = try storage.load() else {
            state = .notAuthorized
            throw AuthorizationRequired(account: account, reason: "no tokens stored")
        }
        state = .authorized
        token = stored
        return stored
    }

    private func refresh(_ current: OAuthToken) async throws -> OAuthToken {
        if let inFlight { return try await inFlight.value }
        let refresher = self.refresher
        let storage = self.storage
        // Saving inside the shared task matters: a caller waiting on the refresh must not get the new access
        // token (and use it, which makes Withings drop the old refresh token) before the new refresh token is
        // on disk.
        let task = Task {
            let fresh = try await refresher(current.refreshToken)
            try storage.save(fresh)
            return fresh
        }
        inFlight = task
        defer { inFlight = nil }
        do {
            let fresh = try await task.value
            token = fresh
            state = .authorized
            return fresh
        } catch let error as WithingsError where error.needsReauthorization {
            if let stored = try storage.load(), stored.refreshToken != current.refreshToken {
                token = stored
                return stored
            }
            state = .reauthorizationRequired
            throw AuthorizationRequired(account: account, reason: "Withings refused the refresh token")
        }
    }
}
