import TestSupport
import Testing

@testable import WithingsAPI

/// The getmeas byte scanner gives exactly what JSONDecoder gives, on real, generated and hand-written answers.
@Suite struct MeasurePageScannerTests {
    @Test(arguments: try Fixtures.allWithingsJSONFiles())
    func fixtureDecodesAsJSONDecoderDoes(path: String) throws {
        let shape = try #require(FixtureDecodingTests.shape(of: path))
        let bytes = try FixtureDecodingTests.envelopeBytes(path, shape: shape)
        let accepted = ScannerEquivalence.expectSame(bytes, path)
        // Every fixture is a status-0 envelope of plain JSON: the scanner must read them all, not decline.
        #expect(accepted, "the scanner declined \(path)")
        if shape == .measures {
            let page = try #require(MeasurePageScanner.page(from: bytes))
            #expect(!page.items.isEmpty, "\(path)")
        }
    }

    @Test func generatedDecadeDecodesAndAggregatesAsJSONDecoderDoes() throws {
        let bytes = try DecadeAnswer.bytes()
        let scanned = try #require(MeasurePageScanner.page(from: bytes))
        let decoded = try WithingsResponseDecoder.decodeWithJSONDecoder(
            WithingsPage<MeasureGroup>.self, from: TransportResponse(status: 200, body: bytes))
        #expect(scanned.items.count >= 20_000)
        #expect(ScannerEquivalence.PageFields(scanned) == ScannerEquivalence.PageFields(decoded))
        #expect(scanned.timezone != nil && scanned.updateTime == 1_767_225_600)
        for rules in [MeasureRules(), MeasureRules(includeAmbiguous: true, includeObjectives: true)] {
            let latest = LatestValues.mergeMeasures(scanned.items, rules: rules)
            #expect(latest == LatestValues.mergeMeasures(decoded.items, rules: rules))
            #expect(latest.count >= 12)
        }
        // As the bridge reads it: indexed, then decoded and merged one slice after another.
        let page = try WithingsResponseDecoder.decode(
            MeasurePage.self, from: TransportResponse(status: 200, body: bytes))
        let slice = WithingsClient.groupsPerSlice
        #expect(try ScannerEquivalence.PageFields(page, slice: slice) == ScannerEquivalence.PageFields(decoded))
        var merged: [MeasureKey: LatestMeasure] = [:]
        for range in page.slices(of: slice) {
            merged = LatestValues.mergeMeasures(try page.groups(range), into: merged)
        }
        #expect(merged == LatestValues.mergeMeasures(decoded.items))
    }

    @Test func slicesOutsideThePageAreClamped() throws {
        let bytes = Array(#"{"status":0,"body":{"measuregrps":[{"grpid":1,"date":2},{"grpid":3,"date":4}]}}"#.utf8)
        let page = try #require(MeasurePage.scanned(bytes))
        #expect(page.count == 2)
        #expect(page.slices(of: 1) == [0..<1, 1..<2])
        #expect(page.slices(of: 5) == [0..<2])
        let empty = try #require(MeasurePage.scanned(Array(#"{"status":0,"body":{"measuregrps":[]}}"#.utf8)))
        #expect(empty.slices(of: 1000) == [0..<0], "an empty page is still one (empty) slice")
        #expect(try page.groups(1..<5).map(\.groupID) == [3])
        #expect(try page.groups(2..<3).isEmpty)
        let decoded = MeasurePage(try #require(MeasurePageScanner.page(from: bytes)))
        #expect(try decoded.groups(1..<5).map(\.groupID) == [3])
    }

    @Test func theRealHistoryRepeatedDecodesAsJSONDecoderDoes() throws {
        let (bytes, groups) = try HistoryScaleTests.largeAnswer(atLeast: 4_000)
        #expect(ScannerEquivalence.expectSame(bytes, "repeated history"))
        #expect(MeasurePageScanner.page(from: bytes)?.items.count == groups)
    }

    @Test func declinedAnswersStillDecodeThroughJSONDecoder() throws {
        // A lone surrogate in `model`: the scanner declines, JSONDecoder's `try?` reads the model as nil.
        let declined = Array(#"{"status":0,"body":{"measuregrps":[{"grpid":1,"date":2,"model":"\ud800"}]}}"#.utf8)
        #expect(MeasurePageScanner.page(from: declined) == nil)
        let page = try WithingsResponseDecoder.decode(
            WithingsPage<MeasureGroup>.self, from: TransportResponse(status: 200, body: declined))
        #expect(page.items.first?.groupID == 1)
        #expect(page.items.first?.model == nil)
        let accepted = Array(#"{"status":0,"body":{"measuregrps":[{"grpid":1,"date":2,"model":"B\u00f6dy"}]}}"#.utf8)
        #expect(MeasurePageScanner.page(from: accepted)?.items.first?.model == "Bödy")
    }
}
