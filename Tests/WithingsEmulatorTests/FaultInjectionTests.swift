import Foundation
import Testing
import WithingsEmulator

@Suite struct FaultInjectionTests {
    @Test func statusFaultAppliesToTheNextNRequestsOnly() async throws {
        try await EmulatorHarness.with { harness in
            let token = try await harness.accessToken()
            let (status, listed) = try await harness.control(
                .POST, "/_emulator/faults",
                [
                    "kind": "status", "status": 601, "count": 2,
                ])
            #expect(status == 200)
            #expect(listed["faults"]?.arrayValue?.first?["remaining"] == 2)
            for _ in 0..<2 {
                let answer = try await harness.call("/v2/user", ["action": "getgoals"], token: token)
                #expect(answer["status"] == 601)
                #expect(answer["body"] == .object([:]))
            }
            #expect(try await harness.call("/v2/user", ["action": "getgoals"], token: token)["status"] == 0)
            #expect(try await harness.control(.GET, "/_emulator/faults").1["faults"] == [])
        }
    }

    @Test func httpFaultCanTargetOnePath() async throws {
        try await EmulatorHarness.with { harness in
            let token = try await harness.accessToken()
            _ = try await harness.control(
                .POST, "/_emulator/faults",
                [
                    "kind": "http", "http_status": 503, "path": "/measure",
                ])
            let other = try await harness.postForm("/v2/user", ["action": "getdevice"], token: token)
            #expect(other.status == 200)
            let hit = try await harness.postForm("/measure", ["action": "getmeas"], token: token)
            #expect(hit.status == 503)
            #expect(hit.header("Content-Type") == "text/html")
            let after = try await harness.postForm("/measure", ["action": "getmeas"], token: token)
            #expect(after.status == 200)
        }
    }

    @Test func truncatedFaultCutsTheRealAnswer() async throws {
        try await EmulatorHarness.with { harness in
            let token = try await harness.accessToken()
            let normal = try await harness.postForm("/v2/measure", ["action": "getactivity"], token: token)
            _ = try await harness.control(.POST, "/_emulator/faults", ["kind": "truncated", "action": "getactivity"])
            let cut = try await harness.postForm("/v2/measure", ["action": "getactivity"], token: token)
            #expect(cut.status == 200)
            #expect(cut.body.count == normal.body.count / 2)
            #expect(Array(normal.body.prefix(cut.body.count)) == cut.body)
            #expect((try? JSONValue.parse(Data(cut.body))) == nil)
        }
    }

    @Test func malformedAndDelayFaults() async throws {
        try await EmulatorHarness.with { harness in
            let token = try await harness.accessToken()
            _ = try await harness.control(.POST, "/_emulator/faults", ["kind": "malformed"])
            let malformed = try await harness.postForm("/v2/user", ["action": "getgoals"], token: token)
            #expect(malformed.status == 200)
            #expect((try? JSONValue.parse(Data(malformed.body))) == nil)

            _ = try await harness.control(.POST, "/_emulator/faults", ["kind": "delay", "delay_ms": 300])
            let started = ContinuousClock.now
            let delayed = try await harness.call("/v2/user", ["action": "getgoals"], token: token)
            print("delay fault of 300 ms took \(ContinuousClock.now - started)")
            #expect(delayed["status"] == 0)
        }
    }

    @Test func invalidFaultIsRejectedWithAReadableError() async throws {
        try await EmulatorHarness.with { harness in
            let (status, answer) = try await harness.control(.POST, "/_emulator/faults", ["kind": "explode"])
            #expect(status == 400)
            #expect(answer["error"]?.stringValue?.contains("status, http, delay, truncated, malformed") == true)
        }
    }
}
