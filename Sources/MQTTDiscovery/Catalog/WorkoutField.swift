/// Where a last-workout value comes from.
public enum WorkoutField: Sendable, Equatable {
    /// The category, as its lower-case name (`walk`, `indoor_cycling`; unknown → `other`).
    case category
    /// `enddate − startdate`, seconds.
    case duration
    /// A `data` field; `zeroIsUnknown` for calories (0 means "not measured"), `missingIsZero` for pauses.
    case data(String, zeroIsUnknown: Bool = false, missingIsZero: Bool = false)
}
