import CurlTransport
import Foundation
import MQTTDiscovery
import MosquittoClient
import TestSupport
import WithingsAPI

/// One fault-suite setup with real processes (adapted from EndToEndTests' `BridgeWorld`): a mosquitto broker
/// (optionally with a password), the Withings emulator, a configuration in a fresh state directory, a recorder
/// subscribed to everything, and `withings2mqtt run` as a child process that can be killed and restarted.
final class FaultWorld: @unchecked Sendable {
    let broker: MosquittoBroker
    let emulator: EmulatorProcess
    let recorder: MessageRecorder
    let directory: URL
    let configFile: URL
    let webhookPort: Int
    let accounts: [String]
    let http = CurlHTTPTransport(version: "faults", totalTimeout: .seconds(10))
    let mqttUser: String?
    let mqttPassword: String?
    static let secret = "fault-webhook-secret-5f1c9a7e2b"
    static let clientSecret = "fault-client-secret-8d3e6b0a4c"
    private(set) var bridge: ChildProcess?
    private(set) var runs = 0

    private init(
        broker: MosquittoBroker, emulator: EmulatorProcess, recorder: MessageRecorder, directory: URL,
        webhookPort: Int, accounts: [String], pollInterval: String, mqttUser: String?, mqttPassword: String?
    ) throws {
        self.broker = broker
        self.emulator = emulator
        self.recorder = recorder
        self.directory = directory
        self.webhookPort = webhookPort
        self.accounts = accounts
        self.mqttUser = mqttUser
        self.mqttPassword = mqttPassword
        configFile = directory.appendingPathComponent("config.yaml")
        var config = BridgeConfigFile(
            brokerPort: broker.port, clientIDPrefix: "w2m-faults", withingsClient: ("fault-client", Self.clientSecret),
            emulatorURL: emulator.baseURL, accounts: accounts, webhookPort: webhookPort, webhookSecret: Self.secret,
            stateDirectory: directory.appendingPathComponent("state").path, logLevel: "debug")
        config.mqttCredentials = mqttUser.map { ($0, mqttPassword ?? "") }
        config.pollInterval = pollInterval
        try config.write(to: configFile)
    }

    /// Starts the broker, the emulator (with `emulatorArguments`) and a recorder subscribed to everything.
    static func start(
        emulatorArguments: [String] = [], accounts: [String] = ["alice", "bob"], pollInterval: String = "1h",
        mqttUser: String? = nil, mqttPassword: String? = nil
    ) async throws -> FaultWorld {
        let users = mqttUser.map { [$0: mqttPassword ?? "", "recorder": "recorder-pass"] } ?? [:]
        let broker = try await MosquittoBroker.start(MosquittoBrokerConfiguration(users: users))
        let emulator = try await EmulatorProcess.start(
            arguments: ["--client-id", "fault-client", "--client-secret", clientSecret] + emulatorArguments)
        let recorder = try await MessageRecorder.start(
            port: broker.port, username: mqttUser == nil ? nil : "recorder",
            password: mqttUser == nil ? nil : "recorder-pass")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("w2m-faults-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return try FaultWorld(
            broker: broker, emulator: emulator, recorder: recorder, directory: directory,
            webhookPort: try MosquittoLoopback.freePort(), accounts: accounts, pollInterval: pollInterval,
            mqttUser: mqttUser, mqttPassword: mqttPassword)
    }

    /// Logs `account` in as the emulator user `user` (an id or a name) through `withings2mqtt auth`.
    @discardableResult
    func authorize(_ account: String, as user: String) async throws -> (status: Int32, output: String) {
        let url =
            WithingsRequest.authorizeURL(
                clientID: "fault-client", redirectURI: "http://127.0.0.1:\(webhookPort)/oauth/callback",
                state: "faults", base: "\(emulator.baseURL)/oauth2_user/authorize2") + "&userid=\(user)"
        let response = try await http.send(TransportRequest(method: "GET", url: url))
        guard response.status == 302, let location = response.header("Location") else {
            throw FaultWorldError("authorize answered \(response.status)")
        }
        let result = try await ChildProcess.run(
            "withings2mqtt",
            arguments: ["auth", "--config", configFile.path, "--account", account, "--redirect-url", location])
        captured.append(result.output)
        return result
    }

