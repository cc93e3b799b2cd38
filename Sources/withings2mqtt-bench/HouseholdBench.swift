import Foundation
import Locking
import Synchronization
import TestSupport

/// The demo household (alice and bob, two accounts, webhooks on): footprint, API economy, bed-event latency,
/// webhook throughput and start-up, in that order, on one broker, emulator and bridge.
struct HouseholdBench {
    /// Idle cost after the first cycle.
    struct Footprint: Codable, Sendable {
        /// Spawn to the first cycle's diagnostics, ms.
        var firstCycleWallMs: Double
        /// RSS after the first cycle, MiB.
        var idleRSSMiB: Double
        /// Its anonymous part, MiB.
        var idleAnonRSSMiB: Double
        /// Its file-backed part, MiB.
        var idleFileRSSMiB: Double
        /// Length of the idle window.
        var idleSeconds: Double
        /// CPU seconds in the idle window.
        var idleCPUSeconds: Double
        /// The same per minute.
        var idleCPUSecondsPerMinute: Double
    }

    /// Process start → discovery and every retained state on a fresh broker, tokens valid.
    struct Startup: Codable, Sendable {
        /// Spawn to the milestone, ms.
        var wallMs: Double
        /// `withings2mqtt --version` from spawn to exit: the cost of starting the process at all.
        var versionExitMs: Double
        /// Retained topics that had to arrive.
        var retainedTopics: Int
        /// Requests per endpoint and action.
        var requestsByEndpoint: [String: Int]
    }

    /// Valid webhooks per second over 16 keep-alive connections.
    struct Throughput: Codable, Sendable {
        /// Webhooks sent.
        var webhooks: Int
        /// Keep-alive connections.
        var connections: Int
        /// Webhooks answered 200 per second.
        var perSecond: Double
        /// RSS 2 s after the run, MiB.
        var rssAfterMiB: Double
        /// Peak RSS (VmHWM), MiB.
        var peakRSSMiB: Double
    }

    /// Everything this bench measures.
    struct Figures: Codable, Sendable {
        /// Item 3.
        var footprint: Footprint
        /// Item 3 for the `--static-swift-stdlib` binary (what DEPLOYMENT.md installs), in its own household.
        var staticFootprint: Footprint?
        /// Item 5, measured unit costs.
        var economy: EconomyBench.Figures
        /// Item 1 on the default broker.
        var latency: LatencyBench.Figures
        /// The same series against a broker with `set_tcp_nodelay true` (see BENCHMARKS.md).
        var latencyNoDelayBroker: LatencyBench.Figures
        /// Item 4 against the `set_tcp_nodelay true` broker, ms.
        var startupNoDelayBrokerMs: Double
        /// Item 6.
        var throughput: Throughput
        /// Item 4.
        var startup: Startup
    }

    /// Length of the idle window.
    let idleSeconds: Double
    /// Events per latency series.
    let events: Int
    /// The `--static-swift-stdlib` build of the bridge, measured for footprint only.
    var staticBinary: String?

    /// Runs it.
    func run() async throws -> Figures {
        let (world, users, recorder, started, done) = try await startHousehold()
        defer { Task { await world.shutdown() } }
        defer { Task { await recorder.stop() } }
        let footprint = try await measureFootprint(world, spawned: started, firstCycle: done)

        let economy = try await EconomyBench(world: world, recorder: recorder).run()
        print("  economy done")

        let latency = try await LatencyBench(
            world: world, brokerPort: world.broker.port, recorder: recorder, userID: users["alice"] ?? 0,
            account: "alice", events: events, rate: 50
        ).run()
        print("  latency done: p50 \(latency.pacedBridge.p50) ms, p99 \(latency.pacedBridge.p99) ms")
        let (latencyNoDelay, startupNoDelay) = try await latencyOnNoDelayBroker(world, userID: users["alice"] ?? 0)
        print(
            "  latency (nodelay broker) done: p50 \(latencyNoDelay.pacedBridge.p50) ms, p99 \(latencyNoDelay.pacedBridge.p99) ms"
        )

        let throughput = try await measureThroughput(world, userID: users["alice"] ?? 0)
        print("  throughput done")

        let startup = try await measureStartup(world)
        return Figures(
            footprint: footprint, staticFootprint: try await staticFootprint(), economy: economy, latency: latency,
            latencyNoDelayBroker: latencyNoDelay,
            startupNoDelayBrokerMs: startupNoDelay, throughput: throughput, startup: startup)
    }

    /// Only item 3, for the default and (when given) the static binary (`--footprint-only`).
    func footprintOnly() async throws -> (dynamic: Footprint, static: Footprint?) {
        let (world, _, recorder, started, done) = try await startHousehold()
        let dynamic = try await measureFootprint(world, spawned: started, firstCycle: done)
        await recorder.stop()
        await world.shutdown()
        return (dynamic, try await staticFootprint())
    }

