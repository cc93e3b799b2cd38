/// An entity that exists for an account: its description (with its final key and source) and its device.
public struct PlannedEntity: Sendable, Equatable {
    /// What the entity is.
    public var description: EntityDescription
    /// Which device it hangs on.
    public var owner: EntityOwner

    /// Creates a planned entity.
    public init(_ description: EntityDescription, owner: EntityOwner = .account) {
        self.description = description
        self.owner = owner
    }

    /// The entity key.
    public var key: String { description.key }
}
