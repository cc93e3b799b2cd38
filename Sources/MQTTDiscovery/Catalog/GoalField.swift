/// One of the user's goals.
public enum GoalField: String, Sendable, Equatable, CaseIterable {
    /// Daily steps.
    case steps
    /// Nightly sleep, seconds.
    case sleep
    /// Weight, kg.
    case weight
}
