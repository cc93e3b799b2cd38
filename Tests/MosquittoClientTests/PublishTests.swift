import MQTTDiscovery
import TestSupport
import Testing

@testable import MosquittoClient

@Suite(.timeLimit(.minutes(2)))
struct PublishTests {
    @Test func retainedPublishIsReadBackFromTheBroker() async throws {
        let broker = try await MosquittoBroker.start()
        let (connection, recorder) = try TestConnections.started(broker, "retained")
        let root = TestConnections.topicRoot("retained")
        #expect(await recorder.wait { $0.connectedCount == 1 })
        #expect(connection.isConnected)

        try await connection.publish(MQTTMessage(topic: "\(root)/state", string: "online"))
        try await connection.publish(MQTTMessage(topic: "\(root)/json", string: #"{"kg": 72.5}"#))

        let retained = try await broker.retainedStrings("\(root)/#")
        #expect(retained == ["\(root)/state": "online", "\(root)/json": #"{"kg": 72.5}"#])
        await connection.shutdown()
    }

    @Test func qos1PublishReturnsOnlyAfterTheBrokerAcknowledged() async throws {
        let broker = try await MosquittoBroker.start()
        let (connection, recorder) = try TestConnections.started(broker, "puback")
        let root = TestConnections.topicRoot("puback")
        #expect(await recorder.wait { $0.connectedCount == 1 })

        // A retained message is stored before the broker sends PUBACK: once publish returns, a fresh
        // subscriber must see it without any waiting on our side.
        for value in 1...5 {
            try await connection.publish(MQTTMessage(topic: "\(root)/counter", string: "\(value)"))
            let retained = try await broker.retainedStrings("\(root)/counter")
            #expect(retained["\(root)/counter"] == "\(value)")
        }
        // QoS 0 resolves too (on "written"), and an empty retained payload deletes the message.
        try await connection.publish(MQTTMessage(topic: "\(root)/counter", payload: [], qos: 0, retain: true))
        try await connection.publish(MQTTMessage(topic: "\(root)/fence", string: "x"))
        #expect(try await broker.retainedStrings("\(root)/#") == ["\(root)/fence": "x"])
        #expect(connection.bookkeepingForTesting == (0, 0, 0))
        await connection.shutdown()
    }

    @Test func qos0PublishWhileDisconnectedThrowsNotConnected() async throws {
        let broker = try await MosquittoBroker.start()
        let (connection, recorder) = try TestConnections.started(broker, "qos0down")
        #expect(await recorder.wait { $0.connectedCount == 1 })
        await broker.stop()
        #expect(await recorder.wait { !$0.disconnectReasons.isEmpty })

        let message = MQTTMessage(topic: "test/qos0down", string: "lost", qos: 0, retain: false)
        await #expect(throws: MosquittoError.notConnected(topic: "test/qos0down")) {
            try await connection.publish(message)
        }
        await connection.shutdown()
    }

    @Test func shutdownPublishesTheFinalOfflineStateBeforeDisconnecting() async throws {
        let broker = try await MosquittoBroker.start()
        let root = TestConnections.topicRoot("shutdown")
        let will = MQTTMessage(topic: "\(root)/bridge/state", string: "offline")
        let (connection, recorder) = try TestConnections.started(broker, "shutdown") { $0.will = will }
        #expect(await recorder.wait { $0.connectedCount == 1 })
        try await connection.publish(MQTTMessage(topic: "\(root)/bridge/state", string: "online"))
        #expect(try await broker.retainedStrings("\(root)/#") == ["\(root)/bridge/state": "online"])

        let problems = await connection.shutdown(finalMessages: [will])

        #expect(problems.isEmpty)
        #expect(try await broker.retainedStrings("\(root)/#") == ["\(root)/bridge/state": "offline"])
        #expect(await recorder.wait { $0.isFinished })
        #expect(recorder.events.last == .disconnected(reason: "disconnected by the client"))
        await #expect(throws: MosquittoError.self) {
            try await connection.publish(MQTTMessage(topic: "\(root)/late", string: "x"))
        }
        // A second shutdown is harmless.
        #expect(await connection.shutdown(finalMessages: [will]).isEmpty)
    }

    @Test func shutdownWhileTheBrokerIsDownReportsTheUnacknowledgedFinalMessage() async throws {
        let broker = try await MosquittoBroker.start()
        let (connection, recorder) = try TestConnections.started(broker, "shutdown-down")
        #expect(await recorder.wait { $0.connectedCount == 1 })
        await broker.stop()
        #expect(await recorder.wait { !$0.disconnectReasons.isEmpty })

        let offline = MQTTMessage(topic: "test/shutdown-down/state", string: "offline")
        let problems = await connection.shutdown(finalMessages: [offline], timeout: .milliseconds(300))

        #expect(problems == [.timedOut(topic: "test/shutdown-down/state")])
        #expect(await recorder.wait { $0.isFinished })
    }

    @Test func publishBeforeStartThrowsNotStarted() async throws {
        let connection = try MosquittoConnection(options: MosquittoOptions(clientID: "never-started"))
        await #expect(throws: MosquittoError.notStarted) {
            try await connection.publish(MQTTMessage(topic: "t", string: "x"))
        }
        #expect(await connection.shutdown().isEmpty)
    }
}
