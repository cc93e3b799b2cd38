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
    public var realValue: Double {
        var scale = 1.0
        for _ in 0..<abs(unit) { scale *= 10 }
        return unit < 0 ? Double(value) / scale : Double(value) * scale
    }
}
