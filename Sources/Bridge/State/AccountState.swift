import WithingsAPI

/// What one account keeps in `state_dir` between runs: the Withings user, the incremental cursors, and the
/// latest values, so that a restart re-publishes every state at once and fetches only what changed.
///
/// Written atomically after every cycle; cursors and values always travel together, so a crash can never leave
/// a cursor ahead of the values it stands for. Bed events are written to their own, smaller file (`BedRecord`).
public struct AccountState: Sendable, Equatable, Codable {
    /// The layout version of this file.
    public var version = 1
    /// The Withings user bound to the account, once authorised.
    public var userID: Int64?
    /// `lastupdate` cursors per category, epoch seconds; absent: fetch the whole history.
    public var cursors: [DataCategory: Int64] = [:]
    /// The latest measures, sorted by key.
    public var measures: [StoredMeasure] = []
    /// The current main sleep.
    public var sleep: StoredSleep?
    /// Recent activity rows (the last few days), so "today" is known after a restart.
    public var recentActivity: [StoredActivity] = []
    /// The last workout.
    public var lastWorkout: StoredWorkout?
    /// Goals, once fetched.
    public var goals: StoredGoals?
    /// Devices, once fetched.
    public var devices: [StoredDevice] = []
    /// The last bed event (in the file: as of its last write; the bed file holds every answered one).
    public var bed: BedState?
    /// The last bed event per mat (the same).
    public var bedByDevice: [String: BedState] = [:]
    /// Epoch seconds of the last successful full cycle.
    public var lastPoll: Int64?
    /// Epoch seconds of the last webhook received for this account.
    public var lastWebhook: Int64?

    /// Creates an empty state.
    public init() {}
}

/// A stored `LatestMeasure` with its key.
public struct StoredMeasure: Sendable, Equatable, Codable {
    var type: Int
    var position: Int?
    var value: Double
    var date: Int64
    var attrib: Int
    var groupID: Int64
    var deviceID: String?
    var model: String?
}

/// A stored `SleepSummary`.
public struct StoredSleep: Sendable, Equatable, Codable {
    var id: Int64?
    var date: String
    var startDate: Int64
    var endDate: Int64
    var timezone: String?
    var model: Int?
    var modelID: Int?
    var deviceID: String?
    var modified: Int64?
    var data: [String: Double]
}

/// A stored `ActivityDay`.
public struct StoredActivity: Sendable, Equatable, Codable {
    var date: String
    var timezone: String?
    var deviceID: String?
    var modified: Int64?
    var data: [String: Double]
}

/// A stored `Workout`.
public struct StoredWorkout: Sendable, Equatable, Codable {
    var id: Int64?
    var category: Int
    var startDate: Int64
    var endDate: Int64
    var date: String?
    var deviceID: String?
    var modified: Int64?
    var data: [String: Double]
}

/// Stored `Goals`.
public struct StoredGoals: Sendable, Equatable, Codable {
    var steps: Int?
    var sleep: Int?
    var weight: Double?
}

/// A stored `Device`.
public struct StoredDevice: Sendable, Equatable, Codable {
    var deviceID: String
    var type: String
    var battery: String?
    var model: String
    var modelID: Int?
    var timezone: String?
    var firstSessionDate: Int64?
    var lastSessionDate: Int64?
}
