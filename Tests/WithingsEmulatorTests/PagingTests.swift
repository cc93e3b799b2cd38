import Foundation
import Testing
import WithingsEmulator

@Suite struct PagingTests {
    @Test func getmeasPagesWithMoreAndOffset() async throws {
        try await EmulatorHarness.with(settings: EmulatorSettings(pageSize: 2)) { harness in
            let token = try await harness.accessToken()
            let first = try await harness.call("/measure", ["action": "getmeas"], token: token)
            #expect(first["body"]?["measuregrps"]?.arrayValue?.count == 2)
            #expect(first["body"]?["more"] == 1)
            #expect(first["body"]?["offset"] == 2)
            let second = try await harness.call("/measure", ["action": "getmeas", "offset": "2"], token: token)
            #expect(second["body"]?["measuregrps"]?.arrayValue?.map { $0["date"] } == [1_564_657_200])
            #expect(second["body"]?["more"] == 0)
            #expect(second["body"]?["offset"] == 0)
        }
    }

    @Test func pagingWalksAGeneratedYearWithoutGapsOrRepeats() async throws {
        let now: Int64 = 1_750_000_000
        let users = HistoryGenerator(seed: 42, now: now).makeUsers(GeneratorSpec(users: 1, years: 1), firstUserID: 900)
        let expected = users[0].measureGroups.count
        try await EmulatorHarness.with(users: users, settings: EmulatorSettings(pageSize: 150)) { harness in
            let token = try await harness.accessToken()
            var seen: [Int64] = []
            var offset: Int64 = 0
            var pages = 0
            repeat {
                let answer = try await harness.call(
                    "/measure", ["action": "getmeas", "offset": String(offset)], token: token)
                let body = try #require(answer["body"])
                seen += body["measuregrps"]?.arrayValue?.compactMap { $0["grpid"]?.intValue } ?? []
                offset = body["more"] == 1 ? (body["offset"]?.intValue ?? 0) : 0
                pages += 1
            } while offset > 0 && pages < 1000
            #expect(seen.count == expected)
            #expect(Set(seen).count == expected)
            #expect(pages == (expected + 149) / 150)
        }
    }

    @Test func lastupdateReturnsOnlyGroupsModifiedLater() async throws {
        try await EmulatorHarness.with { harness in
            let token = try await harness.accessToken()
            let answer = try await harness.call(
                "/measure", ["action": "getmeas", "lastupdate": "1564660800"], token: token)
            #expect(answer["body"]?["measuregrps"]?.arrayValue?.map { $0["modified"] } == [1_564_664_400])

            let (status, added) = try await harness.control(
                .POST, "/_emulator/measurements",
                [
                    "userid": 10_000_001, "type": 1, "value": 72.35, "date": 1_564_700_000,
                ])
            #expect(status == 200)
            let modified = try #require(added["group"]?["modified"]?.intValue)
            let later = try await harness.call(
                "/measure",
                [
                    "action": "getmeas", "lastupdate": String(modified - 1),
                ], token: token)
            let groups = try #require(later["body"]?["measuregrps"]?.arrayValue)
            #expect(groups.count == 1)
            #expect(groups.first?["measures"] == [["type": 1, "value": 7235, "unit": -2]])
            #expect(groups.first?["date"] == 1_564_700_000)
            let none = try await harness.call(
                "/measure", ["action": "getmeas", "lastupdate": String(modified)], token: token)
            #expect(none["body"]?["measuregrps"] == [])
        }
    }
}
