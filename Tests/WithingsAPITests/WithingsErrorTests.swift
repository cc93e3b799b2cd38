import Testing
import WithingsAPI

/// Status families, messages, retryability, and malformed answers.
@Suite struct WithingsErrorTests {
    static let families: [(status: Int, family: WithingsStatusFamily)] = [
        (0, .ok), (100, .authenticationFailed), (102, .authenticationFailed), (200, .authenticationFailed),
        (401, .authenticationFailed), (214, .unauthorized), (277, .unauthorized), (2553, .unauthorized),
        (2555, .unauthorized), (2554, .notImplemented), (201, .invalidParams), (293, .invalidParams),
        (353, .invalidParams), (3019, .invalidParams), (215, .errorOccurred), (602, .errorOccurred),
        (10000, .errorOccurred), (5006, .errorOccurred), (522, .timeout), (524, .badState),
        (601, .tooManyRequests), (239, .unknown), (1, .unknown), (-5, .unknown), (99999, .unknown),
    ]

    @Test(arguments: 0..<families.count)
    func statusFamilyLookup(index: Int) {
        let (status, family) = Self.families[index]
        #expect(WithingsStatusFamily(status: status) == family, "status \(status)")
    }

    @Test func reauthorizationHookAndMessage() {
        let error = WithingsError.api(status: 401, family: .authenticationFailed, detail: "invalid_token")
        #expect(error.needsReauthorization)
        #expect(!error.isRetryable)
        #expect(error.description.contains("withings2mqtt auth --account NAME"))
        #expect(error.message(account: "alice").contains("withings2mqtt auth --account alice"))
        #expect(error.description.contains("invalid_token"))
        let notImplemented = WithingsError.api(status: 2554, family: .notImplemented, detail: nil)
        #expect(!notImplemented.needsReauthorization)
        #expect(WithingsError.api(status: 277, family: .unauthorized, detail: nil).needsReauthorization)
    }

    @Test func retryableFamilies() {
        #expect(WithingsError.api(status: 601, family: .tooManyRequests, detail: nil).isRetryable)
        #expect(WithingsError.api(status: 522, family: .timeout, detail: nil).isRetryable)
        #expect(WithingsError.api(status: 524, family: .badState, detail: nil).isRetryable)
        #expect(WithingsError.api(status: 215, family: .errorOccurred, detail: nil).isRetryable)
        #expect(!WithingsError.api(status: 293, family: .invalidParams, detail: nil).isRetryable)
        #expect(WithingsError.httpStatus(503).isRetryable)
        #expect(!WithingsError.httpStatus(404).isRetryable)
        #expect(WithingsError.transport(TransportError(kind: .timeout, message: "timed out")).isRetryable)
        #expect(WithingsError.malformedResponse("x").isRetryable)
    }

    @Test func subscribeCallbackMessageNamesTheFix() {
        let error = WithingsError.api(status: 293, family: .invalidParams, detail: nil)
        #expect(error.description.contains("webhook.public_url"))
    }

    @Test func everyFamilyHasAMessage() {
        for family in WithingsStatusFamily.allCases {
            let text = WithingsError.api(status: 1234, family: family, detail: nil).description
            #expect(text.hasPrefix("Withings answered status 1234"), "\(family)")
            #expect(text.count > 40)
        }
    }

    // Table: a response → the error decoding it must give.
    static let responses: [(name: String, response: TransportResponse, expected: WithingsError)] = [
        (
            "expired token",
            TransportResponse(
                status: 200, body: Array(#"{"status":401,"body":{},"error":"XRequestID: invalid_token"}"#.utf8)),
            .api(status: 401, family: .authenticationFailed, detail: "XRequestID: invalid_token")
        ),
        (
            "rate limit", TransportResponse(status: 200, body: Array(#"{"status":601,"body":{}}"#.utf8)),
            .api(status: 601, family: .tooManyRequests, detail: nil)
        ),
        ("http 502", TransportResponse(status: 502, body: Array("<html>bad gateway</html>".utf8)), .httpStatus(502)),
        (
            "not json", TransportResponse(status: 200, body: Array("<html></html>".utf8)),
            .malformedResponse("13 bytes that are not complete JSON")
        ),
        (
            "truncated",
            TransportResponse(status: 200, body: Array(#"{"status":0,"body":{"measuregrps":[{"grpid":1,"#.utf8)),
            .malformedResponse("46 bytes that are not complete JSON")
        ),
        ("empty", TransportResponse(status: 200, body: []), .malformedResponse("0 bytes that are not complete JSON")),
        (
            "no status", TransportResponse(status: 200, body: Array(#"{"body":{}}"#.utf8)),
            .malformedResponse("no \"status\" at the top level")
        ),
        (
            "wrong type",
            TransportResponse(
                status: 200,
                body: Array(#"{"status":0,"body":{"measuregrps":[{"grpid":1,"date":"soon","measures":[]}]}}"#.utf8)),
            .malformedResponse("expected Int64 at body.measuregrps[0].date")
        ),
    ]

    @Test(arguments: 0..<responses.count)
    func responsesMapToTypedErrors(index: Int) {
        let testCase = Self.responses[index]
        #expect(throws: testCase.expected, "\(testCase.name)") {
            try WithingsResponseDecoder.decode(WithingsPage<MeasureGroup>.self, from: testCase.response)
        }
    }

    @Test func everyTruncationOfARealAnswerIsATypedError() throws {
        let full = Array(
            #"{"status":0,"body":{"updatetime":1,"measuregrps":[{"grpid":1,"attrib":0,"date":5,"category":1,"measures":[{"value":70,"unit":0,"type":1}]}],"more":0,"offset":0}}"#
                .utf8)
        _ = try WithingsResponseDecoder.decode(
            WithingsPage<MeasureGroup>.self, from: TransportResponse(status: 200, body: full))
        for length in 0..<full.count {
            let cut = TransportResponse(status: 200, body: Array(full[0..<length]))
            do {
                _ = try WithingsResponseDecoder.decode(WithingsPage<MeasureGroup>.self, from: cut)
                Issue.record("a \(length)-byte prefix decoded")
            } catch {
                guard case .malformedResponse = error else {
                    Issue.record("a \(length)-byte prefix gave \(error)")
                    continue
                }
            }
        }
    }
}