    // A household of its own, so the static binary starts from the same empty state as the default one did.
    private func staticFootprint() async throws -> Footprint? {
        guard let staticBinary else { return nil }
        let (world, _, recorder, started, done) = try await startHousehold(bridgeBinary: staticBinary)
        defer { Task { await world.shutdown() } }
        defer { Task { await recorder.stop() } }
        return try await measureFootprint(world, spawned: started, firstCycle: done)
    }

    private func measureFootprint(
        _ world: BenchWorld, spawned: ContinuousClock.Instant, firstCycle: ContinuousClock.Instant
    ) async throws -> Footprint {
        // Let subscription set-up (HEAD checks) finish before the idle window.
        try await Task.sleep(for: .seconds(3))
        let pid = try world.bridgePID
        let before = try ProcessStats.read(pid: pid)
        try await Task.sleep(for: .seconds(idleSeconds))
        let after = try ProcessStats.read(pid: pid)
        let idleCPU = after.cpuSeconds - before.cpuSeconds
        print("  footprint of \(world.bridgeBinary): idle RSS \(before.rssMiB) MiB, idle CPU \(idleCPU) s")
        return Footprint(
            firstCycleWallMs: (firstCycle - spawned).milliseconds, idleRSSMiB: before.rssMiB,
            idleAnonRSSMiB: before.anonRSSMiB, idleFileRSSMiB: before.fileRSSMiB, idleSeconds: idleSeconds,
            idleCPUSeconds: idleCPU, idleCPUSecondsPerMinute: idleCPU / idleSeconds * 60)
    }

    /// The household's processes with both accounts authorised and the bridge through its first cycle; returns
    /// the user ids, a recorder of everything, and when the bridge was spawned and finished that cycle.
    private func startHousehold(
        bridgeBinary: String = "withings2mqtt"
    ) async throws -> (
        world: BenchWorld, users: [String: Int], recorder: Recorder, started: ContinuousClock.Instant,
        done: ContinuousClock.Instant
    ) {
        let world = try await BenchWorld(emulatorArguments: [], accounts: ["alice", "bob"])
        world.bridgeBinary = bridgeBinary
        try await world.authorizeAll()
        let users = try await world.userIDs()
        let recorder = try await Recorder.start(port: world.broker.port)
        let started = try world.startBridge()
        let done = try await world.waitForFirstCycle(recorder, after: 0)
        return (world, users, recorder, started, done)
    }

    /// Only the bed-event latency series on the default broker, after the first cycle (`--latency-only`).
    func latencyOnly() async throws -> LatencyBench.Figures {
        let (world, users, recorder, _, _) = try await startHousehold()
        defer { Task { await world.shutdown() } }
        defer { Task { await recorder.stop() } }
        try await Task.sleep(for: .seconds(3))
        return try await LatencyBench(
            world: world, brokerPort: world.broker.port, recorder: recorder, userID: users["alice"] ?? 0,
            account: "alice", events: events, rate: 50
        ).run()
    }

    /// Moves the bridge to a broker with `set_tcp_nodelay true`, runs the latency series there, and moves it back.
    private func latencyOnNoDelayBroker(
        _ world: BenchWorld, userID: Int
    ) async throws
        -> (latency: LatencyBench.Figures, startupMs: Double)
    {
        let expected = try await retainedTopics(port: world.broker.port)
        let port = try MosquittoLoopback.freePort()
        let config = world.directory.appendingPathComponent("nodelay.conf")
        try "listener \(port) 127.0.0.1\nallow_anonymous true\npersistence false\nset_tcp_nodelay true\n"
            .write(to: config, atomically: true, encoding: .utf8)
        let broker = try SpawnedProcess(
            try MosquittoLoopback.executable("mosquitto"), ["-c", config.path],
            outputPath: world.directory.appendingPathComponent("nodelay.log").path)
        defer {
            broker.signal(SIGTERM)
        }
        while !MosquittoLoopback.accepts(port: port) { try await Task.sleep(for: .milliseconds(20)) }
        await world.stopBridge()
        try world.writeConfig(brokerPort: port)
        let recorder = try await Recorder.start(port: port)
        defer { Task { await recorder.stop() } }
        let started = try world.startBridge()
        let startupMs = (try await arrivalOfAll(expected, on: recorder, accounts: world.accounts.count) - started)
            .milliseconds
        _ = try await world.waitForFirstCycle(recorder, after: 0)
        let figures = try await LatencyBench(
            world: world, brokerPort: port, recorder: recorder, userID: userID, account: "alice", events: events,
            rate: 50
        ).run()
        await world.stopBridge()
        try world.writeConfig(brokerPort: world.broker.port)
        try world.startBridge()
        try await Task.sleep(for: .seconds(2))
        return (figures, startupMs)
    }

