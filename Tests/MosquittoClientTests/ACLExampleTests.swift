import Foundation
import MQTTDiscovery
import MosquittoClient
import TestSupport
import Testing

@Suite(.timeLimit(.minutes(2)))
struct ACLExampleTests {
    static let users = ["withings2mqtt": "bridge-pw", "homeassistant": "ha-pw"]

    static var aclExample: String {
        get throws {
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent()
            return try String(contentsOf: root.appendingPathComponent("mosquitto/acl.example"), encoding: .utf8)
        }
    }

    @Test func bridgeUserMayWriteItsTreeAndDiscoveryButNotHomeAssistantStatus() async throws {
        let broker = try await MosquittoBroker.start(.init(users: Self.users, acl: try Self.aclExample))
        let (bridge, events) = try TestConnections.started(broker, "acl-bridge") {
            $0.username = "withings2mqtt"
            $0.password = "bridge-pw"
        }
        #expect(await events.wait { $0.connectedCount == 1 })
        try await bridge.subscribe("homeassistant/status", qos: 1)

        try await bridge.publish(MQTTMessage(topic: "withings2mqtt/bridge/state", string: "online"))
        try await bridge.publish(MQTTMessage(topic: "homeassistant/sensor/withings2mqtt_1/weight/config", string: "{}"))
        // Denied: acknowledged by the broker (MQTT 3.1.1) but dropped.
        try await bridge.publish(MQTTMessage(topic: "homeassistant/status", string: "online"))
        try await bridge.publish(MQTTMessage(topic: "elsewhere/state", string: "x"))

        let seenByHomeAssistant = try await broker.retainedStrings("#", username: "homeassistant", password: "ha-pw")
        #expect(
            seenByHomeAssistant == [
                "withings2mqtt/bridge/state": "online",
                "homeassistant/sensor/withings2mqtt_1/weight/config": "{}",
            ])

        // Home Assistant's birth message reaches the bridge (read access).
        let (homeAssistant, haEvents) = try TestConnections.started(broker, "acl-ha") {
            $0.username = "homeassistant"
            $0.password = "ha-pw"
        }
        #expect(await haEvents.wait { $0.connectedCount == 1 })
        try await homeAssistant.publish(MQTTMessage(topic: "homeassistant/status", string: "online", retain: false))
        #expect(await events.wait { $0.messages.contains { $0.topic == "homeassistant/status" } })
        await homeAssistant.shutdown()
        await bridge.shutdown()
    }
}
