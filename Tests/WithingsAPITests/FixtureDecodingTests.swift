import TestSupport
import Testing
import WithingsAPI

/// Every fixture decodes, and the decoded fields match the files.
@Suite struct FixtureDecodingTests {
    // Which body each fixture holds; homeassistant-* files are fragments wrapped under this key.
    enum Shape {
        case measures, activity, workouts, sleepSummaries, sleepSegments, goals, devices, subscriptions, empty
    }

    static func shape(of path: String) -> Shape? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        switch name {
        case _ where name.hasPrefix("measurement"): return .measures
        case "activity.json": return .activity
        case "workouts.json": return .workouts
        case _ where name.hasPrefix("sleep_summar"): return .sleepSummaries
        case _ where name.hasPrefix("sleep"): return .sleepSegments
        case _ where name.contains("goals"): return .goals
        case _ where name.contains("device"): return .devices
        case "notify_list.json", "notifications.json": return .subscriptions
        case "notify_subscribe.json", "notify_revoke.json": return .empty
        default: return nil
        }
    }

    static func fragmentKey(_ shape: Shape) -> String {
        switch shape {
        case .measures: "measuregrps"
        case .activity: "activities"
        case .workouts, .sleepSummaries, .sleepSegments: "series"
        case .goals: "goals"
        case .devices: "devices"
        case .subscriptions: "profiles"
        case .empty: "unused"
        }
    }

    /// The file as a full envelope: aiowithings list files and homeassistant-* files are wrapped.
    static func envelopeBytes(_ path: String, shape: Shape) throws -> [UInt8] {
        let bytes = try Fixtures.withings(path)
        let firstNonSpace = bytes.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
        let isEnvelope = path.hasPrefix("aiowithings/") && firstNonSpace == UInt8(ascii: "{")
        return isEnvelope ? bytes : Fixtures.envelope(key: fragmentKey(shape), fragment: bytes)
    }

    /// Decodes a fixture and returns how many items it held.
    static func decodeCount(_ path: String) throws -> Int {
        let kind = try #require(Self.shape(of: path), "no decoder known for \(path)")
        let response = TransportResponse(status: 200, body: try envelopeBytes(path, shape: kind))
        switch kind {
        case .measures:
            return try WithingsResponseDecoder.decode(WithingsPage<MeasureGroup>.self, from: response).items.count
        case .activity:
            return try WithingsResponseDecoder.decode(WithingsPage<ActivityDay>.self, from: response).items.count
        case .workouts:
            return try WithingsResponseDecoder.decode(WithingsPage<Workout>.self, from: response).items.count
        case .sleepSummaries:
            return try WithingsResponseDecoder.decode(WithingsPage<SleepSummary>.self, from: response).items.count
        case .sleepSegments:
            return try WithingsResponseDecoder.decode(WithingsPage<SleepSegment>.self, from: response).items.count
        case .goals:
            let goals = try WithingsResponseDecoder.decode(GoalsBody.self, from: response).goals
            return [goals.steps != nil, goals.sleep != nil, goals.weight != nil].count { $0 }
        case .devices: return try WithingsResponseDecoder.decode(DevicesBody.self, from: response).devices.count
        case .subscriptions:
            return try WithingsResponseDecoder.decode(SubscriptionsBody.self, from: response).profiles.count
        case .empty:
            _ = try WithingsResponseDecoder.decode(EmptyBody.self, from: response)
            return 0
        }
    }

    @Test func everyFixtureFileIsCovered() throws {
        let files = try Fixtures.allWithingsJSONFiles()
        #expect(files.count == 29)
        for file in files { #expect(Self.shape(of: file) != nil, "\(file)") }
    }

    @Test(arguments: try Fixtures.allWithingsJSONFiles())
    func fixtureDecodes(path: String) throws {
        let count = try Self.decodeCount(path)
        let emptyOnPurpose = ["no_goals.json", "notify_subscribe.json", "notify_revoke.json"]
        if emptyOnPurpose.contains(where: path.hasSuffix) {
            #expect(count == 0)
        } else {
            #expect(count > 0, "\(path) decoded to nothing")
        }
    }

    @Test func measurementEnvelopeFields() throws {
        let response = TransportResponse(status: 200, body: try Fixtures.withings("aiowithings/measurement.json"))
        let page = try WithingsResponseDecoder.decode(WithingsPage<MeasureGroup>.self, from: response)
        #expect(page.updateTime == 1_693_651_185)
        #expect(page.timezone == "Europe/Amsterdam")
        #expect(page.more == false)
        let group = try #require(page.items.first)
        #expect(group.groupID == 4_815_757_309)
        #expect(group.attrib == 0)
        #expect(group.date == 1_693_651_151)
        #expect(group.deviceID == "f998be4b9ccc9e136fd8cd8e8e344c31ec3b271d")
        #expect(group.model == "Body+")
        #expect(group.modelID == 5)
        #expect(group.measures == [Measure(value: 118_003, unit: -3, type: 1)])
        #expect(page.items[1].attrib == 8)
    }

    @Test func activityKeepsEveryNumericFieldAndNoMetadata() throws {
        let response = TransportResponse(status: 200, body: try Fixtures.withings("aiowithings/activity.json"))
        let page = try WithingsResponseDecoder.decode(WithingsPage<ActivityDay>.self, from: response)
        #expect(page.more == false)
        #expect(page.offset == 200)
        let first = try #require(page.items.first)
        #expect(first.date == "2023-10-20")
        #expect(first.timezone == "Europe/Amsterdam")
        #expect(first.modified == 1_697_884_856)
        #expect(first.deviceID == nil)
        #expect(first.data["steps"] == 1209)
        #expect(first.data["distance"] == 1028.559)
        #expect(first.data["totalcalories"] == 2303.788)
        #expect(first.data["hr_zone_3"] == 400)
        #expect(first.data["modified"] == nil)
        #expect(first.data["brand"] == nil)
        #expect(first.data["is_tracker"] == nil)
        #expect(first.data.count == 16)
        #expect(page.items[1].data["hr_average"] == nil)
    }

    @Test func workoutsSkipNulls() throws {
        let response = TransportResponse(status: 200, body: try Fixtures.withings("aiowithings/workouts.json"))
        let workouts = try WithingsResponseDecoder.decode(WithingsPage<Workout>.self, from: response).items
        let first = try #require(workouts.first)
        #expect(first.id == 3_661_300_277)
        #expect(first.category == 1)
        #expect(first.startDate == 1_693_336_011)
        #expect(first.endDate == 1_693_336_513)
        #expect(first.date == "2023-08-29")
        #expect(first.data["calories"] == 47)
        #expect(first.data["pause_duration"] == 80)
        #expect(first.data.keys.contains("algo_pause_duration") == false)
        #expect(first.modified == 1_693_481_873)
    }

    @Test func sleepSummaryFields() throws {
        let response = TransportResponse(status: 200, body: try Fixtures.withings("aiowithings/sleep_summary.json"))
        let page = try WithingsResponseDecoder.decode(WithingsPage<SleepSummary>.self, from: response)
        #expect(page.more == true)
        #expect(page.offset == 300)
        #expect(page.items.count == 300)
        let night = try #require(page.items.first)
        #expect(night.id == 2_081_804_182)
        #expect(night.date == "2021-04-18")
        #expect(night.model == 32)
        #expect(night.modelID == 63)
        #expect(night.deviceID == "201d0b9a0556d6b755166b2cf8d22d3bdf0487ee")
        #expect(night.data["deepsleepduration"] == 5820)
        #expect(night.data["sleep_efficiency"] == 0.86)
        #expect(night.data["apnea_hypopnea_index"] == 9)
    }

    @Test func sleepSummaryDataSkipsObjectsAndBools() throws {
        let body = """
            {"status":0,"body":{"series":[{"date":"2024-01-02","startdate":1,"enddate":2,"data":{
            "night_events":{"1":[120],"2":[300]},"hr_average":55,"flag":true,"note":"x","gone":null}}],"more":0}}
            """
        let page = try WithingsResponseDecoder.decode(
            WithingsPage<SleepSummary>.self, from: TransportResponse(status: 200, body: Array(body.utf8))
        )
        #expect(page.items.first?.data == ["hr_average": 55])
        #expect(page.more == false)
    }

    @Test func goalsObjectPartialAndEmptyList() throws {
        func goals(_ path: String) throws -> Goals {
            try WithingsResponseDecoder.decode(
                GoalsBody.self, from: TransportResponse(status: 200, body: try Fixtures.withings(path))
            ).goals
        }
        #expect(try goals("aiowithings/goals.json") == Goals(steps: 10000, sleep: 28800, weight: 70.5))
        #expect(try goals("aiowithings/goals_1.json") == Goals(weight: 70.5))
        #expect(try goals("aiowithings/goals_2.json") == Goals(steps: 10000, sleep: 28800))
        #expect(try goals("aiowithings/no_goals.json") == Goals())
    }

    @Test func devicesUnknownBatteryAndUnknownModel() throws {
        func devices(_ path: String) throws -> [Device] {
            try WithingsResponseDecoder.decode(
                DevicesBody.self, from: TransportResponse(status: 200, body: try Fixtures.withings(path))
            ).devices
        }
        let list = try devices("aiowithings/device.json")
        #expect(list.map(\.battery) == ["high", "high", nil, "high", "high"])
        #expect(list[0].firstSessionDate == nil)
        #expect(list[0].lastSessionDate == 1_693_867_179)
        #expect(list[3].isSleepMat)
        #expect(list[4].model == "")
        let future = try #require(try devices("aiowithings/new_device.json").first)
        #expect(future.modelID == 696_969)
        #expect(future.type == "Futuristic device")
    }

    @Test func subscriptionsList() throws {
        let response = TransportResponse(status: 200, body: try Fixtures.withings("aiowithings/notify_list.json"))
        let profiles = try WithingsResponseDecoder.decode(SubscriptionsBody.self, from: response).profiles
        #expect(
            profiles == [
                NotificationSubscription(
                    appli: 1, callbackURL: "https://www.withings.com", expires: 2_147_483_647,
                    comment: "My notification subscription")
            ])
    }

    @Test func unknownTypesAttribsPositionsAndStringNumbersAreKept() throws {
        let body = """
            {"status":"0","body":{"more":1,"offset":"10","updatetime":"1700000000","measuregrps":[
            {"grpid":"77","attrib":99,"date":1700000000,"category":7,"deviceid":null,"modelid":424242,
             "measures":[{"value":5,"unit":0,"type":9999,"position":77}]}]}}
            """
        let page = try WithingsResponseDecoder.decode(
            WithingsPage<MeasureGroup>.self, from: TransportResponse(status: 200, body: Array(body.utf8))
        )
        #expect(page.more)
        #expect(page.offset == 10)
        #expect(page.updateTime == 1_700_000_000)
        let group = try #require(page.items.first)
        #expect(group.groupID == 77)
        #expect(group.attrib == 99)
        #expect(group.category == 7)
        #expect(group.modelID == 424_242)
        #expect(group.measures == [Measure(value: 5, unit: 0, type: 9999, position: 77)])
    }

    @Test func tokenBodyUserIDNumberOrString() throws {
        for userid in ["12345", "\"12345\""] {
            let body = """
                {"status":0,"body":{"userid":\(userid),"access_token":"a","refresh_token":"r",
                "expires_in":10800,"scope":"user.info,user.metrics","token_type":"Bearer","csrf_token":"c"}}
                """
            let token = try WithingsResponseDecoder.decode(
                TokenBody.self, from: TransportResponse(status: 200, body: Array(body.utf8))
            )
            #expect(
                token
                    == TokenBody(
                        userID: 12345, accessToken: "a", refreshToken: "r", expiresIn: 10800,
                        scope: "user.info,user.metrics"))
        }
    }
}
