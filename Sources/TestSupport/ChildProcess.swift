import Foundation

/// A program from the build folder run as a child process, with its output kept in a file for failure reports.
public final class ChildProcess: Sendable {
    private let child: SpawnedProcess
    /// Where standard output and error go.
    public let logFile: URL

    /// Starts `name` (found next to the test bundle, like the emulator) with `arguments` and `environment` added
    /// to this process's environment. Started with `posix_spawn` and a clean signal mask, so SIGTERM works.
    public init(_ name: String, arguments: [String], environment: [String: String] = [:], logFile: URL) throws {
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        child = try SpawnedProcess(Self.binary(name), arguments, outputPath: logFile.path, environment: environment)
        self.logFile = logFile
    }

    /// The child's process id.
    public var pid: Int32 { child.pid }

    /// Whether the child still runs.
    public var isRunning: Bool { child.isRunning }

    /// Sends a signal (SIGTERM by default) if it still runs.
    public func kill(signal: Int32 = SIGTERM) {
        child.signal(signal)
    }

    /// Waits for the exit up to `timeout`; returns the exit status (128 + signal when killed), or nil.
    public func waitForExit(timeout: Duration) async -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let status = child.terminationStatus { return status }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return nil
    }

    /// Everything the child wrote so far.
    public var output: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    /// Runs a program to completion and returns its exit status and combined output.
    public static func run(
        _ name: String, arguments: [String], environment: [String: String] = [:],
        timeout: Duration = .seconds(60)
    ) async throws -> (status: Int32, output: String) {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("w2m-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: log) }
        let child = try ChildProcess(name, arguments: arguments, environment: environment, logFile: log)
        guard let status = await child.waitForExit(timeout: timeout) else {
            child.kill(signal: SIGKILL)
            return (-1, child.output + "\n(timed out)")
        }
        return (status, child.output)
    }

    /// A binary next to the test bundle (the build folder), else under `.build/debug`; a name with a `/` is a path.
    public static func binary(_ name: String) throws -> URL {
        if name.contains("/") { return URL(fileURLWithPath: name) }
        let bundleDirectory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            .deletingLastPathComponent()
        let candidates = [
            bundleDirectory.appendingPathComponent(name).path,
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(
                ".build/debug/\(name)"
            ).path,
        ]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: candidates.joined(separator: ", ")])
        }
        return URL(fileURLWithPath: found)
    }
}
