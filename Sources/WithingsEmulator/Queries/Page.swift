/// One page of a filtered list, with Withings' `more`/`offset` continuation.
struct Page: Sendable, Equatable {
    /// The items on this page.
    var items: [JSONValue]
    /// Whether more items follow.
    var more: Bool
    /// The `offset` to send for the next page (0 when there is none).
    var nextOffset: Int

    /// Cuts the page starting at the request's `offset`.
    init(_ all: [JSONValue], parameters: FormParameters, size: Int) {
        let start = min(max(0, Int(parameters.integer("offset") ?? 0)), all.count)
        let end = min(start + max(1, size), all.count)
        items = Array(all[start..<end])
        more = end < all.count
        nextOffset = more ? end : 0
    }
}
