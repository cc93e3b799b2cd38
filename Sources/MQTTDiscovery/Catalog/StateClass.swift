/// Home Assistant's sensor state classes (what long-term statistics do with the value).
public enum StateClass: String, Sendable, Equatable, CaseIterable {
    /// A value at a moment (weight, heart rate).
    case measurement
    /// A total that may go up and down; needs `last_reset` to be useful.
    case total
    /// A counter that only grows; a drop starts a new cycle (today's steps at midnight).
    case totalIncreasing = "total_increasing"
}
