import Foundation
import TestSupport
import Testing

/// Issue 6.5: a corpus of broken configuration files. `check-config` and `run` must each give one clear
/// message per problem naming the key, exit non-zero, and never show a stack trace.
@Suite struct BadConfigurationTests {
    /// One broken file: its text (nil: written specially by the test), the keys the messages must name.
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var yaml: String
        var keys: [String]
        var description: String { name }
    }

    static let valid = """
        mqtt:
          host: 127.0.0.1
        withings:
          client_id: my-client
          client_secret: very-secret-client-value
          redirect_uri: https://bridge.example.com/withings2mqtt/oauth/callback
        accounts:
          - name: alice
        """

    static let cases: [Case] = [
        Case(name: "bad YAML", yaml: "mqtt: [\n  host: x\n", keys: ["line"]),
        Case(name: "tab indentation", yaml: "mqtt:\n\thost: x\n", keys: ["line"]),
        Case(name: "not a mapping", yaml: "- just\n- a list\n", keys: ["mapping"]),
        Case(
            name: "wrong type: port", yaml: valid.replacingOccurrences(of: "host: 127.0.0.1", with: "port: abc"),
            keys: ["mqtt.port"]),
        Case(
            name: "wrong type: accounts", yaml: valid.replacingOccurrences(of: "  - name: alice", with: "  alice: yes"),
            keys: ["accounts"]),
        Case(
            name: "wrong type: tls", yaml: valid.replacingOccurrences(of: "host: 127.0.0.1", with: "tls: maybe"),
            keys: ["mqtt.tls"]),
        Case(name: "unknown top-level key", yaml: valid + "\nfrobnicate: 1\n", keys: ["frobnicate"]),
        Case(
            name: "misspelt key", yaml: valid.replacingOccurrences(of: "host:", with: "hots:"),
            keys: ["mqtt.hots", "did you mean"]),
        Case(
            name: "missing client secret",
            yaml: valid.replacingOccurrences(of: "  client_secret: very-secret-client-value\n", with: ""),
            keys: ["withings.client_secret"]),
        Case(
            name: "missing client id", yaml: valid.replacingOccurrences(of: "  client_id: my-client\n", with: ""),
            keys: ["withings.client_id"]),
        Case(
            name: "missing secret file",
            yaml: valid.replacingOccurrences(
                of: "client_secret: very-secret-client-value", with: "client_secret_file: /nonexistent/secret"),
            keys: ["withings.client_secret_file", "/nonexistent/secret"]),
        Case(
            name: "port 0", yaml: valid.replacingOccurrences(of: "host: 127.0.0.1", with: "port: 0"),
            keys: ["mqtt.port"]),
        Case(
            name: "port 70000", yaml: valid.replacingOccurrences(of: "host: 127.0.0.1", with: "port: 70000"),
            keys: ["mqtt.port"]),
        Case(
            name: "port -1", yaml: valid.replacingOccurrences(of: "host: 127.0.0.1", with: "port: -1"),
            keys: ["mqtt.port"]),
        Case(
            name: "webhook listen port",
            yaml: valid + "\nwebhook:\n  enabled: true\n  listen: 0.0.0.0:99999\n  public_url: https://x.example\n",
            keys: ["webhook.listen"]),
        Case(
            name: "base topic = discovery prefix",
            yaml: valid.replacingOccurrences(of: "host: 127.0.0.1", with: "base_topic: homeassistant"),
            keys: ["mqtt.base_topic"]),
        Case(
            name: "no accounts",
            yaml: valid.replacingOccurrences(of: "  - name: alice", with: "  []").replacingOccurrences(
                of: "accounts:\n  []", with: "accounts: []"), keys: ["accounts"]),
        Case(
            name: "bad account name", yaml: valid.replacingOccurrences(of: "name: alice", with: "name: Alice Smith"),
            keys: ["accounts"]),
        Case(name: "duplicate accounts", yaml: valid + "\n  - name: alice\n", keys: ["accounts"]),
        Case(name: "poll interval too short", yaml: valid + "\npoll:\n  interval: 10s\n", keys: ["poll.interval"]),
        Case(name: "bad log level", yaml: valid + "\nlog_level: loud\n", keys: ["log_level"]),
        Case(name: "bad units", yaml: valid + "\nunits: furlongs\n", keys: ["units"]),
        Case(name: "empty file", yaml: "", keys: ["withings"]),
        Case(name: "invalid UTF-8", yaml: "mqtt:\n  host: \u{FFFD}\n\u{0}\u{1}", keys: []),
        Case(
            name: "several problems at once", yaml: "mqtt:\n  port: 70000\n  base_topic: homeassistant\nunits: x\n",
            keys: ["mqtt.port", "mqtt.base_topic", "units", "withings.client_secret", "accounts"]),
    ]

    @Test(arguments: cases)
    func brokenFileIsExplained(_ broken: Case) async throws {
        let file = try write(broken.yaml)
        defer { try? FileManager.default.removeItem(at: file) }
        for command in ["check-config", "run"] {
            let result = try await ChildProcess.run(
                "withings2mqtt", arguments: [command, "--config", file.path], timeout: .seconds(20))
            Self.expectClean(result, keys: broken.keys, context: "\(broken.name) / \(command)")
        }
    }

    @Test func unreadableAndMissingFiles() async throws {
        let unreadable = try write(Self.valid)
        defer { try? FileManager.default.removeItem(at: unreadable) }
        chmod(unreadable.path, 0o000)
        let directory = FileManager.default.temporaryDirectory.path
        var outcomes: [String] = []
        let paths =
            geteuid() == 0
            ? [directory, "/nonexistent/w2m.yaml"] : [unreadable.path, directory, "/nonexistent/w2m.yaml"]
        for path in paths {
            let result = try await ChildProcess.run("withings2mqtt", arguments: ["check-config", "--config", path])
            Self.expectClean(result, keys: [path], context: path)
            outcomes.append(result.output.split(separator: "\n").first.map(String.init) ?? "")
        }
        figure("config", "unreadable / directory / missing file: \(outcomes)")
    }

    @Test func corpusFigures() async throws {
        for broken in Self.cases {
            let file = try write(broken.yaml)
            defer { try? FileManager.default.removeItem(at: file) }
            let result = try await ChildProcess.run(
                "withings2mqtt", arguments: ["check-config", "--config", file.path])
            Self.expectClean(result, keys: broken.keys, context: broken.name)
            print(
                "CONFIG \(broken.name) -> exit \(result.status): \(result.output.split(separator: "\n").prefix(3).joined(separator: " | "))"
            )
        }
        figure(
            "config",
            "\(Self.cases.count) broken files x {check-config, run}: every one exits non-zero with messages naming "
                + "the key, no stack trace")
    }

    static func expectClean(_ result: (status: Int32, output: String), keys: [String], context: String) {
        #expect(result.status != 0, "\(context): exit 0\n\(result.output)")
        #expect(result.status < 128, "\(context): killed by a signal\n\(result.output)")
        for marker in [
            "Fatal error", "Stack dump", "Backtrace", "#0 0x", "Current stack trace", "Swift runtime failure",
        ] {
            #expect(!result.output.contains(marker), "\(context): \(marker)\n\(result.output)")
        }
        for key in keys {
            #expect(result.output.contains(key), "\(context): no message names \(key)\n\(result.output)")
        }
        #expect(!result.output.contains("very-secret-client-value"), "\(context): the secret was printed")
        #expect(!result.output.isEmpty, "\(context): no message at all")
    }

    private func write(_ yaml: String) throws -> URL {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("w2m-bad-\(UUID().uuidString).yaml")
        // U+FFFD stands for raw invalid UTF-8 bytes in the corpus.
        var bytes: [UInt8] = []
        for scalar in yaml.unicodeScalars {
            if scalar == "\u{FFFD}" { bytes += [0xFF, 0xFE, 0xC0] } else { bytes += Array(String(scalar).utf8) }
        }
        try Data(bytes).write(to: file)
        return file
    }
}
