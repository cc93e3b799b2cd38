import MQTTDiscovery
import Testing
import WithingsAPI

@Suite struct StateFormattingTests {
    func states(_ units: UnitSystem = .metric) -> [String: String] {
        let builder = StateMessageBuilder(layout: TestData.layout, units: units)
        var table: [String: String] = [:]
        for message in builder.messages(for: TestData.snapshot, account: TestData.alice) {
            #expect(message.retain && message.qos == 1)
            table[message.topic] = message.payloadString
        }
        return table
    }

    func state(_ key: String, _ units: UnitSystem = .metric) -> String? {
        states(units)["withings2mqtt/alice/\(key)"]
    }

    @Test func statesOfASnapshot() {
        #expect(state("weight_kg") == "70.5")
        #expect(state("height_m") == "1.8")
        #expect(state("fat_ratio_pct") == "0.07")
        #expect(state("diastolic_blood_pressure_mmhg") == "80")
        #expect(state("muscle_mass_for_segments_torso") == "25.25")
        #expect(state("measure_999") == "3")
        #expect(state("measure_1_5") == "35.2")
        #expect(state("bone_mass_kg") == "None")
        #expect(state("sleep_deep_duration_seconds") == "5820")
        #expect(state("sleep_heart_rate_min_bpm") == "70")
        #expect(state("sleep_efficiency_pct") == "86")
        #expect(state("sleep_score") == "None")
        #expect(state("activity_steps_today") == "1155")
        #expect(state("activity_distance_today") == "1020.121")
        #expect(state("activity_floors_climbed_today") == "0")
        #expect(state("activity_active_calories_burnt_today") == "24.25")
        #expect(state("step_goal") == "10000")
        #expect(state("sleep_goal") == "28800")
        #expect(state("workout_type") == "indoor_running")
        #expect(state("workout_duration") == "502")
        #expect(state("workout_active_calories_burnt") == "None")
        #expect(state("workout_pause_duration") == "0")
        #expect(state("workout_intensity") == "30")
        #expect(state("in_bed") == "ON")
        #expect(state("battery_\(TestData.scaleID)") == "high")
        #expect(state("battery_\(TestData.matID)") == "medium")
        #expect(state("last_poll") == nil, "diagnostics have their own topic")
    }

    @Test func everythingUnknownIsNone() {
        let builder = StateMessageBuilder(layout: TestData.layout)
        let messages = builder.messages(for: AccountSnapshot(userID: 1), account: TestData.alice)
        let states = messages.filter { !$0.topic.hasSuffix("/attributes") }
        #expect(states.count == EntityCatalog.accountEntities.count)
        #expect(states.allSatisfy { $0.payloadString == "None" })
        #expect(messages.filter { $0.topic.hasSuffix("/attributes") }.allSatisfy { $0.payloadString == "{}" })
        #expect(!messages.contains { $0.topic.hasSuffix("/in_bed") })
    }

    @Test func attributes() {
        let table = states()
        #expect(
            table["withings2mqtt/alice/weight_kg/attributes"]
                == #"{"attrib":0,"device_id":"\#(TestData.scaleID)","group_id":1,"measured_at":"2019-08-01T12:00:00Z","model":"Body+"}"#
        )
        #expect(
            table["withings2mqtt/alice/sleep_deep_duration_seconds/attributes"]
                == #"{"date":"2021-04-18","device_id":"\#(TestData.matID)","end":"2021-04-18T02:32:53Z","measured_at":"2021-04-18T02:32:53Z","model_id":63,"start":"2021-04-17T20:30:53Z","timezone":"Europe/Paris"}"#
        )
        #expect(
            table["withings2mqtt/alice/activity_steps_today/attributes"]
                == #"{"date":"2023-10-21","measured_at":"2023-10-22T00:00:00Z","timezone":"Europe/Amsterdam"}"#)
        #expect(
            table["withings2mqtt/alice/in_bed/attributes"]
                == #"{"device_id":"\#(TestData.matID)","measured_at":"2023-11-14T22:13:20Z","received_at":"2023-11-14T22:13:22Z"}"#
        )
        #expect(table["withings2mqtt/alice/bone_mass_kg/attributes"] == "{}")
    }

    @Test func imperialConversion() {
        #expect(state("weight_kg", .imperial) == "155.43")
        #expect(state("weight_goal", .imperial) == "155.43")
        #expect(state("muscle_mass_for_segments_torso", .imperial) == "55.67")
        #expect(state("temperature_c", .imperial) == "97.88")
        #expect(state("height_m", .imperial) == "5.91")
        #expect(state("activity_distance_today", .imperial) == "0.634")
        #expect(state("workout_distance", .imperial) == "0.423")
        #expect(state("diastolic_blood_pressure_mmhg", .imperial) == "80")
        #expect(state("activity_floors_climbed_today", .imperial) == "0")
        #expect(state("sleep_deep_duration_seconds", .imperial) == "5820")
    }

    @Test func numbersWithoutFloatNoise() {
        #expect(NumberFormat.format(70.5) == "70.5")
        #expect(NumberFormat.format(70.500000001) == "70.500000001")
        #expect(NumberFormat.format(0.1 + 0.2) == "0.3")
        #expect(NumberFormat.format(70) == "70")
        #expect(NumberFormat.format(-3.25) == "-3.25")
        #expect(NumberFormat.format(0.00001) == "0.00001")
        #expect(NumberFormat.format(-0.0) == "0")
        #expect(NumberFormat.format(123_456_789.1) == "123456789.1")
        #expect(NumberFormat.format(1e16) == "10000000000000000")
        #expect(NumberFormat.format(Double(70500) / 1000) == "70.5")
    }

    @Test func isoTimestamps() {
        #expect(ISO8601.format(epochSeconds: 0) == "1970-01-01T00:00:00Z")
        #expect(ISO8601.format(epochSeconds: 951_782_400) == "2000-02-29T00:00:00Z")
        #expect(ISO8601.format(epochSeconds: 1_564_660_800) == "2019-08-01T12:00:00Z")
        #expect(ISO8601.format(epochSeconds: -1) == "1969-12-31T23:59:59Z")
    }

    @Test func jsonEscapingAndOrder() {
        let value = JSONValue.object(["b": .string("q\"\\\n\u{1}é"), "a": .array([.null, .bool(true), .integer(-2)])])
        #expect(value.serialized == #"{"a":[null,true,-2],"b":"q\"\\\n\u0001é"}"#)
    }

    @Test func jsonEscapesEveryControlCharacterAndKeepsUnicode() {
        let text = "\r\t\u{1F}\u{7F}日本 \u{1F6CF}"
        #expect(JSONValue.string(text).serialized == #""\r\t\u001f"# + "\u{7F}日本 \u{1F6CF}\"")
        let keys = JSONValue.object(["é": .integer(1), "z": .integer(2), "Z": .integer(3)])
        #expect(keys.serialized == #"{"Z":3,"z":2,"é":1}"#)
        #expect(JSONValue.string("").serializedBytes == Array(#""""#.utf8))
    }

    @Test func slugsKeepLowerCaseLettersAndDigits() {
        #expect(TopicSlug.make("Ab-1/x") == "ab_1_x")
        #expect(TopicSlug.make("Bäd 日本") == "b_d___")
        #expect(TopicSlug.make("") == "_")
    }
}
