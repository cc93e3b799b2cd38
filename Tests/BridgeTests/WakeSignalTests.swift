import Testing

@testable import Bridge

// No durations are asserted: a wake-up that never comes leaves the hour-long wait hanging, which the time
// limit reports, while a busy machine (the whole suite under ThreadSanitizer) can delay a correct one by seconds.
@Suite(.timeLimit(.minutes(2))) struct WakeSignalTests {
    @Test func signalBeforeWaitIsKept() async {
        let signal = WakeSignal()
        signal.signal()
        await signal.wait(for: .seconds(3600))
    }

    @Test func signalWakesAWaiter() async {
        let signal = WakeSignal()
        async let waited: Void = signal.wait(for: .seconds(3600))
        try? await Task.sleep(for: .milliseconds(50))
        signal.signal()
        await waited
    }

    @Test func timeoutEndsTheWaitWithoutASignal() async {
        let signal = WakeSignal()
        await signal.wait(for: .milliseconds(20))
        signal.signal()
        await signal.wait(for: .seconds(3600))
    }
}
