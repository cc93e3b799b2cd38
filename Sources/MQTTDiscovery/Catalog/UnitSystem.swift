/// The unit system of published values (config `units`).
public enum UnitSystem: String, Sendable, Equatable, CaseIterable {
    /// Withings' own units: kg, m, °C.
    case metric
    /// lb, °F, ft for height, mi for distances.
    case imperial
}
