/// The newest value of one `MeasureKey`, with where it came from.
public struct LatestMeasure: Sendable, Equatable {
    /// The real value (`value × 10^unit`) in Withings' own unit.
    public var value: Double
    /// When it was measured, epoch seconds.
    public var date: Int64
    /// The group's attrib.
    public var attrib: Int
    /// The group id it came from.
    public var groupID: Int64
    /// The device, when known.
    public var deviceID: String?
    /// The device model, when known.
    public var model: String?

    /// Creates a latest measure.
    public init(value: Double, date: Int64, attrib: Int, groupID: Int64, deviceID: String? = nil, model: String? = nil)
    {
        self.value = value
        self.date = date
        self.attrib = attrib
        self.groupID = groupID
        self.deviceID = deviceID
        self.model = model
    }
}
