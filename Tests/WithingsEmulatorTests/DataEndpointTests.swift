import Foundation
import Testing
import WithingsEmulator

/// Every data endpoint answers with the fixtures/withings/homeassistant-2024.1 data.
@Suite struct DataEndpointTests {
    private static let fixtures = "fixtures/withings/homeassistant-2024.1/"

    @Test func getmeasReturnsFixtureGroupsNewestFirst() async throws {
        try await EmulatorHarness.with { harness in
            let token = try await harness.accessToken()
            let answer = try await harness.call("/measure", ["action": "getmeas"], token: token)
            #expect(answer["status"] == 0)
            let body = try #require(answer["body"])
            let groups = try #require(body["measuregrps"]?.arrayValue)
            let fixture = try #require(try Fixtures.json(Self.fixtures + "measurements.json").arrayValue)
            #expect(groups.count == 3)
            #expect(Set(groups.map { $0.serialized() }) == Set(fixture.map { $0.serialized() }))
            #expect(groups.map { $0["date"] } == [1_564_664_400, 1_564_660_800, 1_564_657_200])
            #expect(body["timezone"] == "Europe/Amsterdam")
            #expect(body["more"] == 0)
            let updated = try #require(body["updatetime"]?.intValue)
            #expect(abs(updated - Int64(Date().timeIntervalSince1970)) < 3600)
        }
    }

    @Test func getmeasFiltersByTypeCategoryAndDates() async throws {
        try await EmulatorHarness.with { harness in
            let token = try await harness.accessToken()
            let weights = try await harness.call("/measure", ["action": "getmeas", "meastype": "1"], token: token)
            let groups = try #require(weights["body"]?["measuregrps"]?.arrayValue)
            #expect(groups.count == 3)
            #expect(groups.allSatisfy { $0["measures"]?.arrayValue?.map { $0["type"] } == [1] })

            let pressure = try await harness.call("/measure", ["action": "getmeas", "meastypes": "9,10"], token: token)
            let measures = pressure["body"]?["measuregrps"]?.arrayValue?.first?["measures"]?.arrayValue ?? []
            #expect(Set(measures.compactMap { $0["type"]?.intValue }) == [9, 10])

            let objectives = try await harness.call("/measure", ["action": "getmeas", "category": "2"], token: token)
            #expect(objectives["body"]?["measuregrps"] == [])

            let window = try await harness.call(
                "/measure",
                [
                    "action": "getmeas", "startdate": "1564657200", "enddate": "1564660800",
                ], token: token)
            #expect(window["body"]?["measuregrps"]?.arrayValue?.map { $0["date"] } == [1_564_660_800, 1_564_657_200])

            let halfOpen = try await harness.call("/measure", ["action": "getmeas", "startdate": "1"], token: token)
            #expect(halfOpen["status"] == 503)
        }
    }

    @Test func getactivityReturnsFixtureDaysWithinRange() async throws {
        try await EmulatorHarness.with { harness in
            let token = try await harness.accessToken()
            let all = try await harness.call("/v2/measure", ["action": "getactivity"], token: token)
            let fixture = try Fixtures.json(Self.fixtures + "activity.json")
            #expect(all["body"]?["activities"] == fixture)
            #expect(all["body"]?["more"] == false)

            let range = try await harness.call(
                "/v2/measure",
                [
                    "action": "getactivity", "startdateymd": "2023-10-20", "enddateymd": "2023-10-21",
                    "data_fields": "steps,calories",
                ], token: token)
            let rows = try #require(range["body"]?["activities"]?.arrayValue)
            #expect(rows.map { $0["date"] } == ["2023-10-20", "2023-10-21"])
            #expect(rows.first?["steps"] == fixture.arrayValue?[12]["steps"])
            #expect(rows.first?["distance"] == nil, "data_fields drops unrequested values")
            #expect(rows.first?["modified"] == 1_697_884_856, "metadata is kept")

            let changed = try await harness.call(
                "/v2/measure", ["action": "getactivity", "lastupdate": "1697842185"], token: token)
            #expect(changed["body"]?["activities"]?.arrayValue?.map { $0["date"] } == ["2023-10-20", "2023-10-21"])
        }
    }

