/// One workout from `v2/measure getworkouts`.
public struct Workout: Sendable, Equatable {
    /// Withings' workout id, when given.
    public var id: Int64?
    /// The workout category (1 walk, 2 run, …); unknown categories are kept as numbers.
    public var category: Int
    /// Start, epoch seconds.
    public var startDate: Int64
    /// End, epoch seconds.
    public var endDate: Int64
    /// The day, `YYYY-MM-DD`, when given.
    public var date: String?
    /// The device that recorded it, when given.
    public var deviceID: String?
    /// Last change, epoch seconds.
    public var modified: Int64?
    /// Every numeric field of `data` (`calories`, `intensity`, `distance`, `pause_duration`, …); nulls left out.
    public var data: [String: Double]

    /// Creates a workout.
    public init(
        id: Int64? = nil, category: Int, startDate: Int64, endDate: Int64, date: String? = nil, deviceID: String? = nil,
        modified: Int64? = nil, data: [String: Double]
    ) {
        self.id = id
        self.category = category
        self.startDate = startDate
        self.endDate = endDate
        self.date = date
        self.deviceID = deviceID
        self.modified = modified
        self.data = data
    }
}
