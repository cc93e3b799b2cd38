import MQTTDiscovery
import TestSupport
import Testing

@testable import MosquittoClient

@Suite(.timeLimit(.minutes(3)))
struct ReconnectTests {
    @Test func subscriptionReceivesMessagesAndIsRedoneAfterABrokerRestart() async throws {
        let broker = try await MosquittoBroker.start()
        let root = TestConnections.topicRoot("resubscribe")
        let (subscriber, received) = try TestConnections.started(broker, "resub-sub")
        let (publisher, events) = try TestConnections.started(broker, "resub-pub")
        #expect(await received.wait { $0.connectedCount == 1 })
        #expect(await events.wait { $0.connectedCount == 1 })
        try await subscriber.subscribe("\(root)/#", qos: 1)

        try await publisher.publish(MQTTMessage(topic: "\(root)/a", string: "before", retain: false))
        #expect(await received.wait { $0.messages.contains { $0.payloadString == "before" } })

        // Without persistence the restarted broker knows no subscription: only our re-subscribe brings it back.
        try await broker.restart()
        #expect(await received.wait { $0.connectedCount == 2 })
        #expect(await events.wait { $0.connectedCount == 2 })
        // Retained, so it arrives whether the re-subscribe lands before or after it.
        try await publisher.publish(MQTTMessage(topic: "\(root)/b", string: "after"))
        #expect(await received.wait { $0.messages.contains { $0.payloadString == "after" } })
        #expect(received.messages.first { $0.payloadString == "after" }?.topic == "\(root)/b")

        // After unsubscribing nothing more arrives (a fence message on another subscription proves it).
        try await subscriber.unsubscribe("\(root)/#")
        try await subscriber.subscribe("\(root)-fence", qos: 1)
        try await publisher.publish(MQTTMessage(topic: "\(root)/c", string: "unwanted", retain: false))
        try await publisher.publish(MQTTMessage(topic: "\(root)-fence", string: "fence", retain: false))
        #expect(await received.wait { $0.messages.contains { $0.payloadString == "fence" } })
        #expect(!received.messages.contains { $0.payloadString == "unwanted" })
        await publisher.shutdown()
        await subscriber.shutdown()
    }

    @Test func qos1MessagesPublishedWhileTheBrokerIsDownArriveOnceAfterTheRestart() async throws {
        let broker = try await MosquittoBroker.start(.init(persistence: true))
        let root = TestConnections.topicRoot("queued")
        // A persistent session: the broker keeps queueing for the subscriber while it reconnects.
        let (subscriber, received) = try TestConnections.started(broker, "queued-sub") { $0.cleanSession = false }
        let (publisher, events) = try TestConnections.started(broker, "queued-pub")
        #expect(await received.wait { $0.connectedCount == 1 })
        #expect(await events.wait { $0.connectedCount == 1 })
        try await subscriber.subscribe("\(root)/#", qos: 1)

        await broker.stop()
        #expect(await events.wait { $0.disconnectReasons.count == 1 })
        #expect(!publisher.isConnected)

        let count = 10
        let done = LockedList<Int>()
        let publishes = Task {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<count {
                    group.addTask {
                        try await publisher.publish(
                            MQTTMessage(topic: "\(root)/m", string: "\(index)", qos: 1, retain: false)
                        )
                        done.append(index)
                    }
                }
                try await group.waitForAll()
            }
        }
        // No PUBACK can come from a stopped broker, so nothing may have resolved; wait until every publish
        // parked (a loaded machine may take a while to start the tasks).
        let deadline = ContinuousClock.now + .seconds(10)
        while publisher.bookkeepingForTesting.waiters < count, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(done.elements.isEmpty)
        #expect(publisher.bookkeepingForTesting.waiters == count)

        try await broker.restart()
        try await publishes.value
        #expect(Set(done.elements) == Set(0..<count))
        #expect(await received.wait { $0.messages.count >= count })
        // Give a duplicate the chance to show up before counting.
        try await Task.sleep(for: .seconds(1))
        let payloads = received.messages.map(\.payloadString)
        #expect(payloads.sorted() == (0..<count).map(String.init).sorted())

        let kinds = events.events.map { event -> String in
            switch event {
            case .connected: "connected"
            case .disconnected: "disconnected"
            case .message: "message"
            }
        }
        #expect(kinds == ["connected", "disconnected", "connected"])
        await publisher.shutdown()
        await subscriber.shutdown()
    }

    @Test func connectsOnceABrokerThatWasDownAtStartComesUp() async throws {
        let broker = try await MosquittoBroker.start()
        await broker.stop()
        let (connection, events) = try TestConnections.started(broker, "late-broker")
        #expect(await events.wait { !$0.disconnectReasons.isEmpty })
        #expect(!connection.isConnected)
        #expect(connection.lastError != nil)
        print("broker down at start: \(events.disconnectReasons)")

        try await broker.restart()
        #expect(await events.wait { $0.connectedCount == 1 })
        #expect(connection.lastError == nil)
        await connection.shutdown()
    }

    @Test func unresolvableHostIsReportedRetriedAndShutdownStillCompletes() async throws {
        let options = MosquittoOptions(
            host: "no-such-host.invalid", port: 1883, clientID: "unresolvable", reconnectDelayMin: 1,
            reconnectDelayMax: 1
        )
        let connection = try MosquittoConnection(options: options)
        let events = EventRecorder.recording(connection.events)
        try connection.start()
        #expect(await events.wait { !$0.disconnectReasons.isEmpty })
        print("unresolvable host: \(events.disconnectReasons)")
        #expect(events.disconnectReasons == ["connection failed: Lookup error."])
        #expect(
            connection.lastError
                == .library(
                    operation: "connect to no-such-host.invalid:1883", code: 15, text: "Lookup error."
                ))
        // Let a retry or two happen: the same failure is not reported again.
        try await Task.sleep(for: .milliseconds(1500))
        #expect(events.disconnectReasons.count == 1)
        await connection.shutdown()
        #expect(await events.wait { $0.isFinished })
    }
}
