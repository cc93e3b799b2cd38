import Bridge
import Testing

@Suite struct StartupBarrierTests {
    @Test func releasesWaitersOnTheLastArrival() async {
        let barrier = StartupBarrier(parties: 2)
        async let released = barrier.wait(atMost: .seconds(30))
        await barrier.arrive()
        await barrier.arrive()
        #expect(await released)
    }

    @Test func aWaiterGivesUpAfterItsLimitWhenSomeoneNeverArrives() async {
        let barrier = StartupBarrier(parties: 2)
        await barrier.arrive()
        #expect(await barrier.wait(atMost: .milliseconds(20)) == false)
    }

    @Test func extraArrivalsAreIgnoredAndLaterWaitersPassAtOnce() async {
        let barrier = StartupBarrier(parties: 1)
        await barrier.arrive()
        await barrier.arrive()
        #expect(await barrier.wait(atMost: .milliseconds(1)))
    }
}
