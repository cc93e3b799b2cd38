/// A cursor over the UTF-8 bytes of a JSON document, for the purpose-built scanners.
///
/// It reads strict RFC 8259 JSON and throws `ScanMismatch` on anything else (trailing commas, invalid UTF-8,
/// lone surrogates, deep nesting, …), so that a scanner built on it only ever accepts input that `JSONDecoder`
/// reads the same way. Every read is bounds-checked: past the end it sees a 0 byte, which no rule accepts.
struct JSONByteReader {
    /// The deepest nesting of objects and arrays the reader follows; deeper input is declined.
    static let maxDepth = 64

    /// The document.
    let bytes: UnsafeBufferPointer<UInt8>
    /// The offset of the next unread byte.
    var index = 0

    /// A reader at the start of `bytes`, which must stay valid while it is used.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The byte at `offset`, or 0 past the end.
    @inline(__always)
    func byte(at offset: Int) -> UInt8 {
        offset < bytes.count ? bytes[offset] : 0
    }

    /// Skips whitespace and returns the next byte without consuming it (0 at the end).
    @inline(__always)
    mutating func nextToken() -> UInt8 {
        while true {
            let next = byte(at: index)
            // Space, \n, \r and \t: the only whitespace JSON has.
            guard next == 0x20 || next == 0x0A || next == 0x0D || next == 0x09 else { return next }
            index &+= 1
        }
    }

    /// Consumes `expected` after optional whitespace.
    @inline(__always)
    mutating func expect(_ expected: UInt8) throws(ScanMismatch) {
        guard nextToken() == expected else { throw ScanMismatch() }
        index &+= 1
    }

    /// Consumes `close` if the collection just opened is empty; true then.
    @inline(__always)
    mutating func closesAtOnce(_ close: UInt8) -> Bool {
        guard nextToken() == close else { return false }
        index &+= 1
        return true
    }

    /// After a member or element: consumes a comma (true, another one follows) or `close` (false).
    @inline(__always)
    mutating func continues(before close: UInt8) throws(ScanMismatch) -> Bool {
        let next = nextToken()
        index &+= 1
        if next == UInt8(ascii: ",") { return true }
        guard next == close else { throw ScanMismatch() }
        return false
    }

    /// Checks that only whitespace is left.
    mutating func expectEnd() throws(ScanMismatch) {
        guard nextToken() == 0, index >= bytes.count else { throw ScanMismatch() }
    }

    /// Reads a member key and the colon after it; the key must be printable ASCII without escapes.
    ///
    /// Keys are compared byte by byte, so anything `String` comparison might equate differently (escapes,
    /// non-ASCII) is declined rather than guessed.
    @inline(__always)
    mutating func readKey() throws(ScanMismatch) -> Range<Int> {
        guard nextToken() == UInt8(ascii: "\"") else { throw ScanMismatch() }
        let start = index &+ 1
        var end = start
        while true {
            let next = byte(at: end)
            if next == UInt8(ascii: "\"") { break }
            guard next >= 0x20, next < 0x80, next != UInt8(ascii: "\\") else { throw ScanMismatch() }
            end &+= 1
        }
        index = end &+ 1
        try expect(UInt8(ascii: ":"))
        return start..<end
    }

    /// Whether the key bytes at `key` are exactly `literal`.
    @inline(__always)
    func key(_ key: Range<Int>, is literal: StaticString) -> Bool {
        guard key.count == literal.utf8CodeUnitCount else { return false }
        let expected = literal.utf8Start
        var offset = 0
        while offset < key.count {
            guard bytes[key.lowerBound &+ offset] == expected[offset] else { return false }
            offset &+= 1
        }
        return true
    }

    /// Consumes `literal` (`null`, `true`, `false`) at the cursor.
    mutating func readLiteral(_ literal: StaticString) throws(ScanMismatch) {
        let expected = literal.utf8Start
        for offset in 0..<literal.utf8CodeUnitCount where byte(at: index &+ offset) != expected[offset] {
            throw ScanMismatch()
        }
        index &+= literal.utf8CodeUnitCount
    }

    /// Whether the value at the cursor is `null`; consumes it then.
    @inline(__always)
    mutating func readNull() throws(ScanMismatch) -> Bool {
        guard nextToken() == UInt8(ascii: "n") else { return false }
        try readLiteral("null")
        return true
    }
}
