import TestSupport
import Testing
import WithingsAPI

/// Token exchange and refresh, masking, storage and the refresh decision.
@Suite struct OAuthTests {
    static let tokenAnswer =
        #"{"status":0,"body":{"userid":"424242","access_token":"AT-secret","refresh_token":"RT-secret","expires_in":10800,"scope":"user.info,user.metrics,user.activity,user.sleepevents","token_type":"Bearer"}}"#

    static func client(_ transport: FakeHTTPTransport) -> OAuthClient {
        OAuthClient(
            transport: transport, baseURL: "http://127.0.0.1:1", limiter: VirtualTime().limiter(), clientID: "cid",
            clientSecret: "csecret", now: { 1_700_000_000 })
    }

    @Test func exchangeBuildsTheTokenAndSendsTheCode() async throws {
        let transport = FakeHTTPTransport([.ok(Self.tokenAnswer)])
        let token = try await Self.client(transport).exchange(code: "the-code", redirectURI: "https://h/oauth/callback")
        #expect(
            token
                == OAuthToken(
                    userID: 424_242, accessToken: "AT-secret", refreshToken: "RT-secret", expiresAt: 1_700_010_800,
                    scope: "user.info,user.metrics,user.activity,user.sleepevents"))
        let fields = try #require(transport.requests.first).formFields
        #expect(fields["grant_type"] == "authorization_code")
        #expect(fields["code"] == "the-code")
        #expect(fields["client_id"] == "cid")
        #expect(fields["client_secret"] == "csecret")
        #expect(fields["redirect_uri"] == "https://h/oauth/callback")
    }

    @Test func refreshSendsTheRefreshToken() async throws {
        let transport = FakeHTTPTransport([.ok(Self.tokenAnswer)])
        let token = try await Self.client(transport).refresh(refreshToken: "old-RT")
        #expect(token.refreshToken == "RT-secret")
        let fields = try #require(transport.requests.first).formFields
        #expect(fields["grant_type"] == "refresh_token")
        #expect(fields["refresh_token"] == "old-RT")
        #expect(transport.requests.first?.url == "http://127.0.0.1:1/v2/oauth2")
    }

    @Test func rejectedCodeIsATypedError() async {
        let transport = FakeHTTPTransport([.withingsStatus(503, error: "invalid code")])
        await #expect(throws: WithingsError.api(status: 503, family: .invalidParams, detail: "invalid code")) {
            try await Self.client(transport).exchange(code: "x", redirectURI: "https://h/cb")
        }
    }

    @Test func descriptionsNeverShowTokens() throws {
        let token = OAuthToken(userID: 1, accessToken: "AT-secret", refreshToken: "RT-secret", expiresAt: 5, scope: "s")
        var dumped = ""
        dump(token, to: &dumped)
        for text in ["\(token)", String(reflecting: token), dumped] {
            #expect(!text.contains("AT-secret") && !text.contains("RT-secret"), "\(text)")
            #expect(text.contains("1"))
        }
        let body = TokenBody(userID: 1, accessToken: "AT-secret", refreshToken: "RT-secret", expiresIn: 1, scope: "s")
        #expect(!"\(body)".contains("secret"))
    }

    @Test func tokenIsCodableForStorage() throws {
        let token = OAuthToken(userID: 9, accessToken: "a", refreshToken: "r", expiresAt: 77, scope: "user.info")
        let encoded = try JSONRoundTrip.encode(token)
        #expect(try JSONRoundTrip.decode(OAuthToken.self, encoded) == token)
    }

    static let lifecycle: [(expiresAt: Int64, now: Int64, margin: Int64, decision: TokenLifecycle.Decision)] = [
        (10_000, 0, 600, .useCurrent), (10_000, 9_399, 600, .useCurrent), (10_000, 9_400, 600, .refresh),
        (10_000, 10_000, 600, .refresh), (10_000, 20_000, 600, .refresh), (10_000, 9_999, 0, .useCurrent),
        (10_000, 9_999, -50, .useCurrent),
    ]

    @Test(arguments: 0..<lifecycle.count)
    func tokenLifecycle(index: Int) {
        let row = Self.lifecycle[index]
        let token = OAuthToken(userID: 1, accessToken: "a", refreshToken: "r", expiresAt: row.expiresAt, scope: "")
        #expect(TokenLifecycle.decide(token: token, now: row.now, refreshMargin: row.margin) == row.decision)
    }

    @Test func defaultMarginRefreshesTenMinutesEarly() {
        let token = OAuthToken(userID: 1, accessToken: "a", refreshToken: "r", expiresAt: 10_800, scope: "")
        #expect(TokenLifecycle.decide(token: token, now: 10_199) == .useCurrent)
        #expect(TokenLifecycle.decide(token: token, now: 10_200) == .refresh)
    }
}
