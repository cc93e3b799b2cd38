/// Reads a `getmeas` answer (`{"status":0,"body":{"measuregrps":[…],"more":…,"offset":…,…}}`) straight from its
/// UTF-8 bytes, giving exactly the `WithingsPage<MeasureGroup>` that `JSONDecoder` gives.
///
/// Why: `JSONDecoder` spends most of a large answer on one keyed container per group and per measure; this scanner
/// reads the fixed shape directly, about ten times faster. It declines (nil) anything it does not read exactly
/// like `JSONDecoder`: another shape, a non-zero status, malformed or unusual JSON. The caller then decodes with
/// `JSONDecoder`, so values, lenient rules and errors stay what they were.
struct MeasurePageScanner {
    /// The cursor over the answer.
    var reader: JSONByteReader
    /// The last `deviceid`, `hash_deviceid` and `model` read: consecutive groups usually repeat them.
    var recent: (device: RecentString?, hashedDevice: RecentString?, model: RecentString?)
    /// The measures of the group being read; each group then gets an exactly sized copy.
    var scratch: [Measure] = []
    /// When indexing: where each group of `measuregrps` starts; the groups are checked, not kept.
    var groupStarts: [Int]?

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        reader = JSONByteReader(bytes)
    }

    /// The page in `bytes`, or nil when the scanner declines them.
    static func page(from bytes: [UInt8]) -> WithingsPage<MeasureGroup>? {
        bytes.withUnsafeBufferPointer { page(from: $0) }
    }

    /// The page in `bytes`, or nil when the scanner declines them.
    static func page(from bytes: UnsafeBufferPointer<UInt8>) -> WithingsPage<MeasureGroup>? {
        var scanner = MeasurePageScanner(bytes)
        return try? scanner.readEnvelope()
    }

    /// The page in `bytes` without its groups, and where each group starts: every group is read and checked
    /// as `page(from:)` would, so `groups(from:at:)` cannot decline any of them. Nil when the scanner declines.
    static func index(from bytes: UnsafeBufferPointer<UInt8>) -> (page: WithingsPage<MeasureGroup>, starts: [Int])? {
        var scanner = MeasurePageScanner(bytes)
        scanner.groupStarts = []
        guard let page = try? scanner.readEnvelope() else { return nil }
        return (page, scanner.groupStarts ?? [])
    }

    /// The groups starting at `starts` (offsets from `index(from:)` over the same bytes); nil on a mismatch.
    static func groups(from bytes: UnsafeBufferPointer<UInt8>, at starts: ArraySlice<Int>) -> [MeasureGroup]? {
        var scanner = MeasurePageScanner(bytes)
        var groups: [MeasureGroup] = []
        groups.reserveCapacity(starts.count)
        for start in starts {
            scanner.reader.index = start
            guard let group = try? scanner.readGroup() else { return nil }
            groups.append(group)
        }
        return groups
    }

    // `WithingsEnvelope`: the status must be 0; a missing or null body is the page `{}` decodes to.
    private mutating func readEnvelope() throws(ScanMismatch) -> WithingsPage<MeasureGroup> {
        try reader.expect(UInt8(ascii: "{"))
        var status: Int64?
        var seen = (status: false, body: false)
        var page: WithingsPage<MeasureGroup>?
        if !reader.closesAtOnce(UInt8(ascii: "}")) {
            repeat {
                let key = try reader.readKey()
                // JSONDecoder keeps the first of duplicate keys.
                if !seen.status, reader.key(key, is: "status") {
                    seen.status = true
                    status = try reader.readLenientInt64()
                } else if !seen.body, reader.key(key, is: "body") {
                    seen.body = true
                    if try !reader.readNull() { page = try readBody() }
                } else {
                    try reader.skipValue(depth: 1)
                }
            } while try reader.continues(before: UInt8(ascii: "}"))
        }
        try reader.expectEnd()
        guard status == 0 else { throw ScanMismatch() }
        return page ?? WithingsPage(items: [])
    }

    // `WithingsPage<MeasureGroup>.init(from:)`.
    private mutating func readBody() throws(ScanMismatch) -> WithingsPage<MeasureGroup> {
        try reader.expect(UInt8(ascii: "{"))
        var page = WithingsPage<MeasureGroup>(items: [])
        var seen = 0 as UInt8
        if reader.closesAtOnce(UInt8(ascii: "}")) { return page }
        repeat {
            let key = try reader.readKey()
            let field = Self.bodyField(key, reader)
            guard field != 0, seen & field == 0 else {
                try reader.skipValue(depth: 2)
                continue
            }
            seen |= field
            switch field {
            case 1: page.items = try readGroups()
            case 2: page.more = try reader.readLenientBool()
            case 4: page.offset = try reader.readLenientInt()
            case 8: page.updateTime = try reader.readLenientInt64()
            default:
                var once: RecentString?
                page.timezone = try reader.readOptionalString(reusing: &once)
            }
        } while try reader.continues(before: UInt8(ascii: "}"))
        return page
    }

    // The bit of a body member the page reads, 0 for others.
    private static func bodyField(_ key: Range<Int>, _ reader: JSONByteReader) -> UInt8 {
        if reader.key(key, is: "measuregrps") { return 1 }
        if reader.key(key, is: "more") { return 2 }
        if reader.key(key, is: "offset") { return 4 }
        if reader.key(key, is: "updatetime") { return 8 }
        if reader.key(key, is: "timezone") { return 16 }
        return 0
    }

    // `measuregrps`: an array of group objects, or null for none.
    private mutating func readGroups() throws(ScanMismatch) -> [MeasureGroup] {
        if try reader.readNull() { return [] }
        try reader.expect(UInt8(ascii: "["))
        var groups: [MeasureGroup] = []
        if reader.closesAtOnce(UInt8(ascii: "]")) { return groups }
        if groupStarts != nil {
            repeat {
                _ = reader.nextToken()
                groupStarts?.append(reader.index)
                _ = try readGroup()
            } while try reader.continues(before: UInt8(ascii: "]"))
            return []
        }
        // About 400 bytes per group in real answers; a rough reservation saves most regrowth copies.
        groups.reserveCapacity(min(reader.bytes.count / 512, 1 << 20))
        repeat {
            groups.append(try readGroup())
        } while try reader.continues(before: UInt8(ascii: "]"))
        return groups
    }
}
