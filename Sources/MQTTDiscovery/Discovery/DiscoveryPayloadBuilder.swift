import WithingsAPI

/// Builds Home Assistant discovery configs (topic and JSON) for planned entities.
public struct DiscoveryPayloadBuilder: Sendable {
    /// The bridge's topics, version and units.
    public var bridge: BridgeIdentity

    /// Creates a builder.
    public init(bridge: BridgeIdentity) {
        self.bridge = bridge
    }

    /// The configs of every entity of an account snapshot (see `EntityPlanner`), retained, QoS 1.
    public func configs(for snapshot: AccountSnapshot, account: AccountIdentity) -> [MQTTMessage] {
        EntityPlanner.entities(for: snapshot).map { config(for: $0, account: account) }
    }

    /// The configs of the bridge device's own entities (connectivity).
    public func bridgeConfigs() -> [MQTTMessage] {
        let entity = EntityCatalog.bridgeConnected
        let topic = layout.discoveryConfig(component: entity.component, node: layout.bridgeNode, objectID: entity.key)
        return [MQTTMessage(topic: topic, payload: bridgeConnectedPayload().serializedBytes)]
    }

    /// The discovery config of one planned entity of an account.
    public func config(for entity: PlannedEntity, account: AccountIdentity) -> MQTTMessage {
        let topic = layout.discoveryConfig(
            component: entity.description.component, node: layout.accountNode(userID: account.userID),
            objectID: entity.key
        )
        return MQTTMessage(topic: topic, payload: payload(for: entity, account: account).serializedBytes)
    }

    /// The discovery payload of one planned entity of an account.
    public func payload(for entity: PlannedEntity, account: AccountIdentity) -> JSONValue {
        let description = entity.description
        var fields = classFields(of: description)
        // On the shared bridge device, the account name tells one account's diagnostics from another's.
        let name = entity.owner == .bridge ? "\(account.deviceName) \(description.name)" : description.name
        fields["name"] = .string(name)
        fields["unique_id"] = .string("\(layout.accountNode(userID: account.userID))_\(description.key)")
        fields["origin"] = origin
        fields["qos"] = .integer(1)
        fields["payload_available"] = .string("online")
        fields["payload_not_available"] = .string("offline")
        switch entity.owner {
        case .account, .physical:
            Self.setEntityID(&fields, description.component, "withings_\(account.entityIDPart)_\(description.key)")
            fields["state_topic"] = .string(layout.state(account: account.name, key: description.key))
            fields["json_attributes_topic"] = .string(layout.attributes(account: account.name, key: description.key))
            fields["availability"] = .array([
                .object(["topic": .string(layout.bridgeState)]),
                .object(["topic": .string(layout.availability(account: account.name))]),
            ])
            fields["availability_mode"] = .string("all")
            fields["device"] = deviceBlock(owner: entity.owner, account: account)
        case .bridge:
            // Diagnostics stay available while the account is offline: that is when they matter most.
            Self.setEntityID(&fields, description.component, "withings2mqtt_\(account.entityIDPart)_\(description.key)")
            fields["state_topic"] = .string(layout.diagnostics(account: account.name))
            fields["availability"] = .array([.object(["topic": .string(layout.bridgeState)])])
            fields["device"] = bridgeDevice
        }
        if case .diagnostic(let field) = description.source {
            fields["value_template"] = .string("{{ value_json.\(field.rawValue) }}")
            if description.component == .binarySensor {
                // A JSON boolean renders as Python's True/False in Home Assistant templates.
                fields["payload_on"] = .string("True")
                fields["payload_off"] = .string("False")
            }
        } else if description.component == .binarySensor {
            fields["payload_on"] = .string("ON")
            fields["payload_off"] = .string("OFF")
        }
        return .object(fields)
    }

    private var layout: TopicLayout { bridge.layout }

    private var origin: JSONValue {
        .object([
            "name": .string(TopicLayout.originName), "sw_version": .string(bridge.softwareVersion),
            "support_url": .string(bridge.supportURL),
        ])
    }

    /// Unit, classes, precision, category, options, enabled flag.
    private func classFields(of description: EntityDescription) -> [String: JSONValue] {
        var fields: [String: JSONValue] = ["enabled_by_default": .bool(description.enabledByDefault)]
        if let unit = description.unit(in: bridge.units) { fields["unit_of_measurement"] = .string(unit) }
        if let deviceClass = description.deviceClass { fields["device_class"] = .string(deviceClass) }
        if let stateClass = description.stateClass { fields["state_class"] = .string(stateClass.rawValue) }
        if let precision = description.precision(in: bridge.units) {
            fields["suggested_display_precision"] = .integer(Int64(precision))
        }
        if let category = description.entityCategory { fields["entity_category"] = .string(category) }
        if let options = description.options { fields["options"] = .array(options.map(JSONValue.string)) }
        return fields
    }

    private func deviceBlock(owner: EntityOwner, account: AccountIdentity) -> JSONValue {
        switch owner {
        case .bridge:
            return bridgeDevice
        case .account:
            return .object([
                "identifiers": .array([.string(layout.accountNode(userID: account.userID))]),
                "name": .string(account.deviceName), "manufacturer": .string("Withings"),
                "model": .string("Withings account"), "via_device": .string(layout.bridgeNode),
            ])
        case .physical(let deviceID, let name, let model):
            return .object([
                "identifiers": .array([.string(layout.physicalDeviceIdentifier(deviceID: deviceID))]),
                "name": .string(name), "manufacturer": .string("Withings"), "model": .string(model),
                "via_device": .string(layout.accountNode(userID: account.userID)),
            ])
        }
    }

    private var bridgeDevice: JSONValue {
        let isDefaultBase = layout.baseTopic == TopicLayout.originName
        return .object([
            "identifiers": .array([.string(layout.bridgeNode)]),
            "name": .string(isDefaultBase ? "withings2mqtt" : "withings2mqtt (\(layout.baseTopic))"),
            "manufacturer": .string("withings2mqtt"), "model": .string("Bridge"),
            "sw_version": .string(bridge.softwareVersion),
        ])
    }

    /// Sets the entity id Home Assistant should give the entity, in both spellings.
    ///
    /// `default_entity_id` is what Home Assistant reads since 2025.10 (it deprecated `object_id` then and stops
    /// reading it in 2026.4); older versions, such as 2025.4 (checked with scripts/ha-check), drop
    /// `default_entity_id` as an unknown key and only honour `object_id`. Unknown keys are removed, not
    /// rejected, by every version's schema, so sending both gives the same entity id everywhere.
    private static func setEntityID(
        _ fields: inout [String: JSONValue], _ component: EntityComponent, _ objectID: String
    ) {
        fields["default_entity_id"] = .string("\(component.rawValue).\(objectID)")
        fields["object_id"] = .string(objectID)
    }

    private func bridgeConnectedPayload() -> JSONValue {
        let entity = EntityCatalog.bridgeConnected
        var fields = classFields(of: entity)
        fields["name"] = .string(entity.name)
        fields["unique_id"] = .string("\(layout.bridgeNode)_\(entity.key)")
        Self.setEntityID(&fields, entity.component, "\(layout.bridgeNode)_\(entity.key)")
        fields["origin"] = origin
        fields["qos"] = .integer(1)
        fields["device"] = bridgeDevice
        // No availability: the entity must show "disconnected" from the last will, not "unavailable".
        fields["state_topic"] = .string(layout.bridgeState)
        fields["payload_on"] = .string("online")
        fields["payload_off"] = .string("offline")
        return .object(fields)
    }
}
