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

        /// The fields of `page`, its groups read in slices of `slice`.
        init(_ page: MeasurePage, slice: Int) throws(WithingsError) {
            items = []
            for range in page.slices(of: slice) { items += try page.groups(range) }
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

    /// The public decoder's outcome for `bytes` as the bridge reads getmeas: a `MeasurePage` (the scanner's
    /// index, JSONDecoder when it declines), its groups read in slices of `slice`.
    static func measurePageOutcome(_ bytes: [UInt8], slice: Int) -> Outcome {
        do {
            let page = try WithingsResponseDecoder.decode(
                MeasurePage.self, from: TransportResponse(status: 200, body: bytes))
            return .page(try PageFields(page, slice: slice))
        } catch {
            return .failure(error)
        }
    }

    /// Checks that whatever the scanner accepts, JSONDecoder decodes to the same page, and that the public
    /// decoder's outcome (value or error) is JSONDecoder's, read whole or as a `MeasurePage` in slices; returns
    /// whether the scanner accepted `bytes`.
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
        // The index pass must accept exactly what the whole-page scan accepts, or a slice could fail later.
        let indexed = bytes.withUnsafeBufferPointer { MeasurePageScanner.index(from: $0) }
        #expect(
            (indexed != nil) == (scanned != nil), "\(label): index and scan disagree", sourceLocation: sourceLocation)
        for slice in [1, 3, 1000] {
            #expect(measurePageOutcome(bytes, slice: slice) == expected, "\(label)", sourceLocation: sourceLocation)
        }
        return scanned != nil
    }
}
