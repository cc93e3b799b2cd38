import Foundation
import TestSupport
import Testing
import WebhookServer
import WithingsAPI

@Suite struct WebhookServerRoutesTests {
    @Test func headAndGetOnTheCallbackAnswer200() async throws {
        let harness = try await ServerHarness()
        let head = try await CurlClient.run(["-I", harness.webhookURL])
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        let get = try await CurlClient.run([harness.webhookURL])
        #expect(get.status == 200)
        #expect(get.body == "ok\n")
        try await harness.stop()
    }

    @Test func validPostIsAnsweredAndHandedOn() async throws {
        let harness = try await ServerHarness()
        let response = try await CurlClient.run([
            "--data", "userid=12345&appli=50&date=1700000000&deviceid=mat-1", harness.webhookURL,
        ])
        #expect(response.status == 200)
        #expect(response.body == #"{"status":0}"#)
        #expect(response.headers["content-type"] == "application/json")
        let received = try await harness.waitForNotifications(1)
        #expect(received == [WebhookNotification(userID: 12345, appli: 50, date: "1700000000", deviceID: "mat-1")])
        try await harness.stop()
    }

    @Test func eachNotificationIsHandedOnBeforeItsAnswerLeaves() async throws {
        // A sender that waits for each answer and uses a new connection each time (another event loop) must
        // find its earlier events already queued: otherwise ON then OFF could be applied the other way round.
        let harness = try await ServerHarness()
        for index in 0..<20 {
            let response = try await CurlClient.run([
                "--data", "userid=1&appli=\(index % 2 == 0 ? 50 : 51)&date=\(1_700_000_000 + index)",
                harness.webhookURL,
            ])
            #expect(response.status == 200)
            #expect(harness.received.count == index + 1, "answer \(index) left before its notification was queued")
        }
        #expect(harness.received.map(\.date) == (0..<20).map { String(1_700_000_000 + $0) })
        try await harness.stop()
    }

    @Test func theAnswerWaitsUntilTheNotificationIsApplied() async throws {
        // Answered after the bridge applied it: a crash before that leaves it unanswered (Withings sends it again).
        let harness = try await ServerHarness(applyDelay: .milliseconds(300))
        let started = ContinuousClock.now
        let response = try await CurlClient.run(["--data", "userid=1&appli=50&date=1700000000", harness.webhookURL])
        let waited = ContinuousClock.now - started
        #expect(response.status == 200)
        #expect(waited >= .milliseconds(300), "answered after \(waited), before the notification was applied")
        try await harness.stop()
    }

    @Test func aNotificationNeverReportedAppliedIsStillAnsweredInTime() async throws {
        let harness = try await ServerHarness(applyDelay: nil)
        let started = ContinuousClock.now
        let response = try await CurlClient.run(["--data", "userid=1&appli=51&date=1700000001", harness.webhookURL])
        let waited = ContinuousClock.now - started
        #expect(response.status == 200)
        #expect(response.body == #"{"status":0}"#)
        // The deadline is one second (Withings gives up after two). No upper bound here: a stalled test process
        // would fail it; without the deadline curl's own 20 s limit ends the request without a 200.
        #expect(waited >= .milliseconds(900), "answered after \(waited)")
        try await harness.stop()
    }

    @Test func wrongSecretOrUnknownPathIs404() async throws {
        let harness = try await ServerHarness()
        for path in ["/webhook/not-the-secret", "/webhook/", "/", "/api/webhook/\(ServerHarness.secret)"] {
            let response = try await CurlClient.run(["--data", "userid=1&appli=1", harness.url(path)])
            #expect(response.status == 404, "\(path)")
        }
        #expect(try await CurlClient.run(["-I", harness.url("/webhook/nope")]).status == 404)
        #expect(harness.received.isEmpty)
        try await harness.stop()
    }

    @Test func otherMethodsAre405() async throws {
        let harness = try await ServerHarness()
        let response = try await CurlClient.run(["-X", "DELETE", harness.webhookURL])
        #expect(response.status == 405)
        #expect(response.headers["allow"] == "GET, HEAD, POST")
        try await harness.stop()
    }

