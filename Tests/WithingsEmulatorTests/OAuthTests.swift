import Foundation
import Testing
import WithingsEmulator

@Suite struct OAuthTests {
    private static func twoUsers() throws -> [EmulatorUser] {
        [
            try Fixtures.homeAssistantUser(userID: 501, name: "first"),
            try Fixtures.homeAssistantUser(userID: 502, name: "second"),
        ]
    }

    @Test func authorizeRedirectsWithCodeAndState() async throws {
        try await EmulatorHarness.with { harness in
            let response = try await harness.request(
                .GET,
                "/oauth2_user/authorize2?response_type=code&client_id=app&scope=user.metrics"
                    + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A9%2Fcb%3Fkeep%3D1&state=abc123")
            #expect(response.status == 302)
            let location = try #require(response.header("Location"))
            let components = try #require(URLComponents(string: location))
            #expect(components.host == "127.0.0.1")
            #expect(components.port == 9)
            #expect(components.path == "/cb")
            let items = Dictionary(
                uniqueKeysWithValues: (components.queryItems ?? []).map { ($0.name, $0.value ?? "") })
            #expect(items["state"] == "abc123")
            #expect(items["keep"] == "1")
            #expect((items["code"] ?? "").count == 40)
        }
    }

    @Test func authorizeWithoutRedirectURIIsRejected() async throws {
        try await EmulatorHarness.with { harness in
            let response = try await harness.request(.GET, "/oauth2_user/authorize2?response_type=code&client_id=app")
            #expect(response.status == 400)
            #expect(response.text.contains("redirect_uri"))
        }
    }

    @Test func codeIsSingleUse() async throws {
        try await EmulatorHarness.with { harness in
            let code = try await harness.authorize()
            let first = try await harness.exchange(code: code)
            #expect(first["userid"] == "10000001")
            let again = try await harness.call(
                "/v2/oauth2",
                [
                    "action": "requesttoken", "grant_type": "authorization_code", "client_id": "app",
                    "client_secret": "secret", "code": code, "redirect_uri": "http://127.0.0.1:9/cb",
                ])
            #expect(again["status"] == 503)
            #expect(again["error"]?.stringValue?.contains("invalid code") == true)
        }
    }

    @Test func codeExpiresAfterThirtySeconds() async throws {
        let clock = TestClock()
        try await EmulatorHarness.with(clock: clock) { harness in
            let code = try await harness.authorize()
            clock.advance(by: 31)
            let answer = try await harness.call(
                "/v2/oauth2",
                [
                    "action": "requesttoken", "grant_type": "authorization_code", "code": code,
                    "redirect_uri": "http://127.0.0.1:9/cb",
                ])
            #expect(answer["status"] == 503)
            #expect(answer["error"] == "Invalid Params: code expired")
        }
    }

    @Test func tokenExchangeReturnsWithingsBody() async throws {
        try await EmulatorHarness.with { harness in
            let body = try await harness.exchange(code: try await harness.authorize())
            #expect(body["userid"] == "10000001")
            #expect(body["expires_in"] == 10_800)
            #expect(body["token_type"] == "Bearer")
            #expect(body["scope"] == "user.info,user.metrics,user.activity")
            #expect(body["access_token"]?.stringValue?.count == 40)
            #expect(body["refresh_token"]?.stringValue?.count == 40)
            #expect(body["access_token"] != body["refresh_token"])
            #expect(body["csrf_token"]?.stringValue?.isEmpty == false)
        }
    }

    @Test func usersAreHandedOutInTurnAndUseridPicksOne() async throws {
        try await EmulatorHarness.with(users: try Self.twoUsers()) { harness in
            var order: [JSONValue] = []
            for _ in 0..<3 {
                order.append(try await harness.exchange(code: try await harness.authorize())["userid"] ?? .null)
            }
            #expect(order == ["501", "502", "501"])
            let picked = try await harness.exchange(code: try await harness.authorize(userid: "502"))
            #expect(picked["userid"] == "502")
            let byName = try await harness.exchange(code: try await harness.authorize(userid: "first"))
            #expect(byName["userid"] == "501")
        }
    }

    @Test func clientCredentialsAreCheckedOnlyWhenConfigured() async throws {
        let settings = EmulatorSettings(clientID: "app", clientSecret: "right")
        try await EmulatorHarness.with(settings: settings) { harness in
            let code = try await harness.authorize()
            let wrong = try await harness.call(
                "/v2/oauth2",
                [
                    "action": "requesttoken", "grant_type": "authorization_code", "client_id": "app",
                    "client_secret": "wrong", "code": code, "redirect_uri": "http://127.0.0.1:9/cb",
                ])
            #expect(wrong["status"] == 503)
            #expect(wrong["error"] == "Invalid Params: invalid client_secret")
            let right = try await harness.call(
                "/v2/oauth2",
                [
                    "action": "requesttoken", "grant_type": "authorization_code", "client_id": "app",
                    "client_secret": "right", "code": try await harness.authorize(),
                    "redirect_uri": "http://127.0.0.1:9/cb",
                ])
            #expect(right["status"] == 0)
        }
        // Without configured credentials any pair is accepted (the harness sends app/secret).
        try await EmulatorHarness.with { harness in
            let body = try await harness.exchange(code: try await harness.authorize())
            #expect(body["userid"] == "10000001")
        }
    }

    @Test func unknownTokenActionIsRefused() async throws {
        try await EmulatorHarness.with { harness in
            let answer = try await harness.call("/v2/oauth2", ["action": "getnonce"])
            #expect(answer["status"] == 2555)
        }
    }
}
