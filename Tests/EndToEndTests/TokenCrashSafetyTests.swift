import Foundation
import TestSupport
import Testing
import WithingsAPI

/// The bridge killed with SIGKILL at random moments while it refreshes tokens all the time: the token file must
/// always parse and still work, so nobody ever has to log in again after a crash.
@Suite(.timeLimit(.minutes(5)))
struct TokenCrashSafetyTests {
    @Test func sigkillDuringRefreshesNeverLosesTheTokens() async throws {
        // One-second access tokens: every API call refreshes first (the margin is ten minutes).
        let world = try await BridgeWorld.start(
            emulatorArguments: ["--access-token-lifetime", "1"], accounts: ["alice"])
        defer { Task { await world.shutdown() } }
        #expect(try await world.authorize("alice", as: "alice").status == 0)
        let tokenFile = world.stateDirectory.appendingPathComponent("alice.token.json")
        var generator = SystemRandomNumberGenerator()
        let kills = 50
        for round in 0..<kills {
            try world.startBridge()
            try await Task.sleep(for: .milliseconds(Int.random(in: 20...400, using: &generator)))
            world.bridge?.kill(signal: SIGKILL)
            _ = await world.bridge?.waitForExit(timeout: .seconds(5))
            let bytes = try Data(contentsOf: tokenFile)
            let token = try JSONDecoder().decode(OAuthToken.self, from: bytes)
            #expect(token.userID == 10_000_001, "round \(round)")
            let mode = try FileManager.default.attributesOfItem(atPath: tokenFile.path)[.posixPermissions] as? Int
            #expect(mode == 0o600, "round \(round)")
        }
        let counts = try await world.control("GET", "/_emulator/requests")
        let endpoints = counts["endpoints"] as? [String: Int] ?? [:]
        let refreshes = endpoints.filter { $0.key.contains("oauth2") }.values.reduce(0, +)
        print("\(kills) SIGKILLs during \(refreshes) token requests")
        #expect(refreshes > kills)

        // After all that the account still works without a new login.
        let mark = world.recorder.count
        try world.startBridge()
        try await world.recorder.waitFor("withings2mqtt/alice/diagnostics", after: mark) {
            $0.contains("\"auth_state\":\"authorized\"") && $0.contains("\"last_poll\":\"")
        }
        try await world.recorder.waitFor("withings2mqtt/alice/weight_kg", after: mark) { $0 != "None" }
        #expect(world.recorder.latest("withings2mqtt/alice/availability") == "online")
    }
}
