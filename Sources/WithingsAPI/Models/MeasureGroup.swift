/// One group of measures taken together (a weigh-in, a blood-pressure reading), as `getmeas` returns it.
public struct MeasureGroup: Sendable, Equatable {
    /// Withings' group id (`grpid`).
    public var groupID: Int64
    /// How sure Withings is that the group belongs to the user (0 device/sure, 1 ambiguous, 2 manual, …).
    public var attrib: Int
    /// When the measures were taken, epoch seconds.
    public var date: Int64
    /// When the group was stored, epoch seconds.
    public var created: Int64?
    /// When the group was last changed, epoch seconds.
    public var modified: Int64?
    /// 1 real measures, 2 user objectives.
    public var category: Int
    /// The device that took the measures, when known.
    public var deviceID: String?
    /// The device model name, when given.
    public var model: String?
    /// The device model id, when given.
    public var modelID: Int?
    /// The measures in the group.
    public var measures: [Measure]

    /// Creates a measure group.
    public init(
        groupID: Int64, attrib: Int, date: Int64, created: Int64? = nil, modified: Int64? = nil, category: Int = 1,
        deviceID: String? = nil, model: String? = nil, modelID: Int? = nil, measures: [Measure]
    ) {
        self.groupID = groupID
        self.attrib = attrib
        self.date = date
        self.created = created
        self.modified = modified
        self.category = category
        self.deviceID = deviceID
        self.model = model
        self.modelID = modelID
        self.measures = measures
    }
}
