/// Supplies access tokens to `WithingsClient`; owned by the caller (the bridge keeps one per account).
public protocol TokenProvider: Sendable {
    /// A valid access token, refreshed first when close to expiry.
    func accessToken() async throws -> String

    /// Called once when Withings rejected `rejected` with an auth-family status: refresh (unless another caller
    /// already replaced that token) and return the token to retry with.
    func refreshAfterAuthFailure(rejected: String) async throws -> String
}
