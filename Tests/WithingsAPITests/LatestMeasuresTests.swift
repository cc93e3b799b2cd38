import Testing
import WithingsAPI

/// Latest value per (type, position) over fixtures and tie-break tables.
@Suite struct LatestMeasuresTests {
    static func group(
        _ id: Int64, attrib: Int = 0, date: Int64, modified: Int64? = nil, category: Int = 1, _ measures: [Measure]
    ) -> MeasureGroup {
        MeasureGroup(
            groupID: id, attrib: attrib, date: date, modified: modified, category: category, measures: measures)
    }

    static func weight(_ kg: Int64, position: Int? = nil) -> Measure {
        Measure(value: kg, unit: 0, type: 1, position: position)
    }

    @Test func homeAssistantFixtureSkipsTheNewerAmbiguousGroup() throws {
        let groups = try FixtureLoading.items("homeassistant-2024.1/measurements.json", as: MeasureGroup.self)
        let latest = LatestValues.mergeMeasures(groups)
        let weight = try #require(latest[MeasureKey(type: 1)])
        #expect(weight.value == 70)
        #expect(weight.date == 1_564_660_800)
        #expect(weight.attrib == 0)
        #expect(latest[MeasureKey(type: 6)]?.value == 0.07)
        #expect(latest[MeasureKey(type: 54)]?.value == 0.95)
        #expect(latest.values.allSatisfy { $0.date == 1_564_660_800 })
    }

    @Test func ambiguousGroupsCountWhenConfigured() throws {
        let groups = try FixtureLoading.items("homeassistant-2024.1/measurements.json", as: MeasureGroup.self)
        let latest = LatestValues.mergeMeasures(groups, rules: MeasureRules(includeAmbiguous: true))
        #expect(latest[MeasureKey(type: 1)]?.date == 1_564_664_400)
        #expect(latest[MeasureKey(type: 1)]?.value == 71)
        #expect(latest[MeasureKey(type: 1)]?.attrib == 1)
    }

    @Test func incrementalMergeAddsTheLaterGroup() throws {
        let first = try FixtureLoading.items("homeassistant-2024.1/measurements.json", as: MeasureGroup.self)
        let later = try FixtureLoading.items("homeassistant-2024.1/measurements_1.json", as: MeasureGroup.self)
        let before = LatestValues.mergeMeasures(first)
        let after = LatestValues.mergeMeasures(later, into: before)
        #expect(after[MeasureKey(type: 1)]?.value == 71)
        #expect(after[MeasureKey(type: 1)]?.date == 1_618_605_055)
        // Type 8 is not in the later group: it keeps its old value rather than disappearing.
        #expect(after[MeasureKey(type: 8)] == before[MeasureKey(type: 8)])
        #expect(after.count >= before.count)
    }

