import Testing

@testable import Bridge

@Suite struct PollSchedulerTests {
    @Test func firstCycleStartsAtOnceWithEverything() {
        let scheduler = PollScheduler(interval: 600, now: 1000)
        #expect(scheduler.next(now: 1000) == .poll([.measures, .sleep, .activity, .workouts, .goals, .devices]))
    }

    @Test func afterSuccessWaitsOneInterval() {
        var scheduler = PollScheduler(interval: 600, now: 0)
        scheduler.finished(Set(DataCategory.allCases), succeeded: true, now: 5)
        #expect(scheduler.next(now: 6) == .wait(until: 605))
        #expect(scheduler.next(now: 605) == .poll([.measures, .sleep, .activity, .workouts]))
    }

    @Test func goalsAndDevicesRefreshHourly() {
        var scheduler = PollScheduler(interval: 600, slowInterval: 3600, now: 0)
        scheduler.finished(Set(DataCategory.allCases), succeeded: true, now: 0)
        for tick in stride(from: 600.0, to: 3600, by: 600) {
            scheduler.finished([.measures, .sleep, .activity, .workouts], succeeded: true, now: tick)
        }
        #expect(scheduler.next(now: 3600) == .poll([.measures, .sleep, .activity, .workouts, .goals, .devices]))
    }

    @Test func webhookBurstIsDebouncedIntoOneRefreshOfItsCategories() {
        var scheduler = PollScheduler(interval: 7200, debounce: 2, now: 0)
        scheduler.finished(Set(DataCategory.allCases), succeeded: true, now: 0)
        scheduler.webhook(DataCategory.refreshed(byAppli: 1), now: 100)
        scheduler.webhook(DataCategory.refreshed(byAppli: 4), now: 101)
        scheduler.webhook(DataCategory.refreshed(byAppli: 44), now: 101.5)
        #expect(scheduler.next(now: 101.9) == .wait(until: 102))
        #expect(scheduler.next(now: 102) == .poll([.measures, .sleep]))
        scheduler.started([.measures, .sleep])
        scheduler.finished([.measures, .sleep], succeeded: true, now: 102.5)
        #expect(scheduler.next(now: 103) == .wait(until: 3600))
    }

    @Test func bedEventsAndProfileActionsRefreshNothing() {
        #expect(DataCategory.refreshed(byAppli: 50).isEmpty)
        #expect(DataCategory.refreshed(byAppli: 51).isEmpty)
        #expect(DataCategory.refreshed(byAppli: 46).isEmpty)
        #expect(DataCategory.refreshed(byAppli: 16) == [.activity, .workouts])
    }

    @Test func failuresBackOffExponentiallyUpToTheInterval() {
        var scheduler = PollScheduler(interval: 600, now: 0)
        var delays: [Double] = []
        var now = 0.0
        for _ in 0..<7 {
            scheduler.finished(Set(DataCategory.allCases), succeeded: false, now: now)
            guard case .wait(let until) = scheduler.next(now: now) else {
                Issue.record("expected a wait after a failure")
                return
            }
            delays.append(until - now)
            now = until
        }
        #expect(delays == [30, 60, 120, 240, 480, 600, 600])
        #expect(scheduler.isFailing)
        scheduler.finished(Set(DataCategory.allCases), succeeded: true, now: now)
        #expect(!scheduler.isFailing)
        #expect(scheduler.next(now: now) == .wait(until: now + 600))
    }

    @Test func failedWebhookRefreshIsRetriedWithinTheBackOff() {
        var scheduler = PollScheduler(interval: 7200, debounce: 1, now: 0)
        scheduler.finished(Set(DataCategory.allCases), succeeded: true, now: 0)
        scheduler.webhook([.measures], now: 10)
        #expect(scheduler.next(now: 11) == .poll([.measures]))
        scheduler.started([.measures])
        scheduler.finished([.measures], succeeded: false, now: 11)
        #expect(scheduler.next(now: 12) == .wait(until: 41))
    }

    @Test func aWebhookDuringAPollOfItsCategoryIsNotLost() {
        // The poll may have fetched before the change the webhook announces: it must run again afterwards.
        var scheduler = PollScheduler(interval: 7200, debounce: 2, now: 0)
        scheduler.started(Set(DataCategory.allCases))
        scheduler.webhook([.measures], now: 1)
        scheduler.finished(Set(DataCategory.allCases), succeeded: true, now: 1.5)
        #expect(scheduler.next(now: 2) == .wait(until: 3))
        #expect(scheduler.next(now: 3) == .poll([.measures]))
    }

    @Test func aWebhookTakenByAPollIsNotRepeated() {
        var scheduler = PollScheduler(interval: 7200, debounce: 2, now: 0)
        scheduler.started(Set(DataCategory.allCases))
        scheduler.finished(Set(DataCategory.allCases), succeeded: true, now: 0)
        scheduler.webhook([.measures], now: 10)
        scheduler.started([.measures])
        scheduler.finished([.measures], succeeded: true, now: 13)
        #expect(scheduler.next(now: 14) == .wait(until: 3600))
    }

    @Test func onceTheNightIsKnownSleepIsRefreshedHourlyNotEveryCycle() {
        var scheduler = PollScheduler(interval: 600, slowInterval: 3600, now: 0)
        scheduler.started(Set(DataCategory.allCases))
        scheduler.finished(Set(DataCategory.allCases), succeeded: true, now: 0)
        #expect(scheduler.next(now: 600) == .poll([.measures, .sleep, .activity, .workouts]))
        scheduler.finished([.measures, .sleep, .activity, .workouts], succeeded: true, now: 600)
        scheduler.sleep(settled: true)
        var sleepPolls = 0
        var cycles = 0
        var now = 600.0
        while now <= 600 + 86_400 {
            guard case .poll(let due) = scheduler.next(now: now) else {
                guard case .wait(let until) = scheduler.next(now: now) else { break }
                now = until
                continue
            }
            if due.contains(.sleep) { sleepPolls += 1 }
            if due.contains(.measures) { cycles += 1 }
            scheduler.finished(due, succeeded: true, now: now)
        }
        #expect(cycles == 144)
        #expect(sleepPolls == 24)
    }

    @Test func anUnsettledNightIsPolledEveryCycleAgain() {
        var scheduler = PollScheduler(interval: 600, slowInterval: 3600, now: 0)
        scheduler.sleep(settled: true)
        scheduler.finished(Set(DataCategory.allCases), succeeded: true, now: 0)
        #expect(scheduler.next(now: 600) == .poll([.measures, .activity, .workouts]))
        scheduler.sleep(settled: false)
        #expect(scheduler.next(now: 600) == .poll([.measures, .sleep, .activity, .workouts]))
    }

    @Test func aFailedSettledSleepRefreshBacksOff() {
        var scheduler = PollScheduler(interval: 600, slowInterval: 3600, now: 0)
        scheduler.sleep(settled: true)
        scheduler.finished(Set(DataCategory.allCases), succeeded: true, now: 0)
        #expect(scheduler.next(now: 3600) == .poll(Set(DataCategory.allCases)))
        scheduler.finished([.measures, .activity, .workouts, .goals, .devices], succeeded: true, now: 3600)
        scheduler.finished([.sleep], succeeded: false, now: 3600)
        #expect(scheduler.next(now: 3601) == .wait(until: 3630))
        #expect(scheduler.next(now: 3630) == .poll([.sleep]))
    }
}
