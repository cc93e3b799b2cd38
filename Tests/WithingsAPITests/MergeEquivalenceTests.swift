import Testing
import WithingsAPI
import WithingsEmulator

/// `LatestValues.mergeMeasures` (one pass, no sort) gives what the sort-based merge it replaced gave.
@Suite struct MergeEquivalenceTests {
    /// The merge as it was before the one-pass version: sort oldest first (stable), the last writer wins.
    static func sortedMerge(
        _ groups: [MeasureGroup], into existing: [MeasureKey: LatestMeasure], rules: MeasureRules
    ) -> [MeasureKey: LatestMeasure] {
        let ordered = groups.filter(rules.accepts).sorted { lhs, rhs in
            if lhs.date != rhs.date { return lhs.date < rhs.date }
            let lhsChanged = lhs.modified ?? lhs.created ?? 0
            let rhsChanged = rhs.modified ?? rhs.created ?? 0
            if lhsChanged != rhsChanged { return lhsChanged < rhsChanged }
            return lhs.groupID < rhs.groupID
        }
        var result = existing
        for group in ordered {
            let attrib = MeasureRules.normalizedAttrib(group.attrib)
            for measure in group.measures {
                let key = MeasureKey(type: measure.type, position: MeasureRules.normalizedPosition(measure.position))
                if let current = result[key], current.date > group.date { continue }
                result[key] = LatestMeasure(
                    value: measure.realValue, date: group.date, attrib: attrib, groupID: group.groupID,
                    deviceID: group.deviceID, model: group.model)
            }
        }
        return result
    }

    /// Every combination of the rules.
    static let allRules = [
        MeasureRules(), MeasureRules(includeAmbiguous: true), MeasureRules(includeObjectives: true),
        MeasureRules(includeAmbiguous: true, includeObjectives: true),
    ]

    /// Random groups over few dates, ids and keys, so ties on every sort criterion are common.
    static func randomGroups(_ count: Int, using random: inout SeededRandom) -> [MeasureGroup] {
        (0..<count).map { index in
            let measures = (0..<Int.random(in: 0..<4, using: &random)).map { _ in
                Measure(
                    value: Int64.random(in: -50...50, using: &random), unit: Int.random(in: -2...1, using: &random),
                    type: [1, 4, 6, 9, 300, -1].randomElement(using: &random) ?? 1,
                    position: [nil, nil, 2, 6, 7, 12].randomElement(using: &random) ?? nil)
            }
            return MeasureGroup(
                groupID: Int64.random(in: 1...4, using: &random),
                attrib: [0, 1, 2, 8, 17].randomElement(using: &random) ?? 0,
                date: Int64.random(in: 1...5, using: &random),
                created: Bool.random(using: &random) ? Int64.random(in: 1...3, using: &random) : nil,
                modified: Bool.random(using: &random) ? Int64.random(in: 1...3, using: &random) : nil,
                category: Int.random(in: 1...2, using: &random), deviceID: "d\(index)", model: nil, measures: measures)
        }
    }

    @Test func randomGroupsWithTiesMergeAsTheSortedMergeDid() {
        var random = SeededRandom(seed: 0xA66)
        for round in 0..<400 {
            let groups = Self.randomGroups(Int.random(in: 0..<40, using: &random), using: &random)
            let earlier = Self.randomGroups(Int.random(in: 0..<6, using: &random), using: &random)
            let existing = Self.sortedMerge(earlier, into: [:], rules: MeasureRules(includeAmbiguous: true))
            for rules in Self.allRules {
                let merged = LatestValues.mergeMeasures(groups, into: existing, rules: rules)
                #expect(merged == Self.sortedMerge(groups, into: existing, rules: rules), "round \(round)")
            }
        }
    }

    @Test func generatedDecadeMergesAsTheSortedMergeDid() throws {
        let page = try WithingsResponseDecoder.decode(
            WithingsPage<MeasureGroup>.self, from: TransportResponse(status: 200, body: DecadeAnswer.bytes()))
        let halves = (Array(page.items[..<(page.items.count / 2)]), Array(page.items[(page.items.count / 2)...]))
        for rules in Self.allRules {
            let merged = LatestValues.mergeMeasures(page.items, rules: rules)
            #expect(merged == Self.sortedMerge(page.items, into: [:], rules: rules))
            // Newest-first answers merged in two calls, older half second: stored newer values must survive.
            let incremental = LatestValues.mergeMeasures(
                halves.1, into: LatestValues.mergeMeasures(halves.0, rules: rules), rules: rules)
            #expect(
                incremental
                    == Self.sortedMerge(
                        halves.1, into: Self.sortedMerge(halves.0, into: [:], rules: rules), rules: rules))
            #expect(merged.count >= 12)
        }
    }
}
