import Testing

@testable import Bridge

@Suite struct WakeSignalTests {
    @Test func signalBeforeWaitIsKept() async {
        let signal = WakeSignal()
        signal.signal()
        let clock = ContinuousClock()
        let start = clock.now
        await signal.wait(for: .seconds(30))
        #expect(clock.now - start < .seconds(10))
    }

    @Test func signalWakesAWaiter() async {
        let signal = WakeSignal()
        let clock = ContinuousClock()
        let start = clock.now
        async let waited: Void = signal.wait(for: .seconds(30))
        try? await Task.sleep(for: .milliseconds(50))
        signal.signal()
        await waited
        #expect(clock.now - start < .seconds(10))
    }

    @Test func timeoutEndsTheWaitWithoutASignal() async {
        let signal = WakeSignal()
        await signal.wait(for: .milliseconds(20))
        signal.signal()
        await signal.wait(for: .seconds(30))
    }
}
