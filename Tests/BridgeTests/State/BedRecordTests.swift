import Bridge
import Testing
import WithingsAPI

@Suite struct BedRecordTests {
    private let inBed = BedState(inBed: true, eventDate: 1_700_000_100, receivedAt: 1_700_000_101, deviceID: "mat")
    private let outOfBed = BedState(inBed: false, eventDate: 1_700_000_000, receivedAt: 1_700_000_001)

    private func state(userID: Int64?) -> AccountState {
        var state = AccountState()
        state.userID = userID
        state.bed = outOfBed
        state.cursors[.measures] = 1_699_999_000
        return state
    }

    @Test func theBedFileIsTheNewerCopyOfTheBedStates() {
        let record = BedRecord(userID: 7, bed: inBed, bedByDevice: ["mat": inBed])
        let merged = state(userID: 7).applying(record)
        #expect(merged.bed == inBed)
        #expect(merged.bedByDevice == ["mat": inBed])
        #expect(merged.cursors == state(userID: 7).cursors, "nothing but the bed states comes from the bed file")
    }

    @Test func withoutABedFileTheStateFilesCopyStays() {
        #expect(state(userID: 7).applying(nil) == state(userID: 7))
    }

    @Test func anotherUsersBedFileIsIgnored() {
        let record = BedRecord(userID: 8, bed: inBed, bedByDevice: [:])
        #expect(state(userID: 7).applying(record) == state(userID: 7))
    }

    @Test func aStateWithoutAUserTakesTheBedFile() {
        // A crash right after the first login: the answered bed event's file is there, the state's user is not.
        let record = BedRecord(userID: 7, bed: inBed, bedByDevice: [:])
        #expect(state(userID: nil).applying(record).bed == inBed)
    }

    @Test func theRecordCarriesTheUserAndBothBedStates() {
        var account = state(userID: 7)
        account.bedByDevice = ["mat": inBed]
        #expect(account.bedRecord == BedRecord(userID: 7, bed: outOfBed, bedByDevice: ["mat": inBed]))
    }
}
