import Foundation
import Locking

/// A real `mosquitto` broker on a free loopback port, run as a child process for tests.
///
/// Each broker has its own temp directory (config, log, password, ACL, database). It is killed and its directory
/// removed when the object goes away; `stop()` / `restart()` keep the port so clients can reconnect.
public final class MosquittoBroker: Sendable {
    /// The loopback port it listens on.
    public let port: Int
    /// Its own temp directory.
    public let directory: URL
    /// The rendered configuration file.
    public let configFile: URL
    /// How it was set up.
    public let configuration: MosquittoBrokerConfiguration

    private let process = Locked<SpawnedProcess?>(nil)

    /// Host to connect to.
    public var host: String { "127.0.0.1" }

    /// The broker's output before its log is open (stdout and stderr: configuration errors), then its log, which
    /// mosquitto writes line by line to a file (to stdout it buffers until exit); for diagnosing a failing test.
    public var log: String {
        ["mosquitto.out", "mosquitto.log"].map {
            (try? String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8)) ?? ""
        }.joined()
    }

    /// Starts a broker and returns once it runs and accepts TCP connections. Retries on another port if the chosen
    /// one was taken in the meantime.
    public static func start(_ configuration: MosquittoBrokerConfiguration = .init()) async throws -> MosquittoBroker {
        var lastError: (any Error)?
        for _ in 0..<5 {
            let broker = try MosquittoBroker(configuration: configuration, port: try MosquittoLoopback.freePort())
            try await broker.writePasswordFile()
            do {
                try await broker.launch()
                return broker
            } catch let error as MosquittoBrokerError {
                lastError = error
                guard case .exited(_, let log) = error, log.contains("Address already in use") else { throw error }
            }
        }
        throw lastError ?? MosquittoBrokerError.notListening(port: 0, log: "")
    }

    private init(configuration: MosquittoBrokerConfiguration, port: Int) throws {
        self.configuration = configuration
        self.port = port
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("mosquitto-\(UUID().uuidString)")
        configFile = directory.appendingPathComponent("mosquitto.conf")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let template = try String(contentsOf: Self.templateFile, encoding: .utf8)
        try configuration.render(template: template, port: port, directory: directory.path)
            .write(to: configFile, atomically: true, encoding: .utf8)
        if let acl = configuration.acl {
            try acl.write(to: directory.appendingPathComponent("acl"), atomically: true, encoding: .utf8)
        }
    }

    deinit {
        // The child's own deinit kills it if it still runs.
        process.withLock { $0 = nil }
        try? FileManager.default.removeItem(at: directory)
    }

    /// `mosquitto/test.conf` in this repository.
    static var templateFile: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("mosquitto/test.conf")
    }

    /// Whether the broker process runs.
    public var isRunning: Bool { process.withLock { $0?.isRunning ?? false } }

    /// Stops the broker: SIGTERM (saves the database when persistent) or, with `abruptly`, SIGKILL.
    public func stop(abruptly: Bool = false) async {
        guard let running = process.withLock({ $0 }), running.isRunning else { return }
        running.signal(abruptly ? SIGKILL : SIGTERM)
        _ = await running.waitForExit()
    }

    /// Starts the broker again on the same port and configuration.
    public func restart() async throws {
        await stop()
        try await launch()
    }

    /// Runs `mosquitto -c` and waits until it has logged that it runs and the port accepts connections.
    private func launch() async throws {
        let earlierLog = log.utf8.count  // a restart appends to the same log
        let child = try SpawnedProcess(
            try MosquittoLoopback.executable("mosquitto"), ["-c", configFile.path],
            outputPath: directory.appendingPathComponent("mosquitto.out").path
        )
        process.withLock { $0 = child }
        for _ in 0..<500 {
            if let status = child.terminationStatus {
                throw MosquittoBrokerError.exited(status: status, log: log)
            }
            // "running" is logged once every listener is bound: the connection that is then accepted is ours, not
            // another test's broker that got the same free port and bound it first.
            if log.utf8.dropFirst(earlierLog).contains(" running".utf8), MosquittoLoopback.accepts(port: port) {
                return
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        child.signal(SIGKILL)
        throw MosquittoBrokerError.notListening(port: port, log: log)
    }

    /// Writes `passwd` with `mosquitto_passwd -b` for every configured user.
    private func writePasswordFile() async throws {
        let file = directory.appendingPathComponent("passwd").path
        for (index, (user, password)) in configuration.users.sorted(by: { $0.key < $1.key }).enumerated() {
            let arguments = (index == 0 ? ["-c"] : []) + ["-b", file, user, password]
            let tool = try SpawnedProcess(try MosquittoLoopback.executable("mosquitto_passwd"), arguments)
            let status = await tool.waitForExit()
            guard status == 0 else { throw MosquittoBrokerError.passwordFile(user: user, status: status) }
        }
    }
}
