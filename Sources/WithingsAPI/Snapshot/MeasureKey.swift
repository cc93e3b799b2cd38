/// Identifies a latest value: a measure type at a body position (nil: none, positions 6 and 7 folded to nil).
public struct MeasureKey: Sendable, Hashable, Comparable {
    /// The Withings measure type.
    public var type: Int
    /// The body position, or nil.
    public var position: Int?

    /// Creates a key.
    public init(type: Int, position: Int? = nil) {
        self.type = type
        self.position = position
    }

    /// Orders by type, then position (nil first).
    public static func < (lhs: MeasureKey, rhs: MeasureKey) -> Bool {
        if lhs.type != rhs.type { return lhs.type < rhs.type }
        return (lhs.position ?? -1) < (rhs.position ?? -1)
    }
}
