import WithingsAPI

extension AccountState {
    /// This state with the bed states of `record`, the newer copy, when there is one for the same Withings user
    /// (the bed file is missing before the first bed event and in a state directory written by a version without
    /// it; it is another user's when an operator moved the account to another person and kept the file).
    public func applying(_ record: BedRecord?) -> AccountState {
        guard let record, record.userID == userID else { return self }
        var state = self
        state.bed = record.bed
        state.bedByDevice = record.bedByDevice
        return state
    }

    /// The bed states, to be written to the bed file.
    public var bedRecord: BedRecord { BedRecord(userID: userID, bed: bed, bedByDevice: bedByDevice) }
}
