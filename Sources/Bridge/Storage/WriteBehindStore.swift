import Dispatch
import Locking
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// Saves values to a `JSONFileStore` behind their owner: `submit` returns at once, a serial dispatch queue
/// encodes and writes (fsync and rename included), and only the newest value submitted meanwhile is written.
///
/// An account worker persists after every bed event. Written inline, the encode and the two fsyncs held one of
/// the two cooperative threads of a small box for about a millisecond per event, delaying the MQTT pump behind
/// it: the paced bed-event p50 went from 1.0 to 1.6 ms (BENCHMARKS.md), and a burst of a thousand events wrote
/// the file a thousand times. Dispatch's threads are not the cooperative pool's, and a burst coalesces.
/// Values are written in submission order and never an older one after a newer; `flush()` waits for the last.
/// A change that arrives while the file is idle is written 3 ms later (one that follows the last write within
/// 10 ms at once); during a burst, at most every 50 ms unless a caller waits for it (`submit(_:written:)`).
public final class WriteBehindStore<Value: Codable & Sendable>: Sendable {
    private struct Pending {
        var value: Value?
        var written: [@Sendable () -> Void] = []
        var scheduled = false
    }

    private let store: JSONFileStore<Value>
    private let queue: DispatchQueue
    private let pending = Locked(Pending())
    // When the last drain ended; only touched on `queue`, but Locked keeps the class Sendable without unsafety.
    private let lastDrainEnded = Locked<ContinuousClock.Instant?>(nil)
    private let logger: Logger

    /// Creates a writer over `store`; failures are logged on `logger` and retried with the next value.
    public init(store: JSONFileStore<Value>, logger: Logger) {
        self.store = store
        self.logger = logger
        queue = DispatchQueue(label: "withings2mqtt.state-writer")
    }

    /// Queues `value` to be written, replacing any value not yet written. `written` is called on the writer's
    /// queue once a value at least as new as this one is on disk (or its write failed and was logged).
    public func submit(_ value: Value, written: (@Sendable () -> Void)? = nil) {
        let schedule = pending.withLock { pending in
            pending.value = value
            if let written { pending.written.append(written) }
            defer { pending.scheduled = true }
            return !pending.scheduled
        }
        if schedule { queue.async { self.drain() } }
    }

    /// Returns once everything submitted before the call is on disk (or has failed and been logged).
    public func flush() async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            queue.async { done.resume() }
        }
    }

    private func drain() {
        // After an idle spell, let the change's MQTT messages reach the broker and its subscribers first. Started
        // at once, the encode and the two fsyncs ran while a bed event's `in_bed` was on its way, and on two cores
        // that was the paced p99's excess over the broker floor (BENCHMARKS.md). Not within a stream of changes
        // (webhook answers waiting for each write, then sending the next event): there the pause would only
        // stretch every round.
        let idle = lastDrainEnded.withLock { $0.map { ContinuousClock.now - $0 > Self.streamGap } ?? true }
        if idle { usleep(Self.settleMicroseconds) }
        defer { lastDrainEnded.withLock { $0 = ContinuousClock.now } }
        while let (value, written) = takeNext() {
            do {
                try store.save(value)
            } catch {
                logger.error("cannot write the state file: \(error)")
            }
            // A folded value is part of the newer one just written, so its callers are answered too.
            for callback in written { callback() }
            // Values that came in during this write mean a burst: wait a little so the rest of it folds into one
            // write. Written back to back, a burst of bed events kept this thread encoding and fsyncing half
            // of the time (perf, BENCHMARKS.md). A lone change is still written at once, and so is a value a
            // caller waits for (a webhook's answer waits for its bed event to be on disk): such callers are one
            // per connection at most, so the writes they ask for cannot run away.
            if pending.withLock({ $0.value != nil && $0.written.isEmpty }) { usleep(Self.burstGapMicroseconds) }
        }
    }

    /// The pause before the first write after an idle spell.
    static var settleMicroseconds: UInt32 { 3_000 }

    /// A change that comes less than this after the last write ended is part of a stream and written at once.
    static var streamGap: Duration { .milliseconds(10) }

    /// The pause between two writes of a burst.
    static var burstGapMicroseconds: UInt32 { 50_000 }

    private func takeNext() -> (Value, [@Sendable () -> Void])? {
        pending.withLock { pending in
            guard let value = pending.value else {
                pending.scheduled = false
                return nil
            }
            defer {
                pending.value = nil
                pending.written = []
            }
            return (value, pending.written)
        }
    }
}
