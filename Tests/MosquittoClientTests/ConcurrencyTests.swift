import MQTTDiscovery
import Synchronization
import TestSupport
import Testing

@testable import MosquittoClient

@Suite(.timeLimit(.minutes(3)))
struct ConcurrencyTests {
    @Test func thousandConcurrentQoS1PublishesEachResumeExactlyOnce() async throws {
        let broker = try await MosquittoBroker.start()
        let root = TestConnections.topicRoot("thousand")
        let (subscriber, received) = try TestConnections.started(broker, "thousand-sub")
        let (publisher, events) = try TestConnections.started(broker, "thousand-pub")
        #expect(await received.wait { $0.connectedCount == 1 })
        #expect(await events.wait { $0.connectedCount == 1 })
        try await subscriber.subscribe("\(root)/#", qos: 1)

        let count = 1_000
        let started = ContinuousClock.now
        let resumed = await withTaskGroup(of: Int?.self) { group in
            for index in 0..<count {
                group.addTask {
                    let message = MQTTMessage(topic: "\(root)/n", string: "\(index)", qos: 1, retain: false)
                    do {
                        try await publisher.publish(message)
                        return index
                    } catch {
                        return nil
                    }
                }
            }
            var resumed: [Int] = []
            for await index in group { if let index { resumed.append(index) } }
            return resumed
        }
        print("1000 QoS 1 publishes acknowledged in \(ContinuousClock.now - started)")

        #expect(resumed.count == count)
        #expect(Set(resumed) == Set(0..<count))
        #expect(publisher.bookkeepingForTesting == (0, 0, 0))
        #expect(await received.wait { $0.messages.count >= count })
        let payloads = received.messages.map(\.payloadString)
        #expect(payloads.count == count)
        #expect(Set(payloads) == Set((0..<count).map(String.init)))
        await publisher.shutdown()
        await subscriber.shutdown()
    }
}
