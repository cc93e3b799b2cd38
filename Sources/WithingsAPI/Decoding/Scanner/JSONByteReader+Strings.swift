extension JSONByteReader {
    /// Validates the string at the cursor (its opening quote) and moves past it.
    ///
    /// Returns the content between the quotes and whether it holds escapes. Declines control characters,
    /// invalid UTF-8, unknown escapes and `\u` escapes that are not a scalar (lone or reversed surrogates).
    mutating func scanString() throws(ScanMismatch) -> (content: Range<Int>, escaped: Bool) {
        guard nextToken() == UInt8(ascii: "\"") else { throw ScanMismatch() }
        let start = index &+ 1
        var offset = start
        var escaped = false
        while true {
            let next = byte(at: offset)
            if next == UInt8(ascii: "\"") { break }
            if next == UInt8(ascii: "\\") {
                escaped = true
                offset = try escapeEnd(at: offset).end
            } else if next >= 0x80 {
                offset = try utf8SequenceEnd(at: offset)
            } else {
                guard next >= 0x20 else { throw ScanMismatch() }
                offset &+= 1
            }
        }
        index = offset &+ 1
        return (start..<offset, escaped)
    }

    /// Reads the string at the cursor, reusing `recent` when its bytes repeat exactly.
    mutating func readString(reusing recent: inout RecentString?) throws(ScanMismatch) -> String {
        let (content, escaped) = try scanString()
        if !escaped, let previous = recent, sameBytes(previous.bytes, content) { return previous.value }
        let value = escaped ? unescape(content) : text(content)
        if !escaped { recent = RecentString(bytes: content, value: value) }
        return value
    }

    /// Reads the string at the cursor.
    mutating func readString() throws(ScanMismatch) -> String {
        let (content, escaped) = try scanString()
        return escaped ? unescape(content) : text(content)
    }

    /// The bytes at `range` as a string; they must be valid UTF-8 (`scanString` checked them).
    func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    private func sameBytes(_ lhs: Range<Int>, _ rhs: Range<Int>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var offset = 0
        while offset < lhs.count {
            guard bytes[lhs.lowerBound &+ offset] == bytes[rhs.lowerBound &+ offset] else { return false }
            offset &+= 1
        }
        return true
    }

    // The content of a string `scanString` validated, with its escapes resolved.
    private func unescape(_ content: Range<Int>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(content.count)
        var offset = content.lowerBound
        while offset < content.upperBound {
            let next = bytes[offset]
            guard next == UInt8(ascii: "\\") else {
                output.append(next)
                offset &+= 1
                continue
            }
            // Validated already: the escape cannot fail here.
            guard let (end, scalar) = try? escapeEnd(at: offset) else { break }
            UTF8.encode(scalar) { output.append($0) }
            offset = end
        }
        return String(decoding: output, as: UTF8.self)
    }

    // The escape starting with the backslash at `offset`: where it ends and the scalar it stands for.
    private func escapeEnd(at offset: Int) throws(ScanMismatch) -> (end: Int, scalar: Unicode.Scalar) {
        let kind = byte(at: offset &+ 1)
        switch kind {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): return (offset &+ 2, Unicode.Scalar(kind))
        case UInt8(ascii: "b"): return (offset &+ 2, "\u{08}")
        case UInt8(ascii: "f"): return (offset &+ 2, "\u{0C}")
        case UInt8(ascii: "n"): return (offset &+ 2, "\n")
        case UInt8(ascii: "r"): return (offset &+ 2, "\r")
        case UInt8(ascii: "t"): return (offset &+ 2, "\t")
        case UInt8(ascii: "u"): break
        default: throw ScanMismatch()
        }
        let first = try hexQuad(at: offset &+ 2)
        if (0xDC00...0xDFFF).contains(first) { throw ScanMismatch() }
        guard (0xD800...0xDBFF).contains(first) else {
            guard let scalar = Unicode.Scalar(first) else { throw ScanMismatch() }
            return (offset &+ 6, scalar)
        }
        guard byte(at: offset &+ 6) == UInt8(ascii: "\\"), byte(at: offset &+ 7) == UInt8(ascii: "u") else {
            throw ScanMismatch()
        }
        let second = try hexQuad(at: offset &+ 8)
        guard (0xDC00...0xDFFF).contains(second),
            let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
        else { throw ScanMismatch() }
        return (offset &+ 12, scalar)
    }

    private func hexQuad(at offset: Int) throws(ScanMismatch) -> UInt32 {
        var value: UInt32 = 0
        for position in offset..<(offset &+ 4) {
            let digit = byte(at: position)
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = value << 4 | UInt32(digit &- UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = value << 4 | UInt32(digit &- UInt8(ascii: "a") &+ 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = value << 4 | UInt32(digit &- UInt8(ascii: "A") &+ 10)
            default: throw ScanMismatch()
            }
        }
        return value
    }

    // The end of the well-formed UTF-8 sequence whose lead byte (>= 0x80) is at `offset` (Unicode table 3-7).
    private func utf8SequenceEnd(at offset: Int) throws(ScanMismatch) -> Int {
        let lead = byte(at: offset)
        let second = byte(at: offset &+ 1)
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = (0xA0...0xBF).contains(second) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: length = (0x80...0xBF).contains(second) ? 3 : 0
        case 0xED: length = (0x80...0x9F).contains(second) ? 3 : 0
        case 0xF0: length = (0x90...0xBF).contains(second) ? 4 : 0
        case 0xF1...0xF3: length = (0x80...0xBF).contains(second) ? 4 : 0
        case 0xF4: length = (0x80...0x8F).contains(second) ? 4 : 0
        default: length = 0
        }
        guard length > 0 else { throw ScanMismatch() }
        for position in (offset &+ 1)..<(offset &+ length) where !(0x80...0xBF).contains(byte(at: position)) {
            throw ScanMismatch()
        }
        return offset &+ length
    }
}
