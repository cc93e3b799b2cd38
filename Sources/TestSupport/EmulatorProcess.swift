import Foundation
import Locking

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs the built `withings-emulator` binary on a free loopback port for tests, and stops it again.
///
/// The binary is looked up next to the running test bundle (the directory of `/proc/self/exe`), unless the
/// `WITHINGS_EMULATOR_BINARY` environment variable names one. `swift build --build-tests` builds it.
public final class EmulatorProcess: Sendable {
    /// Why the emulator could not be started.
    public enum LaunchError: Error, CustomStringConvertible {
        /// No executable was found at any of these paths.
        case binaryNotFound([String])
        /// The process ended before it printed its listening line.
        case exitedEarly(status: Int32, output: String)
        /// It did not listen and answer within the timeout.
        case timedOut(output: String)

        /// A readable explanation with the fix.
        public var description: String {
            switch self {
            case .binaryNotFound(let paths):
                return "withings-emulator not found (looked at \(paths.joined(separator: ", "))); "
                    + "run `swift build --build-tests` or set WITHINGS_EMULATOR_BINARY"
            case .exitedEarly(let status, let output):
                return "withings-emulator exited with status \(status) before listening: \(output)"
            case .timedOut(let output):
                return "withings-emulator did not answer in time; its output so far: \(output)"
            }
        }
    }

    /// The port it listens on.
    public let port: Int
    /// `http://127.0.0.1:PORT`.
    public let baseURL: String
    private let process: Locked<SpawnedProcess?>
    /// The emulator's output file (removed by `stop()`).
    public let logPath: String

    private init(process: SpawnedProcess, port: Int, logPath: String) {
        self.process = Locked(process)
        self.port = port
        self.logPath = logPath
        self.baseURL = "http://127.0.0.1:\(port)"
    }

    deinit {
        // Forgotten without stop(): no waiting here, just make sure the child does not outlive the tests.
        process.withLock { $0?.signal(SIGKILL) }
    }

    /// Starts `withings-emulator --listen 127.0.0.1:0 <arguments>` and returns once it answers HTTP.
    ///
    /// Spawned with a clean signal mask (Foundation's `Process` passes on the test runner's blocked signals,
    /// and the emulator would then ignore SIGTERM).
    public static func start(arguments: [String] = [], timeout: Duration = .seconds(60)) async throws -> EmulatorProcess
    {
        let binary = try binaryURL()
        let logPath = FileManager.default.temporaryDirectory.appendingPathComponent("emulator-\(UUID().uuidString).log")
            .path
        let process = try SpawnedProcess(binary, ["--listen", "127.0.0.1:0"] + arguments, outputPath: logPath)
        let output = { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let port = listeningPort(in: output()), answers(port: port) {
                return EmulatorProcess(process: process, port: port, logPath: logPath)
            }
            if let status = process.terminationStatus {
                throw LaunchError.exitedEarly(status: status, output: output())
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        process.signal(SIGKILL)
        throw LaunchError.timedOut(output: output())
    }

    /// Sends SIGTERM, waits up to five seconds, then SIGKILL; returns the exit status the first time (nil after).
    ///
    /// Polls with `Task.sleep`: a blocking wait here would hold one of the cooperative pool's few threads (two
    /// on a 2-core machine) and stall every other test running at the same time.
    @discardableResult
    public func stop() async -> Int32? {
        guard
            let running = process.withLock({ current -> SpawnedProcess? in
                defer { current = nil }
                return current
            })
        else { return nil }
        running.signal(SIGTERM)
        let deadline = ContinuousClock.now + .seconds(5)
        while running.isRunning, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(10)) }
        running.signal(SIGKILL)
        let status = await running.waitForExit()
        try? FileManager.default.removeItem(atPath: logPath)
        return status
    }

    private static func listeningPort(in text: String) -> Int? {
        let marker = "listening on http://"
        guard let line = text.split(separator: "\n").first(where: { $0.contains(marker) }),
            let colon = line.lastIndex(of: ":")
        else { return nil }
        return Int(line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }

    /// The emulator executable: `WITHINGS_EMULATOR_BINARY`, else next to the test bundle, else `.build/debug`.
    public static func binaryURL() throws -> URL {
        var candidates: [String] = []
        if let override = ProcessInfo.processInfo.environment["WITHINGS_EMULATOR_BINARY"] {
            candidates.append(override)
        }
        let bundleDirectory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            .deletingLastPathComponent()
        candidates.append(bundleDirectory.appendingPathComponent("withings-emulator").path)
        candidates.append(
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(
                ".build/debug/withings-emulator"
            ).path)
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw LaunchError.binaryNotFound(candidates)
        }
        return URL(fileURLWithPath: found)
    }

    // Connects and asks GET /_emulator/health; true on an HTTP 200 status line.
    private static func answers(port: Int) -> Bool {
        #if canImport(Glibc)
            let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let socket = Darwin.socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard socket >= 0 else { return false }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { return false }
        let request = "GET /_emulator/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        guard request.withCString({ send(socket, $0, strlen($0), 0) }) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = recv(socket, &buffer, buffer.count, 0)
        guard count > 0 else { return false }
        return String(decoding: buffer[0..<count], as: UTF8.self).hasPrefix("HTTP/1.1 200")
    }
}
