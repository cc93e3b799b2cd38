/// An authorisation started by `withings2mqtt auth` and not finished yet: the `state` sent to Withings, so the
/// daemon's `/oauth/callback` knows which account a returning code belongs to.
public struct PendingAuthorization: Sendable, Equatable, Codable {
    /// The account being authorised.
    public var account: String
    /// The random `state` of the authorize URL.
    public var state: String
    /// When it was started, epoch seconds; pending authorisations expire after `lifetime`.
    public var createdAt: Int64

    /// How long a pending authorisation is honoured (seconds).
    public static let lifetime: Int64 = 1800

    /// Creates a pending authorisation.
    public init(account: String, state: String, createdAt: Int64) {
        self.account = account
        self.state = state
        self.createdAt = createdAt
    }
}
