import Foundation
import TestSupport
import Testing

/// The bridge's MQTT session with real processes: stale configs, Home Assistant's birth, broker restarts.
@Suite(.timeLimit(.minutes(3)))
struct MQTTSessionEndToEndTests {
    @Test func staleConfigsOfOursAreRemovedAtStartAndOthersAreKept() async throws {
        let world = try await BridgeWorld.start(accounts: ["alice"])
        defer { Task { await world.shutdown() } }
        #expect(try await world.authorize("alice", as: "alice").status == 0)
        let stale = "homeassistant/sensor/withings2mqtt_10000001/retired_metric/config"
        let foreign = "homeassistant/sensor/0x00158d0001a2b3c4/temperature/config"
        try await world.publishRetained(
            stale,
            """
            {"unique_id":"withings2mqtt_10000001_retired_metric","state_topic":"withings2mqtt/alice/retired_metric",\
            "origin":{"name":"withings2mqtt"}}
            """)
        try await world.publishRetained(
            foreign,
            """
            {"unique_id":"0x00158d0001a2b3c4_temperature","state_topic":"zigbee2mqtt/bedroom","origin":{"name":"Zigbee2MQTT"}}
            """)
        try world.startBridge()
        let mark = world.recorder.count
        // The sweep runs once the first cycle is over, which on a machine busy with the rest of the suite can
        // take longer than one wait: wait for the first cycle first, then for the removal.
        try await world.waitUntilSettled()
        try await world.recorder.waitFor(stale, after: mark) { $0.isEmpty }
        let retained = try await world.broker.retainedStrings("homeassistant/#")
        #expect(retained[stale] == nil)
        #expect(retained[foreign]?.contains("Zigbee2MQTT") == true)
        #expect(retained["homeassistant/sensor/withings2mqtt_10000001/weight_kg/config"] != nil)
    }

    @Test func homeAssistantBirthRepublishesStatesButNotConfigs() async throws {
        let world = try await BridgeWorld.start(accounts: ["alice"])
        defer { Task { await world.shutdown() } }
        #expect(try await world.authorize("alice", as: "alice").status == 0)
        try world.startBridge()
        try await world.recorder.waitFor("withings2mqtt/alice/weight_kg") { $0 != "None" }
        try await world.waitUntilSettled()
        let mark = world.recorder.count
        try await world.publishRetained("homeassistant/status", "online", retain: false)
        try await world.recorder.waitFor("withings2mqtt/alice/weight_kg", after: mark, timeout: .seconds(10))
        try await world.recorder.waitFor("withings2mqtt/alice/availability", after: mark) { $0 == "online" }
        try await world.recorder.waitFor("withings2mqtt/bridge/state", after: mark) { $0 == "online" }
        let topics = world.recorder.since(mark).map(\.topic)
        #expect(!topics.contains { $0.hasSuffix("/config") && $0.hasPrefix("homeassistant/sensor/withings2mqtt_") })
    }

    @Test func brokerRestartWithoutPersistenceGetsEverythingBack() async throws {
        let world = try await BridgeWorld.start(accounts: ["alice"])
        defer { Task { await world.shutdown() } }
        #expect(try await world.authorize("alice", as: "alice").status == 0)
        try world.startBridge()
        try await world.recorder.waitFor("withings2mqtt/alice/weight_kg") { $0 != "None" }
        try await world.waitUntilSettled()
        // A marker nobody re-publishes shows the broker really lost everything (the bridge may already be back
        // with its own topics by the time this test looks).
        try await world.publishRetained("test/marker", "kept only without a restart")
        let before = try await world.broker.retainedStrings("#").filter { $0.key != "test/marker" }
        try await world.broker.restart()
        let start = ContinuousClock.now
        var after: [String: String] = [:]
        while ContinuousClock.now - start < .seconds(20) {
            after = try await world.broker.retainedStrings("#")
            if Set(before.keys).isSubset(of: after.keys) { break }
        }
        print(
            "broker restart: \(after.count) of \(before.count) retained topics back after \(ContinuousClock.now - start)"
        )
        #expect(after["test/marker"] == nil, "the broker kept retained messages over the restart")
        #expect(Set(before.keys).isSubset(of: after.keys))
        #expect(after["withings2mqtt/alice/weight_kg"] == before["withings2mqtt/alice/weight_kg"])
        #expect(after["withings2mqtt/bridge/state"] == "online")
        #expect(after["homeassistant/sensor/withings2mqtt_10000001/weight_kg/config"] != nil)
    }
}
