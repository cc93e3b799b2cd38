extension JSONByteReader {
    /// Validates and skips the value at the cursor (an unknown member, or one whose value is not needed).
    ///
    /// `depth` is the nesting of the value's container; deeper than `maxDepth` is declined, which bounds the
    /// recursion on hostile input.
    mutating func skipValue(depth: Int) throws(ScanMismatch) {
        switch nextToken() {
        case UInt8(ascii: "\""): _ = try scanString()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try readNumber()
        case UInt8(ascii: "n"): try readLiteral("null")
        case UInt8(ascii: "t"): try readLiteral("true")
        case UInt8(ascii: "f"): try readLiteral("false")
        case UInt8(ascii: "{"):
            guard depth < Self.maxDepth else { throw ScanMismatch() }
            index &+= 1
            if closesAtOnce(UInt8(ascii: "}")) { return }
            repeat {
                // Keys of skipped objects are never compared, so any valid string will do.
                _ = try scanString()
                try expect(UInt8(ascii: ":"))
                try skipValue(depth: depth &+ 1)
            } while try continues(before: UInt8(ascii: "}"))
        case UInt8(ascii: "["):
            guard depth < Self.maxDepth else { throw ScanMismatch() }
            index &+= 1
            if closesAtOnce(UInt8(ascii: "]")) { return }
            repeat {
                try skipValue(depth: depth &+ 1)
            } while try continues(before: UInt8(ascii: "]"))
        default: throw ScanMismatch()
        }
    }
}
