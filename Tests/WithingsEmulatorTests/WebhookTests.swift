import Foundation
import Testing
import WithingsEmulator

@Suite struct WebhookTests {
    @Test func fireWebhookPostsTheFormBodyToEverySubscribedCallback() async throws {
        let first = try await CallbackRecorder.start()
        let second = try await CallbackRecorder.start(postStatus: 500)
        try await EmulatorHarness.with { harness in
            let token = try await harness.accessToken()
            for recorder in [first, second] {
                let answer = try await harness.call(
                    "/notify",
                    [
                        "action": "subscribe", "callbackurl": recorder.url("/hook/secret"), "appli": "1",
                    ], token: token)
                #expect(answer["status"] == 0)
            }
            let (status, report) = try await harness.control(
                .POST, "/_emulator/webhooks",
                [
                    "userid": 10_000_001, "appli": 1, "startdate": 1_530_576_000, "enddate": 1_530_698_753,
                ])
            #expect(status == 200)
            let expectedBody = "userid=10000001&appli=1&startdate=1530576000&enddate=1530698753"
            #expect(report["body"] == .string(expectedBody))
            let posts = first.received.filter { $0.method == "POST" }
            #expect(
                posts == [
                    CallbackRecorder.Received(
                        method: "POST", uri: "/hook/secret", contentType: "application/x-www-form-urlencoded",
                        body: expectedBody)
                ])
            #expect(second.received.filter { $0.method == "POST" }.map(\.body) == [expectedBody])

            let deliveries = try #require(report["deliveries"]?.arrayValue)
            #expect(deliveries.map { $0["http_status"] } == [200, 500])
            #expect(
                deliveries.map { $0["callbackurl"] } == [
                    .string(first.url("/hook/secret")), .string(second.url("/hook/secret")),
                ])
            for delivery in deliveries {
                let latency = try #require(delivery["latency_ms"]?.doubleValue)
                #expect(latency > 0)
                print("webhook delivery to \(delivery["callbackurl"]?.stringValue ?? "") took \(latency) ms")
            }
        }
        await first.stop()
        await second.stop()
    }

    @Test func bedEventsGetDateAndOnlyMatchingAppliIsNotified() async throws {
        let recorder = try await CallbackRecorder.start()
        try await EmulatorHarness.with(clock: TestClock(Date(timeIntervalSince1970: 1_700_000_123))) { harness in
            let token = try await harness.accessToken()
            _ = try await harness.call(
                "/notify",
                [
                    "action": "subscribe", "callbackurl": recorder.url(), "appli": "50",
                ], token: token)
            let (_, other) = try await harness.control(.POST, "/_emulator/webhooks", ["user": "ha", "appli": 51])
            #expect(other["deliveries"] == [])
            let (_, report) = try await harness.control(.POST, "/_emulator/webhooks", ["user": "ha", "appli": 50])
            #expect(report["deliveries"]?.arrayValue?.count == 1)
            #expect(recorder.received.last?.body == "userid=10000001&appli=50&date=1700000123")
        }
        await recorder.stop()
    }

    @Test func unreachableCallbackIsReportedNotFatal() async throws {
        let recorder = try await CallbackRecorder.start()
        try await EmulatorHarness.with { harness in
            let token = try await harness.accessToken()
            _ = try await harness.call(
                "/notify",
                [
                    "action": "subscribe", "callbackurl": recorder.url(), "appli": "44",
                ], token: token)
            await recorder.stop()
            let (status, report) = try await harness.control(.POST, "/_emulator/webhooks", ["appli": 44])
            #expect(status == 200)
            let delivery = try #require(report["deliveries"]?.arrayValue?.first)
            #expect(delivery["http_status"] == .null)
            #expect(delivery["error"]?.stringValue?.isEmpty == false)
        }
    }
}
