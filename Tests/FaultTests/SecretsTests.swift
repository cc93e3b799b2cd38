import Foundation
import Locking
import Synchronization
import TestSupport
import Testing
import WithingsAPI

/// Issue 6.6: file permissions checked at start, no secret in any captured output, and the systemd unit's
/// exposure rating.
@Suite(.timeLimit(.minutes(5)))
struct SecretsTests {
    @Test func permissionsAreFixedAndNoSecretLeaks() async throws {
        let mqttPassword = "mqtt-password-3b9f0c2e71"
        let world = try await FaultWorld.start(
            emulatorArguments: ["--access-token-lifetime", "2"], pollInterval: "60s", mqttUser: "bridge",
            mqttPassword: mqttPassword)
        defer { Task { await world.shutdown() } }
        #expect(try await world.authorize("alice", as: "alice").status == 0)
        #expect(try await world.authorize("bob", as: "bob").status == 0)

        // Too-open permissions, as a careless copy would leave them.
        let state = world.stateDirectory.path
        let tokenFiles = ["alice", "bob"].map { "\(state)/\($0).token.json" }
        chmod(state, 0o755)
        for file in tokenFiles { chmod(file, 0o644) }
        try world.startBridge()
        let recorder = world.recorder
        try await recorder.waitUntilSettled(accounts: ["alice", "bob"])
        #expect(Self.mode(state) == 0o700)
        for file in tokenFiles { #expect(Self.mode(file) == 0o600, "\(file)") }
        let log = world.bridge?.output ?? ""
        #expect(log.contains("changed to 0700"), "no warning about the state directory")
        #expect(log.split(separator: "\n").filter { $0.contains("changed to 0600") }.count == 2)

        // Activity that touches every secret: rotating tokens, webhooks, a wrong secret, faults, a revocation.
        let tokens = Locked(Set<String>())
        let sampler = Task {
            while !Task.isCancelled {
                for file in tokenFiles {
                    if let bytes = try? Data(contentsOf: URL(fileURLWithPath: file)),
                        let json = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any]
                    {
                        for (key, value) in json where key.lowercased().contains("token") {
                            if let text = value as? String, text.count >= 8 { tokens.withLock { _ = $0.insert(text) } }
                        }
                    }
                }
                try? await Task.sleep(for: .milliseconds(100))
            }
        }
        for round in 0..<4 {
            try await world.control(
                "POST", "/_emulator/measurements", ["user": "alice", "type": 1, "value": 70 + round])
            _ = try await world.fireWebhook(user: "alice", appli: 1)
            _ = try await world.fireWebhook(user: "bob", appli: round % 2 == 0 ? 50 : 51)
            _ = try? await world.http.send(
                TransportRequest(
                    method: "POST", url: "http://127.0.0.1:\(world.webhookPort)/webhook/not-the-secret",
                    body: Array("userid=10000001&appli=50".utf8)))
            try await Task.sleep(for: .seconds(3))
        }
        try await world.control("POST", "/_emulator/faults", ["kind": "malformed", "count": 1, "path": "/measure"])
        _ = try await world.fireWebhook(user: "alice", appli: 1)
        try await world.control("POST", "/_emulator/tokens/revoke", ["user": "bob"])
        try await world.control("POST", "/_emulator/tokens/expire", ["user": "bob"])
        _ = try await world.fireWebhook(user: "bob", appli: 1)
        try await recorder.waitFor("withings2mqtt/bob/availability") { $0 == "offline" }
        try await Task.sleep(for: .seconds(3))
        sampler.cancel()
        let checkConfig = try await ChildProcess.run(
            "withings2mqtt", arguments: ["check-config", "--config", world.configFile.path])
        #expect(checkConfig.status == 0, "\(checkConfig.output)")
        await world.killBridge(signal: SIGTERM)

        var secrets = [
            "client secret": FaultWorld.clientSecret, "webhook secret": FaultWorld.secret,
            "MQTT password": mqttPassword,
        ]
        for (index, token) in tokens.withLock({ $0 }).sorted().enumerated() { secrets["token \(index)"] = token }
        let mqtt = recorder.since(0).map { "\($0.topic) \($0.payload)" }.joined(separator: "\n")
        let sources = [
            "bridge log": world.allBridgeLogs, "auth output": world.captured.joined(separator: "\n"),
            "check-config": checkConfig.output, "MQTT topics and payloads": mqtt,
        ]
        var leaks: [String] = []
        for (source, text) in sources {
            for (name, secret) in secrets where text.contains(secret) { leaks.append("\(name) in \(source)") }
        }
        #expect(leaks.isEmpty, "secrets leaked: \(leaks)")
        #expect(tokens.withLock { $0.count } >= 4, "too few tokens captured to be a test")
        let bytes = sources.values.map(\.utf8.count).reduce(0, +)
        figure(
            "secrets",
            "state dir 0755 -> 0700 and 2 token files 0644 -> 0600 fixed at start with a warning each; "
                + "\(secrets.count) secrets (\(secrets.count - 3) rotated tokens) searched in \(bytes) bytes of logs, "
                + "auth/check-config output and \(recorder.count) MQTT messages: \(leaks.count) found")
    }

    @Test func systemdUnitExposure() async throws {
        let unit = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("systemd/withings2mqtt.service").path
        guard
            let analyze = ["/usr/bin/systemd-analyze", "/bin/systemd-analyze"].first(where: {
                FileManager.default.isExecutableFile(atPath: $0)
            })
        else {
            Issue.record("systemd-analyze is not installed")
            return
        }
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("w2m-sa-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: log) }
        let process = try SpawnedProcess(
            URL(fileURLWithPath: analyze), ["security", "--offline=true", "--no-pager", unit], outputPath: log.path)
        _ = await process.waitForExit()
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        let line = output.split(separator: "\n").first { $0.contains("Overall exposure level") } ?? ""
        let score = line.split(separator: ":").last?.split(separator: " ").first.flatMap { Double($0) }
        let rating = try #require(score, "no rating in: \(output.suffix(500))")
        #expect(rating <= 2.5)
        figure("secrets", "systemd-analyze security --offline=true: \(line.trimmingCharacters(in: .whitespaces))")
    }

    /// The daemons of the end-to-end, fault and benchmark runs get the unit's environment from this parse.
    @Test func systemdUnitEnvironmentIsWhatTheTestedDaemonsGet() {
        #expect(ServiceUnit.environment == ["GNUTLS_NO_IMPLICIT_INIT": "1", "MALLOC_ARENA_MAX": "2"])
    }

    static func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? Int ?? 0) & 0o777
    }
}
