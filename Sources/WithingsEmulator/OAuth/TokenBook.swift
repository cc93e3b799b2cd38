import Foundation

/// The emulator's OAuth2 bookkeeping: single-use codes, expiring access tokens and rotating refresh tokens.
public struct TokenBook: Sendable {
    private struct Code: Sendable {
        var userID: Int64
        var redirectURI: String?
        var scope: String
        var issuedAt: Date
    }

    private struct Access: Sendable {
        var userID: Int64
        var expiresAt: Date
        var used: Bool
    }

    private struct Refresh: Sendable {
        var userID: Int64
        var scope: String
        var supersededAt: Date?
        var successors: [String]
    }

    private var codes: [String: Code] = [:]
    private var accessTokens: [String: Access] = [:]
    private var refreshTokens: [String: Refresh] = [:]

    /// How long a code may be exchanged, in seconds.
    public var codeLifetime: TimeInterval = 30
    /// Access token lifetime in seconds (Withings: 10800).
    public var accessTokenLifetime: Int64 = 10_800
    /// How long a replaced refresh token is still honoured, in seconds (Withings: about 8 h).
    public var refreshGrace: TimeInterval = 8 * 3600

    /// Creates an empty book.
    public init() {}

    /// Issues a single-use authorisation code for `userID`.
    public mutating func issueCode(userID: Int64, redirectURI: String?, scope: String, now: Date) -> String {
        let code = Self.randomToken(length: 40)
        codes[code] = Code(userID: userID, redirectURI: redirectURI, scope: scope, issuedAt: now)
        return code
    }

    /// Exchanges a code for tokens; the code is consumed even when it turns out to be expired.
    public mutating func redeem(code: String, redirectURI: String?, now: Date) -> Result<TokenGrant, TokenRefusal> {
        guard let entry = codes.removeValue(forKey: code) else { return .failure(.unknownCode) }
        guard now.timeIntervalSince(entry.issuedAt) <= codeLifetime else { return .failure(.expiredCode) }
        if let expected = entry.redirectURI, let given = redirectURI, expected != given {
            return .failure(.redirectMismatch)
        }
        return .success(issueTokens(userID: entry.userID, scope: entry.scope, now: now))
    }

    /// Rotates a refresh token: returns a new pair and starts the old token's grace period.
    public mutating func refresh(token: String, now: Date) -> Result<TokenGrant, TokenRefusal> {
        guard var entry = refreshTokens[token] else { return .failure(.unknownRefreshToken) }
        if let supersededAt = entry.supersededAt {
            let successorUsed = entry.successors.contains { accessTokens[$0]?.used ?? false }
            if successorUsed || now.timeIntervalSince(supersededAt) > refreshGrace {
                return .failure(.supersededRefreshToken)
            }
        }
        let grant = issueTokens(userID: entry.userID, scope: entry.scope, now: now)
        entry.supersededAt = entry.supersededAt ?? now
        entry.successors.append(grant.accessToken)
        refreshTokens[token] = entry
        return .success(grant)
    }

    /// The user an access token belongs to, or nil when unknown or expired; marks the token as used.
    public mutating func authenticate(accessToken: String, now: Date) -> Int64? {
        guard var entry = accessTokens[accessToken], entry.expiresAt > now else { return nil }
        entry.used = true
        accessTokens[accessToken] = entry
        return entry.userID
    }

    /// The user an access token belongs to, whether or not it is still valid, without marking it used.
    public func owner(ofAccessToken accessToken: String) -> Int64? {
        accessTokens[accessToken]?.userID
    }

    /// Makes every access token of `userID` expire now; refresh tokens keep working. Returns how many changed.
    @discardableResult
    public mutating func expireAccessTokens(userID: Int64, now: Date) -> Int {
        var count = 0
        for (token, entry) in accessTokens where entry.userID == userID && entry.expiresAt > now {
            accessTokens[token]?.expiresAt = now
            count += 1
        }
        return count
    }

    /// Forgets every code, access and refresh token of `userID`. Returns how many tokens were dropped.
    @discardableResult
    public mutating func revokeAll(userID: Int64) -> Int {
        let before = accessTokens.count + refreshTokens.count
        accessTokens = accessTokens.filter { $0.value.userID != userID }
        refreshTokens = refreshTokens.filter { $0.value.userID != userID }
        codes = codes.filter { $0.value.userID != userID }
        return before - accessTokens.count - refreshTokens.count
    }

    private mutating func issueTokens(userID: Int64, scope: String, now: Date) -> TokenGrant {
        let access = Self.randomToken(length: 40)
        let refresh = Self.randomToken(length: 40)
        accessTokens[access] = Access(
            userID: userID, expiresAt: now.addingTimeInterval(TimeInterval(accessTokenLifetime)), used: false)
        refreshTokens[refresh] = Refresh(userID: userID, scope: scope, supersededAt: nil, successors: [])
        return TokenGrant(
            userID: userID, accessToken: access, refreshToken: refresh, expiresIn: accessTokenLifetime, scope: scope)
    }

    /// A random lowercase hex string of `length` characters, like Withings tokens.
    static func randomToken(length: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef")
        return String((0..<length).map { _ in digits[Int(generator.next() % 16)] })
    }
}
