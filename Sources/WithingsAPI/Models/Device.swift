/// One physical Withings device from `v2/user getdevice`.
public struct Device: Sendable, Equatable {
    /// Withings' device id.
    public var deviceID: String
    /// The kind as Withings names it (`Scale`, `Sleep Monitor`, `Blood Pressure Monitor`, …).
    public var type: String
    /// `high`, `medium`, `low`, or nil when Withings says `unknown` or nothing.
    public var battery: String?
    /// The model name as given (may be empty).
    public var model: String
    /// The model id, when given; unknown ids are kept.
    public var modelID: Int?
    /// The device's IANA time zone, when given.
    public var timezone: String?
    /// First use, epoch seconds, when given.
    public var firstSessionDate: Int64?
    /// Last use, epoch seconds, when given.
    public var lastSessionDate: Int64?

    /// Creates a device.
    public init(
        deviceID: String, type: String, battery: String?, model: String, modelID: Int? = nil, timezone: String? = nil,
        firstSessionDate: Int64? = nil, lastSessionDate: Int64? = nil
    ) {
        self.deviceID = deviceID
        self.type = type
        self.battery = battery
        self.model = model
        self.modelID = modelID
        self.timezone = timezone
        self.firstSessionDate = firstSessionDate
        self.lastSessionDate = lastSessionDate
    }

    /// Whether this device is a sleep mat that reports bed in/out (appli 50/51).
    public var isSleepMat: Bool { type == "Sleep Monitor" || modelID == 63 || modelID == 61 }
}
