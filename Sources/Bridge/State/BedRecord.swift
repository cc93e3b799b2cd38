import WithingsAPI

/// An account's bed states on their own: `<state_dir>/<account>.bed.json`, written after every bed event.
///
/// A bed event changes a few hundred bytes, and its webhook is answered only once they are on disk. Written
/// into the whole state file (about 10 KB of JSON), each event cost an encode on a small box's two cores and
/// the bytes on its SD card; in a burst the encoding was the state writer's largest cost (BENCHMARKS.md). The
/// state file keeps a copy of the bed states as of its last write; this file holds every bed event that was
/// answered, so it wins when both exist, unless it is another Withings user's (`AccountState.applying(_:)`).
public struct BedRecord: Sendable, Equatable, Codable {
    /// The Withings user whose bed states these are.
    public var userID: Int64?
    /// The last bed event.
    public var bed: BedState?
    /// The last bed event per mat.
    public var bedByDevice: [String: BedState]

    /// Creates a record.
    public init(userID: Int64?, bed: BedState?, bedByDevice: [String: BedState]) {
        self.userID = userID
        self.bed = bed
        self.bedByDevice = bedByDevice
    }
}
