/// The running bridge as discovery needs it: topics, version, units.
public struct BridgeIdentity: Sendable, Equatable {
    /// The topic layout.
    public var layout: TopicLayout
    /// withings2mqtt's version (`origin.sw_version`, bridge device `sw_version`).
    public var softwareVersion: String
    /// Where users get help (`origin.support_url`).
    public var supportURL: String
    /// Units of published values.
    public var units: UnitSystem

    /// Creates an identity.
    public init(
        layout: TopicLayout, softwareVersion: String,
        supportURL: String = "https://github.com/withings2mqtt/withings2mqtt", units: UnitSystem = .metric
    ) {
        self.layout = layout
        self.softwareVersion = softwareVersion
        self.supportURL = supportURL
        self.units = units
    }
}
