import TestSupport
import Testing
import WithingsAPI

/// The client over a scripted transport: paging, cursor, refresh, backoff, errors.
@Suite struct WithingsClientTests {
    static func client(
        _ transport: FakeHTTPTransport, tokens: ScriptedTokens = ScriptedTokens(), time: VirtualTime = VirtualTime()
    )
        -> WithingsClient
    {
        WithingsClient(transport: transport, baseURL: "http://127.0.0.1:1", limiter: time.limiter(), tokens: tokens)
    }

    static func measurePage(
        groups: [(id: Int64, date: Int64, modified: Int64)], more: Bool, offset: Int, updateTime: Int64?
    ) -> FakeHTTPTransport.Reply {
        let items = groups.map {
            #"{"grpid":\#($0.id),"attrib":0,"date":\#($0.date),"modified":\#($0.modified),"category":1,"measures":[{"value":\#($0.id),"unit":0,"type":1}]}"#
        }
        let update = updateTime.map { #","updatetime":\#($0)"# } ?? ""
        return .ok(
            #"{"status":0,"body":{"measuregrps":[\#(items.joined(separator: ","))],"more":\#(more ? 1 : 0),"offset":\#(offset)\#(update)}}"#
        )
    }

    @Test func pagingFollowsOffsetWhileMore() async throws {
        let transport = FakeHTTPTransport([
            Self.measurePage(groups: [(1, 100, 150), (2, 110, 160)], more: true, offset: 2, updateTime: 2000),
            Self.measurePage(groups: [(3, 120, 170)], more: true, offset: 3, updateTime: 2001),
            Self.measurePage(groups: [(4, 130, 180)], more: false, offset: 0, updateTime: 2002),
        ])
        let update = try await Self.client(transport).measureGroups(changedSince: 500)
        #expect(update.groups.map(\.groupID) == [1, 2, 3, 4])
        // The first page's time: a group stored while the later pages were fetched lands on a page already read,
        // and a cursor from the last page would skip it for good.
        #expect(update.cursor == 2000)
        let sent = transport.requests.map(\.formFields)
        #expect(sent.map { $0["offset"] } == [nil, "2", "3"])
        #expect(sent.allSatisfy { $0["lastupdate"] == "500" && $0["action"] == "getmeas" })
        #expect(transport.requests.allSatisfy { $0.url == "http://127.0.0.1:1/measure" })
    }

    @Test func slicesHandOverEachPageBeforeFetchingTheNext() async throws {
        let transport = FakeHTTPTransport([
            Self.measurePage(groups: [(1, 100, 150), (2, 110, 160)], more: true, offset: 2, updateTime: 2001),
            Self.measurePage(groups: [(3, 120, 170)], more: false, offset: 0, updateTime: 2000),
        ])
        var handed: [(ids: [Int64], requestsSoFar: Int)] = []
        var mores: [Bool] = []
        let update = try await Self.client(transport).measureGroups(changedSince: 500) { groups, more in
            handed.append((groups.map(\.groupID), transport.requests.count))
            mores.append(more)
        }
        #expect(handed.map(\.ids) == [[1, 2], [3]])
        #expect(handed.map(\.requestsSoFar) == [1, 2], "each page is handed over before the next request")
        #expect(mores == [true, false])
        #expect(update.groups.isEmpty)
        #expect(update.cursor == 2000)
    }

    @Test func aLongPageIsHandedOverInSlicesInItsOwnOrder() async throws {
        let count = WithingsClient.groupsPerSlice * 2 + 500
        var groups: [(id: Int64, date: Int64, modified: Int64)] = []
        for index in Int64(0)..<Int64(count) {
            groups.append((id: index + 1, date: 10_000 - index, modified: 20_000 + index))
        }
        let transport = FakeHTTPTransport([
            Self.measurePage(groups: groups, more: false, offset: 0, updateTime: nil)
        ])
        var handed: [[Int64]] = []
        var mores: [Bool] = []
        let update = try await Self.client(transport).measureGroups(changedSince: 0) { groups, more in
            handed.append(groups.map(\.groupID))
            mores.append(more)
        }
        let sizes = handed.map(\.count)
        #expect(sizes == [WithingsClient.groupsPerSlice, WithingsClient.groupsPerSlice, 500])
        #expect(handed.flatMap { $0 } == groups.map(\.id))
        #expect(mores == [true, true, false], "more groups follow after every slice but the page's last")
        // Without updatetime the cursor is the newest modified time over every slice.
        #expect(update.cursor == Int64(20_000 + count - 1))
    }

    @Test func anEmptyPageIsStillHandedOverOnce() async throws {
        let transport = FakeHTTPTransport([Self.measurePage(groups: [], more: false, offset: 0, updateTime: 3000)])
        var calls = 0
        let update = try await Self.client(transport).measureGroups(changedSince: 10) { groups, more in
            calls += 1
            #expect(groups.isEmpty && !more)
        }
        #expect(calls == 1)
        #expect(update.cursor == 3000)
    }

    @Test func aFailingPageStopsTheWalkAfterTheEarlierPagesWereHandedOver() async throws {
        let transport = FakeHTTPTransport([
            Self.measurePage(groups: [(1, 100, 150)], more: true, offset: 1, updateTime: 2000),
            .ok(#"{"status":503,"error":"Invalid params"}"#),
        ])
        var handed: [Int64] = []
        await #expect(throws: WithingsError.self) {
            _ = try await Self.client(transport).measureGroups(changedSince: 0) { groups, _ in
                handed += groups.map(\.groupID)
            }
        }
        #expect(handed == [1])
    }

    @Test func pagingStopsWhenTheOffsetDoesNotAdvance() async throws {
        let transport = FakeHTTPTransport([
            Self.measurePage(groups: [(1, 100, 150)], more: true, offset: 5, updateTime: nil),
            Self.measurePage(groups: [(2, 100, 150)], more: true, offset: 5, updateTime: nil),
        ])
        let update = try await Self.client(transport).measureGroups(changedSince: 0)
        #expect(update.groups.count == 2)
        #expect(transport.requests.count == 2)
    }

    @Test func cursorMovesForwardAndNeverBack() async throws {
        // Without updatetime the cursor is the largest modified; with nothing new it stays put.
        let transport = FakeHTTPTransport([
            Self.measurePage(groups: [(1, 100, 900), (2, 110, 950)], more: false, offset: 0, updateTime: nil),
            Self.measurePage(groups: [], more: false, offset: 0, updateTime: nil),
            Self.measurePage(groups: [], more: false, offset: 0, updateTime: 10),
        ])
        let client = Self.client(transport)
        let first = try await client.measureGroups(changedSince: 500)
        #expect(first.cursor == 950)
        let second = try await client.measureGroups(changedSince: first.cursor)
        #expect(second.cursor == 950)
        #expect(second.groups.isEmpty)
        let third = try await client.measureGroups(changedSince: second.cursor)
        #expect(third.cursor == 950)  // a stale updatetime cannot move the cursor back
        #expect(transport.requests.map { $0.formFields["lastupdate"] } == ["500", "950", "950"])
    }

    @Test func realFixturePagesThroughSleepSummaries() async throws {
        let first = try Fixtures.withings("aiowithings/sleep_summary.json")  // more: true, offset: 300
        let transport = FakeHTTPTransport([
            .ok(first), .ok(#"{"status":0,"body":{"series":[],"more":false,"offset":0}}"#),
        ])
        let summaries = try await Self.client(transport).sleepSummaries(.changedSince(0))
        #expect(summaries.count == 300)
        #expect(transport.requests.map { $0.formFields["offset"] } == [nil, "300"])
    }

    @Test func authFailureRefreshesOnceAndRetriesOnce() async throws {
        let transport = FakeHTTPTransport([
            .withingsStatus(401, error: "invalid_token"),
            .ok(try Fixtures.withings("aiowithings/goals.json")),
        ])
        let tokens = ScriptedTokens()
        let goals = try await Self.client(transport, tokens: tokens).goals()
        #expect(goals.steps == 10000)
        #expect(tokens.rejected == ["token-1"])
        #expect(
            transport.requests.map { $0.headers.first { $0.name == "Authorization" }?.value } == [
                "Bearer token-1", "Bearer token-2",
            ])
    }

    @Test func secondAuthFailureThrows() async throws {
        let transport = FakeHTTPTransport([.withingsStatus(401), .withingsStatus(214), .withingsStatus(0)])
        let tokens = ScriptedTokens()
        await #expect(throws: WithingsError.api(status: 214, family: .unauthorized, detail: "test error")) {
            try await Self.client(transport, tokens: tokens).devices()
        }
        #expect(tokens.rejected.count == 1)
        #expect(transport.requests.count == 2)
    }

