import TestSupport
import WithingsAPI

/// Decodes fixture files the way the client would, wrapping homeassistant-* fragments in an envelope.
enum FixtureLoading {
    /// The items of a paged fixture: a full envelope (aiowithings) or a bare list (wrapped under the page key).
    static func items<Item: PageItem>(_ path: String, as item: Item.Type) throws -> [Item] {
        let bytes = try Fixtures.withings(path)
        let isEnvelope = bytes.first { $0 > 0x20 } == UInt8(ascii: "{")
        let body = isEnvelope ? bytes : Fixtures.envelope(key: Item.pageKey, fragment: bytes)
        return try WithingsResponseDecoder.decode(
            WithingsPage<Item>.self, from: TransportResponse(status: 200, body: body)
        ).items
    }
}
