import Bridge
import WebhookServer

/// The daemon's side of `/oauth/callback`: finishes a login that `withings2mqtt auth` started.
enum OAuthCallback {
    /// Trades the code, stores the tokens and tells the account's worker; returns the page to show.
    static func complete(
        code: String, state: String, authorizer: Authorizer, workers: [AccountWorker]
    ) async
        -> OAuthCallbackOutcome
    {
        do {
            let (account, token) = try await authorizer.completeCallback(code: code, state: state)
            for worker in workers where worker.account == account { await worker.reauthorized() }
            return .success(
                message: "Account \(account) is now linked to Withings user \(token.userID). You can close this page.")
        } catch {
            return .failure(message: "\(error)")
        }
    }
}
