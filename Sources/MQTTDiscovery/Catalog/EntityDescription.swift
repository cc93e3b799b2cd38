/// One entity as data: its key, how Home Assistant shows it, and where its value comes from.
///
/// Units and classes are the metric ones; `UnitConversion` gives the imperial unit and value.
public struct EntityDescription: Sendable, Equatable {
    /// The entity key: last topic level, `unique_id` suffix; Home Assistant's own key where it has one.
    public var key: String
    /// The entity name (the device name is prepended by Home Assistant).
    public var name: String
    /// Sensor or binary sensor.
    public var component: EntityComponent
    /// The data category.
    public var group: EntityGroup
    /// Where the value comes from.
    public var source: EntitySource
    /// The native (metric) unit of measurement, if any.
    public var unit: String?
    /// Home Assistant's device class, if any.
    public var deviceClass: String?
    /// Home Assistant's state class, if any.
    public var stateClass: StateClass?
    /// Suggested display precision, if any.
    public var precision: Int?
    /// Whether Home Assistant enables the entity when it first sees it.
    public var enabledByDefault: Bool
    /// `diagnostic` for housekeeping entities, nil otherwise.
    public var entityCategory: String?
    /// The allowed words of an enum sensor.
    public var options: [String]?
    /// How the value converts for imperial units.
    public var conversion: UnitConversion
    /// A factor applied to Withings' value before publishing (sleep efficiency ratio → %); 1 otherwise.
    public var scale: Double
    /// Whether Home Assistant's own `withings` integration has this entity (false: our addition).
    public var inHomeAssistant: Bool

    /// Creates a description.
    public init(
        key: String, name: String, component: EntityComponent = .sensor, group: EntityGroup, source: EntitySource,
        unit: String? = nil, deviceClass: String? = nil, stateClass: StateClass? = nil, precision: Int? = nil,
        enabledByDefault: Bool = true, entityCategory: String? = nil, options: [String]? = nil,
        conversion: UnitConversion = .none, scale: Double = 1, inHomeAssistant: Bool = true
    ) {
        self.key = key
        self.name = name
        self.component = component
        self.group = group
        self.source = source
        self.unit = unit
        self.deviceClass = deviceClass
        self.stateClass = stateClass
        self.precision = precision
        self.enabledByDefault = enabledByDefault
        self.entityCategory = entityCategory
        self.options = options
        self.conversion = conversion
        self.scale = scale
        self.inHomeAssistant = inHomeAssistant
    }

    /// The unit published in `system`.
    public func unit(in system: UnitSystem) -> String? { conversion.unit(unit, in: system) }

    /// The suggested display precision in `system`.
    public func precision(in system: UnitSystem) -> Int? { conversion.precision(precision, in: system) }
}
