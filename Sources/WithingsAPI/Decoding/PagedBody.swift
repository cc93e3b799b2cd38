/// A paged Withings body: whether another page follows and from which offset.
public protocol PagedBody: Decodable, Sendable {
    /// Whether another page follows (`more` as 0/1 or bool).
    var more: Bool { get }
    /// The offset to send for the next page, when given.
    var offset: Int? { get }
}