    @Test func getworkoutsReturnsFixtureSeries() async throws {
        try await EmulatorHarness.with { harness in
            let token = try await harness.accessToken()
            let answer = try await harness.call("/v2/measure", ["action": "getworkouts"], token: token)
            let series = try #require(answer["body"]?["series"]?.arrayValue)
            let fixture = try #require(try Fixtures.json(Self.fixtures + "workouts.json").arrayValue)
            #expect(series.count == 11)
            #expect(Set(series.map { $0.serialized() }) == Set(fixture.map { $0.serialized() }))
            let starts = series.compactMap { $0["startdate"]?.intValue }
            #expect(starts == starts.sorted())

            let september = try await harness.call(
                "/v2/measure",
                [
                    "action": "getworkouts", "startdateymd": "2023-09-01", "enddateymd": "2023-09-30",
                    "data_fields": "calories",
                ], token: token)
            let items = try #require(september["body"]?["series"]?.arrayValue)
            #expect(items.count == 4)
            #expect(items.allSatisfy { Set($0["data"]?.objectValue?.keys ?? [:].keys).isSubset(of: ["calories"]) })
        }
    }

    @Test func getsummaryReturnsFixtureNightsNewestFirst() async throws {
        try await EmulatorHarness.with { harness in
            let token = try await harness.accessToken()
            let answer = try await harness.call(
                "/v2/sleep",
                [
                    "action": "getsummary", "lastupdate": "1620237480", "data_fields": "deepsleepduration,sleep_score",
                ], token: token)
            let series = try #require(answer["body"]?["series"]?.arrayValue)
            #expect(series.map { $0["date"] } == ["2021-04-16", "2021-04-15", "2021-04-14"])
            #expect(series.first?["data"] == ["deepsleepduration": 3720, "sleep_score": 20])
            #expect(series.last?["data"] == ["deepsleepduration": 5760, "sleep_score": 62])

            let all = try await harness.call("/v2/sleep", ["action": "getsummary"], token: token)
            let fixture = try #require(try Fixtures.json(Self.fixtures + "sleep_summaries.json").arrayValue)
            let nights = try #require(all["body"]?["series"]?.arrayValue)
            #expect(Set(nights.map { $0.serialized() }) == Set(fixture.map { $0.serialized() }))
            #expect(
                nights.map { $0["date"] } == ["2021-04-18", "2021-04-17", "2021-04-16", "2021-04-15", "2021-04-14"])
        }
    }

    @Test func getgoalsAndGetdeviceReturnFixtures() async throws {
        try await EmulatorHarness.with { harness in
            let token = try await harness.accessToken()
            let goals = try await harness.call("/v2/user", ["action": "getgoals"], token: token)
            #expect(goals == ["status": 0, "body": ["goals": try Fixtures.json(Self.fixtures + "goals.json")]])
            let devices = try await harness.call("/v2/user", ["action": "getdevice"], token: token)
            #expect(devices == ["status": 0, "body": ["devices": try Fixtures.json(Self.fixtures + "devices.json")]])
        }
    }

    @Test func missingFilesMeanNoData() async throws {
        let user = EmulatorUser(userID: 7, name: "empty")
        try await EmulatorHarness.with(users: [user]) { harness in
            let token = try await harness.accessToken()
            let goals = try await harness.call("/v2/user", ["action": "getgoals"], token: token)
            #expect(goals["body"] == ["goals": []])
            let sleep = try await harness.call("/v2/sleep", ["action": "getsummary"], token: token)
            #expect(sleep["body"]?["series"] == [])
        }
    }

    @Test func unknownActionAndBadDatesAreWithingsErrors() async throws {
        try await EmulatorHarness.with { harness in
            let token = try await harness.accessToken()
            let unknown = try await harness.call("/v2/user", ["action": "getfoo"], token: token)
            #expect(unknown["status"] == 2555)
            let badDate = try await harness.call(
                "/v2/measure",
                [
                    "action": "getactivity", "startdateymd": "2023/10/01", "enddateymd": "2023-10-02",
                ], token: token)
            #expect(badDate["status"] == 503)
        }
    }
}
