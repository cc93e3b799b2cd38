/// The answer to "what changed since my cursor" for measure groups.
public struct MeasureGroupsUpdate: Sendable, Equatable {
    /// The groups created or changed since the old cursor, in the order Withings sent them.
    public var groups: [MeasureGroup]
    /// The `lastupdate` to send next time.
    public var cursor: Int64
    /// The user's time zone, when Withings sent it.
    public var timezone: String?

    /// Creates an update.
    public init(groups: [MeasureGroup], cursor: Int64, timezone: String? = nil) {
        self.groups = groups
        self.cursor = cursor
        self.timezone = timezone
    }
}
