/// One getmeas page whose groups are decoded a slice at a time from the answer's bytes.
///
/// Why: a decade of history can come as one 9 MB answer of 23,000 groups; decoded all at once they would sit in
/// memory next to the answer (about 7 MiB more at the peak). The scanner first checks every group and notes
/// where it starts, so decoding a slice later cannot fail. When the scanner declines the answer, `JSONDecoder`
/// decodes the whole page as before and the slices come from that.
public struct MeasurePage: Sendable, PagedBody {
    private enum Groups: Sendable {
        case indexed(bytes: [UInt8], starts: [Int])
        case decoded([MeasureGroup])
    }

    /// Whether another page follows.
    public let more: Bool
    /// The offset to send for the next page, when given.
    public let offset: Int?
    /// The server's time of the answer, epoch seconds: the next `lastupdate`.
    public let updateTime: Int64?
    /// The user's time zone.
    public let timezone: String?
    private let groups: Groups

    /// How many groups the page holds.
    public var count: Int {
        switch groups {
        case .indexed(_, let starts): starts.count
        case .decoded(let all): all.count
        }
    }

    /// A page of already decoded groups.
    public init(_ page: WithingsPage<MeasureGroup>) {
        self.init(page, groups: .decoded(page.items))
    }

    private init(_ page: WithingsPage<MeasureGroup>, groups: Groups) {
        more = page.more
        offset = page.offset
        updateTime = page.updateTime
        timezone = page.timezone
        self.groups = groups
    }

    /// The page in a getmeas answer's bytes, its groups indexed and not yet decoded; nil when the scanner
    /// declines the answer.
    static func scanned(_ bytes: [UInt8]) -> MeasurePage? {
        guard let (page, starts) = bytes.withUnsafeBufferPointer({ MeasurePageScanner.index(from: $0) }) else {
            return nil
        }
        return MeasurePage(page, groups: .indexed(bytes: bytes, starts: starts))
    }

    /// The ranges that cover the page `size` groups at a time, in order; one empty range for an empty page, so a
    /// walk still sees every page once.
    public func slices(of size: Int) -> [Range<Int>] {
        let starts = stride(from: 0, to: max(count, 1), by: max(size, 1))
        return starts.map { $0..<min($0 + max(size, 1), count) }
    }

    /// The groups at `range` (within `0..<count`), in the answer's order.
    public func groups(_ range: Range<Int>) throws(WithingsError) -> [MeasureGroup] {
        switch groups {
        case .decoded(let all):
            return Array(all[range.clamped(to: all.indices)])
        case .indexed(let bytes, let starts):
            let wanted = starts[range.clamped(to: starts.indices)]
            guard let decoded = bytes.withUnsafeBufferPointer({ MeasurePageScanner.groups(from: $0, at: wanted) })
            else {
                // The index pass read these very bytes; only a scanner bug lands here.
                throw .malformedResponse("getmeas groups the scanner indexed but could not read again")
            }
            return decoded
        }
    }
}

extension MeasurePage: Decodable {
    /// Decodes the whole page with `JSONDecoder` (the path for answers the scanner declines).
    public init(from decoder: any Decoder) throws {
        self.init(try WithingsPage<MeasureGroup>(from: decoder))
    }
}
