import Foundation
import MQTTDiscovery
import WithingsAPI

/// Shared inputs for the MQTTDiscovery tests.
enum TestData {
    static let layout = TopicLayout(baseTopic: "withings2mqtt", discoveryPrefix: "homeassistant")
    static let bridge = BridgeIdentity(layout: layout, softwareVersion: "1.2.3", supportURL: "https://example.org/w2m")
    static let alice = AccountIdentity(name: "alice", displayName: "Alice", userID: 12345)
    static let matID = "201d0b9a0556d6b755166b2cf8d22d3bdf0487ee"
    static let scaleID = "f998be4b9ccc9e136fd8cd8e8e344c31ec3b271d"

    /// A snapshot with a bit of everything (values from the fixtures).
    static let snapshot = AccountSnapshot(
        userID: 12345,
        measures: [
            MeasureKey(type: 1): LatestMeasure(
                value: 70.5, date: 1_564_660_800, attrib: 0, groupID: 1,
                deviceID: scaleID, model: "Body+"),
            MeasureKey(type: 4): LatestMeasure(value: 1.8, date: 1_564_660_800, attrib: 2, groupID: 2),
            MeasureKey(type: 6): LatestMeasure(value: 0.07, date: 1_564_660_800, attrib: 0, groupID: 1),
            MeasureKey(type: 12): LatestMeasure(value: 36.6, date: 1_564_660_800, attrib: 0, groupID: 3),
            MeasureKey(type: 9): LatestMeasure(value: 80, date: 1_564_660_800, attrib: 0, groupID: 4),
            MeasureKey(type: 175, position: 12): LatestMeasure(
                value: 25.25, date: 1_564_660_800, attrib: 0, groupID: 5),
            MeasureKey(type: 999): LatestMeasure(value: 3, date: 1_564_660_800, attrib: 0, groupID: 6),
            MeasureKey(type: 1, position: 5): LatestMeasure(value: 35.2, date: 1_564_660_800, attrib: 0, groupID: 7),
        ],
        sleep: SleepSummary(
            id: 2_081_804_182, date: "2021-04-18", startDate: 1_618_691_453, endDate: 1_618_713_173,
            timezone: "Europe/Paris", model: 32, modelID: 63, deviceID: matID,
            data: ["deepsleepduration": 5820, "hr_min": 70, "sleep_efficiency": 0.86, "total_sleep_time": 18660]
        ),
        activity: ActivityDay(
            date: "2023-10-21", timezone: "Europe/Amsterdam", modified: 1_697_932_800,
            data: ["steps": 1155, "distance": 1020.121, "elevation": 0, "calories": 24.25]),
        lastWorkout: Workout(
            id: 3_661_300_277, category: 307, startDate: 1_693_336_011, endDate: 1_693_336_513,
            date: "2023-08-29", data: ["calories": 0, "distance": 680, "intensity": 30]),
        goals: Goals(steps: 10000, sleep: 28800, weight: 70.5),
        devices: [
            Device(deviceID: scaleID, type: "Scale", battery: nil, model: "Body+", modelID: 5),
            Device(
                deviceID: scaleID, type: "Scale", battery: "high", model: "Body+", modelID: 5,
                lastSessionDate: 1_693_867_179),
            Device(deviceID: matID, type: "Sleep Monitor", battery: "medium", model: "", modelID: 63),
        ],
        bed: BedState(inBed: true, eventDate: 1_700_000_000, receivedAt: 1_700_000_002, deviceID: matID)
    )

    /// The JSON object of a payload (Foundation's parser: an independent check of our writer).
    static func object(_ message: MQTTMessage) throws -> [String: Any] {
        let parsed = try JSONSerialization.jsonObject(with: Data(message.payload))
        guard let object = parsed as? [String: Any] else { throw ParseError(topic: message.topic) }
        return object
    }

    struct ParseError: Error, CustomStringConvertible {
        var topic: String
        var description: String { "payload of \(topic) is not a JSON object" }
    }
}
