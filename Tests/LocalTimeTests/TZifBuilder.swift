/// Builds TZif bytes by hand for the decoder tests, correct unless a test changes them.
struct TZifBuilder {
    var version: UInt8 = UInt8(ascii: "2")
    var transitions: [Int64] = [0, 1_000_000]
    var transitionTypes: [UInt8] = [1, 0]
    var types: [(offset: Int32, isDaylight: Bool, abbreviationIndex: UInt8)] = [(3600, false, 0), (7200, true, 4)]
    var characters = Array("CET\0CEST\0".utf8)
    var leapRecords = 0
    var footer: String? = "CET-1CEST,M3.5.0,M10.5.0/3"
    /// Replaces the header's counts (in file order: isut, isstd, leap, time, type, char) when set.
    var countsOverride: [UInt32]?

    /// The file: a version 1 block, then for version 2 and later the 64-bit block and the footer.
    var bytes: [UInt8] {
        var bytes = block(timeWidth: 4)
        guard version >= UInt8(ascii: "2") else { return bytes }
        bytes += block(timeWidth: 8)
        if let footer { bytes += Array("\n\(footer)\n".utf8) }
        return bytes
    }

    private func block(timeWidth: Int) -> [UInt8] {
        var bytes = Array("TZif".utf8) + [version] + [UInt8](repeating: 0, count: 15)
        let counts =
            countsOverride ?? [
                0, 0, UInt32(leapRecords), UInt32(transitions.count), UInt32(types.count), UInt32(characters.count),
            ]
        for count in counts { bytes += Self.bigEndian(UInt64(count), width: 4) }
        for instant in transitions { bytes += Self.bigEndian(UInt64(bitPattern: instant), width: timeWidth) }
        bytes += transitionTypes
        for type in types {
            bytes += Self.bigEndian(UInt64(UInt32(bitPattern: type.offset)), width: 4)
            bytes += [type.isDaylight ? 1 : 0, type.abbreviationIndex]
        }
        bytes += characters
        bytes += [UInt8](repeating: 0, count: leapRecords * (timeWidth + 4))
        return bytes
    }

    private static func bigEndian(_ value: UInt64, width: Int) -> [UInt8] {
        (0..<width).reversed().map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
    }
}
