/// Whether someone is in bed, as the last bed event (appli 50/51) said.
public struct BedState: Sendable, Equatable, Codable {
    /// True after appli 50 (bed in), false after 51 (bed out).
    public var inBed: Bool
    /// The event time Withings sent, epoch seconds (the receive time when it sent none).
    public var eventDate: Int64
    /// When the bridge received it, epoch seconds.
    public var receivedAt: Int64
    /// The mat, when the notification named it.
    public var deviceID: String?

    /// Creates a bed state.
    public init(inBed: Bool, eventDate: Int64, receivedAt: Int64, deviceID: String? = nil) {
        self.inBed = inBed
        self.eventDate = eventDate
        self.receivedAt = receivedAt
        self.deviceID = deviceID
    }
}
