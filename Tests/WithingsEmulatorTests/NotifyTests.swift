import Foundation
import Testing
import WithingsEmulator

@Suite struct NotifyTests {
    @Test func subscribeFailsWith293WhenNothingAnswersHead() async throws {
        // Bind a recorder to learn a free port, then stop it so the port refuses connections.
        let gone = try await CallbackRecorder.start()
        let url = gone.url()
        await gone.stop()
        try await EmulatorHarness.with { harness in
            let token = try await harness.accessToken()
            let answer = try await harness.call(
                "/notify",
                [
                    "action": "subscribe", "callbackurl": url, "appli": "1",
                ], token: token)
            #expect(answer["status"] == 293)
            let list = try await harness.call("/notify", ["action": "list"], token: token)
            #expect(list["body"]?["profiles"] == [])
        }
    }

    @Test func subscribeFailsWith293WhenHeadIsNot2xx() async throws {
        let recorder = try await CallbackRecorder.start(headStatus: 404)
        try await EmulatorHarness.with { harness in
            let token = try await harness.accessToken()
            let answer = try await harness.call(
                "/notify",
                [
                    "action": "subscribe", "callbackurl": recorder.url(), "appli": "44",
                ], token: token)
            #expect(answer["status"] == 293)
            #expect(recorder.received.map(\.method) == ["HEAD"])
        }
        await recorder.stop()
    }

    @Test func subscribeListGetRevoke() async throws {
        let recorder = try await CallbackRecorder.start()
        try await EmulatorHarness.with { harness in
            let token = try await harness.accessToken()
            for appli in ["50", "51"] {
                let answer = try await harness.call(
                    "/notify",
                    [
                        "action": "subscribe", "callbackurl": recorder.url(), "appli": appli, "comment": "bed",
                    ], token: token)
                #expect(answer == ["status": 0, "body": .object([:])])
            }
            #expect(recorder.received.map(\.method) == ["HEAD", "HEAD"])
            #expect(recorder.received.first?.uri == "/webhook")

            let list = try await harness.call("/notify", ["action": "list"], token: token)
            #expect(
                list["body"]?["profiles"] == [
                    ["appli": 50, "callbackurl": .string(recorder.url()), "comment": "bed", "expires": 2_147_483_647],
                    ["appli": 51, "callbackurl": .string(recorder.url()), "comment": "bed", "expires": 2_147_483_647],
                ])
            let get = try await harness.call(
                "/notify",
                [
                    "action": "get", "callbackurl": recorder.url(), "appli": "51",
                ], token: token)
            #expect(get["body"]?["appli"] == 51)

            let revoke = try await harness.call(
                "/notify",
                [
                    "action": "revoke", "callbackurl": recorder.url(), "appli": "50",
                ], token: token)
            #expect(revoke["status"] == 0)
            let again = try await harness.call(
                "/notify",
                [
                    "action": "revoke", "callbackurl": recorder.url(), "appli": "50",
                ], token: token)
            #expect(again["status"] == 343)
            let remaining = try await harness.call("/notify", ["action": "list"], token: token)
            #expect(remaining["body"]?["profiles"]?.arrayValue?.map { $0["appli"] } == [51])
        }
        await recorder.stop()
    }

    @Test func subscribeRejectsUnknownAppli() async throws {
        try await EmulatorHarness.with { harness in
            let token = try await harness.accessToken()
            let answer = try await harness.call(
                "/notify",
                [
                    "action": "subscribe", "callbackurl": "http://127.0.0.1:1/x", "appli": "3",
                ], token: token)
            #expect(answer["status"] == 503)
        }
    }
}
