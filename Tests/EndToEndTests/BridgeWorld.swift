import CurlTransport
import Foundation
import MQTTDiscovery
import MosquittoClient
import TestSupport
import WithingsAPI

/// One end-to-end setup with real processes: a mosquitto broker, the Withings emulator, a configuration in a
/// fresh temporary state directory, and `withings2mqtt run` as a child process.
final class BridgeWorld: @unchecked Sendable {
    let broker: MosquittoBroker
    let emulator: EmulatorProcess
    let recorder: MessageRecorder
    let directory: URL
    let configFile: URL
    let webhookPort: Int
    let accounts: [String]
    let http = CurlHTTPTransport(version: "test")
    static let secret = "e2e-secret-0123456789abcdef"
    private(set) var bridge: ChildProcess?
    private var runs = 0

    private init(
        broker: MosquittoBroker, emulator: EmulatorProcess, recorder: MessageRecorder, directory: URL,
        webhookPort: Int, accounts: [String], extraYAML: String, pollInterval: String
    ) throws {
        self.broker = broker
        self.emulator = emulator
        self.recorder = recorder
        self.directory = directory
        self.webhookPort = webhookPort
        self.accounts = accounts
        configFile = directory.appendingPathComponent("config.yaml")
        var config = BridgeConfigFile(
            brokerPort: broker.port, clientIDPrefix: "w2m-e2e",
            withingsClient: ("e2e-client", "e2e-client-secret-value"),
            emulatorURL: emulator.baseURL, accounts: accounts, webhookPort: webhookPort, webhookSecret: Self.secret,
            stateDirectory: directory.appendingPathComponent("state").path, logLevel: "debug")
        config.pollInterval = pollInterval
        config.extraYAML = extraYAML
        try config.write(to: configFile)
    }

    /// Starts the broker, the emulator (with `emulatorArguments`) and a recorder subscribed to everything.
    static func start(
        emulatorArguments: [String] = [], accounts: [String] = ["alice", "bob"], pollInterval: String = "1h",
        extraYAML: String = ""
    ) async throws -> BridgeWorld {
        let broker = try await MosquittoBroker.start()
        let emulator = try await EmulatorProcess.start(arguments: emulatorArguments)
        let recorder = try await MessageRecorder.start(port: broker.port)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("w2m-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return try BridgeWorld(
            broker: broker, emulator: emulator, recorder: recorder, directory: directory,
            webhookPort: try MosquittoLoopback.freePort(), accounts: accounts, extraYAML: extraYAML,
            pollInterval: pollInterval)
    }

    /// A world with one account, alice, logged in and the bridge through its first cycle and subscriptions.
    static func aliceSettled() async throws -> BridgeWorld {
        let world = try await start(accounts: ["alice"])
        let login = try await world.authorize("alice", as: "alice")
        guard login.status == 0 else { throw WorldError("auth failed: \(login.output)") }
        try world.startBridge()
        try await world.waitUntilSettled()
        return world
    }

    /// Logs `account` in as the emulator user `user` (an id or a name) through `withings2mqtt auth`.
    @discardableResult
    func authorize(_ account: String, as user: String) async throws -> (status: Int32, output: String) {
        let location = try await authorizeRedirect(user: user)
        return try await ChildProcess.run(
            "withings2mqtt",
            arguments: ["auth", "--config", configFile.path, "--account", account, "--redirect-url", location])
    }

    /// Follows the emulator's authorize page and returns the redirect it answers with.
    func authorizeRedirect(user: String, state: String = "e2e") async throws -> String {
        let url =
            WithingsRequest.authorizeURL(
                clientID: "e2e-client", redirectURI: "http://127.0.0.1:\(webhookPort)/oauth/callback", state: state,
                base: "\(emulator.baseURL)/oauth2_user/authorize2") + "&userid=\(user)"
        let response = try await http.send(TransportRequest(method: "GET", url: url))
        guard response.status == 302, let location = response.header("Location") else {
            throw WorldError("authorize answered \(response.status)")
        }
        return location
    }

    /// Starts `withings2mqtt run` with the systemd unit's environment and `environment` on top.
    func startBridge(environment: [String: String] = [:]) throws {
        runs += 1
        bridge = try ChildProcess(
            "withings2mqtt", arguments: ["run", "--config", configFile.path],
            environment: ServiceUnit.environment.merging(environment) { $1 },
            logFile: directory.appendingPathComponent("bridge-\(runs).log"))
    }

