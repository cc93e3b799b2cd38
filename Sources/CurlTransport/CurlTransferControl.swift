import Locking
import Synchronization
import WithingsAPI

/// The part of one transfer shared between the calling task and the thread running curl.
///
/// Whichever comes first, completion or cancellation, resumes the continuation; the other finds it gone.
final class CurlTransferControl: Sendable {
    private let cancelled = Atomic<Bool>(false)
    private let continuation = Locked<CheckedContinuation<TransportResponse, any Error>?>(nil)

    /// Whether the caller has given up; curl's progress callback polls this to abort the transfer.
    var isCancelled: Bool { cancelled.load(ordering: .acquiring) }

    /// Parks the caller's continuation; returns false (after resuming it) when already cancelled.
    func install(_ waiting: CheckedContinuation<TransportResponse, any Error>) -> Bool {
        let proceed = continuation.withLock { slot -> Bool in
            if cancelled.load(ordering: .acquiring) { return false }
            slot = waiting
            return true
        }
        if !proceed { waiting.resume(throwing: CancellationError()) }
        return proceed
    }

    /// Marks the transfer cancelled and resumes the caller with `CancellationError` right away.
    func cancel() {
        let waiting = continuation.withLock { slot in
            cancelled.store(true, ordering: .releasing)
            defer { slot = nil }
            return slot
        }
        waiting?.resume(throwing: CancellationError())
    }

    /// Resumes the caller with the transfer's outcome, unless cancellation already did.
    func finish(_ result: Result<TransportResponse, any Error>) {
        let waiting = continuation.withLock { slot in
            defer { slot = nil }
            return slot
        }
        waiting?.resume(with: result)
    }
}
