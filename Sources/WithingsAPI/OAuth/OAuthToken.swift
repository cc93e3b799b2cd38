/// An account's OAuth tokens as stored on disk; `description` never shows the tokens.
public struct OAuthToken: Sendable, Equatable, Codable {
    /// The Withings user the tokens belong to.
    public var userID: Int64
    /// The bearer token for data calls (valid about 3 h).
    public var accessToken: String
    /// The token that buys the next access token (rotated on every refresh: always store the new one).
    public var refreshToken: String
    /// When `accessToken` expires, epoch seconds.
    public var expiresAt: Int64
    /// The granted scopes, comma-separated, as Withings returned them.
    public var scope: String

    /// Creates a token.
    public init(userID: Int64, accessToken: String, refreshToken: String, expiresAt: Int64, scope: String) {
        self.userID = userID
        self.accessToken = accessToken
        self.refreshToken = refreshToken
        self.expiresAt = expiresAt
        self.scope = scope
    }

    /// Builds the token from a `requesttoken` body received at `issuedAt` (epoch seconds).
    public init(body: TokenBody, issuedAt: Int64) {
        self.init(
            userID: body.userID, accessToken: body.accessToken, refreshToken: body.refreshToken,
            expiresAt: issuedAt + body.expiresIn, scope: body.scope
        )
    }
}

extension OAuthToken: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The user, expiry and scope; the tokens are masked.
    public var description: String {
        "OAuthToken(userID: \(userID), accessToken: ***, refreshToken: ***, expiresAt: \(expiresAt), scope: \(scope))"
    }

    /// Same as `description`, so `String(reflecting:)` cannot leak the tokens either.
    public var debugDescription: String { description }

    /// A mirror without the tokens, so `dump` and test failure output cannot leak them.
    public var customMirror: Mirror {
        Mirror(self, children: ["userID": userID, "expiresAt": expiresAt, "scope": scope], displayStyle: .struct)
    }
}
