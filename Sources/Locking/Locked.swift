import Synchronization

/// A value behind a lock, shareable between threads, tasks and escaping closures (a `Mutex` itself is not
/// copyable and cannot be captured), and visible to ThreadSanitizer.
///
/// Every lock in the project is one of these: `Mutex` alone makes ThreadSanitizer report races on data that is
/// always accessed under the lock (see `ThreadSanitizerAnnotations`), which would bury real reports.
public final class Locked<Value>: Sendable {
    private let mutex: Mutex<Value>

    /// Creates the lock around a value.
    public init(_ value: sending Value) {
        mutex = Mutex(value)
    }

    /// Runs `body` with exclusive access to the value.
    public func withLock<Result, E: Error>(
        _ body: (inout sending Value) throws(E) -> sending Result
    ) throws(E) -> sending Result {
        let token = Unmanaged.passUnretained(self).toOpaque()
        return try mutex.withLock { (value: inout sending Value) throws(E) -> sending Result in
            ThreadSanitizerAnnotations.acquire(token)
            defer { ThreadSanitizerAnnotations.release(token) }
            return try body(&value)
        }
    }
}
