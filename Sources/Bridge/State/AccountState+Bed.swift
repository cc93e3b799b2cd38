import WithingsAPI

extension AccountState {
    /// This state with the bed states of `record`, the newer copy, when there is one for the same Withings user or
    /// the state has no user yet. The bed file is missing before the first bed event and in a state directory
    /// written by a version without it. The state has no user when a crash came right after the first login:
    /// its write can be later than the first bed event's, whose webhook was answered; the worker checks the
    /// record's user once it binds one (`AccountWorker.bindUser`). A record of another user is left out: an
    /// operator moved the account to another person and kept the file.
    public func applying(_ record: BedRecord?) -> AccountState {
        guard let record, userID == nil || record.userID == userID else { return self }
        var state = self
        state.bed = record.bed
        state.bedByDevice = record.bedByDevice
        return state
    }

    /// The bed states, to be written to the bed file.
    public var bedRecord: BedRecord { BedRecord(userID: userID, bed: bed, bedByDevice: bedByDevice) }
}
