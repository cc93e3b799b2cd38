/// How a metric value converts for `units: imperial`; the discovery unit follows the conversion.
public enum UnitConversion: String, Sendable, Equatable, CaseIterable {
    /// Published as is in both systems.
    case none
    /// kg → lb.
    case mass
    /// °C → °F.
    case temperature
    /// m → ft (height).
    case height
    /// m → mi (distances travelled).
    case distance

    /// The unit published in `system`, given the metric unit.
    public func unit(_ metricUnit: String?, in system: UnitSystem) -> String? {
        guard system == .imperial else { return metricUnit }
        switch self {
        case .none: return metricUnit
        case .mass: return "lb"
        case .temperature: return "°F"
        case .height: return "ft"
        case .distance: return "mi"
        }
    }

    /// The value published in `system`, rounded so that conversion adds no noise digits.
    public func convert(_ metricValue: Double, to system: UnitSystem) -> Double {
        guard system == .imperial else { return metricValue }
        switch self {
        case .none: return metricValue
        case .mass: return NumberFormat.round(metricValue / 0.45359237, decimals: 2)
        case .temperature: return NumberFormat.round(metricValue * 9 / 5 + 32, decimals: 2)
        case .height: return NumberFormat.round(metricValue / 0.3048, decimals: 2)
        case .distance: return NumberFormat.round(metricValue / 1609.344, decimals: 3)
        }
    }

    /// The suggested display precision in `system`, given the metric one.
    public func precision(_ metricPrecision: Int?, in system: UnitSystem) -> Int? {
        // Metres shown without decimals become miles, which need two.
        if system == .imperial, self == .distance, metricPrecision != nil { return 2 }
        return metricPrecision
    }
}
