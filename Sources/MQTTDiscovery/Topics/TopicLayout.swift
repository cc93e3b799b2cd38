/// Every topic withings2mqtt publishes to or reads, from the base topic and the discovery prefix.
public struct TopicLayout: Sendable, Equatable {
    /// `mqtt.base_topic`, e.g. `withings2mqtt`.
    public var baseTopic: String
    /// `mqtt.discovery_prefix`, e.g. `homeassistant`.
    public var discoveryPrefix: String

    /// The `origin.name` and node-id prefix that mark discovery configs as ours.
    public static let originName = "withings2mqtt"

    /// Creates a layout.
    public init(baseTopic: String = "withings2mqtt", discoveryPrefix: String = "homeassistant") {
        self.baseTopic = baseTopic
        self.discoveryPrefix = discoveryPrefix
    }

    /// `<base>/bridge/state`: `online` / `offline`, also the last will.
    public var bridgeState: String { baseTopic + "/bridge/state" }

    /// `<base>/bridge/info`: the bridge info JSON.
    public var bridgeInfo: String { baseTopic + "/bridge/info" }

    /// `<base>/<acct>/availability`.
    public func availability(account: String) -> String { "\(baseTopic)/\(account)/availability" }

    /// `<base>/<acct>/<key>`: an entity's state.
    public func state(account: String, key: String) -> String { "\(baseTopic)/\(account)/\(key)" }

    /// `<base>/<acct>/<key>/attributes`: an entity's attributes JSON.
    public func attributes(account: String, key: String) -> String { "\(baseTopic)/\(account)/\(key)/attributes" }

    /// `<base>/<acct>/diagnostics`.
    public func diagnostics(account: String) -> String { "\(baseTopic)/\(account)/diagnostics" }

    /// `<base>/<acct>/events` (not retained).
    public func events(account: String) -> String { "\(baseTopic)/\(account)/events" }

    /// The discovery node id of a Withings user: `withings2mqtt_<userid>`.
    public func accountNode(userID: Int64) -> String { "\(Self.originName)_\(userID)" }

    /// The discovery node id and device identifier of this bridge: `withings2mqtt_bridge_<base slug>`.
    public var bridgeNode: String { "\(Self.originName)_bridge_\(TopicSlug.make(baseTopic))" }

    /// The device identifier of a physical Withings device: `withings2mqtt_device_<deviceid>`.
    public func physicalDeviceIdentifier(deviceID: String) -> String {
        "\(Self.originName)_device_\(TopicSlug.make(deviceID))"
    }

    /// `<prefix>/<component>/<node>/<object>/config`.
    public func discoveryConfig(component: EntityComponent, node: String, objectID: String) -> String {
        "\(discoveryPrefix)/\(component.rawValue)/\(node)/\(objectID)/config"
    }

    /// The filter that sees every per-component config with a node id (for the stale sweep at start).
    public var discoveryConfigFilter: String { discoveryPrefix + "/+/+/+/config" }
}
