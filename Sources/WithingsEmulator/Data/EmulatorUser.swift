/// One Withings account as the emulator serves it; items are Withings JSON objects kept verbatim.
public struct EmulatorUser: Sendable, Equatable {
    /// The Withings user id.
    public var userID: Int64
    /// A display name (control endpoints accept it in place of the id).
    public var name: String
    /// The IANA time zone reported in getmeas bodies.
    public var timezone: String
    /// getmeas `measuregrps` items, kept newest `date` first.
    public var measureGroups: [JSONValue]
    /// getsummary `series` items.
    public var sleepSummaries: [JSONValue]
    /// getactivity `activities` items.
    public var activities: [JSONValue]
    /// getworkouts `series` items.
    public var workouts: [JSONValue]
    /// getgoals `goals`: an object, or an empty array when no goal is set (as Withings answers).
    public var goals: JSONValue
    /// getdevice `devices` items.
    public var devices: [JSONValue]

    /// Creates a user; measure groups are sorted newest first.
    public init(
        userID: Int64, name: String, timezone: String = "Europe/Paris", measureGroups: [JSONValue] = [],
        sleepSummaries: [JSONValue] = [], activities: [JSONValue] = [], workouts: [JSONValue] = [],
        goals: JSONValue = .array([]), devices: [JSONValue] = []
    ) {
        self.userID = userID
        self.name = name
        self.timezone = timezone
        self.measureGroups = measureGroups.sorted(by: Self.newerGroupFirst)
        self.sleepSummaries = sleepSummaries
        self.activities = activities
        self.workouts = workouts
        self.goals = goals
        self.devices = devices
    }

    /// Orders measure groups by `date` descending, then `grpid` descending, like Withings.
    static func newerGroupFirst(_ left: JSONValue, _ right: JSONValue) -> Bool {
        let leftDate = left["date"]?.intValue ?? 0
        let rightDate = right["date"]?.intValue ?? 0
        if leftDate != rightDate { return leftDate > rightDate }
        return (left["grpid"]?.intValue ?? 0) > (right["grpid"]?.intValue ?? 0)
    }

    /// Inserts a measure group at its place in the newest-first order.
    mutating func insertMeasureGroup(_ group: JSONValue) {
        let index = measureGroups.firstIndex { !Self.newerGroupFirst($0, group) } ?? measureGroups.endIndex
        measureGroups.insert(group, at: index)
    }

    /// The largest `grpid` in use, 0 when none.
    var highestGroupID: Int64 {
        measureGroups.compactMap { $0["grpid"]?.intValue }.max() ?? 0
    }
}
