import Foundation
import TestSupport
import Testing
import WithingsAPI

/// Issue 6.2: the bridge SIGKILLed at random moments (during polls, token refreshes and webhook handling) and
/// restarted: no new login needed, the cursors never go back, and no state is lost or rolled back.
@Suite(.timeLimit(.minutes(15)))
struct BridgeCrashTests {
    @Test func randomSigkillsLoseNothing() async throws {
        let scale = FaultScale.current
        // Two-second access tokens: nearly every API call refreshes first, so kills land in refreshes too.
        let world = try await FaultWorld.start(
            emulatorArguments: ["--access-token-lifetime", "2"], accounts: ["alice"], pollInterval: "60s")
        defer { Task { await world.shutdown() } }
        #expect(try await world.authorize("alice", as: "alice").status == 0)
        let recorder = world.recorder
        let tokenFile = world.stateDirectory.appendingPathComponent("alice.token.json")
        let stateFile = world.stateDirectory.appendingPathComponent("alice.state.json")

        var random = SystemRandomNumberGenerator()
        var inBed: String?
        // nil until the first weigh-in: before it the emulator's generated history decides the weight.
        var weight: Double?
        var cursors: [String: Int64] = [:]
        var comebacks: [Duration] = []
        var killedDuring: [String: Int] = [:]
        var lostBedEvents = 0
        var journal: [String] = []
        for round in 1...scale.crashes {
            do {
                try await crashRound(round)
            } catch {
                let messages = recorder.since(0).map { "\($0.topic) \($0.payload)" }
                let kept = world.keepEvidence(
                    (["round \(round): \(error)"] + journal + ["messages:"] + messages).joined(separator: "\n"))
                Issue.record("round \(round): \(error); logs and state kept in \(kept)")
                throw error
            }
        }
        func crashRound(_ round: Int) async throws {
            let mark = recorder.count
            let started = ContinuousClock.now
            try world.startBridge()
            // Back: authorised without a new login, online, and showing the last acknowledged state.
            try await recorder.waitFor("withings2mqtt/alice/diagnostics", after: mark, timeout: .seconds(30)) {
                $0.contains("\"auth_state\":\"authorized\"")
            }
            try await recorder.waitFor("withings2mqtt/alice/availability", after: mark, timeout: .seconds(30)) {
                $0 == "online"
            }
            if let expectedWeight = Self.shown(weight) {
                // Generous: under a loaded machine the first poll may fail once and retry after its 30 s back-off.
                try await recorder.waitFor("withings2mqtt/alice/weight_kg", after: mark, timeout: .seconds(90)) {
                    $0 == expectedWeight
                }
            }
            if let inBed {
                let seen = recorder.since(mark).filter { $0.topic == "withings2mqtt/alice/in_bed" }.map(\.payload)
                if seen.contains(where: { $0 != inBed }) { lostBedEvents += 1 }
                #expect(seen.allSatisfy { $0 == inBed }, "round \(round): in_bed went \(seen), last event \(inBed)")
            }
            comebacks.append(ContinuousClock.now - started)

            // Work for the bridge: a bed event (handled at once), a weigh-in plus a webhook (a refresh after
            // the 2 s debounce, with a token refresh first), then a kill at a random moment.
            let activity = Int.random(in: 0...2, using: &random)
            if activity != 1 {
                let appli = Bool.random(using: &random) ? 50 : 51
                if try await world.fireWebhook(user: "alice", appli: appli) == 200 {
                    inBed = appli == 50 ? "ON" : "OFF"
                }
            }
            if activity != 0 {
                let next = (weight ?? 60.0) + 0.1
                weight = next
                try await world.control(
                    "POST", "/_emulator/measurements", ["user": "alice", "type": 1, "value": next])
                _ = try await world.fireWebhook(user: "alice", appli: 1)
            }
            let delay = Int.random(in: 0...3_000, using: &random)
            journal.append(
                "\(Date()) round \(round): activity \(activity), in_bed \(inBed ?? "-"), weight \(weight.map { "\($0)" } ?? "-"), kill after \(delay) ms"
            )
            try await Task.sleep(for: .milliseconds(delay))
            killedDuring[delay < 1_800 ? "webhook handling / debounce" : "refresh and poll", default: 0] += 1
            await world.killBridge()

            // The files the next start relies on: a readable token for the same user, cursors never behind.
            let token = try JSONDecoder().decode(OAuthToken.self, from: Data(contentsOf: tokenFile))
            #expect(token.userID == 10_000_001, "round \(round)")
            let now = try Self.cursors(in: stateFile)
            for (category, cursor) in cursors {
                #expect((now[category] ?? 0) >= cursor, "round \(round): cursor \(category) went back")
            }
            cursors = now
        }
        // One last start: everything that happened before the last kill is there.
        let mark = recorder.count
        try world.startBridge()
        if let finalWeight = Self.shown(weight) {
            // Generous: under a loaded machine the first poll may fail once and retry after its 30 s back-off.
            try await recorder.waitFor("withings2mqtt/alice/weight_kg", after: mark, timeout: .seconds(90)) {
                $0 == finalWeight
            }
        }
        if let inBed {
            try await recorder.waitFor("withings2mqtt/alice/in_bed", after: mark, timeout: .seconds(30)) {
                $0 == inBed
            }
        }
        let logs = world.allBridgeLogs
        #expect(!logs.contains("withings2mqtt auth --account"), "a crash forced a new login")
        let tokenRequests = try await world.requestCount("oauth2")
        figure(
            "crash",
            "\(scale.crashes) SIGKILLs (\(killedDuring.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))), "
                + "\(tokenRequests) token requests; new logins needed: 0; cursors behind: 0; "
                + "bed events lost: \(lostBedEvents)")
        figure("crash", "start to authorised, online and showing the last state: \(spread(comebacks))")
    }

    /// A posted weight as the bridge shows it (one decimal), nil before the first weigh-in.
    static func shown(_ weight: Double?) -> String? {
        weight.map { String(format: "%g", ($0 * 10).rounded() / 10) }
    }

    /// The cursors in an account's state file (category → epoch), whatever else the file holds.
    static func cursors(in file: URL) throws -> [String: Int64] {
        guard FileManager.default.fileExists(atPath: file.path) else { return [:] }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any]
        let cursors = json?["cursors"] as? [String: Any] ?? [:]
        return cursors.compactMapValues { ($0 as? NSNumber)?.int64Value }
    }
}