    /// Runs `body`; when it throws, the error comes back with the end of the bridge's log (debug level), which
    /// `shutdown` deletes with the rest of the directory.
    func withBridgeLog<T>(lines: Int = 60, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            let tail =
                bridge.map { $0.output.split(separator: "\n").suffix(lines).joined(separator: "\n") } ?? "(not started)"
            throw WorldError("\(error)\n--- the last \(lines) lines of bridge-\(runs).log ---\n\(tail)")
        }
    }

    /// Waits until every account finished its first cycle and the bridge went quiet
    /// (`MessageRecorder.waitUntilSettled`).
    func waitUntilSettled() async throws {
        try await recorder.waitUntilSettled(accounts: accounts)
    }

    /// Calls a control endpoint of the emulator and returns the JSON answer.
    @discardableResult
    func control(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> [String: Any] {
        let bytes = try body.map { Array(try JSONSerialization.data(withJSONObject: $0)) }
        let response = try await http.send(
            TransportRequest(
                method: method, url: emulator.baseURL + path,
                headers: [TransportHeader("Content-Type", "application/json")],
                body: bytes))
        guard response.status == 200 else {
            throw WorldError(
                "\(method) \(path) answered \(response.status): \(String(decoding: response.body, as: UTF8.self))")
        }
        return (try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]) ?? [:]
    }

    /// The emulator's user id of a name.
    func userID(_ name: String) async throws -> Int64 {
        let users = try await control("GET", "/_emulator/users")["users"] as? [[String: Any]] ?? []
        guard let id = users.first(where: { $0["name"] as? String == name })?["userid"] as? Int else {
            throw WorldError("no emulator user \(name)")
        }
        return Int64(id)
    }

    /// Posts a raw webhook to the bridge's server.
    func postWebhook(
        path: String? = nil, body: [UInt8], contentType: String = "application/x-www-form-urlencoded"
    )
        async throws -> Int
    {
        let url = "http://127.0.0.1:\(webhookPort)\(path ?? "/webhook/\(Self.secret)")"
        let response = try await http.send(
            TransportRequest(
                method: "POST", url: url, headers: [TransportHeader("Content-Type", contentType)], body: body))
        return response.status
    }

    /// Publishes a retained message as another client would.
    func publishRetained(_ topic: String, _ payload: String, retain: Bool = true) async throws {
        let connection = try MosquittoConnection(
            options: MosquittoOptions(
                host: "127.0.0.1", port: broker.port, clientID: "pub-\(UUID().uuidString.prefix(8))"))
        try connection.start()
        try await connection.publish(MQTTMessage(topic: topic, string: payload, qos: 1, retain: retain))
        _ = await connection.shutdown(finalMessages: [], timeout: .seconds(2))
    }

    /// Subscribes a callback for `user` straight at the emulator, as another consumer of the app would.
    func subscribeDirectly(user: String, callbackURL: String, appli: Int) async throws {
        let location = try await authorizeRedirect(user: user, state: "other")
        let code = URLComponents(string: location)?.queryItems?.first { $0.name == "code" }?.value ?? ""
        let tokenResponse = try await http.send(
            TransportRequest(
                method: "POST", url: emulator.baseURL + "/v2/oauth2",
                headers: [TransportHeader("Content-Type", "application/x-www-form-urlencoded")],
                body: Array(
                    FormURLEncoding.encode([
                        ("action", "requesttoken"), ("grant_type", "authorization_code"), ("client_id", "other"),
                        ("client_secret", "other"), ("code", code),
                        ("redirect_uri", "http://127.0.0.1:\(webhookPort)/oauth/callback"),
                    ]).utf8)))
        let json = try JSONSerialization.jsonObject(with: Data(tokenResponse.body)) as? [String: Any]
        guard let access = (json?["body"] as? [String: Any])?["access_token"] as? String else {
            throw WorldError("no token: \(String(decoding: tokenResponse.body, as: UTF8.self))")
        }
        let response = try await http.send(
            TransportRequest(
                method: "POST", url: emulator.baseURL + "/notify",
                headers: [
                    TransportHeader("Authorization", "Bearer \(access)"),
                    TransportHeader("Content-Type", "application/x-www-form-urlencoded"),
                ],
                body: Array(
                    FormURLEncoding.encode([
                        ("action", "subscribe"), ("callbackurl", callbackURL), ("appli", String(appli)),
                    ]).utf8)))
        let answer = String(decoding: response.body, as: UTF8.self)
        guard answer.contains("\"status\":0") else { throw WorldError("subscribe failed: \(answer)") }
    }

    /// The state directory of the bridge.
    var stateDirectory: URL { directory.appendingPathComponent("state") }

    /// Stops everything and removes the state directory.
    func shutdown() async {
        bridge?.kill(signal: SIGKILL)
        _ = await bridge?.waitForExit(timeout: .seconds(5))
        await recorder.stop()
        await emulator.stop()
        await broker.stop()
        try? FileManager.default.removeItem(at: directory)
    }
}

/// A setup step failed.
struct WorldError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
