import TestSupport
import Testing
import WithingsAPI

/// A 10-year history must decode and aggregate quickly; figures are printed, not asserted (noisy machines).
@Suite struct HistoryScaleTests {
    /// The real 2,062-group history repeated until it has at least `count` groups, as one getmeas answer.
    static func largeAnswer(atLeast count: Int) throws -> (bytes: [UInt8], groups: Int) {
        let list = try Fixtures.withings("aiowithings/measurement_list.json")
        // Strip the outer brackets so copies can be joined into one array.
        let open = try #require(list.firstIndex(of: UInt8(ascii: "[")))
        let close = try #require(list.lastIndex(of: UInt8(ascii: "]")))
        let inner = Array(list[(open + 1)..<close])
        let copies = (count + 2061) / 2062
        var joined: [UInt8] = []
        joined.reserveCapacity(inner.count * copies + copies)
        for copy in 0..<copies {
            if copy > 0 { joined.append(UInt8(ascii: ",")) }
            joined.append(contentsOf: inner)
        }
        let fragment = [UInt8(ascii: "[")] + joined + [UInt8(ascii: "]")]
        return (
            Fixtures.envelope(
                key: "measuregrps", fragment: fragment, extraBodyJSON: #""more":0,"updatetime":1700000000"#),
            2062 * copies
        )
    }

    @Test func twentyThousandGroupsDecodeAndAggregate() throws {
        let (bytes, expected) = try Self.largeAnswer(atLeast: 20_000)
        let clock = ContinuousClock()
        var page: WithingsPage<MeasureGroup>?
        let decodeTime = try clock.measure {
            page = try WithingsResponseDecoder.decode(
                WithingsPage<MeasureGroup>.self, from: TransportResponse(status: 200, body: bytes))
        }
        let groups = try #require(page).items
        #expect(groups.count == expected)
        var latest: [MeasureKey: LatestMeasure] = [:]
        let aggregateTime = clock.measure { latest = LatestValues.mergeMeasures(groups) }
        #expect(latest[MeasureKey(type: 1)]?.value == 108.4)
        print(
            "history: \(groups.count) groups, \(bytes.count / 1024) KiB; decode \(decodeTime), aggregate \(aggregateTime)"
        )
    }
}
