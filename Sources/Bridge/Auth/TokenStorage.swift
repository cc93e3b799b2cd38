import WithingsAPI

/// Where one account's tokens live; the live one is a file in `state_dir` written atomically.
public protocol TokenStorage: Sendable {
    /// The stored token, or nil when the account was never authorised.
    func load() throws -> OAuthToken?
    /// Stores a token durably (the rotated refresh token must survive a crash right after this returns).
    func save(_ token: OAuthToken) throws
}
