import Foundation
import Locking

/// A clock tests move by hand, so token and code lifetimes are checked without sleeping.
final class TestClock: Sendable {
    private let current: Locked<Date>

    init(_ start: Date = Date(timeIntervalSince1970: 1_700_000_000)) {
        current = Locked(start)
    }

    /// The current fake time.
    var now: Date { current.withLock { $0 } }

    /// Moves the clock forward.
    func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    /// The clock as the emulator takes it.
    var closure: @Sendable () -> Date { { self.now } }
}
