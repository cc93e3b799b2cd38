import Foundation
import LocalTime
import Testing
import WithingsEmulator

@Suite struct TZifDecoderTests {
    @Test func decodesVersion2WithFooter() throws {
        let rules = try TZifDecoder.decode(TZifBuilder().bytes)
        #expect(rules.transitions == [0, 1_000_000])
        #expect(rules.transitionTypes == [1, 0])
        #expect(rules.types[0] == LocalTimeType(utcOffset: 3600, isDaylightSaving: false, abbreviation: "CET"))
        #expect(rules.types[1] == LocalTimeType(utcOffset: 7200, isDaylightSaving: true, abbreviation: "CEST"))
        #expect(rules.footer == PosixTimeZoneRule("CET-1CEST,M3.5.0,M10.5.0/3"))
        #expect(rules.utcOffset(at: -1) == 3600)
        #expect(rules.utcOffset(at: 0) == 7200)
        #expect(rules.utcOffset(at: 999_999) == 7200)
        #expect(rules.utcOffset(at: 1_000_000) == 3600)
        // 2024-07-01 comes from the footer.
        #expect(rules.utcOffset(at: 1_719_792_000) == 7200)
        #expect(rules.nextTransition(after: -5) == 0)
        #expect(rules.nextTransition(after: 0) == 1_000_000)
    }

    @Test func decodesVersion1AndEmptyFooter() throws {
        var builder = TZifBuilder()
        builder.version = 0
        builder.transitions = [-100, 2_000_000_000]
        let version1 = try TZifDecoder.decode(builder.bytes)
        #expect(version1.transitions == [-100, 2_000_000_000] && version1.footer == nil)
        #expect(version1.utcOffset(at: 3_000_000_000) == 3600)
        #expect(version1.nextTransition(after: 2_000_000_000) == nil)
        builder.version = UInt8(ascii: "3")
        builder.footer = ""
        builder.leapRecords = 2
        builder.transitions = [-3_000_000_000, 5_000_000_000]
        let version3 = try TZifDecoder.decode(builder.bytes)
        #expect(version3.transitions == [-3_000_000_000, 5_000_000_000] && version3.footer == nil)
    }

    @Test func decodesTheSystemDatabase() throws {
        let berlin = try ZoneInfo().load(identifier: "Europe/Berlin")
        #expect(berlin.types.contains { $0.abbreviation == "CEST" && $0.utcOffset == 7200 })
        #expect(berlin.footer == PosixTimeZoneRule("CET-1CEST,M3.5.0,M10.5.0/3"))
    }

    @Test func rejectsBadMagicAndVersion() {
        var bytes = TZifBuilder().bytes
        bytes[0] = UInt8(ascii: "X")
        #expect(throws: TZifError.badMagic) { try TZifDecoder.decode(bytes) }
        #expect(throws: TZifError.badMagic) { try TZifDecoder.decode([]) }
        #expect(throws: TZifError.badMagic) { try TZifDecoder.decode(Array("TZ".utf8)) }
        var builder = TZifBuilder()
        builder.version = UInt8(ascii: "1")
        #expect(throws: TZifError.unsupportedVersion(UInt8(ascii: "1"))) { try TZifDecoder.decode(builder.bytes) }
    }

    @Test func rejectsTruncatedDataAtEveryLength() {
        let bytes = TZifBuilder().bytes
        for length in 0..<bytes.count {
            #expect(throws: TZifError.self) { try TZifDecoder.decode(Array(bytes[..<length])) }
        }
    }

    @Test func rejectsCountsBeyondTheData() {
        var builder = TZifBuilder()
        builder.countsOverride = [0, 0, 0, UInt32.max, 2, 9]
        let available = builder.bytes.count - 44
        #expect(throws: TZifError.truncated(needed: Int64(UInt32.max) * 5 + 21, available: available)) {
            try TZifDecoder.decode(builder.bytes)
        }
        builder.countsOverride = [UInt32.max, UInt32.max, UInt32.max, UInt32.max, UInt32.max, UInt32.max]
        #expect(throws: TZifError.self) { try TZifDecoder.decode(builder.bytes) }
    }

    @Test func rejectsInconsistentTables() {
        var builder = TZifBuilder()
        builder.transitionTypes = [1, 2]
        #expect(throws: TZifError.typeIndexOutOfRange(index: 2, typeCount: 2)) { try TZifDecoder.decode(builder.bytes) }
        builder = TZifBuilder()
        builder.types[1].abbreviationIndex = 9
        #expect(throws: TZifError.abbreviationIndexOutOfRange(index: 9, characterCount: 9)) {
            try TZifDecoder.decode(builder.bytes)
        }
        builder = TZifBuilder()
        builder.transitions = [5, 5]
        #expect(throws: TZifError.transitionsNotAscending(position: 1)) { try TZifDecoder.decode(builder.bytes) }
        builder = TZifBuilder()
        (builder.transitions, builder.transitionTypes, builder.types, builder.characters) = ([], [], [], [])
        #expect(throws: TZifError.noLocalTimeTypes) { try TZifDecoder.decode(builder.bytes) }
    }

    @Test func rejectsBadFooters() {
        var builder = TZifBuilder()
        builder.footer = "CET-1CEST,M3.5.0"
        #expect(throws: TZifError.invalidFooter("CET-1CEST,M3.5.0")) { try TZifDecoder.decode(builder.bytes) }
        builder.footer = nil
        #expect(throws: TZifError.invalidFooter("missing")) { try TZifDecoder.decode(builder.bytes) }
        var unterminated = TZifBuilder().bytes
        unterminated.removeLast()
        #expect(throws: TZifError.invalidFooter("CET-1CEST,M3.5.0,M10.5.0/3")) {
            try TZifDecoder.decode(unterminated)
        }
    }

    @Test func mutatedFilesNeverTrap() throws {
        let original = try [UInt8](
            #require(FileManager.default.contents(atPath: "/usr/share/zoneinfo/Australia/Lord_Howe")))
        var generator = SeededRandom(seed: 42)
        for _ in 0..<3000 {
            var bytes = original
            for _ in 0..<Int(generator.next() % 4 + 1) {
                bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next())
            }
            if generator.next() % 4 == 0 { bytes.removeLast(Int(generator.next() % UInt64(bytes.count))) }
            if let rules = try? TZifDecoder.decode(bytes) {
                _ = rules.utcOffset(at: Int64(bitPattern: generator.next()))
                _ = rules.startOfNextDay(after: Int64(bitPattern: generator.next()) >> 24)
            }
        }
    }
}
