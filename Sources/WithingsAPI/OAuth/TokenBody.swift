/// The body of `v2/oauth2 requesttoken`.
public struct TokenBody: Decodable, Sendable, Equatable {
    /// The Withings user id (sent as a number or a string).
    public var userID: Int64
    /// The new access token.
    public var accessToken: String
    /// The new refresh token.
    public var refreshToken: String
    /// Seconds until the access token expires (10800).
    public var expiresIn: Int64
    /// The granted scopes.
    public var scope: String

    private enum CodingKeys: String, CodingKey {
        case userid, access_token, refresh_token, expires_in, scope
    }

    /// Creates a body.
    public init(userID: Int64, accessToken: String, refreshToken: String, expiresIn: Int64, scope: String) {
        self.userID = userID
        self.accessToken = accessToken
        self.refreshToken = refreshToken
        self.expiresIn = expiresIn
        self.scope = scope
    }

    /// Decodes the body; `userid` and `expires_in` may be numbers or strings.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            userID: try container.lenientInt64(forKey: .userid),
            accessToken: try container.decode(String.self, forKey: .access_token),
            refreshToken: try container.decode(String.self, forKey: .refresh_token),
            expiresIn: try container.lenientInt64(forKey: .expires_in),
            scope: (try? container.decodeIfPresent(String.self, forKey: .scope)) ?? ""
        )
    }
}

extension TokenBody: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The user and expiry; the tokens are masked.
    public var description: String { "TokenBody(userID: \(userID), expiresIn: \(expiresIn), scope: \(scope))" }

    /// Same as `description`.
    public var debugDescription: String { description }

    /// A mirror without the tokens.
    public var customMirror: Mirror {
        Mirror(self, children: ["userID": userID, "expiresIn": expiresIn, "scope": scope], displayStyle: .struct)
    }
}
