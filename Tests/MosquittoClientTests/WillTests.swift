import MQTTDiscovery
import TestSupport
import Testing

@testable import MosquittoClient

@Suite(.timeLimit(.minutes(2)))
struct WillTests {
    @Test func brokerPublishesTheWillWhenTheConnectionDiesAbruptly() async throws {
        let broker = try await MosquittoBroker.start()
        let root = TestConnections.topicRoot("will")
        let will = MQTTMessage(topic: "\(root)/bridge/state", string: "offline")
        let (connection, events) = try TestConnections.started(broker, "will") { $0.will = will }
        #expect(await events.wait { $0.connectedCount == 1 })
        try await connection.publish(MQTTMessage(topic: "\(root)/bridge/state", string: "online"))
        #expect(try await broker.retainedStrings("\(root)/#") == ["\(root)/bridge/state": "online"])

        // The TCP connection ends without DISCONNECT, as when the process is killed or the network fails.
        connection.severSocketForTesting()

        #expect(await events.wait { $0.disconnectReasons.count == 1 })
        #expect(try await broker.retainedStrings("\(root)/#") == ["\(root)/bridge/state": "offline"])
        // The thread reconnects by itself.
        #expect(await events.wait { $0.connectedCount == 2 })
        await connection.shutdown()
    }
}
