import WithingsAPI

/// Completes OAuth logins for the CLI's `auth` and the daemon's `/oauth/callback`: trades the code, refuses to
/// bind a different Withings user to an account that already has one, and stores the tokens (0600, atomic).
public struct Authorizer: Sendable {
    /// Why an authorisation was refused.
    public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        /// The readable reason, with what to do next.
        public var description: String
    }

    private let oauth: OAuthClient
    private let redirectURI: String
    private let directory: StateDirectory
    private let accounts: [String]
    private let now: @Sendable () -> Int64

    /// Creates an authorizer for the configured accounts.
    public init(
        oauth: OAuthClient, redirectURI: String, directory: StateDirectory, accounts: [String],
        now: @escaping @Sendable () -> Int64
    ) {
        self.oauth = oauth
        self.redirectURI = redirectURI
        self.directory = directory
        self.accounts = accounts
        self.now = now
    }

    /// Starts an authorisation: records a pending state and returns the URL to open.
    public func start(account: String, authorizeBase: String) throws -> String {
        let state = Self.randomState()
        try pendingStore(account).save(PendingAuthorization(account: account, state: state, createdAt: now()))
        return oauth.authorizeURL(redirectURI: redirectURI, state: state, base: authorizeBase)
    }

    /// Finishes with a code the user supplied (from `--code`, `--redirect-url` or pasted).
    public func complete(account: String, code: String) async throws -> OAuthToken {
        let token = try await oauth.exchange(code: code, redirectURI: redirectURI)
        try bind(token, to: account)
        directory.file(named: account + ".pending-auth.json").remove()
        return token
    }

    /// Finishes a callback: the `state` must match a pending authorisation younger than its lifetime.
    public func completeCallback(code: String, state: String) async throws -> (account: String, token: OAuthToken) {
        let pending = accounts.compactMap { try? pendingStore($0).load() }.first {
            $0.state == state && now() - $0.createdAt <= PendingAuthorization.lifetime
        }
        guard let pending else {
            throw Refusal(
                description: "this login link is unknown or expired; run `withings2mqtt auth --account NAME` again")
        }
        return (pending.account, try await complete(account: pending.account, code: code))
    }

    /// The Withings user an account is bound to, from its token file.
    public func boundUser(of account: String) throws -> Int64? {
        try tokenStore(account).load()?.userID
    }

    private func bind(_ token: OAuthToken, to account: String) throws {
        if let bound = try boundUser(of: account), bound != token.userID {
            throw Refusal(
                description: """
                    account \(account) is bound to Withings user \(bound), but this login returned user \(token.userID): \
                    log out of Withings in the browser (or use a private window) and log in as the right person
                    """)
        }
        for other in accounts where other != account {
            if let bound = try? boundUser(of: other), bound == token.userID {
                throw Refusal(
                    description: """
                        Withings user \(token.userID) is already bound to account \(other): each account needs its own \
                        Withings login
                        """)
            }
        }
        try tokenStore(account).save(token)
    }

    private func tokenStore(_ account: String) -> JSONFileStore<OAuthToken> {
        directory.tokenStore(account: account, as: OAuthToken.self)
    }

    private func pendingStore(_ account: String) -> JSONFileStore<PendingAuthorization> {
        JSONFileStore(file: directory.file(named: account + ".pending-auth.json"))
    }

    private static func randomState() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(generator.next() as UInt64, radix: 16) }.joined()
    }
}
