import Foundation
import TestSupport
import WithingsAPI

/// A decade of history: the bridge's first cycle from empty state for a generated 10-year account, and the
/// same getmeas bytes decoded and aggregated by our WithingsAPI and by aiowithings (the peer).
struct HistoryBench {
    /// One first cycle from empty state.
    struct FirstCycle: Codable, Sendable {
        /// The emulator's page size for this cycle.
        var pageSize: Int
        /// Spawn to the milestone, ms.
        var wallMs: Double
        /// Spawn to the first weight state on the broker, ms (before the milestone when the walk has pages).
        var firstWeightMs: Double?
        /// CPU seconds of the bridge at the end of the cycle.
        var cpuSeconds: Double
        /// Peak RSS (VmHWM), MiB.
        var peakRSSMiB: Double
        /// Requests the emulator counted.
        var apiRequests: Int
        /// Requests per endpoint and action.
        var requestsByEndpoint: [String: Int]
    }

    /// The figures of the history run.
    struct Figures: Codable, Sendable {
        /// With the emulator's default page size (200 items): 160 requests, paced by the rate limiter.
        var pagedCycle: FirstCycle
        /// With one page per data kind: the bridge's own processing without the rate limiter's pacing.
        var onePageCycle: FirstCycle
        /// The same with the `--static-swift-stdlib` binary (what DEPLOYMENT.md installs), when given.
        var staticOnePageCycle: FirstCycle?
        /// Groups in the getmeas answer.
        var measureGroups: Int
        /// Size of the getmeas answer.
        var getmeasBytes: Int
        /// Our decode + aggregate, median ms.
        var swiftDecodeAggregateMs: Double
        /// aiowithings' decode + aggregate, median ms.
        var peerDecodeAggregateMs: Double?
        /// Latest-value keys aiowithings found.
        var peerLatestKeys: Int?
        /// Latest-value keys we found.
        var swiftLatestKeys: Int
        /// Peer time over ours.
        var peerSpeedup: Double?
    }

    /// The venv's Python, or nil to skip the peer.
    let python: String?
    /// scripts/bench_peer.py.
    let peerScript: String
    /// The `--static-swift-stdlib` build of the bridge, or nil.
    var staticBinary: String?

    /// Runs it in its own broker, emulator and state directory.
    func run() async throws -> Figures {
        let world = try await BenchWorld(
            emulatorArguments: ["--generate", "users=1,years=10"], accounts: ["user1"], webhooks: false)
        defer { Task { await world.shutdown() } }
        try await world.authorizeAll()
        let recorder = try await Recorder.start(port: world.broker.port, filter: "withings2mqtt/#")
        defer { Task { await recorder.stop() } }
        let paged = try await firstCycle(world, recorder, pageSize: 200)
        print("  paged first cycle: \(Int(paged.wallMs)) ms, \(paged.apiRequests) requests")
        try FileManager.default.removeItem(at: world.stateDirectory.appendingPathComponent("user1.state.json"))
        let onePage = try await firstCycle(world, recorder, pageSize: 1_000_000)
        print("  one-page first cycle: \(Int(onePage.wallMs)) ms, \(onePage.apiRequests) requests")
        var staticOnePage: FirstCycle?
        if let staticBinary {
            try FileManager.default.removeItem(at: world.stateDirectory.appendingPathComponent("user1.state.json"))
            world.bridgeBinary = staticBinary
            staticOnePage = try await firstCycle(world, recorder, pageSize: 1_000_000)
            world.bridgeBinary = "withings2mqtt"
            print("  one-page first cycle, static binary: peak RSS \(staticOnePage?.peakRSSMiB ?? 0) MiB")
        }

        let bytes = try await allMeasureGroups(world)
        let file = world.directory.appendingPathComponent("getmeas.json")
        try Data(bytes).write(to: file)
        var swiftTimes: [Double] = []
        var groups = 0
        var keys = 0
        for _ in 0..<5 {
            let clock = ContinuousClock.now
            (groups, keys) = try Self.decodeAndAggregate(bytes)
            swiftTimes.append((ContinuousClock.now - clock).milliseconds)
        }
        let swiftMedian = swiftTimes.sorted()[swiftTimes.count / 2]
        var peer: (ms: Double, keys: Int)?
        if let python { peer = try await runPeer(python: python, file: file) }
        return Figures(
            pagedCycle: paged, onePageCycle: onePage, staticOnePageCycle: staticOnePage, measureGroups: groups,
            getmeasBytes: bytes.count,
            swiftDecodeAggregateMs: swiftMedian,
            peerDecodeAggregateMs: peer?.ms, peerLatestKeys: peer?.keys, swiftLatestKeys: keys,
            peerSpeedup: peer.map { $0.ms / swiftMedian })
    }

