import Foundation
import Testing
import WithingsEmulator

@Suite struct TokenLifetimeTests {
    private static let goals = ["action": "getgoals"]

    @Test func refreshRotatesAndOldTokenIsRefusedAfterGrace() async throws {
        let clock = TestClock()
        try await EmulatorHarness.with(clock: clock) { harness in
            let (status, config) = try await harness.control(.POST, "/_emulator/config", ["refresh_grace_seconds": 60])
            #expect(status == 200)
            #expect(config["refresh_grace_seconds"]?.doubleValue == 60)
            let first = try await harness.exchange(code: try await harness.authorize())
            let oldRefresh = try #require(first["refresh_token"]?.stringValue)

            let rotated = try await harness.refresh(oldRefresh)
            #expect(rotated["status"] == 0)
            let newRefresh = try #require(rotated["body"]?["refresh_token"]?.stringValue)
            #expect(newRefresh != oldRefresh)
            #expect(rotated["body"]?["access_token"] != first["access_token"])

            clock.advance(by: 30)
            #expect(try await harness.refresh(oldRefresh)["status"] == 0, "within the grace period")
            clock.advance(by: 31)
            let refused = try await harness.refresh(oldRefresh)
            #expect(refused["status"] == 401)
            #expect(refused["body"] == .object([:]))
            #expect(try await harness.refresh(newRefresh)["status"] == 0, "the new token keeps working")
        }
    }

    @Test func oldRefreshTokenIsRefusedOnceTheNewAccessTokenIsUsed() async throws {
        try await EmulatorHarness.with { harness in
            let first = try await harness.exchange(code: try await harness.authorize())
            let oldRefresh = try #require(first["refresh_token"]?.stringValue)
            let rotated = try await harness.refresh(oldRefresh)
            let newAccess = try #require(rotated["body"]?["access_token"]?.stringValue)
            #expect(try await harness.call("/v2/user", Self.goals, token: newAccess)["status"] == 0)
            #expect(try await harness.refresh(oldRefresh)["status"] == 401)
        }
    }

    @Test func accessTokenExpiresAfterItsLifetime() async throws {
        let clock = TestClock()
        try await EmulatorHarness.with(settings: EmulatorSettings(accessTokenLifetime: 600), clock: clock) { harness in
            let body = try await harness.exchange(code: try await harness.authorize())
            #expect(body["expires_in"] == 600)
            let token = try #require(body["access_token"]?.stringValue)
            #expect(try await harness.call("/v2/user", Self.goals, token: token)["status"] == 0)
            clock.advance(by: 601)
            let expired = try await harness.call("/v2/user", Self.goals, token: token)
            #expect(expired == ["status": 401, "body": .object([:]), "error": "invalid_token"])
        }
    }

    @Test func wrongOrMissingTokenGives401WithHTTP200() async throws {
        try await EmulatorHarness.with { harness in
            let wrong = try await harness.postForm("/measure", ["action": "getmeas"], token: "nope")
            #expect(wrong.status == 200)
            #expect(
                try JSONValue.parse(Data(wrong.body)) == [
                    "status": 401, "body": .object([:]), "error": "invalid_token",
                ])
            let missing = try await harness.call("/v2/sleep", ["action": "getsummary"])
            #expect(missing["status"] == 401)
        }
    }

    @Test func accessTokenParameterIsAccepted() async throws {
        try await EmulatorHarness.with { harness in
            let token = try await harness.accessToken()
            let answer = try await harness.call("/v2/user", ["action": "getgoals", "access_token": token])
            #expect(answer["status"] == 0)
        }
    }

    @Test func controlExpiresAndRevokesTokens() async throws {
        try await EmulatorHarness.with { harness in
            let body = try await harness.exchange(code: try await harness.authorize())
            let access = try #require(body["access_token"]?.stringValue)
            let refresh = try #require(body["refresh_token"]?.stringValue)
            let (status, expired) = try await harness.control(.POST, "/_emulator/tokens/expire", ["userid": 10_000_001])
            #expect(status == 200)
            #expect(expired["tokens"] == 1)
            #expect(try await harness.call("/v2/user", Self.goals, token: access)["status"] == 401)
            let renewed = try await harness.refresh(refresh)
            #expect(renewed["status"] == 0, "expiry leaves refresh tokens usable")
            let newRefresh = try #require(renewed["body"]?["refresh_token"]?.stringValue)

            _ = try await harness.control(.POST, "/_emulator/tokens/revoke", ["user": "ha"])
            #expect(try await harness.refresh(newRefresh)["status"] == 401)
        }
    }
}
