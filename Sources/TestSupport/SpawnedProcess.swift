import Foundation
import Locking

#if canImport(Glibc)
    import Glibc
#endif

/// A child process started with `posix_spawn` and a clean signal mask.
///
/// Foundation's `Process` lets the child inherit the test runner's blocked signals: `mosquitto` then ignores
/// SIGTERM (no clean stop, no persistence save) and `mosquitto_sub -W` never times out (SIGALRM blocked).
/// Here every signal is unblocked and reset to its default in the child.
public final class SpawnedProcess: Sendable {
    /// The child's process id.
    public let pid: pid_t
    private let exitStatus = Locked<Int32?>(nil)

    /// Starts `executable` with `arguments`, stdout and stderr going to `outputPath` (appended) or /dev/null,
    /// with this process's environment plus `environment`.
    public init(
        _ executable: URL, _ arguments: [String], outputPath: String? = nil, environment: [String: String] = [:]
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let output = outputPath ?? "/dev/null"
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let merged = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var child: pid_t = 0
        let result = posix_spawn(&child, executable.path, &actions, &attributes, argv, envp)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EINVAL) }
        pid = child
        ChildRegistry.add(child)
    }

    deinit {
        if isRunning {
            kill(pid, SIGKILL)
            _ = reap(blocking: true)
        }
    }

    /// Whether the child still runs (reaps it once it ended).
    public var isRunning: Bool { reap(blocking: false) == nil }

    /// The exit status (or 128 + signal) once it ended.
    public var terminationStatus: Int32? { reap(blocking: false) }

    /// Sends a signal.
    public func signal(_ signal: Int32) {
        if isRunning { kill(pid, signal) }
    }

    /// Waits until the child ended and returns its status, polling so that no thread blocks.
    public func waitForExit() async -> Int32 {
        while true {
            if let status = reap(blocking: false) { return status }
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    private func reap(blocking: Bool) -> Int32? {
        exitStatus.withLock { known in
            if let known { return known }
            var status: Int32 = 0
            let result = waitpid(pid, &status, blocking ? 0 : WNOHANG)
            guard result == pid else { return nil }
            ChildRegistry.remove(pid)
            // WIFEXITED / WEXITSTATUS / WTERMSIG by hand: the C macros are not imported.
            let signal = status & 0x7f
            known = signal == 0 ? (status >> 8) & 0xff : 128 + signal
            return known
        }
    }
}
