import Testing

@testable import WithingsAPI

/// Compares the getmeas byte scanner with the JSONDecoder path it must reproduce.
enum ScannerEquivalence {
    /// What decoding one answer gave: a page or a typed error.
    enum Outcome: Equatable {
        /// The decoded page, as comparable fields.
        case page(PageFields)
        /// The error decoding threw.
        case failure(WithingsError)
    }

    /// A `WithingsPage<MeasureGroup>` as plain fields (the page itself is not `Equatable`).
    struct PageFields: Equatable {
        /// The groups.
        var items: [MeasureGroup]
        /// `more`.
        var more: Bool
        /// `offset`.
        var offset: Int?
        /// `updatetime`.
        var updateTime: Int64?
        /// `timezone`.
        var timezone: String?

        /// The fields of `page`.
        init(_ page: WithingsPage<MeasureGroup>) {
            items = page.items
            more = page.more
            offset = page.offset
            updateTime = page.updateTime
            timezone = page.timezone
        }
    }

    /// JSONDecoder's outcome for `bytes`, without the scanner.
    static func decoderOutcome(_ bytes: [UInt8]) -> Outcome {
        do {
            let page = try WithingsResponseDecoder.decodeWithJSONDecoder(
                WithingsPage<MeasureGroup>.self, from: TransportResponse(status: 200, body: bytes))
            return .page(PageFields(page))
        } catch {
            return .failure(error)
        }
    }

    /// The public decoder's outcome for `bytes` (scanner first, JSONDecoder when it declines).
    static func publicOutcome(_ bytes: [UInt8]) -> Outcome {
        do {
            let page = try WithingsResponseDecoder.decode(
                WithingsPage<MeasureGroup>.self, from: TransportResponse(status: 200, body: bytes))
            return .page(PageFields(page))
        } catch {
            return .failure(error)
        }
    }

    /// Checks that whatever the scanner accepts, JSONDecoder decodes to the same page, and that the public
    /// decoder's outcome (value or error) is JSONDecoder's; returns whether the scanner accepted `bytes`.
    @discardableResult
    static func expectSame(
        _ bytes: [UInt8], _ label: String, sourceLocation: SourceLocation = #_sourceLocation
    )
        -> Bool
    {
        let expected = decoderOutcome(bytes)
        let scanned = MeasurePageScanner.page(from: bytes)
        if let scanned {
            #expect(.page(PageFields(scanned)) == expected, "\(label)", sourceLocation: sourceLocation)
        }
        #expect(publicOutcome(bytes) == expected, "\(label)", sourceLocation: sourceLocation)
        return scanned != nil
    }
}
