import Foundation
import NIOHTTP1
import NIOPosix
import Testing
import WithingsEmulator

/// An in-process emulator on a free loopback port plus helpers to talk to it over real HTTP.
struct EmulatorHarness {
    let server: EmulatorServer
    // Only a guard against a hang: under ThreadSanitizer and a full parallel run a paged year takes a while.
    let client = HTTP1Client(timeout: .seconds(90))

    /// The emulator behind the server.
    var emulator: Emulator { server.emulator }

    /// Settings for tests that are not about timeouts: Withings' 2 s callback check and 5 s delivery limits are
    /// too short for an in-process callback server under ThreadSanitizer and a full parallel run.
    static let patient = EmulatorSettings(callbackCheckTimeout: 60, webhookTimeout: 60)

    /// Runs `body` against a fresh emulator and stops it afterwards.
    static func with<Result>(
        users: [EmulatorUser]? = nil, settings: EmulatorSettings = patient, clock: TestClock? = nil,
        _ body: (EmulatorHarness) async throws -> Result
    ) async throws -> Result {
        let served: [EmulatorUser]
        if let users { served = users } else { served = [try Fixtures.homeAssistantUser()] }
        var now: @Sendable () -> Date = { Date() }
        if let clock { now = clock.closure }
        let emulator = Emulator(users: served, settings: settings, clock: now)
        // An event loop of its own: serving a generated year is heavy work on the loop, and on the shared
        // singleton it would stall other suites' servers in this process (an idle-timeout test saw its
        // connection close 25 s late under AddressSanitizer).
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let harness = EmulatorHarness(server: try await EmulatorServer.start(emulator: emulator, group: group))
        defer { group.shutdownGracefully { _ in } }
        do {
            let result = try await body(harness)
            await harness.server.stop()
            return result
        } catch {
            await harness.server.stop()
            throw error
        }
    }

    /// A raw request to `pathAndQuery`.
    func request(
        _ method: HTTPMethod, _ pathAndQuery: String, headers: [(String, String)] = [], body: [UInt8]? = nil
    ) async throws -> HTTP1Response {
        try await client.send(method: method, url: server.baseURL + pathAndQuery, headers: headers, body: body)
    }

    /// POSTs a form (as Withings clients do) and returns the raw response.
    func postForm(_ path: String, _ form: [String: String], token: String? = nil) async throws -> HTTP1Response {
        var headers = [("Content-Type", "application/x-www-form-urlencoded")]
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        return try await request(.POST, path, headers: headers, body: Array(FormParameters.encode(form).utf8))
    }

    /// POSTs a form and parses the JSON answer, which must be HTTP 200.
    func call(_ path: String, _ form: [String: String], token: String? = nil) async throws -> JSONValue {
        let response = try await postForm(path, form, token: token)
        #expect(response.status == 200, "HTTP \(response.status) for \(path) \(form["action"] ?? "")")
        return try JSONValue.parse(Data(response.body))
    }

    /// Calls a control endpoint with an optional JSON body; returns HTTP status and parsed JSON.
    func control(_ method: HTTPMethod, _ path: String, _ json: JSONValue? = nil) async throws -> (Int, JSONValue) {
        let body = json.map { Array($0.serialized().utf8) }
        let response = try await request(method, path, headers: [("Content-Type", "application/json")], body: body)
        return (response.status, try JSONValue.parse(Data(response.body)))
    }

    /// Authorises (optionally as `userid`) and returns the code from the redirect.
    func authorize(userid: String? = nil, state: String = "st4te") async throws -> String {
        var query = "response_type=code&client_id=app&redirect_uri=http%3A%2F%2F127.0.0.1%3A9%2Fcb&state=\(state)"
        if let userid { query += "&userid=\(userid)" }
        let response = try await request(.GET, "/oauth2_user/authorize2?" + query)
        let location = try #require(response.header("Location"))
        let items = URLComponents(string: location)?.queryItems ?? []
        return try #require(items.first { $0.name == "code" }?.value)
    }

    /// Exchanges a code for tokens and returns the answer's `body`.
    func exchange(code: String) async throws -> JSONValue {
        let answer = try await call(
            "/v2/oauth2",
            [
                "action": "requesttoken", "grant_type": "authorization_code", "client_id": "app",
                "client_secret": "secret", "code": code, "redirect_uri": "http://127.0.0.1:9/cb",
            ])
        #expect(answer["status"] == 0, "token exchange failed: \(answer.serialized())")
        return answer["body"] ?? .null
    }

    /// Refreshes and returns the whole answer.
    func refresh(_ refreshToken: String) async throws -> JSONValue {
        try await call(
            "/v2/oauth2",
            [
                "action": "requesttoken", "grant_type": "refresh_token", "client_id": "app", "client_secret": "secret",
                "refresh_token": refreshToken,
            ])
    }

    /// Logs in and returns an access token.
    func accessToken(userid: String? = nil) async throws -> String {
        let body = try await exchange(code: try await authorize(userid: userid))
        return try #require(body["access_token"]?.stringValue)
    }
}