    @Test func oversizedBodyIs413() async throws {
        let harness = try await ServerHarness()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "w2m-webhook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("big.txt")
        try Data(repeating: UInt8(ascii: "a"), count: 1 << 20).write(to: file)
        let response = try await CurlClient.run(["--data-binary", "@\(file.path)", harness.webhookURL])
        #expect(response.status == 413)
        let withExpect = try await CurlClient.run([
            "-H", "Expect: 100-continue", "--data-binary", "@\(file.path)", harness.webhookURL,
        ])
        #expect(withExpect.status == 413)
        #expect(harness.received.isEmpty)
        try await harness.stop()
    }

    @Test func bodyJustUnderTheLimitIsRead() async throws {
        let harness = try await ServerHarness()
        let padding = String(repeating: "x", count: 16 * 1024 - 40)
        let response = try await CurlClient.run([
            "-H", "Expect: 100-continue", "--data", "userid=9&appli=44&pad=\(padding)", harness.webhookURL,
        ])
        #expect(response.status == 200)
        #expect(try await harness.waitForNotifications(1).map(\.appli) == [44])
        try await harness.stop()
    }

    @Test func malformedBodyIs400AndNotHandedOn() async throws {
        let harness = try await ServerHarness()
        for body in ["appli=50", "userid=x&appli=50", "userid=1&appli=%G0"] {
            let response = try await CurlClient.run(["--data", body, harness.webhookURL])
            #expect(response.status == 400, "\(body)")
        }
        let json = try await CurlClient.run([
            "-H", "Content-Type: application/json", "--data", #"{"userid":1,"appli":50}"#, harness.webhookURL,
        ])
        #expect(json.status == 415)
        // A valid notification afterwards must be the first and only one the callback saw.
        #expect(try await CurlClient.run(["--data", "userid=2&appli=51", harness.webhookURL]).status == 200)
        #expect(try await harness.waitForNotifications(1) == [WebhookNotification(userID: 2, appli: 51)])
        try await harness.stop()
    }

    @Test func oauthCallbackHandsOnCodeAndStateAndShowsTheOutcome() async throws {
        let harness = try await ServerHarness()
        let response = try await CurlClient.run([harness.url("/oauth/callback?code=abc%2F1&state=st-9")])
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "text/html; charset=utf-8")
        #expect(response.body.contains("<h1>Login complete</h1>"))
        #expect(response.body.contains("Account alice is linked to Withings user 42."))
        #expect(harness.oauthCalls == ["abc/1 st-9"])
        try await harness.stop()
    }

    @Test func oauthFailuresAndMissingParameters() async throws {
        let harness = try await ServerHarness(outcome: .failure(message: "Unknown state <x>; run auth again."))
        let failed = try await CurlClient.run([harness.url("/oauth/callback?code=c&state=s")])
        #expect(failed.status == 400)
        #expect(failed.body.contains("Unknown state &lt;x&gt;; run auth again."))
        let missing = try await CurlClient.run([harness.url("/oauth/callback?code=c")])
        #expect(missing.status == 400)
        #expect(missing.body.contains("Missing parameters"))
        let denied = try await CurlClient.run([harness.url("/oauth/callback?error=access_denied&state=s")])
        #expect(denied.status == 400)
        #expect(denied.body.contains("access_denied"))
        #expect(harness.oauthCalls == ["c s"])
        try await harness.stop()
    }

    @Test func healthz() async throws {
        let harness = try await ServerHarness()
        let response = try await CurlClient.run([harness.url("/healthz")])
        #expect(response.status == 200)
        #expect(response.body == "ok\n")
        try await harness.stop()
    }

    @Test func keepAliveServesSeveralRequestsOnOneConnection() async throws {
        let harness = try await ServerHarness()
        let port = harness.port
        let secret = ServerHarness.secret
        let text = try await offPool {
            let connection = try RawSocket(port: port)
            connection.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            let first = connection.receive(responses: 1)
            let body = "userid=3&appli=4"
            connection.send(
                "POST /webhook/\(secret) HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)")
            return first + connection.receive(responses: 1)
        }
        #expect(RawSocket.completeResponses(in: text) == 2)
        #expect(text.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(text.hasSuffix(#"{"status":0}"#))
        #expect(try await harness.waitForNotifications(1) == [WebhookNotification(userID: 3, appli: 4)])
        try await harness.stop()
    }
}