    @Test func realHistoryGivesSensibleValuesForEveryType() throws {
        let groups = try FixtureLoading.items("aiowithings/measurement_list.json", as: MeasureGroup.self)
        let latest = LatestValues.mergeMeasures(groups)
        func value(_ type: Int) throws -> Double { try #require(latest[MeasureKey(type: type)]).value }
        #expect(Set(latest.keys.map(\.type)) == [1, 4, 5, 6, 8, 9, 10, 11, 76, 77, 88, 91, 155])
        #expect(latest.keys.allSatisfy { $0.position == nil })
        #expect(try (30...250).contains(value(1)))  // weight kg
        #expect(try abs(value(1) - 108.4) < 1e-9)
        #expect(try (1.0...2.5).contains(value(4)))  // height m
        #expect(try (2.0...70.0).contains(value(6)))  // fat ratio in %
        #expect(try abs(value(6) - 11.439) < 1e-9)
        #expect(try (40.0...130.0).contains(value(9)))  // diastolic
        #expect(try (70.0...230.0).contains(value(10)))  // systolic
        #expect(try value(10) > value(9))
        #expect(try (30.0...200.0).contains(value(11)))  // pulse
        #expect(try value(5) + value(8) - value(1) < 1)  // fat-free + fat ≈ weight
        #expect(try (3.0...20.0).contains(value(91)))  // pulse wave velocity m/s
        #expect(latest.values.allSatisfy { $0.attrib != 1 })
        #expect(latest[MeasureKey(type: 4)]?.attrib == 2)  // height was entered manually
    }

    @Test func segmentPositionsAreKeptAndWholeBodyFolds() throws {
        let groups = try FixtureLoading.items("aiowithings/measurement_positions.json", as: MeasureGroup.self)
        let latest = LatestValues.mergeMeasures(groups)
        for type in [173, 174, 175] {
            for position in [2, 3, 10, 11, 12] {
                #expect(latest[MeasureKey(type: type, position: position)] != nil, "\(type)@\(position)")
            }
        }
        #expect(latest[MeasureKey(type: 175, position: 12)]?.value == 38.7)
        #expect(latest[MeasureKey(type: 173, position: 2)]?.value == 5.18)
        #expect(latest[MeasureKey(type: 76)]?.value == 74.75)  // position 7 → no position
        #expect(latest[MeasureKey(type: 226)]?.value == 2308)
        #expect(latest.keys.allSatisfy { $0.position != 6 && $0.position != 7 })
        #expect(latest[MeasureKey(type: 1)]?.value == 96.44)
    }

    @Test func attribNormalisationAndUnknownAttribs() {
        let latest = LatestValues.mergeMeasures([
            Self.group(1, attrib: 8, date: 10, [Self.weight(80)]),
            Self.group(2, attrib: 17, date: 10, [Measure(value: 5, unit: 0, type: 158)]),
            Self.group(3, attrib: 42, date: 10, [Measure(value: 1, unit: 0, type: 9999)]),
        ])
        #expect(latest[MeasureKey(type: 1)]?.attrib == 0)
        #expect(latest[MeasureKey(type: 158)]?.attrib == 15)
        #expect(latest[MeasureKey(type: 9999)]?.attrib == 42)
    }

    @Test func objectivesAreNotMeasurements() {
        let latest = LatestValues.mergeMeasures([
            Self.group(1, date: 10, [Self.weight(80)]),
            Self.group(2, date: 20, category: 2, [Self.weight(70)]),
        ])
        #expect(latest[MeasureKey(type: 1)]?.value == 80)
    }

    // Table: groups in arrival order → the group id that must win for weight.
    static let tieCases: [(name: String, groups: [MeasureGroup], winner: Int64)] = [
        ("newer date wins regardless of order", [group(1, date: 20, [weight(1)]), group(2, date: 10, [weight(2)])], 1),
        (
            "same date: newer modified wins",
            [group(1, date: 10, modified: 30, [weight(1)]), group(2, date: 10, modified: 20, [weight(2)])], 1
        ),
        (
            "same date and modified: larger grpid wins",
            [group(9, date: 10, modified: 5, [weight(1)]), group(3, date: 10, modified: 5, [weight(2)])], 9
        ),
        (
            "ambiguous newest is skipped",
            [group(1, date: 10, [weight(1)]), group(2, attrib: 1, date: 20, [weight(2)])], 1
        ),
        (
            "whole-body position 7 folds into nil",
            [group(1, date: 10, [weight(1)]), group(2, date: 20, [weight(2, position: 7)])], 2
        ),
    ]

    @Test(arguments: 0..<tieCases.count)
    func tieBreaks(index: Int) {
        let testCase = Self.tieCases[index]
        let latest = LatestValues.mergeMeasures(testCase.groups)
        #expect(latest[MeasureKey(type: 1)]?.groupID == testCase.winner, "\(testCase.name)")
    }

    @Test func incomingGroupBeatsStoredValueOfTheSameDate() {
        let stored = LatestValues.mergeMeasures([Self.group(1, date: 10, [Self.weight(80)])])
        // The same group edited in the app comes back with the same date and a new value.
        let edited = LatestValues.mergeMeasures(
            [Self.group(1, date: 10, modified: 99, [Self.weight(79)])], into: stored)
        #expect(edited[MeasureKey(type: 1)]?.value == 79)
        let older = LatestValues.mergeMeasures([Self.group(5, date: 5, [Self.weight(60)])], into: stored)
        #expect(older[MeasureKey(type: 1)]?.value == 80)
    }
}