    /// Output of short commands (auth, check-config), kept for the secret scan.
    private(set) var captured: [String] = []

    /// Starts `withings2mqtt run`.
    func startBridge() throws {
        runs += 1
        bridge = try ChildProcess(
            "withings2mqtt", arguments: ["run", "--config", configFile.path], environment: ServiceUnit.environment,
            logFile: directory.appendingPathComponent("bridge-\(runs).log"))
    }

    /// Kills the bridge with `signal` and waits until it is gone.
    func killBridge(signal: Int32 = SIGKILL) async {
        bridge?.kill(signal: signal)
        _ = await bridge?.waitForExit(timeout: .seconds(10))
    }

    /// Every bridge log of this world so far, in order.
    var allBridgeLogs: String {
        (1...max(1, runs)).map {
            (try? String(contentsOf: directory.appendingPathComponent("bridge-\($0).log"), encoding: .utf8)) ?? ""
        }.joined(separator: "\n")
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
            throw FaultWorldError(
                "\(method) \(path) answered \(response.status): \(String(decoding: response.body, as: UTF8.self))")
        }
        return (try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]) ?? [:]
    }

    /// Fires a webhook through the emulator and returns the bridge's HTTP status for it (nil: no answer).
    func fireWebhook(user: String, appli: Int) async throws -> Int? {
        let answer = try await control("POST", "/_emulator/webhooks", ["user": user, "appli": appli])
        let deliveries = answer["deliveries"] as? [[String: Any]] ?? []
        return deliveries.first?["http_status"] as? Int
    }

    /// Number of requests the emulator served on endpoints whose name contains `endpoint` (e.g. "getmeas").
    func requestCount(_ endpoint: String) async throws -> Int {
        let counts = try await control("GET", "/_emulator/requests")
        return (counts["endpoints"] as? [String: Int] ?? [:]).filter { $0.key.contains(endpoint) }.values.reduce(0, +)
    }

    /// Posts a valid-looking webhook straight to the bridge and returns its HTTP status.
    func postWebhook(body: String) async throws -> Int {
        let response = try await http.send(
            TransportRequest(
                method: "POST", url: "http://127.0.0.1:\(webhookPort)/webhook/\(Self.secret)",
                headers: [TransportHeader("Content-Type", "application/x-www-form-urlencoded")],
                body: Array(body.utf8)))
        return response.status
    }

    /// The state directory of the bridge.
    var stateDirectory: URL { directory.appendingPathComponent("state") }

    /// Copies the bridge logs and the state directory to a kept directory and returns its path, so a failure
    /// can be diagnosed after `shutdown` removed the world.
    func keepEvidence(_ reason: String) -> String {
        let kept = FileManager.default.temporaryDirectory.appendingPathComponent(
            "w2m-fault-evidence-\(UUID().uuidString)")
        try? FileManager.default.copyItem(at: directory, to: kept)
        try? FileManager.default.copyItem(
            atPath: emulator.logPath, toPath: kept.appendingPathComponent("emulator.log").path)
        try? Array(reason.utf8).withUnsafeBufferPointer {
            try Data(buffer: $0).write(to: kept.appendingPathComponent("reason.txt"))
        }
        return kept.path
    }

    /// Stops everything and removes the state directory.
    func shutdown() async {
        await killBridge()
        await recorder.stop()
        await emulator.stop()
        await broker.stop()
        try? FileManager.default.removeItem(at: directory)
    }
}

/// A setup step failed.
struct FaultWorldError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