    @Test func notImplementedDoesNotRefresh() async throws {
        let transport = FakeHTTPTransport([.withingsStatus(2554)])
        let tokens = ScriptedTokens()
        await #expect(throws: WithingsError.self) { try await Self.client(transport, tokens: tokens).devices() }
        #expect(tokens.rejected.isEmpty)
    }

    // Table: a status → the typed error the client throws (no retries for these families).
    static let families: [(status: Int, family: WithingsStatusFamily)] = [
        (293, .invalidParams), (215, .errorOccurred), (522, .timeout), (524, .badState), (2554, .notImplemented),
        (12345, .unknown),
    ]

    @Test(arguments: 0..<families.count)
    func eachStatusFamilyIsItsTypedError(index: Int) async {
        let (status, family) = Self.families[index]
        let transport = FakeHTTPTransport([.withingsStatus(status)])
        await #expect(throws: WithingsError.api(status: status, family: family, detail: "test error")) {
            try await Self.client(transport).subscribe(callbackURL: "https://x.example/webhook/s", appli: 1)
        }
        #expect(transport.requests.count == 1)
    }

    @Test func tooManyRequestsBacksOffThenSucceeds() async throws {
        let time = VirtualTime()
        let transport = FakeHTTPTransport([
            .withingsStatus(601), .withingsStatus(601), .ok(try Fixtures.withings("aiowithings/device.json")),
        ])
        let devices = try await Self.client(transport, time: time).devices()
        #expect(devices.count == 5)
        #expect(transport.requests.count == 3)
        // jitter 0.5 → ¾ of the nominal 5 s, then of 10 s.
        #expect(time.sleeps == [3.75, 7.5])
    }

    @Test func tooManyRequestsGivesUpAfterTheRetryBudget() async throws {
        let time = VirtualTime()
        let transport = FakeHTTPTransport(fallback: { _ in .withingsStatus(601) })
        await #expect(throws: WithingsError.api(status: 601, family: .tooManyRequests, detail: "test error")) {
            try await Self.client(transport, time: time).goals()
        }
        #expect(transport.requests.count == 4)  // first try + 3 retries
        #expect(time.sleeps.count == 3)
    }

    @Test func malformedAndTruncatedAnswersAreTypedErrors() async throws {
        let full = try Fixtures.withings("aiowithings/activity.json")
        let transport = FakeHTTPTransport([.ok(Array(full.prefix(full.count / 2))), .ok("not json at all")])
        let client = Self.client(transport)
        await #expect(throws: WithingsError.malformedResponse("\(full.count / 2) bytes that are not complete JSON")) {
            try await client.activity(.days(from: "2023-10-20", to: "2023-10-21"))
        }
        await #expect(throws: WithingsError.malformedResponse("15 bytes that are not complete JSON")) {
            try await client.workouts(.changedSince(0))
        }
    }

    @Test func transportAndHTTPErrorsAreWrapped() async {
        let broken = TransportError(kind: .connect, message: "connection refused")
        let transport = FakeHTTPTransport([.failure(broken), .response(TransportResponse(status: 503))])
        let client = Self.client(transport)
        await #expect(throws: WithingsError.transport(broken)) { try await client.goals() }
        await #expect(throws: WithingsError.httpStatus(503)) { try await client.goals() }
    }

    @Test func subscriptionCallsDecode() async throws {
        let transport = FakeHTTPTransport([
            .ok(try Fixtures.withings("aiowithings/notify_subscribe.json")),
            .ok(try Fixtures.withings("aiowithings/notify_list.json")),
            .ok(try Fixtures.withings("aiowithings/notify_revoke.json")),
        ])
        let client = Self.client(transport)
        try await client.subscribe(callbackURL: "https://www.withings.com", appli: 1, comment: "c")
        let list = try await client.subscriptions()
        try await client.revoke(callbackURL: "https://www.withings.com", appli: 1)
        #expect(list.map(\.appli) == [1])
        #expect(transport.requests.map { $0.formFields["action"] } == ["subscribe", "list", "revoke"])
        #expect(transport.requests.allSatisfy { $0.url.hasSuffix("/notify") })
    }
}