    /// What the bridge does with one getmeas answer: index it, decode it a slice at a time and keep the latest
    /// value per measure key; returns the groups and the keys.
    static func decodeAndAggregate(_ bytes: [UInt8]) throws -> (groups: Int, keys: Int) {
        let page = try WithingsResponseDecoder.decode(
            MeasurePage.self, from: TransportResponse(status: 200, body: bytes))
        var latest: [MeasureKey: LatestMeasure] = [:]
        for slice in page.slices(of: WithingsClient.groupsPerSlice) {
            latest = LatestValues.mergeMeasures(try page.groups(slice), into: latest)
        }
        return (page.count, latest.count)
    }

    /// The same with the whole page decoded at once (the bridge's path before slices), for comparison.
    static func decodeAndAggregateWholePage(_ bytes: [UInt8]) throws -> Int {
        let page = try WithingsResponseDecoder.decode(
            WithingsPage<MeasureGroup>.self, from: TransportResponse(status: 200, body: bytes))
        return LatestValues.mergeMeasures(page.items).count
    }

    /// Starts the bridge on an empty state (tokens kept) and times it to the first cycle's diagnostics.
    private func firstCycle(_ world: BenchWorld, _ recorder: Recorder, pageSize: Int) async throws -> FirstCycle {
        try await world.control("POST", "/_emulator/config", ["page_size": pageSize])
        try await world.resetRequestCounts()
        let mark = recorder.count
        let started = try world.startBridge()
        let done = try await world.waitForFirstCycle(recorder, after: mark, timeout: .seconds(180))
        let firstWeight = recorder.since(mark).first {
            $0.topic == "withings2mqtt/user1/weight_kg" && $0.payload != "None"
        }
        let stats = try ProcessStats.read(pid: try world.bridgePID)
        let counts = try await world.requestCounts()
        await world.stopBridge()
        return FirstCycle(
            pageSize: pageSize, wallMs: (done - started).milliseconds,
            firstWeightMs: firstWeight.map { ($0.at - started).milliseconds }, cpuSeconds: stats.cpuSeconds,
            peakRSSMiB: stats.peakRSSMiB, apiRequests: counts.total, requestsByEndpoint: counts.endpoints)
    }

    /// Every measure group of user1 as one getmeas answer (the emulator's page size raised for this call).
    private func allMeasureGroups(_ world: BenchWorld) async throws -> [UInt8] {
        try await world.control("POST", "/_emulator/config", ["page_size": 1_000_000])
        let redirect = "http://127.0.0.1:\(world.webhookPort)/oauth/callback"
        let url =
            WithingsRequest.authorizeURL(
                clientID: "bench-client", redirectURI: redirect, state: "peer",
                base: "\(world.emulator.baseURL)/oauth2_user/authorize2") + "&userid=user1"
        let location = try await world.http.send(TransportRequest(method: "GET", url: url)).header("Location") ?? ""
        let code = URLComponents(string: location)?.queryItems?.first { $0.name == "code" }?.value ?? ""
        let form = [("Content-Type", "application/x-www-form-urlencoded")].map { TransportHeader($0.0, $0.1) }
        let token = try await world.http.send(
            TransportRequest(
                method: "POST", url: world.emulator.baseURL + "/v2/oauth2", headers: form,
                body: Array(
                    FormURLEncoding.encode([
                        ("action", "requesttoken"), ("grant_type", "authorization_code"),
                        ("client_id", "bench-client"), ("client_secret", "bench-client-secret-value"),
                        ("code", code), ("redirect_uri", redirect),
                    ]).utf8)))
        let json = try JSONSerialization.jsonObject(with: Data(token.body)) as? [String: Any]
        guard let access = (json?["body"] as? [String: Any])?["access_token"] as? String else {
            throw BenchError("no token for the peer's bytes: \(String(decoding: token.body, as: UTF8.self))")
        }
        let answer = try await world.http.send(
            TransportRequest(
                method: "POST", url: world.emulator.baseURL + "/measure",
                headers: form + [TransportHeader("Authorization", "Bearer \(access)")],
                body: Array("action=getmeas".utf8)))
        return answer.body
    }

    private func runPeer(python: String, file: URL) async throws -> (ms: Double, keys: Int) {
        let log = file.deletingLastPathComponent().appendingPathComponent("peer.log")
        let child = try SpawnedProcess(
            URL(fileURLWithPath: python), [peerScript, file.path, "5"], outputPath: log.path)
        let status = await child.waitForExit()
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        guard status == 0, let line = output.split(separator: "\n").last,
            let json = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
            let median = json["median_ms"] as? Double, let keys = json["keys"] as? Int
        else { throw BenchError("the aiowithings peer failed (\(status)): \(output)") }
        return (median, keys)
    }
}
