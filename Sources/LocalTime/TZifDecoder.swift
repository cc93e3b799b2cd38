/// Decodes TZif files (RFC 8536, RFC 9636): the 64-bit data block and footer of version 2 and later, the 32-bit
/// block of version 1. Leap-second records are skipped, so `right/` zones are off by their leap seconds.
public enum TZifDecoder {
    private struct Header {
        let version: UInt8
        let utIndicatorCount: Int64
        let standardIndicatorCount: Int64
        let leapCount: Int64
        let transitionCount: Int64
        let typeCount: Int64
        let characterCount: Int64

        func blockSize(timeWidth: Int64) -> Int64 {
            transitionCount * (timeWidth + 1) + typeCount * 6 + characterCount + leapCount * (timeWidth + 4)
                + standardIndicatorCount + utIndicatorCount
        }
    }

    /// The zone rules in `bytes`; throws on anything malformed rather than guessing.
    public static func decode(_ bytes: [UInt8]) throws(TZifError) -> ZoneRules {
        var reader = ByteReader(bytes)
        let first = try header(&reader)
        guard first.version >= UInt8(ascii: "2") else { return try block(&reader, first, timeWidth: 4, footer: nil) }
        try reader.require(first.blockSize(timeWidth: 4))
        _ = try reader.read(Int(first.blockSize(timeWidth: 4)))
        let second = try header(&reader)
        try reader.require(second.blockSize(timeWidth: 8))
        var footerReader = ByteReader(bytes, offset: reader.offset + Int(second.blockSize(timeWidth: 8)))
        return try block(&reader, second, timeWidth: 8, footer: footer(&footerReader))
    }

    private static func header(_ reader: inout ByteReader) throws(TZifError) -> Header {
        guard reader.remaining >= 4, Array(try reader.read(4)) == Array("TZif".utf8) else { throw .badMagic }
        let version = try reader.readByte()
        guard version == 0 || version >= UInt8(ascii: "2") else { throw .unsupportedVersion(version) }
        _ = try reader.read(15)
        var counts: [Int64] = []
        for _ in 0..<6 { counts.append(Int64(try reader.readUInt32())) }
        return Header(
            version: version, utIndicatorCount: counts[0], standardIndicatorCount: counts[1], leapCount: counts[2],
            transitionCount: counts[3], typeCount: counts[4], characterCount: counts[5])
    }

    private static func block(
        _ reader: inout ByteReader, _ header: Header, timeWidth: Int, footer: PosixTimeZoneRule?
    ) throws(TZifError) -> ZoneRules {
        try reader.require(header.blockSize(timeWidth: Int64(timeWidth)))
        guard header.typeCount > 0 else { throw .noLocalTimeTypes }
        let (transitionCount, typeCount) = (Int(header.transitionCount), Int(header.typeCount))
        var transitions: [Int64] = []
        for position in 0..<transitionCount {
            let instant = try reader.readSigned(width: timeWidth)
            if let previous = transitions.last, instant <= previous {
                throw .transitionsNotAscending(position: position)
            }
            transitions.append(instant)
        }
        let transitionTypes = try reader.read(transitionCount).map(Int.init)
        if let bad = transitionTypes.first(where: { $0 >= typeCount }) {
            throw .typeIndexOutOfRange(index: bad, typeCount: typeCount)
        }
        var rawTypes: [(offset: Int64, isDaylight: Bool, abbreviationIndex: Int)] = []
        for _ in 0..<typeCount {
            let offset = try reader.readSigned(width: 4)
            rawTypes.append((offset, try reader.readByte() != 0, Int(try reader.readByte())))
        }
        let characters = Array(try reader.read(Int(header.characterCount)))
        var types: [LocalTimeType] = []
        for raw in rawTypes {
            guard raw.abbreviationIndex < characters.count else {
                throw .abbreviationIndexOutOfRange(index: raw.abbreviationIndex, characterCount: characters.count)
            }
            let name = characters[raw.abbreviationIndex...].prefix { $0 != 0 }
            types.append(
                LocalTimeType(
                    utcOffset: Int(raw.offset), isDaylightSaving: raw.isDaylight,
                    abbreviation: name.isEmpty ? nil : String(decoding: name, as: UTF8.self)))
        }
        return ZoneRules(transitions: transitions, transitionTypes: transitionTypes, types: types, footer: footer)
    }

    private static func footer(_ reader: inout ByteReader) throws(TZifError) -> PosixTimeZoneRule? {
        guard reader.remaining > 0, try reader.readByte() == UInt8(ascii: "\n") else {
            throw .invalidFooter("missing")
        }
        var text: [UInt8] = []
        while true {
            guard reader.remaining > 0 else { throw .invalidFooter(String(decoding: text, as: UTF8.self)) }
            let byte = try reader.readByte()
            if byte == UInt8(ascii: "\n") { break }
            text.append(byte)
        }
        guard !text.isEmpty else { return nil }
        let string = String(decoding: text, as: UTF8.self)
        guard let rule = PosixTimeZoneRule(string) else { throw .invalidFooter(string) }
        return rule
    }
}
