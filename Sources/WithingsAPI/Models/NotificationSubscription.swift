/// One webhook subscription as `notify list` returns it.
public struct NotificationSubscription: Sendable, Equatable, Decodable {
    /// The notification category subscribed to; unknown applis are kept as numbers.
    public var appli: Int
    /// The URL Withings calls.
    public var callbackURL: String
    /// When the subscription expires, epoch seconds, when given.
    public var expires: Int64?
    /// The comment given at subscription, when any.
    public var comment: String?

    /// Creates a subscription.
    public init(appli: Int, callbackURL: String, expires: Int64? = nil, comment: String? = nil) {
        self.appli = appli
        self.callbackURL = callbackURL
        self.expires = expires
        self.comment = comment
    }

    private enum CodingKeys: String, CodingKey {
        case appli, callbackurl, expires, comment
    }

    /// Decodes one `profiles` element.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            appli: try container.lenientInt(forKey: .appli),
            callbackURL: try container.decode(String.self, forKey: .callbackurl),
            expires: try container.lenientInt64IfPresent(forKey: .expires),
            comment: try? container.decodeIfPresent(String.self, forKey: .comment)
        )
    }
}
