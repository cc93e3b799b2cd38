import Foundation
import TestSupport
import Testing

/// Issue 6.4 (fuzzing): the webhook form parser and the Withings JSON decoders under random mutation for a
/// bounded time, using the `withings2mqtt-fuzz` driver built alongside the tests (libFuzzer: scripts/fuzz.sh).
@Suite struct FuzzDriverTests {
    @Test func parsersSurviveMutatedInput() async throws {
        let seconds = FaultScale.current.fuzzSeconds
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("fixtures/withings")
        let files = try FileManager.default.subpathsOfDirectory(atPath: fixtures.path)
            .filter { $0.hasSuffix(".json") }.map { fixtures.appendingPathComponent($0).path }
        let seed = UInt64.random(in: 1...UInt64(UInt32.max))
        let result = try await ChildProcess.run(
            "withings2mqtt-fuzz", arguments: [String(seconds), String(seed)] + files,
            timeout: .seconds(Int64(seconds) + 120))
        #expect(result.status == 0, "seed \(seed): \(result.output.suffix(3000))")
        let line = result.output.split(separator: "\n").first { $0.hasPrefix("FUZZ:") }
        #expect(line != nil, "\(result.output.suffix(2000))")
        figure("fuzz", String(line ?? "none") + " (\(files.count) fixture files as seeds)")
    }
}
