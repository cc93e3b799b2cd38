/// Why the token endpoint refused a grant.
public enum TokenRefusal: Error, Sendable, Equatable {
    /// The code was never issued or was already used.
    case unknownCode
    /// The code is older than its lifetime.
    case expiredCode
    /// `redirect_uri` differs from the one used at authorisation.
    case redirectMismatch
    /// The refresh token was never issued or was revoked.
    case unknownRefreshToken
    /// The refresh token was replaced and its grace period ended, or its successor was already used.
    case supersededRefreshToken

    /// The Withings `status` for this refusal.
    public var status: Int {
        switch self {
        case .unknownCode, .expiredCode, .redirectMismatch: return 503
        case .unknownRefreshToken, .supersededRefreshToken: return 401
        }
    }

    /// The Withings `error` text for this refusal.
    public var message: String {
        switch self {
        case .unknownCode: return "Invalid Params: invalid code"
        case .expiredCode: return "Invalid Params: code expired"
        case .redirectMismatch: return "Invalid Params: redirect_uri mismatch"
        case .unknownRefreshToken: return "invalid_token: unknown refresh_token"
        case .supersededRefreshToken: return "invalid_token: refresh_token was replaced"
        }
    }
}
