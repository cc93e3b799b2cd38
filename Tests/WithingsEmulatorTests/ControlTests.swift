import Foundation
import Testing
import WithingsEmulator

@Suite struct ControlTests {
    @Test func listUsersAndHealth() async throws {
        try await EmulatorHarness.with(users: DemoHousehold.users(now: Int64(Date().timeIntervalSince1970))) {
            harness in
            let (status, answer) = try await harness.control(.GET, "/_emulator/users")
            #expect(status == 200)
            let users = try #require(answer["users"]?.arrayValue)
            #expect(users.map { $0["userid"] } == [10_000_001, 10_000_002])
            #expect(users.map { $0["name"] } == ["alice", "bob"])
            #expect(try await harness.control(.GET, "/_emulator/health").1["status"] == "ok")
        }
    }

    @Test func requestCountsPerEndpointAndUserCanBeReset() async throws {
        try await EmulatorHarness.with { harness in
            let token = try await harness.accessToken()
            _ = try await harness.call("/measure", ["action": "getmeas"], token: token)
            _ = try await harness.call("/measure", ["action": "getmeas"], token: token)
            _ = try await harness.call("/v2/sleep", ["action": "getsummary"], token: token)
            let (_, counts) = try await harness.control(.GET, "/_emulator/requests")
            #expect(counts["endpoints"]?["/measure getmeas"] == 2)
            #expect(counts["endpoints"]?["/v2/sleep getsummary"] == 1)
            #expect(counts["endpoints"]?["/v2/oauth2 requesttoken"] == 1)
            #expect(counts["users"]?["10000001"]?["/measure getmeas"] == 2)
            #expect(counts["total"] == 5)
            _ = try await harness.control(.POST, "/_emulator/requests/reset")
            #expect(try await harness.control(.GET, "/_emulator/requests").1["total"] == 0)
        }
    }

    @Test func addSleepAndActivityShowUpWithLastupdate() async throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_750_000_000))
        try await EmulatorHarness.with(clock: clock) { harness in
            let token = try await harness.accessToken()
            let (sleepStatus, sleep) = try await harness.control(
                .POST, "/_emulator/sleep",
                [
                    "userid": 10_000_001, "data": ["sleep_score": 88],
                ])
            #expect(sleepStatus == 200)
            #expect(sleep["summary"]?["enddate"] == 1_750_000_000)
            let (_, activity) = try await harness.control(.POST, "/_emulator/activity", ["steps": 4321])
            #expect(activity["activity"]?["date"] == "2025-06-15")

            let nights = try await harness.call(
                "/v2/sleep",
                [
                    "action": "getsummary", "lastupdate": "1749999999",
                ], token: token)
            let night = try #require(nights["body"]?["series"]?.arrayValue?.first)
            #expect(night["data"]?["sleep_score"] == 88)
            #expect(night["data"]?["deepsleepduration"] != nil)
            let days = try await harness.call(
                "/v2/measure",
                [
                    "action": "getactivity", "lastupdate": "1749999999",
                ], token: token)
            #expect(days["body"]?["activities"]?.arrayValue?.map { $0["steps"] } == [4321])
        }
    }

    @Test func unknownUserAndRouteGiveReadableErrors() async throws {
        try await EmulatorHarness.with { harness in
            let (status, answer) = try await harness.control(
                .POST, "/_emulator/measurements",
                [
                    "userid": 1, "type": 1, "value": 70,
                ])
            #expect(status == 404)
            #expect(answer["error"]?.stringValue?.contains("/_emulator/users") == true)
            let (routeStatus, _) = try await harness.control(.GET, "/_emulator/nothing")
            #expect(routeStatus == 404)
            let (badStatus, _) = try await harness.control(.POST, "/_emulator/config", ["page_size": 0])
            #expect(badStatus == 400)
        }
    }
}