    private func measureThroughput(_ world: BenchWorld, userID: Int) async throws -> Throughput {
        let connections = 16
        let perConnection = 500
        let failure = Locked<String?>(nil)
        let port = world.webhookPort
        let path = "/webhook/\(BenchWorld.secret)"
        let start = ContinuousClock.now
        await withTaskGroup(of: Void.self) { group in
            for lane in 0..<connections {
                group.addTask {
                    await onThread {
                        do {
                            let client = try KeepAliveClient(port: port)
                            for index in 0..<perConnection {
                                let appli = (lane + index) % 2 == 0 ? 50 : 51
                                let status = try client.post(
                                    path: path, form: "userid=\(userID)&appli=\(appli)&date=\(1_700_100_000 + index)")
                                guard status == 200 else { throw BenchError("webhook answered \(status)") }
                            }
                        } catch {
                            failure.withLock { $0 = "\(error)" }
                        }
                    }
                }
            }
        }
        let elapsed = (ContinuousClock.now - start).milliseconds / 1000
        if let message = failure.withLock({ $0 }) { throw BenchError(message) }
        try await Task.sleep(for: .seconds(2))
        let stats = try ProcessStats.read(pid: try world.bridgePID)
        let total = connections * perConnection
        return Throughput(
            webhooks: total, connections: connections, perSecond: Double(total) / elapsed, rssAfterMiB: stats.rssMiB,
            peakRSSMiB: stats.peakRSSMiB)
    }

    /// Restarts the bridge (state and tokens on disk) against a fresh, empty broker and times until every topic
    /// the first broker holds retained has arrived and the diagnostics say `authorized`.
    /// Waits until every topic in `expected` has arrived on `recorder` and `accounts` diagnostics say
    /// `authorized`; returns the arrival of the last expected topic.
    private func arrivalOfAll(
        _ expected: Set<String>, on recorder: Recorder, accounts: Int
    ) async throws
        -> ContinuousClock.Instant
    {
        let deadline = ContinuousClock.now + .seconds(30)
        var seen: [String: ContinuousClock.Instant] = [:]
        var authorized = Set<String>()
        var checked = 0
        while ContinuousClock.now < deadline {
            let entries = recorder.since(checked)
            checked += entries.count
            for entry in entries {
                if seen[entry.topic] == nil { seen[entry.topic] = entry.at }
                if entry.topic.hasSuffix("/diagnostics"), entry.payload.contains("\"auth_state\":\"authorized\"") {
                    authorized.insert(entry.topic)
                }
            }
            if expected.isSubset(of: Set(seen.keys)), authorized.count == accounts { break }
            try await Task.sleep(for: .milliseconds(2))
        }
        let missing = expected.subtracting(seen.keys)
        guard missing.isEmpty else { throw BenchError("after restart these never arrived: \(missing.sorted())") }
        let last = expected.compactMap { seen[$0] }.max()!
        return last
    }

    /// Every retained topic on the broker at `port` (bench topics excluded).
    private func retainedTopics(port: Int) async throws -> Set<String> {
        let probe = try await Recorder.start(port: port)
        try await Task.sleep(for: .seconds(1))
        let topics = Set(probe.since(0).map(\.topic).filter { !$0.hasPrefix("bench/") })
        await probe.stop()
        return topics
    }

    private func measureStartup(_ world: BenchWorld) async throws -> Startup {
        // What must be there: every retained topic on the current broker.
        let expected = try await retainedTopics(port: world.broker.port)
        await world.stopBridge()

        let fresh = try await MosquittoBroker.start()
        defer { Task { await fresh.stop() } }
        try world.writeConfig(brokerPort: fresh.port)
        let recorder = try await Recorder.start(port: fresh.port)
        defer { Task { await recorder.stop() } }
        try await world.resetRequestCounts()
        let started = try world.startBridge()
        let last = try await arrivalOfAll(expected, on: recorder, accounts: world.accounts.count)
        try await Task.sleep(for: .seconds(1))
        var versionTimes: [Double] = []
        for _ in 0..<5 {
            let binary = try ChildProcess.binary("withings2mqtt")
            let elapsed = Locked(0.0)
            await onThread {
                let begin = ContinuousClock.now
                guard let child = try? SpawnedProcess(binary, ["--version"]) else { return }
                while child.isRunning { usleep(200) }
                elapsed.withLock { $0 = (ContinuousClock.now - begin).milliseconds }
            }
            versionTimes.append(elapsed.withLock { $0 })
        }
        return Startup(
            wallMs: (last - started).milliseconds, versionExitMs: versionTimes.sorted()[2],
            retainedTopics: expected.count,
            requestsByEndpoint: try await world.requestCounts().endpoints)
    }
}
