import MQTTDiscovery
import Testing
import WithingsAPI

/// Walks every generated discovery payload against Home Assistant's validation rules (mqtt-anchors.md 3.4),
/// so that no entity is rejected or warned about.
@Suite struct HomeAssistantRulesTests {
    // HA sensor/const.py: DEVICE_CLASS_UNITS for the classes we may use.
    static let unitsByDeviceClass: [String: Set<String>] = [
        "weight": ["g", "kg", "mg", "µg", "oz", "lb", "st"],
        "duration": ["d", "h", "min", "s", "ms"],
        "temperature": ["°C", "°F", "K"],
        "pressure": ["Pa", "hPa", "kPa", "bar", "cbar", "mbar", "mmHg", "inHg", "psi"],
        "distance": ["km", "m", "cm", "mm", "mi", "yd", "ft", "in"],
        "speed": ["m/s", "km/h", "mph", "ft/s", "kn", "in/d", "in/h", "mm/d", "mm/h", "mm/s", "in/s"],
    ]
    // HA sensor/const.py: DEVICE_CLASS_STATE_CLASSES.
    static let stateClassesByDeviceClass: [String: Set<String>] = [
        "weight": ["measurement", "total", "total_increasing"],
        "duration": ["measurement", "total", "total_increasing"],
        "distance": ["measurement", "total", "total_increasing"],
        "temperature": ["measurement"],
        "pressure": ["measurement"],
        "speed": ["measurement"],
        "timestamp": [],
        "enum": [],
    ]
    static let unitlessDeviceClasses: Set<String> = ["timestamp", "enum"]
    static let binaryDeviceClasses: Set<String> = ["occupancy", "connectivity"]
    // Units HA has no device class for (HA's own withings integration leaves device_class out for them).
    static let classlessUnits: Set<String> = ["bpm", "br/min", "%", "steps", "kcal", "floors", "points", "times"]

    static func allConfigs(units: UnitSystem) -> [MQTTMessage] {
        var bridge = TestData.bridge
        bridge.units = units
        let builder = DiscoveryPayloadBuilder(bridge: bridge)
        return builder.configs(for: TestData.snapshot, account: TestData.alice) + builder.bridgeConfigs()
    }

    @Test(arguments: UnitSystem.allCases)
    func everyPayloadPassesHomeAssistantsSensorRules(units: UnitSystem) throws {
        let configs = Self.allConfigs(units: units)
        #expect(configs.count > 100)
        for message in configs {
            let payload = try TestData.object(message)
            let topic = message.topic
            let deviceClass = payload["device_class"] as? String
            let unit = payload["unit_of_measurement"] as? String
            let stateClass = payload["state_class"] as? String
            // object_id only as the pre-2025.10 spelling of default_entity_id, never on its own.
            let entityID = payload["default_entity_id"] as? String
            let objectID = entityID?.split(separator: ".").last.map(String.init)
            #expect(objectID == payload["object_id"] as? String, "\(topic)")
            #expect(payload["last_reset_value_template"] == nil, "\(topic)")
            #expect(stateClass != "total", "\(topic): total needs last_reset")
            if let category = payload["entity_category"] as? String {
                #expect(category == "diagnostic", "\(topic): read-only entities allow only diagnostic")
            }
            if topic.contains("/binary_sensor/") {
                #expect(unit == nil && stateClass == nil, "\(topic)")
                if let deviceClass { #expect(Self.binaryDeviceClasses.contains(deviceClass), "\(topic)") }
                #expect(payload["payload_on"] is String && payload["payload_off"] is String, "\(topic)")
                continue
            }
            #expect(topic.contains("/sensor/"), "\(topic)")
            if let options = payload["options"] as? [String] {
                #expect(!options.isEmpty && deviceClass == "enum" && unit == nil && stateClass == nil, "\(topic)")
            }
            if deviceClass == "enum" { #expect(payload["options"] is [String], "\(topic): enum needs options") }
            guard let deviceClass else {
                if let unit {
                    #expect(
                        !Self.unitsByDeviceClass.values.contains { $0.contains(unit) },
                        "\(topic): \(unit) has a device class in HA")
                }
                continue
            }
            let allowedStateClasses = try #require(
                Self.stateClassesByDeviceClass[deviceClass],
                "\(topic): device class \(deviceClass) not in the table")
            if let stateClass { #expect(allowedStateClasses.contains(stateClass), "\(topic): \(stateClass)") }
            if Self.unitlessDeviceClasses.contains(deviceClass) {
                #expect(unit == nil, "\(topic): \(deviceClass) takes no unit")
            } else {
                let allowedUnits = try #require(Self.unitsByDeviceClass[deviceClass])
                let unit = try #require(unit, "\(topic): \(deviceClass) needs a unit")
                #expect(allowedUnits.contains(unit), "\(topic): \(unit) not valid for \(deviceClass)")
            }
        }
    }

    @Test func classlessUnitsCarryNoDeviceClass() {
        for entity in EntityCatalog.all {
            guard let unit = entity.unit, Self.classlessUnits.contains(unit) else { continue }
            #expect(entity.deviceClass == nil, "\(entity.key): \(unit) must not have a device class")
        }
    }

    @Test func namesDomoticzWouldSkipAreAbsent() {
        let objectIDs = Self.allConfigs(units: .metric).map { message -> String in
            let levels = message.topic.split(separator: "/")
            return String(levels[levels.count - 2])
        }
        let skipped: Set<String> = ["last_seen", "connection_state", "restart", "log_level", "linkquality"]
        for id in objectIDs {
            #expect(!id.hasSuffix("_min") && !id.hasSuffix("_max"), "\(id)")
            #expect(!id.hasPrefix("min_") && !id.hasPrefix("max_"), "\(id)")
            #expect(!id.contains("_alarm") && !id.contains("_calibration") && !id.contains("_sensitivity"), "\(id)")
            #expect(!skipped.contains(id), "\(id)")
            #expect(!id.contains("__"), "\(id)")
            #expect(id.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }, "\(id)")
        }
    }

    @Test func uniqueIDsDoNotEndLikeSkippedNames() throws {
        for message in Self.allConfigs(units: .metric) {
            let uniqueID = try #require(TestData.object(message)["unique_id"] as? String)
            #expect(!uniqueID.hasSuffix("_min") && !uniqueID.hasSuffix("_max"), "\(uniqueID)")
        }
    }

    @Test func topicsAndUniqueIDsAreUnique() throws {
        let configs = Self.allConfigs(units: .metric)
        #expect(Set(configs.map(\.topic)).count == configs.count)
        let uniqueIDs = try configs.map { try #require(TestData.object($0)["unique_id"] as? String) }
        #expect(Set(uniqueIDs).count == uniqueIDs.count)
        let entityIDs = try configs.map { try #require(TestData.object($0)["default_entity_id"] as? String) }
        #expect(Set(entityIDs).count == entityIDs.count)
    }
}
