import Foundation
import TestSupport
import Testing

/// The first cycle reads only what decides the states: the newest nights and days, not years of them.
@Suite(.timeLimit(.minutes(3)))
struct FirstCycleEndToEndTests {
    @Test func firstCycleReadsRecentDaysOfALongHistoryAndShowsTheNewest() async throws {
        // Two generated years: 730 nights and days, four pages each at the emulator's 200 per page.
        let world = try await BridgeWorld.start(
            emulatorArguments: ["--generate", "users=1,years=2"], accounts: ["user1"])
        defer { Task { await world.shutdown() } }
        #expect(try await world.authorize("user1", as: "user1").status == 0)
        try world.startBridge()
        let recorder = world.recorder
        try await recorder.waitFor("withings2mqtt/user1/diagnostics", timeout: .seconds(90)) {
            $0.contains(#""last_poll":""#)
        }

        // The weight from the newest getmeas page is shown before the walk through two years of pages ends.
        let messages = recorder.since(0)
        let firstWeight = messages.firstIndex { $0.topic == "withings2mqtt/user1/weight_kg" && $0.payload != "None" }
        let cycleDone = messages.firstIndex {
            $0.topic == "withings2mqtt/user1/diagnostics" && $0.payload.contains(#""last_poll":""#)
        }
        #expect(firstWeight != nil && cycleDone != nil && firstWeight! < cycleDone!)
        let weights = messages.filter { $0.topic == "withings2mqtt/user1/weight_kg" && $0.payload != "None" }
        #expect(weights.count >= 2, "published after the first page and again at the end of the cycle")

        let counts = try await world.control("GET", "/_emulator/requests")
        let endpoints = counts["endpoints"] as? [String: Int] ?? [:]
        #expect(endpoints["/v2/sleep getsummary"] == 1, "\(endpoints)")
        #expect(endpoints["/v2/measure getactivity"] == 1, "\(endpoints)")
        // Measures still walk the whole history: a height taken once years ago is a current state.
        #expect((endpoints["/measure getmeas"] ?? 0) > 1, "\(endpoints)")

        // The newest night is the one shown.
        let retained = try await world.broker.retainedStrings("withings2mqtt/user1/#")
        let night = try #require(retained["withings2mqtt/user1/sleep_score/attributes"])
        var paris = Calendar(identifier: .gregorian)
        paris.timeZone = try #require(TimeZone(identifier: "Europe/Paris"))
        let recentDays = [0, -1].map { offset in
            let day = paris.dateComponents(
                [.year, .month, .day], from: Date().addingTimeInterval(Double(offset) * 86_400))
            return String(format: "\"date\":\"%04d-%02d-%02d\"", day.year!, day.month!, day.day!)
        }
        #expect(recentDays.contains { night.contains($0) }, "\(night)")
        #expect(retained["withings2mqtt/user1/height_m"] != "None")
    }
}
