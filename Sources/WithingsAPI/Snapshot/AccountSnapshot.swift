/// Everything known about one Withings user at one moment: the input of the MQTT formatting.
///
/// Built by the latest-value rules from decoded API responses and by bed events; plain data, no behaviour.
public struct AccountSnapshot: Sendable, Equatable {
    /// The Withings user id.
    public var userID: Int64
    /// The newest value per (measure type, position).
    public var measures: [MeasureKey: LatestMeasure]
    /// The most recent main sleep (naps never replace the night).
    public var sleep: SleepSummary?
    /// Today's activity row in the configured time zone; nil until today's first row arrives.
    public var activity: ActivityDay?
    /// The workout with the latest end.
    public var lastWorkout: Workout?
    /// The user's goals; nil until fetched.
    public var goals: Goals?
    /// The user's devices as `getdevice` lists them.
    public var devices: [Device]
    /// The last bed event for the account.
    public var bed: BedState?
    /// The last bed event per mat, for accounts with several mats.
    public var bedByDevice: [String: BedState]

    /// Creates a snapshot.
    public init(
        userID: Int64, measures: [MeasureKey: LatestMeasure] = [:], sleep: SleepSummary? = nil,
        activity: ActivityDay? = nil, lastWorkout: Workout? = nil, goals: Goals? = nil, devices: [Device] = [],
        bed: BedState? = nil, bedByDevice: [String: BedState] = [:]
    ) {
        self.userID = userID
        self.measures = measures
        self.sleep = sleep
        self.activity = activity
        self.lastWorkout = lastWorkout
        self.goals = goals
        self.devices = devices
        self.bed = bed
        self.bedByDevice = bedByDevice
    }

    /// Whether the account has a mat that reports bed events, so `in_bed` is announced from the start.
    public var hasSleepMat: Bool { devices.contains { $0.isSleepMat } || bed != nil }
}
