/// Thrown when an account has no usable tokens; says which command fixes it.
public struct AuthorizationRequired: Error, Sendable, Equatable, CustomStringConvertible {
    /// The account that needs `auth`.
    public var account: String
    /// Why, in a few words.
    public var reason: String

    /// Creates the error.
    public init(account: String, reason: String) {
        self.account = account
        self.reason = reason
    }

    /// The message for logs and diagnostics.
    public var description: String {
        "account \(account): \(reason); run `withings2mqtt auth --account \(account)`"
    }
}
