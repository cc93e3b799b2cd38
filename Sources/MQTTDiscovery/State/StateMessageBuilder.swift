import WithingsAPI

/// Turns an account snapshot into its retained state and attributes messages.
public struct StateMessageBuilder: Sendable {
    /// The topic layout.
    public var layout: TopicLayout
    /// Reads values and attributes in the configured units.
    public var formatter: StateFormatter

    /// Creates a builder.
    public init(layout: TopicLayout, units: UnitSystem = .metric) {
        self.layout = layout
        self.formatter = StateFormatter(units: units)
    }

    /// State and attributes of every planned entity (diagnostics excluded: they read the diagnostics topic),
    /// retained, QoS 1, state before attributes.
    public func messages(for snapshot: AccountSnapshot, account: AccountIdentity) -> [MQTTMessage] {
        EntityPlanner.entities(for: snapshot).flatMap { messages(for: $0.description, in: snapshot, account: account) }
    }

    /// State and attributes of one entity (empty for diagnostics).
    public func messages(
        for entity: EntityDescription, in snapshot: AccountSnapshot, account: AccountIdentity
    ) -> [MQTTMessage] {
        switch entity.source {
        case .diagnostic, .bridgeConnected: return []
        default: break
        }
        return [
            MQTTMessage(
                topic: layout.state(account: account.name, key: entity.key),
                string: formatter.state(of: entity, in: snapshot)),
            MQTTMessage(
                topic: layout.attributes(account: account.name, key: entity.key),
                payload: formatter.attributes(of: entity, in: snapshot).serializedBytes),
        ]
    }

    /// The account's availability message: `online`, or `offline` while it needs re-authorisation.
    public func availability(account: AccountIdentity, online: Bool) -> MQTTMessage {
        MQTTMessage(topic: layout.availability(account: account.name), string: online ? "online" : "offline")
    }

    /// The bridge state message (`online` / `offline`; also the last will's payload).
    public func bridgeState(online: Bool) -> MQTTMessage {
        MQTTMessage(topic: layout.bridgeState, string: online ? "online" : "offline")
    }
}
