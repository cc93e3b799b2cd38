/// A body whose content is not needed (`notify subscribe`/`revoke` answer `{}`).
public struct EmptyBody: Decodable, Sendable, Equatable {
    /// Creates an empty body.
    public init() {}

    /// Accepts any body: whatever is there is ignored.
    public init(from decoder: any Decoder) throws {}
}
