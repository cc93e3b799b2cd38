/// One configured account as discovery and topics need it.
public struct AccountIdentity: Sendable, Equatable {
    /// The account slug used in topics (`[a-z0-9_-]+`).
    public var name: String
    /// The device name in Home Assistant; nil: `name`.
    public var displayName: String?
    /// The Withings user id bound to the account.
    public var userID: Int64

    /// Creates an identity.
    public init(name: String, displayName: String? = nil, userID: Int64) {
        self.name = name
        self.displayName = displayName
        self.userID = userID
    }

    /// The name shown for the account's device.
    public var deviceName: String { displayName ?? name }

    /// The account name as an entity-id part (`-` is not allowed there).
    public var entityIDPart: String { TopicSlug.make(name) }
}
