import Foundation

/// A set of open file descriptors behind an `NSLock`.
///
/// Not `Mutex`: on Linux it locks with a bare futex that ThreadSanitizer cannot see, so contended use gets
/// reported as a race; `NSLock` is a pthread mutex, which ThreadSanitizer understands.
final class LockedFileDescriptors: @unchecked Sendable {
    private let lock = NSLock()
    private var descriptors: Set<Int32> = []

    func insert(_ fd: Int32) { lock.withLock { _ = descriptors.insert(fd) } }

    func remove(_ fd: Int32) { lock.withLock { _ = descriptors.remove(fd) } }

    var all: Set<Int32> { lock.withLock { descriptors } }
}
