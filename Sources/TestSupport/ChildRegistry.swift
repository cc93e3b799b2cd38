import Locking

#if canImport(Glibc)
    import Glibc
#endif

/// The children of this test process that still run; whatever is left is killed when the process exits.
///
/// Tests clean up in `defer { Task { await world.shutdown() } }`, and the test runner may exit before such a task
/// runs, leaving a mosquitto on a loopback port behind every run on a developer's machine.
enum ChildRegistry {
    private static let live = Locked<Set<pid_t>>([])
    private static let exitHook: Void = {
        atexit { ChildRegistry.killAll() }
    }()

    /// Records a child that was just started.
    static func add(_ pid: pid_t) {
        _ = exitHook
        live.withLock { _ = $0.insert(pid) }
    }

    /// Forgets a child that ended.
    static func remove(_ pid: pid_t) {
        live.withLock { _ = $0.remove(pid) }
    }

    private static func killAll() {
        for pid in live.withLock({ $0 }) { kill(pid, SIGKILL) }
    }
}
