import CurlTransport
import Foundation
import MQTTDiscovery
import MosquittoClient
import TestSupport
import WithingsAPI

/// One benchmark setup of real processes on loopback: mosquitto, the Withings emulator, a configuration in a
/// fresh state directory, and the release `withings2mqtt run` as a child process.
final class BenchWorld: @unchecked Sendable {
    /// The broker (mosquitto/test.conf).
    let broker: MosquittoBroker
    /// The Withings emulator.
    let emulator: EmulatorProcess
    /// Temporary directory with the configuration, state and logs.
    let directory: URL
    /// The bridge configuration.
    let configFile: URL
    /// The bridge's webhook listener port.
    let webhookPort: Int
    /// Account names, equal to the emulator user names.
    let accounts: [String]
    /// HTTP client for the emulator's control API.
    let http = CurlHTTPTransport(version: "bench")
    /// The webhook path secret.
    static let secret = "bench-secret-0123456789abcdef"
    /// The bridge binary `startBridge` runs: a name next to the bench, or a path (the static build).
    var bridgeBinary = "withings2mqtt"
    private(set) var bridge: ChildProcess?
    private var runs = 0

    /// Starts a broker and the emulator with `emulatorArguments`, and writes the bridge configuration.
    init(emulatorArguments: [String], accounts: [String], webhooks: Bool = true) async throws {
        broker = try await MosquittoBroker.start()
        emulator = try await EmulatorProcess.start(arguments: emulatorArguments, timeout: .seconds(120))
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("w2m-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        webhookPort = try MosquittoLoopback.freePort()
        self.accounts = accounts
        configFile = directory.appendingPathComponent("config.yaml")
        try writeConfig(brokerPort: broker.port, webhooks: webhooks)
    }

    /// (Re)writes the configuration, e.g. to point the bridge at another broker; poll intervals are the defaults.
    func writeConfig(brokerPort: Int, webhooks: Bool = true) throws {
        try BridgeConfigFile(
            brokerPort: brokerPort, clientIDPrefix: "w2m-bench",
            withingsClient: ("bench-client", "bench-client-secret-value"), emulatorURL: emulator.baseURL,
            accounts: accounts, webhookPort: webhookPort, webhookSecret: webhooks ? Self.secret : nil,
            stateDirectory: stateDirectory.path, logLevel: "warning"
        ).write(to: configFile)
    }

    /// The bridge's state directory.
    var stateDirectory: URL { directory.appendingPathComponent("state") }

    /// Logs every account in as the emulator user of the same name through `withings2mqtt auth`.
    func authorizeAll() async throws {
        for account in accounts {
            let url =
                WithingsRequest.authorizeURL(
                    clientID: "bench-client", redirectURI: "http://127.0.0.1:\(webhookPort)/oauth/callback",
                    state: "bench", base: "\(emulator.baseURL)/oauth2_user/authorize2") + "&userid=\(account)"
            let response = try await http.send(TransportRequest(method: "GET", url: url))
            guard response.status == 302, let location = response.header("Location") else {
                throw BenchError("authorize for \(account) answered \(response.status)")
            }
            let result = try await ChildProcess.run(
                "withings2mqtt",
                arguments: ["auth", "--config", configFile.path, "--account", account, "--redirect-url", location])
            guard result.status == 0 else { throw BenchError("auth \(account) failed: \(result.output)") }
        }
    }

    /// Starts `withings2mqtt run`; returns the instant just before the spawn.
    @discardableResult
    func startBridge() throws -> ContinuousClock.Instant {
        runs += 1
        let started = ContinuousClock.now
        bridge = try ChildProcess(
            bridgeBinary, arguments: ["run", "--config", configFile.path], environment: ServiceUnit.environment,
            logFile: directory.appendingPathComponent("bridge-\(runs).log"))
        return started
    }

    /// Stops the bridge with SIGTERM and waits for it.
    func stopBridge() async {
        bridge?.kill()
        if await bridge?.waitForExit(timeout: .seconds(10)) == nil { bridge?.kill(signal: SIGKILL) }
        bridge = nil
    }

    /// The running bridge's process id.
    var bridgePID: Int32 {
        get throws {
            guard let bridge, bridge.isRunning else { throw BenchError("the bridge is not running") }
            return bridge.pid
        }
    }

    /// Calls a control endpoint of the emulator and returns the JSON answer.
    @discardableResult
    func control(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> [String: Any] {
        let bytes = try body.map { Array(try JSONSerialization.data(withJSONObject: $0)) }
        let response = try await http.send(
            TransportRequest(
                method: method, url: emulator.baseURL + path,
                headers: [TransportHeader("Content-Type", "application/json")], body: bytes))
        guard response.status == 200 else {
            throw BenchError(
                "\(method) \(path) answered \(response.status): \(String(decoding: response.body, as: UTF8.self))")
        }
        return (try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]) ?? [:]
    }

    /// The emulator's users: name → user id.
    func userIDs() async throws -> [String: Int] {
        let users = try await control("GET", "/_emulator/users")["users"] as? [[String: Any]] ?? []
        var result: [String: Int] = [:]
        for user in users {
            if let name = user["name"] as? String, let id = user["userid"] as? Int { result[name] = id }
        }
        return result
    }

    /// The emulator's request counts per endpoint since the last reset.
    func requestCounts() async throws -> (total: Int, endpoints: [String: Int]) {
        let answer = try await control("GET", "/_emulator/requests")
        return (answer["total"] as? Int ?? 0, answer["endpoints"] as? [String: Int] ?? [:])
    }

    /// Zeroes the emulator's request counts.
    func resetRequestCounts() async throws { try await control("POST", "/_emulator/requests/reset") }

    /// Waits until every account's diagnostics after `mark` carry a `last_poll`; returns the last arrival.
    func waitForFirstCycle(
        _ recorder: Recorder, after mark: Int, timeout: Duration = .seconds(120)
    ) async throws
        -> ContinuousClock.Instant
    {
        var arrivals: [ContinuousClock.Instant] = []
        for account in accounts {
            let entry = try await recorder.waitFor(
                "withings2mqtt/\(account)/diagnostics", after: mark, timeout: timeout
            ) { $0.contains("\"last_poll\":\"") }
            arrivals.append(entry.at)
        }
        return arrivals.max()!
    }

    /// Stops everything and removes the state directory.
    func shutdown() async {
        await stopBridge()
        await emulator.stop()
        await broker.stop()
        try? FileManager.default.removeItem(at: directory)
    }
}
