/// One night (or nap) from `v2/sleep getsummary`.
public struct SleepSummary: Sendable, Equatable {
    /// Withings' summary id, when given.
    public var id: Int64?
    /// The night's date, `YYYY-MM-DD`.
    public var date: String
    /// Start of the sleep, epoch seconds.
    public var startDate: Int64
    /// End of the sleep, epoch seconds.
    public var endDate: Int64
    /// The IANA time zone of the night, when given.
    public var timezone: String?
    /// The model kind (16 tracker, 32 sleep monitor), when given.
    public var model: Int?
    /// The model id (63 Sleep Analyzer, …), when given.
    public var modelID: Int?
    /// The hashed device id, when given.
    public var deviceID: String?
    /// Last change, epoch seconds.
    public var modified: Int64?
    /// Every numeric field of `data`, by Withings' field name (`deepsleepduration`, `hr_average`, …).
    public var data: [String: Double]

    /// Creates a sleep summary.
    public init(
        id: Int64? = nil, date: String, startDate: Int64, endDate: Int64, timezone: String? = nil, model: Int? = nil,
        modelID: Int? = nil, deviceID: String? = nil, modified: Int64? = nil, data: [String: Double]
    ) {
        self.id = id
        self.date = date
        self.startDate = startDate
        self.endDate = endDate
        self.timezone = timezone
        self.model = model
        self.modelID = modelID
        self.deviceID = deviceID
        self.modified = modified
        self.data = data
    }
}
