/// Options for folding measure groups into latest values.
public struct MeasureRules: Sendable, Equatable {
    /// Whether groups with attrib 1 (device, ambiguous: maybe another person on the scale) count.
    public var includeAmbiguous: Bool
    /// Whether category 2 groups (user objectives, not measurements) count.
    public var includeObjectives: Bool

    /// Creates rules; the defaults skip ambiguous groups and objectives.
    public init(includeAmbiguous: Bool = false, includeObjectives: Bool = false) {
        self.includeAmbiguous = includeAmbiguous
        self.includeObjectives = includeObjectives
    }

    /// Attrib 8 means the same as 0 and 17 the same as 15; every other value, known or not, is kept as is.
    public static func normalizedAttrib(_ attrib: Int) -> Int {
        switch attrib {
        case 8: 0
        case 17: 15
        default: attrib
        }
    }

    /// Positions 6 (between legs) and 7 (whole body) describe the whole body, so they share the key of no position.
    public static func normalizedPosition(_ position: Int?) -> Int? {
        position == 6 || position == 7 ? nil : position
    }

    /// Whether a group takes part in latest values under these rules.
    public func accepts(_ group: MeasureGroup) -> Bool {
        if !includeAmbiguous, Self.normalizedAttrib(group.attrib) == 1 { return false }
        if !includeObjectives, group.category == 2 { return false }
        return true
    }
}
