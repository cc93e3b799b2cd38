/// A pair of tokens handed out by the token endpoint.
public struct TokenGrant: Sendable, Equatable {
    /// The Withings user the tokens belong to.
    public var userID: Int64
    /// The new access token.
    public var accessToken: String
    /// The new refresh token.
    public var refreshToken: String
    /// Seconds until the access token expires.
    public var expiresIn: Int64
    /// The granted scope, comma separated.
    public var scope: String

    /// The `body` of the token endpoint's answer.
    public var body: JSONValue {
        [
            "userid": .string(String(userID)), "access_token": .string(accessToken),
            "refresh_token": .string(refreshToken), "expires_in": .int(expiresIn), "scope": .string(scope),
            "token_type": "Bearer", "csrf_token": .string(TokenBook.randomToken(length: 16)),
        ]
    }
}
