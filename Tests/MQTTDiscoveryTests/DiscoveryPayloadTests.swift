import MQTTDiscovery
import Testing
import WithingsAPI

/// Golden discovery payloads, field by field.
@Suite struct DiscoveryPayloadTests {
    let builder = DiscoveryPayloadBuilder(bridge: TestData.bridge)

    func config(_ key: String) throws -> MQTTMessage {
        let configs = builder.configs(for: TestData.snapshot, account: TestData.alice)
        return try #require(configs.first { $0.topic.hasSuffix("/\(key)/config") }, "no config for \(key)")
    }

    func expectCommonFields(_ payload: [String: Any], key: String, component: String) throws {
        #expect(payload["unique_id"] as? String == "withings2mqtt_12345_\(key)")
        #expect(payload["default_entity_id"] as? String == "\(component).withings_alice_\(key)")
        #expect(payload["state_topic"] as? String == "withings2mqtt/alice/\(key)")
        #expect(payload["json_attributes_topic"] as? String == "withings2mqtt/alice/\(key)/attributes")
        #expect(payload["qos"] as? Int == 1)
        let origin = try #require(payload["origin"] as? [String: String])
        #expect(origin == ["name": "withings2mqtt", "sw_version": "1.2.3", "support_url": "https://example.org/w2m"])
        let device = try #require(payload["device"] as? [String: Any])
        #expect(device["identifiers"] as? [String] == ["withings2mqtt_12345"])
        #expect(device["name"] as? String == "Alice")
        #expect(device["manufacturer"] as? String == "Withings")
        #expect(device["model"] as? String == "Withings account")
        #expect(device["via_device"] as? String == "withings2mqtt_bridge_withings2mqtt")
        let availability = try #require(payload["availability"] as? [[String: String]])
        #expect(
            availability == [["topic": "withings2mqtt/bridge/state"], ["topic": "withings2mqtt/alice/availability"]])
        #expect(payload["availability_mode"] as? String == "all")
        #expect(payload["payload_available"] as? String == "online")
        #expect(payload["payload_not_available"] as? String == "offline")
        #expect(payload["object_id"] as? String == "withings_alice_\(key)")
    }

    @Test func weight() throws {
        let message = try config("weight_kg")
        #expect(message.topic == "homeassistant/sensor/withings2mqtt_12345/weight_kg/config")
        #expect(message.retain && message.qos == 1)
        let payload = try TestData.object(message)
        try expectCommonFields(payload, key: "weight_kg", component: "sensor")
        #expect(payload["name"] as? String == "Weight")
        #expect(payload["unit_of_measurement"] as? String == "kg")
        #expect(payload["device_class"] as? String == "weight")
        #expect(payload["state_class"] as? String == "measurement")
        #expect(payload["suggested_display_precision"] as? Int == 2)
        #expect(payload["enabled_by_default"] as? Bool == true)
        #expect(payload["entity_category"] == nil && payload["options"] == nil)
        #expect(payload.count == 18)
        // Stable bytes: sorted keys, no whitespace.
        #expect(
            message.payloadString.hasPrefix(
                #"{"availability":[{"topic":"withings2mqtt/bridge/state"},{"topic":"withings2mqtt/alice/availability"}],"#
                    + #""availability_mode":"all","default_entity_id":"sensor.withings_alice_weight_kg","device":{"#
            ))
        #expect(
            message.payloadString.hasSuffix(#""unique_id":"withings2mqtt_12345_weight_kg","unit_of_measurement":"kg"}"#)
        )
    }

    @Test func deepSleep() throws {
        let message = try config("sleep_deep_duration_seconds")
        #expect(message.topic == "homeassistant/sensor/withings2mqtt_12345/sleep_deep_duration_seconds/config")
        let payload = try TestData.object(message)
        try expectCommonFields(payload, key: "sleep_deep_duration_seconds", component: "sensor")
        #expect(payload["name"] as? String == "Deep sleep")
        #expect(payload["unit_of_measurement"] as? String == "s")
        #expect(payload["device_class"] as? String == "duration")
        #expect(payload["state_class"] as? String == "measurement")
        #expect(payload["suggested_display_precision"] == nil)
        #expect(payload["enabled_by_default"] as? Bool == true)
        #expect(payload.count == 17)
    }

    @Test func inBed() throws {
        let message = try config("in_bed")
        #expect(message.topic == "homeassistant/binary_sensor/withings2mqtt_12345/in_bed/config")
        let payload = try TestData.object(message)
        try expectCommonFields(payload, key: "in_bed", component: "binary_sensor")
        #expect(payload["name"] as? String == "In bed")
        #expect(payload["device_class"] as? String == "occupancy")
        #expect(payload["payload_on"] as? String == "ON")
        #expect(payload["payload_off"] as? String == "OFF")
        #expect(payload["unit_of_measurement"] == nil && payload["state_class"] == nil)
        #expect(payload["enabled_by_default"] as? Bool == true)
        #expect(payload.count == 17)
    }

    @Test func batteryHangsOnThePhysicalDevice() throws {
        let message = try config("battery_\(TestData.matID)")
        #expect(message.topic.hasPrefix("homeassistant/sensor/withings2mqtt_12345/battery_"))
        let payload = try TestData.object(message)
        #expect(payload["unique_id"] as? String == "withings2mqtt_12345_battery_\(TestData.matID)")
        #expect(payload["device_class"] as? String == "enum")
        #expect(payload["options"] as? [String] == ["low", "medium", "high"])
        #expect(payload["entity_category"] as? String == "diagnostic")
        let device = try #require(payload["device"] as? [String: Any])
        #expect(device["identifiers"] as? [String] == ["withings2mqtt_device_\(TestData.matID)"])
        #expect(device["name"] as? String == "Sleep Monitor")
        #expect(device["via_device"] as? String == "withings2mqtt_12345")
    }

    @Test func bridgeDiagnostics() throws {
        let message = try config("last_poll")
        let payload = try TestData.object(message)
        #expect(payload["name"] as? String == "Alice last poll")
        #expect(payload["device_class"] as? String == "timestamp")
        #expect(payload["entity_category"] as? String == "diagnostic")
        #expect(payload["state_topic"] as? String == "withings2mqtt/alice/diagnostics")
        #expect(payload["value_template"] as? String == "{{ value_json.last_poll }}")
        #expect(payload["availability"] as? [[String: String]] == [["topic": "withings2mqtt/bridge/state"]])
        let device = try #require(payload["device"] as? [String: Any])
        #expect(device["identifiers"] as? [String] == ["withings2mqtt_bridge_withings2mqtt"])
        #expect(device["sw_version"] as? String == "1.2.3")

        let connected = try #require(builder.bridgeConfigs().first)
        #expect(connected.topic == "homeassistant/binary_sensor/withings2mqtt_bridge_withings2mqtt/connected/config")
        let bridgePayload = try TestData.object(connected)
        #expect(bridgePayload["state_topic"] as? String == "withings2mqtt/bridge/state")
        #expect(bridgePayload["payload_on"] as? String == "online")
        #expect(bridgePayload["availability"] == nil)
        #expect(bridgePayload["device_class"] as? String == "connectivity")
    }

    @Test func imperialUnitsFollowInDiscovery() throws {
        var bridge = TestData.bridge
        bridge.units = .imperial
        let imperial = DiscoveryPayloadBuilder(bridge: bridge)
        let configs = imperial.configs(for: TestData.snapshot, account: TestData.alice)
        func unit(_ key: String) throws -> String? {
            let message = try #require(configs.first { $0.topic.hasSuffix("/\(key)/config") })
            return try TestData.object(message)["unit_of_measurement"] as? String
        }
        #expect(try unit("weight_kg") == "lb")
        #expect(try unit("weight_goal") == "lb")
        #expect(try unit("temperature_c") == "°F")
        #expect(try unit("height_m") == "ft")
        #expect(try unit("activity_distance_today") == "mi")
        #expect(try unit("workout_distance") == "mi")
        #expect(try unit("activity_floors_climbed_today") == "floors")
        #expect(try unit("systolic_blood_pressure_mmhg") == "mmHg")
    }
}
