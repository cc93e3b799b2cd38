#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Tells ThreadSanitizer about the happens-before edges of `Synchronization.Mutex`, when the process runs under it.
///
/// On Linux, Swift 6.3's `Mutex` hands a contended lock over through a priority-inheritance futex, which
/// ThreadSanitizer cannot see: it then reports "Swift access race" on state that is in fact always accessed under
/// the lock (reproduced with a plain `Mutex` and `DispatchQueue.concurrentPerform`, no libmosquitto involved).
/// The TSan runtime's own `__tsan_acquire`/`__tsan_release` are looked up at run time, so a normal build has no
/// dependency on it and pays one nil check per lock.
public enum ThreadSanitizerAnnotations {
    private typealias Hook = @convention(c) (UnsafeMutableRawPointer?) -> Void

    private static let acquireHook: Hook? = lookup("__tsan_acquire")
    private static let releaseHook: Hook? = lookup("__tsan_release")

    private static func lookup(_ name: String) -> Hook? {
        // RTLD_DEFAULT is a null handle on glibc: search every loaded object.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
        return unsafeBitCast(symbol, to: Hook.self)
    }

    /// Call right after taking the lock identified by `token`.
    public static func acquire(_ token: UnsafeMutableRawPointer) { acquireHook?(token) }

    /// Call right before giving the lock identified by `token` back.
    public static func release(_ token: UnsafeMutableRawPointer) { releaseHook?(token) }
}
