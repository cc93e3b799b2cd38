import MQTTDiscovery
import Testing
import WithingsAPI

@Suite struct EventAndDiagnosticsTests {
    let events = EventBuilder(layout: TestData.layout)

    @Test func measureGroupEvent() {
        let group = MeasureGroup(
            groupID: 42, attrib: 0, date: 1_564_660_800, category: 1, deviceID: "dev", model: "BPM Core",
            measures: [
                Measure(value: 120, unit: 0, type: 10), Measure(value: 80, unit: 0, type: 9),
                Measure(value: 254, unit: -1, type: 175, position: 7), Measure(value: 5, unit: 0, type: 4242),
            ]
        )
        let message = events.message(events.measureGroup(group), account: TestData.alice)
        #expect(message.topic == "withings2mqtt/alice/events" && !message.retain && message.qos == 1)
        #expect(
            message.payloadString
                == #"{"attrib":0,"category":1,"device_id":"dev","event":"measure_group","group_id":42,"measured_at":"2019-08-01T12:00:00Z","model":"BPM Core","values":{"diastolic_blood_pressure_mmhg":80,"measure_175":25.4,"measure_4242":5,"systolic_blood_pressure_mmhg":120}}"#
        )
    }

    @Test func imperialEventValues() {
        let imperial = EventBuilder(layout: TestData.layout, units: .imperial)
        let group = MeasureGroup(groupID: 1, attrib: 0, date: 0, measures: [Measure(value: 70500, unit: -3, type: 1)])
        #expect(imperial.measureGroup(group).serialized.contains(#""values":{"weight_kg":155.43}"#))
    }

    @Test func sleepWorkoutAndBedEvents() throws {
        let sleep = events.sleep(try #require(TestData.snapshot.sleep)).serialized
        #expect(sleep.contains(#""event":"sleep""#) && sleep.contains(#""start":"2021-04-17T20:30:53Z""#))
        #expect(
            sleep.contains(
                #""values":{"sleep_deep_duration_seconds":5820,"sleep_efficiency_pct":86,"sleep_heart_rate_min_bpm":70,"sleep_total_duration_seconds":18660}"#
            ))
        let workout = events.workout(try #require(TestData.snapshot.lastWorkout)).serialized
        #expect(
            workout.contains(
                #""values":{"workout_distance":680,"workout_duration":502,"workout_intensity":30,"workout_pause_duration":0,"workout_type":"indoor_running"}"#
            ))
        let bed = events.bed(BedState(inBed: false, eventDate: 1_700_000_000, receivedAt: 1_700_000_001))
        #expect(
            bed.serialized
                == #"{"event":"bed","in_bed":"OFF","measured_at":"2023-11-14T22:13:20Z","received_at":"2023-11-14T22:13:21Z"}"#
        )
    }

    @Test func diagnosticsJSON() {
        let diagnostics = AccountDiagnostics(
            authState: "needs_reauth", fixCommand: "withings2mqtt auth --account alice", tokenExpiresAt: 1_700_000_000,
            lastPoll: nil, subscribedApplis: [51, 1, 50], subscriptionsOK: false,
            apiErrors: ["auth": 2, "timeout": 1], lastError: "Withings refused the refresh token"
        )
        #expect(
            diagnostics.json.serialized
                == #"{"api_errors":3,"api_errors_by_kind":{"auth":2,"timeout":1},"auth_state":"needs_reauth","fix":"withings2mqtt auth --account alice","last_error":"Withings refused the refresh token","last_poll":null,"last_webhook":null,"subscribed_applis":[1,50,51],"subscriptions_ok":false,"token_expires_at":"2023-11-14T22:13:20Z"}"#
        )
        // Every diagnostic entity's template reads a top-level key of this JSON.
        let keys = ["api_errors", "last_poll", "last_webhook", "subscriptions_ok", "token_expires_at"]
        for field in DiagnosticField.allCases { #expect(keys.contains(field.rawValue)) }
    }

    @Test func bridgeInfoJSON() {
        let info = BridgeInfo(
            version: "1.2.3",
            accounts: [
                .init(name: "alice", userID: 12345, state: "online"),
                .init(name: "bob", userID: nil, state: "needs_reauth"),
            ],
            webhookEnabled: true, webhookPublicURL: "https://bridge.example.com/withings2mqtt",
            webhookStatus: "listening", units: .imperial
        )
        #expect(
            info.json.serialized
                == #"{"accounts":[{"name":"alice","state":"online","user_id":12345},{"name":"bob","state":"needs_reauth","user_id":null}],"last_error":null,"units":"imperial","version":"1.2.3","webhook":{"enabled":true,"public_url":"https://bridge.example.com/withings2mqtt","status":"listening"}}"#
        )
    }
}
