import Dispatch
import Foundation
import Locking

/// Waits for SIGINT or SIGTERM so the emulator can close its socket and exit 0.
enum ShutdownSignal {
    /// Suspends until SIGINT or SIGTERM arrives and returns its number.
    static func wait() async -> Int32 {
        let queue = DispatchQueue(label: "withings-emulator.signals")
        let waiter = Locked<CheckedContinuation<Int32, Never>?>(nil)
        let sources = [SIGINT, SIGTERM].map { number -> any DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                waiter.withLock { continuation in
                    continuation?.resume(returning: number)
                    continuation = nil
                }
            }
            return source
        }
        let number = await withCheckedContinuation { continuation in
            waiter.withLock { $0 = continuation }
            sources.forEach { $0.resume() }
        }
        sources.forEach { $0.cancel() }
        return number
    }
}
