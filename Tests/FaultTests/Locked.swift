import Synchronization

/// A value shared between tasks and threads behind a lock (a class, so closures can capture it).
final class Locked<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    /// Starts with `value`.
    init(_ value: Value) { mutex = Mutex(value) }

    /// Reads or changes the value under the lock.
    func withLock<Result: Sendable>(_ body: (inout Value) -> Result) -> Result {
        mutex.withLock { body(&$0) }
    }
}
