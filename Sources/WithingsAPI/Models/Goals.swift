/// The user's goals from `v2/user getgoals`; an empty list from Withings means no goals.
public struct Goals: Sendable, Equatable {
    /// Daily step goal.
    public var steps: Int?
    /// Nightly sleep goal in seconds.
    public var sleep: Int?
    /// Weight goal in kg.
    public var weight: Double?

    /// Creates goals.
    public init(steps: Int? = nil, sleep: Int? = nil, weight: Double? = nil) {
        self.steps = steps
        self.sleep = sleep
        self.weight = weight
    }
}
