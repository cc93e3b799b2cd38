import WithingsAPI

/// `TokenStorage` in `<state_dir>/<account>.token.json`, written atomically with mode 0600.
public struct FileTokenStorage: TokenStorage {
    private let store: JSONFileStore<OAuthToken>

    /// Creates the storage for one account.
    public init(directory: StateDirectory, account: String) {
        store = directory.tokenStore(account: account, as: OAuthToken.self)
    }

    /// The stored token, or nil.
    public func load() throws -> OAuthToken? { try store.load() }

    /// Stores the token durably.
    public func save(_ token: OAuthToken) throws { try store.save(token) }
}
