import Foundation
import TestSupport
import Testing

/// `withings2mqtt check-config` as users run it.
@Suite struct CheckConfigEndToEndTests {
    private func write(_ yaml: String) throws -> URL {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("w2m-config-\(UUID().uuidString).yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func validConfigPrintsSettingsWithSecretsMasked() async throws {
        let file = try write(
            """
            mqtt:
              password: broker-password-123
            withings:
              client_id: my-client
              client_secret: very-secret-client-value
              redirect_uri: https://bridge.example.com/withings2mqtt/oauth/callback
            accounts:
              - name: alice
            """)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try await ChildProcess.run("withings2mqtt", arguments: ["check-config", "--config", file.path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("********"))
        #expect(result.output.contains("alice"))
        #expect(!result.output.contains("very-secret-client-value"))
        #expect(!result.output.contains("broker-password-123"))
    }

    @Test func brokenConfigGivesOneMessagePerProblemAndExitsNonZero() async throws {
        let file = try write(
            """
            mqtt:
              port: 70000
              base_topic: homeassistant
              discovery_prefx: homeassistant
            withings:
              client_id: my-client
              redirect_uri: https://bridge.example.com/cb
            accounts:
              - name: Alice Smith
            units: furlongs
            """)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try await ChildProcess.run("withings2mqtt", arguments: ["check-config", "--config", file.path])
        #expect(result.status == 2)
        for key in [
            "mqtt.port", "mqtt.base_topic", "mqtt.discovery_prefx", "withings.client_secret", "accounts", "units",
        ] {
            #expect(result.output.contains(key), "missing a message about \(key):\n\(result.output)")
        }
        #expect(result.output.contains("did you mean"))
        #expect(!result.output.contains("Fatal error"))
        #expect(!result.output.contains("Stack dump"))
    }

    @Test func missingFileIsAClearError() async throws {
        let result = try await ChildProcess.run(
            "withings2mqtt", arguments: ["check-config", "--config", "/nonexistent/withings2mqtt.yaml"])
        #expect(result.status == 2)
        #expect(result.output.contains("/nonexistent/withings2mqtt.yaml"))
    }

    @Test func runWithBrokenConfigRefusesToStart() async throws {
        let file = try write("mqtt: [\n")
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try await ChildProcess.run("withings2mqtt", arguments: ["run", "--config", file.path])
        #expect(result.status == 2)
        #expect(result.output.contains("line"))
    }
}
