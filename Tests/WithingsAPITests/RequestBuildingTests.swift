import Testing
import WithingsAPI

/// Every request's path, fields and percent-encoding.
@Suite struct RequestBuildingTests {
    static let base = "https://wbsapi.withings.net"

    @Test func getmeasSinceIsAFormPostWithBearer() {
        let request = WithingsRequest.measureGroups(changedSince: 1_700_000_000).atOffset(3)
            .transportRequest(baseURL: Self.base + "/", accessToken: "tok en")
        #expect(request.method == "POST")
        #expect(request.url == "https://wbsapi.withings.net/measure")
        #expect(request.headers.contains(TransportHeader("Authorization", "Bearer tok en")))
        #expect(request.headers.contains(TransportHeader("Content-Type", "application/x-www-form-urlencoded")))
        #expect(request.body == Array("action=getmeas&lastupdate=1700000000&offset=3".utf8))
    }

    @Test func getmeasRangeAndOffsetZero() {
        let request = WithingsRequest.measureGroups(from: 10, to: 20).atOffset(5).atOffset(0)
        #expect(request.formBody == "action=getmeas&startdate=10&enddate=20")
    }

    @Test func dayWindowCalls() {
        let activity = WithingsRequest.activity(.days(from: "2024-01-01", to: "2024-01-14"))
        #expect(activity.path == "/v2/measure")
        #expect(activity.action == "getactivity")
        #expect(activity.field("startdateymd") == "2024-01-01")
        #expect(activity.field("enddateymd") == "2024-01-14")
        #expect(activity.field("data_fields")?.split(separator: ",").contains("totalcalories") == true)
        let workouts = WithingsRequest.workouts(.changedSince(42))
        #expect(workouts.action == "getworkouts")
        #expect(workouts.field("lastupdate") == "42")
        #expect(workouts.formBody.contains("data_fields=calories%2Cintensity%2C"))
    }

    @Test func sleepSummaryAsksForEveryDocumentedField() throws {
        let request = WithingsRequest.sleepSummaries(.changedSince(7))
        #expect(request.path == "/v2/sleep")
        #expect(request.action == "getsummary")
        let fields = Set(try #require(request.field("data_fields")).split(separator: ",").map(String.init))
        let documented: Set<String> = [
            "total_timeinbed", "total_sleep_time", "asleepduration", "lightsleepduration", "remsleepduration",
            "deepsleepduration", "sleep_efficiency", "sleep_latency", "wakeup_latency", "wakeupduration",
            "wakeupcount", "waso", "nb_rem_episodes", "breathing_disturbances_intensity", "apnea_hypopnea_index",
            "withings_index", "durationtosleep", "durationtowakeup", "out_of_bed_count", "hr_average", "hr_min",
            "hr_max", "rr_average", "rr_min", "rr_max", "snoring", "snoringepisodecount", "sleep_score",
            "night_events", "mvt_active_duration", "mvt_score_avg",
        ]
        #expect(fields == documented)
    }

    @Test func userAndNotifyCalls() {
        #expect(WithingsRequest.goals().formBody == "action=getgoals")
        #expect(WithingsRequest.goals().path == "/v2/user")
        #expect(WithingsRequest.devices().formBody == "action=getdevice")
        let subscribe = WithingsRequest.subscribe(
            callbackURL: "https://h.example/webhook/s3cr?t&x=1", appli: 44, comment: "withings2mqtt bridge")
        #expect(subscribe.path == "/notify")
        #expect(
            subscribe.formBody
                == "action=subscribe&callbackurl=https%3A%2F%2Fh.example%2Fwebhook%2Fs3cr%3Ft%26x%3D1&appli=44&comment=withings2mqtt%20bridge"
        )
        #expect(WithingsRequest.listSubscriptions().formBody == "action=list")
        #expect(WithingsRequest.listSubscriptions(appli: 50).formBody == "action=list&appli=50")
        #expect(
            WithingsRequest.revoke(callbackURL: "https://a.b/c", appli: 1).formBody
                == "action=revoke&callbackurl=https%3A%2F%2Fa.b%2Fc&appli=1")
    }

    @Test func tokenRequestsCarryNoBearer() {
        let exchange = WithingsRequest.exchangeCode(
            "c+d", redirectURI: "https://x/oauth/callback", clientID: "id", clientSecret: "s&s")
        let http = exchange.transportRequest(baseURL: Self.base, accessToken: nil)
        #expect(http.url == "https://wbsapi.withings.net/v2/oauth2")
        #expect(!http.headers.contains { $0.name == "Authorization" })
        #expect(
            exchange.formBody
                == "action=requesttoken&grant_type=authorization_code&client_id=id&client_secret=s%26s&code=c%2Bd&redirect_uri=https%3A%2F%2Fx%2Foauth%2Fcallback"
        )
        let refresh = WithingsRequest.refreshToken("r/1", clientID: "id", clientSecret: "sec")
        #expect(
            refresh.formBody
                == "action=requesttoken&grant_type=refresh_token&client_id=id&client_secret=sec&refresh_token=r%2F1")
    }

    @Test func authorizeURL() {
        let url = WithingsRequest.authorizeURL(
            clientID: "abc", redirectURI: "http://localhost:8080/oauth/callback", state: "xy z")
        #expect(
            url == "https://account.withings.com/oauth2_user/authorize2?response_type=code&client_id=abc"
                + "&scope=user.info%2Cuser.metrics%2Cuser.activity%2Cuser.sleepevents"
                + "&redirect_uri=http%3A%2F%2Flocalhost%3A8080%2Foauth%2Fcallback&state=xy%20z")
    }

    @Test func formEncodingRoundTrips() throws {
        let fields: [(name: String, value: String)] = [
            ("a b", "c&d=e"), ("ü", "100%"), ("empty", ""), ("tilde", "~._-"),
        ]
        let decoded = try FormURLEncoding.decode(Array(FormURLEncoding.encode(fields).utf8))
        #expect(decoded.map(\.name) == fields.map(\.name))
        #expect(decoded.map(\.value) == fields.map(\.value))
        #expect(
            try FormURLEncoding.decode(Array("a=1&&b&=2".utf8)).map { "\($0.name)=\($0.value)" } == ["a=1", "b=", "=2"])
    }
}
