/// Something that comes as a list inside a paged Withings body.
public protocol PageItem: Decodable, Sendable {
    /// The body key holding the list (`measuregrps`, `activities`, `series`).
    static var pageKey: String { get }
}
