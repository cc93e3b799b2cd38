/// Big-endian reads from a byte array that throw instead of reading past its end.
struct ByteReader {
    private let bytes: [UInt8]
    /// The offset of the next byte to read.
    private(set) var offset: Int

    /// Creates a reader at `offset` of `bytes`.
    init(_ bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    /// How many bytes are left.
    var remaining: Int { bytes.count - offset }

    /// Throws unless `count` more bytes are left.
    func require(_ count: Int64) throws(TZifError) {
        guard count <= Int64(remaining) else { throw .truncated(needed: count, available: remaining) }
    }

    /// The next `count` bytes.
    mutating func read(_ count: Int) throws(TZifError) -> ArraySlice<UInt8> {
        try require(Int64(count))
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    /// The next byte.
    mutating func readByte() throws(TZifError) -> UInt8 {
        try read(1).first ?? 0
    }

    /// The next four bytes as an unsigned number.
    mutating func readUInt32() throws(TZifError) -> UInt32 {
        try read(4).reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// The next four or eight bytes as a two's-complement number.
    mutating func readSigned(width: Int) throws(TZifError) -> Int64 {
        let unsigned = try read(width).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return width == 4 ? Int64(Int32(bitPattern: UInt32(truncatingIfNeeded: unsigned))) : Int64(bitPattern: unsigned)
    }
}
