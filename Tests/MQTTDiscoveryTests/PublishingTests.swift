import MQTTDiscovery
import Testing
import WithingsAPI

@Suite struct PublishingTests {
    let builder = DiscoveryPayloadBuilder(bridge: TestData.bridge)
    let scope = "withings2mqtt_12345"

    @Test func publishesOnlyChangedConfigs() throws {
        var cache = DiscoveryCache()
        var snapshot = TestData.snapshot
        let first = cache.update(scope: scope, generated: builder.configs(for: snapshot, account: TestData.alice))
        #expect(first.count == builder.configs(for: snapshot, account: TestData.alice).count)
        let again = cache.update(scope: scope, generated: builder.configs(for: snapshot, account: TestData.alice))
        #expect(again.isEmpty)

        // A new measure type adds exactly one config.
        snapshot.measures[MeasureKey(type: 4242)] = LatestMeasure(value: 1, date: 0, attrib: 0, groupID: 9)
        let added = cache.update(scope: scope, generated: builder.configs(for: snapshot, account: TestData.alice))
        #expect(added.map(\.topic) == ["homeassistant/sensor/withings2mqtt_12345/measure_4242/config"])

        // A device that disappears gets its config cleared (empty retained payload).
        snapshot.devices.removeAll { $0.deviceID == TestData.matID }
        let removed = cache.update(scope: scope, generated: builder.configs(for: snapshot, account: TestData.alice))
        let cleared = try #require(removed.first)
        #expect(removed.count == 1 && cleared.payload.isEmpty && cleared.retain)
        #expect(cleared.topic == "homeassistant/sensor/withings2mqtt_12345/battery_\(TestData.matID)/config")
    }

    @Test func scopesDoNotClearEachOther() {
        var cache = DiscoveryCache()
        let bob = AccountIdentity(name: "bob", userID: 777)
        _ = cache.update(scope: "a", generated: builder.configs(for: TestData.snapshot, account: TestData.alice))
        let bobs = cache.update(scope: "b", generated: builder.configs(for: AccountSnapshot(userID: 777), account: bob))
        #expect(!bobs.isEmpty && bobs.allSatisfy { !$0.payload.isEmpty })
        #expect(
            cache.update(scope: "a", generated: builder.configs(for: TestData.snapshot, account: TestData.alice))
                .isEmpty)
        cache.invalidate()
        #expect(
            !cache.update(scope: "a", generated: builder.configs(for: TestData.snapshot, account: TestData.alice))
                .isEmpty)
    }

    @Test func staleSweepKeepsOthersConfigs() {
        let sweep = StaleConfigSweep(layout: TestData.layout)
        #expect(sweep.subscriptionFilter == "homeassistant/+/+/+/config")
        let generated = builder.configs(for: TestData.snapshot, account: TestData.alice)
        let oldOfOurs = MQTTMessage(
            topic: "homeassistant/sensor/withings2mqtt_12345/vo2_max/config",
            string: #"{"state_topic":"withings2mqtt/alice/vo2_max","origin":{"name":"withings2mqtt"}}"#
        )
        let abbreviatedOfOurs = MQTTMessage(
            topic: "homeassistant/sensor/someone/renamed/config",
            string: #"{"~":"withings2mqtt/alice","stat_t":"~/x","o":{"name":"withings2mqtt"}}"#
        )
        let zigbee = MQTTMessage(
            topic: "homeassistant/sensor/0x00158d0001/temperature/config",
            string: #"{"state_topic":"zigbee2mqtt/kitchen","origin":{"name":"Zigbee2MQTT"}}"#
        )
        // Another withings2mqtt instance on the same broker, with its own base topic.
        let otherInstance = MQTTMessage(
            topic: "homeassistant/sensor/withings2mqtt_999/weight_kg/config",
            string:
                #"{"state_topic":"w2m-upstairs/carol/weight_kg","availability":[{"topic":"w2m-upstairs/bridge/state"}],"origin":{"name":"withings2mqtt"}}"#
        )
        let foreignUnderOurBase = MQTTMessage(
            topic: "homeassistant/sensor/node/thing/config",
            string: #"{"state_topic":"withings2mqtt/alice/thing"}"#
        )
        let garbageOfOurs = MQTTMessage(topic: "homeassistant/sensor/withings2mqtt_12345/broken/config", string: "{")
        let alreadyCleared = MQTTMessage(topic: "homeassistant/sensor/withings2mqtt_12345/gone/config", payload: [])
        let seen =
            generated + [
                oldOfOurs, abbreviatedOfOurs, zigbee, otherInstance, foreignUnderOurBase,
                garbageOfOurs, alreadyCleared,
            ]
        let clear = sweep.clearMessages(seen: seen, generated: Set(generated.map(\.topic)))
        #expect(
            clear.map(\.topic) == [
                "homeassistant/sensor/someone/renamed/config",
                "homeassistant/sensor/withings2mqtt_12345/broken/config",
                "homeassistant/sensor/withings2mqtt_12345/vo2_max/config",
            ])
        #expect(clear.allSatisfy { $0.payload.isEmpty && $0.retain && $0.qos == 1 })
    }
}
