/// The body of `v2/user getgoals`.
public struct GoalsBody: Decodable, Sendable, Equatable {
    /// The goals; all nil when the user set none.
    public var goals: Goals

    private enum CodingKeys: String, CodingKey {
        case goals
    }

    /// Decodes `{"goals": {...}}` or `{"goals": []}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        goals = try container.decodeIfPresent(Goals.self, forKey: .goals) ?? Goals()
    }
}
