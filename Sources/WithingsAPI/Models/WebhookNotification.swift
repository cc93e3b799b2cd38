/// A Withings data-update notification, parsed from the webhook's form body.
public struct WebhookNotification: Sendable, Equatable {
    /// The Withings user the notification is about.
    public var userID: Int64
    /// The notification category (1 weight, 4 pressure, 16 activity, 44 sleep, 50 bed in, 51 bed out, …).
    public var appli: Int
    /// Start of the changed window, epoch seconds, when given.
    public var startDate: Int64?
    /// End of the changed window, epoch seconds, when given.
    public var endDate: Int64?
    /// `date` as sent: `YYYY-MM-DD` or epoch seconds for events.
    public var date: String?
    /// The device concerned (the mat for bed events), when given.
    public var deviceID: String?
    /// `action` for user-profile events (delete, unlink, update).
    public var action: String?

    /// Creates a notification.
    public init(
        userID: Int64, appli: Int, startDate: Int64? = nil, endDate: Int64? = nil, date: String? = nil,
        deviceID: String? = nil, action: String? = nil
    ) {
        self.userID = userID
        self.appli = appli
        self.startDate = startDate
        self.endDate = endDate
        self.date = date
        self.deviceID = deviceID
        self.action = action
    }
}
