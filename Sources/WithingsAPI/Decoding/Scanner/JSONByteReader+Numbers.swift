extension JSONByteReader {
    /// Reads the number at the cursor, which must follow JSON's grammar exactly (no leading zeros, no `+`, digits
    /// on both sides of the point and after the exponent sign).
    mutating func readNumber() throws(ScanMismatch) -> ScannedNumber {
        let start = nextToken() == UInt8(ascii: "-") ? index &+ 1 : index
        var offset = start
        var magnitude: Int64 = 0
        let first = byte(at: offset)
        if first == UInt8(ascii: "0") {
            offset &+= 1
        } else if isDigit(first) {
            while isDigit(byte(at: offset)) {
                // Wraps past 18 digits, where the value is not used.
                magnitude = magnitude &* 10 &+ Int64(byte(at: offset) &- UInt8(ascii: "0"))
                offset &+= 1
            }
        } else {
            throw ScanMismatch()
        }
        let digits = offset &- start
        var plain = true
        if byte(at: offset) == UInt8(ascii: ".") {
            plain = false
            offset = try digitsEnd(from: offset &+ 1)
        }
        if byte(at: offset) | 0x20 == UInt8(ascii: "e") {
            plain = false
            offset &+= 1
            if byte(at: offset) == UInt8(ascii: "+") || byte(at: offset) == UInt8(ascii: "-") { offset &+= 1 }
            offset = try digitsEnd(from: offset)
        }
        let whole = index..<offset
        index = offset
        guard plain, digits <= 18 else { return .other(whole) }
        return .integer(start == whole.lowerBound ? magnitude : -magnitude)
    }

    /// The `Double` a number stands for, as `strtod` (and so `JSONDecoder`) rounds it; nil when it is not finite.
    func double(_ number: ScannedNumber) -> Double? {
        switch number {
        case .integer(let value): return Double(value)
        case .other(let range):
            guard let value = Double(text(range)), value.isFinite else { return nil }
            return value
        }
    }

    @inline(__always)
    private func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    // The end of a run of at least one digit starting at `offset`.
    private func digitsEnd(from offset: Int) throws(ScanMismatch) -> Int {
        guard isDigit(byte(at: offset)) else { throw ScanMismatch() }
        var end = offset &+ 1
        while isDigit(byte(at: end)) { end &+= 1 }
        return end
    }
}
