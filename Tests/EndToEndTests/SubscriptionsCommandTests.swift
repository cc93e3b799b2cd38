import Foundation
import TestSupport
import Testing

/// `withings2mqtt subscriptions`, against the emulator, next to a foreign subscription it must never touch.
@Suite(.timeLimit(.minutes(3)))
struct SubscriptionsCommandTests {
    @Test func listsOursAndOthersAndRevokesOnlyOurs() async throws {
        let world = try await BridgeWorld.start(accounts: ["alice"])
        defer { Task { await world.shutdown() } }
        #expect(try await world.authorize("alice", as: "alice").status == 0)
        try world.startBridge()
        try await world.recorder.waitFor("withings2mqtt/alice/diagnostics") { $0.contains("\"subscriptions_ok\":true") }
        world.bridge?.kill(signal: SIGTERM)
        _ = await world.bridge?.waitForExit(timeout: .seconds(5))

        // Another consumer of the same developer app (say, Home Assistant) holds its own subscription.
        let foreign = try FakeWebhookReceiver()
        let foreignURL = "http://127.0.0.1:\(foreign.port)/api/webhook/other"
        try await world.subscribeDirectly(user: "alice", callbackURL: foreignURL, appli: 50)

        let config = world.configFile.path
        let listed = try await ChildProcess.run("withings2mqtt", arguments: ["subscriptions", "--config", config])
        #expect(listed.status == 0, "\(listed.output)")
        #expect(listed.output.contains("alice: 8 subscription(s)"), "\(listed.output)")
        #expect(listed.output.components(separatedBy: "ours ").count - 1 == 7)
        #expect(listed.output.contains(foreignURL))
        #expect(!listed.output.contains(BridgeWorld.secret), "the webhook secret must not be printed")

        let revoked = try await ChildProcess.run(
            "withings2mqtt", arguments: ["subscriptions", "--config", config, "--revoke"])
        #expect(revoked.status == 0, "\(revoked.output)")
        #expect(revoked.output.components(separatedBy: "revoked appli").count - 1 == 7)
        let held = try await world.control("GET", "/_emulator/subscriptions")["subscriptions"] as? [[String: Any]] ?? []
        #expect(held.count == 1)
        #expect(held.first?["callbackurl"] as? String == foreignURL)
    }
}
