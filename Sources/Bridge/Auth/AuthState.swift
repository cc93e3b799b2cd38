/// Whether an account can call Withings.
public enum AuthState: Sendable, Equatable {
    /// Tokens are present and the last refresh worked.
    case authorized
    /// No tokens were ever stored: `withings2mqtt auth` has not been run for the account.
    case notAuthorized
    /// Withings refused the refresh token: the user must authorise again.
    case reauthorizationRequired

    /// The word used in diagnostics.
    public var label: String {
        switch self {
        case .authorized: "authorized"
        case .notAuthorized: "not_authorized"
        case .reauthorizationRequired: "reauthorization_required"
        }
    }
}
