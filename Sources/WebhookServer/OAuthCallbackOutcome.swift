/// What the OAuth callback handler made of a `code`/`state` pair; shown to the user in the browser.
public enum OAuthCallbackOutcome: Sendable, Equatable {
    /// Tokens stored; the message says for which account and Withings user.
    case success(message: String)
    /// Something went wrong (unknown state, code exchange failed, wrong Withings user); the message says what to do.
    case failure(message: String)
}
