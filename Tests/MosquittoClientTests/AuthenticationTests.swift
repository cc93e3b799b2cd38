import MQTTDiscovery
import TestSupport
import Testing

@testable import MosquittoClient

@Suite(.timeLimit(.minutes(2)))
struct AuthenticationTests {
    static let users = ["bridge": "correct horse", "homeassistant": "battery staple"]

    @Test func rightPasswordConnectsAndPublishes() async throws {
        let broker = try await MosquittoBroker.start(.init(users: Self.users))
        let root = TestConnections.topicRoot("auth")
        let (connection, events) = try TestConnections.started(broker, "auth-ok") {
            $0.username = "bridge"
            $0.password = "correct horse"
        }
        // Required: without a connection the publish below waits for one until the suite's time limit.
        try #require(
            await events.wait { $0.connectedCount == 1 },
            "not connected: \(String(describing: connection.lastError)); broker log:\n\(broker.log)")
        try await connection.publish(MQTTMessage(topic: "\(root)/state", string: "online"))
        let retained = try await broker.retainedStrings(
            "\(root)/#", username: "homeassistant", password: "battery staple"
        )
        #expect(retained == ["\(root)/state": "online"])
        await connection.shutdown()
    }

    @Test func wrongPasswordIsReportedWithoutThePassword() async throws {
        let broker = try await MosquittoBroker.start(.init(users: Self.users))
        let (connection, events) = try TestConnections.started(broker, "auth-bad") {
            $0.username = "bridge"
            $0.password = "wrong-secret"
        }
        #expect(await events.wait { !$0.disconnectReasons.isEmpty })
        let reason = try #require(events.disconnectReasons.first)
        print("wrong password (3.1.1): \(reason)")
        #expect(reason.contains("refused"))
        #expect(reason.contains("not authorised"))
        #expect(!reason.contains("wrong-secret"))
        let error = try #require(connection.lastError)
        #expect(error == .refused(code: 5, text: "Connection Refused: not authorised."))
        #expect(!error.description.contains("wrong-secret"))
        // MQTT 3.1.1 refusals are retried: the thread still runs, nothing is fatal.
        #expect(connection.failure == nil)
        #expect(events.connectedCount == 0)
        await connection.shutdown()
    }

    @Test func wrongPasswordWithMQTT5EndsTheLoopForGood() async throws {
        let broker = try await MosquittoBroker.start(.init(users: Self.users))
        let (connection, events) = try TestConnections.started(broker, "auth-bad5") {
            $0.username = "bridge"
            $0.password = "wrong-secret"
            $0.protocolVersion = .v5
        }
        #expect(await events.wait { _ in connection.failure != nil })
        let failure = try #require(connection.failure)
        print("wrong password (5): \(failure)")
        guard case .loopEnded(_, let text) = failure else {
            Issue.record("expected loopEnded, got \(failure)")
            return
        }
        #expect(text.contains("refused"))
        // The failure is set on the network thread before its `.disconnected` event reaches the recorder's task.
        #expect(await events.wait { $0.disconnectReasons.last == failure.description })
        await #expect(throws: failure) {
            try await connection.publish(MQTTMessage(topic: "test/auth5", string: "x"))
        }
        await connection.shutdown()
        #expect(await events.wait { $0.isFinished })
    }
}
