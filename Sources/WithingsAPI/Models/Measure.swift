/// One measure inside a group: `value × 10^unit` of a measure type, optionally at a body position.
public struct Measure: Sendable, Equatable {
    /// The raw integer value.
    public var value: Int64
    /// The power of ten to apply to `value`.
    public var unit: Int
    /// The Withings measure type (1 weight, 9 diastolic, …); unknown types are kept as numbers.
    public var type: Int
    /// The body position for segmental measures, when given.
    public var position: Int?

    /// Creates a measure.
    public init(value: Int64, unit: Int, type: Int, position: Int? = nil) {
        self.value = value
        self.unit = unit
        self.type = type
        self.position = position
    }

    /// The real value, `value × 10^unit`, computed without accumulating float error.
    ///
    /// Withings units are small (-3, -2, 0 …); a hostile one is clamped where the result is 0 or infinite anyway,
    /// so a unit of 9e18 cannot spin for ages and `Int.min` cannot trap in `abs`.
    public var realValue: Double {
        let magnitude = unit == .min ? Self.unitLimit : min(abs(unit), Self.unitLimit)
        var scale = 1.0
        for _ in 0..<magnitude { scale *= 10 }
        return unit < 0 ? Double(value) / scale : Double(value) * scale
    }

    /// Past 10^400 a Double is infinite, and every Int64 value divided by it is 0.
    private static let unitLimit = 400
}
