import Bridge
import Locking
import Logging
import ServiceLifecycle
import ServiceLifecycleTestKit
import Testing
import WithingsAPI

@Suite struct WebhookInboxTests {
    /// Records what it is handed; each notification takes `delay` to apply.
    actor Recipient: WebhookRecipient {
        let userID: Int64?
        let delay: Duration
        private(set) var received: [WebhookNotification] = []
        /// How many were handled, readable without waiting for the actor.
        nonisolated let handled = Locked(0)

        init(userID: Int64?, delay: Duration = .zero) {
            self.userID = userID
            self.delay = delay
        }

        func handle(_ notification: WebhookNotification, saved: @escaping @Sendable () -> Void) async {
            if delay > .zero { try? await Task.sleep(for: delay) }
            received.append(notification)
            handled.withLock { $0 += 1 }
            saved()
        }
    }

    private static let logger = Logger(label: "test.inbox")

    private func bed(_ userID: Int64, _ date: Int) -> WebhookNotification {
        WebhookNotification(userID: userID, appli: date % 2 == 0 ? 50 : 51, date: String(date))
    }

    /// Polls for at least a minute: the generous limit only matters when something is broken (a loaded CI run
    /// once stalled the whole test process for ten seconds).
    private static let polls = 12_000

    @Test func eachUserGetsItsOwnInArrivalOrderAndUnknownUsersAreDropped() async throws {
        let alice = Recipient(userID: 1)
        let bob = Recipient(userID: 2)
        let unbound = Recipient(userID: nil)
        let inbox = WebhookInbox(workers: [alice, bob, unbound], logger: Self.logger)
        for (user, date) in [(1, 10), (2, 20), (99, 30), (1, 11), (2, 21), (1, 12)] {
            inbox.submit(bed(Int64(user), date))
        }
        let running = Task { try await inbox.run() }
        defer { running.cancel() }
        try #require(
            await eventually(polls: Self.polls) {
                let counts = (await alice.received.count, await bob.received.count)
                return counts == (3, 2)
            })
        #expect(await alice.received.map(\.date) == ["10", "11", "12"])
        #expect(await bob.received.map(\.date) == ["20", "21"])
        #expect(await unbound.received.isEmpty)
    }

    @Test func aGracefulShutdownStillDeliversWhatIsQueued() async throws {
        let alice = Recipient(userID: 1, delay: .milliseconds(20))
        let inbox = WebhookInbox(workers: [alice], logger: Self.logger)
        try await testGracefulShutdown { trigger in
            let running = Task { try await inbox.run() }
            for date in 0..<5 { inbox.submit(bed(1, date)) }
            try #require(await eventually(polls: Self.polls) { await !alice.received.isEmpty })
            trigger.triggerGracefulShutdown()
            try await running.value
        }
        #expect(await alice.received.map(\.date) == ["0", "1", "2", "3", "4"])
    }

    @Test func appliedIsReportedOnceTheWorkerSavedItAndForAnUnknownUser() async throws {
        let alice = Recipient(userID: 1, delay: .milliseconds(20))
        let inbox = WebhookInbox(workers: [alice], logger: Self.logger)
        let reports = Locked<[String: Int]>([:])
        for (user, date) in [(1, 1), (7, 2), (1, 3)] {
            inbox.submit(bed(Int64(user), date)) {
                let handled = alice.handled.withLock { $0 }
                reports.withLock { $0[String(date)] = handled }
            }
        }
        let running = Task { try await inbox.run() }
        defer { running.cancel() }
        try #require(await eventually(polls: Self.polls) { reports.withLock { $0.count } == 3 })
        // Each report comes once its own notification was handled and saved, and one for an unknown user too.
        #expect(reports.withLock { $0 } == ["1": 1, "2": 1, "3": 2])
    }

    @Test func aFullQueueKeepsTheNewest() async throws {
        let alice = Recipient(userID: 1)
        let inbox = WebhookInbox(workers: [alice], logger: Self.logger, capacity: 3)
        for date in 0..<5 { inbox.submit(bed(1, date)) }
        let running = Task { try await inbox.run() }
        defer { running.cancel() }
        try #require(await eventually(polls: Self.polls) { await alice.received.count == 3 })
        try await Task.sleep(for: .milliseconds(50))
        #expect(await alice.received.map(\.date) == ["2", "3", "4"])
    }
}
