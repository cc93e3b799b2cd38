/// The body of `notify list`.
public struct SubscriptionsBody: Decodable, Sendable, Equatable {
    /// The subscriptions.
    public var profiles: [NotificationSubscription]

    private enum CodingKeys: String, CodingKey {
        case profiles
    }

    /// Decodes `{"profiles": [...]}`; a missing list is no subscriptions.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        profiles = try container.decodeIfPresent([NotificationSubscription].self, forKey: .profiles) ?? []
    }
}
