/// Builds TZif bytes by hand for the decoder tests, correct unless a test changes them.
struct TZifBuilder {
    /// The version byte: 0 for version 1, else `2`, `3`, ...
    var version: UInt8 = UInt8(ascii: "2")
    /// The transition instants, written in both blocks.
    var transitions: [Int64] = [0, 1_000_000]
    /// The local time type index of each transition.
    var transitionTypes: [UInt8] = [1, 0]
    /// The local time types.
    var types: [(offset: Int32, isDaylight: Bool, abbreviationIndex: UInt8)] = [(3600, false, 0), (7200, true, 4)]
    /// The abbreviation characters, NUL-terminated names.
    var characters = Array("CET\0CEST\0".utf8)
    /// How many (zeroed) leap-second records each block carries.
    var leapRecords = 0
    /// The footer's TZ string; nil leaves the footer out entirely.
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
