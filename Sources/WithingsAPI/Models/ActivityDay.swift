/// One day of activity from `v2/measure getactivity`.
public struct ActivityDay: Sendable, Equatable {
    /// The day, `YYYY-MM-DD`.
    public var date: String
    /// The IANA time zone of the day, when given.
    public var timezone: String?
    /// The device that counted, when given.
    public var deviceID: String?
    /// Last change, epoch seconds.
    public var modified: Int64?
    /// Every numeric field by Withings' name (`steps`, `distance`, `elevation`, `soft`, `calories`, …).
    public var data: [String: Double]

    /// Creates an activity day.
    public init(
        date: String, timezone: String? = nil, deviceID: String? = nil, modified: Int64? = nil, data: [String: Double]
    ) {
        self.date = date
        self.timezone = timezone
        self.deviceID = deviceID
        self.modified = modified
        self.data = data
    }
}
