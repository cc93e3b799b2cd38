import Foundation
import TestSupport
import Testing

/// The bed file (`<account>.bed.json`) at start, as a crash right after the first login leaves it: the token and
/// an answered bed event on disk, but no state file with the account's user yet.
@Suite(.timeLimit(.minutes(3)))
struct BedFileEndToEndTests {
    @Test(arguments: [
        (owner: Int64(10_000_001), shown: "ON"),  // alice's own answered bed event: kept
        (owner: Int64(10_000_002), shown: "None"),  // another person's file, left behind: never shown
    ])
    func aBedFileWithoutAStateFileIsCheckedAgainstTheLogin(owner: Int64, shown: String) async throws {
        let world = try await BridgeWorld.start(accounts: ["alice"])
        defer { Task { await world.shutdown() } }
        #expect(try await world.authorize("alice", as: "alice").status == 0)
        let state = world.stateDirectory
        #expect(!FileManager.default.fileExists(atPath: state.appendingPathComponent("alice.state.json").path))
        let record =
            #"{"userID":\#(owner),"bed":{"inBed":true,"eventDate":1700000000,"receivedAt":1700000001},"bedByDevice":{}}"#
        try Data(record.utf8).write(to: state.appendingPathComponent("alice.bed.json"))

        try world.startBridge()
        try await world.recorder.waitFor("withings2mqtt/alice/in_bed") { $0 == shown }
        try await world.waitUntilSettled()
        let seen = world.recorder.since(0).filter { $0.topic == "withings2mqtt/alice/in_bed" }.map(\.payload)
        #expect(seen.allSatisfy { $0 == shown }, "in_bed went \(seen)")
        let retained = try await world.broker.retainedStrings("withings2mqtt/alice/in_bed")
        #expect(retained["withings2mqtt/alice/in_bed"] == shown)
    }
}
